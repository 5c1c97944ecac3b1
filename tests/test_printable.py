"""The print edition: every topic once, each after its prerequisites, with in-page links."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from topicgraph.printable import BODY, REFERENCES, MissingTopicHtml, assemble, placeholder, printable_html


def test_ids_are_prefixed_headings_demoted_and_links_stay_inside_the_page() -> None:
    html = ('<h2 id="core-idea">Core idea<a class="headerlink" href="#core-idea">¶</a></h2>\n'
            '<p>See <a href="../b/">b</a>, <a href="../b/#explainer">its part</a>, <a href="#core-idea">here</a>, '
            '<a href="../../graph/">the map</a>, <a href="https://example.org/x#y">elsewhere</a> and '
            '<a id="old" data-id="keep"></a>.</p>\n<svg aria-labelledby="t d"><path clip-path="url(#p1)"/>'
            '<use xlink:href="#glyph"/></svg><label for="note">Note</label>\n<h3 id="detail">Detail</h3>')
    printed = printable_html(html, "a", "topics/a/", "print/", {"topics/a/": "a", "topics/b/": "b"})
    assert '<h3 id="a--core-idea">Core idea<a class="headerlink" href="#a--core-idea">' in printed
    assert '<h4 id="a--detail">Detail</h4>' in printed
    assert '<a href="#b">b</a>' in printed and '<a href="#b--explainer">its part</a>' in printed
    assert '<a href="#a--core-idea">here</a>' in printed and '<a href="../graph/">the map</a>' in printed
    assert 'href="https://example.org/x#y"' in printed and 'id="a--old" data-id="keep"' in printed
    assert 'aria-labelledby="a--t a--d"' in printed and 'url(#a--p1)' in printed
    assert 'xlink:href="#a--glyph"' in printed and 'for="a--note"' in printed


def test_offline_urls_are_rebased_too() -> None:
    html = '<a href="b.html#x">b</a> <a href="../graph.html">map</a> <img src="../data/c.svg">'
    printed = printable_html(html, "a", "topics/a.html", "print.html", {"topics/a.html": "a", "topics/b.html": "b"})
    assert printed == '<a href="#b--x">b</a> <a href="graph.html">map</a> <img src="data/c.svg">'


def test_assemble_fills_every_placeholder_and_refuses_a_page_without_html() -> None:
    page = f"{BODY[0]}<p>Body</p>{BODY[1]}<p>Quiz</p>{REFERENCES[0]}<div id=\"refs\"></div>{REFERENCES[1]}"
    print_html = f"<h2 id=\"a\">A</h2>\n{placeholder('body', 'a')}\n{placeholder('references', 'a')}"
    assembled = assemble(print_html, "print/", {"a": ("topics/a/", page)})
    references = '<h3 id="a--references">References</h3>\n<div id="a--refs"></div>'
    assert assembled == f'<h2 id="a">A</h2>\n<p>Body</p>\n{references}'
    uncited = page.replace('<div id="refs"></div>', "")
    assert assemble(placeholder("references", "a"), "print/", {"a": ("topics/a/", uncited)}) == ""
    with pytest.raises(MissingTopicHtml):
        assemble(print_html, "print/", {"a": ("topics/a/", None)})


def test_print_page_has_every_topic_in_reading_order(site: Path) -> None:
    graph = json.loads((site / "graph.json").read_text())
    soup = BeautifulSoup((site / "print" / "index.html").read_text(encoding="utf-8"), "html.parser")
    order = [h["id"] for h in soup.select("h2.sd-print-topic")]
    assert sorted(order) == sorted(node["id"] for node in graph["nodes"])
    position = {topic: i for i, topic in enumerate(order)}
    assert all(position[e["from"]] < position[e["to"]] for e in graph["edges"])
    contents = soup.find(id="contents").find_next("ol")
    # The contents list every topic in order, then the answer key that collects the quizzes' answers.
    assert [li.find("a")["href"] for li in contents.find_all("li")] == [*(f"#{t}" for t in order), "#answer-key"]
    ids = [element["id"] for element in soup.find_all(id=True)]
    assert len(ids) == len(set(ids))  # every topic's ids are prefixed with its own
    for topic in order:  # each topic's own reference list follows it
        references = soup.find(id=f"{topic}--references")
        assert references and references.find_next("div", class_="footnote").find("li", id=True)["id"].startswith(
            f"{topic}--fn:")
    internal = {a["href"][1:] for a in soup.select("article a[href^='#']")}
    assert internal <= set(ids)
