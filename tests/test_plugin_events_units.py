"""The plugin's event handlers that the example course does not reach: a bibliography, a page with the
arms-control table, a page whose HTML breaks the allowlist, Material's offline plugin, a navigation
with nested sections (topicgraph/plugin/__init__.py)."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

import topicgraph.plugin
from topicgraph.agreements import MARKER
from topicgraph.model import CourseSettings
from topicgraph.plugin import IFRAME_WORKER, SCRIPTS, STYLESHEETS, TopicGraphPlugin, _nav_sections
from topicgraph.plugin.config import TopicGraphConfig
from topicgraph.plugin.pagecache import AllowedHtml
from topicgraph.rounds import LastRound


def plugin(**config) -> TopicGraphPlugin:
    instance = TopicGraphPlugin()
    instance.config = SimpleNamespace(**({"bibliography": None, "pages": [], "dates": False} | config))
    return instance


def test_each_page_is_filed_under_its_top_level_section() -> None:
    nav = [{"Home": "index.md"}, "about.md",
           {"Basics": ["topics/a.md", {"More": ["topics/b.md", {"B2": "topics/c.md"}]}, {"Link": "https://x.org"}]},
           {"Inference": [{"Bayes": "topics/d.md"}]}]
    assert _nav_sections(nav) == {"index.md": "", "about.md": "", "topics/a.md": "Basics", "topics/b.md": "Basics",
                                  "topics/c.md": "Basics", "https://x.org": "Basics", "topics/d.md": "Inference"}


class _Theme(dict):
    """What _configure_site reads of MkDocs' Theme: its settings as a mapping, dirs and get_env."""

    def __init__(self, **settings) -> None:
        super().__init__(settings)
        self.dirs, self.custom_dir, self.get_env = ["/material"], None, lambda: None


@pytest.mark.parametrize(("enabled", "features"), [
    (True, ["navigation.tabs", "content.code.copy"]),
    (False, ["navigation.tabs", "navigation.instant", "navigation.instant.preview", "content.code.copy"]),
])
def test_a_build_for_a_folder_leaves_out_instant_navigation(tmp_path: Path, enabled: bool, features) -> None:
    """Opened from file://, Material's instant navigation ends document$ before the page loads."""
    theme = _Theme(features=["navigation.tabs", "navigation.instant", "navigation.instant.preview",
                             "content.code.copy"])
    offline = SimpleNamespace(config={"enabled": enabled})
    config = SimpleNamespace(extra={}, theme=theme, watch=[], extra_javascript=[], extra_css=[],
                             config_file_path=str(tmp_path / "mkdocs.yml"), plugins={"material/offline": offline})
    plugin()._configure_site(config)
    assert theme["features"] == features


def test_the_site_gets_the_courses_scripts_styles_and_the_vendored_worker_once(tmp_path: Path) -> None:
    theme = SimpleNamespace(dirs=["/material"], custom_dir=None, get_env=lambda: None)
    config = SimpleNamespace(extra={"polyfills": ["https://unpkg.com/iframe-worker/shim", "other.js"]}, theme=theme,
                             watch=[], extra_javascript=["mine.js"], extra_css=["mine.css"],
                             config_file_path=str(tmp_path / "mkdocs.yml"), plugins={})
    plugin()._configure_site(config)
    assert config.extra["polyfills"] == [IFRAME_WORKER, "other.js"]
    assert config.extra_javascript == [*SCRIPTS, "mine.js"] and config.extra_css == [*STYLESHEETS, "mine.css"]
    assert theme.dirs[0].endswith("theme") and config.watch == [theme.dirs[0]]
    config.extra_javascript = ["mine.js", *SCRIPTS]
    config.extra_css = ["mine.css", *STYLESHEETS]
    plugin()._configure_site(config)
    assert config.extra_javascript == ["mine.js", *SCRIPTS] and config.extra_css == ["mine.css", *STYLESHEETS]
    config.extra = {}
    plugin()._configure_site(config)
    assert config.extra["polyfills"] == []


def test_a_committed_cache_stops_the_build(tmp_path: Path) -> None:
    """The caches hold HTML the build trusts: a contribution must not be able to bring its own."""
    import subprocess

    config = SimpleNamespace(config_file_path=str(tmp_path / "mkdocs.yml"))
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    entry = tmp_path / ".cache" / "pages" / "0123.json"
    entry.parent.mkdir(parents=True)
    entry.write_text('{"content": "<script>alert(1)</script>"}', encoding="utf-8")
    plugin()._check_caches(config)  # a cache the build made itself
    subprocess.run(["git", "-C", str(tmp_path), "add", "-f", ".cache"], check=True, capture_output=True)
    with pytest.raises(PluginError) as info:
        plugin()._check_caches(config)
    assert str(info.value) == (".cache/pages/0123.json: the build's cache is committed to git (1 file(s)) "
                               "(remove it from the repository: git rm -r --cached .cache)")


def test_a_broken_bibliography_stops_the_build_with_every_problem(tmp_path: Path) -> None:
    bib = tmp_path / "refs.bib"
    bib.write_text("@book{a, title = {T}}\n@book{b, title = {U}}\n", encoding="utf-8")
    with pytest.raises(PluginError) as info:
        plugin(bibliography=str(bib))._check_bibliography(SimpleNamespace(plugins={}))
    count, _, rest = str(info.value).partition(" ")
    assert rest.startswith("problem(s) in the course sources:\nrefs.bib:")
    assert int(count) == rest.count("\nrefs.bib:") >= 2  # every problem, counted
    plugin()._check_bibliography(SimpleNamespace(plugins={}))  # no bibliography: nothing to check


def test_a_good_bibliography_needs_the_bibtex_plugin_and_is_handed_to_it(tmp_path: Path) -> None:
    bib = tmp_path / "refs.bib"
    bib.write_text("@book{herz1951, author = {Herz, John H.}, title = {Political Realism}, publisher = {U},\n"
                   "  address = {C}, year = {1951}}\n", encoding="utf-8")
    with pytest.raises(PluginError, match="needs the bibtex plugin"):
        plugin(bibliography=str(bib))._check_bibliography(SimpleNamespace(plugins={}))
    bibtex = SimpleNamespace(config=SimpleNamespace(bib_file=None))
    plugin(bibliography=str(bib))._check_bibliography(SimpleNamespace(plugins={"bibtex": bibtex}))
    assert bibtex.config.bib_file == str(bib)


def page(src_uri: str = "topics/a.md", content: str = "", url: str = "topics/a/", meta: dict | None = None):
    return SimpleNamespace(file=SimpleNamespace(src_uri=src_uri, content_string=content), url=url, toc=[],
                           meta=meta if meta is not None else {})


def test_the_arms_control_table_goes_into_the_page_that_asks_for_it(monkeypatch: pytest.MonkeyPatch) -> None:
    events = plugin()
    events.course = SimpleNamespace(record=SimpleNamespace())
    events.course = SimpleNamespace(record=SimpleNamespace(table="| t |"))
    monkeypatch.setattr(topicgraph.plugin, "with_record",
                        lambda markdown, record: markdown.replace(MARKER, record.table))
    assert events.on_page_read_source(page=page(content=f"Intro\n\n{MARKER}\n"), config=None) == "Intro\n\n| t |\n"
    assert events.on_page_read_source(page=page(content="No table."), config=None) is None
    events.course = SimpleNamespace(record=None)
    assert events.on_page_read_source(page=page(content=MARKER), config=None) is None
    events.course = None
    assert events.on_page_read_source(page=page(content=MARKER), config=None) is None


def config_at(tmp_path: Path) -> SimpleNamespace:
    (tmp_path / "docs").mkdir(exist_ok=True)
    return SimpleNamespace(config_file_path=str(tmp_path / "mkdocs.yml"), docs_dir=str(tmp_path / "docs"))


def test_html_the_allowlist_refuses_stops_the_build_naming_the_page(tmp_path: Path) -> None:
    events = plugin()
    bad = '<p>Hi</p><script>alert(1)</script>'
    with pytest.raises(PluginError) as info:
        events.on_page_content(bad, page=page(content="Hi\n\n<script>alert(1)</script>\n"),
                               config=config_at(tmp_path), files=None)
    message = str(info.value)
    assert message.startswith("1 problem(s) in the page's HTML:\ndocs/topics/a.md:")
    assert "script" in message
    two = '<p onclick="x()">Hi</p>\n<iframe src="https://x.org"></iframe>'
    with pytest.raises(PluginError) as info:
        events.on_page_content(two, page=page(content='<p onclick="x()">Hi</p>\n\n<iframe src="https://x.org"></iframe>\n'),
                               config=config_at(tmp_path), files=None)
    first, second, *rest = str(info.value).split("\n")[1:]
    assert first.startswith("docs/topics/a.md:") and second.startswith("docs/topics/a.md:") and not rest


def test_the_allowlist_applies_with_the_cache_of_allowed_html_which_remembers_what_passed(tmp_path: Path) -> None:
    events = plugin()
    events.allowed = AllowedHtml(tmp_path / "cache")
    with pytest.raises(PluginError):
        events.on_page_content("<script>x()</script>", page=page(content="<script>x()</script>\n"),
                               config=config_at(tmp_path), files=None)
    assert "<script>x()</script>" not in events.allowed
    events.on_page_content("<p>fine</p>", page=page(), config=config_at(tmp_path), files=None)
    assert "<p>fine</p>" in events.allowed


def test_bad_math_names_the_page_it_is_in(tmp_path: Path) -> None:
    with pytest.raises(PluginError, match=r"^docs/topics/a\.md: cannot render the math 'x\^'"):
        plugin().on_page_content('<p><span class="arithmatex">\\(x^\\)</span></p>', page=page(),
                                 config=config_at(tmp_path), files=None)


def test_converted_html_gets_its_generated_parts_back_and_its_ids_published(tmp_path: Path) -> None:
    events = plugin()
    html = '<h2 id="x">X</h2><p id="y">text</p>'
    out = events.on_page_content(html, page=page(url="about/"), config=config_at(tmp_path), files=None)
    assert out == html
    assert events.published.ids_by_page == {"/about/": {"x", "y"}}
    assert events.published.sections == {}


def test_a_title_and_description_from_front_matter_are_escaped_for_material(tmp_path: Path) -> None:
    events = plugin()
    meta = {"title": "<b>T</b>", "description": "a & b", "other": "<i>"}
    events.on_page_markdown("Text", page=page(src_uri="about.md", meta=meta), config=None, files=None)
    assert meta == {"title": "&lt;b&gt;T&lt;/b&gt;", "description": "a &amp; b", "other": "<i>"}


def test_only_mkdocs_serve_dirty_rebuilds_part_of_the_site() -> None:
    for command, dirty, partial in (("serve", True, True), ("serve", False, False), ("build", True, False),
                                    ("build", False, False)):
        events = plugin()
        events.on_startup(command=command, dirty=dirty)
        assert (events.preview is not None) is partial, (command, dirty)
        assert events.serving is (command == "serve")
        assert LastRound.held is (command == "serve")  # a single build keeps no last round


def test_the_course_settings_are_its_parts_and_levels() -> None:
    config = TopicGraphConfig()
    config.load_dict({"parts": ["Basics", "Inference"], "levels": ["intro"]})
    assert config.validate() == ([], [])
    assert config.settings() == CourseSettings(parts=("Basics", "Inference"), levels=("intro",))
