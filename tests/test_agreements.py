"""The arms-control record: each agreement's status is one fact, stated once, in docs/data/agreements.yml."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from topicgraph.agreements import DATA, MARKER, load_record, record_table
from topicgraph.load import load_topics

ROOT = Path(__file__).resolve().parents[1]
RECORD, PROBLEMS = load_record(ROOT / "docs" / DATA, "docs/data/agreements.yml")
TOPICS, _ = load_topics(ROOT / "docs")
# Acronyms and short names by which prose refers to an agreement: each one the course uses must be
# an alias in the record, so that no agreement is discussed without a status stated somewhere.
SHORT_NAMES = re.compile(r"\b(New START|START I{0,2}|SALT I{1,2}|INF Treaty|CFE Treaty|NPT|CTBT|LTBT|PTBT|ABM Treaty|"
                         r"SORT|Open Skies|Vienna Document|Stockholm Document|Helsinki Final Act|"
                         r"Washington Naval Treaty|London Naval Treaty|Chemical Weapons Convention)\b")


def test_the_record_loads_and_is_current() -> None:
    assert PROBLEMS == []
    assert RECORD.as_of >= dt.date(2026, 12, 1)
    assert len(RECORD.agreements) >= 20
    new_start = next(a for a in RECORD.agreements if a.id == "new-start")
    assert new_start.status == "expired" and "5 February 2026" in new_start.status_text


def test_every_agreement_the_course_names_is_in_the_record() -> None:
    aliases = {alias for agreement in RECORD.agreements for alias in agreement.aliases}
    named = {match.group(1) for topic in TOPICS for match in SHORT_NAMES.finditer(topic.body)}
    assert named - aliases == set()


def test_every_agreement_in_the_record_is_discussed_by_some_topic() -> None:
    text = "\n".join(topic.body for topic in TOPICS)
    unmentioned = [a.id for a in RECORD.agreements
                   if not any(re.search(rf"\b{re.escape(alias)}\b", text) for alias in a.aliases)]
    assert unmentioned == []


def test_exactly_one_page_shows_the_record() -> None:
    shown = [topic.id for topic in TOPICS if MARKER in topic.body]
    assert shown == ["arms-control"]


def test_the_rendered_record_has_a_row_and_an_anchor_per_agreement(site: Path) -> None:
    page = BeautifulSoup((site / "topics" / "arms-control" / "index.html").read_text(encoding="utf-8"), "html.parser")
    table = page.find(id=f"agreement-{RECORD.agreements[0].id}").find_parent("table")
    assert len(table.select("tbody tr")) == len(RECORD.agreements)
    assert f"Status as of {RECORD.as_of.day} {RECORD.as_of:%B %Y}" in table.find("thead").text
    for agreement in RECORD.agreements:
        row = page.find(id=agreement.anchor).find_parent("tr")
        assert row.find("sup", id=re.compile("^fnref")), f"{agreement.id} cites no source"


@pytest.mark.parametrize(("change", "message"), [
    ({"status": "lapsed"}, "status 'lapsed' is not allowed"),
    ({"signed": dt.date(2030, 1, 1)}, "signed must be a date (YYYY-MM-DD) no later than as_of"),
    ({"sources": ["[@usstate2010newstart]"]}, "each source is a citation without brackets"),
    ({"aliases": ["START III"]}, "aliases must be a list that includes the name"),
    ({"colour": "red"}, "unknown field(s) colour"),
    ({"status_text": None}, "missing status_text"),
])
def test_a_broken_entry_is_reported_with_what_to_do(tmp_path: Path, change: dict, message: str) -> None:
    data = yaml.safe_load((ROOT / "docs" / DATA).read_text(encoding="utf-8"))
    data["agreements"][-1] |= change
    path = tmp_path / "agreements.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    _, problems = load_record(path, "docs/data/agreements.yml")
    where = f"agreement {len(data['agreements'])} ({data['agreements'][-1]['id']})"
    assert len(problems) == 1 and problems[0].message.startswith(f"{where}: {message}"), problems


def test_the_table_is_markdown_with_the_citations_in_place() -> None:
    table = record_table(RECORD)
    assert table.count("\n") == len(RECORD.agreements) + 1
    row = next(line for line in table.splitlines() if 'id="agreement-new-start"' in line)
    assert row.endswith("[@usstate2010newstart, art. XIV; @blinken2021; @bugos2023; @putin2025; @isachenkov2026] |")
