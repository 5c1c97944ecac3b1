"""A second course, examples/minimal-course/, built by the same plugin: its own parts and levels, no
bibliography, nothing from this course's overrides/, hooks or bibliography."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from sitebuild import ROOT, run_build

EXAMPLE = ROOT / "examples" / "minimal-course"


@pytest.fixture(scope="module")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = tmp_path_factory.mktemp("example") / "course"
    shutil.copytree(EXAMPLE, project)
    result = run_build(project, project / "site")
    assert result.returncode == 0, result.output
    assert "WARNING" not in result.output, result.output
    return result.site


def _page(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_the_example_needs_only_its_config_and_its_topics() -> None:
    files = {p.relative_to(EXAMPLE).as_posix() for p in EXAMPLE.rglob("*")
             if p.is_file() and not {".cache", "site"} & set(p.relative_to(EXAMPLE).parts)}  # a build's output
    assert files == {"mkdocs.yml", "docs/index.md", "docs/topics/sample-spaces.md",
                     "docs/topics/conditional-probability.md", "docs/topics/independence.md",
                     "docs/topics/bayes-theorem.md"}


def test_topic_pages_have_the_card_and_connections_but_no_reference_list(example_site: Path) -> None:
    page = _page(example_site, "topics/bayes-theorem")
    card = page.select_one(".sd-card")
    assert card is not None and "Depth 3" in card.get_text(" ")
    prerequisites = page.find(id="prerequisites").find_next("ul")
    assert [a.get_text(strip=True) for a in prerequisites.find_all("a")] == ["Conditional probability",
                                                                                 "Independence"]
    assert page.select_one("form.sd-quiz") is not None
    assert page.find(id="references") is None, "a course without a bibliography has no reference lists"
    assert page.find(id="cite") is not None
    # The engine's stylesheet and script come with the plugin.
    assert (example_site / "assets" / "stylesheets" / "course.css").is_file()
    assert (example_site / "assets" / "javascripts" / "course.js").is_file()


def test_the_course_parts_and_generated_pages_are_the_examples_own(example_site: Path) -> None:
    syllabus = _page(example_site, "syllabus").get_text(" ")
    assert syllabus.index("Basics") < syllabus.index("Inference")
    assert "Foundations" not in syllabus
    assert {p.name for p in (example_site / "paths").iterdir()} == {
        "sample-spaces", "conditional-probability", "independence", "bayes-theorem"}
    path = _page(example_site, "paths/bayes-theorem").get_text(" ")
    assert path.index("Sample spaces") < path.index("Conditional probability") < path.index("Independence")
    assert not (example_site / "works-cited").exists()
    graph = json.loads((example_site / "graph.json").read_text(encoding="utf-8"))
    assert len(graph["nodes"]) == 4 and len(graph["edges"]) == 4


def test_a_part_the_course_does_not_name_fails_in_one_line(tmp_path: Path) -> None:
    project = tmp_path / "course"
    shutil.copytree(EXAMPLE, project)
    topic = project / "docs" / "topics" / "independence.md"
    topic.write_text(topic.read_text(encoding="utf-8").replace("part: Basics", "part: Foundations"),
                     encoding="utf-8")
    result = run_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "docs/topics/independence.md:7: part: 'Foundations' is not allowed (use one of: Basics, Inference)" \
        in result.output, result.output
    assert "Traceback" not in result.output
