"""What a reference manager saves from a topic page, read the way Zotero's Embedded Metadata translator
reads a page's <head>: Highwire Press `citation_*` tags first, Dublin Core and Open Graph where those
are missing, then schema.org JSON-LD. A pure-Python reading of the built HTML (html.parser), so a
change to the tags that would make Zotero save a wrong or thinner record fails here."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from sitebuild import ROOT

from topicgraph.load import load_topics

TOPICS, _ = load_topics(ROOT / "docs")
SITE_NAME = re.search(r'^site_name: "(.*)"$', (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.M)[1]
SITE_AUTHOR = re.search(r"^site_author: (.*)$", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.M)[1]


class HeadReader(HTMLParser):
    """The <head> as the translator sees it: every <meta> by name or property (case-insensitive, as
    Zotero matches them), the canonical link, and the JSON-LD blocks."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, list[str]] = defaultdict(list)
        self.canonical: str | None = None
        self.json_ld: list[object] = []
        self._in_json_ld = False
        self._in_head = True

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        if tag == "body":
            self._in_head = False
        elif tag == "meta" and self._in_head:
            key = attributes.get("name") or attributes.get("property")
            if key and "content" in attributes:
                self.meta[key.lower()].append(attributes["content"])
        elif tag == "link" and attributes.get("rel") == "canonical":
            self.canonical = attributes.get("href")
        elif tag == "script" and attributes.get("type") == "application/ld+json":
            self._in_json_ld = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_json_ld = False

    def handle_data(self, data: str) -> None:
        if self._in_json_ld and data.strip():
            self.json_ld.append(json.loads(data))


def zotero_item(html: str) -> dict[str, object]:
    """The item Zotero would save: each field from the first source that has it."""
    head = HeadReader()
    head.feed(html)
    meta = head.meta

    def first(*names: str) -> str | None:
        return next((meta[name][0] for name in names if meta.get(name)), None)

    ld = next((block for block in head.json_ld if isinstance(block, dict)), {})
    authors = meta.get("citation_author") or meta.get("dc.creator") or []
    if not authors and isinstance(ld.get("author"), dict):
        authors = [ld["author"]["name"]]
    date = first("citation_publication_date", "citation_date", "dc.date", "article:published_time")
    return {
        "itemType": "webpage",
        "title": first("citation_title", "dc.title", "og:title") or ld.get("name"),
        "creators": authors,
        "date": date.replace("/", "-") if date else ld.get("dateModified"),
        "websiteTitle": first("citation_publisher", "og:site_name", "dc.publisher")
        or (ld.get("isPartOf") or {}).get("name"),
        "url": first("citation_public_url", "citation_fulltext_html_url", "og:url", "dc.identifier")
        or head.canonical or ld.get("url"),
        "language": first("citation_language", "dc.language", "og:locale"),
        "abstractNote": first("citation_abstract", "dc.description", "og:description", "description"),
        "pdf": first("citation_pdf_url"),
        "references": meta.get("citation_reference", []),
        "json_ld": ld,
    }


def works_cited_on_page(soup: BeautifulSoup) -> int:
    references = soup.find(id="references")
    footnotes = references.find_next("div", class_="footnote") if references else None
    return len(footnotes.select(":scope > ol > li")) if footnotes else 0


@pytest.mark.parametrize("topic", TOPICS, ids=lambda t: t.id)
def test_zotero_saves_the_page_as_the_page_cites_itself(site: Path, topic) -> None:
    html = (site / "topics" / topic.id / "index.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "html.parser")
    item = zotero_item(html)
    updated = re.search(r"Last updated (\d{4}-\d{2}-\d{2})", soup.select_one(".sd-cite").get_text())[1]
    url = soup.select_one(".sd-cite a")["href"]

    assert item["title"] == topic.title
    assert item["creators"] == [SITE_AUTHOR]
    assert item["date"] == updated
    assert item["websiteTitle"] == SITE_NAME
    assert item["url"] == url == soup.find("link", rel="canonical")["href"]
    assert item["language"] == "en"
    assert item["abstractNote"] == topic.description
    # Every work the page's reference list holds, and no other, as citation_reference and in JSON-LD.
    assert len(item["references"]) == works_cited_on_page(soup) == len(item["json_ld"]["citation"])
    assert item["json_ld"]["name"] == topic.title and item["json_ld"]["url"] == url
    if item["pdf"]:  # a PDF edition, where the build makes one, must be there to fetch
        path = urlsplit(item["pdf"]).path.removeprefix(urlsplit(url).path.split("/topics/")[0])
        assert (site / path.lstrip("/")).is_file(), item["pdf"]


def test_the_reader_falls_back_to_dublin_core_and_open_graph() -> None:
    # The reader itself must be able to fail: with only DC and OG tags it still finds each field,
    # and a page without any gives nothing.
    html = ('<html><head><meta name="DC.title" content="T &amp; U"><meta name="DC.creator" content="A">'
            '<meta property="og:site_name" content="S"><meta property="og:url" content="https://x/"></head>'
            "<body></body></html>")
    item = zotero_item(html)
    assert (item["title"], item["creators"], item["websiteTitle"], item["url"]) == ("T & U", ["A"], "S", "https://x/")
    empty = zotero_item("<html><head></head><body><meta name='citation_title' content='late'></body></html>")
    assert empty["title"] is None and empty["references"] == []
