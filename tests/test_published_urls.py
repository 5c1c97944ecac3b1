"""Published URLs keep resolving: the manifest check, in the engine and in a real build."""

from __future__ import annotations

from pathlib import Path

from sitebuild import run_build

from topicgraph.urls import check_published, current_urls, read_manifest

ROOT = Path(__file__).resolve().parents[1]
PAGES = {"/": {"how-it-works"}, "/topics/anarchy/": {"core-idea", "explainer"}, "/topics/new/": {"a"}}


def test_resolving_urls_pass() -> None:
    assert check_published(["/", "/topics/anarchy/", "/topics/anarchy/#core-idea"], PAGES, {}) == []


def test_removed_page_fails_naming_the_url_and_the_redirect_to_add() -> None:
    (problem,) = check_published(["/topics/old/"], PAGES, {})
    assert str(problem).startswith("published-urls.txt: published URL '/topics/old/' no longer resolves")
    assert "redirect_maps: 'topics/old.md'" in str(problem)


def test_redirect_keeps_a_page_and_its_sections() -> None:
    assert check_published(["/topics/old/", "/topics/old/#a"], PAGES, {"/topics/old/": "/topics/new/"}) == []


def test_renamed_section_fails_until_an_alias_keeps_the_old_id() -> None:
    (problem,) = check_published(["/topics/anarchy/#core"], PAGES, {})
    assert "'/topics/anarchy/#core' no longer resolves: '/topics/anarchy/' has no section '#core'" in str(problem)
    assert '<a id="core"></a>' in str(problem)


def test_current_urls_list_pages_and_topic_sections() -> None:
    assert current_urls(["/", "/topics/anarchy/"], {"/topics/anarchy/": ["core-idea"]}) == [
        "/", "/topics/anarchy/", "/topics/anarchy/#core-idea"]


def test_committed_manifest_lists_everything_the_site_publishes(site: Path) -> None:
    published = set(read_manifest(site / "published-urls.txt"))
    committed = set(read_manifest(ROOT / "published-urls.txt"))
    assert published - committed == set(), "new URLs: run `make urls` and commit published-urls.txt"
    assert "/topics/security-dilemma/#core-idea" in committed


def test_build_fails_on_a_renamed_section_then_passes_with_an_alias(project_copy: Path) -> None:
    topic = project_copy / "docs" / "topics" / "hotline.md"
    text = topic.read_text(encoding="utf-8")
    topic.write_text(text.replace("## Core idea {#core-idea}", "## Core idea {#summary}"), encoding="utf-8")
    result = run_build(project_copy, project_copy / "site")
    assert result.returncode != 0 and "Traceback" not in result.output
    assert "published URL '/topics/hotline/#core-idea' no longer resolves" in result.output
    assert '<a id="core-idea"></a>' in result.output

    topic.write_text(text.replace("## Core idea {#core-idea}", '<a id="core-idea"></a>\n\n## Core idea {#summary}'),
                     encoding="utf-8")
    result = run_build(project_copy, project_copy / "site")
    assert result.returncode == 0, result.output
