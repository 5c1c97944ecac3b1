"""Where a page mentions another: the sentence around its link, as plain text, for "Mentioned in".

A bare list of backlinks says that a topic is mentioned, not how; the sentence that links to it does
(Obsidian shows backlinks the same way). The sentence is cut out of the Markdown source and stripped to
plain text: citations and footnote markers go, links keep their text, emphasis and code markers are
dropped. A long sentence is trimmed around the link with ellipses. The result is contributor text and
stays data: templates escape it.
"""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Mapping
from dataclasses import dataclass

from .citations import CITATION_BLOCK
from .links import resolve
from .rounds import LastRound

# Words kept on each side of the link when a sentence is longer than LONG_SENTENCE words.
LONG_SENTENCE = 32
WORDS_AROUND = 12
ELLIPSIS = "…"

_FRONT_MATTER = re.compile(r"\A---\n.*?\n(?:---|\.\.\.)\n", re.S)
_FENCED_CODE = re.compile(r"^[ \t]*(```|~~~).*?^[ \t]*\1[^\n]*$", re.M | re.S)
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_LINK = re.compile(r"(?<!!)\[([^\]]*)\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_REFERENCE_LINK = re.compile(r"(?<!!)\[([^\]]+)\]\[[^\]]*\]")
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_FOOTNOTE_REF = re.compile(r"\[\^[^\]]+\]")
_ATTRIBUTES = re.compile(r"\s*\{\s*[:#.][^}]*\}")
_TAG = re.compile(r"</?[a-zA-Z][^>]*>")
_EMPHASIS = (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), re.compile(r"\*(?=\S)(.+?)(?<=\S)\*"),
             re.compile(r"(?<![\w\\])_(?=\S)(.+?)(?<=\S)_(?!\w)"), re.compile(r"(==|~~|\^\^)(?=\S)(.+?)(?<=\S)\1"))
_CODE = re.compile(r"`+([^`]*)`+")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|])")
_STAND_IN = {c: chr(0xE100 + n) for n, c in enumerate("\\`*_{}[]()#+-.!|")}  # _ESCAPE's; private use
_LITERAL = str.maketrans({v: k for k, v in _STAND_IN.items()})
# Where a block holds several units: a list item, a heading, a quotation's line, an admonition's title.
_ITEM_START = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+|^#{1,6}\s+|^(?:!!!|\?\?\?\+?)\s")
_LINE_MARKER = re.compile(r"^\s*(?:>\s?)*(?:[-*+]\s+|\d+[.)]\s+|#{1,6}\s+)?")
_ADMONITION = re.compile(r"^\s*(?:!!!|\?\?\?\+?)\s.*$", re.M)
# A sentence ends at . ! or ? (and any closing quote or bracket) before a space and a capital, a digit or
# an opening quote; not after an initial ("G. H. Snyder") or a common abbreviation.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[A-Z0-9“\"‘'(\ue000])")
_ABBREVIATION = re.compile(r"(?:\b[A-Z]|\be\.g|\bi\.e|\bcf|\bpp?|\bvs|\bch|\bvol|\bno|\bed|\beds|\bal|\bSt|\bMr|\bMrs"
                           r"|\bDr|\bU\.S|\bU\.K|\bU\.N)\.$")
# Inline TeX ($p > 0.5$) as the text a reader sees of it; the page shows it as MathML.
_INLINE_MATH = re.compile(r"(?<![\\$])\$(?!\s)([^$\n]+?)(?<!\s)\$(?!\$)")
_TEX_SYMBOLS = {"cdot": "·", "times": "×", "leq": "≤", "geq": "≥", "le": "≤", "ge": "≥", "neq": "≠", "ne": "≠",
                "pi": "π", "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "theta": "θ", "lambda": "λ",
                "mu": "μ", "sigma": "σ", "epsilon": "ε", "infty": "∞", "ldots": "…", "dots": "…"}
# Private-use characters mark the link's text while the rest is stripped.
_OPEN, _CLOSE = "\ue000", "\ue001"


@dataclass(frozen=True)
class MentionContext:
    """The sentence of one page that links to another, as plain text: before, the link's text, after."""

    before: str
    linked: str
    after: str

    def __str__(self) -> str:
        return f"{self.before}{self.linked}{self.after}"


# Each sentence as the last build found it in the same page: a `mkdocs serve` rebuild finds all of them again.
_CONTEXTS: LastRound[MentionContext | None] = LastRound()


def mention_context(markdown: str, src_uri: str, target_uri: str) -> MentionContext | None:
    """The sentence of the page at `src_uri` (its Markdown) that first links to the page `target_uri`."""
    return _first_mention(_page_units(markdown), src_uri, target_uri)


def mention_contexts(pages: Mapping[str, str],
                     backlinks: Mapping[str, list[str]]) -> dict[str, dict[str, MentionContext]]:
    """target src_uri -> {source src_uri -> the sentence of the source that links to the target}.

    Arguments:
        pages: src_uri -> Markdown source of every page.
        backlinks: target src_uri -> the src_uris of the pages linking to it (links.backlinks).
    """
    units: dict[str, list[str]] = {}  # each source is split once, however many pages it links to

    def first_mention(source: str, target: str) -> MentionContext | None:
        if source not in units:
            units[source] = _page_units(pages[source])
        return _first_mention(units[source], source, target)

    found: dict[str, dict[str, MentionContext]] = {}
    _CONTEXTS.new_round()
    for target, sources in backlinks.items():
        for source in sources:
            if source not in pages:
                continue
            if context := _CONTEXTS.get((pages[source], source, target),
                                        lambda source=source, target=target: first_mention(source, target)):
                found.setdefault(target, {})[source] = context
    return found


def _page_units(markdown: str) -> list[str]:
    """Every unit of a page's prose (paragraph, list item, heading, table row), in order, on one line each."""
    # The private-use characters that mark the link and escaped characters are this module's alone.
    markdown = re.sub("[\ue000-\ue1ff]", "", markdown)
    text = _COMMENT.sub("", _FENCED_CODE.sub("", _FRONT_MATTER.sub("", markdown)))
    return [unit for block in re.split(r"\n[ \t]*\n", text) for unit in _units(block)]


def _first_mention(units: list[str], src_uri: str, target_uri: str) -> MentionContext | None:
    name = posixpath.basename(target_uri)
    for unit in units:
        if name in unit and (marked := _marked_link(unit, src_uri, target_uri)) is not None:
            return _context(_sentence(_plain(marked)))
    return None


def _units(block: str) -> list[str]:
    """A block's list items, headings, table rows and admonition titles, each on one line, markers removed."""
    units: list[list[str]] = []
    for line in block.splitlines():
        if _ITEM_START.match(line.lstrip("> ")) or line.lstrip().startswith("|") or not units:
            units.append([])
        units[-1].append(_table_row(line) if line.lstrip().startswith("|") else line)
    return [" ".join(_LINE_MARKER.sub("", _ADMONITION.sub("", line)).strip() for line in unit) for unit in units]


def _table_row(line: str) -> str:
    """A table's row as a line of text: its cells joined by middle dots."""
    return " · ".join(cell.strip() for cell in line.strip().strip("|").split("|") if cell.strip())


def _marked_link(unit: str, src_uri: str, target_uri: str) -> str | None:
    """The unit with its first link to `target_uri` marked and every other link reduced to its text."""
    marked = False

    def link(match: re.Match[str]) -> str:
        nonlocal marked
        label, target = match.group(1), match.group(2)
        path = target.split("#", 1)[0].split("?", 1)[0]
        if not marked and path.endswith(".md") and "://" not in path and resolve(src_uri, path) == target_uri:
            marked = True
            return f"{_OPEN}{label}{_CLOSE}"
        return label

    # Inline code shows its brackets as written: a link in it is no link (as in links.linked_pages).
    parts = re.split(r"(`+[^`\n]*`+)", _IMAGE.sub("", unit))
    unit = "".join(part if n % 2 else _LINK.sub(link, part) for n, part in enumerate(parts))
    return unit if marked else None


def _plain(text: str) -> str:
    """Markdown as the reader sees it, without markup."""
    text = CITATION_BLOCK.sub("", text)
    text = re.sub(r"\s+([.,;:!?)])", r"\1", text)  # the space a removed citation leaves before punctuation
    text = _FOOTNOTE_REF.sub("", text)
    text = _ATTRIBUTES.sub("", text)
    text = _REFERENCE_LINK.sub(r"\1", text)
    text = _TAG.sub("", text)
    text = _CODE.sub(r"\1", text)
    # An escaped character is literal: it waits as a stand-in while emphasis is read (\*a\* is no emphasis).
    text = _ESCAPE.sub(lambda m: _STAND_IN[m.group(1)], text)
    for pattern in _EMPHASIS:
        text = pattern.sub(lambda m: m.group(m.lastindex or 0), text)
    return " ".join(html.unescape(text.translate(_LITERAL)).split())


def _tex_text(math: re.Match[str]) -> str:
    """Simple inline TeX as text: symbols by name, braces, sub- and superscript marks dropped."""
    text = re.sub(r"\\([a-zA-Z]+)", lambda m: _TEX_SYMBOLS.get(m.group(1), m.group(1)), math.group(1))
    return re.sub(r"[{}_^]", "", text)


def _sentence(text: str) -> str:
    """The sentence of `text` that holds the marked link."""
    start = 0
    for boundary in _SENTENCE_END.finditer(text):
        if _ABBREVIATION.search(text, text.rfind(" ", 0, boundary.start()) + 1, boundary.start()):
            continue  # the word before the full stop is an initial or an abbreviation
        if boundary.start() >= text.index(_OPEN):
            return text[start:boundary.start()].strip()
        start = boundary.end()
    return text[start:].strip()


def _context(sentence: str) -> MentionContext:
    before, rest = sentence.split(_OPEN, 1)
    linked, after = rest.split(_CLOSE, 1)
    before_words, after_words = before.split(" "), after.split(" ")
    if len(sentence.split()) > LONG_SENTENCE:
        if len(before_words) > WORDS_AROUND:
            before = ELLIPSIS + " " + " ".join(before_words[-WORDS_AROUND:])
        if len(after_words) > WORDS_AROUND:
            after = " ".join(after_words[:WORDS_AROUND]).rstrip(",;:") + " " + ELLIPSIS
    # TeX becomes text only now: "$P > S$. Then" ends a sentence, "P > S. Then" looks like an initial.
    return MentionContext(*(_INLINE_MATH.sub(_tex_text, part) for part in (before, linked, after)))
