"""How problems are reported (topicgraph/errors.py): one line each, every one of them, in file order."""

from __future__ import annotations

import pytest

from topicgraph.errors import Problem, TopicGraphError, raise_if_any


def test_a_problem_reads_file_line_message_and_fix() -> None:
    assert str(Problem("docs/topics/a.md", 7, "unknown prerequisite 'b'", "did you mean 'c'?")) == \
        "docs/topics/a.md:7: unknown prerequisite 'b' (did you mean 'c'?)"


def test_a_problem_without_line_or_fix_says_only_what_it_has() -> None:
    assert str(Problem("mkdocs.yml", None, "topic is not in the navigation")) == \
        "mkdocs.yml: topic is not in the navigation"
    assert str(Problem("docs/a.md", 3, "bad")) == "docs/a.md:3: bad"
    assert str(Problem("docs/a.md", None, "bad", "fix it")) == "docs/a.md: bad (fix it)"


def test_the_error_lists_every_problem_once_by_file_then_line_then_message() -> None:
    problems = [
        Problem("docs/b.md", 2, "second"),
        Problem("docs/a.md", 10, "later line"),
        Problem("docs/a.md", None, "whole file"),
        Problem("docs/a.md", 9, "z message"),
        Problem("docs/a.md", 9, "a message", "fix"),
        Problem("docs/b.md", 2, "second"),  # reported twice by two checks
    ]
    error = TopicGraphError(problems)
    assert error.problems == [problems[2], problems[4], problems[3], problems[1], problems[0]]
    assert str(error) == (
        "docs/a.md: whole file\n"
        "docs/a.md:9: a message (fix)\n"
        "docs/a.md:9: z message\n"
        "docs/a.md:10: later line\n"
        "docs/b.md:2: second"
    )


def test_a_problem_about_a_whole_file_comes_before_those_on_its_lines() -> None:
    on_line_1, whole = Problem("docs/a.md", 1, "a problem on line 1"), Problem("docs/a.md", None, "z whole file")
    assert TopicGraphError([on_line_1, whole]).problems == [whole, on_line_1]


def test_raise_if_any_raises_with_all_problems_and_only_if_there_are_some() -> None:
    raise_if_any([])
    problems = [Problem("b.md", 1, "one"), Problem("a.md", 1, "two")]
    with pytest.raises(TopicGraphError) as caught:
        raise_if_any(problems)
    assert caught.value.problems == [problems[1], problems[0]]
    assert str(caught.value) == "a.md:1: two\nb.md:1: one"
