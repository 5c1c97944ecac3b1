"""Every topic meets the course's content standard (see CONTRIBUTING.md)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from sitebuild import as_built

from topicgraph.citations import citation_uses
from topicgraph.links import backlinks, linked_pages
from topicgraph.load import load_topics

ROOT = Path(__file__).resolve().parents[1]
TOPICS, PROBLEMS = load_topics(ROOT / "docs")
PAGES = {t.src_uri: (ROOT / "docs" / t.src_uri).read_text(encoding="utf-8") for t in TOPICS}
# A hub is a topic that at least a third of the others discuss in their prose; it may run twice as long.
MENTIONED_BY = {target: len(set(sources) - {target}) for target, sources in backlinks(PAGES).items()}
HUBS = {t.id for t in TOPICS if MENTIONED_BY.get(t.src_uri, 0) * 3 >= len(TOPICS) - 1}
WORDS, HUB_WORDS = (600, 1600), (600, 3200)
SEEDS = ROOT.parent / "shared" / "seeds"
REQUIRED_SECTIONS = ("core-idea", "how-to-learn", "explainer")
PLACEHOLDERS = re.compile(r"\b(TODO|TBD|FIXME|lorem ipsum|placeholder)\b", re.I)


def ids(topics):
    return [t.id for t in topics]


def test_all_topics_load() -> None:
    assert PROBLEMS == []
    assert len(TOPICS) >= 39


@pytest.mark.parametrize("topic", TOPICS, ids=ids(TOPICS))
def test_anatomy_sections_in_order(topic) -> None:
    found = re.findall(r"^## .*\{#([a-z0-9-]+)\}\s*$", topic.body, re.M)
    assert found[:3] == list(REQUIRED_SECTIONS)
    if topic.part == "Cases":
        assert found[-1] == "assessment", "a case study ends with its assessment"


@pytest.mark.parametrize("topic", TOPICS, ids=ids(TOPICS))
def test_every_heading_has_a_stable_id(topic) -> None:
    for heading in re.findall(r"^#{2,6} .*$", topic.body, re.M):
        assert re.search(r"\{#[a-z0-9-]+\}\s*$", heading), heading


@pytest.mark.parametrize("topic", TOPICS, ids=ids(TOPICS))
def test_length_citations_and_links(topic) -> None:
    low, high = HUB_WORDS if topic.id in HUBS else WORDS
    assert low <= topic.words <= high, f"{topic.words} words"
    assert len({use.key for use in citation_uses(topic.body)}) >= 3
    linked = {p for p in linked_pages(topic.body, topic.src_uri) if p.startswith("topics/")}
    assert len(linked) >= 3, linked
    core = topic.body.split("{#core-idea}", 1)[1].split("\n## ", 1)[0].strip()
    assert "\n\n" not in core, "the core idea is one paragraph"


@pytest.mark.parametrize("topic", TOPICS, ids=ids(TOPICS))
def test_quiz_has_one_explained_answer_per_question(topic) -> None:
    assert 3 <= len(topic.quiz) <= 5
    for question in topic.quiz:
        assert sum(option.correct for option in question.options) == 1
        assert all(option.explanation.strip() for option in question.options)
        assert len({option.text for option in question.options}) == len(question.options)


def test_hubs_are_the_topics_the_course_builds_on() -> None:
    assert {"security-dilemma", "spiral-model", "arms-control"} <= HUBS
    assert len(HUBS) <= len(TOPICS) // 4


@pytest.mark.parametrize("topic", TOPICS, ids=ids(TOPICS))
def test_every_question_has_four_options(topic) -> None:
    assert [len(question.options) for question in topic.quiz] == [4] * len(topic.quiz)


def test_the_right_answer_is_not_given_away_by_its_length() -> None:
    """A student who picks the longest option must not pass: across the course the keyed option is the
    longest (ties included) in at most a third of the questions, and never much longer than the rest."""
    questions = [question for topic in TOPICS for question in topic.quiz]
    keyed_longest = 0
    for question in questions:
        lengths = [len(option.text) for option in question.options]
        keyed = next(len(option.text) for option in question.options if option.correct)
        keyed_longest += keyed == max(lengths)
        others = sorted(length for length in lengths if length != keyed) or [keyed]
        assert keyed <= 1.5 * others[-1], f"the keyed option stands out by length: {question.question}"
    assert keyed_longest * 3 <= len(questions), f"keyed option longest in {keyed_longest} of {len(questions)}"


def test_no_two_questions_ask_the_same_thing() -> None:
    def words(text: str) -> set[str]:
        return set(re.findall(r"[a-z]{4,}", text.lower()))

    asked = [(topic.id, words(q.question)) for topic in TOPICS for q in topic.quiz]
    similar = [(a, b) for i, (a, x) in enumerate(asked) for b, y in asked[i + 1:]
               if len(x & y) >= 0.8 * min(len(x), len(y)) and min(len(x), len(y)) >= 5]
    assert similar == []


@pytest.mark.parametrize("topic", TOPICS, ids=ids(TOPICS))
def test_no_unfinished_text(topic) -> None:
    text = (ROOT / "docs" / topic.src_uri).read_text(encoding="utf-8")
    assert not PLACEHOLDERS.search(text)


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the seed documents live in ../shared/seeds")
def test_no_sentence_copied_from_the_seed_documents() -> None:
    def runs(text: str) -> set[tuple[str, ...]]:
        words = re.findall(r"[a-z0-9']+", text.lower())
        return {tuple(words[i:i + 12]) for i in range(len(words) - 11)}

    seed = set().union(*(runs(p.read_text(errors="ignore")) for p in SEEDS.glob("*.txt")))
    copied = [t.id for t in TOPICS if runs((ROOT / "docs" / t.src_uri).read_text()) & seed]
    assert copied == []


@pytest.mark.parametrize("topic", TOPICS, ids=ids(TOPICS))
def test_rendered_topic_has_anatomy_quiz_and_references(site: Path, topic) -> None:
    soup = BeautifulSoup((site / "topics" / topic.id / "index.html").read_text(encoding="utf-8"), "html.parser")
    for section in (*REQUIRED_SECTIONS, "reflection", "quiz", "references"):
        assert soup.find(id=section), section
    assert len(soup.select("form.sd-quiz fieldset")) == len(topic.quiz)
    cited = {use.key for use in citation_uses(as_built(topic.body))}
    listed = {li["id"].removeprefix("fn:") for li in soup.select("div.footnote li[id^='fn:']")}
    assert listed == cited
