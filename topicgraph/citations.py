"""The bibliography and the citations in pages: keys, required fields, DOIs, unknown and unused keys."""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pybtex.database import parse_string
from pybtex.scanner import PybtexError

from .errors import Problem

# Same shape as mkdocs-bibtex's citation blocks: [@key], [@key, p. 3], [see @a; @b, ch. 2].
CITATION_BLOCK = re.compile(r"\[([^\[\]]*@[^\[\]]*)\]")
KEY_IN_CITATION = re.compile(r"(?:^|;)\s*[^@;]*?@([\w-]+)")
_ENTRY_START = re.compile(r"^@(\w+)\s*\{\s*([^,\s]+)\s*,", re.M)
_DOI = re.compile(r"^10\.\d{4,9}/[^\s]+$")
_FENCED_CODE = re.compile(r"^(```|~~~).*?^\1", re.M | re.S)

REQUIRED_FIELDS: dict[str, tuple[str, ...]] = {
    "article": ("author", "title", "journal", "year", "volume", "pages"),
    "book": ("author|editor", "title", "publisher", "address", "year"),
    "incollection": ("author", "title", "booktitle", "editor", "publisher", "year", "pages"),
    "inbook": ("author", "title", "booktitle", "publisher", "year", "pages"),
    "misc": ("author", "title", "year"),
    "report": ("author", "title", "institution", "year"),
    "techreport": ("author", "title", "institution", "year"),
    "phdthesis": ("author", "title", "school", "year"),
}


@dataclass
class Bibliography:
    file: str
    entries: dict  # key -> pybtex Entry
    lines: dict[str, int] = field(default_factory=dict)  # key -> 1-based line of '@type{key,'

    def suggest(self, key: str) -> str:
        close = difflib.get_close_matches(key, list(self.entries), 3, 0.75)
        return f"did you mean {' or '.join(repr(c) for c in close)}?" if close else \
            "add the work to bibliography.bib or fix the key"


@dataclass(frozen=True)
class CitationUse:
    key: str
    line: int  # 1-based line in the page's body


def load_bibliography(path: Path, file: str = "bibliography.bib") -> tuple[Bibliography, list[Problem]]:
    """Parse the .bib file and check keys, required fields and DOIs."""
    bibliography, problems = _parsed(path.read_text(encoding="utf-8"), file)
    return bibliography, list(problems)


@functools.lru_cache(maxsize=2)  # a build reads the file twice: before mkdocs-bibtex does, and with the pages
def _parsed(text: str, file: str) -> tuple[Bibliography, tuple[Problem, ...]]:
    problems: list[Problem] = []
    lines: dict[str, int] = {}
    for match in _ENTRY_START.finditer(text):
        key, line = match.group(2), text.count("\n", 0, match.start()) + 1
        if key in lines:
            problems.append(Problem(file, line, f"duplicate key '{key}' (first defined on line {lines[key]})",
                                    "keep one entry, or give the other work its own key"))
        else:
            lines[key] = line
    if problems:
        return Bibliography(file, {}, lines), tuple(problems)
    try:
        entries = dict(parse_string(text, "bibtex").entries)
    except PybtexError as exc:
        return Bibliography(file, {}, lines), (Problem(file, None, f"cannot parse: {exc}",
                                                       "check braces and commas around the entry"),)
    for key, entry in entries.items():
        problems += _check_entry(file, lines.get(key), key, entry)
    return Bibliography(file, entries, lines), tuple(problems)


def citation_uses(markdown: str, first_line: int = 1) -> list[CitationUse]:
    """Every cited key in a page body, with its line; fenced code is skipped."""
    text = _FENCED_CODE.sub(lambda m: "\n" * m.group(0).count("\n"), markdown)
    uses = []
    for block in CITATION_BLOCK.finditer(text):
        line = first_line + text.count("\n", 0, block.start())
        uses += [CitationUse(key, line) for key in KEY_IN_CITATION.findall(block.group(1))]
    return uses


def check_citations(file: str, uses: Iterable[CitationUse], bibliography: Bibliography) -> list[Problem]:
    """Unknown keys in one page, with the closest existing keys suggested."""
    return [Problem(file, use.line, f"unknown citation key '{use.key}'", bibliography.suggest(use.key))
            for use in uses if use.key not in bibliography.entries]


def check_unused(bibliography: Bibliography, cited: set[str]) -> list[Problem]:
    """Entries that no page cites: every work listed must be used somewhere."""
    return [Problem(bibliography.file, bibliography.lines.get(key), f"entry '{key}' is not cited by any page",
                    "cite it with [@" + key + "] where it supports a claim, or remove it")
            for key in bibliography.entries if key not in cited]


def _check_entry(file: str, line: int | None, key: str, entry) -> list[Problem]:
    problems = []
    fields = {name.lower() for name in entry.fields} | {role.lower() for role in entry.persons}
    for required in REQUIRED_FIELDS.get(entry.type.lower(), ("title", "year")):
        if not any(option in fields for option in required.split("|")):
            problems.append(Problem(file, line, f"entry '{key}' ({entry.type}) is missing '{required}'",
                                    f"add the {required.replace('|', ' or ')} field"))
    doi = entry.fields.get("doi")
    if doi is not None and not _DOI.match(doi):
        problems.append(Problem(file, line, f"entry '{key}' has a malformed DOI '{doi}'",
                                "write the bare DOI, e.g. 10.2307/2009958 (no URL prefix)"))
    return problems
