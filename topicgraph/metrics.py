"""Metrics of the prerequisite graph, exactly as DESIGN.md defines them.

- depth: edges in the longest prerequisite chain that ends at the topic (0 without prerequisites)
- chain: the topics on that longest chain, first prerequisite first, the topic itself last
- prerequisites_total: number of transitive prerequisites
- unlocks: number of transitive downstream topics
- reading_path: all transitive prerequisites in a topological order, then the topic
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx


@dataclass(frozen=True)
class TopicMetrics:
    depth: int
    chain: tuple[str, ...]
    prerequisites_total: int
    unlocks: int
    reading_path: tuple[str, ...]
    prerequisites: tuple[str, ...]  # direct, in reading order
    leads_to: tuple[str, ...]  # direct, in reading order

    @property
    def longest_path_steps(self) -> int:
        """Topics on the longest chain, this one included (N = depth + 1)."""
        return self.depth + 1


def compute_metrics(graph: nx.DiGraph) -> dict[str, TopicMetrics]:
    """Compute every topic's metrics in one pass over an acyclic graph."""
    order = list(nx.lexicographical_topological_sort(graph))
    depth: dict[str, int] = {}
    best_parent: dict[str, str | None] = {}
    for node in order:
        parents = sorted(graph.predecessors(node), key=lambda p: (-depth[p], p))
        depth[node] = depth[parents[0]] + 1 if parents else 0
        best_parent[node] = parents[0] if parents else None
    rank = {node: i for i, node in enumerate(
        nx.lexicographical_topological_sort(graph, key=lambda n: (depth[n], n)))}
    by_rank = rank.__getitem__

    ancestors = _closure(graph, order, graph.predecessors)
    descendants = _closure(graph, list(reversed(order)), graph.successors)
    metrics = {}
    for node in order:
        chain = [node]
        while (parent := best_parent[chain[-1]]) is not None:
            chain.append(parent)
        metrics[node] = TopicMetrics(
            depth=depth[node],
            chain=tuple(reversed(chain)),
            prerequisites_total=len(ancestors[node]),
            unlocks=len(descendants[node]),
            reading_path=(*sorted(ancestors[node], key=by_rank), node),
            prerequisites=tuple(sorted(graph.predecessors(node), key=by_rank)),
            leads_to=tuple(sorted(graph.successors(node), key=by_rank)),
        )
    return metrics


def _closure(graph: nx.DiGraph, order: list[str], neighbours) -> dict[str, frozenset[str]]:
    """Transitive neighbours of every node, reusing the sets of nodes earlier in `order`."""
    closure: dict[str, frozenset[str]] = {}
    for node in order:
        reach: set[str] = set()
        for other in neighbours(node):
            reach.add(other)
            reach |= closure[other]
        closure[node] = frozenset(reach)
    return closure
