"""Quotations and their locators (topicgraph/quotations.py), as a contributor reads the report: each
message and fix exactly, the quotation as shown (shortened, on one line), the line in the file, and
which quoted spans are titles of the work cited."""

from __future__ import annotations

from pybtex.database import parse_string

from topicgraph.citations import Bibliography
from topicgraph.errors import Problem
from topicgraph.quotations import LOCATOR_FIX, check_quotations, find_quotations, quotation_problems

NO_CITATION_FIX = "cite its source with a page in the same paragraph, e.g. [@key, p. 12]"
BIB = parse_string("""
@book{waltz1979, author = {Waltz, K.}, title = {Theory of International Politics}, year = {1979}}
@article{nato1999, author = {Kay, S.}, title = {{NATO}'s {E}nlargement and the {R}ussian Question}, year = {1999}}
@misc{waltz1959, author = {Waltz, K.}, title = {Waltz's Man, the State, and War}, year = {1959}}
@misc{mcnamara, author = {Doe, J.}, title = {The Mc{N}amara Years}, year = {2001}}
@misc{untitled, author = {Anon}, year = {2000}}
""", "bibtex")
BIBLIOGRAPHY = Bibliography("refs.bib", dict(BIB.entries))


def titles(key: str) -> str | None:
    entry = BIBLIOGRAPHY.entries.get(key)
    return entry.fields.get("title") if entry is not None else None


def reported(markdown: str, first_line: int = 1) -> list[str]:
    return [str(p) for p in quotation_problems("docs/a.md", markdown, first_line, titles)]


def test_each_problem_reads_as_written_with_its_fix() -> None:
    assert reported("He wrote “states must help themselves”.\n\nLater “fear drives the spiral” [@waltz1979].\n") == [
        f"docs/a.md:1: quotation “states must help themselves” has no citation after it ({NO_CITATION_FIX})",
        f"docs/a.md:3: quotation “fear drives the spiral” is cited without a page ([@waltz1979]) ({LOCATOR_FIX})",
    ]
    assert LOCATOR_FIX == "add the page, e.g. [@key, p. 12], or for a work without pages its chapter or section"


def test_a_long_quotation_is_shown_shortened_to_sixty_characters() -> None:
    exactly_60 = "a" * 10 + " " + "b" * 49
    assert len(exactly_60) == 60
    assert reported(f"“{exactly_60}”") == [f"docs/a.md:1: quotation “{exactly_60}” has no citation after it "
                                           f"({NO_CITATION_FIX})"]
    space_at_the_cut = "a" * 58 + " bbbb"  # the first 59 characters end with a space, which is dropped
    assert reported(f"“{space_at_the_cut}”")[0].startswith(f"docs/a.md:1: quotation “{'a' * 58}…” has no")
    long = "word " * 20
    assert reported(f"“{long}”")[0].startswith(f"docs/a.md:1: quotation “{long[:59].rstrip()}…” has no")


def test_a_quotation_across_lines_is_shown_on_one_line() -> None:
    assert reported("As he put it, “the balance\nof power\n  recurs”.\n\nNext paragraph.") == [
        f"docs/a.md:1: quotation “the balance of power recurs” has no citation after it ({NO_CITATION_FIX})"]


def test_markup_inside_a_quotation_is_not_shown() -> None:
    assert reported("“the <em>balance</em> of `x` power”") == [
        f"docs/a.md:1: quotation “the balance of power” has no citation after it ({NO_CITATION_FIX})"]


def test_a_tag_over_two_lines_keeps_the_quotation_on_its_own_line() -> None:
    assert [q.line for q in find_quotations('<span\nclass="x">Intro</span>\n“three words here” end', 10)] == [12]


def test_a_one_word_term_before_a_quotation_does_not_hide_it() -> None:
    assert reported("The “spiral”, then “fear feeds on fear” follows.") == [
        f"docs/a.md:1: quotation “fear feeds on fear” has no citation after it ({NO_CITATION_FIX})"]


def test_a_quoted_span_holding_a_citation_is_not_a_quotation() -> None:
    assert reported("“as in [@waltz1979, p. 3] and later”") == []


def test_quoting_the_title_of_the_work_cited_needs_no_page() -> None:
    accepted = [
        "“Theory of International Politics” [@waltz1979]",
        "“theory of international” [see @waltz1979]",
        "“NATO’s Enlargement and the Russian Question” [@nato1999]",  # braces and the curly apostrophe
        "“Waltz’s Man, the State” [@waltz1959]",
        "“The McNamara Years” [@mcnamara]",  # a capital kept by braces inside a word
    ]
    for markdown in accepted:
        assert reported(markdown) == [], markdown
    for markdown in ("“Theory of International Politics” [@nato1999]", "“no title at all here” [@untitled]",
                     "“Theory of International Politics” [@unknown2000]", "“Waltz’s Man or the State” [@waltz1959]"):
        assert len(reported(markdown)) == 1, markdown


def test_pages_are_checked_under_their_paths_with_the_lines_of_the_file() -> None:
    pages = {
        "topics/a.md": "---\ntitle: “Not a quotation in front matter”\n---\n\n"
                       "He wrote “states must help themselves”.\n",
        "index.md": "Plain “quoted words here”.\n",
    }
    assert check_quotations(pages, BIBLIOGRAPHY) == [
        Problem("docs/topics/a.md", 5, "quotation “states must help themselves” has no citation after it",
                NO_CITATION_FIX),
        Problem("docs/index.md", 1, "quotation “quoted words here” has no citation after it", NO_CITATION_FIX),
    ]
    assert check_quotations({"i.md": "“Theory of International Politics” [@waltz1979]"}, BIBLIOGRAPHY, "src") == []
    assert [p.file for p in check_quotations({"i.md": "“some quoted words” [@untitled]"}, BIBLIOGRAPHY, "src")] \
        == ["src/i.md"]
    across = {"i.md": "---\ntitle: T\n---\nAs “an unknown work\nsays here” [@nobody2000] shows.\n\nEnd.\n"}
    assert check_quotations(across, BIBLIOGRAPHY) == [
        Problem("docs/i.md", 4, "quotation “an unknown work says here” is cited without a page ([@nobody2000])",
                LOCATOR_FIX)]
