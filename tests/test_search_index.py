"""Search finds the prose, not the build's lists: a topic's result shows its text, not its card, and
the course map and syllabus builder do not match every topic title they list; words stay apart and
British spellings find American ones."""

from __future__ import annotations

import itertools
import json
import re
from pathlib import Path

from bs4 import BeautifulSoup
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


def test_a_topic_result_summary_is_its_description(site: Path) -> None:
    docs = {doc["location"]: doc for doc in _docs(site)}
    for topic in TOPICS:
        summary = re.sub(r"<[^>]*>", "", docs[f"topics/{topic.id}/"]["text"])
        first_words = " ".join(topic.description.split()[:4])
        assert " ".join(summary.split()).startswith(first_words.replace("'", "’")[:12]), topic.id


def test_table_cells_stay_separate_words_in_the_index(site: Path) -> None:
    texts = {doc["location"].split("#")[0]: "" for doc in _docs(site)}
    for doc in _docs(site):
        texts[doc["location"].split("#")[0]] += " " + re.sub(r"<[^>]*>", " ", doc["text"])
    checked = 0
    for location, text in texts.items():
        html = site / location / "index.html"
        if not location or not html.is_file():
            continue
        for row in BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser").select("article tr"):
            cells = [c.get_text(" ", strip=True) for c in row.find_all(["td", "th"])]
            for left, right in itertools.pairwise(cells):
                if left and right and left.split()[-1].isalpha() and right.split()[0].isalpha():
                    joined = left.split()[-1] + right.split()[0]
                    assert joined not in text.split(), f"{location}: {joined!r}"
                    checked += 1
    assert checked > 20, "tables were found and checked"


def test_a_british_spelling_is_indexed_wherever_the_american_one_is(site: Path) -> None:
    pairs = {"offense": "offence", "defense": "defence", "behavior": "behaviour"}
    found = 0
    for doc in _docs(site):
        words = set(re.findall(r"[a-z]+", doc["text"].lower()))
        for american, british in pairs.items():
            if american in words:
                assert british in words, f"{doc['location']} has {american!r} but not {british!r}"
                found += 1
    assert found > 10
