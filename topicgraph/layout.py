"""Geometry for the graph pictures: where each node box and edge goes. Templates draw the SVG."""

from __future__ import annotations

import bisect
import itertools
import textwrap
from collections.abc import Mapping
from dataclasses import dataclass

import networkx as nx

from .metrics import TopicMetrics
from .rounds import LastRound

LINE_HEIGHT = 15
CHARS_PER_LINE = 22


@dataclass(frozen=True)
class Node:
    id: str
    x: float
    y: float
    width: float
    height: float
    lines: tuple[str, ...]
    kind: str  # "current", "prerequisite", "leads-to" or "topic"


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    path: str  # SVG path data


@dataclass(frozen=True)
class Layout:
    width: float
    height: float
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]


def neighborhood(topic_id: str, metrics: Mapping[str, TopicMetrics], titles: Mapping[str, str]) -> Layout:
    """Three columns: direct prerequisites, the topic, the topics it leads to."""
    width, margin, gap_y, box_w = 640, 4, 12, 184
    columns = [
        ("prerequisite", metrics[topic_id].prerequisites),
        ("current", (topic_id,)),
        ("leads-to", metrics[topic_id].leads_to),
    ]
    heights = [sum(_box_height(titles[i]) + gap_y for i in ids) - gap_y for _, ids in columns]
    height = max(max(heights), 40) + 2 * gap_y
    column_x = (margin, (width - box_w) / 2, width - margin - box_w)
    nodes: list[Node] = []
    for column, ((kind, ids), column_height) in enumerate(zip(columns, heights, strict=True)):
        y = (height - column_height) / 2
        for node_id in ids:
            box_h = _box_height(titles[node_id])
            nodes.append(Node(node_id, column_x[column], y, box_w, box_h, _wrap(titles[node_id]), kind))
            y += box_h + gap_y
    by_id = {n.id: n for n in nodes}
    centre = by_id[topic_id]
    edges = [_horizontal_edge(by_id[p], centre) for p in metrics[topic_id].prerequisites]
    edges += [_horizontal_edge(centre, by_id[c]) for c in metrics[topic_id].leads_to]
    return Layout(width, height, tuple(nodes), tuple(edges))


Sides = tuple[dict[str, list[str]], dict[str, list[str]]]  # each node's neighbours above, below

LANE_WIDTH = 8  # the room a long arrow takes where it passes through a row
LANE_GAP = 2  # between two such arrows side by side


# The last course map laid out (ordering its rows takes about a second at 1,000 topics): a `mkdocs serve`
# rebuild after an edit that left the graph and titles as they were takes it.
_LAYERED: LastRound[Layout] = LastRound()


def layered(graph: nx.DiGraph, metrics: Mapping[str, TopicMetrics], titles: Mapping[str, str]) -> Layout:
    """The whole course, one row per depth, ordered within rows to reduce edge crossings.

    An arrow that skips rows passes each row it crosses through a lane of its own, placed and ordered
    like a box (a waypoint), so it runs between boxes and never behind one.
    """
    key = (tuple(sorted(graph.edges)), tuple(sorted((node, metrics[node].depth) for node in graph)),
           tuple(sorted(titles.items())))
    _LAYERED.new_round()
    return _LAYERED.get(key, lambda: _layered(graph, metrics, titles))


def _layered(graph: nx.DiGraph, metrics: Mapping[str, TopicMetrics], titles: Mapping[str, str]) -> Layout:
    box_w, gap_x, row_gap = 150, 14, 46
    depth = {node: metrics[node].depth for node in graph}
    routed = nx.DiGraph()
    routed.add_nodes_from(graph.nodes)
    chains: dict[tuple[str, str], list[str]] = {}
    for u, v in sorted(graph.edges):
        # Topic ids are lower-case words and hyphens, so a waypoint's name cannot be a topic's.
        chain = [u, *(f"{u}>{v}@{d}" for d in range(depth[u] + 1, depth[v])), v]
        nx.add_path(routed, chain)
        chains[(u, v)] = chain
    rows: dict[int, list[str]] = {}
    for node in sorted(graph.nodes):
        rows.setdefault(depth[node], []).append(node)
    for chain in chains.values():
        for d, waypoint in enumerate(chain[1:-1], start=depth[chain[0]] + 1):
            rows[d].append(waypoint)
    layers = [rows[d] for d in sorted(rows)]
    _order_by_barycentre(routed, layers)

    def item_width(node: str) -> float:
        return box_w if node in graph else LANE_WIDTH

    def gap(left: str, right: str) -> float:
        # Lanes side by side are a bundle of arrows: closer together than boxes need to be.
        return LANE_GAP if left not in graph and right not in graph else gap_x

    row_widths = [sum(item_width(n) for n in layer) + sum(gap(a, b) for a, b in itertools.pairwise(layer))
                  for layer in layers]
    width = max(row_widths) + 2 * gap_x
    row_h = max(_box_height(t) for t in titles.values())
    nodes: list[Node] = []
    lane_x: dict[str, float] = {}
    for d, (layer, row_width) in enumerate(zip(layers, row_widths, strict=True)):
        x = (width - row_width) / 2
        y = gap_x + d * (row_h + row_gap)
        for node_id, following in itertools.zip_longest(layer, layer[1:]):
            if node_id in graph:
                nodes.append(Node(node_id, x, y, box_w, row_h, _wrap(titles[node_id]), "topic"))
            else:
                lane_x[node_id] = x + LANE_WIDTH / 2
            x += item_width(node_id) + (gap(node_id, following) if following else 0)
    by_id = {n.id: n for n in nodes}
    edges = tuple(_routed_edge(by_id[u], by_id[v], [lane_x[w] for w in chains[(u, v)][1:-1]], row_h, row_gap)
                  for u, v in sorted(graph.edges))
    height = gap_x * 2 + len(layers) * (row_h + row_gap) - row_gap
    return Layout(width, height, tuple(nodes), edges)


def _order_by_barycentre(graph: nx.DiGraph, layers: list[list[str]], sweeps: int = 6) -> None:
    """Reorder each layer by the mean position of its neighbours in the layer above (then below), then
    swap neighbours in a layer where that uncrosses arrows; keep the order with the fewest crossings."""
    best, fewest = [list(layer) for layer in layers], _crossings(graph, layers)
    above, below = sides = _sides(graph)
    for _ in range(sweeps):
        for neighbours, sequence in ((above, layers[1:]), (below, layers[-2::-1])):
            position = {n: i for layer in layers for i, n in enumerate(layer)}
            for layer in sequence:
                def key(node: str, neighbours=neighbours, position=position) -> tuple[float, str]:
                    linked = [position[n] for n in neighbours[node]]
                    return (sum(linked) / len(linked) if linked else position[node], node)
                layer.sort(key=key)
        _transpose(sides, layers)
        if (count := _crossings(graph, layers)) < fewest:
            best, fewest = [list(layer) for layer in layers], count
    layers[:] = best


def _sides(graph: nx.DiGraph) -> Sides:
    """Each node's neighbours in the row above and in the row below (made once: the ordering asks often)."""
    return {n: list(graph.predecessors(n)) for n in graph}, {n: list(graph.successors(n)) for n in graph}


def _pair_crossings(sides: Sides, left: str, right: str, position: Mapping[str, int]) -> tuple[int, int]:
    """Crossings between the arrows of two neighbours in a row: with `left` before `right`, and swapped."""
    kept = swapped = 0
    for neighbours in sides:
        for a in neighbours[left]:
            at = position[a]
            for b in neighbours[right]:
                if position[b] < at:
                    kept += 1
                elif position[b] > at:  # arrows that share an end cross in neither order
                    swapped += 1
    return kept, swapped


def _transpose(sides: Sides, layers: list[list[str]]) -> None:
    """Swap neighbours within rows while a swap removes crossings (rows differ by one depth, so every
    arrow of the routed graph joins adjacent rows)."""
    position = {n: i for layer in layers for i, n in enumerate(layer)}
    # A pair's crossings change only when a neighbour of one of its nodes swaps with a neighbour of the
    # other, which moves a neighbour of `left`: a pair not worth swapping is not counted again until then.
    # The same swaps as counting every pair on every pass; 9 times faster at 1,000 topics.
    moves = dict.fromkeys(sides[0], 0)  # swaps among each node's neighbours so far
    settled: dict[tuple[str, str], int] = {}
    improved = True
    while improved:
        improved = False
        for layer in layers:
            for i in range(len(layer) - 1):
                left, right = layer[i], layer[i + 1]
                if settled.get((left, right)) == moves[left]:
                    continue
                kept, swapped = _pair_crossings(sides, left, right, position)
                if swapped < kept:
                    layer[i], layer[i + 1] = right, left
                    position[left], position[right] = i + 1, i
                    for neighbours in sides:
                        for moved in (*neighbours[left], *neighbours[right]):
                            moves[moved] += 1
                    improved = True
                else:
                    settled[(left, right)] = moves[left]


def _crossings(graph: nx.DiGraph, layers: list[list[str]]) -> int:
    """Crossings of the arrows between each pair of adjacent rows."""
    position = {n: i for layer in layers for i, n in enumerate(layer)}
    count = 0
    for upper in layers[:-1]:
        ends = sorted((position[u], position[v]) for u in upper for v in graph.successors(u))
        # Two arrows cross when one starts left of the other and ends right of it: for each group of arrows
        # leaving one box, count the arrows from boxes further left that end further right.
        ending: list[int] = []  # where the arrows from boxes further left end, in order
        for _, group in itertools.groupby(ends, key=lambda end: end[0]):
            targets = [target for _, target in group]
            count += sum(len(ending) - bisect.bisect_right(ending, target) for target in targets)
            for target in targets:
                bisect.insort(ending, target)
    return count


def _wrap(title: str) -> tuple[str, ...]:
    return tuple(textwrap.wrap(title, CHARS_PER_LINE)) or (title,)


def _box_height(title: str) -> float:
    return len(_wrap(title)) * LINE_HEIGHT + 16


def _horizontal_edge(a: Node, b: Node) -> Edge:
    x1, y1, x2, y2 = a.x + a.width, a.y + a.height / 2, b.x, b.y + b.height / 2
    mid = (x1 + x2) / 2
    return Edge(a.id, b.id, f"M{x1:.1f},{y1:.1f} C{mid:.1f},{y1:.1f} {mid:.1f},{y2:.1f} {x2:.1f},{y2:.1f}")


def _routed_edge(a: Node, b: Node, lanes: list[float], row_h: float, row_gap: float) -> Edge:
    """From the bottom of `a` to the top of `b`: a curve across each gap between rows, and a straight
    line down the arrow's lane through each row in between."""
    x, y = a.x + a.width / 2, a.y + a.height
    path = f"M{x:.1f},{y:.1f}"
    for lane in lanes:
        path += _curve_down(x, y, lane, y + row_gap) + f" L{lane:.1f},{y + row_gap + row_h:.1f}"
        x, y = lane, y + row_gap + row_h
    return Edge(a.id, b.id, path + _curve_down(x, y, b.x + b.width / 2, b.y))


def _curve_down(x1: float, y1: float, x2: float, y2: float) -> str:
    mid = (y1 + y2) / 2
    return f" C{x1:.1f},{mid:.1f} {x2:.1f},{mid:.1f} {x2:.1f},{y2:.1f}"
