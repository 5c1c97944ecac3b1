"""Links to the PDF editions are never broken: a build that prints them (`pdfs: true`) links every
one from the print page, each part's first topic and each reading path, and each link reaches its
file; a build that does not print them links to none and says how to make them. Built on the
four-topic example course (examples/minimal-course/), so that printing takes seconds."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from urllib.parse import urljoin

import pytest
from sitebuild import ROOT, run_build

pytest.importorskip("pypdf")
pytest.importorskip("playwright")

EXAMPLE = ROOT / "examples" / "minimal-course"
_PDF_LINK = re.compile(r'<a\b[^>]*?\shref="([^"#]+\.pdf)"')
_PDF_META = re.compile(r'<meta name="citation_pdf_url" content="([^"]+)"')


def build(tmp_path: Path, pdfs: bool) -> Path:
    project = tmp_path / "course"
    shutil.copytree(EXAMPLE, project)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("      levels: [introductory, intermediate]\n",
                                   f"      levels: [introductory, intermediate]\n      pdfs: {str(pdfs).lower()}\n"),
                      encoding="utf-8")
    result = run_build(project, project / "site")
    assert result.returncode == 0, result.output
    return result.site


def pdf_links(site: Path) -> dict[str, list[str]]:
    """Page (relative to the site) -> the PDF files it links to (relative to the site)."""
    found = {}
    for page in sorted(site.rglob("*.html")):
        url = page.relative_to(site).as_posix()
        links = [urljoin(url, href) for href in _PDF_LINK.findall(page.read_text(encoding="utf-8"))]
        if links:
            found[url] = links
    return found


def test_a_build_that_prints_the_pdfs_links_each_and_each_link_reaches_its_file(tmp_path: Path) -> None:
    site = build(tmp_path, pdfs=True)
    printed = sorted(p.relative_to(site).as_posix() for p in (site / "pdf").glob("*.pdf"))
    topics = ["bayes-theorem", "conditional-probability", "independence", "sample-spaces"]
    assert printed == sorted(["pdf/course.pdf", "pdf/part-basics.pdf", "pdf/part-inference.pdf",
                              *(f"pdf/path-{t}.pdf" for t in topics)])
    links = pdf_links(site)
    assert links["print/index.html"] == ["pdf/course.pdf", "pdf/part-basics.pdf", "pdf/part-inference.pdf"]
    for topic in topics:
        assert links[f"paths/{topic}/index.html"] == [f"pdf/path-{topic}.pdf"]
    first_topics = {page: hrefs for page, hrefs in links.items() if page.startswith("topics/")}
    assert sorted(first_topics.values()) == [["pdf/part-basics.pdf"], ["pdf/part-inference.pdf"]]
    assert all((site / href).is_file() for hrefs in links.values() for href in hrefs)
    assert not list(site.rglob(".pdf-*.html"))  # the documents printed from are not published
    # Reference managers (Zotero's embedded-metadata translator) save the part's PDF with the page.
    parts = {"sample-spaces": "basics", "conditional-probability": "basics", "independence": "basics",
             "bayes-theorem": "inference"}
    for topic in topics:
        html = (site / "topics" / topic / "index.html").read_text(encoding="utf-8")
        assert _PDF_META.findall(html) == [f"https://example.org/probability/pdf/part-{parts[topic]}.pdf"]


def test_a_build_without_the_pdfs_links_to_none_and_says_how_to_make_them(tmp_path: Path) -> None:
    site = build(tmp_path, pdfs=False)
    assert not (site / "pdf").exists()
    assert pdf_links(site) == {}
    assert not any(_PDF_META.search(page.read_text(encoding="utf-8")) for page in site.rglob("*.html"))
    assert "make pdfs" in (site / "print" / "index.html").read_text(encoding="utf-8")


def test_a_print_page_without_a_topic_fails_naming_the_edition_and_the_topic(tmp_path: Path) -> None:
    from topicgraph.editions import Edition
    from topicgraph.pdfbook import BookInfo
    from topicgraph.pdfprint import PdfError, print_editions

    (tmp_path / "print").mkdir()
    (tmp_path / "print" / "index.html").write_text("<html><body><p>No topics here.</p></body></html>")
    edition = Edition("path-a", "Reading path: A", "path", (("Reading order", ("a",)),))
    with pytest.raises(PdfError, match=r"^pdf/path-a\.pdf: the print page has no topic 'a' \(its template"):
        print_editions(tmp_path, "print/index.html", [edition], BookInfo("S", "L", "D", "https://x.org/", "print/"))
    assert not (tmp_path / "pdf").exists() and not list((tmp_path / "print").glob(".pdf-*"))
