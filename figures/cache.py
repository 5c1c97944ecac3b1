"""Rebuild a figure only when its inputs or the code that draws it changed.

The key is a SHA-256 over the figure's name, the bytes of its input files, the source of every
module in this package and the versions of the libraries that draw or compute it. A hit reads one
JSON file; a miss renders, writes `<name>.<key>.json` and removes that figure's older entries.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Iterable
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any, TypeVar

from figures.figure import Figure

PACKAGE_DIR = Path(__file__).resolve().parent
T = TypeVar("T")


def code_files() -> list[Path]:
    """The package's own source: a change to any module may change any figure."""
    return sorted(PACKAGE_DIR.rglob("*.py"))


def cache_key(name: str, inputs: Iterable[Path], libraries: Iterable[str] = ()) -> str:
    digest = hashlib.sha256(name.encode())
    for path in [*sorted(inputs), *code_files()]:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    for library in sorted(libraries):
        try:
            digest.update(f"{library}=={version(library)}".encode())
        except PackageNotFoundError:
            digest.update(f"{library} missing".encode())
    return digest.hexdigest()[:20]


def cached(name: str, key: str, cache_dir: Path, render: Callable[[], Figure]) -> tuple[Figure, bool]:
    """The figure for this key, from the cache or freshly rendered.

    Returns:
        (figure, rendered): rendered is False when the cache answered.
    """
    return cached_entry(name, key, cache_dir, render, Figure.to_json, Figure.from_json)


def cached_entry(name: str, key: str, cache_dir: Path, compute: Callable[[], T],
                 dump: Callable[[T], Any], load: Callable[[Any], T]) -> tuple[T, bool]:
    """`<cache_dir>/<name>.<key>.json` loaded, or computed and written, replacing `name`'s older entries.

    The build's other cache (pandoc's formatted citations, overrides/hooks/topics.py) uses this too.

    Returns:
        (value, computed): computed is False when the cache answered.
    """
    entry = cache_dir / f"{name}.{key}.json"
    try:
        return load(json.loads(entry.read_text(encoding="utf-8"))), False
    except (OSError, ValueError, KeyError, TypeError):
        pass  # no entry, or a damaged or outdated one: compute again
    value = compute()
    cache_dir.mkdir(parents=True, exist_ok=True)
    for old in cache_dir.glob(f"{name}.*.json"):
        old.unlink(missing_ok=True)  # another build sharing the cache may have removed it already
    tmp = entry.with_suffix(f".{os.getpid()}.tmp")  # one per process: builds may share a cache
    tmp.write_text(json.dumps(dump(value)), encoding="utf-8")
    tmp.replace(entry)  # atomic: a build killed mid-write never leaves half an entry
    return value, True
