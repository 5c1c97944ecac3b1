"""Sections left out of search are also left out of its parsing, and pages parsed before are not parsed again.

Material's search plugin parses every tag of a page, including the sections it leaves out of the
index (a heading with data-search-exclude: a topic's quiz, reflection, connection lists, neighbourhood
picture and "Cite this page"), which were about a third of what it parsed on a topic page. Their
bodies are set aside just before search indexes the page (the plugin's on_page_context at priority
100; search's is at 0) and put back just after (at -100); nothing that changes HTML runs in between.
Search also reads the page with a space at each tag that separates words on screen, and each entry
carries the other spelling of its words (topicgraph/searchtext.py).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from mkdocs.structure.pages import Page

from ..jsoncache import package_version, write_json
from ..rawhtml import restore, set_aside_unindexed
from ..searchtext import SPELLINGS, for_search
from ..searchtext import with_other_spellings as other_spellings
from .site_urls import toc_items

CACHE = Path(".cache") / "search"


class UnindexedSections:
    """Also hands search the page as searchtext.for_search spells it out, and puts the page back after."""

    def __init__(self) -> None:
        # src_uri -> (what search was given, the page as it was, the section bodies set aside)
        self._set_aside: dict[str, tuple[str, str, list[str]]] = {}

    def before_search(self, page: Page) -> None:
        if page.content and not (page.meta.get("search") or {}).get("exclude"):
            original = page.content
            indexed, blocks = set_aside_unindexed(original)
            page.content = for_search(indexed)
            self._set_aside[page.file.src_uri] = (page.content, original, blocks)

    def after_search(self, page: Page) -> None:
        if (kept := self._set_aside.pop(page.file.src_uri, None)) is None:
            return
        given, original, blocks = kept
        # The page as it was, unless something between the two events changed it (nothing does today).
        page.content = original if page.content == given else restore(page.content, blocks)


class IndexedPages:
    """Material's search entries for each page, with the other spellings added, kept between builds in
    .cache/search/ (unless the page cache is off).

    Material's search plugin parses every page's HTML into sections; for a page whose HTML, address,
    table of contents and search settings are those of an earlier build, the entries are the same, so
    they are taken from the cache. This is the one place that knows Material's search index: its
    `add_entry_from_context(page)`, which appends to its `entries` list.
    """

    def __init__(self, plugin: Any, directory: Path | None) -> None:
        """directory: where the entries are kept; None keeps none (each page is parsed)."""
        self.directory = directory
        self._index = index = getattr(plugin, "search_index", None)
        self.active = index is not None and isinstance(getattr(index, "entries", None), list)
        if not self.active:
            return  # search disabled, or another search plugin: leave it alone
        self._parse = index.add_entry_from_context
        # The entries are kept with the other spellings added, so the spellings are part of the key.
        spellings = hashlib.sha256(repr(sorted(SPELLINGS.items())).encode()).hexdigest()
        self._digest = hashlib.sha256(
            f"material {package_version('mkdocs-material')} {index.config!r} {spellings}".encode())
        index.add_entry_from_context = self.add

    def add(self, page: Page) -> bool:
        """Add the page's entries to the index, from the cache or parsed (and kept); False if from the cache."""
        entries = self._index.entries
        start = len(entries)
        entry = self._entry(page, self.directory) if self.directory else None
        if entry:
            try:
                entries.extend(json.loads(entry.read_text(encoding="utf-8")))
                return False
            except (OSError, ValueError, TypeError):
                del entries[start:]
        self._parse(page)
        for added in entries[start:]:
            with_other_spellings(added)
        if entry:
            write_json(entry, entries[start:])
        return True

    def _entry(self, page: Page, directory: Path) -> Path:
        key = self._digest.copy()
        toc = [(a.id, a.title, a.level) for a in toc_items(page.toc)]
        meta = {k: page.meta.get(k) for k in ("title", "tags", "search")}
        key.update(repr((page.url, page.title, toc, meta)).encode() + (page.content or "").encode())
        return directory / f"{key.hexdigest()[:32]}.json"


def with_other_spellings(entry: dict[str, Any]) -> None:
    """Let a search for "offence" find the section that says "offense", and the other way round."""
    if isinstance(entry.get("text"), str):
        entry["text"] = other_spellings(entry["text"])
