"""The cache's files (topicgraph/jsoncache.py): written whole or not at all, where their name says,
and the versions of the libraries that shape a cached value."""

from __future__ import annotations

import json
from importlib.metadata import version
from pathlib import Path

from topicgraph.jsoncache import cached_entry, entry_path, package_version, write_json


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
