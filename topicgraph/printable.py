"""The whole course as one printable page, in reading order, assembled from the topic pages' HTML.

MkDocs converts every page before it renders any template, so the print edition reuses each topic's
finished HTML (figures and math included) instead of converting every topic a second time. A topic
page marks its body and its reference list with the comments below. Inside the print page every id
is prefixed with the topic id, so that it stays unique; headings move one level down under the
topic's own heading; links between topics point into the page, and other links are rebased.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Mapping

from markupsafe import Markup, escape

from .course import Course
from .links import resolve

BODY = ("<!-- course:body -->", "<!-- /course:body -->")
REFERENCES = ("<!-- course:references -->", "<!-- /course:references -->")

# Where the print page takes each topic's body and reference list.
_PLACEHOLDER = re.compile(r"<!-- course:print-(body|references) ([a-z0-9-]+) -->")
# Attributes, not parts of longer names (data-id, data-href): `_attributes` skips a match that a name
# character precedes (a look-behind in the pattern would be tried at every character of the page).
_ID = re.compile(r'(id|for)="([^"]+)"')
_ID_LIST = re.compile(r'(aria-(?:labelledby|describedby|controls))="([^"]+)"')
_FRAGMENT_REF = re.compile(r"url\(#([^)\s]+)\)")
_URL = re.compile(r'((?:xlink:)?href|src)="([^"]*)"')
_HEADING = re.compile(r"<(/?)h([1-5])\b")
# Collapsed blocks print open: printing must not wait for a script to open them (Material's opens
# them on `beforeprint`, too late for a PDF printed straight after loading).
_CLOSED_DETAILS = re.compile(r"<details(?![^>]*\sopen\b)")


class MissingTopicHtml(Exception):
    """A topic page has no converted HTML to print (e.g. in a `--dirty` rebuild that skipped it)."""


def reading_order(course: Course) -> list[str]:
    """All topics, each after its prerequisites: by depth, then part, then title."""
    return sorted(course.topics, key=lambda i: (course.metrics[i].depth,
                                                course.settings.part_order(course.topics[i].part),
                                                course.topics[i].title))


def placeholder(part: str, topic_id: str) -> Markup:
    """The comment in the print page's Markdown where a topic's 'body' or 'references' go (markup of
    the build's own, which an autoescaping template prints as it is)."""
    return Markup(f"<!-- course:print-{part} {escape(topic_id)} -->")


def assemble(print_html: str, print_url: str, pages: Mapping[str, tuple[str, str | None]]) -> str:
    """The print page's HTML with every placeholder replaced by that part of the topic's page.

    Arguments:
        print_html: the converted print page.
        print_url: where the print page is built.
        pages: topic id -> (the built URL of its page, the page's finished HTML).
    """
    topic_urls = {url: topic_id for topic_id, (url, _) in pages.items()}

    def part(match: re.Match) -> str:
        which, topic_id = match.groups()
        url, html = pages[topic_id]
        inner = marked(html or "", BODY if which == "body" else REFERENCES)
        if inner is None:
            raise MissingTopicHtml(topic_id)
        if not inner:
            return ""
        inner = printable_html(inner, topic_id, url, print_url, topic_urls)
        if which == "body":
            return inner
        return f'<h3 id="{topic_id}--references">References</h3>\n{inner}'

    return _PLACEHOLDER.sub(part, print_html)


def marked(html: str, marks: tuple[str, str]) -> str | None:
    """The HTML between a pair of marker comments, or None when the page has no such part."""
    start, end = html.find(marks[0]), html.find(marks[1])
    return html[start + len(marks[0]):end].strip() if 0 <= start < end else None


def printable_html(html: str, topic_id: str, page_url: str, print_url: str, topic_urls: Mapping[str, str]) -> str:
    """A part of a topic page's HTML, made to sit inside the print page.

    Arguments:
        html: the body or the reference list of the topic page.
        topic_id: the topic, whose id prefixes every id of `html`.
        page_url: where the topic page is built ('topics/a/', or 'topics/a.html' offline).
        print_url: where the print page is built.
        topic_urls: the built URL of every topic page -> its topic id.
    """
    html = _attributes(_ID, lambda m: f'{m.group(1)}="{topic_id}--{m.group(2)}"', html)
    html = _attributes(_ID_LIST, lambda m: f'{m.group(1)}="' + " ".join(f"{topic_id}--{i}" for i in m.group(2).split())
                       + '"', html)
    html = _FRAGMENT_REF.sub(lambda m: f"url(#{topic_id}--{m.group(1)})", html)
    html = _HEADING.sub(lambda m: f"<{m.group(1)}h{int(m.group(2)) + 1}", html)
    html = _CLOSED_DETAILS.sub("<details open", html)

    def rebased(match: re.Match) -> str:
        return f'{match.group(1)}="{_rebase(match.group(2), topic_id, page_url, print_url, topic_urls)}"'

    return _attributes(_URL, rebased, html)


def _attributes(pattern: re.Pattern, replace: Callable[[re.Match], str], html: str) -> str:
    """`pattern.sub(replace, html)` for attributes: a match inside a longer name (data-id) is left as it is."""
    def one(match: re.Match) -> str:
        before = html[match.start() - 1] if match.start() else " "
        return match.group(0) if before.isalnum() or before in "_-" else replace(match)
    return pattern.sub(one, html)


def _rebase(url: str, topic_id: str, page_url: str, print_url: str, topic_urls: Mapping[str, str]) -> str:
    if url.startswith("#"):
        return f"#{topic_id}--{url[1:]}"
    if not url or "://" in url or url.lower().startswith(("/", "mailto:", "data:")):  # schemes ignore case
        return url
    path, _, fragment = url.partition("#")
    target = _join(page_url, path)
    other = topic_urls.get(target)
    if other is not None:  # another topic: it is on this page too
        return f"#{other}--{fragment}" if fragment else f"#{other}"
    relative = posixpath.relpath(target or ".", posixpath.dirname(print_url) or ".")
    if target.endswith("/") or not target:
        relative += "/"
    return relative + (f"#{fragment}" if fragment else "")


def _join(page_url: str, path: str) -> str:
    """The site-relative URL that `path`, relative to the page at `page_url`, points to ('' is the root)."""
    joined = resolve(page_url, path)  # built URLs resolve like source paths, less the final slash
    joined = "" if joined == "." else joined
    return joined + "/" if path.endswith("/") and joined else joined
