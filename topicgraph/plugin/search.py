"""Sections left out of search are also left out of its parsing, and pages parsed before are not parsed again.

Material's search plugin parses every tag of a page, including the sections it leaves out of the
index (a heading with data-search-exclude: a topic's quiz, reflection, connection lists, neighbourhood
picture and "Cite this page"), which were about a third of what it parsed on a topic page. Their
bodies are set aside just before search indexes the page (the plugin's on_page_context at priority
100; search's is at 0) and put back just after (at -100); nothing that changes HTML runs in between.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from mkdocs.structure.pages import Page

from ..jsoncache import package_version, write_json
from ..rawhtml import restore, set_aside_unindexed
from .site_urls import toc_items

CACHE = Path(".cache") / "search"


class UnindexedSections:
    def __init__(self) -> None:
        self._set_aside: dict[str, list[str]] = {}  # src_uri -> section bodies, between the two events

    def before_search(self, page: Page) -> None:
        if page.content and not (page.meta.get("search") or {}).get("exclude"):
            page.content, self._set_aside[page.file.src_uri] = set_aside_unindexed(page.content)

    def after_search(self, page: Page) -> None:
        if blocks := self._set_aside.pop(page.file.src_uri, None):
            page.content = restore(page.content, blocks)


class IndexedPages:
    """Material's search entries for each page, kept between builds in .cache/search/.

    Material's search plugin parses every page's HTML into sections; for a page whose HTML, address,
    table of contents and search settings are those of an earlier build, the entries are the same, so
    they are taken from the cache. This is the one place that knows Material's search index: its
    `add_entry_from_context(page)`, which appends to its `entries` list.
    """

    def __init__(self, plugin: Any, directory: Path) -> None:
        self.directory = directory
        index = getattr(plugin, "search_index", None)
        if index is None or not isinstance(getattr(index, "entries", None), list):
            return  # search disabled, or another search plugin: leave it alone
        add = index.add_entry_from_context
        digest = hashlib.sha256(f"material {package_version('mkdocs-material')} {index.config!r}".encode())

        def add_cached(page: Page) -> None:
            key = digest.copy()
            toc = [(a.id, a.title, a.level) for a in toc_items(page.toc)]
            meta = {k: page.meta.get(k) for k in ("title", "tags", "search")}
            key.update(repr((page.url, page.title, toc, meta)).encode() + (page.content or "").encode())
            entry = self.directory / f"{key.hexdigest()[:32]}.json"
            try:
                index.entries.extend(json.loads(entry.read_text(encoding="utf-8")))
                return
            except (OSError, ValueError, TypeError):
                pass
            start = len(index.entries)
            add(page)
            write_json(entry, index.entries[start:])

        index.add_entry_from_context = add_cached

