"""The arms-control record: every agreement the course mentions, its status stated once, in one file.

`docs/data/agreements.yml` holds each agreement's dates, status and sources, dated by `as_of`. A page
shows the record by placing `<!-- table: agreements -->` on its own line; the build replaces the marker
with a Markdown table before anything else reads the page, so its citations are checked, formatted
and listed like any other. Topics name agreements in their prose and link to the record for today's
status instead of restating it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from .errors import Problem
from .frontmatter import SAFE_LOADER

MARKER = "<!-- table: agreements -->"
DATA = Path("data") / "agreements.yml"  # relative to docs_dir
STATUSES = {
    "in-force": "In force",
    "expired": "Expired",
    "terminated": "Terminated",
    "suspended": "Suspended",
    "not-in-force": "Never in force",
    "superseded": "Superseded",
}
_REQUIRED = ("id", "name", "full_name", "aliases", "parties", "signed", "status", "status_text", "sources")
_OPTIONAL = ("in_force", "notes")
_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_SOURCE = re.compile(r"^@[\w-]+(\s*,\s*[^;\[\]@]+)?$")


@dataclass(frozen=True)
class Agreement:
    id: str
    name: str
    full_name: str
    aliases: tuple[str, ...]
    parties: str
    signed: dt.date
    status: str
    status_text: str
    sources: tuple[str, ...]  # citations without brackets: "@key, art. XIV"
    in_force: dt.date | None = None
    notes: str = ""

    @property
    def anchor(self) -> str:
        return f"agreement-{self.id}"


@dataclass(frozen=True)
class Record:
    as_of: dt.date
    agreements: tuple[Agreement, ...]


def load_record(path: Path, file: str) -> tuple[Record | None, list[Problem]]:
    """Read and check the record; `file` names it in messages."""
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=SAFE_LOADER)
    except yaml.YAMLError as exc:
        line = exc.problem_mark.line + 1 if getattr(exc, "problem_mark", None) else None
        return None, [Problem(file, line, "not valid YAML", "fix the syntax on that line")]
    if not isinstance(data, dict) or not isinstance(data.get("as_of"), dt.date) or \
            not isinstance(data.get("agreements"), list):
        return None, [Problem(file, None, "expected 'as_of' (a date) and 'agreements' (a list)",
                              "see the entries already in the file")]
    problems: list[Problem] = []
    agreements = []
    for number, raw in enumerate(data["agreements"], start=1):
        where = f"agreement {number} ({raw.get('id', '?') if isinstance(raw, dict) else '?'})"
        found = _entry_problems(raw, where, data["as_of"])
        problems += [Problem(file, None, message, fix) for message, fix in found]
        if not found:
            agreements.append(Agreement(
                id=raw["id"], name=raw["name"], full_name=" ".join(raw["full_name"].split()),
                aliases=tuple(raw["aliases"]), parties=raw["parties"], signed=raw["signed"],
                status=raw["status"], status_text=" ".join(raw["status_text"].split()),
                sources=tuple(raw["sources"]), in_force=raw.get("in_force"),
                notes=" ".join(raw.get("notes", "").split())))
    ids = [a.id for a in agreements]
    problems += [Problem(file, None, f"duplicate agreement id '{i}'", "give each agreement its own id")
                 for i in sorted({i for i in ids if ids.count(i) > 1})]
    return Record(data["as_of"], tuple(agreements)), problems


def record_table(record: Record) -> str:
    """The record as a Markdown table, one row per agreement in the file's order."""
    as_of = _date(record.as_of)
    rows = [f"| Agreement | Signed | Status as of {as_of} |", "|---|---|---|"]
    for agreement in record.agreements:
        name = (f'<a id="{agreement.anchor}"></a>**{agreement.name}**: {agreement.full_name} '
                f"({agreement.parties})")
        signed = _date(agreement.signed)
        if agreement.in_force:
            signed += f"; in force {_date(agreement.in_force)}"
        status = f"**{STATUSES[agreement.status]}.** {agreement.status_text}"
        if agreement.notes:
            status += f" {agreement.notes}"
        status += f" [{'; '.join(agreement.sources)}]"
        rows.append("| " + " | ".join(cell.replace("|", "\\|") for cell in (name, signed, status)) + " |")
    return "\n".join(rows)


def with_record(markdown: str, record: Record | None) -> str:
    """The page's Markdown with the marker, if any, replaced by the record's table."""
    if record is None or MARKER not in markdown:
        return markdown
    return markdown.replace(MARKER, record_table(record))


def _entry_problems(raw: object, where: str, as_of: dt.date) -> list[tuple[str, str]]:
    if not isinstance(raw, dict):
        return [(f"{where}: expected a mapping of fields", "see the entries already in the file")]
    problems = []
    missing = [name for name in _REQUIRED if not raw.get(name)]
    unknown = sorted(set(raw) - set(_REQUIRED) - set(_OPTIONAL))
    if missing:
        problems.append((f"{where}: missing {', '.join(missing)}", "add the field(s)"))
    if unknown:
        problems.append((f"{where}: unknown field(s) {', '.join(unknown)}",
                         "use only " + ", ".join(_REQUIRED + _OPTIONAL)))
    if missing:
        return problems
    if not _ID.match(str(raw["id"])):
        problems.append((f"{where}: id must be lower-case words joined by hyphens", "e.g. new-start"))
    if raw["status"] not in STATUSES:
        problems.append((f"{where}: status '{raw['status']}' is not allowed", "use one of: " + ", ".join(STATUSES)))
    for name in ("signed", "in_force"):
        value = raw.get(name)
        if value is not None and (not isinstance(value, dt.date) or value > as_of):
            problems.append((f"{where}: {name} must be a date (YYYY-MM-DD) no later than as_of",
                             "write the ISO date the sources give"))
    if not all(isinstance(s, str) and _SOURCE.match(s.strip()) for s in raw["sources"]):
        problems.append((f"{where}: each source is a citation without brackets, e.g. '@key, art. XIV'",
                         "write the citation as in a page, without the brackets"))
    if not isinstance(raw["aliases"], list) or raw["name"] not in raw["aliases"]:
        problems.append((f"{where}: aliases must be a list that includes the name", f"add '{raw['name']}'"))
    return problems


def _date(value: dt.date) -> str:
    return f"{value.day} {value:%B %Y}"
