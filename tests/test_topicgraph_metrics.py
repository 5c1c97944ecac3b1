"""Metrics on small hand-made graphs, checked against DESIGN.md's definitions."""

from __future__ import annotations

from pathlib import Path

import pytest
from topicfactory import write_graph

from topicgraph.graph import build_graph
from topicgraph.load import load_topics
from topicgraph.metrics import compute_metrics


def metrics_of(tmp_path: Path, edges: dict[str, list[str]]):
    write_graph(tmp_path, edges)
    topics, problems = load_topics(tmp_path)
    assert problems == []
    return compute_metrics(build_graph(topics))


CHAIN = {"a": [], "b": ["a"], "c": ["b"], "d": ["c"]}
DIAMOND = {"top": [], "left": ["top"], "right": ["top"], "bottom": ["left", "right"]}
FOREST = {"r1": [], "r1-child": ["r1"], "r2": [], "r2-child": ["r2"], "r2-grandchild": ["r2-child"]}
ISOLATED = {"alone": [], "a": [], "b": ["a"]}


@pytest.mark.parametrize(
    ("edges", "topic", "depth", "total", "unlocks"),
    [
        (CHAIN, "a", 0, 0, 3),
        (CHAIN, "d", 3, 3, 0),
        (CHAIN, "b", 1, 1, 2),
        (DIAMOND, "bottom", 2, 3, 0),
        (DIAMOND, "top", 0, 0, 3),
        (DIAMOND, "left", 1, 1, 1),
        (FOREST, "r2-grandchild", 2, 2, 0),
        (FOREST, "r1", 0, 0, 1),
        (ISOLATED, "alone", 0, 0, 0),
    ],
)
def test_depth_prerequisites_total_and_unlocks(tmp_path, edges, topic, depth, total, unlocks) -> None:
    metrics = metrics_of(tmp_path, edges)[topic]
    assert (metrics.depth, metrics.prerequisites_total, metrics.unlocks) == (depth, total, unlocks)
    assert metrics.longest_path_steps == depth + 1


def test_chain_is_the_longest_path_ending_at_the_topic(tmp_path) -> None:
    edges = {**CHAIN, "shortcut": ["a"], "end": ["d", "shortcut"]}
    metrics = metrics_of(tmp_path, edges)
    assert metrics["end"].chain == ("a", "b", "c", "d", "end")
    assert metrics["end"].depth == 4
    assert metrics["end"].prerequisites_total == 5


def test_reading_path_is_a_topological_order_ending_with_the_topic(tmp_path) -> None:
    metrics = metrics_of(tmp_path, DIAMOND)
    path = metrics["bottom"].reading_path
    assert path[0] == "top" and path[-1] == "bottom"
    assert set(path) == {"top", "left", "right", "bottom"}
    assert metrics["left"].reading_path == ("top", "left")


def test_direct_neighbours(tmp_path) -> None:
    metrics = metrics_of(tmp_path, DIAMOND)
    assert metrics["bottom"].prerequisites == ("left", "right")
    assert metrics["top"].leads_to == ("left", "right")
    assert metrics["top"].prerequisites == ()


# Alphabetical order, plain topological order and reading order disagree here: "aa" is deeper than "zz"
# but comes before it alphabetically and in a lexicographical topological sort; "a2" is deeper than "aa", "b1";
# "tail"'s alphabetically first prerequisite "a0" is not its deepest.
SKEW = {"base": [], "zz": [], "aa": ["base"], "end": ["aa", "zz"], "b1": ["base"], "a2": ["base", "b1"],
        "a0": [], "tail": ["a0", "aa"]}


@pytest.mark.parametrize("edges", [CHAIN, DIAMOND, FOREST, ISOLATED, SKEW], ids=["chain", "diamond", "forest",
                                                                                 "isolated", "skew"])
def test_every_metric_follows_its_definition_on_every_topic(tmp_path, edges) -> None:
    """Depth is one more than the deepest prerequisite; direct and transitive lists are in reading order."""
    metrics = metrics_of(tmp_path, edges)
    depth = {topic: m.depth for topic, m in metrics.items()}
    reading = lambda topics: tuple(sorted(topics, key=lambda t: (depth[t], t)))  # noqa: E731
    successors = {topic: [other for other, prereqs in edges.items() if topic in prereqs] for topic in edges}
    for topic, prereqs in edges.items():
        m = metrics[topic]
        assert m.depth == (max(depth[p] for p in prereqs) + 1 if prereqs else 0), topic
        assert len(m.chain) == m.depth + 1 and m.chain[-1] == topic, topic
        assert all(a in edges[b] for a, b in zip(m.chain, m.chain[1:], strict=False)), topic
        assert m.prerequisites == reading(prereqs), topic
        assert m.leads_to == reading(successors[topic]), topic
        assert m.reading_path == (*reading(m.reading_path[:-1]), topic), topic
        assert m.prerequisites_total == len(m.reading_path) - 1, topic
