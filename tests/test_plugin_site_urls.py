"""URLs between pages, published URLs, and the check that published URLs still resolve
(topicgraph/plugin/site_urls.py)."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

from topicgraph.plugin.site_urls import PublishedUrls, SiteUrls, page_url, published_path


def urls(site_url: str | None = "https://example.org/course/", directory_urls: bool = True) -> SiteUrls:
    return SiteUrls(SimpleNamespace(site_url=site_url, use_directory_urls=directory_urls))


def test_links_between_pages_are_relative_to_where_the_build_puts_them() -> None:
    site = urls()
    assert site.link("topics/a.md", "topics/b.md") == "../b/"
    assert site.link("index.md", "topics/b.md") == "topics/b/"
    assert site.link("paths/a.md", "graph.md") == "../../graph/"
    assert site.topic_links("syllabus.md")("b") == "../topics/b/"
    assert site.built("topics/a.md") == "topics/a/"


def test_the_offline_build_links_html_files() -> None:
    site = urls(directory_urls=False)
    assert site.link("topics/a.md", "topics/b.md") == "b.html"
    assert site.link("index.md", "graph.md") == "graph.html"
    assert site.built("topics/a.md") == "topics/a.html"


def test_a_topics_published_url_is_absolute_on_the_site_and_rooted_without_a_site_url() -> None:
    assert urls().published("a") == "https://example.org/course/topics/a/"
    assert urls(site_url=None).published("a") == "/topics/a/"
    assert urls(directory_urls=False).published("a") == "https://example.org/course/topics/a/"
    assert published_path("a") == "topics/a/"


def test_page_url_of_a_source_file() -> None:
    assert page_url("index.md") == "/"
    assert page_url("topics/a.md") == "/topics/a/"
    assert page_url("topics/index.md") == "/topics/"
    assert page_url("graph.md") == "/graph/"


def config(tmp_path: Path, directory_urls: bool = True, redirects: dict | None = None) -> SimpleNamespace:
    plugins = {} if redirects is None else {"redirects": SimpleNamespace(config={"redirect_maps": redirects})}
    return SimpleNamespace(use_directory_urls=directory_urls, plugins=plugins)


def test_the_check_fails_names_the_count_and_passes_through_redirects(tmp_path: Path) -> None:
    (tmp_path / "published-urls.txt").write_text("/topics/a/\n/topics/gone/\n/topics/a/#quiz\n", encoding="utf-8")
    published = PublishedUrls()
    published.ids_by_page["/topics/a/"] = {"reflection"}
    with pytest.raises(PluginError) as info:
        published.check(config(tmp_path), tmp_path)
    message = str(info.value)
    assert message.startswith("2 published URL(s) would break:\n")
    assert "/topics/gone/" in message and "/topics/a/#quiz" in message
    published.ids_by_page["/topics/a/"] = {"quiz"}
    published.ids_by_page["/topics/new/"] = set()
    published.check(config(tmp_path, redirects={"topics/gone.md": "topics/new.md"}), tmp_path)
    with pytest.raises(PluginError):
        published.check(config(tmp_path, redirects={"topics/other.md": "topics/new.md"}), tmp_path)
    published.check(config(tmp_path, directory_urls=False), tmp_path)  # the offline build: other URLs by design


def test_the_manifest_written_lists_pages_and_topic_sections(tmp_path: Path) -> None:
    published = PublishedUrls()
    published.ids_by_page = {"/topics/a/": {"quiz", "x"}, "/": set()}
    published.sections = {"/topics/a/": ["quiz"]}
    published.write(str(tmp_path))
    assert (tmp_path / "published-urls.txt").read_text(encoding="utf-8") == "/\n/topics/a/\n/topics/a/#quiz\n"
