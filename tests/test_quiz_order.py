"""Quiz options are shuffled: where the right answer sits varies, and is the same on every build."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from pathlib import Path

from bs4 import BeautifulSoup

from topicgraph.load import load_topics
from topicgraph.model import Option, Question
from topicgraph.quiz import shuffled_quiz

ROOT = Path(__file__).resolve().parents[1]
TOPICS, _ = load_topics(ROOT / "docs")


def keyed_positions(quiz) -> list[int]:
    return [next(n for n, option in enumerate(q.options) if option.correct) for q in quiz]


def test_a_quiz_written_right_answer_first_is_not_shown_that_way() -> None:
    topic = TOPICS[0]
    first = tuple(Question(f"Q{n}?", (Option("right", "", True), *(Option(f"wrong {k}", "") for k in range(3))))
                  for n in range(40))
    positions = Counter(keyed_positions(shuffled_quiz(type(topic)(**{**topic.__dict__, "quiz": first}))))
    assert set(positions) == {0, 1, 2, 3} and max(positions.values()) <= 20


def test_the_order_is_the_same_in_another_process() -> None:
    here = [keyed_positions(shuffled_quiz(topic)) for topic in TOPICS]
    script = ("from pathlib import Path; from topicgraph.load import load_topics; "
              "from topicgraph.quiz import shuffled_quiz; "
              "print([[next(n for n, o in enumerate(q.options) if o.correct) for q in shuffled_quiz(t)] "
              "for t in load_topics(Path('docs'))[0]])")
    there = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True,
                           env={"PYTHONHASHSEED": "12345", "PATH": ""})
    assert there.stdout.strip() == str(here)


def test_the_published_quizzes_use_that_order(site: Path) -> None:
    published = []
    for topic in TOPICS:
        page = BeautifulSoup((site / "topics" / topic.id / "index.html").read_text(encoding="utf-8"), "html.parser")
        shown = [[radio.has_attr("data-correct") for radio in fieldset.select("input[type=radio]")]
                 for fieldset in page.select("form.sd-quiz fieldset")]
        assert [row.index(True) for row in shown] == keyed_positions(shuffled_quiz(topic)), topic.id
        published += [row.index(True) for row in shown]
    counts = Counter(published)
    assert set(counts) == {0, 1, 2, 3} and max(counts.values()) <= len(published) / 2


def test_shuffling_keeps_every_question_and_option_and_repeats_itself() -> None:
    """Per topic: same question texts in the same order, each question's options a permutation, same result twice."""
    for topic in TOPICS:
        first, again = shuffled_quiz(topic), shuffled_quiz(topic)
        assert first == again, topic.id
        assert [q.question for q in first] == [q.question for q in topic.quiz], topic.id
        for shown, written in zip(first, topic.quiz, strict=True):
            assert Counter(shown.options) == Counter(written.options), topic.id
