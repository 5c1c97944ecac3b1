"""How a topic page is cited (topicgraph/plugin/pages.py, citation_metadata and citation_of_page), without a
build: every <meta> tag reference managers read, in order; the schema.org record; "Cite this page" as BibTeX
and RIS, with and without the edition git knows; the part's PDF only in a build that prints it."""

from __future__ import annotations

import html
import re
from types import SimpleNamespace

import pytest
from topicfactory import example_course_citing

from topicgraph.plugin.pages import CoursePages
from topicgraph.plugin.site_urls import SiteUrls

BIB = """@book{herz1951, author = {Herz, John H.}, title = {Political {R}ealism; and Ideals}, publisher = {U},
  address = {C}, year = {1951}, pages = {10--20}}
@book{elsewhere, author = {Nobody}, title = {Cited elsewhere}, publisher = {U}, address = {C}, year = {2000}}
"""
SITE = {"site_name": "Probability", "site_author": "The Authors", "language": "en-GB"}
EDITION = {"edition_date": "2026-12-05", "edition_commit": "abc1234"}
URL = "https://example.org/c/topics/independence/"


@pytest.fixture(scope="module")
def course(tmp_path_factory: pytest.TempPathFactory):
    return example_course_citing(tmp_path_factory.mktemp("cite"), BIB, {
        "topics/independence.md": "As argued [@herz1951], again [@herz1951, p. 3].",
        "reading-list.md": "# Reading list\n\nSee [@elsewhere].\n",
    })


def pages_for(course, site: dict[str, str], pdfs: bool = False) -> CoursePages:
    urls = SiteUrls(SimpleNamespace(site_url="https://example.org/c/", use_directory_urls=True))
    return CoursePages(course, None, urls, site, [], pdfs=pdfs)


def test_every_meta_tag_a_reference_manager_reads_is_written_in_order(course) -> None:
    topic = course.topics["independence"]
    cited = pages_for(course, SITE).citation_metadata(topic, "2026-12-04")
    assert {k: v for k, v in cited.items() if k not in ("tags", "json_ld")} == {
        "title": topic.title, "author": "The Authors", "site": "Probability", "date": "2026-12-04", "url": URL,
        "description": topic.description}
    assert cited["tags"] == [
        ("name", "citation_title", topic.title), ("name", "citation_author", "The Authors"),
        ("name", "citation_publication_date", "2026/12/04"), ("name", "citation_publisher", "Probability"),
        ("name", "citation_public_url", URL), ("name", "citation_language", "en-GB"),
        ("name", "DC.title", topic.title), ("name", "DC.creator", "The Authors"), ("name", "DC.date", "2026-12-04"),
        ("name", "DC.publisher", "Probability"), ("name", "DC.identifier", URL), ("name", "DC.type", "Text"),
        ("name", "citation_reference", "citation_title=Political Realism, and Ideals; citation_author=Herz, John H.; "
                                       "citation_publication_date=1951; citation_publisher=U; citation_firstpage=10; "
                                       "citation_lastpage=20"),  # once, however often the page cites it
        ("property", "og:type", "article"), ("property", "og:title", topic.title),
        ("property", "og:description", topic.description), ("property", "og:url", URL),
        ("property", "og:site_name", "Probability"), ("name", "twitter:card", "summary")]


def test_the_schema_org_record_describes_the_page_as_a_learning_resource(course) -> None:
    topic = course.topics["independence"]
    record = pages_for(course, SITE).citation_metadata(topic, "2026-12-04")["json_ld"]
    assert record == {
        "@context": "https://schema.org", "@type": "LearningResource", "name": topic.title,
        "description": topic.description, "url": URL, "dateModified": "2026-12-04",
        "educationalLevel": topic.level, "timeRequired": f"PT{topic.reading_minutes}M", "keywords": list(topic.tags),
        "learningResourceType": "reading", "author": {"@type": "Organization", "name": "The Authors"},
        "isPartOf": {"@type": "Course", "name": "Probability", "url": "https://example.org/c/"},
        "citation": ["Herz, John H. (1951). Political Realism; and Ideals."]}
    assert pages_for(course, SITE | EDITION).citation_metadata(topic, "2026-12-04")["json_ld"]["version"] == "abc1234"


def test_a_build_that_prints_the_pdfs_names_the_parts_edition(course) -> None:
    topic = course.topics["independence"]
    tags = pages_for(course, SITE, pdfs=True).citation_metadata(topic, "2026-12-04")["tags"]
    pdf = [tag for tag in tags if tag[1] == "citation_pdf_url"]
    assert pdf == [("name", "citation_pdf_url", f"https://example.org/c/pdf/part-{topic.part.lower()}.pdf")]
    assert tags.index(pdf[0]) == 12  # after Dublin Core, before the works cited


def text_of(highlighted: str) -> str:
    return html.unescape(re.sub(r"<[^>]*>", "", str(highlighted)))


def test_the_page_is_cited_in_bibtex_and_ris_with_the_edition(course) -> None:
    topic = course.topics["independence"]
    cite = pages_for(course, SITE | EDITION).citation_of_page(topic, "2026-12-04")
    assert text_of(cite.pop("bibtex_html")) == (
        "@misc{sdcourse-independence,\n"
        "  author       = {{The Authors}},\n"
        f"  title        = {{{topic.title}}},\n"
        "  howpublished = {Probability},\n"
        "  year         = {2026},\n"
        "  date         = {2026-12-04},\n"
        "  version      = {2026-12-05, commit abc1234},\n"
        f"  url          = {{{URL}}},\n"
        "  note         = {Last updated 2026-12-04}\n"
        "}\n")  # (Pygments ends the block with a line break)
    assert cite == {
        "updated": "2026-12-04", "year": "2026", "url": URL, "authors": "The Authors", "course_title": "Probability",
        "edition_date": "2026-12-05", "edition_commit": "abc1234",
        "ris": (f"TY  - ELEC\nAU  - The Authors\nTI  - {topic.title}\nT2  - Probability\nPY  - 2026\n"
                f"DA  - 2026/12/04\nET  - 2026-12-05, commit abc1234\nUR  - {URL}\nLA  - en-GB\n"
                "N1  - Last updated 2026-12-04\nER  - \n"),
        "ris_file": "sdcourse-independence.ris"}


def test_outside_git_the_page_has_no_edition_and_its_bibtex_is_highlighted(course) -> None:
    topic = course.topics["independence"]
    cite = pages_for(course, SITE | {"edition_date": "2026-12-05"}).citation_of_page(topic, "2025-01-31")
    assert cite["edition_date"] == "" and cite["edition_commit"] == "" and "ET  -" not in cite["ris"]
    assert "version" not in text_of(cite["bibtex_html"]) and cite["year"] == "2025"
    assert str(cite["bibtex_html"]).startswith('<div class="highlight"><pre><span></span><code><span class="')
    assert "sdcourse-independence" in str(cite["bibtex_html"])


def test_a_page_that_cites_nothing_names_no_work(course) -> None:
    uncited = next(t for t in course.topics.values() if not course.citations.get(t.src_uri))
    cited = pages_for(course, SITE).citation_metadata(uncited, "2026-12-04")
    assert [tag for tag in cited["tags"] if tag[1] == "citation_reference"] == []
    assert cited["json_ld"]["citation"] == []
