"""Sections left out of search are also left out of its parsing.

Material's search plugin parses every tag of a page, including the sections it leaves out of the
index (a heading with data-search-exclude: a topic's quiz, reflection, connection lists, neighbourhood
picture and "Cite this page"), which were about a third of what it parsed on a topic page. Their
bodies are set aside just before search indexes the page (the plugin's on_page_context at priority
100; search's is at 0) and put back just after (at -100); nothing that changes HTML runs in between.
"""

from __future__ import annotations

from mkdocs.structure.pages import Page

from ..rawhtml import restore, set_aside_unindexed


class UnindexedSections:
    def __init__(self) -> None:
        self._set_aside: dict[str, list[str]] = {}  # src_uri -> section bodies, between the two events

    def before_search(self, page: Page) -> None:
        if page.content and not (page.meta.get("search") or {}).get("exclude"):
            page.content, self._set_aside[page.file.src_uri] = set_aside_unindexed(page.content)

    def after_search(self, page: Page) -> None:
        if blocks := self._set_aside.pop(page.file.src_uri, None):
            page.content = restore(page.content, blocks)
