"""`make serve` rebuilds only the pages an edit reaches (`mkdocs serve --dirty`), never a stale one.

MkDocs' dirty rebuild converts and writes only the pages whose source is newer than their output, and
every generated page each time. That alone would leave cross-links stale: a topic's title, part,
prerequisites or reading time appear on many other pages (cards, connection lists, paths, the map,
the navigation). So each rebuild first compares a fingerprint of everything a page shows about other
pages, and of the sources every page depends on (the configuration, the bibliography, the data files,
the templates); if it changed, every page is rebuilt. Otherwise only the edited pages are, plus the
generated pages whose Markdown changed, and the print edition when a topic changed (its unchanged
topics come from the previous build). `mkdocs build` never works this way: CI and deploys are complete.
"""

from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Iterable
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils.meta import get_data

from ..course import Course
from ..rounds import LastRound

PRINT = "print.md"
_DIRTY_WARNING = "A 'dirty' build is being performed"


class Preview:
    """What one `mkdocs serve --dirty` session remembers between its rebuilds."""

    def __init__(self) -> None:
        self.fingerprint = ""
        self.generated: dict[str, str] = {}  # src_uri -> Markdown of each generated page at the last build
        self.topic_html: dict[str, tuple[str, str]] = {}  # topic id -> (URL, HTML) at the last build
        self.full = True
        self._read: LastRound[tuple[str, dict]] = LastRound()  # source -> its Markdown and front matter

    def plan(self, files: Files, course: Course, generated: dict[str, str], sources: Iterable[Path]) -> None:
        """Decide which pages this rebuild converts: all of them, or those an edit reaches."""
        fingerprint = _fingerprint(course, files, sources)
        self.full = fingerprint != self.fingerprint
        self.fingerprint = fingerprint
        pages = files.documentation_pages()
        topic_edited = False
        for file in pages:
            if self.full:
                _set_modified(file, True)
            elif file.src_uri in generated and file.src_uri != PRINT:
                _set_modified(file, self.generated.get(file.src_uri) != generated[file.src_uri])
            elif course.topic_for(file.src_uri):
                topic_edited |= file.is_modified()
        print_file = files.get_file_from_path(PRINT)
        if print_file is not None and not self.full:
            _set_modified(print_file, topic_edited or self.generated.get(PRINT) != generated.get(PRINT))
        self.generated = dict(generated)

    def read_unconverted(self, files: Files, config: MkDocsConfig) -> list[Page]:
        """Read the pages this rebuild does not convert, whose titles the navigation still shows, as
        `Page.read_source` does: a source the last rebuild read gives the Markdown and front matter it gave
        (parsing the front matter of every page took half a second at 1,000 topics)."""
        self._read.new_round()
        read = []
        for file in files.documentation_pages():
            page = file.page
            if page is None or page.markdown is not None or file.is_modified():
                continue
            source = config.plugins.on_page_read_source(page=page, config=config)
            if source is None:
                source = file.content_string
            page.markdown, meta = self._read.get(source, lambda source=source: get_data(source))
            page.meta = dict(meta)  # a page's own: the plugin escapes its title in place
            read.append(page)
        return read


def quiet_dirty_warning() -> None:
    """MkDocs warns that a dirty build may leave links stale (and --strict stops on it); Preview sees to that."""
    logging.getLogger("mkdocs.commands.build").addFilter(
        lambda record: not str(record.msg).startswith(_DIRTY_WARNING))


def _set_modified(file: File, modified: bool) -> None:
    file.is_modified = lambda: modified  # type: ignore[method-assign]


def _fingerprint(course: Course, files: Files, sources: Iterable[Path]) -> str:
    digest = hashlib.sha256()
    for topic_id, topic in sorted(course.topics.items()):
        shown = [topic_id, topic.title, topic.description, topic.level, topic.part, topic.tags,
                 topic.prerequisites, topic.reading_minutes, course.mentions.get(topic_id, []),
                 course.mention_contexts.get(topic_id, {})]  # the sentences quoted under "Mentioned in"
        digest.update(repr(shown).encode())
    digest.update("\n".join(sorted(f.src_uri for f in files)).encode())
    for src_uri, text in sorted((course.pages or {}).items()):
        if not course.topic_for(src_uri):  # other pages: their titles are in the navigation
            digest.update(src_uri.encode() + text.encode())
    for path in sources:
        for file in sorted(path.rglob("*")) if path.is_dir() else [path]:
            if file.is_file() and "__pycache__" not in file.parts:
                stat = file.stat()
                digest.update(f"{file}:{stat.st_mtime_ns}:{stat.st_size}".encode())
    return digest.hexdigest()


def sources_of(config_file: str, bibliography: str | None, docs_dir: str, watched: Iterable[str]) -> list[Path]:
    """Files every page may depend on: the configuration, bibliography, data files, templates and code."""
    found = [Path(config_file), Path(docs_dir) / "data", *(Path(p) for p in watched)]
    if bibliography:
        found.append(Path(bibliography))
    return [path for path in found if os.path.exists(path)]
