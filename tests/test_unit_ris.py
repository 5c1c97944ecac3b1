"""“Cite this page” as RIS (topicgraph/cite.py): one tag a line, so a value can never start a tag."""

from __future__ import annotations

import re

from topicgraph.cite import ris_entry, ris_text

_LINE = re.compile(r"^([A-Z][A-Z0-9])  - (.*)$")


def parse_ris(text: str) -> list[tuple[str, str]]:
    """RIS as reference managers read it: every line "XX  - value", from TY to ER."""
    fields = []
    for line in text.splitlines():
        match = _LINE.match(line)
        assert match, f"not a RIS line: {line!r}"
        fields.append((match[1], match[2]))
    assert fields[0][0] == "TY" and fields[-1] == ("ER", "")
    return fields


def test_a_record_runs_from_ty_to_er_with_one_field_a_line() -> None:
    record = ris_entry("ELEC", [("AU", "The course team"), ("TI", "Anarchy"), ("UR", "https://example.org/a/")])
    assert parse_ris(record) == [("TY", "ELEC"), ("AU", "The course team"), ("TI", "Anarchy"),
                                 ("UR", "https://example.org/a/"), ("ER", "")]
    assert record.endswith("ER  - \n")


def test_a_value_cannot_start_a_field_of_its_own() -> None:
    record = ris_entry("ELEC", [("TI", "Guns\nER  - \nTY  - JOUR\r\nAU  - Mallory\x00\x1b")])
    fields = parse_ris(record)
    assert [tag for tag, _ in fields] == ["TY", "TI", "ER"]
    assert fields[1][1] == "Guns ER - TY - JOUR AU - Mallory"


def test_empty_values_are_left_out_and_unicode_passes() -> None:
    record = ris_entry("ELEC", [("ET", ""), ("TI", "  Jervis’s “spiral”  ")])
    assert parse_ris(record) == [("TY", "ELEC"), ("TI", "Jervis’s “spiral”"), ("ER", "")]
    assert ris_text("a\tb\u2028c") == "a b c"
