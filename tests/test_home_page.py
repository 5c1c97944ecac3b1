"""The home page: a heading of its own, where a newcomer starts, and a way in for readers who know the basics."""

from __future__ import annotations

import json
import re
from pathlib import Path

from bs4 import BeautifulSoup


def soup(site: Path, url: str = "") -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_the_home_heading_is_no_topic_s_title(site: Path) -> None:
    graph = json.loads((site / "graph.json").read_text(encoding="utf-8"))
    heading = soup(site).find("h1").get_text(strip=True)
    assert heading and heading.casefold() not in {node["title"].casefold() for node in graph["nodes"]}


def test_where_to_start_lists_the_course_s_starting_points_in_reading_order(site: Path) -> None:
    graph = json.loads((site / "graph.json").read_text(encoding="utf-8"))
    roots = {node["id"]: node for node in graph["nodes"] if node["depth"] == 0}
    home = soup(site)
    start = home.find(id="start")
    assert start is not None and start.name == "h2"
    items = home.select("ul.sd-start > li")
    linked = [re.fullmatch(r"topics/([a-z0-9-]+)/", li.a["href"]).group(1) for li in items]
    assert sorted(linked) == sorted(roots)  # every starting point, and nothing that needs another topic first
    order = [li.a["href"] for li in home.select(".sd-next__all > li")]  # the course's reading order
    assert [order.index(f"topics/{i}/") for i in linked] == sorted(order.index(f"topics/{i}/") for i in linked)
    for li, topic_id in zip(items, linked, strict=True):
        text = " ".join(li.get_text(" ").split())
        assert roots[topic_id]["title"] in text and f"{roots[topic_id]['reading_minutes']} min" in text
        assert roots[topic_id]["level"].capitalize() in text


def test_readers_who_know_the_basics_have_a_way_in_and_a_reading_path(site: Path) -> None:
    home = soup(site)
    section = []
    for element in home.find(id="start").find_next_siblings():
        if element.name == "h2":
            break
        section.append(element)
    links = {a["href"] for element in section for a in element.find_all("a", href=True)}
    assert "topics/security-dilemma/" in links and "paths/security-dilemma/" in links
    text = " ".join(" ".join(e.get_text(" ") for e in section).split())
    assert "New to International Relations?" in text and "Know the basics" in text


def test_export_and_import_share_one_button_style(site: Path) -> None:
    transfer = soup(site).select_one(".sd-transfer")
    export, label = transfer.select_one(".sd-transfer__export"), transfer.select_one(".sd-transfer__import-label")
    assert set(export["class"]) - {"sd-transfer__export"} == set(label["class"]) - {"sd-transfer__import-label"}
