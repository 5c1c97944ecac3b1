"""The Markdown of the generated pages and of the parts the build adds to every topic page.

Their headings and prose are Markdown; their lists and pictures (the topic card, connection lists and
neighbourhood picture, the reading paths, the course map, tags, syllabus, works cited and print
edition) are HTML from the templates in theme/partials/course/, with URLs computed from the
validated graph, and kept out of Markdown (topicgraph/rawhtml.py): at scale, converting them was
most of the build.
"""

from __future__ import annotations

import functools
import json
import string
from collections.abc import Callable
from datetime import date
from typing import Any

from jinja2 import Environment
from markupsafe import Markup
from pygments import highlight
from pygments.formatters import HtmlFormatter
from pygments.lexer import Lexer
from pygments.lexers import get_lexer_by_name

from .. import layout, lms
from ..cite import bibtex_entry, bibtex_text, highwire_reference, plain_reference, ris_entry
from ..course import Course
from ..editions import PDF_DIR, Edition, course_edition, first_topics, part_editions, part_slugs
from ..export import graph_json
from ..mentions import MentionContext
from ..model import Topic
from ..printable import BODY, REFERENCES, placeholder, reading_order
from ..quiz import shuffled_quiz
from ..rounds import LastRound
from ..typeset import Typesetter
from .bibtex import References
from .site_urls import SiteUrls

# Python-Markdown's footnotes extension puts the footnotes (here: the reference list) at this marker.
FOOTNOTES_MARKER = "///Footnotes Go Here///"
GRAPH_JSON = "graph.json"
# A page may show the reader's progress over the whole course by including this marker.
PROGRESS_MARKER = "<!-- course:progress -->"
# ... and where a newcomer starts (the topics with no prerequisites) by including this one.
START_MARKER = "<!-- course:start -->"
# A reading path's page, and what it includes.
PATH_TEMPLATES = ("partials/course/path-page.html", "partials/course/pdf-link.html")
# The reading paths' pages as the last build rendered them (CoursePages.path_pages).
_PATH_PAGES: LastRound[str] = LastRound()


class CoursePages:
    """Renders a course's generated Markdown with the course's templates (one environment per build)."""

    def __init__(self, course: Course, env: Environment, urls: SiteUrls, site: dict[str, str],
                 sections: list[str], pdfs: bool = False, lms: bool = False) -> None:
        self.course = course
        self.env = env
        self.urls = urls
        self.site = site  # site_name and site_author, as "Cite this page" and the print edition name them
        self.sections = sections
        self.lms = lms  # the site has the quizzes as LMS files (generated() with "lms"), so pages link them
        self.pdfs = pdfs  # the build prints the PDF editions (pdf/), so pages may link to them
        self._rendered_ahead: dict[tuple[str, str], dict[str, str]] = {}  # (topic id, date) -> its parts
        self._cited: dict[tuple[str, str], dict[str, Any]] = {}  # (topic id, date) -> citation_metadata
        self._works: dict[str, tuple[str, str]] = {}  # bibliography key -> _work()

    @functools.cached_property
    def part_pdfs(self) -> dict[str, Edition]:
        """The first topic of each part -> the part's PDF edition (computed once per build)."""
        return first_topics(self.course)

    def part_pdf_url(self, topic: Topic) -> str:
        """The published address of the PDF edition of the topic's part."""
        return f"{self.urls.site_url}{PDF_DIR}/{part_slugs(self.course)[topic.part]}.pdf"

    def render(self, template: str, context: dict[str, Any]) -> str:
        return self.env.get_template(template).render(**context)

    # Topic pages ------------------------------------------------------------------------------------

    def with_generated_parts(self, markdown: str, src_uri: str, updated: str) -> str:
        """A page's Markdown with the course's generated parts: progress, and a topic's card and lists.

        Arguments:
            updated: the ISO date the page last changed, for "Cite this page" (the build's date if unknown).
        """
        course = self.course
        if PROGRESS_MARKER in markdown:
            progress = self.render("partials/course/progress.html", {
                "ids": sorted(course.topics),
                "order": reading_order(course),
                "prerequisites": {i: m.prerequisites for i, m in course.metrics.items()},
                "titles": course.titles,
                "url_for": self.urls.topic_links(src_uri),
            })
            markdown = markdown.replace(PROGRESS_MARKER, progress)
        if START_MARKER in markdown:
            markdown = markdown.replace(START_MARKER, self.start_here(src_uri))
        topic = course.topic_for(src_uri)
        if topic is None:
            return markdown
        parts = self._rendered_ahead.pop((topic.id, updated), None) or self.topic_parts(topic, updated)
        names = [name for name in self.sections if name != "card"]
        if "references" not in names:  # no reference list: the print edition finds an empty one
            names.append("references")
            parts["references"] = f"\n\n{REFERENCES[0]}\n\n{REFERENCES[1]}\n\n"
        before = parts["card"] if "card" in self.sections else f"{BODY[0]}\n\n"
        if self.pdfs and (edition := self.part_pdfs.get(topic.id)):  # a part's first topic: its PDF
            link = self.render("partials/course/pdf-link.html", {
                "url": self.urls.file_link(topic.src_uri, edition.path), "label": f"{edition.title} as one PDF"})
            before = before.replace(BODY[0], f"{link}\n\n{BODY[0]}")
        return before + markdown + f"\n\n{BODY[1]}" + "".join(parts[name] for name in names)

    def start_here(self, src_uri: str) -> str:
        """The course's starting points (depth 0), in reading order, for a page's "where to start"."""
        course = self.course
        return self.render("partials/course/start-here.html", {
            "roots": [i for i in reading_order(course) if course.metrics[i].depth == 0],
            "titles": course.titles,
            "descriptions": course.descriptions,
            "levels": {i: t.level for i, t in course.topics.items()},
            "minutes": {i: t.reading_minutes for i, t in course.topics.items()},
            "url_for": self.urls.topic_links(src_uri),
        })

    def topic_parts(self, topic: Topic, updated: str) -> dict[str, str]:
        """The Markdown of each generated part of a topic page (card, reflection, quiz, lists, citation)."""
        context = self.topic_context(topic.id) | self.citation_of_page(topic, updated or date.today().isoformat())
        return {
            "card": self.render("partials/course/topic-head.html", context) + f"\n\n{BODY[0]}\n\n",
            # Out of search: a result would show the quiz's answers, and the same button labels on every topic.
            "reflection": "\n\n## Reflection {#reflection data-search-exclude}\n\n"
                          + self.render("partials/reflection.html", context),
            "quiz": "\n\n## Quiz me {#quiz data-search-exclude}\n\n" + self.render("partials/quiz.html", context),
            "connections": "\n\n" + self.render("partials/course/topic-connections.html", context),
            "references": f"\n\n## References {{#references}}\n\n{REFERENCES[0]}\n\n{FOOTNOTES_MARKER}\n\n"
                          f"{REFERENCES[1]}\n\n",
            "cite": "\n\n" + self.render("partials/course/cite-this-page.html", context),
        }

    def render_ahead(self, updated: dict[str, str]) -> None:
        """Render every topic's parts now (topic id -> its ISO date): a full build does this while pandoc
        formats the citations in its own process, and each page then takes its parts as it is built."""
        for topic_id, day in updated.items():
            self._rendered_ahead[(topic_id, day)] = self.topic_parts(self.course.topics[topic_id], day)

    def topic_context(self, topic_id: str) -> dict[str, Any]:
        """What the topic templates read: the topic, its metrics and its neighbours' titles."""
        course, urls = self.course, self.urls
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
            "mention_quotes": {source: self._quoted(context)
                               for source, context in course.mention_contexts.get(topic_id, {}).items()},
            "path_minutes": sum(course.topics[i].reading_minutes for i in metrics.reading_path),
            "layout": layout.neighborhood(topic_id, course.metrics, titles),
            "url_for": urls.topic_links(page),
            "graph_url": urls.link(page, "graph.md"),
            "tags_url": urls.link(page, "tags.md"),
            "path_url": urls.link(page, f"paths/{topic_id}.md"),
            "goal_path": [(i, titles[i], urls.built(f"topics/{i}.md")) for i in metrics.reading_path],
            "lms_urls": {kind: urls.link(page, path) for kind, path in lms.topic_files(topic_id).items()}
                        if self.lms else None,
        }

    def _quoted(self, context: MentionContext) -> Markup:
        """A sentence quoted under "Mentioned in": typeset whole (its quotes curl across the link), the
        link's words in bold. Typesetting escapes the text; the markers are private-use characters."""
        typeset = self.env.filters["typeset"]
        # The markers are the only ones: a contributor's sentence holding them would otherwise open tags.
        before, linked, after = (part.replace("\ue000", "").replace("\ue001", "")
                                 for part in (context.before, context.linked, context.after))
        html = str(typeset(f"{before}\ue000{linked}\ue001{after}"))
        return Markup(html.replace("\ue000", "<strong>").replace("\ue001", "</strong>"))

    def citation_metadata(self, topic: Topic, updated: str) -> dict[str, Any]:
        """How a topic page is cited: by reference managers (the page's <meta> tags) and by readers.
        Made once per build: "Cite this page" and the page's head both need it."""
        if (topic.id, updated) not in self._cited:
            self._cited[(topic.id, updated)] = self._citation_metadata(topic, updated)
        return self._cited[(topic.id, updated)]

    def _citation_metadata(self, topic: Topic, updated: str) -> dict[str, Any]:
        cited = {"title": topic.title, "author": self.site["site_author"], "site": self.site["site_name"],
                 "date": updated, "url": self.urls.published(topic.id), "description": topic.description}
        entries = self.course.bibliography.entries
        keys = dict.fromkeys(use.key for use in self.course.citations.get(topic.src_uri, []))
        works = [self._work(key) for key in keys if key in entries]
        cited["tags"] = [  # (attribute, name, content) of each <meta> tag, in the order they are written
            *(("name", f"citation_{name}", value) for name, value in (
                ("title", topic.title), ("author", cited["author"]), ("publication_date", updated.replace("-", "/")),
                ("publisher", cited["site"]), ("public_url", cited["url"]), ("language", self.site["language"]))),
            *(("name", f"DC.{name}", value) for name, value in (
                ("title", topic.title), ("creator", cited["author"]), ("date", updated), ("publisher", cited["site"]),
                ("identifier", cited["url"]), ("type", "Text"))),
            # The part's PDF edition holds the page as printed (only a build that prints the PDFs has one).
            *((("name", "citation_pdf_url", self.part_pdf_url(topic)),) if self.pdfs else ()),
            *(("name", "citation_reference", highwire) for highwire, _ in works),
            *(("property", f"og:{name}", value) for name, value in (
                ("type", "article"), ("title", topic.title), ("description", topic.description),
                ("url", cited["url"]), ("site_name", cited["site"]))),
            ("name", "twitter:card", "summary"),
        ]
        # schema.org, as JSON-LD: what search engines and learning platforms read of a course page.
        cited["json_ld"] = {
            "@context": "https://schema.org", "@type": "LearningResource", "name": topic.title,
            "description": topic.description, "url": cited["url"], "dateModified": updated,
            "educationalLevel": topic.level, "timeRequired": f"PT{topic.reading_minutes}M",
            "keywords": list(topic.tags), "learningResourceType": "reading",
            "author": {"@type": "Organization", "name": cited["author"]},
            "isPartOf": {"@type": "Course", "name": cited["site"], "url": self.urls.site_url},
            "citation": [plain for _, plain in works],
            **({"version": self.site["edition_commit"]} if self.site.get("edition_commit") else {}),
        }
        return cited

    def _work(self, key: str) -> tuple[str, str]:
        """A cited work as a `citation_reference` tag's content and as plain text (once per build: most
        works are cited by several topics)."""
        if key not in self._works:
            entry = self.course.bibliography.entries[key]
            self._works[key] = (highwire_reference(entry), plain_reference(entry))
        return self._works[key]

    def citation_of_page(self, topic: Topic, updated: str) -> dict[str, Any]:
        """What "Cite this page" needs: the date the page last changed, the edition (the commit the site
        was built from, when git knows it), its URL, and the reference as BibTeX and as RIS."""
        cited = self.citation_metadata(topic, updated)
        url, author, course_title = cited["url"], cited["author"], cited["site"]
        edition_date, commit = self.site.get("edition_date", ""), self.site.get("edition_commit", "")
        edition = f"{edition_date}, commit {commit}" if commit else ""
        bibtex = bibtex_entry("misc", f"sdcourse-{topic.id}", [
            ("author", "{" + bibtex_text(author) + "}"),
            ("title", bibtex_text(topic.title)),
            ("howpublished", bibtex_text(course_title)),
            ("year", updated[:4]),
            ("date", updated),
            *([("version", bibtex_text(edition))] if edition else []),
            ("url", bibtex_text(url)),
            ("note", f"Last updated {updated}"),
        ])
        # ELEC, "web page", is the type reference managers give a page of a site (Zotero writes it so).
        ris = ris_entry("ELEC", [
            ("AU", author), ("TI", topic.title), ("T2", course_title), ("PY", updated[:4]),
            ("DA", updated.replace("-", "/")), ("ET", edition), ("UR", url), ("LA", self.site["language"]),
            ("N1", f"Last updated {updated}"),
        ])
        return {
            "updated": updated,
            "year": updated[:4],
            "url": url,
            "authors": author,
            "course_title": course_title,
            "edition_date": edition_date if commit else "",
            "edition_commit": commit,
            "bibtex_html": _highlighted("bibtex", bibtex),
            "ris": ris,
            "ris_file": f"sdcourse-{topic.id}.ris",
        }

    # Generated pages --------------------------------------------------------------------------------

    def generated(self, pages: list[str], references: Callable[[], References | None],
                  typesetter: Typesetter) -> dict[str, str | bytes]:
        """src_uri -> Markdown of each generated page the course asks for, and the content of each
        generated file (graph.json, and the LMS files, some of them bytes)."""
        found: dict[str, str | bytes] = {}
        if "lms" in pages:  # the quizzes for learning-management systems: static files in lms/
            topics = [self.course.topics[i] for i in reading_order(self.course)]
            found |= lms.site_files(topics, self.site["site_name"])
        if "graph" in pages:
            found["graph.md"] = self.graph_page()
            found[GRAPH_JSON] = json.dumps(graph_json(self.course, self.urls.published), indent=1)
        if "tags" in pages:
            found["tags.md"] = self.tags_page()
        if "paths" in pages:
            found |= self.path_pages()
        if "syllabus" in pages:
            found["syllabus.md"] = self.syllabus_page()
        if "print" in pages:
            found["print.md"] = self.print_page()
        # Last: the references may still be on their way from pandoc (see the plugin's on_files).
        if "works-cited" in pages and (formatted := references()) is not None:
            found["works-cited.md"] = self.works_cited_page(formatted, typesetter)
        return found

    def graph_page(self) -> str:
        course, titles = self.course, self.course.titles
        layers: dict[int, list[str]] = {}
        for topic_id in sorted(course.topics, key=lambda i: titles[i]):
            layers.setdefault(course.metrics[topic_id].depth, []).append(topic_id)
        # Parts in course order; each part's colour is its place in that order (course.css has eight).
        part_names = sorted({t.part for t in course.topics.values()}, key=course.settings.part_order)
        return self.render("partials/course/graph-page.html", {
            "layout": layout.layered(course.graph, course.metrics, titles),
            "titles": titles,
            "parts": {i: t.part for i, t in course.topics.items()},
            "part_names": part_names,
            "part_of": {i: part_names.index(t.part) % 8 for i, t in course.topics.items()},
            "prerequisites": {i: m.prerequisites for i, m in course.metrics.items()},
            "layers": sorted(layers.items()),
            "url_for": self.urls.topic_links("graph.md"),
            "json_url": GRAPH_JSON,
        })

    def tags_page(self) -> str:
        course, titles = self.course, self.course.titles
        tags: dict[str, list[str]] = {}
        for topic_id in sorted(course.topics, key=lambda i: titles[i]):
            for tag in course.topics[topic_id].tags:
                tags.setdefault(tag, []).append(topic_id)
        return self.render("partials/course/tags-page.html", {
            "tags": sorted(tags.items()),
            "titles": titles,
            "descriptions": course.descriptions,
            "url_for": self.urls.topic_links("tags.md"),
        })

    def path_pages(self) -> dict[str, str]:
        """One reading path per topic: everything to read first, in order."""
        course, titles = self.course, self.course.titles
        minutes = {i: t.reading_minutes for i, t in course.topics.items()}
        # What shapes every page alike: the templates, the typesetter (a new one if its settings
        # changed), the URLs. A page's own inputs follow; a `serve` rebuild takes the pages they leave alike.
        alike = (*map(self._source, PATH_TEMPLATES), self.env.filters["typeset"], self.urls.site_url,
                 self.urls.directory_urls, self.pdfs)
        _PATH_PAGES.new_round()
        pages = {}
        for topic_id, metrics in course.metrics.items():
            path = metrics.reading_path
            # The path ends with the topic itself: it holds all the page shows of each topic.
            inputs = (alike, topic_id, tuple((i, titles[i], course.topics[i].level, minutes[i]) for i in path))
            pages[f"paths/{topic_id}.md"] = _PATH_PAGES.get(
                inputs, lambda topic_id=topic_id, path=path: self._path_page(topic_id, path, minutes))
        return pages

    def _path_page(self, topic_id: str, path: tuple[str, ...], minutes: dict[str, int]) -> str:
        course, titles = self.course, self.course.titles
        return self.render(PATH_TEMPLATES[0], {
            "topic": course.topics[topic_id],
            "pdf_url": self.urls.file_link(f"paths/{topic_id}.md", f"pdf/path-{topic_id}.pdf") if self.pdfs else "",
            "path": path,
            "titles": titles,
            "url_for": self.urls.topic_links(f"paths/{topic_id}.md"),
            "levels": {i: course.topics[i].level for i in path},
            "minutes": minutes,
            "total_minutes": sum(minutes[i] for i in path),
            "steps": [(i, titles[i], self.urls.built(f"topics/{i}.md")) for i in path],
            "copy_text": "\n".join(f"{n}. [{titles[i]}]({self.urls.published(i)}) ({minutes[i]} min)"
                                   for n, i in enumerate(path, 1)),
        })

    def _source(self, template: str) -> str:
        """A template's text as this build's theme has it (a theme's custom_dir may override it)."""
        return self.env.loader.get_source(self.env, template)[0]

    def syllabus_page(self) -> str:
        course, titles = self.course, self.course.titles
        parts = sorted({t.part for t in course.topics.values()}, key=course.settings.part_order)
        by_part = {part: sorted((i for i, t in course.topics.items() if t.part == part),
                                key=lambda i: (course.metrics[i].depth, titles[i])) for part in parts}
        return self.render("partials/course/syllabus-page.html", {
            "parts": list(by_part.items()),
            "titles": titles,
            "path_url_for": lambda topic_id: self.urls.link("syllabus.md", f"paths/{topic_id}.md"),
            "urls": {i: self.urls.published(i) for i in course.topics},
            "minutes": {i: t.reading_minutes for i, t in course.topics.items()},
            "depths": {i: m.depth for i, m in course.metrics.items()},
            "levels": {i: t.level for i, t in course.topics.items()},
            "prerequisites": {i: m.prerequisites for i, m in course.metrics.items()},
            "lms": {"script": self.urls.link("syllabus.md", lms.SCRIPT),
                    "code": self.urls.link("syllabus.md", "assets/javascripts/lms-selection.js"),
                    **{kind: self.urls.link("syllabus.md", path) for kind, path in lms.COURSE_FILES.items()}}
                   if self.lms else None,
        })

    def print_page(self) -> str:
        """The whole course in reading order on one page, for print and PDF (the topics' HTML goes in later)."""
        course = self.course
        return self.render("partials/course/print-page.html", {
            "site_name": self.site["site_name"],
            "order": reading_order(course),
            "topics": course.topics,
            "prerequisites": {i: m.prerequisites for i, m in course.metrics.items()},
            "placeholder": placeholder,
            "quizzes": {i: shuffled_quiz(t) for i, t in course.topics.items()},
            "letters": string.ascii_lowercase,
            "editions": [{"title": e.title, "url": self.urls.file_link("print.md", e.path)}
                         for e in (course_edition(course), *part_editions(course))] if self.pdfs else [],
        })

    def works_cited_page(self, references: References, typesetter: Typesetter) -> str:
        """Every bibliography entry, sorted by author then year, with the pages citing it."""
        course = self.course
        cited_in = course.cited_in()
        entries = []
        for key, entry in course.bibliography.entries.items():
            people = entry.persons.get("author") or entry.persons.get("editor") or []
            surnames = [" ".join(p.last_names).strip("{}").lower() for p in people]
            entries.append({"key": key, "html": typesetter(references.reference(key)),
                            "cited_in": [self._citing_page(src_uri, key) for src_uri in cited_in[key]],
                            "sort": (surnames, entry.fields.get("year", ""), entry.fields.get("title", ""))})
        entries.sort(key=lambda e: e["sort"])
        return self.render("partials/course/works-cited-page.html", {"entries": entries})

    def _citing_page(self, src_uri: str, key: str) -> dict[str, str]:
        """A page that cites a work, as works cited links it: at the work's first in-text citation.

        Python-Markdown's footnotes give the first reference to footnote `key` the id `fnref:key`
        (later ones fnref2:, fnref3:, ...), and mkdocs-bibtex names each citation's footnote by its
        key; the scholar lands on the sentence that cites the work, not at the bottom of the page.
        """
        url = f"{self.urls.link('works-cited.md', src_uri)}#fnref:{key}"
        if topic := self.course.topic_for(src_uri):
            return {"url": url, "title": topic.title}
        return {"url": url, "title": src_uri.removesuffix(".md").replace("-", " ").capitalize()}


def _highlighted(language: str, code: str) -> Markup:
    """Code as the HTML pymdownx.highlight gives a fenced block (Pygments escapes the code)."""
    spans = highlight(code, *_highlighter(language))
    return Markup(f'<div class="highlight"><pre><span></span><code>{spans}</code></pre></div>')


@functools.cache  # finding a lexer and setting up a formatter took longer than highlighting a citation
def _highlighter(language: str) -> tuple[Lexer, HtmlFormatter]:
    return get_lexer_by_name(language), HtmlFormatter(nowrap=True)
