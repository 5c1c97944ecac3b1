"""Every page type runs under the site's Content-Security-Policy with no violation at all.

The policy (topicgraph/csp.py) sits in each page as a <meta http-equiv>; a script it blocks would be
a feature that silently stops working for readers, so any `securitypolicyviolation` event fails.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

# Recorded from the first script a page runs, before any of the site's own.
RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => window.__violations.push(
  `${event.violatedDirective} blocked ${event.blockedURI || "inline"} at ${event.sourceFile}:${event.lineNumber}`));
"""
PAGES = ["", "topics/security-dilemma/", "graph/", "syllabus/", "works-cited/", "print/", "paths/hotline/",
         "tags/", "404.html"]


def violations(page: Page) -> list[str]:
    return page.evaluate("window.__violations")


def test_every_page_carries_a_policy_without_unsafe_inline_scripts(page: Page, base_url: str) -> None:
    page.goto(base_url + "topics/hotline/")
    policy = page.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content")
    script_src = next(d for d in policy.split(";") if d.strip().startswith("script-src"))
    assert "'unsafe-inline'" not in script_src and "'unsafe-eval'" not in script_src
    assert "default-src 'self'" in policy and "object-src 'none'" in policy


@pytest.mark.parametrize("path", PAGES)
def test_page_type_runs_without_a_violation(page: Page, base_url: str, watch, path: str) -> None:
    page.add_init_script(RECORD_VIOLATIONS)
    page.goto(base_url + path)
    page.wait_for_load_state("networkidle")
    assert violations(page) == []
    watch.assert_clean()


def test_search_and_instant_navigation_run_without_a_violation(page: Page, base_url: str, watch) -> None:
    page.add_init_script(RECORD_VIOLATIONS)
    page.goto(base_url)
    page.keyboard.press("/")
    page.get_by_role("textbox", name="Search").press_sequentially("hotline")
    result = page.locator(".md-search-result__link").first
    expect(result).to_be_visible()
    result.click()  # instant navigation: the page is swapped in, not loaded
    expect(page.locator(".sd-card__facts")).to_be_visible()
    page.locator("a.md-footer__link--next").click()
    expect(page.locator(".sd-card__facts")).to_be_visible()
    assert page.evaluate("performance.getEntriesByType('navigation').length") == 1
    assert violations(page) == []
    watch.assert_clean()


def test_the_offline_edition_runs_without_a_violation(page: Page, offline_site) -> None:
    page.add_init_script(RECORD_VIOLATIONS)
    errors: list[str] = []
    page.on("console", lambda msg: msg.type == "error" and errors.append(msg.text))
    page.goto((offline_site / "index.html").as_uri())
    page.keyboard.press("/")
    page.get_by_role("textbox", name="Search").press_sequentially("hotline")
    expect(page.locator(".md-search-result__link").first).to_be_visible()
    page.goto((offline_site / "topics" / "hotline.html").as_uri())
    expect(page.locator(".sd-card__facts")).to_be_visible()
    assert violations(page) == []
    assert errors == []
