"""MkDocs adapter for the topic-graph engine (`topicgraph/`).

Everything is validated once, in on_files, before any page is converted. Generated pages are
Markdown rendered from Jinja templates in overrides/partials/course/. Their headings and prose are
Markdown; their lists and pictures (the topic card, connection lists and neighbourhood picture on
every topic page, the reading paths, the course map, tags, syllabus, works cited and print edition)
are HTML with URLs computed here from the validated graph, kept out of Markdown
(topicgraph/rawhtml.py): at scale, converting them was most of the build. The engine has no MkDocs
imports.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import re
import sys
from collections.abc import Callable
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from jinja2 import Environment
from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url
from pygments import highlight
from pygments.formatters import HtmlFormatter
from pygments.lexers import get_lexer_by_name

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the project root, for `topicgraph`

from figures.cache import cached_entry
from topicgraph import layout
from topicgraph.agreements import MARKER as AGREEMENTS_MARKER
from topicgraph.agreements import with_record
from topicgraph.cite import bibtex_entry, bibtex_text
from topicgraph.course import Course, load_course
from topicgraph.errors import TopicGraphError
from topicgraph.export import graph_json
from topicgraph.htmlpolicy import check_page
from topicgraph.model import PARTS
from topicgraph.printable import BODY, REFERENCES, MissingTopicHtml, assemble, placeholder, reading_order
from topicgraph.quiz import shuffled_quiz
from topicgraph.rawhtml import restore, set_aside, set_aside_footnotes
from topicgraph.typeset import TextTypesetter, Typesetter
from topicgraph.urls import MANIFEST, check_published, current_urls, read_manifest

# Python-Markdown's footnotes extension puts the footnotes (here: the reference list) at this marker.
FOOTNOTES_MARKER = "///Footnotes Go Here///"
GRAPH_JSON = "graph.json"
CITATION_CACHE = Path(".cache") / "citations"  # pandoc's formatted citations, see _prime_citation_cache
IFRAME_WORKER = "assets/javascripts/vendor/iframe-worker-shim.js"
# A page may show the reader's progress over the whole course by including this marker.
PROGRESS_MARKER = "<!-- course:progress -->"
_ELEMENT_ID = re.compile(r'\bid="([^"]+)"')
_NOCASE_SPAN = re.compile(r"\[([^\[\]]*)\]\{\.nocase\}")

_course: Course | None = None
_env: Environment | None = None  # one autoescaping Jinja environment per build, so templates compile once
_ids_by_page: dict[str, set[str]] = {}  # page URL -> element ids, for the published-URL check
_sections: dict[str, list[str]] = {}  # topic page URL -> its heading ids
_set_aside: dict[str, list[str]] = {}  # src_uri -> generated HTML kept out of Markdown (topicgraph.rawhtml)
_typesetter: Typesetter | None = None  # per build: formatted references, with the site's Markdown extensions
_references: set[str] = set()  # mkdocs-bibtex's formatted references, typeset once (_reference_html)


# Hooks ----------------------------------------------------------------------------------------------


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    # Material's offline plugin loads its file:// worker shim from a CDN; use the vendored copy.
    polyfills = config.extra.get("polyfills", [])
    config.extra["polyfills"] = [IFRAME_WORKER if "iframe-worker" in url else url for url in polyfills]
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    global _course, _env, _typesetter
    # Front-matter and BibTeX text is data: the course's templates escape whatever they print, and
    # the `typeset` filter is the one place where such text becomes HTML (topicgraph/typeset.py).
    _env = config.theme.get_env().overlay(autoescape=True)
    _env.filters["typeset"] = TextTypesetter(config.mdx_configs.get("smarty"))
    _typesetter = Typesetter(config.markdown_extensions, config.mdx_configs)
    _ids_by_page.clear()
    _sections.clear()
    _set_aside.clear()
    root = Path(config.config_file_path).resolve().parent
    bib_path = root / config.plugins["bibtex"].config.bib_file
    pages = {f.src_uri: f.content_string for f in files.documentation_pages()}
    try:
        _course = load_course(
            docs_dir=Path(config.docs_dir),
            bib_path=bib_path,
            pages=pages,
            nav=_nav_sections(config.nav or []),
            display_prefix=Path(config.docs_dir).resolve().relative_to(root).as_posix(),
        )
    except TopicGraphError as exc:
        raise PluginError(f"{len(exc.problems)} problem(s) in the course sources:\n{exc}") from None
    pages = {src_uri: with_record(text, _course.record) for src_uri, text in pages.items()}
    registry = _prime_citation_cache(config, bib_path, pages, root)
    _references.clear()
    _references.update(registry._reference_cache.values())
    generated = _generated_pages(_course, config)
    generated["works-cited.md"] = _works_cited_page(_course, config, registry)
    generated["print.md"] = _print_page(_course, config)
    for src_uri, markdown in generated.items():
        files.append(File.generated(config, src_uri, content=markdown))
    export = graph_json(_course, lambda topic_id: f"{config.site_url or '/'}{_published_url(topic_id)}")
    files.append(File.generated(config, GRAPH_JSON, content=json.dumps(export, indent=1)))
    return files


def on_page_read_source(page: Page, config: MkDocsConfig) -> str | None:
    # The arms-control record's table goes in before any plugin reads the page (citations included).
    if _course and _course.record and AGREEMENTS_MARKER in page.file.content_string:
        return with_record(page.file.content_string, _course.record)
    return None


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    # Material prints a page's title and description from its front matter, unescaped.
    for key in ("title", "description"):
        if isinstance(page.meta.get(key), str):
            page.meta[key] = escape(page.meta[key])
    # mkdocs-bibtex (a plugin, so it ran first) has added the references as footnote definitions.
    markdown, blocks = set_aside(_with_generated_parts(markdown, page, config))
    _set_aside[page.file.src_uri] = blocks
    return set_aside_footnotes(markdown, blocks, _reference_html)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    # What the page's Markdown made, before the generated HTML goes back in, must pass the allowlist.
    problems = check_page(_display_path(page, config), html, page.file.content_string)
    if problems:
        raise PluginError(f"{len(problems)} problem(s) in the page's HTML:\n" + "\n".join(map(str, problems)))
    html = restore(html, _set_aside.pop(page.file.src_uri, []))
    _ids_by_page["/" + page.url] = set(_ELEMENT_ID.findall(html))
    if _course and _course.topic_for(page.file.src_uri):
        _sections["/" + page.url] = [item.id for item in _flatten(page.toc)]
    return html


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    # Every page is converted by now: the print edition takes the topics' finished HTML.
    if _course and page.file.src_uri == "print.md":
        pages = {topic.id: (p.url, p.content) for p in nav.pages if (topic := _course.topic_for(p.file.src_uri))}
        try:
            page.content = assemble(page.content, page.url, pages)
        except MissingTopicHtml as exc:
            raise PluginError(f"the print edition (print.md) needs the converted page of topic '{exc}': "
                              "build or serve without --dirty") from None
    return context


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    if not config.use_directory_urls:  # the offline build: other URLs by design, nothing to check
        return env
    root = Path(config.config_file_path).resolve().parent
    redirects = config.plugins["redirects"].config["redirect_maps"] if "redirects" in config.plugins else {}
    problems = check_published(read_manifest(root / MANIFEST), _ids_by_page,
                               {_page_url(old): _page_url(new) for old, new in redirects.items()})
    if problems:
        raise PluginError(f"{len(problems)} published URL(s) would break:\n" + "\n".join(map(str, problems)))
    return env


def on_post_build(config: MkDocsConfig) -> None:
    # What is published now; `make urls` merges it into the committed manifest.
    urls = current_urls(_ids_by_page, _sections)
    Path(config.site_dir, MANIFEST).write_text("\n".join(urls) + "\n", encoding="utf-8")


# Helpers --------------------------------------------------------------------------------------------


def _with_generated_parts(markdown: str, page: Page, config: MkDocsConfig) -> str:
    """The page's Markdown with the course's generated parts: progress, and a topic's card and lists."""
    if _course and PROGRESS_MARKER in markdown:
        progress = _render(config, "partials/course/progress.html", {"ids": sorted(_course.topics)})
        markdown = markdown.replace(PROGRESS_MARKER, progress)
    topic = _course.topic_for(page.file.src_uri) if _course else None
    if topic is None:
        return markdown
    context = _topic_context(_course, topic.id, config)
    context |= _citation_of_page(topic, page, config)
    return (
        _render(config, "partials/course/topic-head.html", context)
        + f"\n\n{BODY[0]}\n\n{markdown}\n\n{BODY[1]}"
        # Out of search: a result would show the quiz's answers, and the same button labels on every topic.
        + "\n\n## Reflection {#reflection data-search-exclude}\n\n"
        + _render(config, "partials/reflection.html", context)
        + "\n\n## Quiz me {#quiz data-search-exclude}\n\n"
        + _render(config, "partials/quiz.html", context)
        + "\n\n" + _render(config, "partials/course/topic-connections.html", context)
        + f"\n\n## References {{#references}}\n\n{REFERENCES[0]}\n\n{FOOTNOTES_MARKER}\n\n{REFERENCES[1]}\n\n"
        + _render(config, "partials/course/cite-this-page.html", context)
    )


def _topic_context(course: Course, topic_id: str, config: MkDocsConfig) -> dict[str, Any]:
    """What the topic templates read: the topic, its metrics and its neighbours' titles."""
    metrics = course.metrics[topic_id]
    titles = course.titles
    page = f"topics/{topic_id}.md"
    return {
        "topic": course.topics[topic_id],
        "quiz": shuffled_quiz(course.topics[topic_id]),
        "metrics": metrics,
        "titles": titles,
        "descriptions": course.descriptions,
        "mentions": course.mentions.get(topic_id, []),
        "path_minutes": sum(course.topics[i].reading_minutes for i in metrics.reading_path),
        "layout": layout.neighborhood(topic_id, course.metrics, titles),
        "url_for": _topic_links(page, config),
        "graph_url": _link(page, "graph.md", config),
        "tags_url": _link(page, "tags.md", config),
        "path_url": _link(page, f"paths/{topic_id}.md", config),
    }


def _generated_pages(course: Course, config: MkDocsConfig) -> dict[str, str]:
    """src_uri -> Markdown of the course map, the tags index and one reading path per topic."""
    titles = course.titles
    layers: dict[int, list[str]] = {}
    for topic_id in sorted(course.topics, key=lambda i: titles[i]):
        layers.setdefault(course.metrics[topic_id].depth, []).append(topic_id)
    tags: dict[str, list[str]] = {}
    for topic_id in sorted(course.topics, key=lambda i: titles[i]):
        for tag in course.topics[topic_id].tags:
            tags.setdefault(tag, []).append(topic_id)
    pages = {
        "graph.md": _render(config, "partials/course/graph-page.html", {
            "layout": layout.layered(course.graph, course.metrics, titles),
            "titles": titles,
            "parts": {i: t.part for i, t in course.topics.items()},
            "prerequisites": {i: m.prerequisites for i, m in course.metrics.items()},
            "layers": sorted(layers.items()),
            "url_for": _topic_links("graph.md", config),
            "json_url": GRAPH_JSON,
        }),
        "tags.md": _render(config, "partials/course/tags-page.html", {
            "tags": sorted(tags.items()),
            "titles": titles,
            "descriptions": course.descriptions,
            "url_for": _topic_links("tags.md", config),
        }),
    }
    urls = {i: f"{config.site_url}{_published_url(i)}" for i in course.topics}
    minutes = {i: t.reading_minutes for i, t in course.topics.items()}
    for topic_id, metrics in course.metrics.items():
        path = metrics.reading_path
        pages[f"paths/{topic_id}.md"] = _render(config, "partials/course/path-page.html", {
            "topic": course.topics[topic_id],
            "path": path,
            "titles": titles,
            "url_for": _topic_links(f"paths/{topic_id}.md", config),
            "levels": {i: course.topics[i].level for i in path},
            "minutes": minutes,
            "total_minutes": sum(minutes[i] for i in path),
            "copy_text": "\n".join(f"{n}. [{titles[i]}]({urls[i]}) ({minutes[i]} min)"
                                   for n, i in enumerate(path, 1)),
        })
    by_part = {part: sorted((i for i, t in course.topics.items() if t.part == part),
                            key=lambda i: (course.metrics[i].depth, titles[i])) for part in PARTS}
    pages["syllabus.md"] = _render(config, "partials/course/syllabus-page.html", {
        "parts": [(part, ids) for part, ids in by_part.items() if ids],
        "titles": titles,
        "path_url_for": lambda topic_id: _link("syllabus.md", f"paths/{topic_id}.md", config),
        "urls": urls,
        "minutes": minutes,
        "depths": {i: m.depth for i, m in course.metrics.items()},
        "levels": {i: t.level for i, t in course.topics.items()},
        "prerequisites": {i: m.prerequisites for i, m in course.metrics.items()},
    })
    return pages


def _print_page(course: Course, config: MkDocsConfig) -> str:
    """The whole course in reading order on one page, for print and PDF (see on_page_context)."""
    return _render(config, "partials/course/print-page.html", {
        "site_name": config.site_name,
        "order": reading_order(course),
        "topics": course.topics,
        "prerequisites": {i: m.prerequisites for i, m in course.metrics.items()},
        "placeholder": placeholder,
    })


def _works_cited_page(course: Course, config: MkDocsConfig, registry) -> str:
    """Every bibliography entry, sorted by author then year, with the pages citing it."""
    from mkdocs_bibtex.citation import Citation

    cited_in = course.cited_in()
    entries = []
    for key, entry in course.bibliography.entries.items():
        people = entry.persons.get("author") or entry.persons.get("editor") or []
        surnames = [" ".join(p.last_names).strip("{}").lower() for p in people]
        entries.append({"key": key, "html": _typesetter(registry.reference_text(Citation(key=key))),
                        "cited_in": [_citing_page(course, src_uri, config) for src_uri in cited_in[key]],
                        "sort": (surnames, entry.fields.get("year", ""), entry.fields.get("title", ""))})
    entries.sort(key=lambda e: e["sort"])
    return _render(config, "partials/course/works-cited-page.html", {"entries": entries})


def _citing_page(course: Course, src_uri: str, config: MkDocsConfig) -> dict[str, str]:
    """A page that cites a work, as works cited links it: a topic at its reference list."""
    url = _link("works-cited.md", src_uri, config)
    if topic := course.topic_for(src_uri):
        return {"url": f"{url}#references", "title": topic.title}
    return {"url": url, "title": src_uri.removesuffix(".md").replace("-", " ").capitalize()}


def _citation_of_page(topic, page: Page, config: MkDocsConfig) -> dict[str, Any]:
    """What "Cite this page" needs: the date the page last changed (from git), its URL and its BibTeX."""
    updated = page.meta.get("git_revision_date_localized_raw_iso_date", "")
    url = f"{config.site_url}{_published_url(topic.id)}"
    bibtex = bibtex_entry("misc", f"sdcourse-{topic.id}", [
        ("author", "{" + bibtex_text(config.site_author or "") + "}"),
        ("title", bibtex_text(topic.title)),
        ("howpublished", bibtex_text(config.site_name)),
        ("year", updated[:4]),
        ("date", updated),
        ("url", bibtex_text(url)),
        ("note", f"Last updated {updated}"),
    ])
    return {
        "updated": updated,
        "year": updated[:4],
        "url": url,
        "authors": config.site_author,
        "course_title": config.site_name,
        "bibtex_html": _highlighted("bibtex", bibtex),
    }


def _highlighted(language: str, code: str) -> Markup:
    """Code as the HTML pymdownx.highlight gives a fenced block (Pygments escapes the code)."""
    spans = highlight(code, get_lexer_by_name(language), HtmlFormatter(nowrap=True))
    return Markup(f'<div class="highlight"><pre><span></span><code>{spans}</code></pre></div>')


def _display_path(page: Page, config: MkDocsConfig) -> str:
    """How messages name a page's source: docs/topics/a.md (a generated page by its would-be path)."""
    root = Path(config.config_file_path).resolve().parent
    return f"{Path(config.docs_dir).resolve().relative_to(root).as_posix()}/{page.file.src_uri}"


def _flatten(toc) -> list:
    return [item for entry in toc for item in (entry, *_flatten(entry.children))]


def _page_url(src_uri: str) -> str:
    """The site-absolute directory URL of a page: topics/a.md -> /topics/a/, index.md -> /."""
    stem = src_uri.removesuffix(".md")
    return "/" if stem == "index" else "/" + stem.removesuffix("/index") + "/"


def _published_url(topic_id: str) -> str:
    """Where the published site serves a topic (relative to site_url): syllabi and citations use it."""
    return f"topics/{topic_id}/"


def _link(from_src_uri: str, to_src_uri: str, config: MkDocsConfig) -> str:
    """The relative URL, on the page built from one source file, of the page built from another."""
    return get_relative_url(_built_url(to_src_uri, config), _built_url(from_src_uri, config))


def _topic_links(from_src_uri: str, config: MkDocsConfig) -> Callable[[str], str]:
    """url_for in the templates: a topic id -> the relative URL of its page, on this page."""
    return lambda topic_id: _link(from_src_uri, f"topics/{topic_id}.md", config)


def _built_url(src_uri: str, config: MkDocsConfig) -> str:
    """Where this build puts a page: topics/a/ normally, topics/a.html in the offline build."""
    return _location(src_uri, config.use_directory_urls)


@functools.cache
def _location(src_uri: str, use_directory_urls: bool) -> str:
    return File(src_uri, "", "", use_directory_urls).url  # a File is costly: reading paths ask ~60 times each


def _reference_html(text: str) -> str | None:
    """A formatted reference as inline HTML, typeset once per build; None for any other footnote."""
    return _typesetter(text) if _typesetter and text in _references else None


def _render(config: MkDocsConfig, template: str, context: dict[str, Any]) -> str:
    return (_env or config.theme.get_env()).get_template(template).render(**context)


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


def _prime_citation_cache(config: MkDocsConfig, bib_path: Path, pages: dict[str, str], root: Path):
    """Format every citation of the site in one pandoc run instead of one run per page.

    pandoc's answers are kept in .cache/citations/, keyed by everything that shapes them, so a
    rebuild that changed no citation, reference or style (most `make serve` reloads) skips pandoc.

    Returns:
        mkdocs-bibtex's registry, whose cache now holds every formatted reference.
    """
    from mkdocs_bibtex.citation import CitationBlock

    registry = config.plugins["bibtex"].registry
    # pandoc reads the .bib as written: pybtex's re-serialization escapes the '_' in DOIs.
    bib_text = bib_path.read_text(encoding="utf-8")
    registry.__dict__["bib_data_bibtex"] = bib_text
    blocks = [block for text in pages.values() for block in CitationBlock.from_markdown(text)]

    def pandoc_answers() -> dict[str, dict[str, str]]:
        registry.validate_citation_blocks(blocks)  # the one pandoc run; load_course already checked the keys
        return {"inline": registry._inline_cache, "references": registry._reference_cache}

    # CITATIONS_CACHE_DIR lets copies of the project (the tests' broken copies) share one cache.
    cache_dir = Path(os.environ.get("CITATIONS_CACHE_DIR") or root / CITATION_CACHE)
    answers, _ = cached_entry("citations", _citation_cache_key(bib_text, Path(registry.csl_file), blocks),
                              cache_dir, pandoc_answers, dump=lambda answers: answers, load=_pandoc_answers)
    registry._inline_cache.update(answers["inline"])
    registry._reference_cache.update(answers["references"])
    # pandoc writes case-protected title words ({China's}) as bracketed spans Python-Markdown lacks.
    for key, text in registry._reference_cache.items():
        registry._reference_cache[key] = _NOCASE_SPAN.sub(r"\1", text)
    return registry


def _citation_cache_key(bib_text: str, csl: Path, blocks: list) -> str:
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
