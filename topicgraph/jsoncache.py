"""A JSON file per cached value, named by a key over everything that shapes the value.

The build keeps pandoc's formatted citations (topicgraph/plugin/bibtex.py) and each drawn figure
(figures/cache.py) this way, so a rebuild that changed neither repeats neither.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")


def cached_entry(name: str, key: str, cache_dir: Path, compute: Callable[[], T],
                 dump: Callable[[T], Any], load: Callable[[Any], T]) -> tuple[T, bool]:
    """`<cache_dir>/<name>.<key>.json` loaded, or computed and written, replacing `name`'s older entries.

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
