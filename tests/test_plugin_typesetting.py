"""The build's typesetters, kept between builds (topicgraph/plugin/typesetting.py)."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from topicgraph.plugin.typesetting import Typesetting


def config(extensions: list | None = None, smarty: dict | None = None) -> SimpleNamespace:
    configs = {"smarty": smarty} if smarty is not None else {}
    return SimpleNamespace(markdown_extensions=extensions or ["smarty"], mdx_configs=configs)


def test_the_same_settings_keep_the_typesetters_and_other_settings_make_new_ones(tmp_path: Path) -> None:
    typesetting = Typesetting()
    text, references = typesetting.for_build(config(), tmp_path)
    assert text('"A" -- b') == "&ldquo;A&rdquo; &ndash; b"
    assert references("*B*") == "<em>B</em>"
    assert typesetting.for_build(config(), tmp_path) == (text, references)
    other_text, other_references = typesetting.for_build(config(smarty={"smart_dashes": False}), tmp_path)
    assert other_text is not text and other_references is not references
    assert other_text("a -- b") == "a -- b"  # the new settings apply
    _, tables = typesetting.for_build(config(["smarty", "tables"]), tmp_path)
    assert tables is not other_references


def test_what_a_build_typeset_is_there_for_the_next_build(tmp_path: Path) -> None:
    first = Typesetting()
    text, references = first.for_build(config(), tmp_path)
    text("a -- b")
    references("*B*")
    first.save()
    [saved] = tmp_path.glob("*.json")
    assert saved.stem == first.key and not list(tmp_path.glob("*.tmp"))
    text2, references2 = Typesetting().for_build(config(), tmp_path)
    assert text2.typeset == {"a -- b": "a &ndash; b"} and references2.typeset == {"*B*": "<em>B</em>"}


def test_nothing_new_is_not_saved_again_and_other_settings_replace_the_old_file(tmp_path: Path) -> None:
    first = Typesetting()
    text, _ = first.for_build(config(), tmp_path)
    first.save()
    assert not list(tmp_path.glob("*.json"))  # nothing typeset: nothing to keep
    text("x")
    first.save()
    [saved] = tmp_path.glob("*.json")
    saved.write_text('{"text": {"x": "kept"}, "references": {}}', encoding="utf-8")
    first.save()  # nothing new since: the file is left as it is
    assert "kept" in saved.read_text(encoding="utf-8")
    again = Typesetting()
    again_text, _ = again.for_build(config(), tmp_path)
    assert again_text("x") == "kept"
    again.save()
    assert "kept" in saved.read_text(encoding="utf-8")
    other = Typesetting()
    other_text, _ = other.for_build(config(["smarty", "tables"]), tmp_path)
    other_text("y")
    other.save()
    assert [p.stem for p in tmp_path.glob("*.json")] == [other.key]


def test_an_unreadable_cache_file_is_ignored_and_nothing_is_saved_before_a_build(tmp_path: Path) -> None:
    Typesetting().save()
    assert not list(tmp_path.iterdir())
    typesetting = Typesetting()
    typesetting.for_build(config(), tmp_path)
    for broken in ("{not json", '{"text": {}}', '{"text": [1], "references": 3}'):
        (tmp_path / f"{typesetting.key}.json").write_text(broken, encoding="utf-8")
        text, references = Typesetting().for_build(config(), tmp_path)
        assert text.typeset == {} and references.typeset == {}
