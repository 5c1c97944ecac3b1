"""Geometry for the graph pictures: where each node box and edge goes. Templates draw the SVG."""

from __future__ import annotations

import textwrap
from collections.abc import Mapping
from dataclasses import dataclass

import networkx as nx

from .metrics import TopicMetrics

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


def layered(graph: nx.DiGraph, metrics: Mapping[str, TopicMetrics], titles: Mapping[str, str]) -> Layout:
    """The whole course, one row per depth, ordered within rows to reduce edge crossings."""
    box_w, gap_x, row_gap = 150, 14, 46
    rows: dict[int, list[str]] = {}
    for node in sorted(graph.nodes):
        rows.setdefault(metrics[node].depth, []).append(node)
    layers = [rows[d] for d in sorted(rows)]
    _order_by_barycentre(graph, layers)
    row_h = max(_box_height(t) for t in titles.values())
    width = max(len(layer) for layer in layers) * (box_w + gap_x) + gap_x
    nodes: list[Node] = []
    for depth, layer in enumerate(layers):
        offset = (width - len(layer) * (box_w + gap_x) + gap_x) / 2
        y = gap_x + depth * (row_h + row_gap)
        for i, node_id in enumerate(layer):
            nodes.append(Node(node_id, offset + i * (box_w + gap_x), y, box_w, row_h, _wrap(titles[node_id]), "topic"))
    by_id = {n.id: n for n in nodes}
    edges = tuple(_vertical_edge(by_id[u], by_id[v]) for u, v in sorted(graph.edges))
    height = gap_x * 2 + len(layers) * (row_h + row_gap) - row_gap
    return Layout(width, height, tuple(nodes), edges)


def _order_by_barycentre(graph: nx.DiGraph, layers: list[list[str]], sweeps: int = 4) -> None:
    """Reorder each layer by the mean position of its neighbours in the layer above (then below)."""
    for _ in range(sweeps):
        for neighbours, sequence in ((graph.predecessors, layers[1:]), (graph.successors, layers[-2::-1])):
            position = {n: i for layer in layers for i, n in enumerate(layer)}
            for layer in sequence:
                def key(node: str, neighbours=neighbours, position=position) -> tuple[float, str]:
                    linked = [position[n] for n in neighbours(node)]
                    return (sum(linked) / len(linked) if linked else position[node], node)
                layer.sort(key=key)


def _wrap(title: str) -> tuple[str, ...]:
    return tuple(textwrap.wrap(title, CHARS_PER_LINE)) or (title,)


def _box_height(title: str) -> float:
    return len(_wrap(title)) * LINE_HEIGHT + 16


def _horizontal_edge(a: Node, b: Node) -> Edge:
    x1, y1, x2, y2 = a.x + a.width, a.y + a.height / 2, b.x, b.y + b.height / 2
    mid = (x1 + x2) / 2
    return Edge(a.id, b.id, f"M{x1:.1f},{y1:.1f} C{mid:.1f},{y1:.1f} {mid:.1f},{y2:.1f} {x2:.1f},{y2:.1f}")


def _vertical_edge(a: Node, b: Node) -> Edge:
    x1, y1, x2, y2 = a.x + a.width / 2, a.y + a.height, b.x + b.width / 2, b.y
    mid = (y1 + y2) / 2
    return Edge(a.id, b.id, f"M{x1:.1f},{y1:.1f} C{x1:.1f},{mid:.1f} {x2:.1f},{mid:.1f} {x2:.1f},{y2:.1f}")
