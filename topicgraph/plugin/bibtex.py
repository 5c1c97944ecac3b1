"""The one module that uses mkdocs-bibtex: a version bump or a replacement touches this file alone.

mkdocs-bibtex (archived upstream) formats citations with pandoc, one run per page. The course asks it
for every citation of the site at once, keeps pandoc's answers in .cache/citations/ keyed by everything
that shapes them, and hands them back to its registry, so a page needs no pandoc run of its own. What
this relies on beyond the public plugin (the registry's two caches, `bib_data_bibtex`,
`validate_citation_blocks`, its `parse_file`) is pinned by tests/test_bibtex_adapter.py.
"""

from __future__ import annotations

import functools
import hashlib
import os
import re
from collections.abc import Mapping
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from ..jsoncache import cached_entry

PLUGIN = "bibtex"
CACHE = Path(".cache") / "citations"
_NOCASE_SPAN = re.compile(r"\[([^\[\]]*)\]\{\.nocase\}")
_handed: dict[Path, Mapping[str, Any]] = {}  # a .bib -> its entries, until mkdocs-bibtex asks for them


def use_bibliography(config: MkDocsConfig, bib_path: Path, entries: Mapping[str, Any] | None = None) -> None:
    """Point mkdocs-bibtex at the course's bibliography (before its own on_config reads it).

    Arguments:
        entries: the bibliography's pybtex entries, if the course has just parsed it: mkdocs-bibtex then
            takes them instead of parsing the file a second time (pybtex takes a tenth of a build for it).
    """
    if PLUGIN not in config.plugins:
        raise PluginError(f"topicgraph: 'bibliography: {bib_path.name}' needs the bibtex plugin "
                          "(add '- bibtex' before '- topicgraph' under plugins in mkdocs.yml)")
    plugin_config = config.plugins[PLUGIN].config
    if plugin_config.bib_file and Path(plugin_config.bib_file).resolve() != bib_path.resolve():
        raise PluginError(f"topicgraph: bibtex's bib_file ({plugin_config.bib_file}) is not the course's "
                          f"bibliography ({bib_path.name}); remove bib_file from the bibtex plugin's settings")
    plugin_config.bib_file = str(bib_path)
    if entries is not None:
        _hand_over(bib_path, entries)


def _hand_over(bib_path: Path, entries: Mapping[str, Any]) -> None:
    """Answer mkdocs-bibtex's next parse of `bib_path` (its registry calls `parse_file` for each .bib
    in on_config) with `entries`, parsed from the same file moments before."""
    import mkdocs_bibtex.registry as registry
    from pybtex.database import BibliographyData

    _handed[bib_path.resolve()] = entries
    parse_file = getattr(registry.parse_file, "__wrapped__", registry.parse_file)

    @functools.wraps(parse_file)
    def parse_once(file: str | Path, *args: Any, **kwargs: Any) -> BibliographyData:
        handed = _handed.pop(Path(file).resolve(), None)
        return BibliographyData(entries=handed) if handed is not None else parse_file(file, *args, **kwargs)

    registry.parse_file = parse_once


class References:
    """Every formatted citation and reference of the site, from one pandoc run (or the cache)."""

    def __init__(self, config: MkDocsConfig, bib_path: Path, pages: dict[str, str], root: Path) -> None:
        from mkdocs_bibtex.citation import CitationBlock

        self._registry = registry = config.plugins[PLUGIN].registry
        # pandoc reads the .bib as written: pybtex's re-serialization escapes the '_' in DOIs.
        bib_text = bib_path.read_text(encoding="utf-8")
        registry.__dict__["bib_data_bibtex"] = bib_text
        # Each distinct citation once: pandoc's time grows with the citations it is given (15 % less).
        # One with an unknown key is left to the course's check, which stops the build with the fix.
        known = registry.bib_data.entries
        blocks = list({str(block): block for text in pages.values() for block in CitationBlock.from_markdown(text)
                       if all(citation.key in known for citation in block.citations)}.values())

        def pandoc_answers() -> dict[str, dict[str, str]]:
            registry.validate_citation_blocks(blocks)  # the one pandoc run; the course has checked the keys
            return {"inline": registry._inline_cache, "references": registry._reference_cache}

        # CITATIONS_CACHE_DIR lets copies of the project (the tests' broken copies) share one cache.
        cache_dir = Path(os.environ.get("CITATIONS_CACHE_DIR") or root / CACHE)
        answers, _ = cached_entry("citations", _cache_key(bib_text, Path(registry.csl_file), blocks),
                                  cache_dir, pandoc_answers, dump=lambda answers: answers, load=_pandoc_answers)
        registry._inline_cache.update(answers["inline"])
        registry._reference_cache.update(answers["references"])
        # pandoc writes case-protected title words ({China's}) as bracketed spans Python-Markdown lacks.
        for key, text in registry._reference_cache.items():
            registry._reference_cache[key] = _NOCASE_SPAN.sub(r"\1", text)
        self.texts = frozenset(registry._reference_cache.values())

    def reference(self, key: str) -> str:
        """The formatted reference of one bibliography entry (Markdown)."""
        from mkdocs_bibtex.citation import Citation

        return self._registry.reference_text(Citation(key=key))


def _cache_key(bib_text: str, csl: Path, blocks: list) -> str:
    digest = hashlib.sha256(bib_text.encode())
    digest.update(csl.read_bytes() if csl.is_file() else b"")
    digest.update("\n".join(sorted({str(block) for block in blocks})).encode())
    for package in ("mkdocs-bibtex", "pypandoc-binary"):
        try:
            digest.update(f"{package}=={version(package)}".encode())
        except PackageNotFoundError:  # e.g. pypandoc with a system pandoc: never reuse across versions
            digest.update(f"{package} missing {os.urandom(8).hex()}".encode())
    return digest.hexdigest()[:20]


def _pandoc_answers(saved: dict) -> dict[str, dict[str, str]]:
    """A cache entry, checked for shape (a KeyError or TypeError makes the cache run pandoc again)."""
    return {"inline": dict(saved["inline"]), "references": dict(saved["references"])}
