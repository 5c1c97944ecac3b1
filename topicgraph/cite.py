"""How to cite a page of the course: the reference as BibTeX, its fields escaped for LaTeX.

Titles come from front matter, so they are text: characters BibTeX and LaTeX read as syntax (braces,
backslashes, `%`, `&`, …) are escaped, and a title cannot close its field or start a command.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

_LATEX_SPECIAL = re.compile(r"[\\{}&%$#_^~]")
_REPLACEMENTS = {"\\": r"\textbackslash{}", "^": r"\^{}", "~": r"\~{}"}
FIELD_WIDTH = 12  # field names are padded so that the values line up, as reference managers write them


def bibtex_text(text: str) -> str:
    """`text` as the value of a BibTeX field: LaTeX's special characters escaped, whitespace collapsed."""
    return _LATEX_SPECIAL.sub(lambda m: _REPLACEMENTS.get(m.group(0), "\\" + m.group(0)), " ".join(text.split()))


def bibtex_entry(entry_type: str, key: str, fields: Sequence[tuple[str, str]]) -> str:
    """A BibTeX entry; each value is given already escaped (see bibtex_text) and is set in braces."""
    lines = [f"@{entry_type}{{{key},"]
    lines += [f"  {name:<{FIELD_WIDTH}} = {{{value}}}," for name, value in fields]
    lines[-1] = lines[-1].removesuffix(",")
    return "\n".join([*lines, "}"])


# How Highwire Press tags (and Zotero, which reads them) describe a cited work, field by field.
_HIGHWIRE_FIELDS = (("journal", "citation_journal_title"), ("booktitle", "citation_inbook_title"),
                    ("publisher", "citation_publisher"), ("volume", "citation_volume"),
                    ("number", "citation_issue"), ("doi", "citation_doi"), ("isbn", "citation_isbn"),
                    ("url", "citation_public_url"))


_LIGATURES = (("---", "—"), ("--", "–"), ("``", "“"), ("''", "”"), ("~", "\u00a0"))  # as LaTeX sets them


@functools.lru_cache(maxsize=4096)
def plain_text(latex: str) -> str:
    """A BibTeX field's value as plain text: braces, dashes and LaTeX escapes resolved.

    pybtex's LaTeX reader takes ~14 ms a value, and a build reads thousands; a value without a
    command (a backslash) needs only its braces dropped and its dashes, quotes and ties written out.
    """
    if "\\" in latex:
        from pybtex.richtext import Text

        text = Text.from_latex(latex).render_as("text")
    else:
        text = latex.replace("{", "").replace("}", "")
        for source, character in _LIGATURES:
            text = text.replace(source, character)
    return " ".join(text.split())


def highwire_reference(entry) -> str:
    """A cited work (a pybtex Entry) as a `citation_reference` tag's content:
    "citation_title=…; citation_author=…; citation_publication_date=…", the form publishers use."""
    parts = [("citation_title", entry.fields.get("title", ""))]
    for person in entry.persons.get("author") or entry.persons.get("editor") or []:
        parts.append(("citation_author", str(person)))
    parts.append(("citation_publication_date", entry.fields.get("year", "")))
    parts += [(tag, entry.fields[field]) for field, tag in _HIGHWIRE_FIELDS if entry.fields.get(field)]
    if pages := entry.fields.get("pages"):
        first, _, last = pages.replace("--", "-").replace("–", "-").partition("-")
        parts += [("citation_firstpage", first), *([("citation_lastpage", last)] if last else [])]
    # "; " separates the fields, so a value keeps no semicolon of its own.
    return "; ".join(f"{tag}={plain_text(value).replace(';', ',')}" for tag, value in parts if value)


def plain_reference(entry) -> str:
    """A cited work as one line of plain text: authors, year, title (for schema.org's `citation`)."""
    people = entry.persons.get("author") or entry.persons.get("editor") or []
    names = "; ".join(plain_text(str(person)) for person in people)
    title = plain_text(entry.fields.get("title", ""))
    return " ".join(f"{names} ({plain_text(entry.fields.get('year', 'n.d.'))}).{f' {title}.' if title else ''}".split())


# RIS: one "TAG  - value" a line, the entry from "TY" to "ER". A line break in a value would start a
# tag of its own, so values are one line; control characters are dropped.
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def ris_text(text: str) -> str:
    """`text` as one RIS value: whitespace (line breaks included) collapsed, control characters dropped."""
    return _CONTROL.sub("", " ".join(text.split()))


def ris_entry(entry_type: str, fields: Sequence[tuple[str, str]]) -> str:
    """A RIS record; a field whose value is empty is left out (RIS has no empty values)."""
    lines = [f"TY  - {entry_type}"]
    lines += [f"{tag}  - {ris_text(value)}" for tag, value in fields if ris_text(value)]
    return "\n".join([*lines, "ER  - "]) + "\n"
