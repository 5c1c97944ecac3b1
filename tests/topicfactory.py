"""Tiny valid topic files for tests of the engine."""

from __future__ import annotations

from pathlib import Path

import yaml

QUIZ = [
    {"question": f"Question {n}?", "options": [
        {"text": "Right", "correct": True, "explanation": "Because it is right."},
        {"text": "Wrong", "explanation": "Because it is wrong."},
    ]}
    for n in (1, 2, 3)
]


def front_matter(topic_id: str, prerequisites: list[str] | None = None, **fields: object) -> dict:
    meta = {
        "title": f"Topic {topic_id}",
        "description": f"The core idea of {topic_id}, stated in one sentence for neighbour lists.",
        "level": "undergraduate",
        "part": "Foundations",
        "tags": ["concepts"],
        "prerequisites": prerequisites or [],
        "reflection": "What did you take from this topic, and where would you apply it?",
        "quiz": QUIZ,
    }
    meta.update(fields)
    return {k: v for k, v in meta.items() if v is not None}


def write_topic(docs: Path, topic_id: str, prerequisites: list[str] | None = None,
                body: str = "## Core idea {#core-idea}\n\nText.\n", **fields: object) -> Path:
    path = docs / "topics" / f"{topic_id}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    meta = yaml.safe_dump(front_matter(topic_id, prerequisites, **fields), sort_keys=False)
    path.write_text(f"---\n{meta}---\n\n{body}", encoding="utf-8")
    return path


def write_graph(docs: Path, edges: dict[str, list[str]]) -> None:
    """edges: topic id -> its direct prerequisites."""
    for topic_id, prerequisites in edges.items():
        write_topic(docs, topic_id, prerequisites)
