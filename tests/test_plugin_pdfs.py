"""What the build hands the PDF printer (topicgraph/plugin/pdfs.py): every edition, the built print page,
a cover dated by the newest topic in the site's language, the licence as text; and a printer's failure
as one line that fails the build. The printing itself (Chromium) is tested in test_pdf_editions.py;
here the printer is replaced by one that records what it was given."""

from __future__ import annotations

import logging
import os
import subprocess
from pathlib import Path
from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError
from topicfactory import write_topic

import topicgraph.plugin.pdfs as pdfs
from topicgraph.course import Course
from topicgraph.editions import all_editions
from topicgraph.graph import build_graph
from topicgraph.load import load_topics
from topicgraph.metrics import compute_metrics
from topicgraph.model import CourseSettings
from topicgraph.pdfprint import PdfError, Printed
from topicgraph.plugin.dates import PageDates

NEWEST = 1_764_900_000  # 2025-12-05 02:00 UTC
OLDER = 1_700_000_000  # 2023-11-14


def commit(root: Path, when: int) -> None:
    env = {**os.environ, "GIT_AUTHOR_DATE": f"@{when} +0000", "GIT_COMMITTER_DATE": f"@{when} +0000"}
    git = ["git", "-C", str(root), "-c", "user.name=t", "-c", "user.email=t@localhost"]
    subprocess.run([*git, "add", "-A"], check=True, capture_output=True, env=env)
    subprocess.run([*git, "commit", "-q", "-m", "x"], check=True, capture_output=True, env=env)


@pytest.fixture
def course(tmp_path: Path) -> Course:
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    write_topic(tmp_path, "alpha", part="Foundations")
    commit(tmp_path, OLDER)
    write_topic(tmp_path, "beta", ["alpha"], part="Foundations")
    commit(tmp_path, NEWEST)
    write_topic(tmp_path, "alpha", part="Foundations", title="Alpha, older")  # changed again, but earlier
    commit(tmp_path, OLDER + 100)
    topics, problems = load_topics(tmp_path)
    assert problems == []
    graph = build_graph(topics)
    return Course({t.id: t for t in topics}, graph, compute_metrics(graph), None, {}, {},
                  settings=CourseSettings(parts=("Foundations",)))


def config(tmp_path: Path, directory_urls: bool = True, language: str | None = "fr") -> SimpleNamespace:
    return SimpleNamespace(site_name="A <b>course</b>", copyright='Text <a href="https://cc.org/">CC BY</a> 4.0',
                           theme={"language": language}, site_url="https://example.org/c/",
                           use_directory_urls=directory_urls, site_dir=str(tmp_path / "site"))


@pytest.fixture
def printer(monkeypatch: pytest.MonkeyPatch) -> list[dict]:
    calls: list[dict] = []

    def print_editions(site_dir, print_file, editions, info, chromium, report):
        editions = list(editions)
        calls.append({"site_dir": site_dir, "print_file": print_file, "editions": editions, "info": info,
                      "chromium": chromium, "report": report})
        return [Printed(e.slug, 2 + n, 0.5) for n, e in enumerate(editions)]

    monkeypatch.setattr(pdfs, "print_editions", print_editions)
    monkeypatch.delenv("CHROMIUM", raising=False)
    return calls


def test_every_edition_is_printed_from_the_built_print_page(tmp_path: Path, course: Course, printer) -> None:
    pdfs.write_pdfs(config(tmp_path), course, PageDates(str(tmp_path), "fr"))
    (call,) = printer
    assert call["site_dir"] == tmp_path / "site" and call["print_file"] == "print/index.html"
    assert [e.slug for e in call["editions"]] == [e.slug for e in all_editions(course)]
    assert call["chromium"] == "/usr/bin/chromium"
    info = call["info"]
    assert info.site_name == "A <b>course</b>"  # text: the book escapes it
    assert info.licence == "Text CC BY 4.0"  # the copyright line's links are no use on paper
    assert info.edition_date == "5 décembre 2025"  # the newest topic's date, in the site's language
    assert info.site_url == "https://example.org/c/" and info.print_url == "print/"


def test_the_offline_build_prints_from_its_print_file_and_english_is_the_default(
        tmp_path: Path, course: Course, printer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CHROMIUM", "/opt/chromium")
    site = config(tmp_path, directory_urls=False, language=None)
    site.copyright, site.site_url = None, None
    pdfs.write_pdfs(site, course, PageDates(str(tmp_path), None))
    (call,) = printer
    assert call["print_file"] == "print.html" and call["chromium"] == "/opt/chromium"
    info = call["info"]
    assert (info.edition_date, info.licence, info.site_url, info.print_url) == ("December 5, 2025", "", "",
                                                                                 "print.html")


def test_without_dates_the_edition_is_dated_today(tmp_path: Path, course: Course, printer) -> None:
    from datetime import UTC, datetime

    from babel.dates import format_date

    pdfs.write_pdfs(config(tmp_path, language="en"), course, None)
    assert printer[0]["info"].edition_date == format_date(datetime.now(UTC).date(), format="long", locale="en")


def test_each_edition_and_the_total_are_logged(tmp_path: Path, course: Course, printer, caplog) -> None:
    with caplog.at_level(logging.DEBUG, logger="mkdocs.plugins.topicgraph"):
        pdfs.write_pdfs(config(tmp_path), course, PageDates(str(tmp_path), "fr"))
        printer[0]["report"](Printed("course", 12, 3.25))
    messages = [r.getMessage() for r in caplog.records]
    count = len(all_editions(course))
    pages = sum(2 + n for n in range(count))
    assert messages[0].startswith(f"Printed {count} PDF editions ({pages} pages) in ") and messages[0].endswith(" s")
    assert caplog.records[0].levelno == logging.INFO
    assert messages[1] == "PDF course: 12 pages in 3.2 s" and caplog.records[1].levelno == logging.DEBUG


def test_a_printer_failure_fails_the_build_in_one_line(tmp_path: Path, course: Course,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    def failing(*args, **kwargs):
        raise PdfError("pdf/course.pdf: the second print paginated differently")

    monkeypatch.setattr(pdfs, "print_editions", failing)
    with pytest.raises(PluginError) as error:
        pdfs.write_pdfs(config(tmp_path), course, None)
    assert str(error.value) == "PDF editions: pdf/course.pdf: the second print paginated differently"
    assert error.value.__suppress_context__
