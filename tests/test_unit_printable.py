"""The print edition (topicgraph/printable.py): the order topics are printed in, links that leave a
topic (to another topic, to the site, to nowhere the print page should touch), and the topic named
when a page has no HTML to print."""

from __future__ import annotations

from pathlib import Path

import pytest
from topicfactory import write_topic

from topicgraph.course import Course
from topicgraph.graph import build_graph
from topicgraph.load import load_topics
from topicgraph.metrics import compute_metrics
from topicgraph.model import CourseSettings
from topicgraph.printable import BODY, MissingTopicHtml, assemble, placeholder, printable_html, reading_order

URLS = {"topics/a/": "a", "topics/b/": "b"}


def printed(href: str) -> str:
    return printable_html(f'<a href="{href}">x</a>', "a", "topics/a/", "print/", URLS)


def course(tmp_path: Path, settings: CourseSettings) -> Course:
    write_topic(tmp_path, "zeta", part="Cases", title="A first case")
    write_topic(tmp_path, "alpha", part="Theory", title="Alpha theory")
    write_topic(tmp_path, "beta", part="Cases", title="Beta case")
    write_topic(tmp_path, "gamma", ["zeta"], part="Cases", title="Gamma after zeta")
    write_topic(tmp_path, "delta", part="Foundations", title="Delta")
    topics, problems = load_topics(tmp_path)
    assert problems == []
    graph = build_graph(topics)
    return Course({t.id: t for t in topics}, graph, compute_metrics(graph), None, {}, {}, settings=settings)


def test_topics_print_after_their_prerequisites_then_in_course_part_order_then_by_title(tmp_path: Path) -> None:
    ordered = course(tmp_path, CourseSettings(parts=("Foundations", "Theory", "Cases")))
    assert reading_order(ordered) == ["delta", "alpha", "zeta", "beta", "gamma"]


def test_with_no_parts_named_parts_print_in_name_order(tmp_path: Path) -> None:
    assert reading_order(course(tmp_path, CourseSettings())) == ["zeta", "beta", "delta", "alpha", "gamma"]


@pytest.mark.parametrize("href", ["mailto:someone@example.org", "data:image/png;base64,AAAA", "/abs/page/",
                                  "https://example.org/a/#b", ""])
def test_links_the_print_page_must_not_touch_are_kept_as_written(href: str) -> None:
    assert printed(href) == f'<a href="{href}">x</a>'


@pytest.mark.parametrize(("href", "expected"), [
    ("../../", "../"),                     # the home page
    ("../../#start", "../#start"),
    ("../../about/#team", "../about/#team"),
    ("../../about/", "../about/"),
    ("../b/", "#b"),                       # another topic is on the print page too
    ("../b/#sec", "#b--sec"),
    ("#sec", "#a--sec"),
])
def test_links_out_of_a_topic_point_where_they_did(href: str, expected: str) -> None:
    assert printed(href) == f'<a href="{expected}">x</a>'


def test_a_mail_link_in_capitals_is_kept_as_written() -> None:
    assert printed("MAILTO:someone@example.org") == '<a href="MAILTO:someone@example.org">x</a>'


def test_assembled_topics_link_to_each_other_and_to_the_site_from_the_print_page() -> None:
    page_a = f'{BODY[0]}<p><a href="../b/#x">b</a> <a href="../../about/">about</a></p>{BODY[1]}'
    page_b = f"{BODY[0]}<p>B</p>{BODY[1]}"
    assembled = assemble(f"{placeholder('body', 'a')}\n{placeholder('body', 'b')}", "print/",
                         {"a": ("topics/a/", page_a), "b": ("topics/b/", page_b)})
    assert assembled == '<p><a href="#b--x">b</a> <a href="../about/">about</a></p>\n<p>B</p>'


def test_a_topic_without_html_is_named() -> None:
    with pytest.raises(MissingTopicHtml) as raised:
        assemble(placeholder("body", "stag-hunt"), "print/", {"stag-hunt": ("topics/stag-hunt/", None)})
    assert raised.value.args == ("stag-hunt",)


def test_only_whole_attribute_names_are_rewritten_wherever_they_stand() -> None:
    urls = {"topics/b/": "b"}
    html = ('id="first" <p data-id="k1" x_id="k2" grid="k3" for="f" data-for="k4">'
            '<a href="../b/" data-href="k5" xlink:href="#g" my-src="k6"></a>'
            '<svg aria-describedby="d" data-aria-describedby="k7"></svg>')
    printed = printable_html(html, "a", "topics/a/", "print/", urls)
    assert printed.startswith('id="a--first"')  # at the very start, nothing precedes the name
    assert 'for="a--f"' in printed and 'href="#b"' in printed and 'xlink:href="#a--g"' in printed
    assert 'aria-describedby="a--d"' in printed
    for kept in ('data-id="k1"', 'x_id="k2"', 'grid="k3"', 'data-for="k4"', 'data-href="k5"', 'my-src="k6"',
                 'data-aria-describedby="k7"'):
        assert kept in printed
