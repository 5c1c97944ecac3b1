"""The generated parts of every topic page agree with site/graph.json, and graph.json with the sources."""

from __future__ import annotations

import json
import re
from pathlib import Path

import networkx as nx
import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[1]
TOPIC_IDS = sorted(p.stem for p in (ROOT / "docs" / "topics").glob("*.md"))
FIELDS = {"id", "title", "url", "level", "part", "tags", "depth", "unlocks", "prerequisites_total",
          "reading_minutes"}


@pytest.fixture(scope="module")
def graph(site: Path) -> nx.DiGraph:
    data = json.loads((site / "graph.json").read_text(encoding="utf-8"))
    g = nx.DiGraph()
    for node in data["nodes"]:
        assert set(node) == FIELDS
        g.add_node(node["id"], **node)
    g.add_edges_from((e["from"], e["to"]) for e in data["edges"])
    return g


def page(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def section_links(soup: BeautifulSoup, heading_id: str) -> list[str]:
    """Topic ids linked from the list right after a heading (and from its folded rest, if any)."""
    heading = soup.find(id=heading_id)
    listing = heading.find_next_sibling()
    if listing.name != "ul":
        return []
    rest = listing.find_next_sibling()
    folded = rest.select("ul > li > a") if rest is not None and rest.name == "details" else []
    items = listing.select("li > a") + folded
    return [re.sub(r"^\.\./([^/]+)/$", r"\1", a["href"]) for a in items]


def test_graph_json_covers_every_topic_and_is_acyclic(graph: nx.DiGraph) -> None:
    assert sorted(graph.nodes) == TOPIC_IDS
    assert nx.is_directed_acyclic_graph(graph)


@pytest.mark.parametrize("topic_id", TOPIC_IDS)
def test_topic_page_agrees_with_graph_json(site: Path, graph: nx.DiGraph, topic_id: str) -> None:
    node, soup = graph.nodes[topic_id], page(site, f"topics/{topic_id}")
    depth = nx.dag_longest_path_length(graph.subgraph(nx.ancestors(graph, topic_id) | {topic_id}))
    assert node["depth"] == depth
    assert node["prerequisites_total"] == len(nx.ancestors(graph, topic_id))
    assert node["unlocks"] == len(nx.descendants(graph, topic_id))

    card = soup.select_one(".sd-card__facts").get_text(" ", strip=True)
    assert f"Depth {node['depth']} in the knowledge graph" in card
    assert f"Unlocks {node['unlocks']} downstream topic" in card
    assert node["level"].capitalize() in card
    assert [a.get_text() for a in soup.select(".sd-card__tags a")] == node["tags"]

    text = soup.find("article").get_text(" ", strip=True)
    steps = node["depth"] + 1
    assert (f"Longest chain: {steps} topic{'s' if steps != 1 else ''}, this one included (depth {node['depth']})"
            f" · {node['prerequisites_total']} total") in text
    # What to read first is on the card: the direct prerequisites, in reading order, or none.
    first = soup.select_one(".sd-card__first")
    read_first = [a["href"].rstrip("/").split("/")[-1] for a in first.select("a")][:-1] if node["depth"] else []
    assert sorted(read_first) == sorted(graph.predecessors(topic_id))
    assert ("A starting point" in first.get_text()) == (node["depth"] == 0)
    chain = [a["href"] for a in soup.select(".sd-chain a")]
    assert len(chain) == node["depth"]

    assert sorted(section_links(soup, "prerequisites")) == sorted(graph.predecessors(topic_id))
    assert sorted(section_links(soup, "leads-to")) == sorted(graph.successors(topic_id))
    assert soup.find(id="prerequisites").get_text().startswith(f"Prerequisites ({graph.in_degree(topic_id)})")
    assert soup.find(id="leads-to").get_text().startswith(f"Leads to ({graph.out_degree(topic_id)})")


@pytest.mark.parametrize("topic_id", TOPIC_IDS)
def test_neighbourhood_picture_links_every_neighbour(site: Path, graph: nx.DiGraph, topic_id: str) -> None:
    svg = page(site, f"topics/{topic_id}").select_one("svg.sd-neighborhood")
    assert svg.find("title").get_text()  # accessible name
    linked = {a["data-topic"] for a in svg.find_all("a")}
    assert linked == {topic_id} | set(graph.predecessors(topic_id)) | set(graph.successors(topic_id))


def test_mentioned_in_lists_the_topics_whose_prose_links_here(site: Path) -> None:
    """Backlinks come from the links readers see in the rendered prose of other topics."""
    rendered_links: dict[str, set[str]] = {}
    for topic_id in TOPIC_IDS:
        article = str(page(site, f"topics/{topic_id}").find("article"))
        prose = BeautifulSoup(article[: article.index('id="reflection"')], "html.parser")
        for card in prose.select(".sd-card"):
            card.decompose()
        rendered_links[topic_id] = {m.group(1) for a in prose.find_all("a")
                                    if (m := re.match(r"^\.\./([^/#]+)/", a.get("href", "")))}
    for topic_id in TOPIC_IDS:
        expected = sorted(t for t, links in rendered_links.items() if topic_id in links and t != topic_id)
        assert sorted(section_links(page(site, f"topics/{topic_id}"), "mentioned-in")) == expected, topic_id


def prose_text(soup: BeautifulSoup) -> str:
    """A topic's own text as a reader reads it, without its in-text citations: "(Jervis 1976, 170)"."""
    article = str(soup.find("article"))
    prose = BeautifulSoup(article[: article.index('id="reflection"')], "html.parser")
    for generated in prose.select(".sd-card, .sd-goal"):
        generated.decompose()
    for reference in prose.select("sup[id^=fnref]"):
        before = reference.previous_sibling
        if isinstance(before, str):
            before.replace_with(re.sub(r"\s*\([^()]*\)\s*$", "", before))
        reference.decompose()
    for math in prose.select("math"):  # MathML's text, as the quotes give inline TeX ($p > 0.5$)
        math.replace_with("".join(node.get_text() for node in math.select("mi, mn, mo, mtext")))
    return re.sub(r"\s+([.,;:!?)])", r"\1", " ".join(prose.get_text().split()))


MENTIONS_SHOWN = 6  # the rest is folded into a <details>


def test_mentioned_in_quotes_the_sentence_that_links_here(site: Path) -> None:
    """Each backlink shows the source topic's sentence around its link, as plain text, out of search."""
    soups = {topic_id: page(site, f"topics/{topic_id}") for topic_id in TOPIC_IDS}
    texts = {topic_id: prose_text(soup) for topic_id, soup in soups.items()}
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    searchable: dict[str, str] = {}  # topic id -> the text search holds of its page
    for doc in index["docs"]:
        if match := re.match(r"topics/([^/]+)/", doc["location"]):
            searchable[match.group(1)] = searchable.get(match.group(1), "") + " " + doc["text"]
    quoted = 0
    for topic_id in TOPIC_IDS:
        heading = soups[topic_id].find(id="mentioned-in")
        assert heading.has_attr("data-search-exclude")
        shown = heading.find_next_sibling()
        if shown.name != "ul":
            continue
        folded = shown.find_next_sibling()
        items = shown.select(":scope > li")
        assert len(items) <= MENTIONS_SHOWN
        if folded is not None and folded.name == "details":
            assert len(items) == MENTIONS_SHOWN and folded.summary is not None
            items += folded.select("ul > li")
        searched = BeautifulSoup(searchable[topic_id], "html.parser").get_text()
        for item in items:
            source = re.match(r"^\.\./([^/]+)/$", item.a["href"]).group(1)
            quote = item.find("q")
            assert quote is not None, (topic_id, source)
            text = quote.get_text()
            assert not re.search(r"[\[\]`{}<>@$]|\*\w", text), (topic_id, source, text)  # no Markdown or TeX left
            # The words in bold are those of a link in the source topic to this one.
            links = soups[source].select(f'article a[href^="../{topic_id}/"]')
            assert quote.strong.get_text() in {" ".join(a.get_text().split()) for a in links}, (topic_id, source)
            if " · " not in text:  # a table's row is quoted with its cells joined
                for fragment in filter(None, (part.strip() for part in text.split("…"))):
                    # Spaces aside: MathML has none between its symbols.
                    assert "".join(fragment.split()) in "".join(texts[source].split()), (topic_id, source, fragment)
            assert text.strip("…“” ")[:60] not in searched, (topic_id, source)  # search finds it in its own topic
            quoted += 1
    assert quoted > 200
    assert not [doc["location"] for doc in index["docs"] if "mentioned-in" in doc["location"]]


def test_generated_lists_typeset_titles_as_markdown_would(site: Path, graph: nx.DiGraph) -> None:
    """The connection lists and reading paths are HTML templates; their titles still get curly quotes."""
    checked = 0
    for topic_id in TOPIC_IDS:
        soup = page(site, f"topics/{topic_id}")
        links = [a for heading in ("prerequisites", "leads-to", "mentioned-in")
                 for a in soup.find(id=heading).find_next_sibling().select("li > a")]
        links += page(site, f"paths/{topic_id}").select("article ol > li > a")
        for a in links:
            title = graph.nodes[re.search(r"/([a-z0-9-]+)/$", a["href"]).group(1)]["title"]
            assert a.get_text() == title.replace("'", "’"), (topic_id, title)
            checked += "'" in title
    assert checked  # some title has an apostrophe (The Prisoner's Dilemma)


def test_reading_paths_list_every_prerequisite_before_the_topic(site: Path, graph: nx.DiGraph) -> None:
    for topic_id in TOPIC_IDS:
        items = page(site, f"paths/{topic_id}").select("article ol > li > a")
        order = [re.sub(r"^\.\./\.\./topics/([^/]+)/$", r"\1", a["href"]) for a in items]
        assert order[-1] == topic_id
        assert set(order) == nx.ancestors(graph, topic_id) | {topic_id}
        position = {t: i for i, t in enumerate(order)}
        assert all(position[u] < position[v] for u, v in graph.subgraph(order).edges)


def test_course_map_links_every_topic(site: Path) -> None:
    soup = page(site, "graph")
    assert {a["data-topic"] for a in soup.select("svg.sd-course a")} == set(TOPIC_IDS)
    links = soup.select("#by-depth ~ ul > li > a:first-child")
    listed = {re.sub(r"^\.\./topics/([^/]+)/$", r"\1", a["href"]) for a in links}
    assert listed == set(TOPIC_IDS)


def test_no_page_has_an_empty_tabindex(site: Path) -> None:
    # The navigation partial wrote tabindex="" on section labels (an HTML error, seven a page).
    pages = list(site.rglob("*.html"))
    assert len(pages) > 40
    assert not [p for p in pages if 'tabindex=""' in p.read_text(encoding="utf-8")]


def test_course_map_colours_every_topic_by_part_with_a_legend(site: Path, graph: nx.DiGraph) -> None:
    soup = page(site, "graph/")
    legend = [li.get_text(strip=True) for li in soup.select(".sd-legend li")]
    parts = {graph.nodes[n]["part"] for n in graph}
    assert sorted(legend) == sorted(parts)
    colour = {li.get_text(strip=True): li.select_one(".sd-legend__swatch")["class"][-1]
              for li in soup.select(".sd-legend li")}
    for node in soup.select("svg.sd-course a[data-topic]"):
        assert colour[graph.nodes[node["data-topic"]]["part"]] in node["class"], node["data-topic"]
