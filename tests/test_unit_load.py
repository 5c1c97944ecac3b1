"""Loading topic files (topicgraph/load.py) from small hand-written texts: the Topic a good file gives,
and for each kind of mistake the one line a contributor reads (message, fix and line, exactly), under
the course's own parts and levels."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from topicfactory import QUIZ, front_matter, write_topic

from topicgraph.errors import Problem
from topicgraph.load import count_words, load_topic, load_topics, schema
from topicgraph.model import LEVELS, CourseSettings, Option, Question, Topic

FILE = "docs/topics/anarchy.md"
DEFAULT = CourseSettings()  # no parts named, the default levels
COURSE = CourseSettings(parts=("Foundations", "Cases"), levels=("beginner", "advanced"))


def text_of(meta: dict, body: str = "\nBody text.\n") -> str:
    return "---\n" + yaml.safe_dump(meta, sort_keys=False, allow_unicode=True) + "---\n" + body


def problems_of(settings: CourseSettings = DEFAULT, topic_id: str = "anarchy", **change: object) -> list[str]:
    topic, problems = load_topic(text_of(front_matter("anarchy", **change)), topic_id, FILE,
                                 "topics/anarchy.md", settings)
    assert topic is None
    assert all(p.file == FILE for p in problems)
    return [str(p) for p in problems]


def only(settings: CourseSettings = DEFAULT, **change: object) -> str:
    found = problems_of(settings, **change)
    assert len(found) == 1, found
    return found[0]


# The line of each top-level key in front_matter()'s output (title is on line 2).
LINE = {"title": 2, "description": 3, "level": 4, "part": 5, "tags": 6, "prerequisites": 8, "reflection": 9,
        "quiz": 10}


# --- A good file -------------------------------------------------------------------------------------

def test_a_good_file_gives_its_topic_with_every_field() -> None:
    meta = front_matter("anarchy", prerequisites=["realism", "states"], tags=["concepts", "theory"],
                        description="No  government above states:  each   must look after itself. ",
                        reflection="Where do you\n  see self-help today?")
    body = "\n## Core idea {#core-idea}\n\nStates [@waltz1979, p. 3] help themselves: see [realism](realism.md).\n"
    text = "---\n" + yaml.safe_dump(meta, sort_keys=False) + "---\n" + body
    topic, problems = load_topic(text, "anarchy", FILE, "topics/anarchy.md")
    assert problems == []
    right, wrong = Option("Right", "Because it is right.", True), Option("Wrong", "Because it is wrong.", False)
    assert topic == Topic(
        id="anarchy", file=FILE, src_uri="topics/anarchy.md", title="Topic anarchy",
        description="No government above states: each must look after itself.",
        level="undergraduate", part="Foundations", tags=("concepts", "theory"),
        prerequisites=("realism", "states"), reflection="Where do you see self-help today?",
        quiz=tuple(Question(f"Question {n}?", (right, wrong)) for n in (1, 2, 3)),
        body=body, body_line=text.count("\n") - body.count("\n") + 1,
        key_lines={"title": 2, "description": 3, "level": 4, "part": 5, "tags": 6, "prerequisites": 9,
                   "reflection": 12, "quiz": 13},
        words=7,
    )
    assert topic.quiz[0].options[1].correct is False  # an option without 'correct' is a wrong answer


def test_a_topic_without_quiz_flags_still_counts_its_one_right_answer() -> None:
    quiz = [{"question": q["question"], "options": [{"text": "No", "explanation": "Not so."},
                                                     {"text": "Yes", "explanation": "So.", "correct": True}]}
            for q in QUIZ]
    topic, _ = load_topic(text_of(front_matter("anarchy", quiz=quiz)), "anarchy", FILE, "topics/anarchy.md")
    assert [[o.correct for o in q.options] for q in topic.quiz] == [[False, True]] * 3


@pytest.mark.parametrize(("markdown", "words"), [
    ("Anarchy’s self-help, and the state's 1990s.", 6),
    ("As argued [@waltz1979, p. 3] and [see @jervis1978; @glaser1997, ch. 2] here.", 4),
    ("See [the map](../topics/a-long-path/with-words.md#and-an-anchor) now.", 4),
    ("## Core idea {#core-idea-with-words}\n\nText.", 3),
    ("[one](a.md) [two](b.md)", 2),
    ("-- ' ’ - 42", 1),
    ("", 0),
])
def test_words_counted_are_the_words_a_reader_reads(markdown: str, words: int) -> None:
    assert count_words(markdown) == words


# --- Mistakes, one line each -------------------------------------------------------------------------

@pytest.mark.parametrize("topic_id", ["Anarchy", "anarchy_2", "-anarchy", "anarchy-", "a--b", "é"])
def test_a_file_name_that_is_not_an_id_is_refused_with_the_rule(topic_id: str) -> None:
    assert problems_of(topic_id=topic_id) == [
        f"{FILE}: '{topic_id}' is not a valid topic id "
        "(rename the file using lower-case letters, digits and hyphens only)"]


def test_front_matter_that_is_not_yaml_gives_the_parser_line_and_the_fix() -> None:
    topic, problems = load_topic("---\ntitle: Anarchy\nlevel: [unclosed\n---\nBody\n", "anarchy", FILE, "x")
    assert topic is None
    assert len(problems) == 1
    assert problems[0].file == FILE and problems[0].line == 4
    assert problems[0].message.startswith("front matter is not valid YAML: ")
    assert problems[0].fix == "fix the YAML between the two '---' lines"


def test_a_missing_field_is_named_with_what_it_holds_on_the_front_matter_line() -> None:
    assert only(level=None) == (
        f"{FILE}:2: missing field 'level' (add 'level:' (Who the topic is written for.))")
    assert only(quiz=None) == (
        f"{FILE}:2: missing field 'quiz' (add 'quiz:' (Three to five questions; each option has an "
        "explanation, and exactly one option is correct.))")


def test_a_missing_field_inside_the_quiz_is_named_on_the_quiz_line() -> None:
    quiz = [*QUIZ[:2], {"question": "Which?", "options": [{"text": "a", "correct": True},
                                                           {"text": "b", "explanation": "no"}]}]
    assert only(quiz=quiz) == f"{FILE}:{LINE['quiz']}: missing field 'explanation' (add 'explanation:')"


def test_unknown_fields_are_listed_sorted_with_a_suggestion_or_removal_each() -> None:
    assert only(zzz=1, titel="x") == (
        f"{FILE}:2: front matter: unknown field(s) 'titel', 'zzz' "
        "('titel' -> did you mean 'title'?; remove 'zzz')")


def test_an_unknown_field_inside_a_quiz_option_names_the_option() -> None:
    quiz = [*QUIZ[:2], {"question": "Which?", "options": [
        {"text": "a", "correct": True, "explanation": "yes", "explantion": "typo"},
        {"text": "b", "explanation": "no"}]}]
    assert only(quiz=quiz) == (
        f"{FILE}:{LINE['quiz']}: quiz.2.options.0: unknown field(s) 'explantion' "
        "('explantion' -> did you mean 'explanation'?)")


def test_a_level_outside_the_default_levels_lists_them() -> None:
    assert only(level="expert") == (
        f"{FILE}:{LINE['level']}: level: 'expert' is not allowed "
        "(use one of: introductory, undergraduate, graduate)")


@pytest.mark.parametrize("options", [
    [{"text": "a", "explanation": "x"}, {"text": "b", "explanation": "y"}],
    [{"text": "a", "explanation": "x", "correct": True}, {"text": "b", "explanation": "y", "correct": True}],
    [{"text": "a", "explanation": "x", "correct": False}, {"text": "b", "explanation": "y", "correct": False}],
], ids=["no right answer", "two right answers", "all marked wrong"])
def test_a_question_needs_exactly_one_right_answer(options: list) -> None:
    quiz = [QUIZ[0], {"question": "Which?", "options": options}, QUIZ[2]]
    assert only(quiz=quiz) == (
        f"{FILE}:{LINE['quiz']}: quiz.1.options: exactly one option must have 'correct: true' "
        "(mark the one right answer with 'correct: true')")


@pytest.mark.parametrize("field", ["title", "description"])
def test_a_line_break_in_a_one_line_field_says_how_to_fold_it(field: str) -> None:
    value = "A sentence a contributor wrapped\nonto a second line."
    assert only(**{field: value}) == (
        f"{FILE}:{LINE[field]}: {field}: must be one line of text, without line breaks "
        "(write it on one line (with '>-' YAML folds the lines into one))")


def test_a_tag_or_prerequisite_that_is_not_an_id_shows_the_form() -> None:
    assert only(tags=["concepts", "Arms Races"]) == (
        f"{FILE}:{LINE['tags']}: tags.1: 'Arms Races' is not a valid id or tag "
        "(use lower-case words joined by hyphens, e.g. 'arms-races')")
    assert only(prerequisites=["Realism"]) == (
        f"{FILE}:{LINE['prerequisites']}: prerequisites.0: 'Realism' is not a valid id or tag "
        "(use lower-case words joined by hyphens, e.g. 'arms-races')")


def test_a_value_of_the_wrong_type_names_both_types() -> None:
    assert only(description=5) == (
        f"{FILE}:{LINE['description']}: description: expected string, got int "
        "(see CONTRIBUTING.md for the front-matter format)")


def test_a_yaml_date_is_reported_as_a_date_not_a_crash() -> None:
    topic, problems = load_topic("---\ntitle: 2026-01-01\n---\nBody\n", "anarchy", FILE, "x")
    assert topic is None
    assert Problem(FILE, 2, "title: expected string, got date",
                   "see CONTRIBUTING.md for the front-matter format") in problems


@pytest.mark.parametrize(("change", "message"), [
    ({"tags": []}, "tags: [] should be non-empty"),
    ({"tags": ["a", "b", "c", "d", "e", "f"]}, "tags: ['a', 'b', 'c', 'd', 'e', 'f'] is too long"),
    ({"title": "AB"}, "title: 'AB' is too short"),
    ({"title": "T" * 81}, f"title: {'T' * 81!r} is too long"),
], ids=["minItems", "maxItems", "minLength", "maxLength"])
def test_a_value_outside_its_limits_points_to_the_limits(change: dict, message: str) -> None:
    field = next(iter(change))
    assert only(**change) == f"{FILE}:{LINE[field]}: {message} (see CONTRIBUTING.md for the limits)"


def test_any_other_schema_error_points_to_the_format() -> None:
    assert only(tags=["concepts", "concepts"]) == (
        f"{FILE}:{LINE['tags']}: tags: ['concepts', 'concepts'] has non-unique elements "
        "(see CONTRIBUTING.md for the front-matter format)")


def test_every_schema_error_of_a_file_is_reported() -> None:
    assert problems_of(level="expert", tags=[]) == [
        f"{FILE}:{LINE['level']}: level: 'expert' is not allowed "
        "(use one of: introductory, undergraduate, graduate)",
        f"{FILE}:{LINE['tags']}: tags: [] should be non-empty (see CONTRIBUTING.md for the limits)",
    ]


# --- The course's parts and levels -------------------------------------------------------------------

def test_a_part_the_course_does_not_name_is_refused_listing_the_parts_in_course_order() -> None:
    assert only(COURSE, part="Theory", level="beginner") == (
        f"{FILE}:{LINE['part']}: part: 'Theory' is not allowed (use one of: Foundations, Cases)")


def test_a_part_the_course_names_is_accepted() -> None:
    for part in COURSE.parts:
        topic, problems = load_topic(text_of(front_matter("anarchy", part=part, level="advanced")),
                                     "anarchy", FILE, "topics/anarchy.md", COURSE)
        assert problems == [] and topic.part == part


def test_with_no_parts_named_any_part_is_accepted() -> None:
    topic, problems = load_topic(text_of(front_matter("anarchy", part="Anything At All")), "anarchy", FILE,
                                 "topics/anarchy.md", CourseSettings(levels=("beginner", "undergraduate")))
    assert problems == [] and topic.part == "Anything At All"
    assert only(CourseSettings(), part="") == (
        f"{FILE}:{LINE['part']}: part: '' should be non-empty (see CONTRIBUTING.md for the limits)")


def test_the_course_levels_replace_the_default_levels() -> None:
    assert only(COURSE, level="undergraduate") == (
        f"{FILE}:{LINE['level']}: level: 'undergraduate' is not allowed (use one of: beginner, advanced)")
    topic, problems = load_topic(text_of(front_matter("anarchy", level="advanced")), "anarchy", FILE,
                                 "topics/anarchy.md", COURSE)
    assert problems == [] and topic.level == "advanced"


def test_the_published_schema_names_the_course_parts_and_levels_and_the_default_is_unchanged() -> None:
    course = schema(COURSE)["properties"]
    assert (course["part"]["enum"], course["level"]["enum"]) == (["Foundations", "Cases"], ["beginner", "advanced"])
    default = schema()["properties"]
    assert "enum" not in default["part"] and default["level"]["enum"] == list(LEVELS)
    assert schema(CourseSettings(levels=("one",)))["properties"]["level"]["enum"] == ["one"]
    assert schema()["properties"]["level"]["enum"] == list(LEVELS)  # a course's schema did not change it


def test_the_course_settings_reach_every_file_loaded(tmp_path: Path) -> None:
    write_topic(tmp_path, "alpha", part="Cases", level="beginner")
    write_topic(tmp_path, "beta", part="Theory", level="beginner")
    topics, problems = load_topics(tmp_path, "site", COURSE)
    assert [t.id for t in topics] == ["alpha"]
    assert [str(p) for p in problems] == [
        f"site/topics/beta.md:{LINE['part']}: part: 'Theory' is not allowed (use one of: Foundations, Cases)"]


# --- A folder of topics ------------------------------------------------------------------------------

def test_topics_load_in_file_order_with_their_paths(tmp_path: Path) -> None:
    write_topic(tmp_path, "beta")
    write_topic(tmp_path, "alpha")
    (tmp_path / "topics" / "notes.txt").write_text("not a topic", encoding="utf-8")
    topics, problems = load_topics(tmp_path, "site")
    assert problems == []
    assert [(t.id, t.file, t.src_uri) for t in topics] == [
        ("alpha", "site/topics/alpha.md", "topics/alpha.md"), ("beta", "site/topics/beta.md", "topics/beta.md")]
    assert load_topics(tmp_path)[0][0].file == "docs/topics/alpha.md"


def test_a_nested_topic_file_is_refused_with_where_it_belongs(tmp_path: Path) -> None:
    write_topic(tmp_path / "topics" / "drafts", "alpha")
    topics, problems = load_topics(tmp_path)
    assert topics == []
    assert [str(p) for p in problems] == [
        "docs/topics/drafts/topics/alpha.md: topic files must sit directly in docs/topics/ "
        "(move it to docs/topics/alpha.md)"]


def test_ids_that_differ_only_by_hyphens_collide_each_with_the_one_before(tmp_path: Path) -> None:
    for topic_id in ("abc", "ab-c", "a-bc", "other"):
        write_topic(tmp_path, topic_id)
    topics, problems = load_topics(tmp_path)
    assert [t.id for t in topics] == ["a-bc", "ab-c", "abc", "other"]
    assert [str(p) for p in problems] == [
        "docs/topics/ab-c.md: duplicate topic id: 'ab-c' collides with 'a-bc' (docs/topics/a-bc.md) "
        "(merge the two topics or rename one)",
        "docs/topics/abc.md: duplicate topic id: 'abc' collides with 'ab-c' (docs/topics/ab-c.md) "
        "(merge the two topics or rename one)",
    ]


def test_no_topics_folder_means_no_topics_and_no_problems(tmp_path: Path) -> None:
    assert load_topics(tmp_path) == ([], [])


@pytest.mark.usefixtures("rounds_held")
def test_a_second_load_takes_the_unchanged_topics_and_loads_the_edited_and_broken_ones_again(tmp_path: Path) -> None:
    # `mkdocs serve` loads every topic after each edit: those whose file is as it was come from the last load.
    for topic_id in ("alpha", "beta", "gamma"):
        write_topic(tmp_path, topic_id)
    (tmp_path / "topics" / "broken.md").write_text("---\ntitle: [unclosed\n---\n", encoding="utf-8")
    first, first_problems = load_topics(tmp_path)
    write_topic(tmp_path, "beta", title="Beta, retitled")
    second, second_problems = load_topics(tmp_path)
    before, after = {t.id: t for t in first}, {t.id: t for t in second}
    assert after["alpha"] is before["alpha"] and after["gamma"] is before["gamma"]
    assert after["beta"].title == "Beta, retitled" and before["beta"].title == "Topic beta"
    assert second_problems == first_problems and [p.file for p in second_problems] == ["docs/topics/broken.md"]
    # The same text under another name is another topic.
    (tmp_path / "topics" / "delta.md").write_text((tmp_path / "topics" / "alpha.md").read_text(), encoding="utf-8")
    third = {t.id: t for t in load_topics(tmp_path)[0]}
    assert third["delta"].src_uri == "topics/delta.md" and third["alpha"] is before["alpha"]
    # Only the last load's topics are held: beta as it was two loads ago is loaded again.
    write_topic(tmp_path, "beta")
    fourth = {t.id: t for t in load_topics(tmp_path)[0]}
    assert fourth["beta"] == before["beta"] and fourth["beta"] is not before["beta"]
