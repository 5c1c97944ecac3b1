"""Geometry of the graph pictures (topicgraph/layout.py): where each box and arrow is drawn.

The expected numbers follow from the picture's design: a box is 15 px per title line (22 characters a
line) plus 16 px of padding; the neighbourhood picture is 640 px wide with 184 px boxes in three columns,
each column centred vertically; the course picture has one row per depth of 150 px boxes, rows centred.
"""

from __future__ import annotations

import itertools
import random
import re

import networkx as nx
import pytest

from topicgraph.layout import Edge, Layout, Node, layered, neighborhood
from topicgraph.metrics import compute_metrics

# One line of title (up to 22 characters) makes a box 31 px high, two lines 46 px.
TITLES = {
    "a": "Anarchy",
    "b": "The offence-defence balance",  # wraps after "offence-defence"
    "c": "Security dilemma",
    "d": "Spiral model",
}


def course(edges: list[tuple[str, str]], nodes: tuple[str, ...] = ()) -> tuple[nx.DiGraph, dict]:
    graph = nx.DiGraph(edges)
    graph.add_nodes_from(nodes)
    return graph, compute_metrics(graph)


def boxes(layout: Layout) -> dict[str, tuple[float, float, float, float]]:
    return {n.id: (n.x, n.y, n.width, n.height) for n in layout.nodes}


def test_a_topic_without_neighbours_is_one_centred_box_in_a_picture_at_least_40_px_high() -> None:
    _, metrics = course([], nodes=("a",))
    layout = neighborhood("a", metrics, TITLES)
    assert layout == Layout(640, 64, (Node("a", 228, 16.5, 184, 31, ("Anarchy",), "current"),), ())


def test_neighbourhood_has_prerequisites_left_the_topic_centred_and_what_it_leads_to_right() -> None:
    _, metrics = course([("a", "c"), ("b", "c"), ("c", "d")])
    layout = neighborhood("c", metrics, TITLES)
    # The prerequisites' column (31 + 12 + 46 px) is the tallest; 12 px above and below it.
    assert (layout.width, layout.height) == (640, 113)
    assert layout.nodes == (
        Node("a", 4, 12, 184, 31, ("Anarchy",), "prerequisite"),
        Node("b", 4, 55, 184, 46, ("The offence-defence", "balance"), "prerequisite"),
        Node("c", 228, 41, 184, 31, ("Security dilemma",), "current"),
        Node("d", 452, 41, 184, 31, ("Spiral model",), "leads-to"),
    )
    # Each arrow runs from the middle of one box's right side to the middle of the next box's left side.
    assert layout.edges == (
        Edge("a", "c", "M188.0,27.5 C208.0,27.5 208.0,56.5 228.0,56.5"),
        Edge("b", "c", "M188.0,78.0 C208.0,78.0 208.0,56.5 228.0,56.5"),
        Edge("c", "d", "M412.0,56.5 C432.0,56.5 432.0,56.5 452.0,56.5"),
    )


def test_neighbourhood_of_a_first_topic_has_only_what_it_leads_to() -> None:
    _, metrics = course([("a", "c"), ("a", "d")])
    layout = neighborhood("a", metrics, TITLES)
    # The right column (31 + 12 + 31 px) sets the height; the topic is centred against it.
    assert layout.height == 98
    assert boxes(layout) == {"a": (228, 33.5, 184, 31), "c": (452, 12, 184, 31), "d": (452, 55, 184, 31)}
    assert [(e.source, e.target) for e in layout.edges] == [("a", "c"), ("a", "d")]
    assert [n.kind for n in layout.nodes] == ["current", "leads-to", "leads-to"]


def test_titles_wrap_at_22_characters_and_a_blank_title_still_gets_a_line() -> None:
    titles = {"one": "Balance of threat view",  # 22 characters: one line
              "two": "Offence and the defence",  # 23 characters: two lines
              "blank": ""}
    _, metrics = course([("one", "two"), ("two", "blank")])
    layout = neighborhood("two", metrics, titles)
    lines = {n.id: (n.lines, n.height) for n in layout.nodes}
    assert lines == {"one": (("Balance of threat view",), 31),
                     "two": (("Offence and the", "defence"), 46),
                     "blank": (("",), 31)}


def test_course_picture_has_one_centred_row_per_depth_and_arrows_from_bottom_to_top() -> None:
    graph, metrics = course([("a", "c"), ("b", "c"), ("c", "d")])
    layout = layered(graph, metrics, TITLES)
    # Every box takes the height of the tallest (two lines: 46 px); rows are 46 px apart, 14 px margins.
    # The widest row has two boxes: 2 * (150 + 14) + 14 px.
    assert (layout.width, layout.height) == (342, 14 + 3 * 46 + 2 * 46 + 14)
    assert boxes(layout) == {
        "a": (14, 14, 150, 46), "b": (178, 14, 150, 46),
        "c": (96, 106, 150, 46),
        "d": (96, 198, 150, 46),
    }
    assert {n.id: n.lines for n in layout.nodes}["b"] == ("The offence-defence", "balance")
    assert {n.kind for n in layout.nodes} == {"topic"}
    assert layout.edges == (
        Edge("a", "c", "M89.0,60.0 C89.0,83.0 171.0,83.0 171.0,106.0"),
        Edge("b", "c", "M253.0,60.0 C253.0,83.0 171.0,83.0 171.0,106.0"),
        Edge("c", "d", "M171.0,152.0 C171.0,175.0 171.0,175.0 171.0,198.0"),
    )


def points(edge: Edge, steps: int = 24) -> list[tuple[float, float]]:
    """Points along an arrow's path (M, then cubic C and straight L pieces), `steps` per piece."""
    tokens = re.findall(r"[MCL]|-?[\d.]+", edge.path)
    out: list[tuple[float, float]] = []
    i = 0
    while i < len(tokens):
        command, i = tokens[i], i + 1
        count = {"M": 1, "L": 1, "C": 3}[command]
        xy = [(float(tokens[i + 2 * k]), float(tokens[i + 2 * k + 1])) for k in range(count)]
        i += 2 * count
        if command == "M":
            out.append(xy[0])
            continue
        p0 = out[-1]
        for step in range(1, steps + 1):
            t = step / steps
            if command == "L":
                out.append((p0[0] + t * (xy[0][0] - p0[0]), p0[1] + t * (xy[0][1] - p0[1])))
            else:
                (p1, p2, p3), u = xy, 1 - t
                out.append(tuple(u**3 * a + 3 * u * u * t * b + 3 * u * t * t * c + t**3 * d
                                 for a, b, c, d in zip(p0, p1, p2, p3, strict=True)))
    return out


def crossings(layout: Layout) -> int:
    """Pairs of arrows, with no end in common, whose paths cross."""

    def side(p, q, r) -> float:
        return (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])

    def cross(p1, p2, q1, q2) -> bool:
        return side(p1, p2, q1) * side(p1, p2, q2) < 0 and side(q1, q2, p1) * side(q1, q2, p2) < 0

    count = 0
    for e, f in itertools.combinations(layout.edges, 2):
        if {e.source, e.target} & {f.source, f.target}:
            continue
        pe, pf = points(e, 8), points(f, 8)
        if any(cross(*a, *b) for a in itertools.pairwise(pe) for b in itertools.pairwise(pf)):
            count += 1
    return count


def box_overlaps(layout: Layout) -> int:
    """Pairs of an arrow and a box, not one of its ends, where the arrow passes behind the box."""
    count = 0
    for edge in layout.edges:
        path = points(edge)
        for n in layout.nodes:
            if n.id in (edge.source, edge.target):
                continue
            if any(n.x + 1 < x < n.x + n.width - 1 and n.y + 1 < y < n.y + n.height - 1 for x, y in path):
                count += 1
    return count


def rows(layout: Layout) -> list[list[str]]:
    by_y: dict[float, list[Node]] = {}
    for node in layout.nodes:
        by_y.setdefault(node.y, []).append(node)
    return [[n.id for n in sorted(by_y[y], key=lambda n: n.x)] for y in sorted(by_y)]


def test_rows_are_ordered_so_that_arrows_do_not_cross() -> None:
    # In alphabetical order, a -> z and b -> y would cross.
    graph, metrics = course([("a", "z"), ("b", "y")])
    titles = {n: n.upper() for n in graph}
    layout = layered(graph, metrics, titles)
    assert rows(layout) == [["a", "b"], ["z", "y"]]
    assert crossings(layout) == 0


def test_a_row_is_also_ordered_by_the_row_below_it() -> None:
    # The top row can only be untangled by looking down: each root's child has a second, deeper parent.
    edges = [("m", "p"), ("n", "q"), ("p", "r"), ("q", "s"), ("a", "s"), ("b", "r")]
    graph, metrics = course(edges)
    layout = layered(graph, metrics, {n: n for n in graph})
    assert crossings(layout) == 0


def test_ties_keep_alphabetical_order_and_a_topic_without_links_keeps_its_place() -> None:
    # "k" leads nowhere; "a" and "z" lead to children that keep the rows uncrossed.
    graph, metrics = course([("a", "c"), ("z", "b")], nodes=("k",))
    layout = layered(graph, metrics, {n: n for n in graph})
    assert rows(layout) == [["a", "k", "z"], ["c", "b"]]
    # Three boxes in the widest row; the row of two is centred under it.
    assert layout.width == 3 * 164 + 14
    assert [(n.id, n.x) for n in layout.nodes if n.y > 14] == [("c", 96), ("b", 260)]


def test_in_a_two_row_course_the_top_row_follows_the_row_below() -> None:
    # Alphabetically a -> x would cross c -> r; only the second row can say where a and c belong.
    graph, metrics = course([("c", "r"), ("a", "x"), ("z", "x")])
    layout = layered(graph, metrics, {n: n for n in graph})
    assert rows(layout) == [["c", "a", "z"], ["r", "x"]]
    assert crossings(layout) == 0


def test_a_topic_sits_at_the_mean_position_of_its_neighbours() -> None:
    # p has two prerequisites (b, k), n one (k): p's mean position is left of n's, so p goes first.
    graph, metrics = course([("k", "n"), ("k", "p"), ("b", "p")], nodes=("h",))
    layout = layered(graph, metrics, {n: n for n in graph})
    assert rows(layout) == [["b", "k", "h"], ["p", "n"]]
    assert crossings(layout) == 0


def test_every_row_of_a_deep_course_is_untangled() -> None:
    # Five rows: the second-to-last row (f, p) must also be ordered by the last one.
    edges = [("w", "d"), ("d", "n"), ("s", "t"), ("z", "f"), ("n", "f"), ("n", "p"), ("f", "t"), ("p", "c")]
    graph, metrics = course(edges)
    layout = layered(graph, metrics, {n: n for n in graph})
    # s -> t and z -> f skip rows: their lanes are ordered with the boxes they pass.
    assert [len(row) for row in rows(layout)] == [3, 1, 1, 2, 2]
    assert crossings(layout) == 0
    assert box_overlaps(layout) == 0


def test_no_arrow_passes_behind_a_box_in_random_courses() -> None:
    # Courses of 12-40 topics whose prerequisites may sit many rows up: every long arrow goes round.
    rng = random.Random(21)
    for _ in range(25):
        size = rng.randint(12, 40)
        edges = [(f"t{a}", f"t{b}") for b in range(1, size) for a in rng.sample(range(b), min(b, rng.randint(0, 3)))]
        graph, metrics = course(edges, nodes=tuple(f"t{i}" for i in range(size)))
        layout = layered(graph, metrics, {n: n for n in graph})
        assert box_overlaps(layout) == 0
        assert len(layout.nodes) == size and len(layout.edges) == len(edges)


def test_a_long_arrow_runs_down_its_own_lane_between_the_boxes_of_the_rows_it_skips() -> None:
    # a -> c skips the row of b: it goes down a lane beside b, then on to c.
    graph, metrics = course([("a", "b"), ("b", "c"), ("a", "c")])
    layout = layered(graph, metrics, TITLES)
    b = {n.id: n for n in layout.nodes}["b"]
    long = next(e for e in layout.edges if (e.source, e.target) == ("a", "c"))
    lane = re.search(r" L([\d.]+),([\d.]+)", long.path)
    assert lane and float(lane.group(2)) == b.y + b.height  # straight down through b's row
    assert not b.x <= float(lane.group(1)) <= b.x + b.width
    assert box_overlaps(layout) == 0


@pytest.mark.usefixtures("rounds_held")
def test_the_course_map_is_laid_out_again_only_when_the_graph_or_a_title_changed() -> None:
    graph = nx.DiGraph([("a", "b"), ("a", "c"), ("b", "d"), ("c", "d")])
    metrics = compute_metrics(graph)
    first = layered(graph, metrics, {n: n for n in graph})
    assert layered(graph.copy(), compute_metrics(graph), {n: n for n in graph}) is first  # equal inputs
    renamed = layered(graph, metrics, {**{n: n for n in graph}, "d": "A much longer title for d"})
    assert renamed is not first and renamed != first
    grown = nx.DiGraph([*graph.edges, ("b", "c")])
    assert layered(grown, compute_metrics(grown), {n: n for n in grown}) != first
    again = layered(graph, metrics, {n: n for n in graph})
    assert again == first and again is not first  # only the last map is held: laid out afresh, the same
