"""A PDF edition's print-ready HTML (topicgraph/pdfbook.py), piece by piece: what it reads of the print
page, the cover's facts, the contents' entries and page boxes, the page box's running heads for each part,
links, and the document's head. test_unit_editions.py checks the order of a whole edition."""

from __future__ import annotations

import re

import pytest

from topicgraph.editions import Edition
from topicgraph.pdfbook import BOOK_CSS, BookInfo, PrintPage, book_html, css_string

INFO = BookInfo("A <course>", "CC BY & more", "5 December 2026", "https://example.org/c/", "print/")


def topic_html(topic_id: str, title: str = "", body: str = "<p>Body</p>") -> str:
    return (f'<h2 class="sd-print-topic" id="{topic_id}">{title or "Title " + topic_id}'
            f'<a class="headerlink" href="#{topic_id}" title="Permanent link">¶</a></h2>{body}')


def page_of(topics: dict[str, str], answers: dict[str, str] | None = None, head: str = "") -> PrintPage:
    parts = [f'<html><head>{head}</head><body dir="rtl" data-md-color-scheme="slate">']
    parts += [f"<!-- course:edition-topic {i} -->{html}<!-- /course:edition-topic -->" for i, html in topics.items()]
    parts += [f"<!-- course:edition-answers {i} -->{html}<!-- /course:edition-answers -->"
              for i, html in (answers or {}).items()]
    return PrintPage.read("\n".join(parts) + "</body></html>")


def test_the_print_page_gives_its_stylesheets_body_attributes_topics_and_answers() -> None:
    head = ('<link rel="stylesheet" href="a.css"><link rel="icon" href="i.png">'
            '<link href="b.css" rel="stylesheet" media="print">')
    page = page_of({"a": topic_html("a"), "b-2": topic_html("b-2", body="<p>x\ny</p>")}, {"a": "<ol>A</ol>"}, head)
    assert page.stylesheets == ('<link rel="stylesheet" href="a.css">',
                                '<link href="b.css" rel="stylesheet" media="print">')
    assert page.body_attributes == ' dir="rtl" data-md-color-scheme="slate"'
    assert page.topics == {"a": topic_html("a"), "b-2": topic_html("b-2", body="<p>x\ny</p>")}
    assert page.answers == {"a": "<ol>A</ol>"}
    assert PrintPage.read("<p>no body tag</p>") == PrintPage((), "", {}, {})


def test_a_topics_title_is_its_headings_text_without_the_permalink() -> None:
    page = page_of({"a": topic_html("a", "Fear &amp; <em>trust</em>"), "b": "<p>no heading</p>",
                    "c": '<h2 id="c.x">Other</h2><h2 class="t" id="c">\n Mine \n</h2>'})
    assert page.title_html("a") == "Fear &amp; <em>trust</em>"
    assert page.title_html("b") == ""
    assert page.title_html("c") == "Mine"  # the heading with the topic's own id, not one like it


def book(edition: Edition, page: PrintPage, numbers=None) -> str:
    return book_html(edition, page, INFO, numbers)


def test_the_cover_says_what_the_edition_is_and_where_to_read_it() -> None:
    one = Edition("path-a", "Reading path: A", "path", (("Reading order", ("a",)),))
    html = book(one, page_of({"a": topic_html("a")}))
    cover = re.search(r'<section class="sd-book-cover">.*?</section>', html).group(0)
    assert cover == ('<section class="sd-book-cover"><p class="sd-book-cover__site">A &lt;course&gt;</p>'
                     '<p class="sd-book-cover__title">Reading path: A</p>'
                     '<p class="sd-book-cover__facts">1 topic · Edition of 5 December 2026</p>'
                     "<p>CC BY &amp; more</p>"
                     '<p>Read online: <a href="https://example.org/c/">https://example.org/c/</a><br>'
                     'This PDF: <a href="https://example.org/c/pdf/path-a.pdf">https://example.org/c/pdf/path-a.pdf</a>'
                     "</p></section>")
    two = Edition("part-x", "Part", "part", (("X", ("a", "b")),))
    assert "2 topics · Edition" in book(two, page_of({"a": topic_html("a"), "b": topic_html("b")}))


def test_the_document_is_titled_styled_and_lays_out_the_page_box() -> None:
    edition = Edition("course", "The whole course", "course", (("Theory", ("a",)), ("Cases", ("b",))))
    page = page_of({"a": topic_html("a"), "b": topic_html("b")}, head='<link rel="stylesheet" href="s.css">')
    html = book(edition, page)
    assert html.startswith('<!doctype html>\n<html lang="en"><head><meta charset="utf-8">\n'
                           "<title>The whole course — A &lt;course&gt;</title>\n"
                           '<link rel="stylesheet" href="s.css">\n<style>@page { size: A4;')
    assert ('</style>\n</head><body dir="rtl" data-md-color-scheme="slate">'
            '<article class="md-typeset sd-book">\n') in html
    assert html.endswith("\n</article></body></html>")
    style = html[html.index("<style>") + 7:html.index("</style>")]
    margin = "font: 8pt/1.2 var(--md-text-font-family, sans-serif); color: #555"
    assert style == "\n".join([
        f"@page {{ size: A4; margin: 20mm 18mm 18mm; @top-left {{ content: {css_string('A <course>')}; {margin} }}"
        f' @top-right {{ content: "The whole course"; {margin} }}'
        f' @bottom-center {{ content: counter(page) " / " counter(pages); {margin} }} }}',
        "@page cover { @top-left { content: none } @top-right { content: none } @bottom-center { content: none } }",
        ".sd-book-cover { page: cover }",
        f'@page part-1 {{ @top-right {{ content: "Theory"; {margin} }} }}', ".sd-book-part--1 { page: part-1 }",
        f'@page part-2 {{ @top-right {{ content: "Cases"; {margin} }} }}', ".sd-book-part--2 { page: part-2 }",
    ]) + BOOK_CSS
    part = book(Edition("part-t", "Part: Theory", "part", (("Theory", ("a",)),)), page)
    assert "@page part-1" not in part and ".sd-book-part--1 { page" not in part  # one part: the edition's own head
    assert ('<section class="sd-book-part sd-book-part--1">'
            '<h1 id="part-1" class="sd-book-part__title">Theory</h1>') in part
    sections = re.findall(r'<section class="sd-book-part sd-book-part--\d">.*?</section>', html, re.S)
    assert [s.count('class="sd-print-topic"') for s in sections] == [1, 1]  # each part closes before the next
    assert f'{topic_html("a")}\n</section>\n<section class="sd-book-part sd-book-part--2">' in html


def test_the_contents_list_every_part_and_topic_with_its_page_box() -> None:
    edition = Edition("course", "C", "course", (("P <1>", ("a", "b")),))
    page = page_of({"a": topic_html("a", "A <em>x</em>"), "b": topic_html("b")}, {"b": "<p>Key b</p>"})
    html = book(edition, page, {"part-1": 3, "a": 3, "b": 7, "answer-key": 12})
    toc = html[html.index('<nav class="sd-book-toc"'):html.index("</nav>") + 6]

    def entry(anchor: str, label: str, cls: str, number: int) -> str:
        return (f'<span class="sd-book-toc__entry {cls}"><a href="#{anchor}">{label}</a>'
                f'<span class="sd-book-toc__page">{number}</span></span>')

    assert toc == ('<nav class="sd-book-toc" aria-labelledby="contents"><h1 id="contents">Contents</h1><ol>\n'
                   f'<li>{entry("part-1", "P &lt;1&gt;", "sd-book-toc__part", 3)}<ol>\n'
                   f'<li>{entry("a", "A <em>x</em>", "sd-book-toc__topic", 3)}</li>\n'
                   f'<li>{entry("b", "Title b", "sd-book-toc__topic", 7)}</li>\n</ol></li>\n'
                   f'<li>{entry("answer-key", "Answer key", "sd-book-toc__part", 12)}</li>\n</ol></nav>')
    assert ('<section class="sd-book-answers"><h1 id="answer-key">Answer key</h1><p>Each topic\'s quiz: the right '
            "answer with its explanation, then why each other option is not it.</p>\n<p>Key b</p>\n</section>") in html
    partly = book(edition, page, {"a": 5})  # an entry the first print did not place keeps its blank box
    blank = '<span class="sd-book-toc__page sd-book-toc__page--blank">000</span></span>'
    assert partly.count(f"</a>{blank}") == 3
    assert '<span class="sd-book-toc__page">5</span>' in partly


def test_a_topic_missing_from_the_print_page_is_named() -> None:
    edition = Edition("course", "C", "course", (("P", ("a", "gone", "lost")),))
    with pytest.raises(KeyError) as error:
        book(edition, page_of({"a": topic_html("a")}))
    assert error.value.args[0] == "the print page has no topic 'gone'"


def test_links_lead_inside_the_edition_or_to_the_published_site_and_images_load_at_once() -> None:
    body = ('<p><a href="#a">self</a> <a href="#a--x">in a</a> <a href="#missing">gone</a> <a href="#--x">odd</a> '
            '<a class="c" href="../topics/b/">rel</a> <a href="mailto:x@y.org">mail</a> <a href="">empty</a>'
            '<img loading="lazy" src="f.svg"> <div data-id="b"></div> <a href="#c">c</a></p><p id="a--x"></p>')
    html = book(Edition("part-x", "X", "part", (("X", ("a",)),)), page_of({"a": topic_html("a", body=body)}))
    hrefs = re.findall(r'<a (?:class="c" )?href="([^"]*)">', html[html.index('class="sd-book-part'):])
    assert hrefs == ["#a", "#a--x", "https://example.org/c/topics/missing/", "https://example.org/c/print/#--x",
                     "https://example.org/c/topics/b/", "mailto:x@y.org", "https://example.org/c/print/",
                     "https://example.org/c/topics/c/"]
    assert 'loading="lazy"' not in html and '<img src="f.svg">' in html


@pytest.mark.parametrize(("text", "literal"), [
    ('say "hi"', r'"say \22 hi\22 "'), ("a\\b", r'"a\5c b"'), ("</style>", r'"\3c /style\3e "'),
    ("one\ntwo\r\fthree\tfour\x01", r'"one\a two\d \c three\9 four\1 "'), ("Théorie", '"Théorie"'),
    ("Xerxes", '"Xerxes"'),
])
def test_text_in_css_is_a_string_no_text_can_leave(text: str, literal: str) -> None:
    assert css_string(text) == literal
