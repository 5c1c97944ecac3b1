"""Render pymdownx.arithmatex's math as MathML at build time: no JavaScript, no third-party request.

arithmatex (generic mode) wraps TeX as <span class="arithmatex">\\(...\\)</span> or
<div class="arithmatex">\\[...\\]</div>; exactly those wrappers are replaced. What latex2mathml made
of each formula is kept in .cache/mathml/ (a file per latex2mathml version and this module's source):
a build whose formulas are all known neither converts one nor imports latex2mathml.
"""

from __future__ import annotations

import hashlib
import html
import re
from collections.abc import MutableMapping
from pathlib import Path

from mkdocs.exceptions import PluginError

from ..jsoncache import KeptJson, package_version

CACHE = Path(".cache") / "mathml"
_MATH = re.compile(
    r'<(?P<tag>span|div) class="arithmatex">(?:\\\((?P<inline>.*?)\\\)|\\\[(?P<block>.*?)\\\])</(?P=tag)>', re.S
)


def with_mathml(html_text: str, display_path: str, known: MutableMapping[str, str] | None = None) -> str:
    """A page's HTML with its math as MathML; display_path names the page's source in messages.

    Arguments:
        known: "<display> <TeX>" -> MathML of formulas converted before; new ones are added to it.
    """
    if 'class="arithmatex"' not in html_text:
        return html_text
    return _MATH.sub(lambda match: _to_mathml(match, display_path, {} if known is None else known), html_text)


def _to_mathml(match: re.Match, display_path: str, known: MutableMapping[str, str]) -> str:
    display = "block" if match.group("block") is not None else "inline"
    tex = html.unescape(match.group(display))
    mathml = known.get(f"{display} {tex}")
    if mathml is None:
        from latex2mathml.converter import convert  # only when a formula is new: it takes a while to import

        try:
            mathml = known[f"{display} {tex}"] = convert(tex, display=display)
        except Exception as exc:  # latex2mathml raises several exception types on bad TeX
            raise PluginError(f"{display_path}: cannot render the math '{tex}': {exc} "
                              "(check the TeX between the dollar signs)") from None
    # A wide formula scrolls sideways on a phone; a reader without a pointer scrolls it by keyboard.
    if display == "block":
        return f'<div class="sd-math" tabindex="0" role="group" aria-label="Formula">{mathml}</div>'
    return mathml


class Formulas(dict[str, str]):
    """The formulas converted so far ("<display> <TeX>" -> MathML), read from and saved to a cache folder."""

    def __init__(self, directory: Path) -> None:
        digest = hashlib.sha256(f"latex2mathml=={package_version('latex2mathml')}".encode())
        digest.update(Path(__file__).read_bytes())
        self.file = KeptJson(directory, digest.hexdigest()[:20])
        super().__init__(self.file.read(dict) or {})

    def save(self) -> None:
        """Keep the formulas, if this build converted new ones (and drop other versions' files)."""
        self.file.write(dict(self))
