"""Each page's "last updated" date (topicgraph/plugin/dates.py)."""

from __future__ import annotations

import os
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest

from topicgraph.plugin import dates
from topicgraph.plugin.dates import PageDates


def test_a_page_git_knows_gets_its_last_commit_and_another_the_builds_date(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    changed = {"topics/a.md": 1764806400}  # 2025-12-04
    monkeypatch.setattr(dates, "last_changed", lambda directory, cache_dir=None: changed)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01
    page_dates = PageDates(str(tmp_path), None)
    assert page_dates.of("topics/a.md") == datetime(2025, 12, 4, tzinfo=UTC)
    assert page_dates.of("topics/new.md") == datetime(2026, 1, 1, tzinfo=UTC)
    assert page_dates.html(page_dates.of("topics/a.md")) == '<time datetime="2025-12-04">December 4, 2025</time>'


def test_without_source_date_epoch_the_build_date_is_now(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    before = datetime.now(UTC)
    built = PageDates(str(tmp_path), "en").of("index.md")
    assert before <= built <= datetime.now(UTC) and built.tzinfo == UTC


def test_the_date_is_written_in_the_sites_language(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dates, "last_changed", lambda directory, cache_dir=None: {})
    when = datetime(2026, 1, 1, tzinfo=UTC)
    assert PageDates(str(tmp_path), "fr").html(when) == '<time datetime="2026-01-01">1 janvier 2026</time>'
    assert "1. Januar 2026" in PageDates(str(tmp_path), "de").html(when)
    assert "1 de janeiro de 2026" in PageDates(str(tmp_path), "pt-BR").html(when)  # MkDocs' pt-BR is Babel's pt_BR


def test_the_dates_come_from_the_docs_directorys_git_history(tmp_path: Path) -> None:
    when = "2025-12-04T12:00:00+00:00"
    env = {**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when,
           "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.org"}
    docs = tmp_path / "docs"
    (docs / "topics").mkdir(parents=True)
    (docs / "topics" / "a.md").write_text("a", encoding="utf-8")
    for command in (["init", "-q"], ["add", "."], ["commit", "-q", "-m", "a"]):
        subprocess.run(["git", "-C", str(tmp_path), *command], check=True, env=env)
    assert PageDates(str(docs), "en").of("topics/a.md") == datetime(2025, 12, 4, 12, tzinfo=UTC)
