"""Every figure the site states twice says the same thing in both places.

A topic's card, its prerequisite chain and its connection lists state depth, downstream count,
prerequisite counts and reading minutes; the topic's reading path, graph.json and the other topics'
pages state them again. A reader who meets two different numbers trusts neither.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from topicgraph.load import load_topics

ROOT = Path(__file__).resolve().parents[1]
TOPICS, _ = load_topics(ROOT / "docs")
IDS = sorted(t.id for t in TOPICS)


@pytest.fixture(scope="module")
def graph(site: Path) -> dict:
    data = json.loads((site / "graph.json").read_text(encoding="utf-8"))
    return {"nodes": {node["id"]: node for node in data["nodes"]}, "edges": data["edges"]}


def text_of(site: Path, url: str) -> str:
    html = (site / url / "index.html").read_text(encoding="utf-8")
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.mark.parametrize("topic_id", IDS)
def test_a_topic_page_and_its_reading_path_agree(site: Path, graph: dict, topic_id: str) -> None:
    node = graph["nodes"][topic_id]
    page = text_of(site, f"topics/{topic_id}")
    card = re.search(r"Depth (\d+) in the knowledge graph · Unlocks (\d+) downstream topics? · (\d+) min read", page)
    assert card, "no topic card"
    assert (int(card[1]), int(card[2]), int(card[3])) == (node["depth"], node["unlocks"], node["reading_minutes"])
    chain = re.search(r"Longest chain: (\d+) topics?, this one included \(depth (\d+)\) · (\d+) total prerequisite "
                      r"topics?", page)
    assert (int(chain[1]), int(chain[2]), int(chain[3])) == (node["depth"] + 1, node["depth"],
                                                             node["prerequisites_total"])
    prerequisites = [e["from"] for e in graph["edges"] if e["to"] == topic_id]
    leads_to = [e["to"] for e in graph["edges"] if e["from"] == topic_id]
    assert f"Prerequisites ({len(prerequisites)})" in page and f"Leads to ({len(leads_to)})" in page
    path = text_of(site, f"paths/{topic_id}")
    listed = re.search(r"(\d+) topics? · about (\d+) minutes of reading", path)
    # The path lists every prerequisite and the topic itself, and adds up their minutes.
    assert int(listed[1]) == node["prerequisites_total"] + 1
    if node["prerequisites_total"]:
        minutes = re.search(r"Reading path: everything this topic requires, in order \( ?(\d+) min ?\)", page)
        assert minutes and int(minutes[1]) == int(listed[2])
        # The card says the same, before the reader has scrolled: what to read first, and the whole path.
        first = re.search(r"Reading path to this topic: (\d+) topics in order, (\d+) min", page)
        assert first and (int(first[1]), int(first[2])) == (int(listed[1]), int(listed[2]))
        listing = BeautifulSoup((site / "paths" / topic_id / "index.html").read_text(encoding="utf-8"),
                                "html.parser").select_one("article ol")
        required = {a["href"].split("/")[-2] for a in listing.select("li > a")}
        assert len(required) == int(listed[1]) and topic_id in required
        assert int(listed[2]) == sum(graph["nodes"][i]["reading_minutes"] for i in required)


def test_the_course_map_and_the_syllabus_agree_with_graph_json(site: Path, graph: dict) -> None:
    course_map = text_of(site, "graph")
    for depth in {node["depth"] for node in graph["nodes"].values()}:
        assert f"Depth {depth}" in course_map
    assert f"The course's {len(graph['nodes'])} topics and {len(graph['edges'])} prerequisite links" in course_map
    syllabus = (site / "syllabus" / "index.html").read_text(encoding="utf-8")
    for topic_id, node in graph["nodes"].items():
        checkbox = re.search(rf'data-topic="{topic_id}"[^>]*data-minutes="(\d+)" data-depth="(\d+)"', syllabus)
        assert checkbox and (int(checkbox[1]), int(checkbox[2])) == (node["reading_minutes"], node["depth"])
