"""Converted pages kept between builds, keyed by everything that shapes the conversion.

Converting Markdown is most of what a build does per page, and most pages are unchanged between two
builds (a `make serve` reload after a one-line edit, a second `make build`). A page's conversion
depends on its final Markdown (after every plugin's on_page_markdown, so it includes the generated
card and connection lists, and with them any change to the graph), on the Markdown extensions and
their settings, on where the page is and on which pages exist (links are checked and rewritten
against them), and on the versions of the libraries that convert it. The key covers all of these;
anything else is a miss. A conversion that logged a warning is never kept, so a strict build that
would fail still fails.

MkDocs converts a page in `Page.render`, which sets the page's content, table of contents, title
and anchors; this module stands in for it on one page at a time (the page's `render` attribute,
set in on_page_markdown) and restores exactly those attributes from a hit. It is the one module
that knows what `Page.render` sets.
"""

from __future__ import annotations

import hashlib
import json
import logging
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, get_toc

from ..jsoncache import package_version, write_json

CACHE = Path(".cache") / "pages"
_LIBRARIES = ("mkdocs", "markdown", "pymdown-extensions", "pygments", "mkdocs-material")


class PageCache:
    """One build's view of the cache in `directory` (one JSON file per converted page)."""

    def __init__(self, config: MkDocsConfig, files: Files, directory: Path) -> None:
        self.directory = directory
        self.hits = self.misses = 0
        digest = hashlib.sha256()
        for library in _LIBRARIES:
            digest.update(f"{library}=={package_version(library)}\n".encode())
        settings = [config.markdown_extensions, config.mdx_configs, config.use_directory_urls,
                    dict(config.validation.links)]  # how links are checked decides what a conversion logs
        digest.update(json.dumps(settings, sort_keys=True, default=repr).encode())
        digest.update("\n".join(sorted(f"{f.src_uri} {f.url}" for f in files)).encode())
        self._build_key = digest.digest()

    def kept(self, page: Page) -> bool:
        """Whether the page, with its final Markdown, was converted and kept before."""
        return self._entry(page).is_file()

    def convert(self, page: Page, config: MkDocsConfig, files: Files) -> None:
        """Give the page what `Page.render` would: from the cache, or by converting it (and keeping that)."""
        entry = self._entry(page)
        try:
            _restore(page, json.loads(entry.read_text(encoding="utf-8")), files)
            self.hits += 1
            return
        except (OSError, ValueError, KeyError, TypeError):
            pass  # not converted before, or an unreadable entry: convert
        self.misses += 1
        with _Warnings() as warnings:
            type(page).render(page, config, files)  # the host's own conversion (MkDocs' or ProperDocs')
        if not warnings.count:
            write_json(entry, _saved(page))

    def _entry(self, page: Page) -> Path:
        host = type(page).__module__.partition(".")[0]  # mkdocs, or another host that converts its own way
        key = hashlib.sha256(self._build_key + f"{host}=={package_version(host)}\0{page.file.src_uri}\0".encode()
                             + (page.markdown or "").encode()).hexdigest()[:32]
        return self.directory / f"{key}.json"


def _saved(page: Page) -> dict[str, Any]:
    links = page.links_to_anchors
    return {
        "content": page.content,
        "toc": [_token(item) for item in page.toc],
        "title": page._title_from_render,
        "anchors": sorted(page.present_anchor_ids or ()),
        "links_to_anchors": None if links is None else {f.src_uri: v for f, v in links.items()},
    }


def _restore(page: Page, saved: dict[str, Any], files: Files) -> None:
    links = saved["links_to_anchors"]
    if links is not None:
        targets = {src_uri: files.get_file_from_path(src_uri) for src_uri in links}
        if None in targets.values():
            raise KeyError("a linked page is gone")
        links = {targets[src_uri]: v for src_uri, v in links.items()}
    page.content = saved["content"]
    page.toc = get_toc(saved["toc"])
    page._title_from_render = saved["title"]
    page.present_anchor_ids = set(saved["anchors"])
    page.links_to_anchors = links


def _token(item: AnchorLink) -> dict[str, Any]:
    return {"level": item.level, "id": item.id, "name": item.title, "children": [_token(c) for c in item.children]}


class _Warnings(logging.Handler):
    """Counts the warnings MkDocs logs while a page converts (a broken link, an unknown anchor)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1

    def __enter__(self) -> _Warnings:
        logging.getLogger("mkdocs").addHandler(self)
        return self

    def __exit__(self, *exc: object) -> None:
        logging.getLogger("mkdocs").removeHandler(self)


class AllowedHtml:
    """Digests of page HTML that passed the allowlist (topicgraph/htmlpolicy.py), kept between builds.

    Checking is a parse of each page's HTML; the same HTML under the same policy passes again, so a
    page whose conversion came from the cache is not parsed twice. A change to htmlpolicy.py starts
    the list afresh.
    """

    def __init__(self, directory: Path) -> None:
        from .. import htmlpolicy

        policy = hashlib.sha256(Path(htmlpolicy.__file__).read_bytes()).hexdigest()[:16]
        self.path = directory / f"allowed-{policy}.json"
        try:
            self._digests = set(json.loads(self.path.read_text(encoding="utf-8")))
        except (OSError, ValueError, TypeError):
            self._digests = set()
        self._new = False

    def __contains__(self, html: str) -> bool:
        return _digest(html) in self._digests

    def add(self, html: str) -> None:
        self._digests.add(_digest(html))
        self._new = True

    def save(self) -> None:
        if not self._new:
            return
        for old in self.path.parent.glob("allowed-*.json"):
            if old != self.path:
                old.unlink(missing_ok=True)
        write_json(self.path, sorted(self._digests))
        self._new = False


def _digest(html: str) -> str:
    return hashlib.sha256(html.encode()).hexdigest()[:32]
