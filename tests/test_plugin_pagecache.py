"""Converted pages kept between builds, and page HTML that passed the allowlist (topicgraph/plugin/pagecache.py)."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from types import SimpleNamespace

from mkdocs.structure.toc import get_toc

from topicgraph.plugin.pagecache import AllowedHtml, PageCache


class FakeFiles(list):
    def get_file_from_path(self, src_uri: str):
        return next((f for f in self if f.src_uri == src_uri), None)


class FakeFile:
    def __init__(self, src_uri: str) -> None:
        self.src_uri, self.url = src_uri, src_uri.removesuffix(".md") + "/"


def files(*src_uris: str) -> FakeFiles:
    return FakeFiles(FakeFile(s) for s in src_uris)


def config(**changes) -> SimpleNamespace:
    settings = {"markdown_extensions": ["toc"], "mdx_configs": {}, "use_directory_urls": True,
                "validation": SimpleNamespace(links={"anchors": "info"})}
    return SimpleNamespace(**(settings | changes))


class FakePage:
    """Stands in for mkdocs' Page: `render` converts, counting conversions."""

    conversions = 0
    warn = False

    def __init__(self, src_uri: str, markdown: str, site_files: FakeFiles) -> None:
        self.file = SimpleNamespace(src_uri=src_uri)
        self.markdown = markdown
        self._files = site_files
        self.content = self.toc = self._title_from_render = self.present_anchor_ids = self.links_to_anchors = None

    def render(self, config, files) -> None:
        type(self).conversions += 1
        if type(self).warn:
            logging.getLogger("mkdocs.structure.pages").warning("a broken link")
        self.content = f"<h2 id=\"a\">A</h2><p>{self.markdown}</p>"
        self.toc = get_toc([{"level": 2, "id": "a", "name": "A", "children": [
            {"level": 3, "id": "b", "name": "B", "children": []}]}])
        self._title_from_render = "Title"
        self.present_anchor_ids = {"b", "a"}
        self.links_to_anchors = {self._files.get_file_from_path("topics/b.md"): {"x": "y"}}


def convert(cache: PageCache, page: FakePage, site_files: FakeFiles) -> FakePage:
    cache.convert(page, config(), site_files)
    return page


def test_an_unchanged_page_is_restored_from_the_cache_with_everything_render_sets(tmp_path: Path) -> None:
    site_files = files("topics/a.md", "topics/b.md")
    FakePage.conversions = 0
    first = convert(PageCache(config(), site_files, tmp_path), FakePage("topics/a.md", "text", site_files), site_files)
    cache = PageCache(config(), site_files, tmp_path)
    again = convert(cache, FakePage("topics/a.md", "text", site_files), site_files)
    assert FakePage.conversions == 1 and (cache.hits, cache.misses) == (1, 0)
    assert again.content == first.content
    assert [(t.id, t.title, t.level, [c.id for c in t.children]) for t in again.toc] == [("a", "A", 2, ["b"])]
    assert again._title_from_render == "Title"
    assert again.present_anchor_ids == {"a", "b"}
    assert again.links_to_anchors == {site_files[1]: {"x": "y"}}


def test_other_markdown_another_page_or_other_settings_convert_again(tmp_path: Path) -> None:
    site_files = files("topics/a.md", "topics/b.md")
    FakePage.conversions = 0
    convert(PageCache(config(), site_files, tmp_path), FakePage("topics/a.md", "text", site_files), site_files)
    convert(PageCache(config(), site_files, tmp_path), FakePage("topics/a.md", "other", site_files), site_files)
    convert(PageCache(config(), site_files, tmp_path), FakePage("topics/c.md", "text", site_files), site_files)
    for changed in ({"markdown_extensions": ["toc", "tables"]}, {"mdx_configs": {"toc": {"permalink": True}}},
                    {"use_directory_urls": False}, {"validation": SimpleNamespace(links={"anchors": "warn"})}):
        cache = PageCache(config(**changed), site_files, tmp_path)
        convert(cache, FakePage("topics/a.md", "text", site_files), site_files)
        assert (cache.hits, cache.misses) == (0, 1), changed
    more = files("topics/a.md", "topics/b.md", "topics/new.md")  # links are checked against the pages that exist
    cache = PageCache(config(), more, tmp_path)
    convert(cache, FakePage("topics/a.md", "text", more), more)
    assert (cache.hits, cache.misses) == (0, 1)
    assert FakePage.conversions == 8


def test_a_conversion_that_warned_is_not_kept(tmp_path: Path) -> None:
    site_files = files("topics/a.md", "topics/b.md")
    FakePage.conversions, FakePage.warn = 0, True
    try:
        convert(PageCache(config(), site_files, tmp_path), FakePage("topics/a.md", "text", site_files), site_files)
    finally:
        FakePage.warn = False
    cache = PageCache(config(), site_files, tmp_path)
    convert(cache, FakePage("topics/a.md", "text", site_files), site_files)
    assert FakePage.conversions == 2 and cache.misses == 1
    assert not logging.getLogger("mkdocs").handlers or all(
        type(h).__name__ != "_Warnings" for h in logging.getLogger("mkdocs").handlers)


def test_an_entry_linking_a_page_that_is_gone_or_unreadable_converts_again(tmp_path: Path) -> None:
    site_files = files("topics/a.md", "topics/b.md")
    FakePage.conversions = 0
    convert(PageCache(config(), site_files, tmp_path), FakePage("topics/a.md", "text", site_files), site_files)
    [entry] = tmp_path.glob("*.json")
    saved = json.loads(entry.read_text(encoding="utf-8"))
    saved["links_to_anchors"] = {"topics/gone.md": {}}
    entry.write_text(json.dumps(saved), encoding="utf-8")
    cache = PageCache(config(), site_files, tmp_path)
    convert(cache, FakePage("topics/a.md", "text", site_files), site_files)
    entry.write_text("{not json", encoding="utf-8")
    convert(cache, FakePage("topics/a.md", "text", site_files), site_files)
    assert FakePage.conversions == 3 and cache.misses == 2
    assert not list(tmp_path.glob("*.tmp"))


def test_html_that_passed_the_allowlist_is_remembered_across_builds(tmp_path: Path) -> None:
    nested = AllowedHtml(tmp_path / "new" / "cache")
    nested.add("<p>a</p>")
    nested.save()
    written = nested.path.stat().st_mtime_ns
    nested.save()  # saved already: not written again
    assert nested.path.stat().st_mtime_ns == written
    tmp_path = tmp_path / "flat"
    tmp_path.mkdir()
    allowed = AllowedHtml(tmp_path)
    assert "<p>a</p>" not in allowed
    allowed.add("<p>a</p>")
    assert "<p>a</p>" in allowed and "<p>b</p>" not in allowed
    (tmp_path / "allowed-0000000000000000.json").write_text("[]", encoding="utf-8")  # an older policy's list
    allowed.save()
    assert [p.name for p in tmp_path.iterdir()] == [allowed.path.name]
    again = AllowedHtml(tmp_path)
    assert "<p>a</p>" in again and "<p>b</p>" not in again
    mtime = again.path.stat().st_mtime_ns
    again.save()  # nothing new: not rewritten
    assert again.path.stat().st_mtime_ns == mtime
    again.path.write_text("{broken", encoding="utf-8")
    assert "<p>a</p>" not in AllowedHtml(tmp_path)
