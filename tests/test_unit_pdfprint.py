"""The parts of the PDF printer (topicgraph/pdfprint.py) that need no browser: how it reads a printed PDF
(pages, where each contents entry landed) and how it fails, in one line, when it cannot print at all.
The printing itself is tested on the real course in test_pdf_editions.py."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from topicgraph.editions import Edition
from topicgraph.pdfbook import BookInfo
from topicgraph.pdfprint import PdfError, destinations, page_count, print_editions

pypdf = pytest.importorskip("pypdf")

INFO = BookInfo("A course", "CC BY 4.0", "5 December 2026", "https://example.org/", "print/")
EDITIONS = [Edition("course", "The whole course", "course", (("P", ("a",)),))]


def pdf(pages: int, named: dict[str, int]) -> bytes:
    """A PDF of blank pages with named destinations (name -> page index from 0), as Chromium names
    a link target: a PDF name ("/id") or a string."""
    writer = pypdf.PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(200, 200)
    for name, index in named.items():
        writer.add_named_destination(name, index)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_each_destination_is_read_with_its_page_counted_from_one() -> None:
    printed = pdf(4, {"contents": 1, "/part-1": 2, "/answer-key": 3})
    assert destinations(printed) == {"contents": 2, "part-1": 3, "answer-key": 4}
    assert page_count(printed) == 4


def test_a_pdf_without_destinations_has_none() -> None:
    assert destinations(pdf(1, {})) == {}
    assert page_count(pdf(1, {})) == 1


def test_without_chromium_the_build_fails_naming_where_it_looked(tmp_path: Path) -> None:
    missing = tmp_path / "no-chromium"
    with pytest.raises(PdfError) as error:
        print_editions(tmp_path, "print/index.html", EDITIONS, INFO, chromium=str(missing))
    assert str(error.value) == f"the PDF editions need Chromium at {missing} (Debian: apt-get install chromium)"
    assert not (tmp_path / "pdf").exists()


def test_without_playwright_the_build_fails_saying_how_to_install_it(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "playwright.sync_api", None)  # as if it were not installed
    with pytest.raises(PdfError) as error:
        print_editions(tmp_path, "print/index.html", EDITIONS, INFO, chromium=sys.executable)
    assert str(error.value) == ("the PDF editions need Playwright and pypdf (requirements-dev.txt): run `make pdfs`, "
                                "which installs them")
    assert error.value.__suppress_context__  # one line, no chained ImportError
