"""What readers and instructors do in the browser: progress, quizzes, reading paths, syllabi."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import BrowserContext, Page, expect

TOPIC = "stag-hunt"


@pytest.fixture
def context(context: BrowserContext, base_url: str) -> BrowserContext:
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url.rstrip("/"))
    return context


def mark(page: Page, base_url: str, topic: str) -> None:
    page.goto(f"{base_url}topics/{topic}/")
    button = page.get_by_role("button", name="Mark as thought through")
    button.click()
    expect(page.get_by_role("button", name="Thought through ✓")).to_have_attribute("aria-pressed", "true")


def test_mark_survives_reload_and_instant_navigation(page: Page, base_url: str, watch) -> None:
    mark(page, base_url, TOPIC)
    page.get_by_label("Private note (kept only in this browser)").fill("Assurance, not greed.")
    page.wait_for_timeout(600)  # the note is saved after a short pause in typing
    page.reload()
    expect(page.get_by_role("button", name="Thought through ✓")).to_be_visible()
    expect(page.locator(".md-nav--secondary .sd-done")).to_have_count(0)  # not the table of contents
    expect(page.get_by_label("Private note (kept only in this browser)")).to_have_value("Assurance, not greed.")

    # Instant navigation: Material swaps the page in place; the marks must still be drawn.
    page.locator(f".md-nav__link[href$='/topics/{TOPIC}/']").first.wait_for()
    page.locator(".md-nav__link[href$='/graph/']").first.click()
    expect(page).to_have_url(f"{base_url}graph/")
    expect(page.locator(f"svg.sd-course a[data-topic='{TOPIC}']")).to_have_class(re.compile("sd-graph__node--done"))
    expect(page.locator(f".md-nav__link.sd-done[href$='/topics/{TOPIC}/']").first).to_be_attached()

    page.goto(f"{base_url}paths/reassurance/")
    expect(page.locator(f"article li > a.sd-done[href$='/topics/{TOPIC}/']")).to_contain_text("(thought through)")
    page.goto(base_url)
    expect(page.locator(".sd-progress__summary")).to_have_text(re.compile(r"You have thought through 1 of \d+ topics"))
    watch.assert_clean()


def test_the_home_page_suggests_what_to_read_next(page: Page, base_url: str, watch) -> None:
    graph = page.request.get(f"{base_url}graph.json").json()
    requires = {node["id"]: set() for node in graph["nodes"]}
    for edge in graph["edges"]:
        requires[edge["to"]].add(edge["from"])

    def shown() -> list[str]:
        items = page.locator(".sd-next__list a")
        expect(items.first).to_be_visible()
        return [href.rstrip("/").split("/")[-1] for href in items.evaluate_all("(as) => as.map((a) => a.href)")]

    def ready(done: set[str]) -> set[str]:
        return {t for t, needs in requires.items() if t not in done and needs <= done}

    page.goto(base_url)
    first = shown()
    assert set(first) <= ready(set()) and len(first) == min(6, len(ready(set())))  # the starting points
    done = {first[0]}
    page.evaluate("(done) => localStorage.setItem('sd-course-progress', JSON.stringify({version: 1, topics: "
                  "Object.fromEntries(done.map((id) => [id, {done: true, note: ''}]))}))", sorted(done))
    page.reload()
    after = shown()
    assert first[0] not in after and set(after) <= ready(done) and len(after) == min(6, len(ready(done)))
    assert set(after) - set(first), "marking a topic done brings the topics it opens up"
    watch.assert_clean()


def test_a_goal_shows_the_way_on_every_page_and_i_know_this_counts_as_done(page: Page, base_url: str,
                                                                            watch) -> None:
    page.goto(f"{base_url}topics/hotline/")
    path = json.loads(page.locator(".sd-card").get_attribute("data-path"))
    assert path[-1][0] == "hotline" and len(path) > 2
    page.get_by_role("button", name="Set as goal").click()
    goal = page.locator(".sd-goal")
    expect(goal).to_contain_text(f"Your goal: The hotline · 0 of {len(path)} topics done · Next: {path[0][1]}")

    # The way to the goal, followed from the goal itself: the first topic, known already.
    goal.get_by_role("link", name=path[0][1]).click()
    expect(page).to_have_url(re.compile(rf"/topics/{path[0][0]}/$"))
    # The new page's own card: instant navigation changes the address before it swaps the content, and
    # "I know this" of the page being left would be found first.
    page.locator(f'.sd-card[data-topic="{path[0][0]}"]').get_by_role("button", name="I know this").click()
    expect(page.get_by_role("button", name="Known ✓")).to_have_attribute("aria-pressed", "true")
    expect(page.get_by_role("button", name="Thought through ✓")).to_be_visible()  # known counts as done
    expect(goal).to_contain_text(f"1 of {len(path)} topics done · Next: {path[1][1]}")

    page.goto(base_url)  # on every page, and after a reload
    expect(page.locator(".sd-goal")).to_contain_text(f"Next: {path[1][1]}")
    expect(page.locator(".sd-progress__summary")).to_contain_text("You have thought through 1 of")
    page.get_by_role("button", name="Clear goal").click()
    expect(page.locator(".sd-goal")).to_have_count(0)
    page.reload()
    expect(page.locator(".sd-goal")).to_have_count(0)
    watch.assert_clean()


def test_export_and_import_progress(page: Page, base_url: str, watch, tmp_path) -> None:
    mark(page, base_url, TOPIC)
    page.goto(base_url)
    with page.expect_download() as download:
        page.get_by_role("button", name="Export progress").click()
    exported = json.loads(download.value.path().read_text())
    assert exported["version"] == 1 and exported["topics"][TOPIC]["done"] is True

    page.evaluate("localStorage.clear()")
    page.reload()
    expect(page.locator(".sd-progress__summary")).to_have_text(re.compile(r"thought through 0 of"))
    exported["topics"]["anarchy"] = {"done": True, "note": ""}
    upload = tmp_path / "progress.json"
    upload.write_text(json.dumps(exported))
    page.locator(".sd-transfer__import").set_input_files(upload)
    expect(page.locator(".sd-transfer__status")).to_have_text("Imported progress: 2 topics thought through.")
    expect(page.locator(".sd-progress__summary")).to_have_text(re.compile(r"thought through 2 of"))

    bad = tmp_path / "bad.json"
    bad.write_text('{"version": 1, "topics": {"x": {"done": "yes"}}}')
    page.locator(".sd-transfer__import").set_input_files(bad)
    expect(page.locator(".sd-transfer__status")).to_contain_text("not a progress file")
    watch.assert_clean()


def test_the_quiz_is_folded_until_asked_for_and_a_link_to_it_opens_it(page: Page, base_url: str, watch) -> None:
    page.goto(f"{base_url}topics/{TOPIC}/")
    expect(page.locator(".sd-reflection__prompt")).to_be_visible()
    expect(page.locator(".sd-quiz__question").first).to_be_hidden()
    page.get_by_text("Quiz me anyway").click()
    expect(page.locator(".sd-quiz__question").first).to_be_visible()
    page.goto(f"{base_url}topics/{TOPIC}/#quiz-2")
    page.reload()
    expect(page.locator("#quiz-2")).to_be_visible()
    expect(page.locator("#quiz-2")).to_be_in_viewport()
    watch.assert_clean()


def test_quiz_wrong_then_right(page: Page, base_url: str, watch) -> None:
    page.goto(f"{base_url}topics/{TOPIC}/")
    page.get_by_text("Quiz me anyway").click()
    question = page.locator(".sd-quiz__question").first
    wrong = question.locator("input[type=radio]:not([data-correct])").first
    wrong.check()
    question.get_by_role("button", name="Check").click()
    expect(question.locator(".sd-quiz__feedback")).to_contain_text("Not quite")
    expect(question.locator("details.sd-quiz__answers")).to_have_attribute("open", "")
    expect(question.locator(".sd-quiz__chosen")).to_contain_text("Wrong:")
    expect(question.locator("li")).to_have_count(question.locator("input[type=radio]").count())

    question.get_by_role("button", name="Try again").click()
    expect(question.locator("details.sd-quiz__answers")).not_to_have_attribute("open", "")
    question.locator("input[data-correct]").check()
    question.get_by_role("button", name="Check").click()
    expect(question.locator(".sd-quiz__feedback")).to_contain_text("Right")
    expect(question.locator(".sd-quiz__chosen")).to_contain_text("Right:")
    watch.assert_clean()


def test_quiz_and_explanations_are_readable_without_javascript(browser, base_url: str) -> None:
    page = browser.new_page(java_script_enabled=False)
    page.goto(f"{base_url}topics/{TOPIC}/")
    page.get_by_text("Quiz me anyway").click()  # a <details> element: it opens without JavaScript
    first = page.locator(".sd-quiz__question").first
    expect(first.locator("input[type=radio]").first).to_be_visible()
    first.locator("summary").click()
    expect(first.locator(".sd-quiz__right")).to_be_visible()
    expect(page.locator(".sd-reflection__prompt")).to_be_visible()
    page.close()


def test_syllabus_builder_copies_an_ordered_list(page: Page, base_url: str, watch) -> None:
    page.goto(f"{base_url}syllabus/")
    page.get_by_label("The hotline").check()
    page.get_by_label("The stag hunt").check()
    expect(page).to_have_url(re.compile(r"\?topics=stag-hunt(%2C|,)hotline$"))  # in the form's order
    items = page.locator(".sd-syllabus__list li a")
    titles = items.all_inner_texts()
    assert titles.index("The Cuban missile crisis") < titles.index("The hotline")
    assert titles.index("Game theory basics") < titles.index("The stag hunt")

    page.get_by_role("button", name="Copy as Markdown").click()
    expect(page.locator(".sd-syllabus__status")).to_have_text("Copied as Markdown.")
    copied = page.evaluate("navigator.clipboard.readText()")
    lines = copied.splitlines()
    assert len(lines) == len(titles)
    assert re.fullmatch(rf"1\. \[.+\]\({re.escape(base_url)}topics/[a-z-]+/\) \(\d+ min\)", lines[0])

    page.get_by_role("button", name="Copy link to this selection").click()
    shared = page.evaluate("navigator.clipboard.readText()")
    page.goto(shared)
    expect(page.get_by_label("The hotline")).to_be_checked()
    expect(page.locator(".sd-syllabus__list li")).to_have_count(len(titles))
    watch.assert_clean()


def test_reading_path_copies_as_a_syllabus_list(page: Page, base_url: str, watch) -> None:
    page.goto(f"{base_url}paths/{TOPIC}/")
    page.get_by_role("button", name="Copy as syllabus list").click()
    expect(page.locator(".sd-copy__status")).to_have_text("Copied.")
    copied = page.evaluate("navigator.clipboard.readText()").splitlines()
    listed = page.locator("article ol > li").count()
    assert len(copied) == listed and copied[-1].startswith(f"{listed}. [The stag hunt](")
    watch.assert_clean()


def test_print_view_saves_as_pdf(page: Page, base_url: str, watch, tmp_path) -> None:
    page.goto(f"{base_url}print/")
    page.emulate_media(media="print")
    expect(page.locator(".md-header")).to_be_hidden()
    expect(page.locator(".headerlink").first).to_be_hidden()
    pdf = tmp_path / "course.pdf"
    page.pdf(path=pdf, format="A4")
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and data.count(b"/Type /Page") > 60
    watch.assert_clean()


def test_hovering_or_focusing_a_topic_link_shows_its_preview(page: Page, base_url: str, watch) -> None:
    page.goto(f"{base_url}topics/security-dilemma/")
    link = page.locator("#ingredients ~ p a[href$='/topics/anarchy/']").first
    link.hover()
    preview = page.locator(".md-tooltip2").filter(has_text="Anarchy")
    expect(preview.first).to_be_visible()
    page.mouse.move(0, 0)
    page.locator("#ingredients ~ p a[href$='/topics/uncertainty-about-intentions/']").first.focus()
    expect(page.locator(".md-tooltip2").filter(has_text="Uncertainty about intentions").first).to_be_visible()
    watch.assert_clean()


def test_edit_link_and_last_updated(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}topics/hotline/")
    edit = page.locator("a.md-content__button[href*='/edit/main/docs/topics/hotline.md']")
    expect(edit).to_have_count(1)
    expect(page.locator(".md-source-file")).to_contain_text(re.compile(r"\w+ \d{1,2}, \d{4}"))


def test_a_link_to_a_work_in_works_cited_lands_on_it(page: Page, base_url: str, watch) -> None:
    # Entries far down the page are laid out only when near the screen (content-visibility): a
    # syllabus link to one must still scroll to it and keep it there.
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(f"{base_url}works-cited/")
    last = page.locator(".sd-reference").last.get_attribute("id")
    page.goto("about:blank")
    page.goto(f"{base_url}works-cited/#{last}", wait_until="networkidle")
    page.wait_for_timeout(500)
    box = page.locator(f"#{last}").bounding_box()
    assert box is not None and 0 <= box["y"] < 800, f"#{last} is at y={box and box['y']}, not on screen"
    expect(page.locator(f"#{last}")).to_be_in_viewport()
    watch.assert_clean()
