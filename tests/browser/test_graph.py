"""The graph pictures work in a browser: every node is a link that opens its topic."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_course_map_node_opens_its_topic(page: Page, base_url: str, watch, scheme: str) -> None:
    page.emulate_media(color_scheme=scheme)
    page.goto(f"{base_url}graph/")
    nodes = page.locator("svg.sd-course a")
    expect(nodes).to_have_count(len(page.locator("#by-depth ~ ul > li").all()))
    page.locator("svg.sd-course a[data-topic='spiral-model']").click()
    expect(page).to_have_url(f"{base_url}topics/spiral-model/")
    expect(page.locator("h1")).to_contain_text("spiral model")
    watch.assert_clean()


def test_neighbourhood_picture_after_instant_navigation(page: Page, base_url: str, watch) -> None:
    page.goto(f"{base_url}topics/security-dilemma/")
    # An ordinary prose link: Material swaps the page in place (instant navigation).
    page.locator("#ingredients ~ p a[href$='/topics/anarchy/']").first.click()
    expect(page).to_have_url(f"{base_url}topics/anarchy/")
    node = page.locator("svg.sd-neighborhood a[aria-current='page']")
    expect(node).to_have_attribute("data-topic", "anarchy")
    page.locator("svg.sd-neighborhood a.sd-graph__node--leads-to").first.click()
    expect(page).not_to_have_url(re.compile(r"/topics/anarchy/$"))
    expect(page.locator(".sd-card__facts")).to_be_visible()
    watch.assert_clean()
