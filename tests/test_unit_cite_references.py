"""A cited work as the page's metadata gives it to reference managers (topicgraph/cite.py): the
`citation_reference` tags Zotero reads (Highwire Press), schema.org's one-line `citation`, and BibTeX
values read as plain text."""

from __future__ import annotations

import pytest
from pybtex.database import Entry, Person

from topicgraph.cite import highwire_reference, plain_reference, plain_text


def entry(persons: dict[str, list[str]] | None = None, **fields: str) -> Entry:
    return Entry("article", fields=fields,
                 persons={role: [Person(name) for name in names] for role, names in (persons or {}).items()})


def tags(reference: str) -> list[tuple[str, str]]:
    return [tuple(part.split("=", 1)) for part in reference.split("; ")]


def test_every_field_a_reference_manager_reads_is_tagged_in_order() -> None:
    work = entry({"author": ["Jervis, Robert", "Snyder, Glenn H."]}, title="Cooperation under the {Security} Dilemma",
                 year="1978", journal="World Politics", booktitle="In a book", publisher="CUP", volume="30",
                 number="2", doi="10.2307/2009958", isbn="978-0", url="https://example.org/w", pages="167--214")
    assert tags(highwire_reference(work)) == [
        ("citation_title", "Cooperation under the Security Dilemma"), ("citation_author", "Jervis, Robert"),
        ("citation_author", "Snyder, Glenn H."), ("citation_publication_date", "1978"),
        ("citation_journal_title", "World Politics"), ("citation_inbook_title", "In a book"),
        ("citation_publisher", "CUP"), ("citation_volume", "30"), ("citation_issue", "2"),
        ("citation_doi", "10.2307/2009958"), ("citation_isbn", "978-0"), ("citation_public_url", "https://example.org/w"),
        ("citation_firstpage", "167"), ("citation_lastpage", "214")]


@pytest.mark.parametrize(("pages", "expected"), [
    ("167--214", [("citation_firstpage", "167"), ("citation_lastpage", "214")]),
    ("167–214", [("citation_firstpage", "167"), ("citation_lastpage", "214")]),
    ("167-214", [("citation_firstpage", "167"), ("citation_lastpage", "214")]),
    ("55", [("citation_firstpage", "55")]),
])
def test_a_page_range_in_any_dash_gives_a_first_and_a_last_page(pages: str, expected) -> None:
    assert tags(highwire_reference(entry(title="T", pages=pages)))[1:] == expected


def test_an_edited_book_names_its_editors_and_empty_fields_are_left_out() -> None:
    book = entry({"editor": ["Booth, Ken"]}, title="Security", year="", journal="")
    assert tags(highwire_reference(book)) == [("citation_title", "Security"), ("citation_author", "Booth, Ken")]
    assert tags(highwire_reference(entry({"author": ["Herz, John"]}))) == [("citation_author", "Herz, John")]
    both = entry({"author": ["Herz, John"], "editor": ["Booth, Ken"]}, title="T")
    assert ("citation_author", "Booth, Ken") not in tags(highwire_reference(both))


def test_a_semicolon_in_a_value_cannot_start_a_tag_of_its_own() -> None:
    reference = highwire_reference(entry(title="Guns; or, butter; citation_doi=x", year="2000"))
    assert tags(reference) == [("citation_title", "Guns, or, butter, citation_doi=x"),
                               ("citation_publication_date", "2000")]


def test_the_one_line_reference_reads_authors_year_and_title() -> None:
    work = entry({"author": ["Jervis, Robert", "Snyder, Glenn H."]}, title="Perception and {M}isperception\n  in "
                 "International Politics", year="1976")
    assert plain_reference(work) == ("Jervis, Robert; Snyder, Glenn H. (1976). Perception and Misperception in "
                                     "International Politics.")
    assert plain_reference(entry({"editor": ["Booth, Ken"]}, title="Security")) == "Booth, Ken (n.d.). Security."
    assert plain_reference(entry(title=r"{\"U}ber Angst")) == "(n.d.). Über Angst."
    assert plain_reference(entry({"author": ["Herz, John"]}, year="1950")) == "Herz, John (1950)."  # no title


@pytest.mark.parametrize(("latex", "text"), [
    ("1914---1918", "1914—1918"), ("pp. 10--20", "pp. 10–20"), ("``quoted''", "“quoted”"),
    ("G.~H. Snyder", "G. H. Snyder"),  # a tie is a space in plain text, as pybtex reads it
    ("{The} {S}piral", "The Spiral"), ("  two \n words ", "two words"), (r"Caf\'e", "Café"),
])
def test_a_bibtex_value_reads_as_latex_would_set_it(latex: str, text: str) -> None:
    assert plain_text(latex) == text
