"""Front-matter and BibTeX text is data: markup in it reaches no page live, on any page of the site.

A copy of the course gets hostile text in every field a contributor writes outside the Markdown body
(a topic's title, description, reflection and quiz, and a reference's title and URL),
and the whole built site is searched for anything live that came from it. The same text must still
be there for readers to see, as text.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from sitebuild import BuildResult, copy_project, run_build

from topicgraph.frontmatter import parse
from topicgraph.htmlpolicy import url_scheme

TITLE = 'The hotline <img src=x onerror=alert(1)> "{#x onclick=alert(2)}"'
DESCRIPTION = 'A </title><script>alert(3)</script> and *[a link](javascript:alert(4))* in one sentence, "quoted".'
REFLECTION = 'Read <a href="javascript:alert(5)">this</a> and </textarea><svg onload=alert(6)> then reflect.'
QUESTION = "Which </legend><iframe src=javascript:alert(7)> is it?"
OPTION = '<b onmouseover=alert(8)>bold</b> & "quoted"'
EXPLANATION = "Because `x` </li></ul><script>alert(9)</script>."
BIB_TITLE = "Memorandum <img src=y onerror=alert(10)> [link](javascript:alert(11)) {\\&} of Understanding"
BIB_URL = "javascript:alert(12)"
HOSTILE = (TITLE, DESCRIPTION, REFLECTION, QUESTION, OPTION, EXPLANATION, BIB_TITLE, BIB_URL)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    project = copy_project(tmp_path_factory.mktemp("hostile") / "project")
    topic = project / "docs" / "topics" / "hotline.md"
    document = parse(topic.read_text(encoding="utf-8"))
    meta = dict(document.meta)
    meta |= {"title": TITLE, "description": DESCRIPTION, "reflection": REFLECTION}
    question = meta["quiz"][0]
    question["question"] = QUESTION
    question["options"][0]["text"] = OPTION
    question["options"][0]["explanation"] = EXPLANATION
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000)
    topic.write_text(f"---\n{front}---\n{document.body}", encoding="utf-8")
    bib = project / "bibliography.bib"
    text = bib.read_text(encoding="utf-8")
    start = text.index("@misc{usstate1963hotline,")
    end = text.index("\n}\n", start)
    entry = ("@misc{usstate1963hotline,\n  author = {{U.S. Department of State}},\n"
             f"  title = {{{BIB_TITLE}}},\n  year = {{1963}},\n  url = {{{BIB_URL}}}")
    bib.write_text(text[:start] + entry + text[end:], encoding="utf-8")
    # The page's heading id follows its title; the copy does not promise the old one.
    manifest = project / "published-urls.txt"
    kept = [line for line in manifest.read_text().splitlines() if line != "/topics/hotline/#the-hotline"]
    manifest.write_text("\n".join(kept) + "\n")
    result = run_build(project, project / "site")
    assert result.returncode == 0, result.output
    return result


class _LiveMarkup(HTMLParser):
    """What in a page would run: handlers, script URLs, frames, and scripts that came from the text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.live: list[str] = []
        self._script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"iframe", "object", "embed", "b"} or (tag == "img" and ("src", "x") in attrs):
            self.live.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on"):
                self.live.append(f"{name} on <{tag}>")
            elif name in {"href", "src", "xlink:href", "action"} and value and url_scheme(value) not in {
                    None, "http", "https", "mailto", "data"}:
                self.live.append(f"{name}={value!r} on <{tag}>")
        # A data block (JSON-LD) never runs; test_the_json_ld_block_holds_the_title_as_data checks it.
        self._script = tag == "script" and (dict(attrs).get("type") or "text/javascript") != "application/ld+json"

    def handle_data(self, data: str) -> None:
        if self._script and "alert(" in data:
            self.live.append(f"script {data[:40]!r}")

    def handle_endtag(self, tag: str) -> None:
        self._script = False


def live_markup(html: str) -> list[str]:
    parser = _LiveMarkup()
    parser.feed(html)
    parser.close()
    return parser.live


def test_no_page_of_the_site_carries_live_markup_from_the_text(hostile: BuildResult) -> None:
    pages = sorted(hostile.site.rglob("*.html"))
    assert len(pages) > 70
    found = {page.relative_to(hostile.site).as_posix(): live for page in pages
             if (live := live_markup(page.read_text(encoding="utf-8")))}
    assert found == {}


def test_the_text_is_shown_as_text_where_readers_meet_it(hostile: BuildResult) -> None:
    site = hostile.site
    topic = (site / "topics" / "hotline" / "index.html").read_text(encoding="utf-8")
    # Escaped, so it is text; typography (curly quotes) is the only change the site makes to it.
    shown = TITLE.replace("<", "&lt;").replace(">", "&gt;")
    assert shown.split('"')[0] in topic  # the heading, the card and "Cite this page"
    assert "&lt;/title&gt;&lt;script&gt;" in topic  # the description, in <meta name="description">
    assert re.search(r"&lt;a href=&\w+;javascript:alert\(5\)", topic)  # the reflection, quotes curled
    assert "&lt;/legend&gt;&lt;iframe" in topic
    assert re.search(r"&lt;img src=y onerror=alert\(10\)&gt;", topic, re.I)  # the reference list
    other = (site / "topics" / "verification" / "index.html").read_text(encoding="utf-8")
    assert shown.split('"')[0] in other  # the navigation of every page
    for page in ("print/index.html", "graph/index.html", "works-cited/index.html", "404.html"):
        assert "&lt;img src=" in (site / page).read_text(encoding="utf-8"), page


def test_the_search_index_holds_the_title_escaped(hostile: BuildResult) -> None:
    index = json.loads((hostile.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    titles = [doc["title"] for doc in index["docs"] if doc["location"].startswith("topics/hotline/")]
    assert titles and all("<img" not in title for title in titles)
    assert any("&lt;img src=x onerror=alert(1)&gt;" in title for title in titles)


def test_the_json_ld_block_holds_the_title_as_data(hostile: BuildResult) -> None:
    topic = (hostile.site / "topics" / "hotline" / "index.html").read_text(encoding="utf-8")
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', topic, re.S)[1]
    assert "<" not in block, "the block could be ended early"
    assert json.loads(block)["name"] == TITLE


def test_graph_json_keeps_the_title_as_data(hostile: BuildResult) -> None:
    graph = json.loads((hostile.site / "graph.json").read_text(encoding="utf-8"))
    assert {node["title"] for node in graph["nodes"] if node["id"] == "hotline"} == {TITLE}


def test_cite_this_page_escapes_the_title_for_bibtex(hostile: BuildResult) -> None:
    topic = (hostile.site / "topics" / "hotline" / "index.html").read_text(encoding="utf-8")
    bibtex = re.sub(r"<[^>]+>", "", topic.split('id="cite"', 1)[1].split("</code>", 1)[0])
    title = next(line for line in bibtex.splitlines() if line.strip().startswith("title"))
    assert r"\{\#x onclick=alert(2)\}" in title.replace("&quot;", '"').replace("&#34;", '"')


def test_every_hostile_text_reached_the_site(hostile: BuildResult) -> None:
    """The test above is not vacuous: each text is in some page (escaped) or in graph.json."""
    everything = "".join(p.read_text(encoding="utf-8") for p in hostile.site.rglob("*.html"))
    for text in HOSTILE:
        marker = re.search(r"alert\(\d+\)", text).group(0)
        assert marker in everything, text


@pytest.mark.parametrize("field", ["title", "description"])
def test_a_line_break_in_a_single_line_field_fails_the_schema(field: str, tmp_path: Path) -> None:
    from topicgraph.load import load_topic

    source = (Path(__file__).resolve().parents[1] / "docs" / "topics" / "hotline.md").read_text(encoding="utf-8")
    meta = parse(source).meta | {field: "Two\nlines are not a title or a description, even if long enough."}
    text = f"---\n{yaml.safe_dump(meta, sort_keys=False)}---\n{parse(source).body}"
    topic, problems = load_topic(text, "hotline", "docs/topics/hotline.md", "topics/hotline.md")
    assert topic is None and any(field in str(p) for p in problems), problems


def test_the_quiz_files_for_an_lms_carry_the_text_as_text(hostile: BuildResult) -> None:
    """The QTI package and Moodle XML hold the question as HTML-escaped text: an LMS that renders it
    as HTML shows the characters, and no element of the text's exists in either file."""
    import io
    import xml.etree.ElementTree as ET
    import zipfile
    from html import unescape

    from topicgraph import lms

    site = hostile.site
    with zipfile.ZipFile(io.BytesIO((site / lms.topic_files("hotline")["qti"]).read_bytes())) as package:
        (name,) = [n for n in package.namelist() if n != "imsmanifest.xml"]
        qti = ET.fromstring(package.read(name))
    moodle = ET.fromstring((site / lms.topic_files("hotline")["moodle"]).read_bytes())
    for root in (qti, moodle):
        assert not [e.tag for e in root.iter() if e.tag.rsplit("}", 1)[-1] in {"iframe", "b", "script", "img"}]
        # What each format renders as HTML: QTI's mattext (text/html), Moodle's format="html" fields.
        # (A Moodle question's name and category are plain-text fields: XML-escaped only.)
        texts = [e.text or "" for e in root.iter() if e.tag.endswith("mattext")]
        texts += [e.findtext("text") or "" for e in root.iter() if e.get("format") == "html"]
        assert not [t for t in texts if live_markup(t)], "an LMS rendering this HTML would run or show markup"
        assert any(unescape(t) == QUESTION for t in texts) and any(unescape(t) == EXPLANATION for t in texts)
    script = (site / lms.SCRIPT).read_text(encoding="utf-8")
    assert "<" not in script and "alert(7)" in script
    ris = (site / "topics" / "hotline" / "index.html").read_text(encoding="utf-8").split('class="sd-cite__ris"')[1]
    assert "&lt;img src=x onerror=alert(1)&gt;" in ris.split("</pre>")[0]


def test_a_pdf_edition_holds_the_title_as_text(hostile: BuildResult, tmp_path: Path) -> None:
    """In the PDF's metadata, its outline and its text the title is the title, never markup that ran."""
    pypdf = pytest.importorskip("pypdf")
    from topicgraph.editions import Edition
    from topicgraph.pdfbook import BookInfo
    from topicgraph.pdfprint import print_editions

    edition = Edition("path-hotline", f"Reading path: {TITLE}", "path", (("Reading order", ("hotline",)),))
    info = BookInfo(TITLE, DESCRIPTION, "5 December 2026", "https://example.org/", "print/")
    print_editions(hostile.site, "print/index.html", [edition], info, out_dir=tmp_path)
    reader = pypdf.PdfReader(tmp_path / edition.path)
    assert reader.metadata.title == f"Reading path: {TITLE} — {TITLE}"
    plain = {ord("“"): '"', ord("”"): '"'}  # the site's typography curls the quotes
    assert TITLE in [item.title.translate(plain) for item in _flat(reader.outline)]
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "<img src=x onerror=alert(1)>" in text and DESCRIPTION in " ".join(text.split())
    for page in reader.pages:  # links only to the document itself or to the web
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A")
            assert action is None or str(action.get("/URI", "")).startswith(("https://", "http://"))


def _flat(outline: list) -> list:
    return [entry for item in outline for entry in (_flat(item) if isinstance(item, list) else [item])]
