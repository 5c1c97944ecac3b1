"""The PDF editions printed from the session's build of the real course (topicgraph/pdfprint.py): the
whole course, one part and one reading path, each opened with pypdf. Each has a cover and contents
whose page numbers are where its outline points, an outline by part and topic, every topic's title in
its text, links that land inside the document or on the published site, and the quiz answers only in
the answer key at its end. The selection of every part and path is tested in test_unit_editions.py."""

from __future__ import annotations

import functools
import re
import unicodedata
from pathlib import Path

import pytest
from sitebuild import ROOT, as_built

from topicgraph.course import Course, load_course
from topicgraph.editions import Edition, course_edition, part_editions, path_editions
from topicgraph.pdfbook import BookInfo

pypdf = pytest.importorskip("pypdf")
pdfprint = pytest.importorskip("topicgraph.pdfprint")

SITE_URL = "https://example.org/course/"
PATH_TO = "stag-hunt"


def normal(text: str) -> str:
    """Text as compared here: quotes and dashes plain, one space between words."""
    text = unicodedata.normalize("NFKC", text)
    text = text.translate(str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\u00ad": ""}))
    return re.sub(r"-\s+", "-", " ".join(text.split()))  # a line broken after a hyphen


@pytest.fixture(scope="session")
def real_course() -> Course:
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"))
    docs = ROOT / "docs"
    pages = {p.relative_to(docs).as_posix(): as_built(p.read_text(encoding="utf-8"))
             for p in sorted(docs.rglob("*.md"))}
    return load_course(docs_dir=docs, bib_path=ROOT / "bibliography.bib", pages=pages, display_prefix="docs",
                       settings=config.plugins["topicgraph"].config.settings())


@pytest.fixture(scope="session")
def editions(real_course: Course) -> dict[str, Edition]:
    cases = next(e for e in part_editions(real_course) if e.groups[0][0] == "Cases")
    path = next(e for e in path_editions(real_course) if e.slug == f"path-{PATH_TO}")
    return {"course": course_edition(real_course), "part": cases, "path": path}


@pytest.fixture(scope="session")
def printed(site: Path, editions: dict[str, Edition], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The three editions, printed once per session into a folder of their own (the site stays as built)."""
    out = tmp_path_factory.mktemp("pdfs")
    info = BookInfo("The course", "Text CC BY 4.0", "5 December 2026", SITE_URL, "print/")
    done = pdfprint.print_editions(site, "print/index.html", editions.values(), info, out_dir=out)
    assert [p.slug for p in done] == [e.slug for e in editions.values()]
    assert not list((site / "print").glob(".pdf-*"))  # the documents printed from are gone
    return {kind: out / edition.path for kind, edition in editions.items()}


@functools.cache
def page_texts(pdf: Path) -> tuple[str, ...]:
    """Each page's text, extracted once per session: the course edition has hundreds of pages."""
    return tuple(page.extract_text() for page in pypdf.PdfReader(pdf).pages)


def outline(reader) -> list[tuple[int, str, int]]:
    """(depth, title, page from 1) of every outline entry, in order."""
    found = []

    def walk(items, depth: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                found.append((depth, normal(item.title), reader.get_destination_page_number(item) + 1))

    walk(reader.outline, 0)
    return found


KINDS = ["course", "part", "path"]


@pytest.mark.parametrize("kind", KINDS)
def test_an_edition_has_a_cover_contents_and_its_topics(kind, printed, editions, real_course) -> None:
    reader = pypdf.PdfReader(printed[kind])
    edition = editions[kind]
    entries = outline(reader)
    first_part = next(page for depth, title, page in entries if depth == 0 and title != "Contents")
    assert first_part >= 3 and len(reader.pages) > first_part  # cover, contents, then the topics
    assert "Edition of 5 December 2026" in normal(reader.pages[0].extract_text())
    text = normal(" ".join(page_texts(printed[kind])))
    top = [title for depth, title, _ in entries if depth == 0]
    assert top == ["Contents", *(normal(h) for h, _ in edition.groups), "Answer key"]
    for heading, ids in edition.groups:  # the outline: each group, then its topics in order
        start = next(n for n, (depth, title, _) in enumerate(entries) if depth == 0 and title == normal(heading))
        children = []
        for depth, title, _ in entries[start + 1:]:
            if depth == 0:
                break
            if depth == 1:
                children.append(title)
        assert children == [normal(real_course.topics[i].title) for i in ids]
        for topic_id in ids:
            assert normal(real_course.topics[topic_id].title) in text


@pytest.mark.parametrize("kind", KINDS)
def test_the_contents_page_numbers_are_where_the_outline_points(kind, printed) -> None:
    reader = pypdf.PdfReader(printed[kind])
    entries = [(title, page) for depth, title, page in outline(reader) if depth <= 1 and title != "Contents"]
    contents = [n for n, (depth, title, _) in enumerate(outline(reader)) if title == "Contents"]
    assert contents
    first = entries[0][1]
    lines = "\n".join(reader.pages[n].extract_text() for n in range(1, first - 1)).splitlines()
    numbers = [int(m.group(1)) for line in lines
               if not re.fullmatch(r"\d+ / \d+", line) and (m := re.search(r"\S\s+(\d+)$", line))]
    assert numbers == [page for _, page in entries]


@pytest.mark.parametrize("kind", KINDS)
def test_every_link_lands_in_the_document_or_on_the_published_site(kind, printed) -> None:
    reader = pypdf.PdfReader(printed[kind])
    named = {str(name) for name in reader.named_destinations}
    internal = external = 0
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            if annotation.get("/Subtype") != "/Link":
                continue
            if "/Dest" in annotation:
                assert str(annotation["/Dest"]) in named, annotation["/Dest"]
                internal += 1
            else:
                uri = str(annotation["/A"]["/URI"])
                assert re.match(r"https?://", uri), uri  # no relative or file: link, which leads nowhere
                external += 1
    assert internal > 10 and external > 0


@pytest.mark.parametrize("kind", KINDS)
def test_quiz_answers_are_only_in_the_answer_key_at_the_end(kind, printed, editions, real_course) -> None:
    reader = pypdf.PdfReader(printed[kind])
    entries = outline(reader)
    key = next(page for depth, title, page in entries if depth == 0 and title == "Answer key")
    assert key == max(page for depth, _, page in entries if depth == 0)
    before = normal(" ".join(page_texts(printed[kind])[:key - 1]))
    after = normal(" ".join(page_texts(printed[kind])[key - 1:]))
    checked = 0
    for topic_id in editions[kind].topics:
        for question in real_course.topics[topic_id].quiz:
            right = next(o for o in question.options if o.correct)
            assert normal(question.question)[:60] in before  # the question is under its topic...
            assert normal(right.explanation)[:60] in after  # ...its answer in the key
            checked += 1
    # The key's own wording, and the topic page's folded answers, never come before it (an explanation's
    # words may also be in the topic's prose, so they cannot tell).
    assert not re.search(r"Not \([a-z]\):|Answer and explanations|Right: ", before)
    assert len(re.findall(r"Not \([a-z]\):", after)) >= checked
    assert checked > 0


def test_the_part_edition_links_topics_of_other_parts_to_the_site(printed, editions) -> None:
    reader = pypdf.PdfReader(printed["part"])
    uris = {str(a.get_object()["/A"]["/URI"]) for p in reader.pages for a in p.get("/Annots") or []
            if "/A" in a.get_object() and "/URI" in a.get_object()["/A"]}
    others = {m.group(1) for u in uris if (m := re.match(re.escape(SITE_URL) + r"topics/([a-z0-9-]+)/", u))}
    assert others and not others & set(editions["part"].topics)


def test_the_title_is_the_editions(printed, editions) -> None:
    for kind, path in printed.items():
        assert pypdf.PdfReader(path).metadata.title == f"{editions[kind].title} — The course"
