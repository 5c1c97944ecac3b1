"""The machine-readable export of the course graph (site/graph.json)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .course import Course


def graph_json(course: Course, url_for: Callable[[str], str]) -> dict[str, Any]:
    """Nodes in reading order and prerequisite edges, as DESIGN.md specifies.

    Arguments:
        url_for: topic id -> the topic's URL (absolute or site-relative, as the caller prefers).
    """
    order = sorted(course.topics, key=lambda i: (course.metrics[i].depth, i))
    nodes = []
    for topic_id in order:
        topic, metrics = course.topics[topic_id], course.metrics[topic_id]
        nodes.append({
            "id": topic_id,
            "title": topic.title,
            "url": url_for(topic_id),
            "level": topic.level,
            "part": topic.part,
            "tags": list(topic.tags),
            "depth": metrics.depth,
            "unlocks": metrics.unlocks,
            "prerequisites_total": metrics.prerequisites_total,
            "reading_minutes": topic.reading_minutes,
        })
    edges = [{"from": u, "to": v} for u, v in sorted(course.graph.edges)]
    return {"nodes": nodes, "edges": edges}
