"""Printing from the browser with script disabled (issue 22): the print view and a topic page print
complete (collapsed blocks open, every topic), a printed quiz has no answer under its question, and
data tables fit the printable width of A4 and of US Letter."""

from __future__ import annotations

import io
import json
import re

import pytest
from playwright.sync_api import Browser, Page

pypdf = pytest.importorskip("pypdf")

# The printable width at 96 px per inch: A4 (210 mm) and US Letter (8.5 in), less Chromium's default margins.
PRINTABLE_WIDTHS = {"A4": 794 - 2 * 38, "Letter": 816 - 2 * 38}


@pytest.fixture
def scriptless(browser: Browser):
    context = browser.new_context(java_script_enabled=False)
    yield context.new_page()
    context.close()


def printed_text(page: Page, url: str, paper: str = "A4") -> tuple[int, str]:
    page.goto(url, wait_until="load")
    reader = pypdf.PdfReader(io.BytesIO(page.pdf(format=paper)))
    text = " ".join(p.extract_text() for p in reader.pages)
    plain = text.translate(str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"'}))
    return len(reader.pages), " ".join(plain.split())


def test_the_print_view_prints_every_topic_and_the_answer_key_without_script(scriptless: Page, base_url: str) -> None:
    scriptless.goto(f"{base_url}graph.json")
    titles = [n["title"] for n in json.loads(scriptless.locator("body").inner_text())["nodes"]]
    pages, text = printed_text(scriptless, f"{base_url}print/")
    assert pages > len(titles)  # each topic starts a page
    assert [t for t in titles if t not in text] == []
    key = text.rindex("Answer key")  # its heading: the last time the words appear
    assert "Not (a):" not in text[:key] and "Not (a):" in text[key:]


def test_a_topic_prints_whole_without_script_and_without_answers_under_questions(scriptless: Page,
                                                                                  base_url: str) -> None:
    pages, text = printed_text(scriptless, f"{base_url}topics/iterated-games/")
    assert "Rounds in which both copies cooperate" in text  # a collapsed block ("Data and method") prints open
    assert "Two tit-for-tat players have been cooperating" in text  # the quiz's questions print...
    assert "Answer and explanations" not in text and "Right:" not in text  # ...but not the answers under them
    assert "The answers are not printed here" in text
    assert pages <= 12


@pytest.mark.parametrize("paper", sorted(PRINTABLE_WIDTHS))
@pytest.mark.parametrize("topic", ["arms-control", "iterated-games"])
def test_data_tables_fit_the_printed_page(scriptless: Page, base_url: str, topic: str, paper: str) -> None:
    scriptless.set_viewport_size({"width": PRINTABLE_WIDTHS[paper], "height": 1000})
    scriptless.emulate_media(media="print")
    scriptless.goto(f"{base_url}topics/{topic}/")
    overflowing = scriptless.evaluate("""() => {
        const page = document.querySelector('article').getBoundingClientRect();
        return [...document.querySelectorAll('article table')]
            .filter(t => t.getBoundingClientRect().right > page.right + 0.5 || t.scrollWidth > t.clientWidth + 1)
            .map(t => t.textContent.trim().slice(0, 40));
    }""")
    assert scriptless.locator("article table").count() > 0
    assert overflowing == []
    _, text = printed_text(scriptless, f"{base_url}topics/{topic}/", paper)
    assert re.search(r"Status as of|Noise", text)
