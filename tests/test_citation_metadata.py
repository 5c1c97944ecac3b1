"""A scholar's reference manager can cite a topic page from the page itself: its <meta> tags (Highwire
Press and Dublin Core, which Zotero, Mendeley and EndNote read) say what "Cite this page" says."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from sitebuild import ROOT

from topicgraph.load import load_topics

TOPICS, _ = load_topics(ROOT / "docs")


def _meta(soup: BeautifulSoup, name: str) -> str | None:
    tag = soup.find("meta", attrs={"name": name})
    return tag["content"] if tag else None


@pytest.mark.parametrize("topic", TOPICS, ids=lambda t: t.id)
def test_a_topic_page_carries_its_citation(site: Path, topic) -> None:
    soup = BeautifulSoup((site / "topics" / topic.id / "index.html").read_text(encoding="utf-8"), "html.parser")
    cite = soup.select_one(".sd-cite").get_text(" ", strip=True)
    updated = re.search(r"Last updated (\d{4}-\d{2}-\d{2})", cite)[1]
    url = soup.select_one(".sd-cite a")["href"]
    assert _meta(soup, "citation_title") == _meta(soup, "DC.title") == topic.title
    assert _meta(soup, "citation_publication_date") == updated.replace("-", "/")
    assert _meta(soup, "DC.date") == updated
    assert _meta(soup, "citation_public_url") == _meta(soup, "DC.identifier") == url
    assert url == soup.find("link", rel="canonical")["href"]
    assert _meta(soup, "citation_author") and _meta(soup, "citation_publisher") in cite


def test_other_pages_do_not_pose_as_citable_works(site: Path) -> None:
    for page in ("index.html", "graph/index.html", "works-cited/index.html", "paths/hotline/index.html"):
        soup = BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")
        assert _meta(soup, "citation_title") is None, page
