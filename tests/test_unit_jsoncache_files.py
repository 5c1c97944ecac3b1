"""The cache's files (topicgraph/jsoncache.py): written whole or not at all, where their name says,
and the versions of the libraries that shape a cached value."""

from __future__ import annotations

import json
from importlib.metadata import version
from pathlib import Path

from topicgraph.jsoncache import KeptJson, cached_entry, entry_path, package_version, write_json


def test_a_value_is_written_whole_under_new_folders_and_replaces_the_old(tmp_path: Path) -> None:
    path = tmp_path / "pages" / "deep" / "a.json"
    write_json(path, {"html": "<p>é</p>", "n": [1, 2]})
    assert json.loads(path.read_text(encoding="utf-8")) == {"html": "<p>é</p>", "n": [1, 2]}
    write_json(path, [3])
    assert json.loads(path.read_text(encoding="utf-8")) == [3]
    assert [p.name for p in path.parent.iterdir()] == ["a.json"]  # no temporary file left behind


def test_an_entry_is_named_by_its_name_and_key(tmp_path: Path) -> None:
    assert entry_path("figure", "abc123", tmp_path) == tmp_path / "figure.abc123.json"
    _, computed = cached_entry("figure", "abc123", tmp_path, lambda: {"x": 1}, dict, dict)
    assert computed and entry_path("figure", "abc123", tmp_path).is_file()


def test_a_package_version_is_the_installed_one_or_missing() -> None:
    assert package_version("markdown") == version("markdown")
    assert package_version("no-such-package-for-topicgraph") == "missing"


def test_a_kept_value_is_read_as_its_shape_allows_and_written_again_only_when_it_grew(tmp_path: Path) -> None:
    (tmp_path / "old.json").write_text("{}", encoding="utf-8")  # another key's file
    kept = KeptJson(tmp_path, "k1")
    assert kept.read(dict) is None  # nothing kept yet
    kept.write({})
    assert (tmp_path / "old.json").exists(), "nothing to keep: nothing written, nothing removed"
    kept.write({"a": 1})
    assert sorted(p.name for p in tmp_path.iterdir()) == ["k1.json"]  # other keys' files go
    again = KeptJson(tmp_path, "k1")
    assert again.read(dict) == {"a": 1}
    (tmp_path / "k1.json").write_text('{"a": 2}', encoding="utf-8")
    again.write({"b": 1})  # no more entries than the file holds: left as it is
    assert json.loads((tmp_path / "k1.json").read_text(encoding="utf-8")) == {"a": 2}
    again.write({"a": 1, "b": 1})
    assert json.loads((tmp_path / "k1.json").read_text(encoding="utf-8")) == {"a": 1, "b": 1}


def test_a_kept_value_of_the_wrong_shape_or_unreadable_is_none_and_replaced(tmp_path: Path) -> None:
    def shaped(saved: dict) -> dict:
        return {"x": dict(saved["x"])}

    for broken in ("{not json", '{"y": {}}', '{"x": 3}'):
        (tmp_path / "k.json").write_text(broken, encoding="utf-8")
        kept = KeptJson(tmp_path, "k", size=lambda value: len(value["x"]))
        assert kept.read(shaped) is None
        kept.write({"x": {"a": "b"}})
        assert json.loads((tmp_path / "k.json").read_text(encoding="utf-8")) == {"x": {"a": "b"}}
