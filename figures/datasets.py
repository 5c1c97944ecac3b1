"""CSV datasets in docs/data/ and the YAML note beside each (source, columns, units)."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from figures.errors import FigureError

_BIB_KEY = re.compile(r"^@\w+\s*\{\s*([^,\s]+)\s*,", re.M)
REQUIRED_NOTE_FIELDS = ("title", "source", "columns")
REQUIRED_SOURCE_FIELDS = ("key", "short", "location", "checked")


@dataclass(frozen=True)
class Column:
    name: str
    description: str
    unit: str


@dataclass(frozen=True)
class Source:
    key: str  # a bibliography.bib key
    short: str  # how the chart names it, e.g. "Norris and Kristensen (2010), table"
    location: str  # the table or pages the numbers come from
    checked: str  # how the numbers were checked against the source


@dataclass(frozen=True)
class Dataset:
    name: str
    title: str
    columns: tuple[Column, ...]
    rows: tuple[dict[str, str], ...]
    source: Source
    csv_path: Path
    note_path: Path

    def column(self, name: str) -> list[str]:
        return [row[name] for row in self.rows]


def bibliography_keys(bib_path: Path) -> set[str]:
    """Every entry key in a .bib file (enough to check a sidecar's key; full parsing is pybtex's job)."""
    return set(_BIB_KEY.findall(bib_path.read_text(encoding="utf-8")))


def load_dataset(data_dir: Path, name: str, bib_keys: set[str]) -> Dataset:
    """Read docs/data/<name>.csv and its note docs/data/<name>.yml, checking one against the other.

    Raises:
        FigureError: naming the file, if the note is missing or incomplete, its source key is not in
            the bibliography, or the CSV's header does not match the columns the note describes.
    """
    csv_path, note_path = data_dir / f"{name}.csv", data_dir / f"{name}.yml"
    shown = f"docs/data/{name}"
    if not csv_path.is_file():
        raise FigureError(f"{shown}.csv: no such dataset (add the CSV or fix the figure's input)")
    if not note_path.is_file():
        raise FigureError(f"{shown}.csv: the sidecar note {shown}.yml is missing "
                          "(add one with title, source and columns)")
    try:
        note = yaml.safe_load(note_path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise FigureError(f"{shown}.yml: not valid YAML ({exc})") from None
    missing = [f for f in REQUIRED_NOTE_FIELDS if f not in note]
    missing += [f"source.{f}" for f in REQUIRED_SOURCE_FIELDS if f not in (note.get("source") or {})]
    if missing:
        raise FigureError(f"{shown}.yml: missing field(s) {', '.join(missing)}")
    source = Source(**{f: str(note["source"][f]).strip() for f in REQUIRED_SOURCE_FIELDS})
    if source.key not in bib_keys:
        raise FigureError(f"{shown}.yml: source key '{source.key}' is not in bibliography.bib "
                          "(add the work there, or fix the key)")
    columns = tuple(Column(col, str(spec.get("description", "")).strip(), str(spec.get("unit", "")).strip())
                    for col, spec in note["columns"].items())
    undescribed = [c.name for c in columns if not c.description or not c.unit]
    if undescribed:
        raise FigureError(f"{shown}.yml: column(s) {', '.join(undescribed)} need a description and a unit")
    with csv_path.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        header = reader.fieldnames or []
        rows = tuple(reader)
    if list(header) != [c.name for c in columns]:
        raise FigureError(f"{shown}.csv: header {header} does not match the columns in {name}.yml "
                          f"{[c.name for c in columns]}")
    for number, row in enumerate(rows, start=2):
        if any(value is None or value == "" for value in row.values()):
            raise FigureError(f"{shown}.csv:{number}: empty cell (every cell needs a value)")
    return Dataset(name, str(note["title"]).strip(), columns, rows, source, csv_path, note_path)
