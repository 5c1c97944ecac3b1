"""Hover previews show what a reader needs: a topic link its description, a section link the section's
text, and a citation number one tooltip with its own reference only."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect
from sitebuild import ROOT

from topicgraph.load import load_topics

TOPICS = {t.id: t for t in load_topics(ROOT / "docs")[0]}


def words(text: str, n: int = 6) -> str:
    return " ".join(text.replace("'", "’").split()[:n])


@pytest.mark.parametrize("width", [390, 1280])
def test_a_topic_link_previews_the_topics_description_not_its_card(page: Page, base_url: str, watch,
                                                                  width: int) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{base_url}topics/security-dilemma/")
    link = page.locator("article p a[href$='/topics/anarchy/']").first
    link.scroll_into_view_if_needed()
    link.focus()  # focus, as a keyboard reader does; hovering opens the same preview
    preview = page.locator(".md-tooltip2").filter(has_text="Anarchy")
    expect(preview.first).to_be_visible()
    expect(preview.first).to_contain_text(words(TOPICS["anarchy"].description))
    expect(preview.first).not_to_contain_text("in the knowledge graph")
    expect(preview.first).not_to_contain_text("Read first")
    watch.assert_clean()


def test_a_section_link_previews_the_sections_text(page: Page, base_url: str, watch) -> None:
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{base_url}topics/hotline/")
    link = page.locator("article a.sd-tag[href*='#']").first
    link.hover()
    preview = page.locator(".md-tooltip2").first
    expect(preview).to_be_visible()
    tag = link.inner_text().strip()
    expect(preview).to_contain_text(tag)
    assert len(preview.inner_text().strip()) > len(tag) + 40, "more than the heading"
    watch.assert_clean()


def test_no_link_asks_for_a_preview_that_would_be_a_heading_alone_or_this_same_page(page: Page,
                                                                                     base_url: str) -> None:
    for topic in ("hotline", "iterated-games", "security-dilemma"):
        page.goto(f"{base_url}topics/{topic}/")
        same_page = page.locator("article a[data-preview][href^='#']")
        expect(same_page).to_have_count(0)
        explainer = page.locator("article a[data-preview][href$='#explainer']")
        expect(explainer).to_have_count(0)


@pytest.mark.parametrize("width", [390, 1280])
def test_a_citation_number_opens_one_tooltip_with_its_own_reference(page: Page, base_url: str, watch,
                                                                     width: int) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{base_url}topics/hotline/")
    refs = page.locator("article a.footnote-ref")
    first = refs.first
    target = first.get_attribute("href").split("#")[1]
    own = page.locator(f"[id='{target}']").inner_text().split("↩")[0].strip()
    others = [t.split("↩")[0].strip() for t in page.locator("article .footnote li").all_inner_texts()]
    others = [t for t in others if t != own]
    first.scroll_into_view_if_needed()
    first.hover()
    page.wait_for_timeout(800)  # a preview, were there one, loads its page first
    tips = page.locator(".md-tooltip2")
    visible = [i for i in range(tips.count()) if tips.nth(i).is_visible()]
    assert len(visible) == 1, f"{len(visible)} tooltips open at once"
    text = tips.nth(visible[0]).inner_text()
    assert own[:40] in text
    assert not [o for o in others if o[:40] in text], "the tooltip runs on into other references"
    watch.assert_clean()
