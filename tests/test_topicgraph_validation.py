"""Every contributor mistake the engine catches, each as one line naming the file and the fix."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from topicfactory import front_matter, write_graph, write_topic

from topicgraph.errors import Problem
from topicgraph.graph import build_graph, validate_graph, validate_navigation
from topicgraph.load import _validator, load_topics, schema_errors


def problems_in(docs: Path, nav: dict[str, str] | None = None) -> list[Problem]:
    topics, problems = load_topics(docs)
    graph = build_graph(topics)
    problems += validate_graph(topics, graph)
    if nav is not None:
        problems += validate_navigation(topics, nav)
    return problems


def only(problems: list[Problem]) -> str:
    assert len(problems) == 1, problems
    return str(problems[0])


def test_unknown_prerequisite_suggests_the_closest_id(tmp_path) -> None:
    write_graph(tmp_path, {"anarchy": [], "realism": ["anarchi"]})
    line = only(problems_in(tmp_path))
    assert line.startswith("docs/topics/realism.md:")
    assert "unknown prerequisite 'anarchi'" in line and "did you mean 'anarchy'?" in line


def test_self_prerequisite(tmp_path) -> None:
    write_graph(tmp_path, {"loop": ["loop"]})
    line = only(problems_in(tmp_path))
    assert line.startswith("docs/topics/loop.md:") and "lists itself as a prerequisite" in line


def test_cycle_is_printed_in_full(tmp_path) -> None:
    write_graph(tmp_path, {"a": ["c"], "b": ["a"], "c": ["b"], "d": []})
    line = only(problems_in(tmp_path))
    assert "prerequisite cycle: a -> c -> b -> a" in line or "prerequisite cycle: a -> b -> c -> a" in line
    assert line.startswith("docs/topics/a.md")


COURSE_SIZE = len(list((Path(__file__).resolve().parents[1] / "docs" / "topics").glob("*.md")))


@pytest.mark.parametrize("length", range(1, COURSE_SIZE + 1))
def test_a_cycle_of_any_length_is_one_line_naming_every_topic(tmp_path, length: int) -> None:
    """From a topic that lists itself to a loop through as many topics as the course has."""
    ids = [f"t{n:02d}" for n in range(length)]
    write_graph(tmp_path, {topic: [ids[n - 1]] for n, topic in enumerate(ids)} | {"outside": [ids[0]]})
    line = only(problems_in(tmp_path))
    assert line.startswith("docs/topics/t00.md:")
    if length == 1:
        assert "'t00' lists itself as a prerequisite" in line
    else:
        loop = line.split("prerequisite cycle: ", 1)[1].split(" (", 1)[0].split(" -> ")
        assert loop[0] == loop[-1] == "t00" and sorted(loop[:-1]) == ids


def test_duplicate_id(tmp_path) -> None:
    write_graph(tmp_path, {"arms-race": [], "armsrace": []})
    assert "duplicate topic id" in only(problems_in(tmp_path))


def test_nested_topic_file(tmp_path) -> None:
    write_topic(tmp_path, "anarchy")
    nested = tmp_path / "topics" / "old" / "anarchy.md"
    nested.parent.mkdir()
    nested.write_text((tmp_path / "topics" / "anarchy.md").read_text())
    assert "must sit directly in docs/topics/" in only(problems_in(tmp_path))


def test_missing_field_names_the_field_and_what_it_holds(tmp_path) -> None:
    write_topic(tmp_path, "anarchy", level=None)
    line = only(problems_in(tmp_path))
    assert line.startswith("docs/topics/anarchy.md") and "missing field 'level'" in line


def test_ill_typed_field(tmp_path) -> None:
    write_topic(tmp_path, "anarchy", tags="anarchy")
    line = only(problems_in(tmp_path))
    assert "docs/topics/anarchy.md:" in line and "tags: expected array, got str" in line


def test_unknown_level_lists_the_allowed_values(tmp_path) -> None:
    write_topic(tmp_path, "anarchy", level="expert")
    line = only(problems_in(tmp_path))
    assert "level: 'expert' is not allowed" in line and "introductory, undergraduate, graduate" in line


def test_misspelt_field_gets_a_suggestion(tmp_path) -> None:
    write_topic(tmp_path, "anarchy", prerequisite=["x"])
    assert "did you mean 'prerequisites'?" in only(problems_in(tmp_path))


def test_quiz_needs_exactly_one_correct_option(tmp_path) -> None:
    options = [{"text": "a", "explanation": "x"}, {"text": "b", "explanation": "y"}]
    quiz = [{"question": "Which one?", "options": options}] * 3
    write_topic(tmp_path, "anarchy", quiz=quiz)
    problems = problems_in(tmp_path)
    assert problems and all("exactly one option must have 'correct: true'" in str(p) for p in problems)


def test_malformed_yaml_reports_the_line(tmp_path) -> None:
    path = tmp_path / "topics" / "anarchy.md"
    path.parent.mkdir(parents=True)
    path.write_text("---\ntitle: Anarchy\nlevel: [graduate\npart: Foundations\n---\nBody\n")
    line = only(problems_in(tmp_path))
    assert line.startswith("docs/topics/anarchy.md:") and "not valid YAML" in line


def test_missing_front_matter(tmp_path) -> None:
    path = tmp_path / "topics" / "anarchy.md"
    path.parent.mkdir(parents=True)
    path.write_text("# Anarchy\n\nNo front matter.\n")
    assert "no front matter" in only(problems_in(tmp_path))


def test_topic_missing_from_navigation(tmp_path) -> None:
    write_graph(tmp_path, {"anarchy": [], "realism": ["anarchy"]})
    line = only(problems_in(tmp_path, nav={"topics/anarchy.md": "Foundations"}))
    assert line.startswith("docs/topics/realism.md") and "not in the navigation" in line
    assert "add '- topics/realism.md' under 'Foundations'" in line


def test_part_disagreeing_with_navigation(tmp_path) -> None:
    write_graph(tmp_path, {"anarchy": []})
    line = only(problems_in(tmp_path, nav={"topics/anarchy.md": "Cases"}))
    assert "part is 'Foundations' but the navigation lists it under 'Cases'" in line


TWO_RIGHT = [{"question": "Which?", "options": [{"text": t, "correct": True, "explanation": "x"} for t in "ab"]}] * 3
VARIANTS = {
    "valid": {},
    "missing level": {"level": None},
    "unknown level": {"level": "expert"},
    "tags not a list": {"tags": "anarchy"},
    "bad tag": {"tags": ["Not A Tag"]},
    "bad prerequisite id": {"prerequisites": ["Anarchy"]},
    "misspelt field": {"prerequisite": ["x"]},
    "no right answer": {"quiz": [{"question": "Which?", "options": [{"text": "a", "explanation": "x"}] * 2}] * 3},
    "two right answers": {"quiz": TWO_RIGHT},
    "empty title": {"title": ""},
    "quiz not a list": {"quiz": "none"},
    "a YAML date": {"title": date(2026, 1, 1)},
}


@pytest.mark.parametrize("change", VARIANTS.values(), ids=VARIANTS.keys())
def test_the_fast_schema_check_agrees_with_jsonschema(change: dict) -> None:
    meta = front_matter("anarchy", **change)
    assert [e.message for e in schema_errors(meta)] == [e.message for e in _validator().iter_errors(meta)]
    assert bool(schema_errors(meta)) == (change != {})


def test_every_broken_file_is_reported_under_its_own_name_and_every_good_file_still_loads(tmp_path) -> None:
    """One pass reports all the problems (none hides another) and a broken file costs only itself."""
    write_topic(tmp_path, "aa-good")
    write_topic(tmp_path, "Bad_Id")
    write_topic(tmp_path, "bb-no-level", level=None)
    nested = write_topic(tmp_path / "topics", "nested")  # docs/topics/topics/nested.md
    write_topic(tmp_path, "zz-good", level="graduate")
    topics, problems = load_topics(tmp_path, display_prefix="site-src")
    assert [t.id for t in topics] == ["aa-good", "zz-good"]
    assert nested.exists()
    assert [(p.file, p.message.split(":")[0]) for p in problems] == [
        ("site-src/topics/Bad_Id.md", "'Bad_Id' is not a valid topic id"),
        ("site-src/topics/bb-no-level.md", "missing field 'level'"),
        ("site-src/topics/topics/nested.md", "topic files must sit directly in docs/topics/"),
    ]
    assert (problems[0].fix, problems[2].fix) == (
        "rename the file using lower-case letters, digits and hyphens only", "move it to docs/topics/nested.md")
