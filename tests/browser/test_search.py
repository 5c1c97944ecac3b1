"""A reader searches the site, follows a result, and the page loads cleanly and privately."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect


def _index_requests(page: Page) -> list[str]:
    requested: list[str] = []
    page.on("request", lambda request: "search_index.json" in request.url and requested.append(request.url))
    return requested


def test_search_finds_and_opens_a_topic(page: Page, base_url: str, watch) -> None:
    index = _index_requests(page)
    page.goto(base_url, wait_until="networkidle")
    page.wait_for_timeout(500)
    assert not index, "the search index waits until the reader turns to search"
    page.keyboard.press("/")  # Material's search shortcut
    search = page.get_by_role("textbox", name="Search")
    expect(search).to_be_focused()
    search.press_sequentially("Butterfield")  # Material searches on key events
    result = page.locator(".md-search-result__link").first
    expect(result).to_be_visible()
    assert len(index) == 1
    title = result.locator("h1, h2").first.inner_text()
    target = result.get_attribute("href").split("?")[0]
    result.click()
    expect(page).to_have_url(re.compile(re.escape(target)))
    expect(page.locator("article.md-content__inner")).to_contain_text(title)
    expect(page.locator("article.md-content__inner")).to_contain_text("Butterfield")
    watch.assert_clean()


def test_a_result_link_opened_afresh_highlights_the_query(page: Page, base_url: str, watch) -> None:
    index = _index_requests(page)
    page.goto(f"{base_url}topics/origins-of-the-concept/?h=Butterfield")
    expect(page.locator("article.md-content__inner mark").first).to_have_text(re.compile("Butterfield", re.I))
    assert len(index) == 1
    watch.assert_clean()


def test_pointing_at_the_search_box_starts_loading_the_index(page: Page, base_url: str) -> None:
    index = _index_requests(page)
    page.goto(f"{base_url}topics/anarchy/", wait_until="networkidle")
    assert not index
    # Waited for from Python: a polled page function is a string Playwright evals, which the CSP refuses.
    with page.expect_request(lambda request: "search_index.json" in request.url):
        page.get_by_role("textbox", name="Search").hover()
    assert len(index) == 1


def _results(page: Page, query: str) -> list[tuple[str, str]]:
    """(address without query, visible text) of each result, best first."""
    page.keyboard.press("/")
    search = page.get_by_role("textbox", name="Search")
    search.fill("")
    search.press_sequentially(query)
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    page.wait_for_timeout(300)
    items = page.locator(".md-search-result__item > .md-search-result__link")
    return [(items.nth(i).get_attribute("href").split("?")[0], items.nth(i).inner_text())
            for i in range(items.count())]


@pytest.mark.parametrize("width", [390, 1280])
def test_a_topic_comes_first_with_its_description_and_generated_pages_do_not_crowd_it(
        page: Page, base_url: str, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(base_url)
    results = _results(page, "hotline")
    assert results[0][0] == f"{base_url}topics/hotline/"
    assert "Washington–Moscow Direct Communications Link" in results[0][1]
    assert "in the knowledge graph" not in results[0][1]
    top = [address for address, _ in results[:4]]
    assert f"{base_url}graph/" not in top and f"{base_url}syllabus/" not in top


@pytest.mark.parametrize("british, topic", [("offence", "offense-defense-balance"),
                                            ("defence", "defensive-doctrine"),
                                            ("behaviour", None)])
def test_british_spelling_finds_what_the_course_spells_the_american_way(page: Page, base_url: str,
                                                                        british: str, topic: str | None) -> None:
    page.goto(base_url)
    results = _results(page, british)
    assert results, f"nothing found for {british!r}"
    if topic:
        assert f"{base_url}topics/{topic}/" in [address for address, _ in results[:6]]
    # The other spelling is indexed, never shown: the reader sees the text as written.
    assert not any(british in text.lower() and "hidden" in text for _, text in results)
    assert page.locator(".md-search-result span[hidden]").first.is_hidden()
