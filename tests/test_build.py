"""The real course builds strictly, and its topic pages carry the anatomy of DESIGN.md."""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup

from topicgraph.load import load_topics

ROOT = Path(__file__).resolve().parents[1]

ANATOMY = ("core-idea", "how-to-learn", "explainer", "reflection", "quiz", "references")


def soup(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_build_is_strict_and_silent(build) -> None:
    assert build.returncode == 0
    assert "WARNING" not in build.output and "ERROR" not in build.output, build.output


def test_security_dilemma_page_has_the_topic_anatomy(site: Path) -> None:
    page = soup(site, "topics/security-dilemma")
    for section in ANATOMY:
        assert page.find(id=section), f"missing section #{section}"
    assert page.find("h1").find(string=True, recursive=False).strip() == "The security dilemma"


def test_security_dilemma_page_lists_its_references(site: Path) -> None:
    page = soup(site, "topics/security-dilemma")
    entries = page.select("div.footnote li[id^='fn:']")
    assert len(entries) >= 4
    herz = page.select_one("li#fn\\:herz1950")
    # Typeset once per build and put back in place (topicgraph.typeset, rawhtml.set_aside_footnotes).
    assert "“Idealist Internationalism and the Security Dilemma.”" in herz.text
    assert herz.find("em").text == "World Politics"
    assert herz.p.contents[-1]["class"] == ["footnote-backref"]


def test_no_set_aside_placeholder_is_left_in_any_page(site: Path) -> None:
    for page in site.rglob("*.html"):
        assert "course:html" not in page.read_text(encoding="utf-8"), page


def test_citations_are_author_date_with_locators(site: Path) -> None:
    text = soup(site, "topics/security-dilemma").get_text()
    assert re.search(r"\(Jervis 1978, 170–86\)", text)
    assert "(Herz 1950" in text


def test_page_ranges_use_en_dashes(site: Path) -> None:
    for page in site.rglob("*.html"):
        body = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").find("article")
        if body is not None:
            assert not re.search(r"\d--\d", body.get_text()), page


def test_home_page_links_to_the_first_topic(site: Path) -> None:
    links = [a["href"] for a in soup(site, "").select("article a[href]")]
    assert "topics/security-dilemma/" in links


def test_search_leads_to_topics_not_to_their_generated_copies(site: Path) -> None:
    import json

    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = [doc["location"] for doc in index["docs"]]
    assert any(location.startswith("topics/security-dilemma/") for location in locations)
    assert not [location for location in locations if location.startswith(("print/", "paths/"))]
    # Generated sections repeat other topics' titles on every page: a search would list them all. The
    # quiz would give its answers away, and the reflection repeats its button labels on every topic.
    generated = ("#prerequisite-chain", "#prerequisites", "#leads-to", "#mentioned-in", "#in-the-graph", "#cite",
                 "#quiz", "#reflection")
    assert not [location for location in locations if location.endswith(generated)]
    assert any(location.endswith("#core-idea") for location in locations)
    # The references are set aside during Markdown (rawhtml) and back in place before search reads them.
    references = next(doc for doc in index["docs"] if doc["location"] == "topics/security-dilemma/#references")
    assert "Idealist Internationalism and the Security Dilemma" in references["text"]
    # Quiz answers never reach the index, though search no longer parses the excluded sections at all.
    explanation = load_topics(ROOT / "docs")[0][0].quiz[0].options[0].explanation
    words = " ".join(re.findall(r"[A-Za-z]+", explanation)[:5])
    text = " ".join(re.findall(r"[A-Za-z]+", json.dumps(index, ensure_ascii=False)))
    assert words not in text and "Mark as thought through" not in text


def test_scripts_are_deferred_so_they_never_block_the_first_paint(site: Path) -> None:
    for url in ("", "topics/security-dilemma", "graph"):
        scripts = soup(site, url).select("script[src]")
        assert scripts and all(s.has_attr("defer") for s in scripts), [str(s) for s in scripts]


def test_graph_picture_links_say_they_are_links(site: Path) -> None:
    nodes = soup(site, "graph").select("svg a[data-topic]")
    assert len(nodes) >= 30 and all(n.get("role") == "link" and n.get("xlink:href") for n in nodes)
