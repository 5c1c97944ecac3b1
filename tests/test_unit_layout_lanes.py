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
    _sides,
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
    # As placed, only l -> y and r -> x cross (q is shared); swapped, p -> l crosses q -> r instead.
    assert _pair_crossings(_sides(graph), "l", "r", position) == (1, 1)
    graph.add_edge("q", "m")
    graph.add_edge("p", "r")
    position["m"] = 2
    # Now also p -> r crosses q -> l as placed (2 below and above); swapped, p -> l crosses q -> r.
    assert _pair_crossings(_sides(graph), "l", "r", position) == (2, 1)
    assert _pair_crossings(_sides(graph), "r", "l", position) == (1, 2)
    shared = layers_graph([("p", "l"), ("p", "r")])
    assert _pair_crossings(_sides(shared), "l", "r", {"p": 0, "l": 0, "r": 1}) == (0, 0)


def test_swapping_counts_again_only_the_pairs_whose_neighbours_moved() -> None:
    # Random rows: the swaps are those of counting every pair on every pass (the rule, written plainly).
    rng = random.Random(11)
    for _ in range(300):
        widths = [rng.randint(2, 12) for _ in range(rng.randint(2, 6))]
        layers = [[f"r{d}n{i}" for i in range(w)] for d, w in enumerate(widths)]
        density = rng.uniform(0.05, 0.4)
        graph = layers_graph([(u, v) for upper, lower in itertools.pairwise(layers) for u in upper for v in lower
                              if rng.random() < density], layers)
        plain = [list(layer) for layer in layers]
        _transpose(_sides(graph), layers)
        transpose_counting_every_pair(graph, plain)
        assert layers == plain


def transpose_counting_every_pair(graph: nx.DiGraph, layers: list[list[str]]) -> None:
    sides = _sides(graph)
    position = {n: i for layer in layers for i, n in enumerate(layer)}
    improved = True
    while improved:
        improved = False
        for layer in layers:
            for i in range(len(layer) - 1):
                kept, swapped = _pair_crossings(sides, layer[i], layer[i + 1], position)
                if swapped < kept:
                    layer[i], layer[i + 1] = layer[i + 1], layer[i]
                    position[layer[i]], position[layer[i + 1]] = i, i + 1
                    improved = True


def test_crossings_are_the_pairs_of_arrows_counted_one_by_one() -> None:
    rng = random.Random(5)
    for _ in range(60):
        layers = [[f"r{d}n{i}" for i in range(rng.randint(1, 8))] for d in range(rng.randint(2, 4))]
        graph = layers_graph([(u, v) for upper, lower in itertools.pairwise(layers) for u in upper for v in lower
                              if rng.random() < 0.4], layers)
        position = {n: i for layer in layers for i, n in enumerate(layer)}
        arrows = [(position[u], position[v], depth) for depth, upper in enumerate(layers) for u in upper
                  for v in graph.successors(u)]
        assert _crossings(graph, layers) == sum(
            1 for (a1, b1, d1), (a2, b2, d2) in itertools.combinations(arrows, 2)
            if d1 == d2 and (a1 - a2) * (b1 - b2) < 0)


def test_swapping_neighbours_goes_on_until_no_swap_helps() -> None:
    # The row below lists c, b, a; each needs to move to the other end: several passes, the last pair too.
    layers = [["x", "y", "z"], ["c", "b", "a"]]
    graph = layers_graph([("x", "a"), ("y", "b"), ("z", "c")])
    assert _crossings(graph, layers) == 3
    _transpose(_sides(graph), layers)
    assert _crossings(graph, layers) == 0 and sorted(layers[1]) == ["a", "b", "c"]
    four = [["w", "x", "y", "z"], ["d", "c", "b", "a"]]
    graph = layers_graph([("w", "a"), ("x", "b"), ("y", "c"), ("z", "d")])
    _transpose(_sides(graph), four)
    assert _crossings(graph, four) == 0


def test_the_order_kept_is_the_first_with_the_fewest_crossings() -> None:
    graph = layers_graph([("a", "d"), ("b", "c")])
    layers = [["a", "b"], ["c", "d"]]
    _order_by_barycentre(graph, layers)
    assert _crossings(graph, layers) == 0 and layers == [["a", "b"], ["d", "c"]]
    untouched = [["a", "b"], ["c", "d"]]
    _order_by_barycentre(layers_graph([("a", "c"), ("b", "d")]), untouched)
    assert untouched == [["a", "b"], ["c", "d"]]  # no crossing to remove: the alphabetical order stays
