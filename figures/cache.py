"""Rebuild a figure only when its inputs or the code that draws it changed.

The key is a SHA-256 over the figure's name, the bytes of its input files, the source of every
module in this package and the versions of the libraries that draw or compute it. A hit reads one
JSON file; a miss renders, writes `<name>.<key>.json` and removes that figure's older entries.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from pathlib import Path

from figures.figure import Figure
from topicgraph.jsoncache import cached_entry, package_version

PACKAGE_DIR = Path(__file__).resolve().parent


def code_files() -> list[Path]:
    """The package's own source: a change to any module may change any figure."""
    return sorted(PACKAGE_DIR.rglob("*.py"))


def cache_key(name: str, inputs: Iterable[Path], libraries: Iterable[str] = ()) -> str:
    digest = hashlib.sha256(name.encode())
    for path in [*sorted(inputs), *code_files()]:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    for library in sorted(libraries):
        digest.update(f"{library}=={package_version(library)}".encode())
    return digest.hexdigest()[:20]


def cached(name: str, key: str, cache_dir: Path, render: Callable[[], Figure]) -> tuple[Figure, bool]:
    """The figure for this key, from the cache or freshly rendered.

    Returns:
        (figure, rendered): rendered is False when the cache answered.
    """
    return cached_entry(name, key, cache_dir, render, Figure.to_json, Figure.from_json)
