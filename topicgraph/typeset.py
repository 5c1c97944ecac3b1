"""Short texts as inline HTML, each converted once per build, and never as a way in for markup.

Two kinds of text recur on many pages. Front-matter text (titles, descriptions, reflections, quiz
questions) is plain text written by contributors: `TextTypesetter` escapes it and gives it the quotes,
dashes and ellipses of the pages, nothing else, so no Markdown or HTML in it takes effect. Formatted
references come from pandoc as Markdown (italics, links): `Typesetter` converts them with the pages'
extensions but with raw HTML turned off, so a BibTeX field holding markup shows it as text.

Both return `markupsafe.Markup`: the HTML they make is final, and an autoescaping template prints it
as it is. `TextTypesetter` also encodes the characters Markdown and its attribute lists read as
syntax, so a generated Markdown heading can hold its output unchanged.

Converting these texts inside every page's Markdown cost more than the prose: a topic's ~15
references, dense with quotes, italics and links, took Python-Markdown twice as long as its text.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from html import escape
from typing import Any

from markdown import Markdown
from markupsafe import Markup

_PARAGRAPH = re.compile(r"<p>(.*)</p>", re.S)
# Characters Markdown, attribute lists and tables read as syntax; as character references they are text.
_MARKDOWN_SYNTAX = re.compile(r"[\\`*_\[\]{}!#|]")
# What Markdown with smarty could act on in escaped, syntax-encoded text: quotes, dashes, ellipses, a
# list or rule at the start, and control characters (Markdown's own placeholders; escaping has made
# angled quotes entities, which smarty leaves alone).
# Text without any is its own HTML: about seven texts in ten, which then skip a conversion.
_ACTIVE = re.compile(r"""['"]|--|\.\.\.|^(?:[-+]|\d+\.)(?: |$)|[\x00-\x1f\x7f]""")
# Raw HTML in Markdown: the block preprocessor and the inline pattern Python-Markdown registers.
_RAW_HTML = (("preprocessors", "html_block"), ("inlinePatterns", "html"))


class TextTypesetter:
    """Front-matter text -> inline HTML: escaped, with the pages' typography (smarty) and nothing else."""

    def __init__(self, smarty_config: Mapping[str, Any] | None = None, known: Mapping[str, str] | None = None) -> None:
        """known: text -> HTML this typesetter gave before (a cache kept between builds)."""
        self._markdown = Markdown(extensions=["smarty"], extension_configs={"smarty": dict(smarty_config or {})})
        self._html: dict[str, Markup] = {text: Markup(html) for text, html in (known or {}).items()}

    @property
    def typeset(self) -> dict[str, str]:
        """Every text typeset so far -> its HTML."""
        return dict(self._html)

    def __call__(self, text: str) -> Markup:
        html = self._html.get(text)
        if html is None:
            source = encoded(text)
            html = self._html[text] = _inline(self._markdown, source) if _ACTIVE.search(source) else Markup(source)
        return html


class Typesetter:
    """Markdown (formatted references) -> inline HTML, with the pages' extensions and no raw HTML."""

    def __init__(self, extensions: Sequence[Any], configs: Mapping[str, Mapping[str, Any]],
                 known: Mapping[str, str] | None = None) -> None:
        """known: text -> HTML this typesetter gave before (a cache kept between builds)."""
        self._markdown = Markdown(extensions=list(extensions), extension_configs=dict(configs))
        for registry, name in _RAW_HTML:
            getattr(self._markdown, registry).deregister(name, strict=False)
        self._html: dict[str, Markup] = {text: Markup(html) for text, html in (known or {}).items()}

    @property
    def typeset(self) -> dict[str, str]:
        """Every text typeset so far -> its HTML."""
        return dict(self._html)

    def __call__(self, text: str) -> Markup:
        html = self._html.get(text)
        if html is None:
            html = self._html[text] = _inline(self._markdown, text)
        return html


def encoded(text: str) -> str:
    """Front-matter text as TextTypesetter hands it to Markdown: one line, escaped, syntax encoded."""
    # quote=False: smarty curls straight double quotes, so they must reach it unescaped.
    return _MARKDOWN_SYNTAX.sub(_reference, escape(" ".join(text.split()), quote=False))


def _inline(markdown: Markdown, text: str) -> Markup:
    """Convert `text`; a single paragraph becomes its content."""
    converted = markdown.reset().convert(text)
    match = _PARAGRAPH.fullmatch(converted)
    return Markup(match.group(1) if match and "<p>" not in match.group(1) else converted)


def _reference(match: re.Match) -> str:
    return f"&#{ord(match.group(0))};"
