"""Converted pages are reused between builds only when nothing that shapes them changed
(topicgraph/plugin/pagecache.py): a warm build is the same site as a cold one, a change to the graph
reaches every page that shows it, and a page that warned is converted (and fails) again."""

from __future__ import annotations

import re
from pathlib import Path

from sitebuild import run_build as shared_build


def run_build(project: Path, site: Path):
    """A build of the copy with its own page cache (the tests' builds otherwise share the project's)."""
    return shared_build(project, site, TOPICGRAPH_CACHE_ROOT=str(project))


_VOLATILE = re.compile(r'<time datetime="[^"]*">[^<]*</time>|<lastmod>[^<]*</lastmod>')  # the build's date


def _pages(project: Path) -> set[str]:
    return {p.name for p in (project / ".cache" / "pages").glob("*.json")}


def _site(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): _VOLATILE.sub("", p.read_text(encoding="utf-8"))
            for p in site.rglob("*.html")}


def test_a_warm_build_reuses_every_page_and_builds_the_same_site(project_copy: Path, tmp_path: Path) -> None:
    cold = run_build(project_copy, tmp_path / "cold")
    assert cold.returncode == 0, cold.output
    entries = _pages(project_copy)
    assert len(entries) > 80, "every converted page is kept"
    warm = run_build(project_copy, tmp_path / "warm")
    assert warm.returncode == 0, warm.output
    assert _pages(project_copy) == entries, "a build with nothing changed converted a page again"
    assert _site(cold.site) == _site(warm.site)


def test_a_changed_title_reaches_every_page_that_links_the_topic(project_copy: Path, tmp_path: Path) -> None:
    (project_copy / "published-urls.txt").unlink()  # the new title renames the page's first heading
    assert run_build(project_copy, tmp_path / "first").returncode == 0
    topic = project_copy / "docs" / "topics" / "anarchy.md"
    topic.write_text(topic.read_text(encoding="utf-8").replace("title: Anarchy", "title: International anarchy", 1),
                     encoding="utf-8")
    result = run_build(project_copy, tmp_path / "second")
    assert result.returncode == 0, result.output
    # structural-realism lists anarchy among its prerequisites; its own source did not change.
    page = (result.site / "topics" / "structural-realism" / "index.html").read_text(encoding="utf-8")
    assert "International anarchy" in page
    path = (result.site / "paths" / "security-dilemma" / "index.html").read_text(encoding="utf-8")
    assert "International anarchy" in path


def test_a_page_that_warned_is_never_kept_so_the_strict_build_fails_again(project_copy: Path,
                                                                           tmp_path: Path) -> None:
    topic = project_copy / "docs" / "topics" / "hotline.md"
    topic.write_text(topic.read_text(encoding="utf-8") + "\nSee [a page that is not there](no-such-topic.md).\n",
                     encoding="utf-8")
    for run in ("first", "second"):
        result = run_build(project_copy, tmp_path / run)
        assert result.returncode != 0
        assert "no-such-topic.md" in result.output, result.output
