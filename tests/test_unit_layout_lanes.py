"""The course picture's rows with their lanes (topicgraph/layout.py): an arrow that skips rows passes each
one in a lane 8 px wide, 2 px from a neighbouring lane and 14 px from a box, every row centred; and the
crossing counts the row order is chosen by."""

from __future__ import annotations

import itertools
import random
import re

import networkx as nx
import pytest

from topicgraph.layout import (
    LANE_GAP,
    LANE_WIDTH,
    _crossings,
    _order_by_barycentre,
    _pair_crossings,
    _transpose,
    layered,
)
from topicgraph.metrics import compute_metrics

BOX_GAP = 14  # between two boxes, a box and a lane, and at each side of the widest row


def rows_of(layout) -> dict[float, list[tuple[float, float, str]]]:
    """Row top -> its items (left, right, "box" or "lane") from left to right, as drawn."""
    height = layout.nodes[0].height
    rows: dict[float, list[tuple[float, float, str]]] = {}
    for node in layout.nodes:
        rows.setdefault(node.y, []).append((node.x, node.x + node.width, "box"))
    for edge in layout.edges:
        for x, bottom in re.findall(r" L([\d.]+),([\d.]+)", edge.path):
            rows.setdefault(round(float(bottom) - height, 1), []).append(
                (float(x) - LANE_WIDTH / 2, float(x) + LANE_WIDTH / 2, "lane"))
    return {y: sorted(items) for y, items in sorted(rows.items())}


def random_course(rng: random.Random) -> nx.DiGraph:
    size = rng.randint(6, 24)
    graph = nx.DiGraph((f"t{a}", f"t{b}") for b in range(1, size)
                       for a in rng.sample(range(b), min(b, rng.randint(0, 3))))
    graph.add_nodes_from(f"t{i}" for i in range(size))
    return graph


def test_lanes_and_boxes_keep_their_spacing_and_every_row_is_centred() -> None:
    rng = random.Random(7)
    seen = {("box", "lane"), ("lane", "box"), ("lane", "lane"), ("box", "box")}
    found = set()
    for _ in range(30):
        graph = random_course(rng)
        layout = layered(graph, compute_metrics(graph), {n: n for n in graph})
        rows = rows_of(layout)
        assert sum(kind == "box" for items in rows.values() for *_, kind in items) == len(graph)
        for items in rows.values():
            for (_, right, kind), (left, _, next_kind) in itertools.pairwise(items):
                gap = LANE_GAP if kind == next_kind == "lane" else BOX_GAP
                assert left - right == pytest.approx(gap, abs=0.06), (kind, next_kind)
                found.add((kind, next_kind))
            margin_left, margin_right = items[0][0], layout.width - items[-1][1]
            assert margin_left == pytest.approx(margin_right, abs=0.06)  # centred
        assert min(items[0][0] for items in rows.values()) == pytest.approx(BOX_GAP, abs=0.06)  # the widest row
    assert found == seen  # every kind of neighbour was seen


def test_a_lane_beside_a_box_in_the_smallest_course() -> None:
    # a -> c skips b's row: that row holds b and a lane, 150 + 14 + 8 px wide, the widest.
    graph = nx.DiGraph([("a", "b"), ("b", "c"), ("a", "c")])
    layout = layered(graph, compute_metrics(graph), {n: n for n in graph})
    assert layout.width == 150 + BOX_GAP + LANE_WIDTH + 2 * BOX_GAP
    (middle,) = [items for items in rows_of(layout).values() if len(items) == 2]
    assert [kind for *_, kind in middle] in (["box", "lane"], ["lane", "box"])


def layers_graph(edges: list[tuple[str, str]], layers: list[list[str]] = ()) -> nx.DiGraph:
    graph = nx.DiGraph(edges)
    graph.add_nodes_from(node for layer in layers for node in layer)
    return graph


@pytest.mark.parametrize(("layers", "edges", "count"), [
    ([["a", "b"], ["c", "d"]], [("a", "d"), ("b", "c")], 1),
    ([["a", "b"], ["c", "d"]], [("a", "c"), ("b", "d")], 0),
    ([["a", "b"], ["c", "d"]], [("a", "c"), ("b", "c")], 0),  # arrows sharing an end do not cross
    ([["a", "b"], ["c", "d"]], [("a", "d"), ("b", "c"), ("a", "c")], 1),
    ([["a", "b"], ["c", "d"]], [("a", "c"), ("a", "d")], 0),
    ([["a", "b"], ["c", "d"], ["e", "f"]], [("a", "d"), ("b", "c"), ("c", "f"), ("d", "e")], 2),  # every pair of rows
    ([["a", "b", "x"], ["c", "d"], ["e", "f"]], [("a", "c"), ("b", "d"), ("c", "f"), ("d", "e")], 1),
])
def test_crossings_are_counted_between_each_pair_of_adjacent_rows(layers, edges, count: int) -> None:
    assert _crossings(layers_graph(edges, layers), layers) == count


def test_the_crossings_of_two_neighbours_count_the_arrows_above_and_below() -> None:
    graph = layers_graph([("p", "l"), ("q", "r"), ("l", "y"), ("r", "x"), ("q", "l")])
    position = {"p": 0, "q": 1, "l": 0, "r": 1, "x": 0, "y": 1}
    assert _pair_crossings(graph, "l", "r", position) == 1  # only l -> y and r -> x cross (q is shared)
    assert _pair_crossings(graph, "r", "l", position) == 1  # swapped: p -> l crosses q -> r instead
    assert _pair_crossings(layers_graph([("p", "l"), ("p", "r")]), "l", "r", {"p": 0, "l": 0, "r": 1}) == 0


def test_swapping_neighbours_goes_on_until_no_swap_helps() -> None:
    # The row below lists c, b, a; each needs to move to the other end: several passes, the last pair too.
    layers = [["x", "y", "z"], ["c", "b", "a"]]
    graph = layers_graph([("x", "a"), ("y", "b"), ("z", "c")])
    assert _crossings(graph, layers) == 3
    _transpose(graph, layers)
    assert _crossings(graph, layers) == 0 and sorted(layers[1]) == ["a", "b", "c"]
    four = [["w", "x", "y", "z"], ["d", "c", "b", "a"]]
    graph = layers_graph([("w", "a"), ("x", "b"), ("y", "c"), ("z", "d")])
    _transpose(graph, four)
    assert _crossings(graph, four) == 0


def test_the_order_kept_is_the_first_with_the_fewest_crossings() -> None:
    graph = layers_graph([("a", "d"), ("b", "c")])
    layers = [["a", "b"], ["c", "d"]]
    _order_by_barycentre(graph, layers)
    assert _crossings(graph, layers) == 0 and layers == [["a", "b"], ["d", "c"]]
    untouched = [["a", "b"], ["c", "d"]]
    _order_by_barycentre(layers_graph([("a", "c"), ("b", "d")]), untouched)
    assert untouched == [["a", "b"], ["c", "d"]]  # no crossing to remove: the alphabetical order stays
