"""Build the prerequisite graph and check it: unknown ids, self-prerequisites, cycles, navigation."""

from __future__ import annotations

import difflib
from collections.abc import Collection, Iterable

import networkx as nx

from .errors import Problem
from .model import Topic


def build_graph(topics: Iterable[Topic]) -> nx.DiGraph:
    """A directed graph with an edge prerequisite -> topic for every known prerequisite."""
    topics = list(topics)
    graph = nx.DiGraph()
    for topic in topics:
        graph.add_node(topic.id, topic=topic)
    for topic in topics:
        for prerequisite in topic.prerequisites:
            if prerequisite in graph and prerequisite != topic.id:
                graph.add_edge(prerequisite, topic.id)
    return graph


def validate_graph(topics: list[Topic], graph: nx.DiGraph, unloaded: Collection[str] = ()) -> list[Problem]:
    """Unknown or self prerequisites, and every cycle (printed in full).

    Arguments:
        unloaded: ids of topic files that exist but failed to load. Their own problem is reported, so a
            prerequisite naming one of them is not also called unknown.
    """
    problems = []
    ids = sorted(graph.nodes)
    for topic in topics:
        line = topic.line_of("prerequisites")
        for prerequisite in topic.prerequisites:
            if prerequisite == topic.id:
                problems.append(Problem(topic.file, line, f"'{topic.id}' lists itself as a prerequisite",
                                        f"remove '{topic.id}' from prerequisites"))
            elif prerequisite not in graph and prerequisite not in unloaded:
                close = difflib.get_close_matches(prerequisite, ids, 3)
                fix = (f"did you mean {' or '.join(repr(c) for c in close)}?" if close
                       else f"create docs/topics/{prerequisite}.md or remove it from prerequisites")
                problems.append(Problem(topic.file, line, f"unknown prerequisite '{prerequisite}'", fix))
    for cycle in _cycles(graph):
        first = graph.nodes[cycle[0]]["topic"]
        loop = " -> ".join([*cycle, cycle[0]])
        problems.append(Problem(first.file, first.line_of("prerequisites"),
                                f"prerequisite cycle: {loop}",
                                "a topic cannot (even indirectly) be its own prerequisite; remove one edge"))
    return problems


def validate_navigation(topics: list[Topic], nav: dict[str, str]) -> list[Problem]:
    """Every topic must be in the navigation, under the section named by its `part`.

    Arguments:
        nav: src_uri -> title of the navigation section that lists it.
    """
    problems = []
    for topic in topics:
        section = nav.get(topic.src_uri)
        if section is None:
            problems.append(Problem(topic.file, None, "topic is not in the navigation",
                                    f"add '- {topic.src_uri}' under '{topic.part}' in the nav of mkdocs.yml"))
        elif section != topic.part:
            problems.append(Problem(topic.file, topic.line_of("part"),
                                    f"part is '{topic.part}' but the navigation lists it under '{section}'",
                                    "make the front matter's part and the nav section agree"))
    return problems


def _cycles(graph: nx.DiGraph) -> list[list[str]]:
    """One cycle per strongly connected component, rotated to start at its smallest id."""
    cycles = []
    for component in nx.strongly_connected_components(graph):
        if len(component) < 2:
            continue
        edges = nx.find_cycle(graph.subgraph(component))
        cycle = [u for u, _ in edges]
        start = cycle.index(min(cycle))
        cycles.append(cycle[start:] + cycle[:start])
    return sorted(cycles)
