"""Render pymdownx.arithmatex's math as MathML at build time: no JavaScript, no third-party request.

arithmatex (generic mode) wraps TeX as <span class="arithmatex">\\(...\\)</span> or
<div class="arithmatex">\\[...\\]</div>; exactly those wrappers are replaced.
"""

from __future__ import annotations

import html
import re

from latex2mathml.converter import convert
from mkdocs.exceptions import PluginError

_MATH = re.compile(
    r'<(?P<tag>span|div) class="arithmatex">(?:\\\((?P<inline>.*?)\\\)|\\\[(?P<block>.*?)\\\])</(?P=tag)>', re.S
)


def with_mathml(html_text: str, display_path: str) -> str:
    """A page's HTML with its math as MathML; display_path names the page's source in messages."""
    if 'class="arithmatex"' not in html_text:
        return html_text
    return _MATH.sub(lambda match: _to_mathml(match, display_path), html_text)


def _to_mathml(match: re.Match, display_path: str) -> str:
    block = match.group("block") is not None
    tex = html.unescape(match.group("block") if block else match.group("inline"))
    try:
        mathml = convert(tex, display="block" if block else "inline")
    except Exception as exc:  # latex2mathml raises several exception types on bad TeX
        raise PluginError(f"{display_path}: cannot render the math '{tex}': {exc} "
                          "(check the TeX between the dollar signs)") from None
    # A wide formula scrolls sideways on a phone; a reader without a pointer scrolls it by keyboard.
    return f'<div class="sd-math" tabindex="0" role="group" aria-label="Formula">{mathml}</div>' if block else mathml
