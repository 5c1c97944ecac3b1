"""Where pages are, as the build writes them and as the published site serves them, and the check
that every URL the course has published still resolves (topicgraph/urls.py)."""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

from ..urls import MANIFEST, check_published, current_urls, read_manifest


class SiteUrls:
    """URLs between the pages of one build (directory URLs, or .html files in the offline build)."""

    def __init__(self, config: MkDocsConfig) -> None:
        self.site_url = config.site_url or "/"
        self.directory_urls = config.use_directory_urls

    def link(self, from_src_uri: str, to_src_uri: str) -> str:
        """The relative URL, on the page built from one source file, of the page built from another."""
        return get_relative_url(self.built(to_src_uri), self.built(from_src_uri))

    def file_link(self, from_src_uri: str, path: str) -> str:
        """The relative URL, on the page built from a source file, of a file the build writes (pdf/a.pdf)."""
        return get_relative_url(path, self.built(from_src_uri))

    def topic_links(self, from_src_uri: str) -> Callable[[str], str]:
        """url_for in the templates: a topic id -> the relative URL of its page, on this page."""
        return lambda topic_id: self.link(from_src_uri, f"topics/{topic_id}.md")

    def built(self, src_uri: str) -> str:
        """Where this build puts a page: topics/a/ normally, topics/a.html in the offline build."""
        return _location(src_uri, self.directory_urls)

    def published(self, topic_id: str) -> str:
        """A topic's absolute URL on the published site: syllabi and citations use it."""
        return f"{self.site_url}{published_path(topic_id)}"


def published_path(topic_id: str) -> str:
    """Where the published site serves a topic, relative to site_url."""
    return f"topics/{topic_id}/"


def toc_items(toc) -> list:
    """Every entry of a page's table of contents, nested ones included, in page order."""
    return [item for entry in toc for item in (entry, *toc_items(entry.children))]


def page_url(src_uri: str) -> str:
    """The site-absolute directory URL of a page: topics/a.md -> /topics/a/, index.md -> /."""
    stem = src_uri.removesuffix(".md")
    return "/" if stem == "index" else "/" + stem.removesuffix("/index") + "/"


@functools.cache
def _location(src_uri: str, use_directory_urls: bool) -> str:
    return File(src_uri, "", "", use_directory_urls).url  # a File is costly: reading paths ask ~60 times each


class PublishedUrls:
    """What each page of this build offers to links from outside: its URL and its element ids."""

    def __init__(self) -> None:
        self.ids_by_page: dict[str, set[str]] = {}  # page URL -> element ids
        self.sections: dict[str, list[str]] = {}  # topic page URL -> its heading ids

    def check(self, config: MkDocsConfig, root: Path) -> None:
        """Fail the build if a URL of the committed manifest would stop resolving."""
        if not config.use_directory_urls:  # the offline build: other URLs by design, nothing to check
            return
        redirects = config.plugins["redirects"].config["redirect_maps"] if "redirects" in config.plugins else {}
        problems = check_published(read_manifest(root / MANIFEST), self.ids_by_page,
                                   {page_url(old): page_url(new) for old, new in redirects.items()})
        if problems:
            raise PluginError(f"{len(problems)} published URL(s) would break:\n" + "\n".join(map(str, problems)))

    def write(self, site_dir: str) -> None:
        """What is published now, for `make urls` to merge into the committed manifest."""
        urls = current_urls(self.ids_by_page, self.sections)
        Path(site_dir, MANIFEST).write_text("\n".join(urls) + "\n", encoding="utf-8")
