"""The JSON cache of computed values (topicgraph/jsoncache.py): a value is computed once per key, read
back on the next build, recomputed when its entry is damaged, and an entry replaces its older ones."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from topicgraph.jsoncache import cached_entry


class Box:
    """A value stored as a JSON object, as figures and citations are."""

    def __init__(self, number: int) -> None:
        self.number = number

    def dump(self) -> dict:
        return {"number": self.number}

    @staticmethod
    def load(data: dict) -> Box:
        return Box(data["number"])


def entry(cache: Path, key: str, number: int, name: str = "figure") -> tuple[int, bool]:
    calls = []

    def compute() -> Box:
        calls.append(key)
        return Box(number)

    value, computed = cached_entry(name, key, cache, compute, Box.dump, Box.load)
    assert computed == bool(calls)
    return value.number, computed


def test_a_value_is_computed_once_then_read_back(tmp_path: Path) -> None:
    cache = tmp_path / "build" / "cache"  # does not exist yet
    assert entry(cache, "k1", 7) == (7, True)
    assert json.loads((cache / "figure.k1.json").read_text(encoding="utf-8")) == {"number": 7}
    assert entry(cache, "k1", 8) == (7, False)  # the cache answers: compute is not called
    assert sorted(p.name for p in cache.iterdir()) == ["figure.k1.json"]  # no temporary file left


def test_a_new_key_replaces_the_older_entries_of_its_name_only(tmp_path: Path) -> None:
    entry(tmp_path, "k1", 1)
    entry(tmp_path, "k1", 1, name="citations")
    (tmp_path / "notes.txt").write_text("kept", encoding="utf-8")
    assert entry(tmp_path, "k2", 2) == (2, True)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["citations.k1.json", "figure.k2.json", "notes.txt"]
    assert entry(tmp_path, "k1", 3) == (3, True)  # the old entry is gone: computed again


@pytest.mark.parametrize("damage", ["{not json", "[1, 2]", '{"other": 1}', '{"number": 1', ""],
                         ids=["not JSON", "wrong type", "missing key", "cut short", "empty"])
def test_a_damaged_entry_is_computed_again_and_rewritten(tmp_path: Path, damage: str) -> None:
    (tmp_path / "figure.k1.json").write_text(damage, encoding="utf-8")
    assert entry(tmp_path, "k1", 5) == (5, True)
    assert entry(tmp_path, "k1", 6) == (5, False)


def test_an_entry_holding_text_beyond_ascii_reads_back(tmp_path: Path) -> None:
    value, _ = cached_entry("refs", "k", tmp_path, lambda: "Jervis – “Cooperation”", str, str)
    assert value == "Jervis – “Cooperation”"
    assert cached_entry("refs", "k", tmp_path, lambda: "other", str, str) == ("Jervis – “Cooperation”", False)


def test_an_old_entry_another_build_removed_meanwhile_is_no_error(tmp_path: Path, monkeypatch) -> None:
    """Builds may share a cache: an old entry listed by this build may be gone when it comes to remove it."""
    entry(tmp_path, "k1", 1)
    listed = Path.glob

    def glob_then_other_build_removes(self: Path, pattern: str):
        found = list(listed(self, pattern))
        for path in found:
            path.unlink()
        return iter(found)

    monkeypatch.setattr(Path, "glob", glob_then_other_build_removes)
    assert entry(tmp_path, "k2", 2) == (2, True)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["figure.k2.json"]
