"""The arms-control record (topicgraph/agreements.py) on small hand-written files: what loads, what is
reported (each message and fix exactly as a contributor reads it), and the table a page shows."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from topicgraph.agreements import MARKER, Agreement, Record, load_record, record_table, with_record
from topicgraph.errors import Problem

FILE = "docs/data/agreements.yml"
AS_OF = dt.date(2026, 12, 4)
FIELDS = ("use only id, name, full_name, aliases, parties, signed, status, status_text, sources, "
          "in_force, notes")


def entry(**change: object) -> dict:
    raw = {
        "id": "new-start",
        "name": "New START",
        "full_name": "Treaty on Measures for the Further Reduction\n  and Limitation of Strategic Offensive Arms",
        "aliases": ["New START", "START IV"],
        "parties": "United States and Russia",
        "signed": dt.date(2010, 4, 8),
        "in_force": dt.date(2011, 2, 5),
        "status": "expired",
        "status_text": "Expired on\n5 February 2026.",
        "sources": ["@usstate2010newstart, art. XIV", " @bugos2023 "],
    }
    raw.update(change)
    return {k: v for k, v in raw.items() if v is not None}


def load(tmp_path: Path, *entries: object, as_of: object = AS_OF) -> tuple[Record | None, list[Problem]]:
    path = tmp_path / "agreements.yml"
    path.write_text(yaml.safe_dump({"as_of": as_of, "agreements": list(entries)}, allow_unicode=True),
                    encoding="utf-8")
    return load_record(path, FILE)


def messages(tmp_path: Path, *entries: object, as_of: object = AS_OF) -> list[tuple[str, str]]:
    _, problems = load(tmp_path, *entries, as_of=as_of)
    assert all(p.file == FILE and p.line is None for p in problems)
    return [(p.message, p.fix) for p in problems]


def test_a_valid_entry_loads_with_its_text_on_one_line(tmp_path: Path) -> None:
    record, problems = load(tmp_path, entry(notes="Extended\n in 2021."),
                            entry(id="salt-i", name="SALT I", aliases=["SALT I"], in_force=None, status="superseded"))
    assert problems == []
    assert record == Record(AS_OF, (
        Agreement(id="new-start", name="New START",
                  full_name="Treaty on Measures for the Further Reduction and Limitation of Strategic Offensive Arms",
                  aliases=("New START", "START IV"), parties="United States and Russia",
                  signed=dt.date(2010, 4, 8), status="expired", status_text="Expired on 5 February 2026.",
                  sources=("@usstate2010newstart, art. XIV", " @bugos2023 "), in_force=dt.date(2011, 2, 5),
                  notes="Extended in 2021."),
        Agreement(id="salt-i", name="SALT I",
                  full_name="Treaty on Measures for the Further Reduction and Limitation of Strategic Offensive Arms",
                  aliases=("SALT I",), parties="United States and Russia", signed=dt.date(2010, 4, 8),
                  status="superseded", status_text="Expired on 5 February 2026.",
                  sources=("@usstate2010newstart, art. XIV", " @bugos2023 "), in_force=None, notes=""),
    ))
    assert record.agreements[0].anchor == "agreement-new-start"


def test_invalid_yaml_is_reported_on_its_line(tmp_path: Path) -> None:
    path = tmp_path / "agreements.yml"
    path.write_text("as_of: 2026-12-04\nagreements:\n  - id: x\n    name: a: b\n  - id: y\n", encoding="utf-8")
    assert load_record(path, FILE) == (None, [Problem(FILE, 4, "not valid YAML", "fix the syntax on that line")])


def test_a_character_yaml_refuses_is_reported_without_a_line(tmp_path: Path) -> None:
    # YAML's reader refuses control characters (pasted from a PDF, say) before parsing, with no line.
    path = tmp_path / "agreements.yml"
    path.write_text("as_of: 2026-12-04\nagreements:\n  - id: x\n    name: \"New\x0bSTART\"\n", encoding="utf-8")
    assert load_record(path, FILE) == (None, [Problem(FILE, None, "not valid YAML", "fix the syntax on that line")])


@pytest.mark.parametrize("text", ["- a list\n", "as_of: soon\nagreements: []\n", "as_of: 2026-12-04\n",
                                  "as_of: 2026-12-04\nagreements: {a: 1}\n", "agreements: []\n"])
def test_a_file_without_a_date_and_a_list_is_reported_once(tmp_path: Path, text: str) -> None:
    path = tmp_path / "agreements.yml"
    path.write_text(text, encoding="utf-8")
    assert load_record(path, FILE) == (None, [Problem(
        FILE, None, "expected 'as_of' (a date) and 'agreements' (a list)", "see the entries already in the file")])


def test_an_empty_record_loads(tmp_path: Path) -> None:
    assert load(tmp_path) == (Record(AS_OF, ()), [])


def test_an_entry_that_is_not_a_mapping_is_named_by_its_number(tmp_path: Path) -> None:
    assert messages(tmp_path, entry(), "New START") == [
        ("agreement 2 (?): expected a mapping of fields", "see the entries already in the file")]


def test_missing_and_unknown_fields_are_listed_in_order_and_nothing_else_is_checked(tmp_path: Path) -> None:
    broken = entry(parties=None, name="", status="lapsed", colour="red", Status="x", sources=None)
    assert messages(tmp_path, broken) == [
        ("agreement 1 (new-start): missing name, parties, sources", "add the field(s)"),
        ("agreement 1 (new-start): unknown field(s) Status, colour", FIELDS),
    ]
    assert messages(tmp_path, entry(id=None)) == [("agreement 1 (?): missing id", "add the field(s)")]


def test_an_unknown_field_alone_still_lets_the_other_checks_run(tmp_path: Path) -> None:
    record, problems = load(tmp_path, entry(colour="red", status="lapsed"))
    assert [p.message for p in problems] == ["agreement 1 (new-start): unknown field(s) colour",
                                             "agreement 1 (new-start): status 'lapsed' is not allowed"]
    assert record == Record(AS_OF, ())


@pytest.mark.parametrize("bad_id", ["New-START", "new_start", "new--start", "-new", "new-", "new start"])
def test_an_id_must_be_lower_case_words_joined_by_hyphens(tmp_path: Path, bad_id: str) -> None:
    assert messages(tmp_path, entry(id=bad_id)) == [
        (f"agreement 1 ({bad_id}): id must be lower-case words joined by hyphens", "e.g. new-start")]


def test_an_id_of_words_and_digits_is_accepted(tmp_path: Path) -> None:
    assert messages(tmp_path, entry(id="start-2"), entry(id="inf")) == []


def test_a_status_outside_the_list_names_the_allowed_ones(tmp_path: Path) -> None:
    assert messages(tmp_path, entry(status="In force")) == [
        ("agreement 1 (new-start): status 'In force' is not allowed",
         "use one of: in-force, expired, terminated, suspended, not-in-force, superseded")]


@pytest.mark.parametrize(("field", "value"), [
    ("signed", dt.date(2026, 12, 5)), ("in_force", dt.date(2027, 1, 1)), ("signed", "April 2010"),
    ("in_force", 2011),
])
def test_dates_must_be_dates_no_later_than_as_of(tmp_path: Path, field: str, value: object) -> None:
    assert messages(tmp_path, entry(**{field: value})) == [
        (f"agreement 1 (new-start): {field} must be a date (YYYY-MM-DD) no later than as_of",
         "write the ISO date the sources give")]


def test_a_date_on_as_of_is_accepted(tmp_path: Path) -> None:
    assert messages(tmp_path, entry(signed=AS_OF, in_force=AS_OF)) == []


@pytest.mark.parametrize("source", ["[@key]", "key, p. 3", "@key; @other", "@key, see @other", "@key [p. 3]",
                                    "@key,", 42])
def test_each_source_is_one_citation_without_brackets(tmp_path: Path, source: object) -> None:
    assert messages(tmp_path, entry(sources=["@fine", source])) == [
        ("agreement 1 (new-start): each source is a citation without brackets, e.g. '@key, art. XIV'",
         "write the citation as in a page, without the brackets")]


def test_sources_with_a_locator_or_none_are_accepted(tmp_path: Path) -> None:
    assert messages(tmp_path, entry(sources=["@a-b_c", "@key ,art. XIV", "@key, pp. 3–4"])) == []


@pytest.mark.parametrize("aliases", [["START IV"], "New START"])
def test_aliases_must_be_a_list_with_the_name(tmp_path: Path, aliases: object) -> None:
    assert messages(tmp_path, entry(aliases=aliases)) == [
        ("agreement 1 (new-start): aliases must be a list that includes the name", "add 'New START'")]


def test_every_problem_of_every_entry_is_reported_and_only_good_entries_load(tmp_path: Path) -> None:
    record, problems = load(tmp_path, entry(id="Bad", status="lapsed"), entry(id="inf"), entry(name=None))
    assert [p.message for p in problems] == [
        "agreement 1 (Bad): id must be lower-case words joined by hyphens",
        "agreement 1 (Bad): status 'lapsed' is not allowed",
        "agreement 3 (new-start): missing name",
    ]
    assert [a.id for a in record.agreements] == ["inf"]


def test_duplicate_ids_are_reported_once_each(tmp_path: Path) -> None:
    record, problems = load(tmp_path, entry(id="b"), entry(id="a"), entry(id="b"), entry(id="a"), entry(id="c"),
                            entry(id="b"))
    assert problems == [Problem(FILE, None, "duplicate agreement id 'a'", "give each agreement its own id"),
                        Problem(FILE, None, "duplicate agreement id 'b'", "give each agreement its own id")]
    assert [a.id for a in record.agreements] == ["b", "a", "b", "a", "c", "b"]


def agreement(**change: object) -> Agreement:
    fields = {"id": "new-start", "name": "New START", "full_name": "Treaty on Strategic Arms",
              "aliases": ("New START",), "parties": "United States and Russia", "signed": dt.date(2010, 4, 8),
              "status": "expired", "status_text": "Expired on 5 February 2026.",
              "sources": ("@usstate2010newstart, art. XIV", "@bugos2023")}
    return Agreement(**{**fields, **change})


def test_the_table_has_one_row_per_agreement_in_the_files_order() -> None:
    record = Record(dt.date(2026, 12, 4), (
        agreement(in_force=dt.date(2011, 2, 5), notes="Extended in 2021."),
        agreement(id="cwc", name="CWC", full_name="Chemical Weapons Convention", parties="193 states | most",
                  signed=dt.date(1993, 1, 13), status="in-force", status_text="In force.", sources=("@opcw",)),
    ))
    assert record_table(record) == "\n".join([
        "| Agreement | Signed | Status as of 4 December 2026 |",
        "|---|---|---|",
        '| <a id="agreement-new-start"></a>**New START**: Treaty on Strategic Arms (United States and Russia) '
        "| 8 April 2010; in force 5 February 2011 "
        "| **Expired.** Expired on 5 February 2026. Extended in 2021. [@usstate2010newstart, art. XIV; @bugos2023] |",
        '| <a id="agreement-cwc"></a>**CWC**: Chemical Weapons Convention (193 states \\| most) '
        "| 13 January 1993 | **In force.** In force. [@opcw] |",
    ])


@pytest.mark.parametrize(("status", "shown"), [("terminated", "Terminated"), ("suspended", "Suspended"),
                                               ("not-in-force", "Never in force"), ("superseded", "Superseded")])
def test_each_status_has_its_label(status: str, shown: str) -> None:
    table = record_table(Record(dt.date(2026, 1, 1), (agreement(status=status),)))
    assert f"| **{shown}.** Expired on" in table


def test_the_marker_is_replaced_by_the_table_and_nothing_else_changes() -> None:
    record = Record(dt.date(2026, 12, 4), (agreement(),))
    page = f"# Arms control\n\n{MARKER}\n\nAfter."
    assert with_record(page, record) == f"# Arms control\n\n{record_table(record)}\n\nAfter."
    assert with_record("# No marker", record) == "# No marker"
    assert with_record(page, None) == page
