"""“Cite this page” as BibTeX (topicgraph/cite.py): titles are text, never LaTeX syntax."""

from __future__ import annotations

import pytest
from pybtex.richtext import Text

from topicgraph.cite import bibtex_entry, bibtex_text, plain_text


def test_every_latex_special_character_is_escaped() -> None:
    assert bibtex_text(r"{}&%$#_") == r"\{\}\&\%\$\#\_"
    assert bibtex_text("a\\b^c~d") == r"a\textbackslash{}b\^{}c\~{}d"


def test_a_title_cannot_close_its_field_or_start_a_command() -> None:
    title = r"Guns} & \input{/etc/passwd} 100% {"
    assert bibtex_text(title) == r"Guns\} \& \textbackslash{}input\{/etc/passwd\} 100\% \{"


def test_ordinary_text_and_unicode_pass_unchanged_and_whitespace_collapses() -> None:
    assert bibtex_text("  Jervis’s\n\tspiral   model: “perception”, 1976.  ") == \
        "Jervis’s spiral model: “perception”, 1976."


def test_entry_has_aligned_fields_in_braces_and_no_comma_after_the_last() -> None:
    entry = bibtex_entry("misc", "sdcourse-anarchy", [
        ("author", "{The Course Team}"),
        ("title", bibtex_text("Anarchy & order")),
        ("year", "2026"),
    ])
    assert entry == (
        "@misc{sdcourse-anarchy,\n"
        "  author       = {{The Course Team}},\n"
        "  title        = {Anarchy \\& order},\n"
        "  year         = {2026}\n"
        "}"
    )


def test_an_entry_with_one_field() -> None:
    assert bibtex_entry("online", "k", [("url", "https://x.org/a_b")]) == "@online{k,\n  url          = {https://x.org/a_b}\n}"


@pytest.mark.parametrize("value", ["Cooperation under the {Security} Dilemma", "1888--1918", "a---b", "a~b",
                                   "``Luxury'' Fleet", "`Missile Gap'", "x \\& y", "caf\\'e", "  spread   out "])
def test_plain_text_reads_a_field_as_pybtex_does(value: str) -> None:
    assert plain_text(value) == " ".join(Text.from_latex(value).render_as("text").split())
