"""What each PDF edition is called and what kind it is (topicgraph/editions.py): the file name, the title on
its cover and running head, its kind (which decides the running heads per part), its group headings."""

from __future__ import annotations

from pathlib import Path

from topicfactory import write_topic

from topicgraph.course import Course
from topicgraph.editions import all_editions
from topicgraph.graph import build_graph
from topicgraph.load import load_topics
from topicgraph.metrics import compute_metrics
from topicgraph.model import CourseSettings


def test_every_edition_has_its_file_title_kind_and_headings(tmp_path: Path) -> None:
    write_topic(tmp_path, "anarchy", part="Theory", title="Anarchy")
    write_topic(tmp_path, "spiral", ["anarchy"], part="Cases", title="The spiral")
    topics, problems = load_topics(tmp_path)
    assert problems == []
    graph = build_graph(topics)
    course = Course({t.id: t for t in topics}, graph, compute_metrics(graph), None, {}, {},
                    settings=CourseSettings(parts=("Theory", "Cases")))
    assert [(e.path, e.title, e.kind, e.groups) for e in all_editions(course)] == [
        ("pdf/course.pdf", "The whole course", "course", (("Theory", ("anarchy",)), ("Cases", ("spiral",)))),
        ("pdf/part-theory.pdf", "Part: Theory", "part", (("Theory", ("anarchy",)),)),
        ("pdf/part-cases.pdf", "Part: Cases", "part", (("Cases", ("spiral",)),)),
        ("pdf/path-anarchy.pdf", "Reading path: Anarchy", "path", (("Reading order", ("anarchy",)),)),
        ("pdf/path-spiral.pdf", "Reading path: The spiral", "path", (("Reading order", ("anarchy", "spiral")),)),
    ]
