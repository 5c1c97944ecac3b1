"""Accessibility gate: axe-core finds no violation on any built page, in either palette; and the privacy
gate: no page makes a request outside the site's own origin (fonts, CDNs, trackers, APIs).

Every page is loaded in a light and a dark tab (Material picks the palette from the browser's colour
scheme); the light tab runs every axe rule, the dark one the rules that read colours (see
quality/gates.py). Fix a violation at its source: our templates and stylesheets, or, for Material's
own markup, an override in topicgraph/plugin/theme/ or the Accessibility part of its
assets/stylesheets/course.css.
Never by disabling an axe rule.

The site must work from a folder or a USB stick and tell no third party who reads what: a request
elsewhere is recorded, and refused. Both gates read the one visit of every page (quality/conftest.py's
`site_visits`), so they are one module: `make test` keeps a module in one of its two processes.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from quality.gates import CANARY, PALETTES, Visit

TOPIC = "topics/security-dilemma/"
# What the build generates on a topic page, each of which must be on it and pass on its own.
GENERATED_PARTS = (".sd-card", ".sd-chain", "svg.sd-graph", "form.sd-quiz", ".sd-reflection")


def describe(visit: Visit) -> list[str]:
    return [f"{visit.url} ({visit.palette}): {v['id']} [{v['impact']}] {v['help']}: {node['target']}\n"
            f"    {(node['summary'] or '').replace(chr(10), ' ')}"
            for v in visit.violations for node in v["nodes"] or [{"target": "-", "summary": ""}]]


def test_the_audit_really_runs(site_visits: list[Visit]) -> None:
    """The canary page's known defects are reported: in the dark palette, only those of colour."""
    found = {v.palette: {violation["id"] for violation in v.violations} for v in site_visits if v.url == CANARY}
    assert found == {"light": {"image-alt", "color-contrast"}, "dark": {"color-contrast"}}


@pytest.mark.parametrize("palette", PALETTES)
def test_no_page_has_an_axe_violation(site_visits: list[Visit], pages: list[str], palette: str) -> None:
    visits = [v for v in site_visits if v.palette == palette and v.url != CANARY]
    assert [v.url for v in visits] == pages
    assert [v.url for v in visits if v.status != 200] == []
    assert {v.url: v.scheme for v in visits if v.scheme != PALETTES[palette]} == {}, "palette not applied"
    problems = [line for visit in visits for line in describe(visit)]
    assert not problems, f"{len(problems)} axe-core violation(s):\n" + "\n".join(problems)


def test_a_foreign_request_is_caught(site_visits: list[Visit]) -> None:
    for visit in (v for v in site_visits if v.url == CANARY):
        assert visit.foreign_requests == ["https://tracker.invalid/pixel.gif"]


def test_no_page_requests_another_origin(site_visits: list[Visit], pages: list[str]) -> None:
    visits = [v for v in site_visits if v.url != CANARY]
    assert {v.url for v in visits} == set(pages)
    leaks = [f"{v.url} ({v.palette}): {request}" for v in visits for request in v.foreign_requests]
    assert not leaks, "requests outside the site:\n" + "\n".join(leaks)


@pytest.mark.parametrize("palette", PALETTES)
def test_generated_parts_pass_after_a_reader_answers_the_quiz(
        browser, published_url: str, axe_script: Path, palette: str) -> None:
    """The topic card, chain, graph and reflection, and the quiz in its answered states."""
    context = browser.new_context(color_scheme=palette)
    context.set_default_timeout(5_000)
    # An init script, not a script tag: the site's Content-Security-Policy refuses inline scripts.
    context.add_init_script(path=str(axe_script))
    page = context.new_page()
    page.goto(published_url + TOPIC)
    for part in GENERATED_PARTS:
        assert page.locator(part).count() > 0, f"{TOPIC} has no {part}"
    page.get_by_text("Quiz me anyway").click()
    questions = page.locator(".sd-quiz__question")
    wrong, right = questions.nth(0), questions.nth(1)
    wrong.locator("input[type=radio]:not([data-correct])").first.check()
    wrong.get_by_role("button", name="Check").click()
    right.locator("input[type=radio][data-correct]").check()
    right.get_by_role("button", name="Check").click()
    page.evaluate("document.querySelectorAll('.sd-quiz details').forEach((d) => { d.open = true; })")
    # "Try again" appears under the pointer, and Material fades a hovered button's colours in:
    # judged mid-fade, its contrast is neither the resting one nor the hovered one a reader sees.
    page.evaluate("Promise.all(document.getAnimations().map((a) => a.finished))")
    violations = page.evaluate(
        "(parts) => axe.run({include: parts.map((p) => [p])}, {resultTypes: ['violations']})"
        ".then((r) => r.violations.map((v) => `${v.id}: ${v.help}: ${v.nodes.map((n) => n.target).join(', ')}`))",
        list(GENERATED_PARTS))
    context.close()
    assert violations == []


@pytest.mark.parametrize("topic", ["topics/stag-hunt/", "topics/cybersecurity-dilemma/"])
def test_a_topic_with_wide_formulas_passes_on_a_phone(browser, published_url: str, axe_script: Path,
                                                      topic: str) -> None:
    """At 390 px display formulas scroll sideways; axe judges the page as a phone shows it."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    context.add_init_script(path=str(axe_script))
    page = context.new_page()
    page.goto(published_url + topic)
    assert page.locator(".sd-math").count() > 0, f"{topic} has no display formula"
    violations = page.evaluate(
        "axe.run(document.querySelector('article'), {resultTypes: ['violations']})"
        ".then((r) => r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`))")
    context.close()
    assert violations == []
