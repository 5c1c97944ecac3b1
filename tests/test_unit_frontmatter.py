"""Front matter and body of a Markdown file (topicgraph/frontmatter.py), with the file's line numbers."""

from __future__ import annotations

import pytest

from topicgraph.frontmatter import Document, FrontMatterError, front_matter_lines, parse

TOPIC = ("---\n"
         "title: Anarchy\n"
         "prerequisites:\n"
         "  - realism\n"
         "quiz-order: fixed\n"
         "nested:\n"
         "  inner: 1\n"
         "_private: x\n"
         "---\n"
         "\n"
         "# Anarchy\n")


def test_meta_body_and_the_line_of_each_top_level_key() -> None:
    assert parse(TOPIC) == Document(
        meta={"title": "Anarchy", "prerequisites": ["realism"], "quiz-order": "fixed", "nested": {"inner": 1},
              "_private": "x"},
        body="\n# Anarchy\n",
        body_line=10,
        key_lines={"title": 2, "prerequisites": 3, "quiz-order": 5, "nested": 6, "_private": 8},
    )
    assert front_matter_lines(TOPIC) == 9


def test_key_lines_count_blank_lines_at_the_top_of_the_front_matter() -> None:
    document = parse("---\n\n\ntitle: X\nlevel: y\n---\nBody")
    assert (document.key_lines, document.body_line) == ({"title": 4, "level": 5}, 7)


def test_fences_may_carry_trailing_spaces_and_the_file_may_end_at_the_closing_fence() -> None:
    document = parse("--- \t\ntitle : X\n---  ")
    assert (document.meta, document.body, document.body_line, document.key_lines) == ({"title": "X"}, "", 3,
                                                                                      {"title": 2})
    assert front_matter_lines("--- \t\ntitle : X\n---  ") == 2


def test_the_body_starts_right_after_the_closing_fence() -> None:
    document = parse("---\na: 1\n---\nText on line 4.\n--- \nmore\n")
    assert (document.body, document.body_line) == ("Text on line 4.\n--- \nmore\n", 4)
    assert front_matter_lines("---\na: 1\n---\nText\n") == 3


@pytest.mark.parametrize("text", ["# Title\n---\na: 1\n---\n", "\n---\na: 1\n---\n", "--- a\na: 1\n---\n",
                                  "---\na: 1\n", "----\na: 1\n----\n", ""])
def test_a_file_not_opening_with_a_fence_has_no_front_matter(text: str) -> None:
    with pytest.raises(FrontMatterError) as caught:
        parse(text)
    assert (str(caught.value), caught.value.line) == ("no front matter: the file must start with a '---' line", 1)
    assert front_matter_lines(text) == 0


@pytest.mark.parametrize("text", ["---\n---\nbody\n", "---\n- a\n- b\n---\n", "---\njust text\n---\n"])
def test_front_matter_that_is_not_a_mapping_is_reported_on_its_first_line(text: str) -> None:
    with pytest.raises(FrontMatterError) as caught:
        parse(text)
    assert (str(caught.value), caught.value.line) == ("front matter must be a YAML mapping of keys to values", 2)


def test_invalid_yaml_is_reported_on_its_line_in_the_file() -> None:
    with pytest.raises(FrontMatterError) as caught:
        parse("---\ntitle: A\nlevel: b: c\n---\n")
    # libyaml ends the sentence "in this context", PyYAML's own parser "here".
    assert str(caught.value).startswith("front matter is not valid YAML: mapping values are not allowed ")
    assert caught.value.line == 3
    assert caught.value.__cause__ is None and caught.value.__suppress_context__


def test_a_yaml_error_reports_what_is_wrong_not_what_the_parser_was_doing() -> None:
    with pytest.raises(FrontMatterError) as caught:
        parse("---\ntitle: A\nlevel\nx: 1\n---\n")
    # YAML's full message starts "while scanning a simple key"; the contributor needs the problem itself.
    assert str(caught.value) == "front matter is not valid YAML: could not find expected ':'"
    assert caught.value.line == 4


def test_a_yaml_error_without_a_position_has_no_line() -> None:
    # A character YAML refuses outright is reported by the reader, which gives no line.
    with pytest.raises(FrontMatterError) as caught:
        parse("---\ntitle: A\x07\n---\n")
    assert caught.value.line is None
    assert str(caught.value).startswith("front matter is not valid YAML: unacceptable character #x0007")
