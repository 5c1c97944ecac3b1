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


def test_the_course_scripts_run_from_a_folder(page: Page, offline_site: Path) -> None:
    """Progress, the card's controls and the folded quiz work from file:// as they do when served.

    Material's instant navigation, enabled for the published site, ends `document$` at once when a
    page is opened from a folder; the offline build leaves it out, so the course's scripts start.
    """
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto((offline_site / "topics" / "anarchy.html").as_uri())
    know = page.locator(".sd-card__know")
    expect(know).to_be_visible()
    know.click()
    expect(know).to_have_attribute("aria-pressed", "true")
    page.get_by_text("Quiz me anyway").click()
    expect(page.locator(".sd-quiz__question").first).to_be_visible()
    page.reload()
    expect(know).to_have_attribute("aria-pressed", "true")
    assert errors == []
