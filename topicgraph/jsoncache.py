"""A JSON file per cached value, named by a key over everything that shapes the value.

The build keeps pandoc's formatted citations (topicgraph/plugin/bibtex.py) and each drawn figure
(figures/cache.py) this way, so a rebuild that changed neither repeats neither. The typeset texts and
the formulas' MathML, which grow build by build, are a `KeptJson` file each; the converted pages and
search entries are a file per page written with `write_json`. All name the libraries that shape them
with `package_version`.
"""

from __future__ import annotations

import functools
import json
import os
from collections.abc import Callable
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")


def cached_entry(name: str, key: str, cache_dir: Path, compute: Callable[[], T],
                 dump: Callable[[T], Any], load: Callable[[Any], T]) -> tuple[T, bool]:
    """`<cache_dir>/<name>.<key>.json` loaded, or computed and written, replacing `name`'s older entries.

    Returns:
        (value, computed): computed is False when the cache answered.
    """
    entry = entry_path(name, key, cache_dir)
    try:
        return load(json.loads(entry.read_text(encoding="utf-8"))), False
    except (OSError, ValueError, KeyError, TypeError):
        pass  # no entry, or a damaged or outdated one: compute again
    value = compute()
    cache_dir.mkdir(parents=True, exist_ok=True)
    for old in cache_dir.glob(f"{name}.*.json"):
        old.unlink(missing_ok=True)  # another build sharing the cache may have removed it already
    write_json(entry, dump(value))
    return value, True


def entry_path(name: str, key: str, cache_dir: Path) -> Path:
    return cache_dir / f"{name}.{key}.json"


def write_json(path: Path, value: Any) -> None:
    """Write `value` as JSON at `path`, whole or not at all: builds may share a cache, and a build
    killed mid-write must never leave half an entry."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".{os.getpid()}.tmp")  # one per process
    tmp.write_text(json.dumps(value), encoding="utf-8")
    tmp.replace(path)


class KeptJson:
    """One JSON value kept between builds in `<directory>/<key>.json`, the key naming everything that
    shapes it; written again only when it has grown, and then the files of other keys are removed."""

    def __init__(self, directory: Path, key: str, size: Callable[[Any], int] = len) -> None:
        """size: how many entries a value holds (a value that holds no more is not written again)."""
        self.path = directory / f"{key}.json"
        self._size = size
        self._kept = 0

    def read(self, load: Callable[[Any], T]) -> T | None:
        """The kept value as `load` makes it (raising KeyError, TypeError or ValueError for one of the
        wrong shape), or None if there is none or it cannot be read."""
        try:
            value = load(json.loads(self.path.read_text(encoding="utf-8")))
        except (OSError, ValueError, KeyError, TypeError):
            return None
        self._kept = self._size(value)
        return value

    def write(self, value: Any) -> None:
        """Keep `value` if it holds more than the file does."""
        if self._size(value) == self._kept:
            return
        for old in self.path.parent.glob("*.json"):
            if old != self.path:
                old.unlink(missing_ok=True)
        write_json(self.path, value)
        self._kept = self._size(value)


@functools.cache  # a lookup reads the installed packages' metadata: every page's cache key asks
def package_version(package: str) -> str:
    """An installed package's version, for a cache key ("missing" if it is not installed)."""
    try:
        return version(package)
    except PackageNotFoundError:
        return "missing"
