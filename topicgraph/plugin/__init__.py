"""The topicgraph MkDocs plugin: a course of topics in a prerequisite graph, as a Material site.

`plugins: - topicgraph: {parts: [...]}` in a course's mkdocs.yml. Everything is validated once, in
on_files, before any page is converted; the generated pages and each topic's card, connections,
reflection, quiz, references and "Cite this page" come from the templates in theme/. The engine
(topicgraph/) has no MkDocs imports; this package adapts it, one module per concern.
"""

from __future__ import annotations

import functools
import logging
import os
import re
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import date
from pathlib import Path
from typing import Any

from jinja2 import Environment
from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files, get_files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from ..agreements import MARKER as AGREEMENTS_MARKER
from ..agreements import with_record
from ..citations import load_bibliography
from ..course import Course, load_course, pages_as_built
from ..errors import TopicGraphError, raise_if_any
from ..footnotes import in_reading_order
from ..gitdates import head_commit, tracked_files
from ..htmlpolicy import check_page
from ..linkpreviews import bare_headings, page_key, with_link_previews
from ..printable import MissingTopicHtml, assemble
from ..rawhtml import restore, set_aside, set_aside_footnotes
from ..rounds import LastRound
from ..typeset import Typesetter
from .ahead import Ahead, converting, indexing
from .bibtex import References, use_bibliography
from .config import TopicGraphConfig
from .dates import CACHE as DATES_CACHE
from .dates import PageDates
from .mathml import CACHE as MATHML_CACHE
from .mathml import Formulas, with_mathml
from .navigation import RenderedOnce
from .pagecache import CACHE as PAGE_CACHE
from .pagecache import AllowedHtml, PageCache
from .pages import CoursePages
from .pdfs import write_pdfs
from .preview import Preview, quiet_dirty_warning, sources_of
from .search import CACHE as SEARCH_CACHE
from .search import IndexedPages, UnindexedSections
from .security import with_policy
from .shipped import ship_minified
from .site_urls import PublishedUrls, SiteUrls, toc_items
from .templates import THEME_DIR, add_theme_dir, cache_compiled_templates
from .typesetting import CACHE as TYPESET_CACHE
from .typesetting import Typesetting

SCRIPTS = ("assets/javascripts/course.js",)
STYLESHEETS = ("assets/stylesheets/course.css",)
IFRAME_WORKER = "assets/javascripts/vendor/iframe-worker-shim.js"
log = logging.getLogger("mkdocs.plugins.topicgraph")
_ELEMENT_ID = re.compile(r'\sid="([^"]+)"')  # whitespace before: \b would also take data-id, and is slow


class TopicGraphPlugin(BasePlugin[TopicGraphConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.serving = False
        self.course: Course | None = None
        self.pages: CoursePages | None = None
        self.typesetter: Typesetter | None = None
        self.typesetting = Typesetting()  # kept between builds
        self.references: References | None = None
        self.pandoc: ThreadPoolExecutor | None = None
        self.formatting: Future[References] | None = None  # pandoc at work (from on_config to on_files)
        self.page_cache: PageCache | None = None
        self.allowed: AllowedHtml | None = None
        self.preview: Preview | None = None  # `mkdocs serve --dirty` only
        self.dates: PageDates | None = None
        self.formulas: Formulas | None = None
        self.indexed: IndexedPages | None = None
        self.ahead: list[Ahead] = []  # copies of the build filling the caches (ahead.py)
        self.published = PublishedUrls()
        self.unindexed = UnindexedSections()
        self.bare_headings: dict[str, set[str]] = {}  # page_key -> ids of headings a preview would show alone
        self._set_aside: dict[str, list[str]] = {}  # src_uri -> generated HTML kept out of Markdown

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"
        LastRound.held = self.serving  # only a server builds again: a single build keeps no last round
        if self.serving and dirty:
            self.preview = Preview()
            quiet_dirty_warning()

    # Configuration ----------------------------------------------------------------------------------

    @event_priority(100)
    def _check_caches(self, config: MkDocsConfig) -> None:
        # The caches hold HTML the build trusts (converted pages, typeset text, figures): one that came
        # with a contribution could put markup past every check. A cache is made here, never committed.
        if committed := tracked_files(_root(config) / ".cache"):
            raise PluginError(f"{committed[0]}: the build's cache is committed to git ({len(committed)} file(s)) "
                              "(remove it from the repository: git rm -r --cached .cache)")

    @event_priority(100)  # before every plugin's on_config, mkdocs-bibtex's (which parses the .bib) included
    def _check_bibliography(self, config: MkDocsConfig) -> None:
        if not self.config.bibliography:
            return
        bib_path = Path(self.config.bibliography)
        bibliography, problems = load_bibliography(bib_path, bib_path.name)
        try:
            raise_if_any(problems)
        except TopicGraphError as exc:
            raise PluginError(f"{len(exc.problems)} problem(s) in the course sources:\n{exc}") from None
        use_bibliography(config, bib_path, bibliography.entries)

    @event_priority(-100)  # after the other plugins': Material's offline plugin adds its polyfill then
    def _configure_site(self, config: MkDocsConfig) -> None:
        # Material's offline plugin loads its file:// worker shim from a CDN; use the vendored copy.
        polyfills = config.extra.get("polyfills", [])
        config.extra["polyfills"] = [IFRAME_WORKER if "iframe-worker" in url else url for url in polyfills]
        if _offline(config):
            # Opened from a folder, Material's instant navigation ends `document$` before the page has
            # loaded, and no script that starts from it (the course's all do) would ever run.
            features = config.theme.get("features", [])
            config.theme["features"] = [f for f in features if not f.startswith("navigation.instant")]
        add_theme_dir(config)
        cache_compiled_templates(config)
        config.watch.append(str(THEME_DIR))
        config.extra_javascript[:0] = [s for s in SCRIPTS if s not in map(str, config.extra_javascript)]
        config.extra_css[:0] = [s for s in STYLESHEETS if s not in config.extra_css]

    @event_priority(-100)  # after mkdocs-bibtex's, which makes the registry pandoc's answers go to
    def _start_citations(self, config: MkDocsConfig) -> None:
        # pandoc formats every citation of the site in a process of its own (about a second on a fresh
        # clone): it starts now, from the pages as they are on disk, and on_files takes its answers.
        self.formatting = None
        if not self.config.bibliography:
            return
        on_disk = {f.src_uri: f.content_string for f in get_files(config).documentation_pages()}
        pages, _, problems = pages_as_built(Path(config.docs_dir), on_disk)
        if not problems:  # else on_files reports them, and the build stops
            self.pandoc = ThreadPoolExecutor(max_workers=1)
            self.formatting = self.pandoc.submit(References, config, Path(self.config.bibliography), pages,
                                                 _root(config))

    on_config = CombinedEvent(_check_caches, _check_bibliography, _configure_site, _start_citations)

    # The course -------------------------------------------------------------------------------------

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        # Front-matter and BibTeX text is data: the course's templates escape whatever they print, and
        # the `typeset` filter is the one place where such text becomes HTML (topicgraph/typeset.py).
        root = _root(config)
        env = config.theme.get_env().overlay(autoescape=True)
        caches = _cache_root(root)
        text_typesetter, self.typesetter = self.typesetting.for_build(config, caches / TYPESET_CACHE)
        env.filters["typeset"] = text_typesetter
        if not self.preview:  # a preview keeps what the pages it does not rebuild published
            self.published = PublishedUrls()
        self._set_aside.clear()
        self.dates = PageDates(config.docs_dir, config.theme.get("language"),
                               caches / DATES_CACHE if self.config.page_cache else None) if self.config.dates else None
        bib_path = Path(self.config.bibliography) if self.config.bibliography else None
        try:
            self.course = course = load_course(
                docs_dir=Path(config.docs_dir),
                bib_path=bib_path,
                pages={f.src_uri: f.content_string for f in files.documentation_pages()},
                nav=_nav_sections(config.nav) if config.nav else None,  # no nav: MkDocs lists the files
                display_prefix=Path(config.docs_dir).resolve().relative_to(root).as_posix(),
                settings=self.config.settings(),
            )
        except TopicGraphError as exc:
            raise PluginError(f"{len(exc.problems)} problem(s) in the course sources:\n{exc}") from None
        # What needs no reference is rendered while pandoc works, the works cited last (CoursePages.generated).
        formatting = self.formatting
        generated = self._generate(config, files, course, bib_path, env, lambda: formatting and formatting.result())
        self.references = formatting.result() if formatting else None
        if self.pandoc:  # its thread ends now: the copies that work ahead fork only a build with one thread
            self.pandoc.shutdown()
            self.pandoc = None
        if self.preview:
            watched = [*config.watch, *([config.theme.custom_dir] if config.theme.custom_dir else [])]
            self.preview.plan(files, course, generated,
                              sources_of(config.config_file_path, self.config.bibliography, config.docs_dir, watched))
        if self.config.page_cache:
            self.formulas = Formulas(caches / MATHML_CACHE)
            self.page_cache = PageCache(config, files, caches / PAGE_CACHE)
            self.allowed = AllowedHtml(caches / PAGE_CACHE)
        search_cache = caches / SEARCH_CACHE if self.config.page_cache else None
        self.indexed = next((IndexedPages(config.plugins[name], search_cache)
                             for name in ("search", "material/search") if name in config.plugins), None)
        return files

    def _generate(self, config: MkDocsConfig, files: Files, course: Course, bib_path: Path | None,
                  env: Environment, references: Callable[[], References | None]) -> dict[str, str | bytes]:
        """Add the generated pages and files to the build's, and return them (src_uri -> content)."""
        root = _root(config)
        edition = head_commit(root)  # the commit this build is made from, for "Cite this page"
        site = {"site_name": config.site_name, "site_author": config.site_author or "",
                "language": config.theme.get("language") or "en",
                "edition_date": edition[0] if edition else "", "edition_commit": edition[1] if edition else ""}
        # Without a bibliography a topic has no reference list (and the site no works cited).
        sections = [name for name in self.config.sections if bib_path or name != "references"]
        pdfs = self.config.pdfs and "print" in self.config.pages  # the editions are made from the print page
        self.pages = CoursePages(course, env, SiteUrls(config), site, sections, pdfs=pdfs,
                                 lms="lms" in self.config.pages)
        if not self.preview:  # a full build makes every topic page: render their parts while pandoc runs
            self.pages.render_ahead({topic.id: self._iso_date(topic.src_uri) for topic in course.topics.values()})
        generated = self.pages.generated(self.config.pages, references, self.typesetter)
        for src_uri, content in generated.items():
            files.append(File.generated(config, src_uri, content=content))
        return generated

    def _iso_date(self, src_uri: str) -> str:
        """The ISO date a page last changed (the build's date without page dates)."""
        return self.dates.of(src_uri).date().isoformat() if self.dates else date.today().isoformat()

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        # A preview converts only some pages; the others still need their titles in the navigation.
        if self.preview and not self.preview.full:
            for page in self.preview.read_unconverted(files, config):
                _escape_meta(page)
        elif self.page_cache:  # MkDocs converts the pages next, from the first: a copy starts from the last
            self.ahead.append(Ahead(_pages(files), converting(config, files, self.page_cache)))
        return nav

    def on_page_read_source(self, *, page: Page, config: MkDocsConfig) -> str | None:
        # The arms-control record's table goes in before any plugin reads the page (citations included).
        if self.course and self.course.record and AGREEMENTS_MARKER in page.file.content_string:
            return with_record(page.file.content_string, self.course.record)
        return None

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        _escape_meta(page)
        if self.dates:
            page.meta["revision_date"] = self.dates.html(self.dates.of(page.file.src_uri))  # Material's footer
        if self.pages:
            iso_date = self._iso_date(page.file.src_uri)
            markdown = self.pages.with_generated_parts(markdown, page.file.src_uri, iso_date)
            if topic := self.pages.course.topic_for(page.file.src_uri):  # for reference managers (main.html)
                page.meta["citation"] = self.pages.citation_metadata(topic, iso_date)
        # mkdocs-bibtex (listed before topicgraph, so it ran first) has added the references as footnotes.
        markdown, blocks = set_aside(markdown)
        self._set_aside[page.file.src_uri] = blocks
        if self.page_cache:  # MkDocs converts the page next, with its final Markdown
            page.render = functools.partial(self.page_cache.convert, page)  # type: ignore[method-assign]
        return set_aside_footnotes(markdown, blocks, self._reference_html)

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        # What the page's Markdown made, before the generated HTML goes back in, must pass the allowlist.
        where = _display_path(page, config)
        if self.allowed is None or html not in self.allowed:
            problems = check_page(where, html, page.file.content_string)
            if problems:
                raise PluginError(f"{len(problems)} problem(s) in the page's HTML:\n" + "\n".join(map(str, problems)))
            if self.allowed is not None:
                self.allowed.add(html)
        html = in_reading_order(restore(html, self._set_aside.pop(page.file.src_uri, [])))
        self.published.ids_by_page["/" + page.url] = set(_ELEMENT_ID.findall(html))
        self.bare_headings[page_key(page.url)] = bare_headings(html)
        if self.course and self.course.topic_for(page.file.src_uri):
            self.published.sections["/" + page.url] = [item.id for item in toc_items(page.toc)]
        return with_mathml(html, where, self.formulas)

    # Templates and output ---------------------------------------------------------------------------

    @event_priority(100)  # before Material's search plugin (priority 0)
    def _before_search(self, context: dict[str, Any], *, page: Page, config: MkDocsConfig,
                       nav: Navigation) -> dict[str, Any]:
        self.unindexed.before_search(page)
        return context

    def _assemble_print(self, context: dict[str, Any], *, page: Page, config: MkDocsConfig,
                        nav: Navigation) -> dict[str, Any]:
        # Every page is converted by now: the print edition takes the topics' finished HTML.
        if self.course and page.file.src_uri == "print.md" and "print" in self.config.pages:
            course = self.course
            pages = {topic.id: (p.url, p.content) for p in nav.pages if (topic := course.topic_for(p.file.src_uri))}
            if self.preview:  # the topics this rebuild did not convert are as the last build left them
                self.preview.topic_html.update((i, page) for i, page in pages.items() if page[1] is not None)
                pages = {i: page if page[1] is not None else self.preview.topic_html.get(i, page)
                         for i, page in pages.items()}
            try:
                page.content = assemble(page.content, page.url, pages)
            except MissingTopicHtml as exc:
                raise PluginError(f"the print edition (print.md) needs the converted page of topic '{exc}': "
                                  "build or serve without --dirty") from None
        return context

    @event_priority(-100)  # after search, and after the print edition is assembled
    def _after_search(self, context: dict[str, Any], *, page: Page, config: MkDocsConfig,
                      nav: Navigation) -> dict[str, Any]:
        self.unindexed.after_search(page)
        return context

    @event_priority(-110)  # every page is converted by now, and search has read this one
    def _link_previews(self, context: dict[str, Any], *, page: Page, config: MkDocsConfig,
                       nav: Navigation) -> dict[str, Any]:
        # Opened from a folder, a preview would fetch the sitemap, which a browser refuses for file://.
        if page.content and not _offline(config):
            page.content = with_link_previews(page.content, page.url, self.bare_headings)
        return context

    on_page_context = CombinedEvent(_before_search, _assemble_print, _after_search, _link_previews)

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        self._end_ahead()
        if self.page_cache:
            log.debug(f"Page cache: {self.page_cache.hits} page(s) kept, {self.page_cache.misses} converted")
        if self.indexed and self.indexed.active and self.indexed.directory and not self.preview:  # search is next
            self.ahead.append(Ahead(_pages(files), indexing(self.unindexed, self.indexed)))
        env.globals["nav_once"] = RenderedOnce()  # new for each build, so `mkdocs serve` never reuses stale HTML
        self.published.check(config, _root(config))
        return env

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        return with_policy(output, page.content, self.serving)

    def on_post_template(self, output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
        # Pages made from a template alone (404.html) have no content of a contributor's.
        return with_policy(output_content, None, self.serving)

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        self._end_ahead()
        self.published.write(config.site_dir)
        ship_minified(config.site_dir)
        self.typesetting.save()
        if self.allowed:
            self.allowed.save()
        if self.formulas is not None:
            self.formulas.save()
        if self.pages and self.pages.pdfs and self.course:
            write_pdfs(config, self.course, self.dates)

    def on_build_error(self, *, error: Exception) -> None:
        self._end_ahead()

    def _end_ahead(self) -> None:
        while self.ahead:
            self.ahead.pop().end()

    def _reference_html(self, text: str) -> str | None:
        """A formatted reference as inline HTML, typeset once per build; None for any other footnote."""
        if self.typesetter and self.references and text in self.references.texts:
            return self.typesetter(text)
        return None


def _pages(files: Files) -> list[Page]:
    return [file.page for file in files.documentation_pages() if file.page is not None]


def _escape_meta(page: Page) -> None:
    """Material prints a page's title and description from its front matter, unescaped."""
    for key in ("title", "description"):
        if isinstance(page.meta.get(key), str):
            page.meta[key] = escape(page.meta[key])


def _offline(config: MkDocsConfig) -> bool:
    """Whether Material's offline plugin makes this a build for file:// (a folder, a USB stick)."""
    plugin = config.plugins.get("material/offline") or config.plugins.get("offline")
    return bool(plugin and plugin.config.get("enabled"))


def _root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent


def _cache_root(root: Path) -> Path:
    """Where .cache/pages, /search and /typeset go: the project, or TOPICGRAPH_CACHE_ROOT, which lets
    copies of a project share them (the tests' copies; every entry is named by all that shapes it)."""
    return Path(os.environ.get("TOPICGRAPH_CACHE_ROOT") or root)


def _display_path(page: Page, config: MkDocsConfig) -> str:
    """How messages name a page's source: docs/topics/a.md (a generated page by its would-be path)."""
    return f"{Path(config.docs_dir).resolve().relative_to(_root(config)).as_posix()}/{page.file.src_uri}"


def _nav_sections(nav: list, section: str = "") -> dict[str, str]:
    """src_uri -> title of the top-level navigation section that lists it."""
    found: dict[str, str] = {}
    for item in nav:
        title, value = next(iter(item.items())) if isinstance(item, dict) else ("", item)
        if isinstance(value, list):
            found |= _nav_sections(value, section or title)
        elif isinstance(value, str):
            found[value] = section
    return found
