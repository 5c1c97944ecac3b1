"""The whole pipeline (topicgraph/course.py) on a tiny course written in a temporary folder: what a
loaded course holds, that every kind of problem is gathered into one error, and a course without a
bibliography, a record or a navigation check."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from topicfactory import write_topic

from topicgraph.course import load_course
from topicgraph.errors import TopicGraphError
from topicgraph.model import ANY_COURSE, CourseSettings

WALTZ = ("@book{waltz1979, author = {Waltz, K.}, title = {Theory of International Politics}, publisher = {AW},"
         " address = {Reading}, year = {1979}}\n")
JERVIS = ("@article{jervis1978, author = {Jervis, R.}, title = {Cooperation}, journal = {WP}, year = {1978},"
          " volume = {30}, pages = {167--214}}\n")


def course_dir(tmp_path: Path) -> tuple[Path, Path]:
    """alpha <- beta <- gamma; beta cites Waltz and links to alpha; gamma cites Jervis then Waltz twice
    and links to alpha and beta; the home page links to gamma and cites Jervis."""
    docs = tmp_path / "docs"
    write_topic(docs, "alpha", body="## Core idea\n\nAnarchy.\n")
    write_topic(docs, "beta", ["alpha"],
                body="## Core idea\n\nSelf-help [@waltz1979, p. 3], after [alpha](alpha.md).\n")
    write_topic(docs, "gamma", ["beta"], part="Cases",
                body="Spirals [@jervis1978, p. 170].\n\nAgain [@waltz1979, p. 5] and [@waltz1979, p. 9]; "
                     "see [alpha](alpha.md) and [beta](beta.md#core-idea).\n")
    (docs / "index.md").write_text("# Home\n\nStart with [gamma](topics/gamma.md) [@jervis1978, p. 168].\n",
                                   encoding="utf-8")
    bib = tmp_path / "refs.bib"
    bib.write_text(WALTZ + JERVIS, encoding="utf-8")
    return docs, bib


def pages_of(docs: Path) -> dict[str, str]:
    return {path.relative_to(docs).as_posix(): path.read_text(encoding="utf-8")
            for path in sorted(docs.rglob("*.md"))}


def line_with(path: Path, needle: str) -> int:
    """The 1-based line of the file on which `needle` first appears."""
    text = path.read_text(encoding="utf-8")
    return text.count("\n", 0, text.index(needle)) + 1


NAV = {"topics/alpha.md": "Foundations", "topics/beta.md": "Foundations", "topics/gamma.md": "Cases"}


def problems_raised(*args, **kwargs) -> list[str]:
    with pytest.raises(TopicGraphError) as raised:
        load_course(*args, **kwargs)
    return [str(p) for p in raised.value.problems]


def test_a_good_course_loads_with_its_topics_graph_citations_and_mentions(tmp_path: Path) -> None:
    docs, bib = course_dir(tmp_path)
    pages = pages_of(docs)
    course = load_course(docs, bib, pages, NAV)
    assert list(course.topics) == ["alpha", "beta", "gamma"]
    assert sorted(course.graph.edges) == [("alpha", "beta"), ("beta", "gamma")]
    assert {i: m.depth for i, m in course.metrics.items()} == {"alpha": 0, "beta": 1, "gamma": 2}
    assert sorted(course.bibliography.entries) == ["jervis1978", "waltz1979"]
    assert course.bibliography.file == "refs.bib"
    beta, gamma = docs / "topics" / "beta.md", docs / "topics" / "gamma.md"
    assert {uri: [(u.key, u.line) for u in uses] for uri, uses in course.citations.items()} == {
        "index.md": [("jervis1978", 3)],
        "topics/alpha.md": [],
        "topics/beta.md": [("waltz1979", line_with(beta, "[@waltz"))],
        "topics/gamma.md": [("jervis1978", line_with(gamma, "[@jervis")), ("waltz1979", line_with(gamma, "[@waltz")),
                            ("waltz1979", line_with(gamma, "[@waltz"))],
    }
    assert line_with(gamma, "[@waltz") == line_with(gamma, "[@jervis") + 2
    # only topics' prose counts, and only links to topics: the home page's link to gamma is not a mention
    assert course.mentions == {"alpha": ["beta", "gamma"], "beta": ["gamma"], "gamma": []}
    assert course.record is None
    assert course.settings == ANY_COURSE
    assert course.pages == pages


def test_titles_descriptions_and_the_topic_of_a_page(tmp_path: Path) -> None:
    docs, bib = course_dir(tmp_path)
    course = load_course(docs, bib, pages_of(docs))
    assert course.titles == {"alpha": "Topic alpha", "beta": "Topic beta", "gamma": "Topic gamma"}
    assert course.descriptions["gamma"] == "The core idea of gamma, stated in one sentence for neighbour lists."
    assert list(course.descriptions) == ["alpha", "beta", "gamma"]
    assert course.topic_for("topics/beta.md") is course.topics["beta"]
    for not_a_topic in ("index.md", "beta.md", "topics/beta", "topics/delta.md", "other/topics/beta.md"):
        assert course.topic_for(not_a_topic) is None, not_a_topic


def test_each_work_lists_the_pages_citing_it_once_each_in_page_order(tmp_path: Path) -> None:
    docs, bib = course_dir(tmp_path)
    course = load_course(docs, bib, pages_of(docs))
    assert course.cited_in() == {"waltz1979": ["topics/beta.md", "topics/gamma.md"],
                                 "jervis1978": ["index.md", "topics/gamma.md"]}


def test_every_problem_of_every_kind_is_reported_in_one_error(tmp_path: Path) -> None:
    docs, bib = course_dir(tmp_path)
    write_topic(docs, "delta", ["alpah"], body="As “a quoted phrase of several words” shows.\n\n<script>x()</script>\n")
    write_topic(docs, "broken", level="expert")
    write_topic(docs, "epsilon", ["broken"])
    (docs / "extra.html").write_text("<p>hi</p>", encoding="utf-8")
    bib.write_text(WALTZ + JERVIS + "@misc{unused2000, author = {A, B}, title = {T}, year = {2000}}\n",
                   encoding="utf-8")
    pages = pages_of(docs)
    pages["index.md"] += "\nSee [@waltzz1979, p. 2].\n"
    delta = docs / "topics" / "delta.md"
    assert problems_raised(docs, bib, pages, NAV, display_prefix="src") == [
        "refs.bib:3: entry 'unused2000' is not cited by any page (cite it with [@unused2000] where it supports "
        "a claim, or remove it)",
        "src/extra.html: an HTML file in docs/ is published as it is, past the page checks "
        "(write it as a Markdown page, src/extra.md)",
        "src/index.md:5: unknown citation key 'waltzz1979' (did you mean 'waltz1979'?)",
        "src/topics/broken.md:4: level: 'expert' is not allowed (use one of: introductory, undergraduate, graduate)",
        "src/topics/delta.md: topic is not in the navigation "
        "(add '- topics/delta.md' under 'Foundations' in the nav of mkdocs.yml)",
        "src/topics/delta.md:8: unknown prerequisite 'alpah' (did you mean 'alpha'?)",
        f"src/topics/delta.md:{line_with(delta, 'As “a')}: quotation “a quoted phrase of several words” "
        "has no citation after it "
        "(cite its source with a page in the same paragraph, e.g. [@key, p. 12])",
        f"src/topics/delta.md:{line_with(delta, '<script>')}: raw <script> in the page's Markdown "
        "(use the course's scripts, not inline <script> in content)",
        "src/topics/epsilon.md: topic is not in the navigation "
        "(add '- topics/epsilon.md' under 'Foundations' in the nav of mkdocs.yml)",
    ]


def test_without_a_navigation_the_navigation_is_not_checked(tmp_path: Path) -> None:
    docs, bib = course_dir(tmp_path)
    write_topic(docs, "delta", ["gamma"], part="Elsewhere")
    course = load_course(docs, bib, pages_of(docs), None)
    assert "delta" in course.topics
    assert problems_raised(docs, bib, pages_of(docs), {**NAV, "topics/delta.md": "Cases"}) == [
        "docs/topics/delta.md:5: part is 'Elsewhere' but the navigation lists it under 'Cases' "
        "(make the front matter's part and the nav section agree)"]


def test_a_course_without_a_bibliography_loads_and_checks_no_citation(tmp_path: Path) -> None:
    docs, _ = course_dir(tmp_path)
    pages = pages_of(docs)
    pages["index.md"] += "\nAs “a quoted phrase of several words” shows [@nobody2020].\n"
    course = load_course(docs, None, pages, NAV)
    assert course.bibliography.entries == {}
    assert course.cited_in() == {"jervis1978": ["index.md", "topics/gamma.md"],
                                 "waltz1979": ["topics/beta.md", "topics/gamma.md"],
                                 "nobody2020": ["index.md"]}
    assert course.citations["topics/beta.md"][0].key == "waltz1979"


def test_an_empty_bibliography_checks_no_citation_either(tmp_path: Path) -> None:
    docs, bib = course_dir(tmp_path)
    bib.write_text("", encoding="utf-8")
    course = load_course(docs, bib, pages_of(docs))
    assert course.bibliography.entries == {} and course.bibliography.file == "refs.bib"


def test_a_broken_bibliography_is_reported_under_its_file_name(tmp_path: Path) -> None:
    docs, bib = course_dir(tmp_path)
    bib.write_text(WALTZ + WALTZ, encoding="utf-8")
    assert problems_raised(docs, bib, pages_of(docs)) == [
        "refs.bib:2: duplicate key 'waltz1979' (first defined on line 1) "
        "(keep one entry, or give the other work its own key)"]


def test_the_course_parts_and_levels_apply_to_every_topic(tmp_path: Path) -> None:
    docs, bib = course_dir(tmp_path)
    settings = CourseSettings(parts=("Foundations", "Cases"), levels=("undergraduate",))
    course = load_course(docs, bib, pages_of(docs), NAV, settings=settings)
    assert course.settings is settings
    narrow = CourseSettings(parts=("Foundations",))
    assert problems_raised(docs, bib, pages_of(docs), NAV, settings=narrow) == [
        "docs/topics/gamma.md:5: part: 'Cases' is not allowed (use one of: Foundations)"]


def test_a_prerequisite_whose_file_failed_to_load_is_not_also_unknown(tmp_path: Path) -> None:
    docs, bib = course_dir(tmp_path)
    write_topic(docs, "broken", level="expert")
    write_topic(docs, "delta", ["broken", "nowhere"])
    assert problems_raised(docs, bib, pages_of(docs)) == [
        "docs/topics/broken.md:4: level: 'expert' is not allowed (use one of: introductory, undergraduate, graduate)",
        "docs/topics/delta.md:8: unknown prerequisite 'nowhere' "
        "(create docs/topics/nowhere.md or remove it from prerequisites)",
    ]


RECORD = {"as_of": "2026-12-01", "agreements": [{
    "id": "new-start", "name": "New START", "full_name": "Treaty on Strategic Offensive Arms",
    "aliases": ["New START"], "parties": "United States and Russia", "signed": "2010-04-08",
    "status": "expired", "status_text": "Expired in 2026.", "sources": ["@jervis1978, p. 200"]}]}


def write_record(docs: Path, record: object) -> None:
    (docs / "data").mkdir(parents=True, exist_ok=True)
    text = yaml.safe_dump(record, sort_keys=False).replace("'2026-12-01'", "2026-12-01") \
        .replace("'2010-04-08'", "2010-04-08")
    (docs / "data" / "agreements.yml").write_text(text, encoding="utf-8")


def test_the_record_table_is_in_place_before_citations_are_read(tmp_path: Path) -> None:
    docs, bib = course_dir(tmp_path)
    write_record(docs, RECORD)
    (docs / "record.md").write_text("# Record\n\n<!-- table: agreements -->\n", encoding="utf-8")
    course = load_course(docs, bib, pages_of(docs))
    assert course.record is not None and [a.id for a in course.record.agreements] == ["new-start"]
    assert "<!-- table: agreements -->" not in course.pages["record.md"]
    assert "New START" in course.pages["record.md"]
    assert [(u.key, u.line) for u in course.citations["record.md"]] == [("jervis1978", 5)]
    assert course.cited_in()["jervis1978"] == ["index.md", "record.md", "topics/gamma.md"]


def test_a_broken_record_is_reported_under_its_path_with_the_other_problems(tmp_path: Path) -> None:
    docs, bib = course_dir(tmp_path)
    write_topic(docs, "broken", level="expert")
    write_record(docs, {"agreements": []})
    assert problems_raised(docs, bib, pages_of(docs), display_prefix="src") == [
        "src/data/agreements.yml: expected 'as_of' (a date) and 'agreements' (a list) "
        "(see the entries already in the file)",
        "src/topics/broken.md:4: level: 'expert' is not allowed (use one of: introductory, undergraduate, graduate)",
    ]


def test_quoting_the_title_of_the_work_cited_needs_no_page_but_a_quotation_does(tmp_path: Path) -> None:
    docs, bib = course_dir(tmp_path)
    pages = pages_of(docs)
    pages["index.md"] += "\nWaltz’s “Theory of International Politics” [@waltz1979] argues so.\n"
    assert load_course(docs, bib, pages).citations["index.md"][-1].key == "waltz1979"
    pages["index.md"] += "\nHe wrote “states must look after themselves” [@waltz1979].\n"
    assert problems_raised(docs, bib, pages) == [
        "docs/index.md:7: quotation “states must look after themselves” is cited without a page "
        "([@waltz1979]) (add the page, e.g. [@key, p. 12], or for a work without pages its chapter or section)"]
