"""The footer's Previous and Next follow the reader's reading path (course.js), and the navigation without it."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import Browser, Page, expect

WIDTHS = (390, 1280)
TARGET = "spiral-model"  # a reading path of several topics, none of them adjacent in the navigation


def footer_link(page: Page, direction: str):
    return page.locator(f"footer .md-footer__link--{direction}")


def path_of(page: Page, base_url: str, topic: str) -> list[list[str]]:
    page.goto(f"{base_url}paths/{topic}/")
    return json.loads(page.locator("ol.sd-path").get_attribute("data-path"))


def nav_footer(browser: Browser, base_url: str, topic: str) -> dict[str, str | None]:
    """The footer as Material writes it (no JavaScript): the addresses of the navigation's previous and next pages."""
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{base_url}topics/{topic}/")
    found = {d: (page.locator(f"footer .md-footer__link--{d}").evaluate("(a) => a.href")
                 if page.locator(f"footer .md-footer__link--{d}").count() else None) for d in ("prev", "next")}
    context.close()
    return found


def expect_on_path(page: Page, direction: str, step: list[str], target_title: str) -> None:
    link = footer_link(page, direction)
    word = "Next" if direction == "next" else "Previous"
    expect(link.locator(".md-footer__direction")).to_have_text(f"{word} on your path to {target_title}")
    expect(link.locator(".md-ellipsis")).to_have_text(step[1])
    expect(link).to_have_attribute("aria-label", f"{word} on your path to {target_title}: {step[1]}")
    assert link.evaluate("(a) => new URL(a.href).pathname").endswith("/" + step[2])


@pytest.mark.parametrize("width", WIDTHS)
def test_from_a_reading_path_the_footer_leads_along_it(page: Page, base_url: str, watch, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 800})
    path = path_of(page, base_url, TARGET)
    title = path[-1][1]
    assert len(path) >= 4
    page.locator("ol.sd-path a").nth(1).click()
    expect(page).to_have_url(re.compile(rf"/topics/{path[1][0]}/$"))
    expect_on_path(page, "prev", path[0], title)
    expect_on_path(page, "next", path[2], title)
    # Material's instant navigation swaps the footer with the page: each new footer follows the path too.
    for at in range(2, len(path)):
        footer_link(page, "next").click()
        expect(page).to_have_url(re.compile(rf"/topics/{path[at][0]}/$"))
        expect_on_path(page, "prev", path[at - 1], title)
    # The path's last topic: its Next is the navigation's again.
    expect(footer_link(page, "next").locator(".md-footer__direction")).to_have_text("Next")
    # Off the path, the footer is Material's.
    page.goto(f"{base_url}topics/hotline/")
    expect(page.locator("footer .sd-footer__link--path")).to_have_count(0)
    watch.assert_clean()


def test_the_goal_s_path_leads_the_footer_until_the_goal_is_cleared(page: Page, base_url: str, browser: Browser,
                                                                     watch) -> None:
    page.goto(f"{base_url}topics/hotline/")
    path = json.loads(page.locator(".sd-card").get_attribute("data-path"))
    page.get_by_role("button", name="Set as goal").click()
    middle = path[len(path) // 2]
    at = path.index(middle)
    page.goto(f"{base_url}topics/{middle[0]}/")
    expect_on_path(page, "prev", path[at - 1], "The hotline")
    expect_on_path(page, "next", path[at + 1], "The hotline")
    page.get_by_role("button", name="Clear goal").click()
    material = nav_footer(browser, base_url, middle[0])
    expect(page.locator("footer .sd-footer__link--path")).to_have_count(0)
    for direction in ("prev", "next"):
        assert footer_link(page, direction).evaluate("(a) => a.href") == material[direction]
        expect(footer_link(page, direction).locator(".md-footer__direction")).to_have_text(
            "Next" if direction == "next" else "Previous")
    watch.assert_clean()


def test_a_footer_without_a_next_page_gets_one_on_a_path(page: Page, base_url: str, browser: Browser) -> None:
    last = "east-asia-security-dilemma"  # the navigation's last topic: Material writes no Next
    assert nav_footer(browser, base_url, last)["next"] is None
    page.goto(f"{base_url}topics/{last}/")
    trail = {"id": "anarchy",
             "path": [[last, "East Asia", f"topics/{last}/"], ["anarchy", "Anarchy", "topics/anarchy/"]]}
    page.evaluate("(trail) => sessionStorage.setItem('sd-course-trail', JSON.stringify(trail))", trail)
    page.reload()
    expect_on_path(page, "next", trail["path"][1], "Anarchy")
    expect(footer_link(page, "next").locator("svg")).to_be_visible()
    footer_link(page, "next").click()
    expect(page).to_have_url(re.compile(r"/topics/anarchy/$"))


def test_without_javascript_the_footer_follows_the_navigation(browser: Browser, base_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{base_url}paths/{TARGET}/")
    page.locator("ol.sd-path a").nth(1).click()
    nav = page.locator("nav.md-nav--primary a.md-nav__link[href]")
    hrefs = [h for h in nav.evaluate_all("(as) => as.map((a) => a.href)") if "#" not in h]
    here = hrefs.index(page.url)
    expect(footer_link(page, "next")).to_have_attribute(
        "href", re.compile(re.escape(hrefs[here + 1].rstrip("/").split("/")[-1]) + "/$"))
    expect(footer_link(page, "next").locator(".md-footer__direction")).to_have_text("Next")
    context.close()
