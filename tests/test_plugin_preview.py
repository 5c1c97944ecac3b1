"""Which pages a `mkdocs serve --dirty` rebuild converts (topicgraph/plugin/preview.py)."""

from __future__ import annotations

import logging
import os
from pathlib import Path
from types import SimpleNamespace

import pytest

from topicgraph.plugin.preview import Preview, _fingerprint, quiet_dirty_warning, sources_of


class FakeFile:
    def __init__(self, src_uri: str, modified: bool = False) -> None:
        self.src_uri, self._modified = src_uri, modified

    def is_modified(self) -> bool:
        return self._modified


class FakeFiles(list):
    def documentation_pages(self) -> list:
        return [f for f in self if f.src_uri.endswith(".md")]

    def get_file_from_path(self, src_uri: str):
        return next((f for f in self if f.src_uri == src_uri), None)


def topic(title: str = "A", **changes) -> SimpleNamespace:
    fields = {"title": title, "description": "d", "level": "introductory", "part": "Basics", "tags": ["t"],
              "prerequisites": [], "reading_minutes": 3}
    return SimpleNamespace(**(fields | changes))


def course(topics: dict | None = None, pages: dict | None = None, mentions: dict | None = None,
           contexts: dict | None = None):
    topics = {"a": topic(), "b": topic("B")} if topics is None else topics
    return SimpleNamespace(topics=topics, mentions=mentions or {}, pages=pages or {}, mention_contexts=contexts or {},
                           topic_for=lambda src_uri: topics.get(src_uri.removeprefix("topics/").removesuffix(".md"))
                           if src_uri.startswith("topics/") else None)


def site(edited: str = "") -> FakeFiles:
    names = ["index.md", "topics/a.md", "topics/b.md", "graph.md", "print.md", "graph.json"]
    return FakeFiles(FakeFile(n, modified=n == edited) for n in names)


GENERATED = {"graph.md": "map", "print.md": "print", "graph.json": "{}"}


def modified(files: FakeFiles) -> list[str]:
    return [f.src_uri for f in files if f.src_uri.endswith(".md") and f.is_modified()]


def test_the_first_build_and_a_change_other_pages_show_rebuild_everything() -> None:
    preview = Preview()
    files = site()
    preview.plan(files, course(), GENERATED, [])
    assert preview.full and modified(files) == ["index.md", "topics/a.md", "topics/b.md", "graph.md", "print.md"]
    for changed in (course({"a": topic("A2"), "b": topic("B")}), course({"a": topic(tags=["u"]), "b": topic("B")}),
                    course({"a": topic(prerequisites=["b"]), "b": topic("B")}),
                    course({"a": topic(reading_minutes=4), "b": topic("B")}),
                    course(mentions={"a": ["index.md"]}), course(pages={"index.md": "new home"}),
                    course(contexts={"a": {"b": "The sentence of b that links to a, reworded."}})):
        preview.plan(site(), course(), GENERATED, [])
        files = site()
        preview.plan(files, changed, GENERATED, [])
        assert preview.full and len(modified(files)) == 5


def test_an_edited_topic_rebuilds_itself_and_the_print_edition_only() -> None:
    preview = Preview()
    preview.plan(site(), course(), GENERATED, [])
    files = site(edited="topics/a.md")
    preview.plan(files, course(), GENERATED, [])
    assert not preview.full
    assert modified(files) == ["topics/a.md", "print.md"]


def test_an_edited_other_page_leaves_the_print_edition_and_a_changed_generated_page_is_rebuilt() -> None:
    preview = Preview()
    preview.plan(site(), course(), GENERATED, [])
    files = site(edited="index.md")
    preview.plan(files, course(pages={}), GENERATED, [])
    assert modified(files) == ["index.md"]
    files = site()
    preview.plan(files, course(), GENERATED | {"graph.md": "new map"}, [])
    assert modified(files) == ["graph.md"]
    files = site()
    preview.plan(files, course(), GENERATED | {"graph.md": "new map", "print.md": "new print"}, [])
    assert modified(files) == ["print.md"]
    files = site()
    preview.plan(files, course(), GENERATED | {"graph.md": "new map", "print.md": "new print"}, [])
    assert modified(files) == []


def test_a_changed_source_file_or_a_new_file_rebuilds_everything(tmp_path: Path) -> None:
    data = tmp_path / "data"
    (data / "__pycache__").mkdir(parents=True)
    (data / "a.yml").write_text("a", encoding="utf-8")
    (data / "__pycache__" / "x.pyc").write_text("x", encoding="utf-8")
    preview = Preview()
    preview.plan(site(), course(), GENERATED, [data])
    files = site()
    preview.plan(files, course(), GENERATED, [data])
    assert not preview.full
    os.utime(data / "__pycache__" / "x.pyc", ns=(0, 10**9))  # Python's caches are not sources
    preview.plan(site(), course(), GENERATED, [data])
    assert not preview.full
    (data / "a.yml").write_text("ab", encoding="utf-8")
    preview.plan(site(), course(), GENERATED, [data])
    assert preview.full
    more = FakeFiles([*site(), FakeFile("topics/c.md")])
    preview.plan(more, course(), GENERATED, [data])
    assert preview.full
    single = tmp_path / "mkdocs.yml"
    single.write_text("x", encoding="utf-8")
    before = _fingerprint(course(), site(), [single])
    single.write_text("xy", encoding="utf-8")
    assert _fingerprint(course(), site(), [single]) != before


def test_the_sources_every_page_depends_on_are_those_that_exist(tmp_path: Path) -> None:
    config, docs = tmp_path / "mkdocs.yml", tmp_path / "docs"
    config.write_text("", encoding="utf-8")
    (docs / "data").mkdir(parents=True)
    (tmp_path / "refs.bib").write_text("", encoding="utf-8")
    found = sources_of(str(config), str(tmp_path / "refs.bib"), str(docs), [str(tmp_path / "theme"), str(docs)])
    assert found == [config, docs / "data", docs, tmp_path / "refs.bib"]
    assert sources_of(str(config), None, str(tmp_path / "none"), []) == [config]


def test_the_dirty_build_warning_is_silenced_and_other_messages_are_not(caplog) -> None:
    logger = logging.getLogger("mkdocs.commands.build")
    for old in list(logger.filters):  # a build earlier in this process may have added it
        logger.removeFilter(old)
    quiet_dirty_warning()
    with caplog.at_level(logging.WARNING, logger="mkdocs.commands.build"):
        logger.warning("A 'dirty' build is being performed, this will likely lead to inaccurate navigation")
        logger.warning("Another warning")
    assert [r.getMessage() for r in caplog.records] == ["Another warning"]


class FakePage:
    def __init__(self, file: FakeFile) -> None:
        self.file, self.markdown, self.meta = file, None, {}


@pytest.mark.usefixtures("rounds_held")
def test_pages_not_converted_are_read_for_their_titles_taking_the_last_rebuilds_reading(monkeypatch) -> None:
    import topicgraph.plugin.preview as preview_module

    parsed: list[str] = []
    real = preview_module.get_data
    monkeypatch.setattr(preview_module, "get_data", lambda source: parsed.append(source) or real(source))
    sources = {"index.md": "---\ntitle: Home\n---\n\n# Welcome", "topics/a.md": "---\ntitle: A\n---\n\nText.",
               "topics/b.md": "---\ntitle: B\n---\n\nText."}
    config = SimpleNamespace(plugins=SimpleNamespace(on_page_read_source=lambda page, config: (
        "---\ntitle: As the plugins give it\n---\n" if page.file.src_uri == "index.md" else None)))

    def rebuild(edited: str = "") -> dict[str, tuple[str, dict]]:
        files = site(edited)
        for file in files:
            file.content_string = sources.get(file.src_uri, "")
            file.page = FakePage(file) if file.src_uri in sources else None
        files.get_file_from_path("topics/b.md").page.markdown = "converted"  # this rebuild converts it
        return {page.file.src_uri: (page.markdown, page.meta) for page in preview.read_unconverted(files, config)}

    preview = Preview()
    first = rebuild()
    assert first == {"index.md": ("", {"title": "As the plugins give it"}), "topics/a.md": ("Text.", {"title": "A"})}
    assert len(parsed) == 2
    sources["topics/a.md"] = "---\ntitle: A, retitled\n---\n\nText."
    second = rebuild()
    assert second["topics/a.md"] == ("Text.", {"title": "A, retitled"}) and len(parsed) == 3  # index.md was taken
    assert second["index.md"] == first["index.md"] and second["index.md"][1] is not first["index.md"][1]
    assert set(rebuild(edited="topics/a.md")) == {"index.md"}  # an edited page is converted, not read here
    rebuild()
    assert len(parsed) == 4  # only the last rebuild's readings are held: a.md, read two rebuilds ago, again
