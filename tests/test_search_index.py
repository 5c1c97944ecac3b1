"""Search finds the prose, not the build's lists: a topic's result shows its text, not its card, and
the course map and syllabus builder do not match every topic title they list."""

from __future__ import annotations

import json
from pathlib import Path

from sitebuild import ROOT

from topicgraph.load import load_topics

TOPICS, _ = load_topics(ROOT / "docs")


def _docs(site: Path) -> list[dict]:
    return json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]


def test_a_topic_result_shows_its_text_not_its_card(site: Path) -> None:
    docs = {doc["location"]: doc for doc in _docs(site)}
    for topic in TOPICS:
        first = docs[f"topics/{topic.id}/"]["text"]
        assert "in the knowledge graph" not in first and "Read first:" not in first, topic.id


def test_the_course_map_and_the_syllabus_do_not_match_every_title(site: Path) -> None:
    for doc in _docs(site):
        if doc["location"].startswith(("graph/", "syllabus/")):
            listed = [t.title for t in TOPICS if t.title in doc["text"]]
            assert listed == [], f"{doc['location']} is indexed with topic titles: {listed[:3]}"
    locations = {doc["location"] for doc in _docs(site)}
    assert {"graph/", "syllabus/"} <= locations, "the pages themselves are still found by their own text"
