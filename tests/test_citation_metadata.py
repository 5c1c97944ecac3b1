"""A scholar's reference manager can cite a topic page from the page itself: its <meta> tags (Highwire
Press and Dublin Core, which Zotero, Mendeley and EndNote read) say what "Cite this page" says."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from sitebuild import ROOT, as_built

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

    # One citation_reference per work the page cites, in the form Zotero's translator splits.
    blocks = re.findall(r"\[[^\]]*@[^\]]*\]", as_built(topic.body))  # the arms-control record's citations too
    cited = dict.fromkeys(re.findall(r"@([\w-]+)", " ".join(blocks)))
    references = [tag["content"] for tag in soup.find_all("meta", attrs={"name": "citation_reference"})]
    assert len(references) == len(cited)
    assert all(ref.startswith("citation_title=") and "citation_publication_date=" in ref for ref in references)

    # Link previews (Open Graph) and schema.org's LearningResource.
    assert soup.find("meta", property="og:title")["content"] == topic.title
    assert soup.find("meta", property="og:description")["content"] == topic.description
    (block,) = soup.find_all("script", type="application/ld+json")
    data = json.loads(block.string)
    assert data["@type"] == "LearningResource" and data["name"] == topic.title and data["url"] == url
    assert data["timeRequired"] == f"PT{topic.reading_minutes}M" and data["educationalLevel"] == topic.level
    assert data["isPartOf"]["@type"] == "Course" and len(data["citation"]) == len(cited)


def test_other_pages_do_not_pose_as_citable_works(site: Path) -> None:
    for page in ("index.html", "graph/index.html", "works-cited/index.html", "paths/hotline/index.html"):
        soup = BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")
        assert _meta(soup, "citation_title") is None, page
