"""A contributor's mistake fails the build with a message naming the file."""

from __future__ import annotations

from pathlib import Path

from sitebuild import run_build

TOPIC = "docs/topics/security-dilemma.md"


def break_file(project: Path, relative: str, old: str, new: str, count: int = 1) -> None:
    path = project / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {relative}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def failing_build(project: Path) -> str:
    result = run_build(project, project / "site")
    assert result.returncode != 0, "the broken build passed"
    assert "Traceback" not in result.output, result.output
    return result.output


def test_unknown_citation_key(project_copy: Path) -> None:
    break_file(project_copy, TOPIC, "@herz1950", "@hertz1950")
    output = failing_build(project_copy)
    assert f"{TOPIC}:" in output
    assert "unknown citation key 'hertz1950'" in output
    assert "did you mean 'herz1950'" in output


def test_link_to_a_missing_page(project_copy: Path) -> None:
    break_file(project_copy, "docs/index.md", "(topics/security-dilemma.md)", "(topics/no-such-topic.md)")
    output = failing_build(project_copy)
    assert "index.md" in output and "no-such-topic.md" in output


def test_link_to_a_missing_anchor(project_copy: Path) -> None:
    break_file(project_copy, "docs/index.md", "(topics/security-dilemma.md)",
               "(topics/security-dilemma.md#no-such-section)")
    output = failing_build(project_copy)
    assert "index.md" in output and "no-such-section" in output
