"""Short texts as the inline HTML the site's Markdown makes of them, each converted once per build.

Titles, descriptions and formatted references recur on many pages. Converted inside every page's
Markdown they cost more than the prose: a topic's ~15 references, dense with quotes, italics and
links, took Python-Markdown twice as long as the topic's own text.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from markdown import Markdown

_PARAGRAPH = re.compile(r"<p>(.*)</p>", re.S)


class Typesetter:
    """text -> inline HTML, with the extensions (smarty's quotes and dashes included) of the pages."""

    def __init__(self, extensions: Sequence[Any], configs: Mapping[str, Mapping[str, Any]]) -> None:
        self._markdown = Markdown(extensions=list(extensions), extension_configs=dict(configs))
        self._html: dict[str, str] = {}

    def __call__(self, text: str) -> str:
        html = self._html.get(text)
        if html is None:
            converted = self._markdown.reset().convert(text)
            match = _PARAGRAPH.fullmatch(converted)
            inline = match and "<p>" not in match.group(1)  # one paragraph: its content
            html = self._html[text] = match.group(1) if inline else converted
        return html
