"""A PDF edition as one print-ready HTML document, made from the built print page (/print/).

The print page marks each topic (`course:edition-topic`) and each topic's quiz answers
(`course:edition-answers`); an edition takes those of its topics and adds a cover, a table of contents
with page numbers, its parts as top-level headings (the PDF outline follows the headings) and the
answer key at the end. The document needs no script: collapsed blocks are already open in the print
page, and running heads and page numbers are CSS (`@page` margin boxes, named pages per part).

Chromium cannot put page numbers in the contents itself (no `target-counter()`), so an edition is
printed twice (topicgraph/pdfprint.py): first with the numbers left blank in boxes of a fixed width,
then with the pages the first print put each entry on.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urljoin

from markupsafe import Markup, escape

from .editions import Edition

TOPIC = re.compile(r"<!-- course:edition-topic ([a-z0-9-]+) -->(.*?)<!-- /course:edition-topic -->", re.S)
ANSWERS = re.compile(r"<!-- course:edition-answers ([a-z0-9-]+) -->(.*?)<!-- /course:edition-answers -->", re.S)
_STYLESHEET = re.compile(r'<link\b[^>]*\brel="stylesheet"[^>]*>')
_BODY = re.compile(r"<body\b([^>]*)>")
_HEADLINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.S)
_ID = re.compile(r'(?<![\w-])id="([^"]+)"')
_LINK = re.compile(r'(<a\b[^>]*?\shref=")([^"]*)(")')
_LAZY = re.compile(r'\sloading="lazy"')
ANSWER_KEY = "answer-key"


@dataclass(frozen=True)
class PrintPage:
    """What editions take from the built print page."""

    stylesheets: tuple[str, ...]  # <link> tags, relative to the print page
    body_attributes: str  # Material's colour scheme attributes
    topics: dict[str, str]  # topic id -> its heading, body, reflection, quiz questions and references
    answers: dict[str, str]  # topic id -> its answer key entry

    @classmethod
    def read(cls, html: str) -> PrintPage:
        body = _BODY.search(html)
        return cls(tuple(_STYLESHEET.findall(html)), body.group(1) if body else "",
                   dict(TOPIC.findall(html)), dict(ANSWERS.findall(html)))

    def title_html(self, topic_id: str) -> Markup:
        """The topic's title as its heading shows it (typeset, escaped), without the permalink."""
        match = re.search(rf'<h2\b[^>]*\bid="{re.escape(topic_id)}"[^>]*>(.*?)</h2>', self.topics[topic_id], re.S)
        return Markup(_HEADLINK.sub("", match.group(1)).strip()) if match else Markup("")


@dataclass(frozen=True)
class BookInfo:
    site_name: str
    licence: str  # plain text (the site's copyright line)
    edition_date: str  # e.g. "5 December 2026"
    site_url: str  # the published site, ending in /
    print_url: str  # the print page, relative to the site ("print/", or "print.html" offline)


def book_html(edition: Edition, page: PrintPage, info: BookInfo, numbers: Mapping[str, int] | None = None) -> str:
    """The edition as a print-ready HTML document, to be saved next to the built print page.

    Arguments:
        numbers: anchor -> the page it starts on, for the table of contents (None: left blank).
    """
    missing = [i for i in edition.topics if i not in page.topics]
    if missing:
        raise KeyError(f"the print page has no topic '{missing[0]}'")
    groups = [(f"part-{n}", heading, ids) for n, (heading, ids) in enumerate(edition.groups, 1)]
    answered = [i for i in edition.topics if i in page.answers]

    def entry(anchor: str, label: Markup | str, cls: str) -> str:
        # The first print sets a stand-in in the number's place, so that its line is laid out alike.
        number = numbers.get(anchor) if numbers else None
        page_box = (f'<span class="sd-book-toc__page">{number}</span>' if number is not None else
                    '<span class="sd-book-toc__page sd-book-toc__page--blank">000</span>')
        return f'<span class="sd-book-toc__entry {cls}"><a href="#{anchor}">{escape(label)}</a>{page_box}</span>'

    toc = ['<nav class="sd-book-toc" aria-labelledby="contents"><h1 id="contents">Contents</h1><ol>']
    for anchor, heading, ids in groups:
        toc.append(f"<li>{entry(anchor, heading, 'sd-book-toc__part')}<ol>")
        toc += [f"<li>{entry(i, page.title_html(i), 'sd-book-toc__topic')}</li>" for i in ids]
        toc.append("</ol></li>")
    if answered:
        toc.append(f"<li>{entry(ANSWER_KEY, 'Answer key', 'sd-book-toc__part')}</li>")
    toc.append("</ol></nav>")

    body = [_cover(edition, info), *toc]
    for n, (anchor, heading, ids) in enumerate(groups, 1):
        body.append(f'<section class="sd-book-part sd-book-part--{n}">'
                    f'<h1 id="{anchor}" class="sd-book-part__title">{escape(heading)}</h1>')
        body += [page.topics[i] for i in ids]
        body.append("</section>")
    if answered:
        body.append(f'<section class="sd-book-answers"><h1 id="{ANSWER_KEY}">Answer key</h1>'
                    "<p>Each topic's quiz: the right answer with its explanation, then why each other option is "
                    "not it.</p>")
        body += [page.answers[i] for i in answered]
        body.append("</section>")
    content = _LAZY.sub("", _outside_links("\n".join(body), edition, info))
    title = f"{edition.title} — {info.site_name}"
    return "\n".join([
        "<!doctype html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{escape(title)}</title>",
        *page.stylesheets,
        f"<style>{_css(edition, info)}</style>",
        f'</head><body{page.body_attributes}><article class="md-typeset sd-book">',
        content,
        "</article></body></html>",
    ])


def _cover(edition: Edition, info: BookInfo) -> str:
    url = urljoin(info.site_url, edition.path)
    count = len(edition.topics)
    return (f'<section class="sd-book-cover">'
            f'<p class="sd-book-cover__site">{escape(info.site_name)}</p>'
            f'<p class="sd-book-cover__title">{escape(edition.title)}</p>'
            f'<p class="sd-book-cover__facts">{count} topic{"" if count == 1 else "s"} · '
            f"Edition of {escape(info.edition_date)}</p>"
            f'<p>{escape(info.licence)}</p>'
            f'<p>Read online: <a href="{escape(info.site_url)}">{escape(info.site_url)}</a><br>'
            f'This PDF: <a href="{escape(url)}">{escape(url)}</a></p>'
            "</section>")


def _outside_links(html: str, edition: Edition, info: BookInfo) -> str:
    """Links within the edition stay; any other leads to the published site (a topic left out of a part
    or path edition is read there), since a relative URL means nothing in a PDF."""
    ids = set(_ID.findall(html))
    topics = set(edition.topics)
    print_page = urljoin(info.site_url, info.print_url)

    def fixed(match: re.Match) -> str:
        href = match.group(2)
        if href.startswith("#"):
            anchor = href[1:]
            if anchor in ids:
                return match.group(0)
            topic, _, fragment = anchor.partition("--")
            if topic not in topics and topic:  # another topic's id, or an id inside it
                target = urljoin(info.site_url, f"topics/{topic}/") + (f"#{fragment}" if fragment else "")
            else:
                target = print_page + href
        else:
            target = urljoin(print_page, href)
        return f"{match.group(1)}{target}{match.group(3)}"

    return _LINK.sub(fixed, html)


def css_string(text: str) -> str:
    """Text as a CSS string literal that no text can leave: quotes, backslashes, line breaks and '<'
    (which could close the <style> element) are escaped as code points."""
    return '"' + "".join(f"\\{ord(c):x} " if c in '"\\<>\n\r\f' or ord(c) < 32 else c for c in text) + '"'


def _css(edition: Edition, info: BookInfo) -> str:
    """The page box: A4, running heads (the site, then the part), page numbers; the cover has none."""
    margin = "font: 8pt/1.2 var(--md-text-font-family, sans-serif); color: #555"
    rules = [
        f"@page {{ size: A4; margin: 20mm 18mm 18mm;"
        f" @top-left {{ content: {css_string(info.site_name)}; {margin} }}"
        f" @top-right {{ content: {css_string(edition.title)}; {margin} }}"
        f" @bottom-center {{ content: counter(page) \" / \" counter(pages); {margin} }} }}",
        "@page cover { @top-left { content: none } @top-right { content: none } @bottom-center { content: none } }",
        ".sd-book-cover { page: cover }",
    ]
    for n, (heading, _) in enumerate(edition.groups, 1):
        if edition.kind == "course":
            rules.append(f"@page part-{n} {{ @top-right {{ content: {css_string(heading)}; {margin} }} }}")
            rules.append(f".sd-book-part--{n} {{ page: part-{n} }}")
    return "\n".join(rules) + BOOK_CSS


BOOK_CSS = """
html { font-size: 100%; }
body { margin: 0; background: none; }
.md-typeset.sd-book { font-size: 10.5pt; line-height: 1.5; }
.sd-book-cover { break-after: page; padding-top: 45mm; }
.sd-book-cover__site { font-size: 14pt; margin: 0; }
.sd-book-cover__title { font-size: 26pt; font-weight: 700; line-height: 1.2; margin: 4mm 0 10mm; }
.sd-book-toc { break-after: page; }
.md-typeset .sd-book-toc ol { list-style: none; padding: 0; margin: 0; }
.md-typeset .sd-book-toc ol ol { margin: 0 0 3mm 5mm; }
.md-typeset .sd-book-toc li { margin: 0; }
.sd-book-toc__entry { display: flex; align-items: baseline; gap: 2mm; break-inside: avoid; }
.sd-book-toc__entry a { flex: 1 1 auto; }
.md-typeset .sd-book-toc__entry a { text-decoration: none; color: inherit; }
.sd-book-toc__part { font-weight: 700; margin-top: 2mm; }
/* A fixed width: the numbers filled in by the second print move nothing. */
.sd-book-toc__page { flex: 0 0 12mm; text-align: right; font-variant-numeric: tabular-nums; }
.sd-book-toc__page--blank { color: transparent; }
.md-typeset .sd-book-part__title, .md-typeset .sd-book-answers > h1 { break-before: page; font-size: 20pt; }
.md-typeset .sd-book-part__title + .sd-print-topic { break-before: auto; }
.md-typeset .sd-print-topic, .md-typeset .sd-print-answer-key { break-before: page; }
.md-typeset .sd-print-answers > ol > li { break-inside: avoid-page; }
.md-typeset .sd-print-answers__topic { font-size: 12pt; margin: 6mm 0 2mm; break-after: avoid; }
.md-typeset .sd-print-quiz__key a, .md-typeset a { color: inherit; }
"""
