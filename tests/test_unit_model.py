"""A course's parts and levels (topicgraph/model.py): the order parts take, and what a topic reports."""

from __future__ import annotations

from topicgraph.model import ANY_COURSE, CourseSettings, Topic


def test_parts_the_course_names_come_first_in_its_order_then_the_others_by_name() -> None:
    course = CourseSettings(parts=("Foundations", "Cases", "Theory"))
    found = ["Zeta", "Theory", "Alpha", "Cases", "Foundations"]
    assert sorted(found, key=course.part_order) == ["Foundations", "Cases", "Theory", "Alpha", "Zeta"]
    assert course.part_order("Cases") == (1, "")
    assert course.part_order("Alpha") == (3, "Alpha")


def test_with_no_parts_named_parts_are_ordered_by_name() -> None:
    assert sorted(["Theory", "Cases", "Foundations"], key=ANY_COURSE.part_order) == ["Cases", "Foundations", "Theory"]


def topic(words: int) -> Topic:
    return Topic(id="a", file="docs/topics/a.md", src_uri="topics/a.md", title="A", description="D", level="graduate",
                 part="P", tags=(), prerequisites=(), reflection="R", quiz=(), body="", body_line=5,
                 key_lines={"title": 2, "part": 6}, words=words)


def test_a_topic_gives_the_line_of_a_key_or_none() -> None:
    assert topic(0).line_of("part") == 6
    assert topic(0).line_of("quiz") is None


def test_reading_time_is_at_least_a_minute_at_two_hundred_words_a_minute() -> None:
    assert [topic(w).reading_minutes for w in (0, 299, 301, 1000, 1099, 1101)] == [1, 1, 2, 5, 5, 6]
