"""Published URLs keep resolving (topicgraph/urls.py): the manifest, the check and its messages."""

from __future__ import annotations

from pathlib import Path

from topicgraph.errors import Problem
from topicgraph.urls import check_published, current_urls, read_manifest

BUILT = {
    "/": {"main"},
    "/topics/anarchy/": {"core-idea", "self-help"},
    "/topics/spiral-model/": {"core-idea"},
}


def test_manifest_lines_are_urls_and_comments_and_blank_lines_are_skipped(tmp_path: Path) -> None:
    manifest = tmp_path / "published-urls.txt"
    manifest.write_text("# Every published URL\n/\n\n  /topics/anarchy/  \r\n/topics/anarchy/#core-idea\n"
                        "   \n# /topics/old/\n/topics/sécurité/\n", encoding="utf-8")
    assert read_manifest(manifest) == ["/", "/topics/anarchy/", "/topics/anarchy/#core-idea", "/topics/sécurité/"]


def test_a_missing_manifest_publishes_nothing(tmp_path: Path) -> None:
    assert read_manifest(tmp_path / "published-urls.txt") == []


def test_urls_of_pages_and_sections_still_built_resolve() -> None:
    manifest = ["/", "/topics/anarchy/", "/topics/anarchy/#self-help", "/topics/spiral-model/#core-idea"]
    assert check_published(manifest, BUILT, {}) == []


def test_a_redirected_page_and_its_sections_resolve_through_the_redirect() -> None:
    redirects = {"/topics/spiral/": "/topics/spiral-model/"}
    assert check_published(["/topics/spiral/", "/topics/spiral/#core-idea"], BUILT, redirects) == []


def test_a_removed_page_is_reported_with_the_redirect_that_would_keep_it() -> None:
    problems = check_published(["/topics/offence/", "/topics/offence/#core-idea", "/"], BUILT, {})
    fix = ("restore the page, or add a redirect for it in mkdocs.yml "
           "(plugins > redirects > redirect_maps: 'topics/offence.md': '<new page>.md')")
    assert problems == [
        Problem("published-urls.txt", None, "published URL '/topics/offence/' no longer resolves", fix),
        Problem("published-urls.txt", None, "published URL '/topics/offence/#core-idea' no longer resolves", fix),
    ]
    assert str(problems[0]) == f"published-urls.txt: published URL '/topics/offence/' no longer resolves ({fix})"


def test_a_removed_home_page_is_index_md() -> None:
    [problem] = check_published(["/"], {}, {}, file="urls.txt")
    assert problem.file == "urls.txt"
    assert problem.fix.endswith("redirect_maps: 'index.md': '<new page>.md')")


def test_a_redirect_to_a_page_that_is_gone_does_not_resolve() -> None:
    problems = check_published(["/topics/spiral/"], BUILT, {"/topics/spiral/": "/topics/gone/"})
    assert [p.message for p in problems] == ["published URL '/topics/spiral/' no longer resolves"]
    assert "'topics/spiral.md': '<new page>.md'" in problems[0].fix


def test_a_renamed_section_is_reported_with_the_alias_anchor_that_would_keep_it() -> None:
    redirects = {"/topics/spiral/": "/topics/spiral-model/"}
    problems = check_published(["/topics/anarchy/#self-help-system", "/topics/spiral/#history"], BUILT, redirects)
    assert problems == [
        Problem("published-urls.txt", None,
                "published URL '/topics/anarchy/#self-help-system' no longer resolves: "
                "'/topics/anarchy/' has no section '#self-help-system'",
                'keep the old id as an alias: put <a id="self-help-system"></a> on its own line '
                "before the renamed section"),
        Problem("published-urls.txt", None,
                "published URL '/topics/spiral/#history' no longer resolves: "
                "'/topics/spiral-model/' has no section '#history'",
                'keep the old id as an alias: put <a id="history"></a> on its own line before the renamed section'),
    ]


def test_current_urls_list_every_page_and_every_section_once_in_order() -> None:
    pages = ["/topics/b/", "/", "/topics/a/", "/"]
    sections = {"/topics/b/": ["core-idea", "history"], "/topics/a/": ["core-idea"]}
    assert current_urls(pages, sections) == [
        "/", "/topics/a/", "/topics/a/#core-idea", "/topics/b/", "/topics/b/#core-idea", "/topics/b/#history",
    ]
