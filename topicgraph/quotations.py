"""Quotations in page bodies and the locators their citations must carry.

A scholar checking a quotation needs the page it stands on. A quotation here is a span of three or
more words in double quotation marks (straight or curly) inside a paragraph; shorter quoted spans are
terms ("the spiral"), not quotations. The first citation after a quotation, in the same paragraph, must
give a locator for at least one of its works (`p.`, `pp.`, `ch.`, `sec.`, `art.`, …). A quoted span
that is the title of a work the citation names is a title, not a quotation, and needs no locator.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from .citations import CITATION_BLOCK, KEY_IN_CITATION
from .errors import Problem
from .frontmatter import front_matter_lines

MIN_WORDS = 2
LOCATOR_FIX = "add the page, e.g. [@key, p. 12], or for a work without pages its chapter or section"

_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
_INLINE_CODE = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)")
_HTML_TAG = re.compile(r"<[A-Za-z/!][^<>]*>")
_ATTR_LIST = re.compile(r"\{:?\s*[#.][^{}]*\}|\{:?[^{}\n]*=[^{}\n]*\}")
_LINK_TARGET = re.compile(r"\]\([^()\s]*(?:\s+\"[^\"]*\")?\)")
_QUOTED = re.compile(r"\"([^\"]+)\"|“([^“”]+)”")
_LOCATOR = re.compile(
    r"@[\w-]+\s*,\s*(?:[^;]*?\b)?(?:pp?|chs?|chap|sec|secs|art|arts|para|paras|fig|tab|app|vol|n|nn|col|l|ll|doc|docs)\.\s*"
    r"[\w]|@[\w-]+\s*,\s*(?:[^;]*?)§\s*\w",
    re.I,
)
_WORD = re.compile(r"[^\W\d_][\w'’-]*")  # numbers alone do not make a quotation


@dataclass(frozen=True)
class Quotation:
    text: str
    line: int  # 1-based line in the text given to find_quotations
    citation: str | None  # the first citation block after it in the same paragraph, without brackets


def find_quotations(markdown: str, first_line: int = 1) -> list[Quotation]:
    """Every quotation of MIN_WORDS or more words in the prose of `markdown`, with the citation after it.

    Code (fenced or inline), HTML tags, attribute lists and link targets are not prose; front matter
    must already be stripped (pass the body and the line it starts on).
    """
    quotations: list[Quotation] = []
    for start, paragraph in _paragraphs(markdown):
        prose = _blank(paragraph)
        citations = [(m.start(), m.group(1)) for m in CITATION_BLOCK.finditer(prose)]
        for match in _QUOTED.finditer(prose):
            text = match.group(1) or match.group(2)
            if len(_WORD.findall(text)) < MIN_WORDS or "@" in text:
                continue
            after = next((body for position, body in citations if position >= match.end()), None)
            line = first_line + start + prose.count("\n", 0, match.start())
            quotations.append(Quotation(" ".join(text.split()), line, after))
    return quotations


def quotation_problems(file: str, markdown: str, first_line: int,
                       title_of: Callable[[str], str | None]) -> list[Problem]:
    """A problem for each quotation whose citation gives no locator, or that has no citation at all.

    Arguments:
        file: the page's path as shown in messages.
        markdown: the page's body (front matter removed).
        first_line: the file line on which the body starts.
        title_of: bibliography key -> the work's title (None for an unknown key).
    """
    problems = []
    for quotation in find_quotations(markdown, first_line):
        shown = _shorten(quotation.text)
        if quotation.citation is None:
            problems.append(Problem(file, quotation.line, f"quotation “{shown}” has no citation after it",
                                    "cite its source with a page in the same paragraph, e.g. [@key, p. 12]"))
        elif not _LOCATOR.search(quotation.citation) and not _is_title(quotation, title_of):
            problems.append(Problem(file, quotation.line,
                                    f"quotation “{shown}” is cited without a page ([{quotation.citation}])",
                                    LOCATOR_FIX))
    return problems


def check_quotations(pages: Mapping[str, str], bibliography, display_prefix: str = "docs") -> list[Problem]:
    """quotation_problems() over every page; pages maps src_uri -> the file's text."""
    def title_of(key: str) -> str | None:
        entry = bibliography.entries.get(key)
        return entry.fields.get("title") if entry is not None else None

    problems = []
    for src_uri, text in pages.items():
        skipped = front_matter_lines(text)
        body = "\n".join(text.splitlines()[skipped:])
        problems += quotation_problems(f"{display_prefix}/{src_uri}", body, skipped + 1, title_of)
    return problems


# Helpers --------------------------------------------------------------------------------------------


def _paragraphs(markdown: str) -> list[tuple[int, str]]:
    """(0-based first line, text) of each blank-line-separated block outside fenced code."""
    blocks: list[tuple[int, str]] = []
    current: list[str] = []
    start = 0
    fence: str | None = None
    for number, line in enumerate(markdown.splitlines()):
        opening = _FENCE.match(line)
        if fence is not None:
            if opening and opening.group(1)[0] == fence[0] and not line.strip().strip(fence[0]):
                fence = None
            line = ""
        elif opening:
            fence = opening.group(1)
            line = ""
        if line.strip():
            if not current:
                start = number
            current.append(line)
        elif current:
            blocks.append((start, "\n".join(current)))
            current = []
    if current:
        blocks.append((start, "\n".join(current)))
    return blocks


def _blank(paragraph: str) -> str:
    """The paragraph with non-prose spans replaced by spaces, so offsets and line breaks stay put."""
    for pattern in (_INLINE_CODE, _HTML_TAG, _ATTR_LIST, _LINK_TARGET):
        paragraph = pattern.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), paragraph)
    return paragraph


def _is_title(quotation: Quotation, title_of: Callable[[str], str | None]) -> bool:
    """Whether the quoted words are (the start of) the title of a work the citation names."""
    quoted = _normal(quotation.text)
    for key in KEY_IN_CITATION.findall(quotation.citation or ""):
        title = title_of(key)
        if title and quoted and _normal(title).startswith(quoted):
            return True
    return False


def _normal(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.replace("{", "").replace("}", ""))
    return " ".join(_WORD.findall(text.lower().replace("’", "'")))


def _shorten(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
