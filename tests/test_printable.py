"""The print edition: every topic once, each after its prerequisites, with in-page links."""

from __future__ import annotations

import json
from pathlib import Path

from bs4 import BeautifulSoup
from topicfactory import write_topic

from topicgraph.load import load_topics
from topicgraph.printable import printable_body


def test_ids_are_prefixed_and_links_stay_inside_the_page(tmp_path) -> None:
    body = ("## Core idea {#core-idea}\n\nSee [b](b.md), [its part](b.md#explainer), [here](#core-idea),\n"
            "[the map](../graph.md), a citation [@herz1950] and <a id=\"old\"></a>.\n\n### Detail {#detail}\n")
    write_topic(tmp_path, "a", body=body)
    (topic,) = load_topics(tmp_path)[0]
    printed = printable_body(topic, {"a", "b"})
    assert "### Core idea {#a--core-idea}" in printed and "#### Detail {#a--detail}" in printed
    assert "[b](#b)" in printed and "[its part](#b)" in printed  # to the topic: its sections are checked there
    assert "[here](#a)" in printed and "the map, a citation [@herz1950]" in printed
    assert 'id="a--old"' in printed


def test_print_page_has_every_topic_in_reading_order(site: Path) -> None:
    graph = json.loads((site / "graph.json").read_text())
    soup = BeautifulSoup((site / "print" / "index.html").read_text(encoding="utf-8"), "html.parser")
    order = [h["id"] for h in soup.select("h2.sd-print-topic") if h["id"] != "references"]
    assert sorted(order) == sorted(node["id"] for node in graph["nodes"])
    position = {topic: i for i, topic in enumerate(order)}
    assert all(position[e["from"]] < position[e["to"]] for e in graph["edges"])
    contents = soup.find(id="contents").find_next("ol")
    assert [li.find("a")["href"] for li in contents.find_all("li")] == [f"#{t}" for t in order]
    assert soup.find(id="references").find_next("div", class_="footnote")
