"""A reader searches the site, follows a result, and the page loads cleanly and privately."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect


def test_search_finds_and_opens_a_topic(page: Page, base_url: str, watch) -> None:
    page.goto(base_url)
    page.keyboard.press("/")  # Material's search shortcut
    search = page.get_by_role("textbox", name="Search")
    expect(search).to_be_focused()
    search.press_sequentially("Butterfield")  # Material searches on key events
    result = page.locator(".md-search-result__link").first
    expect(result).to_be_visible()
    title = result.locator("h1, h2").first.inner_text()
    target = result.get_attribute("href").split("?")[0]
    result.click()
    expect(page).to_have_url(re.compile(re.escape(target)))
    expect(page.locator("article.md-content__inner")).to_contain_text(title)
    expect(page.locator("article.md-content__inner")).to_contain_text("Butterfield")
    watch.assert_clean()
