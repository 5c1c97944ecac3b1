"""The plugin's events end to end, on a copy of examples/minimal-course built in-process (about 1 s).

One module-scoped fixture builds the copy three ways: a `mkdocs build`, the same build again (the
converted-page cache must answer every page), and two rebuilds of `mkdocs serve --dirty` around an
edit of one topic. The copy gets a hostile title and a fixed SOURCE_DATE_EPOCH (it is not in git, so
every page carries the build's date).
"""

from __future__ import annotations

import json
import os
import re
import shutil
from dataclasses import dataclass
from html import unescape
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import config_options, load_config
from mkdocs.config.defaults import MkDocsConfig

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "minimal-course"
HOSTILE = 'Sample spaces <script>alert("x")</script> & events'
EPOCH = "1767225600"  # 2026-01-01 00:00 UTC
NAV_TITLE = re.compile(r'<span class="md-ellipsis">\s*(.*?)\s*</span>', re.S)
TOPICS = ("sample-spaces", "conditional-probability", "independence", "bayes-theorem")


@dataclass
class Built:
    root: Path
    site: Path
    hits: tuple[int, int]  # page cache (hits, misses) of the first build
    hits_again: tuple[int, int]  # and of the second
    first_topic_html: str
    serve_site: Path
    untouched_mtime: tuple[float, float]  # sample-spaces' served page before and after the dirty rebuild
    full_after_edit: bool


def _fresh_plugins() -> None:
    """As a new `mkdocs build` process: MkDocs keeps a plugin with on_startup between configurations (for
    `mkdocs serve`), in the Plugins option of its schema, so an in-process build would reuse the last one."""
    for _, option in MkDocsConfig._schema:
        if isinstance(option, config_options.Plugins):
            option.plugin_cache.clear()


def _build(root: Path, site: Path, command: str = "build", dirty: bool = False):
    _fresh_plugins()
    config = load_config(str(root / "mkdocs.yml"), site_dir=str(site))
    config.plugins.on_startup(command=command, dirty=dirty)
    build(config, dirty=dirty)
    return config


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    root = tmp_path_factory.mktemp("example") / "course"
    shutil.copytree(EXAMPLE, root)
    topic = root / "docs" / "topics" / "sample-spaces.md"
    text = topic.read_text(encoding="utf-8")
    topic.write_text(text.replace("title: Sample spaces and events", f"title: '{HOSTILE}'", 1), encoding="utf-8")
    config_file = root / "mkdocs.yml"  # dates are written in the site's language
    config_file.write_text(config_file.read_text(encoding="utf-8").replace("  name: material\n",
                                                                            "  name: material\n  language: fr\n"),
                           encoding="utf-8")
    old_epoch = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = EPOCH
    try:
        config = _build(root, root / "site")
        plugin = config.plugins["topicgraph"]
        hits = (plugin.page_cache.hits, plugin.page_cache.misses)
        first = (root / "site" / "topics" / "independence" / "index.html").read_text(encoding="utf-8")
        config = _build(root, root / "site")
        plugin = config.plugins["topicgraph"]
        hits_again = (plugin.page_cache.hits, plugin.page_cache.misses)
        serve_site = root / "served"
        _build(root, serve_site, "serve", dirty=True)
        untouched = serve_site / "topics" / "sample-spaces" / "index.html"
        before = untouched.stat().st_mtime
        edited = root / "docs" / "topics" / "independence.md"
        edited.write_text(edited.read_text(encoding="utf-8") + "\n\nAn added paragraph about dice.\n",
                          encoding="utf-8")
        stat = edited.stat()
        os.utime(edited, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
        # `mkdocs serve` reloads the configuration for each rebuild and keeps the plugin (it has on_startup)
        again = load_config(str(root / "mkdocs.yml"), site_dir=str(serve_site))
        build(again, dirty=True)
        full = again.plugins["topicgraph"].preview.full
        after = untouched.stat().st_mtime
    finally:
        _fresh_plugins()  # later in-process builds start afresh
        if old_epoch is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = old_epoch
    return Built(root, root / "site", hits, hits_again, first, serve_site, (before, after), full)


def test_the_example_builds_as_its_readers_and_authors_expect(built: Built) -> None:
    """Every check below, in one test: mutmut credits a module fixture's calls to the first test that
    uses it, so this test is the one it runs against a mutant of the plugin (the checks take milliseconds)."""
    for check in CHECKS:
        check(built)


def page(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def check_a_topic_page_has_its_card_generated_sections_and_links_to_its_prerequisites(built: Built) -> None:
    html = page(built.site, "topics/independence")
    for heading in ("reflection", "quiz", "prerequisites", "leads-to", "cite"):
        assert f'id="{heading}"' in html
    assert html.index('id="reflection"') < html.index('id="quiz"') < html.index('id="prerequisites"')
    assert 'href="../conditional-probability/"' in html
    assert 'id="references"' not in html  # no bibliography: no reference list
    assert "Two events are independent" in html  # the description, on the card
    assert "Name two events from daily life" in html  # the reflection prompt


def check_every_generated_page_is_built_with_every_topic(built: Built) -> None:
    for url in ("graph", "tags", "syllabus", "print", *(f"paths/{t}" for t in TOPICS)):
        assert (built.site / url / "index.html").is_file(), url
    syllabus = page(built.site, "syllabus")
    for topic in TOPICS:
        assert f"https://example.org/probability/topics/{topic}/" in syllabus
    nodes = json.loads((built.site / "graph.json").read_text(encoding="utf-8"))["nodes"]
    assert [n["id"] for n in nodes] == ["sample-spaces", "conditional-probability", "independence", "bayes-theorem"]
    assert not (built.site / "works-cited").exists()  # no bibliography: no works cited


def check_the_print_edition_holds_every_topic_in_reading_order(built: Built) -> None:
    html = page(built.site, "print")
    positions = [html.index(f'id="{topic}--{topic}"') for topic in TOPICS]
    assert positions == sorted(positions)
    assert "course:print-" not in html  # every placeholder replaced by the topic's converted page
    # The quiz's questions are under their topic, its answers only in the answer key at the end.
    assert html.index('id="answer-key"') < html.index("Three in thirteen")


def check_the_progress_marker_becomes_the_course_progress(built: Built) -> None:
    html = page(built.site, "")
    assert "course:progress" not in html
    for topic in TOPICS:
        assert topic in html


def check_a_second_build_converts_no_page_and_writes_the_same_html(built: Built) -> None:
    assert built.hits[1] > 0
    assert built.hits_again == (built.hits[0] + built.hits[1], 0)
    assert page(built.site, "topics/independence") == built.first_topic_html


def check_every_page_carries_a_filled_content_security_policy(built: Built) -> None:
    pages = [*built.site.rglob("*.html")]
    assert len(pages) > 10
    for path in pages:
        html = path.read_text(encoding="utf-8")
        assert 'http-equiv="Content-Security-Policy"' in html, path
        assert "script-src 'self' 'sha256-" in html, path  # a build (not serve) allows inline scripts by hash
    served = (built.serve_site / "topics" / "independence" / "index.html").read_text(encoding="utf-8")
    assert "'unsafe-inline'" in served.split("script-src", 1)[1].split(";", 1)[0]


def check_the_published_url_manifest_lists_pages_and_topic_sections(built: Built) -> None:
    urls = (built.site / "published-urls.txt").read_text(encoding="utf-8").splitlines()
    assert urls == sorted(urls)
    for url in ("/", "/graph/", "/syllabus/", "/topics/independence/", "/topics/independence/#quiz",
                "/topics/independence/#prerequisites", "/paths/independence/"):
        assert url in urls
    assert not any(u.startswith("/graph/#") for u in urls)  # only topic pages list their sections


def check_a_hostile_title_is_shown_as_text_everywhere(built: Built) -> None:
    for url in ("topics/sample-spaces", "topics/independence", "graph", "syllabus", "tags", "print"):
        html = page(built.site, url)
        assert '<script>alert("x")' not in html, url
        assert "alert(" not in html or "&lt;script&gt;alert(" in html, url
    assert "&lt;script&gt;alert(" in page(built.site, "topics/sample-spaces")


def check_each_page_shows_when_it_last_changed(built: Built) -> None:
    html = page(built.site, "topics/independence")
    assert '<time datetime="2026-01-01">1 janvier 2026</time>' in html
    assert "Last updated 2026-01-01" in html  # "Cite this page"
    cite = html.split('id="cite"', 1)[1]
    assert "2026" in cite and "The example course&#39;s authors" in cite.replace("&#x27;", "&#39;")


def check_a_dirty_rebuild_converts_the_edited_topic_and_the_print_edition_only(built: Built) -> None:
    assert built.full_after_edit is False
    assert built.untouched_mtime[0] == built.untouched_mtime[1]
    assert "An added paragraph about dice." in page(built.serve_site, "topics/independence")
    printed = page(built.serve_site, "print")
    assert "An added paragraph about dice." in printed
    assert "Sample spaces" in printed and "Bayes" in printed  # the unconverted topics, from the last build
    # every page is still published, the unconverted ones as the last build left them
    assert (built.serve_site / "published-urls.txt").read_text(encoding="utf-8") == (
        built.site / "published-urls.txt").read_text(encoding="utf-8")
    # the navigation names every page by its own title, read again for the pages not converted
    served = [unescape(t) for t in NAV_TITLE.findall(page(built.serve_site, "topics/independence"))]
    assert served == [unescape(t) for t in NAV_TITLE.findall(built.first_topic_html)]


def check_math_free_pages_are_left_alone_and_nav_lists_sections(built: Built) -> None:
    html = page(built.site, "topics/bayes-theorem")
    assert "<math" not in html
    nav = html.split('class="md-nav md-nav--primary"', 1)[1]
    for title in ("Basics", "Inference", "Course map"):
        assert title in nav


CHECKS = (
    check_a_topic_page_has_its_card_generated_sections_and_links_to_its_prerequisites,
    check_every_generated_page_is_built_with_every_topic,
    check_the_print_edition_holds_every_topic_in_reading_order,
    check_the_progress_marker_becomes_the_course_progress,
    check_a_second_build_converts_no_page_and_writes_the_same_html,
    check_every_page_carries_a_filled_content_security_policy,
    check_the_published_url_manifest_lists_pages_and_topic_sections,
    check_a_hostile_title_is_shown_as_text_everywhere,
    check_each_page_shows_when_it_last_changed,
    check_a_dirty_rebuild_converts_the_edited_topic_and_the_print_edition_only,
    check_math_free_pages_are_left_alone_and_nav_lists_sections,
)


def test_a_topic_page_has_its_card_generated_sections_and_links_to_its_prerequisites(built: Built) -> None:
    check_a_topic_page_has_its_card_generated_sections_and_links_to_its_prerequisites(built)


def test_every_generated_page_is_built_with_every_topic(built: Built) -> None:
    check_every_generated_page_is_built_with_every_topic(built)


def test_the_print_edition_holds_every_topic_in_reading_order(built: Built) -> None:
    check_the_print_edition_holds_every_topic_in_reading_order(built)


def test_the_progress_marker_becomes_the_course_progress(built: Built) -> None:
    check_the_progress_marker_becomes_the_course_progress(built)


def test_a_second_build_converts_no_page_and_writes_the_same_html(built: Built) -> None:
    check_a_second_build_converts_no_page_and_writes_the_same_html(built)


def test_every_page_carries_a_filled_content_security_policy(built: Built) -> None:
    check_every_page_carries_a_filled_content_security_policy(built)


def test_the_published_url_manifest_lists_pages_and_topic_sections(built: Built) -> None:
    check_the_published_url_manifest_lists_pages_and_topic_sections(built)


def test_a_hostile_title_is_shown_as_text_everywhere(built: Built) -> None:
    check_a_hostile_title_is_shown_as_text_everywhere(built)


def test_each_page_shows_when_it_last_changed(built: Built) -> None:
    check_each_page_shows_when_it_last_changed(built)


def test_a_dirty_rebuild_converts_the_edited_topic_and_the_print_edition_only(built: Built) -> None:
    check_a_dirty_rebuild_converts_the_edited_topic_and_the_print_edition_only(built)


def test_math_free_pages_are_left_alone_and_nav_lists_sections(built: Built) -> None:
    check_math_free_pages_are_left_alone_and_nav_lists_sections(built)


def test_a_dirty_rebuild_shows_a_hostile_title_as_text_in_the_navigation(built: Built) -> None:
    served = page(built.serve_site, "topics/independence")
    assert '<script>alert("x")</script>' not in served
    assert NAV_TITLE.findall(served) == NAV_TITLE.findall(built.first_topic_html)
