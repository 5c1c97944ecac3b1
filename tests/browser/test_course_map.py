"""The course map at phone and laptop widths: it opens on its top row, says that it scrolls (with or
without JavaScript), colours topics by part in light and dark mode, and traces a topic's chain."""

from __future__ import annotations

import json
from urllib.request import urlopen

import networkx as nx
import pytest
from playwright.sync_api import Browser, Page, expect

PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1280, "height": 900}


@pytest.fixture(scope="module")
def graph(base_url: str) -> nx.DiGraph:
    with urlopen(f"{base_url}graph.json") as response:
        data = json.load(response)
    g = nx.DiGraph()
    g.add_nodes_from((n["id"], n) for n in data["nodes"])
    g.add_edges_from((e["from"], e["to"]) for e in data["edges"])
    return g


def top_row(graph: nx.DiGraph) -> list[str]:
    return [n for n in graph if graph.nodes[n]["depth"] == 0]


def visible_in_box(page: Page, topic: str) -> bool:
    """Whether the topic's box lies wholly inside the map's scrolling box and the screen."""
    return page.evaluate("""(topic) => {
        const box = document.querySelector('.sd-figure--course .sd-figure__scroll').getBoundingClientRect();
        const node = document.querySelector(`svg.sd-course a[data-topic="${topic}"] rect`).getBoundingClientRect();
        return node.left >= box.left - 1 && node.right <= box.right + 1 && node.left >= 0 && node.right <= innerWidth;
    }""", topic)


def test_on_a_phone_the_map_opens_on_its_top_row_and_says_it_scrolls(page: Page, base_url: str, graph, watch) -> None:
    page.set_viewport_size(PHONE)
    page.goto(f"{base_url}graph/")
    scroller = page.locator(".sd-figure--course .sd-figure__scroll")
    assert scroller.evaluate("el => el.scrollWidth > el.clientWidth"), "the map is wider than a phone"
    expect(page.locator(".sd-figure__hint")).to_be_visible()
    scroller.scroll_into_view_if_needed()
    for topic in top_row(graph):
        assert visible_in_box(page, topic), f"{topic} (top row) is off-screen when the map opens"
    watch.assert_clean()


def test_after_instant_navigation_the_map_opens_on_its_top_row_and_traces(page: Page, base_url: str,
                                                                          graph, watch) -> None:
    page.set_viewport_size(PHONE)
    page.goto(f"{base_url}topics/anarchy/")
    page.locator("article a[href$='/graph/']").first.click()  # Material swaps the page in place
    expect(page).to_have_url(f"{base_url}graph/")
    expect(page.locator("svg.sd-course")).to_be_visible()
    page.locator(".sd-figure--course .sd-figure__scroll").scroll_into_view_if_needed()
    for topic in top_row(graph):
        assert visible_in_box(page, topic), f"{topic} (top row) is off-screen after instant navigation"
    page.locator("svg.sd-course a[data-topic='security-dilemma']").focus()
    expect(page.locator("svg.sd-course")).to_have_class("sd-graph sd-course sd-graph--tracing")
    watch.assert_clean()


def test_without_javascript_the_map_is_readable_and_scrolls(browser: Browser, base_url: str, graph) -> None:
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{base_url}graph/")
    scroller = page.locator(".sd-figure--course .sd-figure__scroll")
    expect(page.locator("svg.sd-course")).to_be_visible()
    expect(page.locator(".sd-figure__hint")).to_be_visible()
    expect(page.locator("svg.sd-course a[data-topic]")).to_have_count(graph.number_of_nodes())
    scale = page.locator("svg.sd-course").evaluate("s => s.getBoundingClientRect().width / s.viewBox.baseVal.width")
    assert scale > 0.99, "drawn at full size (12 px titles), not shrunk to fit a phone"
    scroller.evaluate("el => { el.scrollLeft = el.scrollWidth; }")
    assert scroller.evaluate("el => el.scrollLeft") > 0, "it scrolls sideways"
    # The shading that shows more to one side is painted by CSS alone.
    assert "gradient" in scroller.evaluate("el => getComputedStyle(el).backgroundImage")
    context.close()


def test_on_a_laptop_the_map_needs_no_hint(page: Page, base_url: str) -> None:
    page.set_viewport_size(LAPTOP)
    page.goto(f"{base_url}graph/")
    expect(page.locator(".sd-figure__hint")).to_be_hidden()


def _luminance(rgb: list[int]) -> float:
    channels = [c / 255 for c in rgb]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(a: list[int], b: list[int]) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_parts_have_distinct_colours_that_stand_out_from_the_page(page: Page, base_url: str, graph,
                                                                    scheme: str, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    page.emulate_media(color_scheme=scheme)
    page.goto(f"{base_url}graph/")
    colours = page.evaluate("""() => {
        const rgb = (c) => c.match(/\\d+(\\.\\d+)?/g).slice(0, 3).map(Number);
        const out = {};
        for (const node of document.querySelectorAll('svg.sd-course a[data-topic]'))
            out[node.dataset.topic] = rgb(getComputedStyle(node.querySelector('.sd-graph__band')).fill);
        const legend = [...document.querySelectorAll('.sd-legend li')].map(li =>
            [li.textContent.trim(), rgb(getComputedStyle(li.querySelector('.sd-legend__swatch')).backgroundColor)]);
        const page = rgb(getComputedStyle(document.body).backgroundColor);
        return {nodes: out, legend, page};
    }""")
    by_part: dict[str, set[tuple[int, ...]]] = {}
    for topic, rgb in colours["nodes"].items():
        by_part.setdefault(graph.nodes[topic]["part"], set()).add(tuple(rgb))
    assert all(len(c) == 1 for c in by_part.values()), "one colour per part"
    assert len({next(iter(c)) for c in by_part.values()}) == len(by_part), "a different colour for each part"
    assert {name: tuple(rgb) for name, rgb in colours["legend"]} == {p: next(iter(c)) for p, c in by_part.items()}
    for part, (rgb,) in ((p, tuple(c)) for p, c in by_part.items()):
        assert _contrast(list(rgb), colours["page"]) >= 3, f"{part} in {scheme} mode: too faint on the page"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_pointing_at_a_topic_traces_what_it_needs_and_what_it_leads_to(page: Page, base_url: str, graph,
                                                                         scheme: str, watch) -> None:
    page.set_viewport_size(LAPTOP)
    page.emulate_media(color_scheme=scheme)
    page.goto(f"{base_url}graph/")
    topic = "spiral-model"
    chain = nx.ancestors(graph, topic) | nx.descendants(graph, topic) | {topic}
    page.locator(f"svg.sd-course a[data-topic='{topic}']").hover()
    traced = page.evaluate("[...document.querySelectorAll('.sd-graph__node--traced')].map(n => n.dataset.topic)")
    assert set(traced) == chain
    edges = page.evaluate("[...document.querySelectorAll('.sd-graph__edge--traced')]"
                          ".map(e => [e.dataset.from, e.dataset.to])")
    up, down = nx.ancestors(graph, topic) | {topic}, nx.descendants(graph, topic) | {topic}
    expected = {(u, v) for u, v in graph.edges if {u, v} <= up or {u, v} <= down}
    assert {tuple(e) for e in edges} == expected
    page.mouse.move(0, 0)
    expect(page.locator(".sd-graph__node--traced")).to_have_count(0)
    watch.assert_clean()


def test_keyboard_focus_on_a_topic_traces_its_chain(page: Page, base_url: str, graph) -> None:
    page.set_viewport_size(PHONE)
    page.goto(f"{base_url}graph/")
    page.locator(".sd-figure--course .sd-figure__scroll").focus()
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.dataset.topic")
    assert focused in graph, "Tab moves from the map's box to its first topic"
    chain = nx.ancestors(graph, focused) | nx.descendants(graph, focused) | {focused}
    expect(page.locator(".sd-graph__node--traced")).to_have_count(len(chain))
    page.keyboard.press("Tab")
    following = page.evaluate("document.activeElement.dataset.topic")
    assert following in graph and following != focused
    chain = nx.ancestors(graph, following) | nx.descendants(graph, following) | {following}
    expect(page.locator(".sd-graph__node--traced")).to_have_count(len(chain))
