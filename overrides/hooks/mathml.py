"""Render pymdownx.arithmatex's math as MathML at build time: no JavaScript, no third-party request.

arithmatex (generic mode) wraps TeX as <span class="arithmatex">\\(...\\)</span> or
<div class="arithmatex">\\[...\\]</div>; this hook replaces exactly those wrappers.
"""

from __future__ import annotations

import html
import re

from latex2mathml.converter import convert
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

_MATH = re.compile(
    r'<(?P<tag>span|div) class="arithmatex">(?:\\\((?P<inline>.*?)\\\)|\\\[(?P<block>.*?)\\\])</(?P=tag)>', re.S
)


# Hooks ----------------------------------------------------------------------------------------------


def on_page_content(html_text: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if 'class="arithmatex"' not in html_text:
        return html_text
    return _MATH.sub(lambda match: _to_mathml(match, page), html_text)


# Helpers --------------------------------------------------------------------------------------------


def _to_mathml(match: re.Match, page: Page) -> str:
    block = match.group("block") is not None
    tex = html.unescape(match.group("block") if block else match.group("inline"))
    try:
        return convert(tex, display="block" if block else "inline")
    except Exception as exc:  # latex2mathml raises several exception types on bad TeX
        raise PluginError(f"docs/{page.file.src_uri}: cannot render the math '{tex}': {exc} "
                          "(check the TeX between the dollar signs)") from None
