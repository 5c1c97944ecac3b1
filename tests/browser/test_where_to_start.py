"""The home page on a phone and a laptop, light and dark: where to start, and the progress buttons."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, expect


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [390, 1280])
def test_a_newcomer_sees_where_to_start_and_alike_buttons(browser: Browser, base_url: str, width: int,
                                                          scheme: str) -> None:
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(base_url)
    starts = page.locator("ul.sd-start > li")
    assert starts.count() >= 1
    for i in range(starts.count()):
        box = starts.nth(i).bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= width, (i, box)  # no sideways scrolling
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    # The start list comes before anything else the page asks of the reader.
    assert starts.first.bounding_box()["y"] < page.locator(".sd-progress").bounding_box()["y"]

    # Export (a button) and Import (a label over a file input) look the same.
    style = "(e) => { const s = getComputedStyle(e); return [s.fontSize, s.fontWeight, s.fontFamily, s.lineHeight, " \
            "s.paddingTop, s.paddingLeft, s.borderTopWidth, s.borderTopColor, s.color, s.backgroundColor, " \
            "e.getBoundingClientRect().height]; }"
    export = page.get_by_role("button", name="Export progress")
    expect(export).to_be_visible()
    assert export.evaluate(style) == page.locator(".sd-transfer__import-label").evaluate(style)

    starts.first.locator("a").click()
    expect(page).to_have_url(re.compile(r"/topics/[a-z0-9-]+/$"))
    expect(page.locator(".sd-card__first")).to_contain_text("A starting point")
    assert not errors, errors
    context.close()
