"""The PDF editions' selection (topicgraph/editions.py) and their print-ready HTML (topicgraph/pdfbook.py):
which topics each edition holds and in what order, the contents, the answer key, links that leave an
edition, and text from the course's settings and topics that must stay text in the page box's CSS."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from topicfactory import write_topic

from topicgraph.course import Course
from topicgraph.editions import (
    Edition,
    all_editions,
    course_edition,
    first_topics,
    part_editions,
    part_slugs,
    path_editions,
)
from topicgraph.graph import build_graph
from topicgraph.load import load_topics
from topicgraph.metrics import compute_metrics
from topicgraph.model import CourseSettings
from topicgraph.pdfbook import BookInfo, PrintPage, book_html, css_string
from topicgraph.printable import printable_html

PARTS = ("Foundations", "Theory", "Cases")
INFO = BookInfo("A course", "Text CC BY 4.0", "5 December 2026", "https://example.org/course/", "print/")


@pytest.fixture
def course(tmp_path: Path) -> Course:
    write_topic(tmp_path, "zeta", part="Cases", title="A first case")
    write_topic(tmp_path, "alpha", part="Theory", title="Alpha theory")
    write_topic(tmp_path, "beta", ["alpha"], part="Cases", title="Beta case")
    write_topic(tmp_path, "gamma", ["zeta", "beta"], part="Cases", title="Gamma after zeta")
    write_topic(tmp_path, "delta", part="Foundations", title="Delta")
    topics, problems = load_topics(tmp_path)
    assert problems == []
    graph = build_graph(topics)
    return Course({t.id: t for t in topics}, graph, compute_metrics(graph), None, {}, {},
                  settings=CourseSettings(parts=PARTS))


def test_the_course_edition_holds_every_topic_once_part_by_part_in_course_order(course: Course) -> None:
    edition = course_edition(course)
    assert [part for part, _ in edition.groups] == list(PARTS)
    assert sorted(edition.topics) == sorted(course.topics)
    for part, ids in edition.groups:
        assert {course.topics[i].part for i in ids} == {part}
        for n, topic_id in enumerate(ids):  # within a part, each after its prerequisites of that part
            assert not set(course.metrics[topic_id].prerequisites) & set(ids[n + 1:])


def test_each_part_edition_is_its_part_of_the_course_edition(course: Course) -> None:
    parts = part_editions(course)
    assert [e.groups for e in parts] == [(group,) for group in course_edition(course).groups]
    assert [e.path for e in parts] == ["pdf/part-foundations.pdf", "pdf/part-theory.pdf", "pdf/part-cases.pdf"]
    assert first_topics(course) == {e.topics[0]: e for e in parts}


def test_each_path_edition_is_the_topics_reading_path(course: Course) -> None:
    paths = {e.slug: e for e in path_editions(course)}
    assert set(paths) == {f"path-{i}" for i in course.topics}
    for topic_id, metrics in course.metrics.items():
        edition = paths[f"path-{topic_id}"]
        assert edition.topics == metrics.reading_path and edition.topics[-1] == topic_id
        assert course.topics[topic_id].title in edition.title
    assert len(all_editions(course)) == 1 + len(PARTS) + len(course.topics)
    assert len({e.path for e in all_editions(course)}) == len(all_editions(course))  # no file written twice


def test_part_file_names_are_ascii_words_and_never_the_same(course: Course) -> None:
    settings = CourseSettings(parts=("Théorie", "Part 1", "part-1", "", "<script>"))
    slugs = part_slugs(Course(course.topics, course.graph, course.metrics, None, {}, {}, settings=settings))
    assert list(slugs.values()) == ["part-th-orie", "part-part-1", "part-3", "part-4", "part-script"]
    assert all(re.fullmatch(r"part-[a-z0-9-]+", s) for s in slugs.values())


def print_page(topics: dict[str, str], answers: dict[str, str]) -> PrintPage:
    """A built print page holding these topics (id -> body) and answer key entries."""
    html = ['<html><head><link rel="stylesheet" href="../assets/a.css"></head><body dir="ltr">']
    for topic_id, body in topics.items():
        html.append(f'<!-- course:edition-topic {topic_id} -->\n<h2 class="sd-print-topic" id="{topic_id}">'
                    f'Title of {topic_id}<a class="headerlink" href="#{topic_id}">¶</a></h2>{body}\n'
                    "<!-- /course:edition-topic -->")
    for topic_id, entry in answers.items():
        html.append(f"<!-- course:edition-answers {topic_id} -->\n<section id=\"{topic_id}--answers\">{entry}</section>"
                    "\n<!-- /course:edition-answers -->")
    return PrintPage.read("\n".join(html) + "</body></html>")


def test_an_edition_has_a_cover_its_contents_its_topics_and_their_answers_at_the_end() -> None:
    page = print_page({"a": "<p>Body A</p>", "b": "<p>Body B</p>", "c": "<p>Body C</p>"},
                      {"a": "<p>Answers A</p>", "c": "<p>Answers C</p>"})
    edition = Edition("part-x", "Part: X", "part", (("X", ("c", "a")),))
    html = book_html(edition, page, INFO)
    assert '<link rel="stylesheet" href="../assets/a.css">' in html and '<body dir="ltr">' in html
    order = [html.index(s) for s in ("Part: X", 'id="contents"', 'id="part-1"', "Body C", "Body A",
                                     'id="answer-key"', "Answers C", "Answers A")]
    assert order == sorted(order)
    assert "Body B" not in html
    assert "Edition of 5 December 2026" in html and "Text CC BY 4.0" in html
    assert "https://example.org/course/pdf/part-x.pdf" in html
    contents = html[html.index('id="contents"'):html.index('id="part-1"')]
    assert re.findall(r'href="#([^"]+)">([^<]*)<', contents) == [
        ("part-1", "X"), ("c", "Title of c"), ("a", "Title of a"), ("answer-key", "Answer key")]


def test_the_first_print_leaves_the_page_numbers_blank_and_the_second_fills_them_in() -> None:
    page = print_page({"a": "<p>A</p>"}, {})
    edition = Edition("e", "E", "path", (("Reading order", ("a",)),))
    first = book_html(edition, page, INFO)
    second = book_html(edition, page, INFO, {"part-1": 3, "a": 3})
    numbers = r'<span class="sd-book-toc__page[^"]*">([^<]*)</span>'
    assert re.findall(numbers, first) == ["000", "000"] and first.count("sd-book-toc__page--blank") == 3
    assert re.findall(numbers, second) == ["3", "3"] and second.count("sd-book-toc__page--blank") == 1  # the CSS rule
    assert '"answer-key"' not in second and '"#answer-key"' not in second  # no quiz in the edition, no key


def test_links_leaving_an_edition_go_to_the_published_site() -> None:
    page = print_page({"a": '<p><a href="#a--sec">own</a> <a href="#b">topic b</a> <a href="#b--fig">in b</a> '
                            '<a href="../graph/">map</a> <a href="https://x.org/">web</a> <a href="#c">c</a></p>'
                            '<p id="a--sec">S</p>',
                       "b": "<p>B</p>", "c": "<p>C</p>"}, {})
    edition = Edition("e", "E", "part", (("P", ("a", "c")),))
    hrefs = re.findall(r'<a href="([^"]+)">(?:own|topic b|in b|map|web|c)<', book_html(edition, page, INFO))
    assert hrefs == ["#a--sec", "https://example.org/course/topics/b/", "https://example.org/course/topics/b/#fig",
                     "https://example.org/course/graph/", "https://x.org/", "#c"]


def test_text_in_the_page_box_stays_text() -> None:
    hostile = 'Part "</style><script>alert(1)</script>" \\ \n & more'
    literal = css_string(hostile)
    assert "<" not in literal and "\n" not in literal and literal.count('"') == 2
    edition = Edition("e", hostile, "course", ((hostile, ("a",)),))
    html = book_html(edition, print_page({"a": "<p>A</p>"}, {}), INFO)
    style = html[html.index("<style>"):html.index("</style>") + len("</style>")]
    assert "<script>" not in style and style.count("</style>") == 1
    assert "<script>" not in html  # and in the HTML it is escaped
    assert "&lt;/style&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_collapsed_blocks_print_open() -> None:
    html = printable_html('<details class="note"><summary>S</summary>x</details><details open>y</details>',
                          "a", "topics/a/", "print/", {})
    assert html.count("<details") == html.count("<details open") == 2
