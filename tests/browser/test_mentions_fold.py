"""A long "Mentioned in" list folds its rest into a <details> that opens without JavaScript."""

from __future__ import annotations

from playwright.sync_api import Browser, expect


def test_show_all_mentions_works_without_javascript(browser: Browser, base_url: str) -> None:
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 800})
    page = context.new_page()
    page.goto(f"{base_url}topics/spiral-model/")
    fold = page.locator("details.sd-mentions__more")
    folded = fold.locator("li")
    assert folded.count() > 0
    expect(page.locator("ul.sd-mentions").first.locator("li").first).to_be_visible()
    expect(folded.first).to_be_hidden()
    fold.locator("summary").click()
    expect(folded.first).to_be_visible()
    expect(folded.last.locator("q")).to_be_visible()
    heading = page.locator("#mentioned-in")
    count = int(heading.inner_text().split("(")[1].split(")")[0])
    assert page.locator("ul.sd-mentions > li").count() == count  # every mention, shown or folded
    context.close()
