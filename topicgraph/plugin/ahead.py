"""Working ahead: on a first build, a forked copy of the build fills the caches from the last page back.

A fresh clone's first build converts every page and parses every page for search, one page after
another on one core, while the machine's other cores wait. MkDocs handles pages in a fixed order, and
a plugin cannot hand a page to another process and take the result back. What it can do is fill the
caches (pagecache.py, search.py) ahead of the build: just before MkDocs converts the first page, a
forked copy of the build walks the pages from the last one back, runs each page's events up to its
conversion and converts it into the page cache, while the build converts from the first page on;
before the pages are rendered, another copy does the same for search. When the build reaches the
pages a copy has done, the caches answer; when the copy reaches a page the build has done, it stops.
Nobody waits for anybody: a page both handle is handled twice, never wrongly.

Nothing a copy does reaches the build except cache entries, each keyed by everything that shapes it
and written whole or not at all, so a copy can only save work. A copy never returns into its caller
(the build may run inside pytest): whatever happens, it ends with `os._exit`. Copies run only where
fork is safe (no other thread) and useful (a second core); on a warm build a copy stops at once, at
the last page, which the cache already holds.
"""

from __future__ import annotations

import gc
import os
import signal
import threading
from collections.abc import Callable, Sequence

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from .pagecache import PageCache
from .search import IndexedPages, UnindexedSections


class Ahead:
    """A forked copy of the build running `step` on each page from the last back, until a step says stop."""

    def __init__(self, pages: Sequence[Page], step: Callable[[Page], bool]) -> None:
        self.pid = 0
        if not hasattr(os, "fork") or _usable_cpus() < 2 or threading.active_count() > 1:
            return
        # The build's objects out of the collector's reach until the copy ends: a collection in either
        # process would touch, and so copy, every page of the heap the two share (a first build 3-8 % faster).
        gc.freeze()
        pid = os.fork()
        if pid:
            self.pid = pid
            return
        try:  # the copy
            gc.disable()  # a short life, and a collection would walk (and copy) the whole inherited heap
            _silence()
            for page in reversed(pages):
                if not step(page):
                    break
        finally:
            os._exit(0)

    def end(self) -> None:
        """End the copy, called once the build has done every page itself: what the copy has not done
        by then is of no use. An entry it was writing is not there (written whole or not at all)."""
        if self.pid:
            try:
                os.kill(self.pid, signal.SIGKILL)  # a copy that has stopped already is a zombie: no error
                os.waitpid(self.pid, 0)
            except (ProcessLookupError, ChildProcessError):  # reaped by someone else
                pass
            self.pid = 0
            gc.unfreeze()


def converting(config: MkDocsConfig, files: Files, cache: PageCache) -> Callable[[Page], bool]:
    """A step that runs a page's events as MkDocs would, up to its conversion, and converts it into
    the cache; it says stop at a page the cache holds already."""

    def convert(page: Page) -> bool:
        config._current_page = page  # as MkDocs sets it: a `!relative` path in the Markdown settings reads it
        page = config.plugins.on_pre_page(page, config=config, files=files)
        page.read_source(config)
        page.markdown = config.plugins.on_page_markdown(page.markdown or "", page=page, config=config, files=files)
        if cache.kept(page):
            return False
        cache.convert(page, config, files)
        return True

    return convert


def indexing(unindexed: UnindexedSections, index: IndexedPages) -> Callable[[Page], bool]:
    """A step that gives search a page as the build will (search.py) and keeps its entries; it says
    stop at a page whose entries the cache held already."""

    def index_page(page: Page) -> bool:
        unindexed.before_search(page)
        return index.add(page)

    return index_page


def _usable_cpus() -> int:
    """The cores this process may run on (a container or `taskset` may allow fewer than the machine has)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def _silence() -> None:
    """The copy's output goes nowhere: the build reports every page itself. Logging still runs, so a
    conversion that warns is still never kept (pagecache.py)."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    for fd in (1, 2):
        os.dup2(devnull, fd)
