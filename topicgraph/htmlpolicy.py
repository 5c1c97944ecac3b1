"""The HTML a page may carry: an allowlist of elements, attributes and URL schemes.

Pages come from pull requests, so whatever HTML their Markdown produces reaches every reader. A page
may hold the HTML a course text needs (tables, figures, details, abbreviations, footnotes, anchors)
and nothing that runs or embeds: no script, frame, object, form or style, no event-handler attribute,
no `javascript:`-like URL. The check reads the HTML with the standard library's parser (tag names in
any case, unquoted attributes and character references are read as a browser reads them) and names
the source line of each violation.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from .errors import Problem
from .frontmatter import front_matter_lines

ELEMENTS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd", "del",
    "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6",
    "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "samp", "small", "span",
    "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u",
    "ul", "var", "wbr",
})
# data-search-exclude keeps a section out of search; data-preview asks Material for a link preview.
GLOBAL_ATTRIBUTES = frozenset({"id", "class", "title", "lang", "dir", "data-search-exclude", "data-preview"})
ATTRIBUTES = {
    "a": {"href", "name", "rel"},
    "img": {"src", "alt", "width", "height", "loading"},
    "td": {"colspan", "rowspan", "align"},
    "th": {"colspan", "rowspan", "align", "scope"},
    "col": {"span"},
    "colgroup": {"span"},
    "details": {"open"},
    "ol": {"start", "type", "reversed"},
    "li": {"value"},
    "time": {"datetime"},
    "blockquote": {"cite"},
    "q": {"cite"},
    "del": {"cite", "datetime"},
    "ins": {"cite", "datetime"},
}
URL_ATTRIBUTES = frozenset({"href", "src", "cite"})
SCHEMES = frozenset({"http", "https", "mailto"})
# Raster images may be inlined; an SVG data URL is a document of its own and may not.
DATA_IMAGES = re.compile(r"^data:image/(?:png|jpeg|gif|webp)[;,]")
# Browsers drop tabs and newlines anywhere in a URL and control characters and spaces around it.
_URL_NOISE = re.compile(r"[\t\n\r]")
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):")

HTML_FIX = "write it in Markdown or with the elements CONTRIBUTING.md lists under 'HTML in pages'"


@dataclass(frozen=True)
class Violation:
    message: str
    fix: str
    needles: tuple[str, ...]  # what to look for in the source to find the line


def violations(markup: str) -> list[Violation]:
    """Every element, attribute and URL in `markup` that the allowlist does not permit, in order."""
    parser = _PolicyParser()
    parser.feed(markup)
    parser.close()
    return parser.found


def check_page(file: str, markup: str, source: str) -> list[Problem]:
    """Problems for a page whose HTML (`markup`, converted from `source`) breaks the allowlist.

    Arguments:
        file: the page's path as shown in messages.
        markup: the HTML the page's own Markdown produced (generated HTML set aside).
        source: the file's text, to name the line each violation comes from.
    """
    problems: dict[int | None, Problem] = {}  # one per line: a forbidden element's contents add nothing
    for violation in violations(markup):
        line = _line_of(source, violation.needles)
        problems.setdefault(line, Problem(file, line, violation.message, violation.fix))
    return list(problems.values())


def check_static_files(docs_dir: Path, display_prefix: str = "docs") -> list[Problem]:
    """Problems for files in docs/ that are published as they are: an HTML file would skip every check
    of the pages, and an SVG file opened on its own is a document in which script runs."""
    problems = []
    for path in sorted(docs_dir.rglob("*")):
        file = f"{display_prefix}/{path.relative_to(docs_dir).as_posix()}"
        suffix = path.suffix.lower()
        if suffix in {".html", ".htm", ".xhtml"}:
            problems.append(Problem(file, None, "an HTML file in docs/ is published as it is, past the page checks",
                                    f"write it as a Markdown page, {file.rsplit('.', 1)[0]}.md"))
        elif suffix == ".svg":
            text = path.read_text(encoding="utf-8", errors="replace")
            parser = _PolicyParser(svg=True)
            parser.feed(text)
            parser.close()
            problems += [Problem(file, _line_of(text, v.needles), f"{v.message.replace(' in a page', '')} in an SVG "
                                 "file", "draw it without script, handlers or embedded documents, or use a PNG")
                         for v in parser.found]
    return problems


def url_scheme(url: str) -> str | None:
    """The scheme a browser would read in `url` (lower case), or None for a relative URL."""
    cleaned = _URL_NOISE.sub("", url).strip("\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f"
                                            "\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f ")
    match = _SCHEME.match(cleaned.lower())
    return match.group(1) if match else None


# Helpers --------------------------------------------------------------------------------------------

# Elements an SVG picture may use: shapes, text, gradients; never script, foreignObject or animation
# of attributes (which can set an href to a script URL).
_SVG_FORBIDDEN = frozenset({"script", "foreignobject", "iframe", "object", "embed", "animate", "set",
                            "animatetransform", "animatemotion", "handler", "listener"})


class _PolicyParser(HTMLParser):
    def __init__(self, svg: bool = False) -> None:
        super().__init__(convert_charrefs=True)
        self.svg = svg
        self.found: list[Violation] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.svg:
            if tag in _SVG_FORBIDDEN:
                self._element(tag)
        elif tag not in ELEMENTS:
            self._element(tag)
            return
        allowed = GLOBAL_ATTRIBUTES | ATTRIBUTES.get(tag, set())
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(Violation(
                    f"event-handler attribute '{name}' on <{tag}>",
                    "remove it: a page cannot run script", (name + "=", name)))
            elif name == "style" and not self.svg:
                self.found.append(Violation(
                    f"style attribute on <{tag}>",
                    "remove it, or use a class that the site's stylesheets define",
                    ("style=", "style")))
            elif not self.svg and name not in allowed:
                self.found.append(Violation(
                    f"attribute '{name}' is not allowed on <{tag}>", f"remove it ({HTML_FIX})", (name + "=", name)))
            elif name in URL_ATTRIBUTES | {"xlink:href"} and value:
                self._url(tag, name, value)

    handle_startendtag = handle_starttag

    def _element(self, tag: str) -> None:
        self.found.append(Violation(f"<{tag}> element is not allowed in a page",
                                    "pages cannot run, embed or style; " + HTML_FIX, ("<" + tag,)))

    def _url(self, tag: str, attribute: str, url: str) -> None:
        scheme = url_scheme(url)
        if scheme is None or scheme in SCHEMES:
            return
        if scheme == "data" and tag == "img" and DATA_IMAGES.match(url.strip().lower()):
            return
        self.found.append(Violation(
            f"'{scheme}:' URL in the {attribute} of <{tag}>",
            "link to an http(s) address or to a page of the course", (url, scheme + ":")))


def _line_of(source: str, needles: tuple[str, ...]) -> int | None:
    """The first line of `source`, after any front matter, holding a needle, read as a browser reads
    it (character references decoded, tabs and newlines dropped, any case)."""
    skipped = front_matter_lines(source)
    lines = [_URL_NOISE.sub("", html.unescape(line)).lower() for line in source.splitlines()]
    for needle in needles:
        wanted = _URL_NOISE.sub("", needle).lower()
        for number, line in enumerate(lines[skipped:], start=skipped + 1):
            if wanted and wanted in line:
                return number
    return None
