"""What topicgraph/plugin/bibtex.py relies on in mkdocs-bibtex, pinned: if a new version (or a replacement)
breaks one of these, this file fails before the site does.

Relied on: the plugin's `bib_file` setting can be set before its on_config; after on_config it has a
`registry` whose `validate_citation_blocks` formats every block in one pandoc run into the dicts
`_inline_cache` (block text -> inline citation) and `_reference_cache` (key -> reference); whose
`bib_data_bibtex` is a cached property (the adapter hands pandoc the .bib as written); whose `csl_file`
names the style; and whose `reference_text(Citation(key=...))` answers from `_reference_cache`.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs_bibtex.plugin import BibTexPlugin
from pybtex.database import parse_string

from topicgraph.plugin.bibtex import References, use_bibliography

ROOT = Path(__file__).resolve().parents[1]
BIB = """@book{herz1951,
  author = {Herz, John H.},
  title = {Political Realism and Political Idealism: A Study in Theories and Realities},
  publisher = {University of Chicago Press},
  address = {Chicago},
  year = {1951}
}
"""


@pytest.fixture
def configured(tmp_path: Path) -> tuple[MkDocsConfig, Path]:
    """A MkDocs config with mkdocs-bibtex configured as the course configures it."""
    bib = tmp_path / "bibliography.bib"
    bib.write_text(BIB, encoding="utf-8")
    plugin = BibTexPlugin()
    errors, _ = plugin.load_config({"csl_file": str(ROOT / "csl" / "chicago-author-date.csl"),
                                    "enable_inline_citations": False})
    assert errors == []
    config = MkDocsConfig(config_file_path=str(tmp_path / "mkdocs.yml"))
    config.plugins = {"bibtex": plugin}  # type: ignore[assignment]
    use_bibliography(config, bib)
    assert plugin.config.bib_file == str(bib)
    plugin.on_config(config)
    return config, bib


def test_one_pandoc_run_formats_every_citation_and_reference(configured, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    config, bib = configured
    monkeypatch.setenv("CITATIONS_CACHE_DIR", str(tmp_path / "cache"))
    pages = {"a.md": "As Herz saw [@herz1951, p. 3].", "b.md": "See [@herz1951]."}
    references = References(config, bib, pages, tmp_path)
    registry = config.plugins["bibtex"].registry
    assert set(registry._inline_cache) == {"[@herz1951, p. 3]", "[@herz1951]"}
    assert "Political Realism and Political Idealism" in references.reference("herz1951")
    assert references.reference("herz1951") in references.texts
    assert registry.bib_data_bibtex == BIB, "pandoc must read the .bib as written"


def test_a_second_build_takes_the_answers_from_the_cache(configured, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    config, bib = configured
    monkeypatch.setenv("CITATIONS_CACHE_DIR", str(tmp_path / "cache"))
    pages = {"a.md": "As Herz saw [@herz1951, p. 3]."}
    first = References(config, bib, pages, tmp_path).reference("herz1951")
    registry = config.plugins["bibtex"].registry
    registry._reference_cache.clear()
    registry._inline_cache.clear()
    monkeypatch.setattr(registry, "validate_citation_blocks", lambda blocks: pytest.fail("pandoc ran again"))
    assert References(config, bib, pages, tmp_path).reference("herz1951") == first
    assert "[@herz1951, p. 3]" in registry._inline_cache


def test_the_bibliography_setting_and_the_bibtex_plugin_must_agree(tmp_path: Path) -> None:
    bib = tmp_path / "bibliography.bib"
    bib.write_text(BIB, encoding="utf-8")
    config = MkDocsConfig(config_file_path=str(tmp_path / "mkdocs.yml"))
    config.plugins = {}  # type: ignore[assignment]
    with pytest.raises(PluginError, match="needs the bibtex plugin"):
        use_bibliography(config, bib)
    other = BibTexPlugin()
    other.load_config({"bib_file": str(tmp_path / "other.bib")})
    config.plugins = {"bibtex": other}  # type: ignore[assignment]
    with pytest.raises(PluginError, match="is not the course's bibliography"):
        use_bibliography(config, bib)


def test_entries_the_course_has_parsed_are_handed_over_and_the_file_is_read_once(tmp_path: Path) -> None:
    bib = tmp_path / "bibliography.bib"
    bib.write_text(BIB, encoding="utf-8")
    entries = dict(parse_string(BIB, "bibtex").entries)
    config = MkDocsConfig(config_file_path=str(tmp_path / "mkdocs.yml"))
    for handed in (entries, None):  # handed over, then read from the file as mkdocs-bibtex would
        plugin = BibTexPlugin()
        plugin.load_config({"csl_file": str(ROOT / "csl" / "chicago-author-date.csl")})
        config.plugins = {"bibtex": plugin}  # type: ignore[assignment]
        use_bibliography(config, bib, handed)
        plugin.on_config(config)
        registry_entry = plugin.registry.bib_data.entries["herz1951"]
        assert (registry_entry is entries["herz1951"]) == (handed is not None)
        assert registry_entry.fields["title"] == entries["herz1951"].fields["title"]
