"""Citations: the bibliography checks, the rendered citations, the works-cited page, cite this page."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from sitebuild import as_built, run_build

from topicgraph.citations import check_citations, check_unused, citation_uses, load_bibliography
from topicgraph.load import load_topics

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = """@article{herz1950,
  author = {Herz, John H.}, title = {Idealist Internationalism and the Security Dilemma},
  journal = {World Politics}, year = {1950}, volume = {2}, number = {2}, pages = {157--180},
  doi = {10.2307/2009187}
}
"""


def bib(tmp_path: Path, text: str):
    path = tmp_path / "bibliography.bib"
    path.write_text(text, encoding="utf-8")
    return load_bibliography(path)


# The checks, on small inputs ---------------------------------------------------------------------


def test_clean_entry_has_no_problem(tmp_path) -> None:
    assert bib(tmp_path, ARTICLE)[1] == []


def test_duplicate_key_names_file_line_and_key(tmp_path) -> None:
    _, problems = bib(tmp_path, ARTICLE + "\n" + ARTICLE)
    assert [str(p) for p in problems] == [
        "bibliography.bib:7: duplicate key 'herz1950' (first defined on line 1) "
        "(keep one entry, or give the other work its own key)"
    ]


def test_missing_required_field(tmp_path) -> None:
    _, problems = bib(tmp_path, ARTICLE.replace("journal = {World Politics}, ", ""))
    assert len(problems) == 1
    assert str(problems[0]).startswith("bibliography.bib:1: entry 'herz1950' (article) is missing 'journal'")


def test_book_needs_a_publisher(tmp_path) -> None:
    _, problems = bib(tmp_path, "@book{waltz1979, author = {Waltz, Kenneth N.}, title = {Theory},"
                                " address = {Reading, MA}, year = {1979}}\n")
    assert "entry 'waltz1979' (book) is missing 'publisher'" in str(problems[0])


def test_malformed_doi(tmp_path) -> None:
    _, problems = bib(tmp_path, ARTICLE.replace("10.2307/2009187", "https://doi.org/10.2307/2009187"))
    assert "entry 'herz1950' has a malformed DOI" in str(problems[0])
    assert "bare DOI" in str(problems[0])


def test_unknown_key_suggests_close_keys(tmp_path) -> None:
    bibliography, _ = bib(tmp_path, ARTICLE)
    uses = citation_uses("Text.\n\nMore [@herz1905, p. 3].\n")
    (problem,) = check_citations("docs/topics/x.md", uses, bibliography)
    assert str(problem) == "docs/topics/x.md:3: unknown citation key 'herz1905' (did you mean 'herz1950'?)"


def test_unused_entry_names_the_bib_file_and_key(tmp_path) -> None:
    bibliography, _ = bib(tmp_path, ARTICLE)
    (problem,) = check_unused(bibliography, cited=set())
    assert str(problem).startswith("bibliography.bib:1: entry 'herz1950' is not cited by any page")


@pytest.mark.parametrize(
    ("markdown", "keys"),
    [
        ("[@a]", ["a"]),
        ("[@a, p. 170]", ["a"]),
        ("[@a; @b, pp. 1–2]", ["a", "b"]),
        ("[see @a, ch. 3]", ["a"]),
        ("```\n[@code]\n```\n[@a]", ["a"]),
        ("mail me at x@example.org", []),
    ],
)
def test_citation_syntax(markdown: str, keys: list[str]) -> None:
    assert [use.key for use in citation_uses(markdown)] == keys


# The built site ----------------------------------------------------------------------------------

TOPICS, _ = load_topics(ROOT / "docs")


def soup(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


@pytest.mark.parametrize("topic", TOPICS, ids=[t.id for t in TOPICS])
def test_every_citation_links_to_its_reference_entry(site: Path, topic) -> None:
    page = soup(site, f"topics/{topic.id}")
    uses = citation_uses(as_built(topic.body))
    refs = page.select("a.footnote-ref")
    assert len(refs) == len(uses)
    for ref in refs:
        assert page.find(id=ref["href"].removeprefix("#")), ref["href"]


@pytest.mark.parametrize("topic", TOPICS, ids=[t.id for t in TOPICS])
def test_page_locators_survive(site: Path, topic) -> None:
    text = soup(site, f"topics/{topic.id}").find("article").get_text()
    for block in re.findall(r"\[[^\]]*@[^\]]*\]", topic.body):
        for locator in re.findall(r"pp?\. (\d+)", block):
            assert re.search(rf"\d{{4}}[a-z]?, (?:[^)]*?){locator}", text), (block, locator)


def test_works_cited_lists_exactly_the_bibliography_sorted_with_cited_in_links(site: Path) -> None:
    bibliography, problems = load_bibliography(ROOT / "bibliography.bib")
    assert problems == []
    page = soup(site, "works-cited")
    blocks = page.select("div.sd-reference")
    assert {b["id"] for b in blocks} == set(bibliography.entries)
    cited_by = {}
    for topic in TOPICS:
        for use in citation_uses(as_built(topic.body)):
            cited_by.setdefault(use.key, set()).add(topic.id)
    for block in blocks:
        links = block.select(".sd-reference__cited-in a")
        topics = {re.match(r"^\.\./topics/([^/]+)/#", a["href"]).group(1) for a in links}
        assert topics == cited_by.get(block["id"], set()), block["id"]
    surnames = [re.split(r"[,.]", b.get_text().strip())[0].lower() for b in blocks]
    assert surnames == sorted(surnames)


def test_every_cited_in_link_lands_on_the_first_in_text_citation_of_the_work(site: Path) -> None:
    """A scholar following "Cited in" lands where the page cites the work, not at its reference list."""
    checked, parsed = 0, {}
    for block in soup(site, "works-cited").select("div.sd-reference"):
        for link in block.select(".sd-reference__cited-in a"):
            path, _, fragment = link["href"].partition("#")
            if path not in parsed:  # each citing page once: about a thousand links point into forty pages
                parsed[path] = BeautifulSoup((site / "works-cited" / path / "index.html").read_text(encoding="utf-8"),
                                             "html.parser")
            target = parsed[path]
            landing = target.find(id=fragment)
            assert landing is not None, f"{link['href']} (for {block['id']}): no element with that id"
            # The first in-text citation of this very work: its footnote reference, before any other.
            cites = target.select(f'a.footnote-ref[href="#fn:{block["id"]}"]')
            assert cites and landing is cites[0].parent, (link["href"], block["id"])
            assert not landing.find_parent(class_="footnote"), link["href"]  # in the text, not the list
            checked += 1
    assert checked > 100


def test_reference_lists_show_dois_cleanly(site: Path) -> None:
    text = soup(site, "works-cited").find("article").get_text()
    assert "https://doi.org/10.1162/ISEC_a_00176" in text
    assert "{.nocase}" not in text and "\\_" not in text


def test_cite_this_page(site: Path) -> None:
    page = soup(site, "topics/security-dilemma")
    citation = page.select_one(".sd-cite").get_text()
    assert "“The security dilemma.”" in citation and "Last updated 20" in citation
    assert "https://security-dilemma-course.github.io/security-dilemma/topics/security-dilemma/" in citation
    bibtex = page.find(id="cite").find_next("code").get_text()
    assert bibtex.startswith("@misc{sdcourse-security-dilemma,")
    assert re.search(r"date\s+= \{\d{4}-\d{2}-\d{2}\}", bibtex)


def test_pandoc_answers_are_reused_from_the_cache_and_redone_when_a_citation_changes(
        project_copy: Path, tmp_path: Path) -> None:
    cache = tmp_path / "citations"
    assert run_build(project_copy, tmp_path / "first", CITATIONS_CACHE_DIR=str(cache)).returncode == 0
    [entry] = cache.glob("*.json")
    saved = json.loads(entry.read_text(encoding="utf-8"))
    saved["references"]["herz1950"] = "Only the cache says this."
    entry.write_text(json.dumps(saved), encoding="utf-8")
    second = run_build(project_copy, tmp_path / "second", CITATIONS_CACHE_DIR=str(cache))
    assert second.returncode == 0, second.output
    page = tmp_path / "second" / "topics" / "security-dilemma" / "index.html"
    assert "Only the cache says this." in page.read_text(encoding="utf-8")  # pandoc did not run

    topic = project_copy / "docs" / "topics" / "security-dilemma.md"
    text = topic.read_text(encoding="utf-8")
    topic.write_text(text.replace("[@herz1950, p. 157]", "[@herz1950, p. 158]", 1), encoding="utf-8")
    third = run_build(project_copy, tmp_path / "third", CITATIONS_CACHE_DIR=str(cache))
    assert third.returncode == 0, third.output
    [fresh] = cache.glob("*.json")
    assert fresh != entry and "Only the cache says this." not in fresh.read_text(encoding="utf-8")
