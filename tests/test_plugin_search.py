"""Sections left out of search are left out of its parsing; search entries kept between builds
(topicgraph/plugin/search.py)."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

from mkdocs.structure.toc import get_toc

from topicgraph.plugin.search import IndexedPages, UnindexedSections

HTML = ('<h1 id="t">T</h1><p>Body</p><h2 data-search-exclude id="quiz">Quiz me</h2><p>The answer is B.</p>'
        '<h2 id="more">More</h2><p>Indexed</p>')


def page(content: str | None = HTML, meta: dict | None = None, src_uri: str = "topics/a.md") -> SimpleNamespace:
    return SimpleNamespace(content=content, meta=meta or {}, file=SimpleNamespace(src_uri=src_uri))


def test_search_sees_the_heading_but_not_the_body_of_an_excluded_section_and_the_page_gets_it_back() -> None:
    unindexed, a = UnindexedSections(), page()
    unindexed.before_search(a)
    assert "The answer is B." not in a.content
    assert "Quiz me" in a.content and "Body" in a.content and "Indexed" in a.content
    unindexed.after_search(a)
    assert a.content == HTML


def test_pages_are_kept_apart_and_an_excluded_page_or_empty_page_is_left_alone() -> None:
    unindexed = UnindexedSections()
    a, b = page(), page(HTML.replace("B.", "C."), src_uri="topics/b.md")
    unindexed.before_search(a)
    unindexed.before_search(b)
    unindexed.after_search(b)
    unindexed.after_search(a)
    assert a.content == HTML and "The answer is C." in b.content
    excluded = page(meta={"search": {"exclude": True}})
    unindexed.before_search(excluded)
    assert excluded.content == HTML
    empty = page(None)
    unindexed.before_search(empty)
    unindexed.after_search(empty)
    assert empty.content is None
    unindexed.after_search(page("<p>x</p>", src_uri="index.md"))  # nothing set aside: nothing to do


class FakeIndex:
    def __init__(self) -> None:
        self.entries: list = []
        self.config = {"lang": ["en"]}
        self.parsed = 0

    def add_entry_from_context(self, page) -> None:
        self.parsed += 1
        self.entries.append({"location": page.url, "text": page.content})


def search_page(content: str = "<p>x</p>", title: str = "A") -> SimpleNamespace:
    return SimpleNamespace(url="topics/a/", title=title, content=content, meta={"title": title},
                           toc=get_toc([{"level": 1, "id": "a", "name": "A", "children": []}]))


def test_a_page_indexed_before_is_not_parsed_again(tmp_path: Path) -> None:
    first = SimpleNamespace(search_index=FakeIndex())
    IndexedPages(first, tmp_path)
    first.search_index.add_entry_from_context(search_page())
    again = SimpleNamespace(search_index=FakeIndex())
    IndexedPages(again, tmp_path)
    again.search_index.add_entry_from_context(search_page())
    assert again.search_index.parsed == 0
    assert again.search_index.entries == first.search_index.entries == [{"location": "topics/a/", "text": "<p>x</p>"}]
    again.search_index.add_entry_from_context(search_page("<p>y</p>"))
    again.search_index.add_entry_from_context(search_page(title="B"))
    assert again.search_index.parsed == 2 and len(again.search_index.entries) == 3
    [entry] = [p for p in tmp_path.glob("*.json") if "<p>y</p>" in p.read_text(encoding="utf-8")]
    assert json.loads(entry.read_text(encoding="utf-8")) == [{"location": "topics/a/", "text": "<p>y</p>"}]
    entry.write_text("{broken", encoding="utf-8")
    third = SimpleNamespace(search_index=FakeIndex())
    IndexedPages(third, tmp_path)
    third.search_index.add_entry_from_context(search_page("<p>y</p>"))
    assert third.search_index.parsed == 1 and len(third.search_index.entries) == 1


def test_another_search_plugin_is_left_alone(tmp_path: Path) -> None:
    plugin = SimpleNamespace(search_index=SimpleNamespace(entries=(), add_entry_from_context=print))
    IndexedPages(plugin, tmp_path)
    assert plugin.search_index.add_entry_from_context is print
    IndexedPages(SimpleNamespace(), tmp_path)  # search disabled: no index at all


def test_an_entry_carries_the_other_spellings_whether_parsed_or_from_the_cache(tmp_path: Path) -> None:
    for parsed in (1, 0):
        plugin = SimpleNamespace(search_index=FakeIndex())
        IndexedPages(plugin, tmp_path)
        plugin.search_index.add_entry_from_context(search_page("<p>offence</p>"))
        assert plugin.search_index.parsed == parsed
        assert plugin.search_index.entries == [
            {"location": "topics/a/", "text": "<p>offence<span hidden> offense</span></p>"}]


def test_adding_says_whether_the_page_was_parsed_and_without_a_cache_always_parses(tmp_path: Path) -> None:
    plugin = SimpleNamespace(search_index=FakeIndex())
    indexed = IndexedPages(plugin, tmp_path)
    assert indexed.add(search_page()) is True  # parsed, and kept
    assert indexed.add(search_page()) is False  # from the cache: a copy working ahead stops here
    uncached = SimpleNamespace(search_index=FakeIndex())
    IndexedPages(uncached, None)
    for _ in range(2):
        uncached.search_index.add_entry_from_context(search_page("<p>offence</p>"))
    assert uncached.search_index.parsed == 2
    assert uncached.search_index.entries[-1]["text"] == "<p>offence<span hidden> offense</span></p>"
