"""The bibliography checks and citation scanning (topicgraph/citations.py) on small inputs: every message a
contributor reads, with its line, and every cited key found where mkdocs-bibtex finds it."""

from __future__ import annotations

from pathlib import Path

import pytest

from topicgraph.citations import (
    Bibliography,
    CitationUse,
    check_citations,
    check_unused,
    citation_uses,
    load_bibliography,
)
from topicgraph.errors import Problem

FILE = "bibliography.bib"
HERZ = ("@article{herz1950,\n  author = {Herz, John H.}, title = {Idealist Internationalism},\n"
        "  journal = {World Politics}, year = {1950}, volume = {2}, pages = {157--180},\n"
        "  doi = {10.2307/2009187}\n}\n")
WALTZ = ("@book{waltz1979, author = {Waltz, K.}, title = {Theory}, publisher = {AW}, address = {Reading},"
         " year = {1979}}\n")
JERVIS = "@misc{jervis1978, author = {Jervis, Robert}, title = {Cooperation}, year = {1978}}\n"


def bib(tmp_path: Path, text: str, file: str = FILE) -> tuple[Bibliography, list[Problem]]:
    path = tmp_path / "refs.bib"
    path.write_text(text, encoding="utf-8")
    return load_bibliography(path, file)


def test_entries_load_with_the_line_of_each_key(tmp_path: Path) -> None:
    bibliography, problems = bib(tmp_path, f"% works\n{HERZ}\n{WALTZ}{JERVIS}")
    assert problems == []
    assert list(bibliography.entries) == ["herz1950", "waltz1979", "jervis1978"]
    assert bibliography.lines == {"herz1950": 2, "waltz1979": 8, "jervis1978": 9}
    assert bibliography.file == FILE


def test_every_duplicate_key_is_reported_on_its_line_with_the_first_one(tmp_path: Path) -> None:
    bibliography, problems = bib(tmp_path, f"{JERVIS}{WALTZ}{JERVIS}\n{JERVIS}{WALTZ}", file="refs.bib")
    fix = "keep one entry, or give the other work its own key"
    assert problems == [
        Problem("refs.bib", 3, "duplicate key 'jervis1978' (first defined on line 1)", fix),
        Problem("refs.bib", 5, "duplicate key 'jervis1978' (first defined on line 1)", fix),
        Problem("refs.bib", 6, "duplicate key 'waltz1979' (first defined on line 2)", fix),
    ]
    # Nothing is parsed: no entry would be trusted, so no citation is checked against them.
    assert bibliography.entries == {}
    assert bibliography.file == "refs.bib"
    assert bibliography.lines == {"jervis1978": 1, "waltz1979": 2}


def test_a_file_pybtex_cannot_parse_is_one_problem(tmp_path: Path) -> None:
    bibliography, problems = bib(tmp_path, JERVIS + "@misc{broken, title = {Unclosed, year = {2000}}\n")
    assert len(problems) == 1
    assert (problems[0].file, problems[0].line) == (FILE, None)
    assert problems[0].message.startswith("cannot parse: ")
    assert problems[0].fix == "check braces and commas around the entry"
    assert bibliography.entries == {} and bibliography.lines == {"jervis1978": 1, "broken": 2}
    assert bibliography.file == FILE


@pytest.mark.parametrize(("entry_type", "required"), [
    ("article", ["author", "title", "journal", "year", "volume", "pages"]),
    ("book", ["author|editor", "title", "publisher", "address", "year"]),
    ("incollection", ["author", "title", "booktitle", "editor", "publisher", "year", "pages"]),
    ("inbook", ["author", "title", "booktitle", "publisher", "year", "pages"]),
    ("misc", ["author", "title", "year"]),
    ("report", ["author", "title", "institution", "year"]),
    ("techreport", ["author", "title", "institution", "year"]),
    ("phdthesis", ["author", "title", "school", "year"]),
    ("online", ["title", "year"]),
])
def test_each_type_requires_its_fields(tmp_path: Path, entry_type: str, required: list[str]) -> None:
    _, problems = bib(tmp_path, f"\n@{entry_type}{{empty, note = {{nothing}}}}\n")
    assert problems == [
        Problem(FILE, 2, f"entry 'empty' ({entry_type}) is missing '{name}'",
                f"add the {name.replace('|', ' or ')} field")
        for name in required]


def test_the_problems_of_every_entry_are_reported(tmp_path: Path) -> None:
    text = "@misc{a, title = {A}}\n@misc{b, author = {B, C}, year = {2000}}\n" + JERVIS
    assert [(p.line, p.message) for p in bib(tmp_path, text)[1]] == [
        (1, "entry 'a' (misc) is missing 'author'"), (1, "entry 'a' (misc) is missing 'year'"),
        (2, "entry 'b' (misc) is missing 'title'"),
    ]


def test_an_edited_book_is_complete_and_field_names_and_types_are_read_in_any_case(tmp_path: Path) -> None:
    text = ("@BOOK{jervis1976, EDITOR = {Jervis, R.}, Title = {Perception}, PUBLISHER = {PUP},\n"
            " address = {Princeton}, YEAR = {1976}}\n"
            "@Misc{m, Author = {A, B}, TITLE = {T}, year = {2000}}\n")
    assert bib(tmp_path, text)[1] == []
    _, problems = bib(tmp_path, "@BOOK{b, title = {T}, publisher = {P}, address = {A}, year = {1}}\n")
    assert problems == [Problem(FILE, 1, "entry 'b' (book) is missing 'author|editor'",
                                "add the author or editor field")]


@pytest.mark.parametrize("doi", ["10.2307/2009187", "10.1162/ISEC_a_00176", "10.123456789/x(1)"])
def test_a_bare_doi_is_accepted(tmp_path: Path, doi: str) -> None:
    assert bib(tmp_path, JERVIS.replace("year", f"doi = {{{doi}}}, year"))[1] == []


@pytest.mark.parametrize("doi", ["https://doi.org/10.2307/2009187", "doi:10.2307/2009187", "10.230/2009187",
                                 "10.1234567890/x", "10.2307/", "10.2307/2009 187", "x10.2307/2009187"])
def test_a_malformed_doi_is_reported_with_the_bare_form(tmp_path: Path, doi: str) -> None:
    _, problems = bib(tmp_path, "\n\n" + JERVIS.replace("year", f"doi = {{{doi}}}, year"))
    assert problems == [Problem(FILE, 3, f"entry 'jervis1978' has a malformed DOI '{doi}'",
                                "write the bare DOI, e.g. 10.2307/2009958 (no URL prefix)")]


def test_each_cited_key_is_found_with_its_line_in_the_file() -> None:
    body = ("Intro [@herz1950].\n"
            "\n"
            "Both [see @jervis-1978, p. 170; @glaser_1997, ch. 2] and [@a;@b].\n"
            "Mail x@example.org, [a link](https://x.org/@user) and [no key here].\n"
            "Last [@herz1950, pp. 157–158]\n")
    assert citation_uses(body, first_line=10) == [
        CitationUse("herz1950", 10), CitationUse("jervis-1978", 12), CitationUse("glaser_1997", 12),
        CitationUse("a", 12), CitationUse("b", 12), CitationUse("herz1950", 14),
    ]
    assert citation_uses("[@a]\n[@b]") == [CitationUse("a", 1), CitationUse("b", 2)]


def test_citations_in_fenced_code_are_skipped_and_lines_after_it_still_count() -> None:
    body = ("```bibtex\n[@in-code]\n```\n"
            "[@after-backticks]\n"
            "~~~\n[@in-tildes]\n```\n[@still-in-tildes]\n~~~\n"
            "[@after-tildes]\n")
    assert citation_uses(body) == [CitationUse("after-backticks", 4), CitationUse("after-tildes", 10)]


def test_an_unknown_key_is_reported_where_it_is_cited_with_up_to_three_close_keys_closest_first(tmp_path: Path) -> None:
    # Similarity to "jervis1977": 0.95, 0.95 (shorter), 0.91, 0.90; "herz1950" is far.
    bibliography = Bibliography(FILE, dict.fromkeys(["jervis1978", "jervis197", "herz1950", "jervis-1977x",
                                                     "jervis1977a"]))
    uses = [CitationUse("herz1950", 2), CitationUse("jervis1977", 5), CitationUse("waltz1979", 9)]
    assert check_citations("docs/topics/spiral.md", uses, bibliography) == [
        Problem("docs/topics/spiral.md", 5, "unknown citation key 'jervis1977'",
                "did you mean 'jervis1977a' or 'jervis197' or 'jervis-1977x'?"),
        Problem("docs/topics/spiral.md", 9, "unknown citation key 'waltz1979'",
                "add the work to bibliography.bib or fix the key"),
    ]


def test_a_key_only_somewhat_like_another_is_not_suggested() -> None:
    # "herz" is 0.67 like "herz1950": below the 0.75 cutoff; "herz195" is 0.93 like it.
    bibliography = Bibliography(FILE, dict.fromkeys(["herz1950"]))
    assert bibliography.suggest("herz") == "add the work to bibliography.bib or fix the key"
    assert bibliography.suggest("herz195") == "did you mean 'herz1950'?"


def test_every_entry_no_page_cites_is_reported_on_its_line(tmp_path: Path) -> None:
    bibliography, _ = bib(tmp_path, HERZ + WALTZ + JERVIS, file="refs.bib")
    assert check_unused(bibliography, {"waltz1979", "other"}) == [
        Problem("refs.bib", 1, "entry 'herz1950' is not cited by any page",
                "cite it with [@herz1950] where it supports a claim, or remove it"),
        Problem("refs.bib", 7, "entry 'jervis1978' is not cited by any page",
                "cite it with [@jervis1978] where it supports a claim, or remove it"),
    ]
    assert check_unused(bibliography, {"herz1950", "waltz1979", "jervis1978"}) == []
