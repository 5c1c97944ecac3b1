"""site/graph.json (topicgraph/export.py): every topic with its fields, in reading order, and every edge.

The course is given as a plain object with the attributes graph_json reads (topics, graph, metrics), so
the test does not depend on how a course is loaded.
"""

from __future__ import annotations

from types import SimpleNamespace

import networkx as nx

from topicgraph.export import graph_json
from topicgraph.metrics import compute_metrics


def topic(title: str, level: str, part: str, tags: tuple[str, ...], minutes: int) -> SimpleNamespace:
    return SimpleNamespace(title=title, level=level, part=part, tags=tags, reading_minutes=minutes)


def test_graph_json_lists_topics_in_reading_order_with_their_fields_and_the_edges() -> None:
    # Alphabetical order (anarchy, cases, spiral, zero) is not reading order: zero comes before spiral.
    graph = nx.DiGraph([("zero", "spiral"), ("anarchy", "spiral"), ("anarchy", "cases"), ("spiral", "cases")])
    course = SimpleNamespace(
        graph=graph,
        metrics=compute_metrics(graph),
        topics={
            "spiral": topic("Spiral model", "undergraduate", "Models", ("models", "perception"), 7),
            "cases": topic("Cases", "graduate", "Cases", (), 12),
            "zero": topic("Zero-sum", "introductory", "Foundations", ("concepts",), 1),
            "anarchy": topic("Anarchy", "introductory", "Foundations", ("concepts",), 4),
        },
    )
    export = graph_json(course, lambda topic_id: f"https://example.org/topics/{topic_id}/")
    assert export == {
        "nodes": [
            {"id": "anarchy", "title": "Anarchy", "url": "https://example.org/topics/anarchy/",
             "level": "introductory", "part": "Foundations", "tags": ["concepts"],
             "depth": 0, "unlocks": 2, "prerequisites_total": 0, "reading_minutes": 4},
            {"id": "zero", "title": "Zero-sum", "url": "https://example.org/topics/zero/",
             "level": "introductory", "part": "Foundations", "tags": ["concepts"],
             "depth": 0, "unlocks": 2, "prerequisites_total": 0, "reading_minutes": 1},
            {"id": "spiral", "title": "Spiral model", "url": "https://example.org/topics/spiral/",
             "level": "undergraduate", "part": "Models", "tags": ["models", "perception"],
             "depth": 1, "unlocks": 1, "prerequisites_total": 2, "reading_minutes": 7},
            {"id": "cases", "title": "Cases", "url": "https://example.org/topics/cases/",
             "level": "graduate", "part": "Cases", "tags": [],
             "depth": 2, "unlocks": 0, "prerequisites_total": 3, "reading_minutes": 12},
        ],
        "edges": [
            {"from": "anarchy", "to": "cases"},
            {"from": "anarchy", "to": "spiral"},
            {"from": "spiral", "to": "cases"},
            {"from": "zero", "to": "spiral"},
        ],
    }
