"""The offline build works opened from a folder (file://), search included, with no network at all."""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import Page, expect


def test_search_and_links_work_from_a_folder(page: Page, offline_site: Path) -> None:
    requests: list[str] = []
    errors: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.on("console", lambda msg: msg.type == "error" and errors.append(msg.text))
    page.on("pageerror", lambda exc: errors.append(str(exc)))

    page.goto((offline_site / "index.html").as_uri())
    page.keyboard.press("/")
    page.get_by_role("textbox", name="Search").press_sequentially("Butterfield")
    result = page.locator(".md-search-result__link").first
    expect(result).to_be_visible()
    result.click()
    expect(page).to_have_url(re.compile(r"^file://.*/topics/[a-z-]+\.html"))
    expect(page.locator("article")).to_contain_text("Butterfield")

    page.goto((offline_site / "topics" / "anarchy.html").as_uri())
    page.locator("svg.sd-neighborhood a.sd-graph__node--leads-to").first.click()
    expect(page).to_have_url(re.compile(r"^file://.*/topics/[a-z-]+\.html$"))
    expect(page.locator(".sd-card__facts")).to_be_visible()

    assert errors == []
    assert [url for url in requests if not url.startswith(("file://", "data:", "blob:"))] == []
