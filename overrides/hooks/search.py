"""Sections left out of search are also left out of its parsing.

Material's search plugin parses every tag of a page, including the sections it leaves out of the
index (a heading with data-search-exclude: a topic's quiz, reflection, connection lists, neighbourhood
picture and "Cite this page"), which were about a third of what it parsed on a topic page. Their
bodies are set aside just before search indexes the page and put back just after; nothing that
changes HTML runs in between.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the project root, for `topicgraph`

from topicgraph.rawhtml import restore, set_aside_unindexed

_set_aside: dict[str, list[str]] = {}  # src_uri -> section bodies, between the two events


@event_priority(100)  # before Material's search plugin (priority 0)
def _before_search(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    if page.content and not (page.meta.get("search") or {}).get("exclude"):
        page.content, _set_aside[page.file.src_uri] = set_aside_unindexed(page.content)
    return context


@event_priority(-100)  # after search, and after topics.py has assembled the print edition
def _after_search(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    if blocks := _set_aside.pop(page.file.src_uri, None):
        page.content = restore(page.content, blocks)
    return context


on_page_context = CombinedEvent(_before_search, _after_search)
