"""Which links ask Material for a preview (topicgraph/linkpreviews.py), on every kind of page address:
the offline build's .html files, a page in a folder, a query string; and which headings are bare."""

from __future__ import annotations

import pytest

from topicgraph.linkpreviews import bare_headings, page_key, with_link_previews


@pytest.mark.parametrize(("url", "key"), [
    ("topics/a/", "/topics/a"), ("/topics/a", "/topics/a"), ("topics/a.html", "/topics/a.html"),
    ("topics/index.html", "/topics"), ("topics/../graph/", "/graph"), ("//topics//a/", "/topics/a"),
    ("/index.html", "/"), ("./", "/"),
])
def test_every_spelling_of_a_page_gives_one_key(url: str, key: str) -> None:
    assert page_key(url) == key


@pytest.mark.parametrize(("page", "href", "previewed"), [
    ("topics/a.html", "b.html", True),  # the offline build: pages are files, links are relative to the folder
    ("topics/a.html", "a.html", False),  # the same page
    ("topics/a.html", "a.html#core-idea", False),
    ("topics/a/", "../a/#quiz", False),
    ("topics/a/", "../b/?q=1", True),
    ("topics/a/", "./?q=1", False),  # the same page with a query string
    ("topics/a/", "../../data/x.CSV", False),  # a file, whatever the case of its extension
    ("topics/a/", "../../data/x.json?v=2", False),
    ("topics/a/", "../b/index.htm", True),
    ("topics/a/", "", False),
    ("topics/a/", "HTTPS://x.org/", False),
    ("topics/a/", "tel:+1", False),
    ("/topics/a/", "../b/", True),
    ("index.html", "topics/b.html", True),
])
def test_a_link_asks_for_a_preview_only_when_it_leads_to_another_page(page: str, href: str, previewed: bool) -> None:
    html = f'<p><a class="x" href="{href}">link</a></p>'
    expected = f'<p><a data-preview class="x" href="{href}">link</a></p>' if previewed else html
    assert with_link_previews(html, page, {}) == expected


def test_a_link_marked_already_is_left_alone_and_every_link_is_read() -> None:
    html = '<a data-preview href="../b/">b</a><a href="../c/">c</a>\n<a\n href="../d/">d</a>'
    assert with_link_previews(html, "topics/a/", {}) == (
        '<a data-preview href="../b/">b</a><a data-preview href="../c/">c</a>\n<a data-preview\n href="../d/">d</a>')


def test_a_bare_heading_is_judged_on_the_page_it_is_on() -> None:
    bare = {"/topics/b": {"explainer"}}
    html = ('<a href="../b/#explainer">1</a> <a href="../c/#explainer">2</a> <a href="../b/">3</a> '
            '<a href="../b/?v=1#explainer">4</a>')
    assert with_link_previews(html, "topics/a/", bare) == (
        '<a href="../b/#explainer">1</a> <a data-preview href="../c/#explainer">2</a> '
        '<a data-preview href="../b/">3</a> <a href="../b/?v=1#explainer">4</a>')


@pytest.mark.parametrize(("html", "bare"), [
    ('<h2 id="a">A</h2><h3 id="b">B</h3><p>x</p>', {"a"}),
    ('<h2 id="a">A</h2>\n\n  <h6 class="x" id="b">B</h6><p>x</p>', {"a"}),
    ('<h1 class="t" id="a">A <em>x</em></h1><h2 id="b">B</h2><h3 id="c">C</h3>', {"a", "b"}),
    ('<h2 id="a">A</h2><p>x</p><h2 id="b">B</h2>', set()),
    ('<h2>A</h2><h3 id="b">B</h3>', set()),  # a heading without an id cannot be linked to
    ('<h2 id="a">A</h3><h3 id="b">B</h3>', set()),  # a heading ends with its own end tag
])
def test_a_heading_is_bare_when_another_heading_follows_it_at_once(html: str, bare: set[str]) -> None:
    assert bare_headings(html) == bare
