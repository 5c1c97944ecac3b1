"""Raw <script> in a page's Markdown is refused, with the file, the line and the fix."""

from __future__ import annotations

import pytest
from topicfactory import write_topic

from topicgraph.content import check_inline_scripts, inline_scripts
from topicgraph.course import load_course
from topicgraph.errors import TopicGraphError

FRONT = "---\ntitle: T\n---\n"


def lines(markdown: str) -> list[int | None]:
    return [p.line for p in inline_scripts("docs/x.md", markdown)]


def test_script_in_prose_is_reported_with_its_line_and_fix() -> None:
    problems = inline_scripts("docs/topics/x.md", FRONT + "\nText.\n\n<script>alert(1)</script>\n")
    assert [str(p) for p in problems] == [
        "docs/topics/x.md:7: raw <script> in the page's Markdown "
        "(use the course's scripts, not inline <script> in content)"
    ]


@pytest.mark.parametrize("html", ['<SCRIPT src="x.js"></SCRIPT>', '<p>a</p><script type="module">',
                                  "<script\n"])
def test_any_spelling_of_the_tag_is_found(html: str) -> None:
    assert lines(f"Intro.\n{html}") == [2]


def test_code_blocks_and_code_spans_may_show_a_script_tag() -> None:
    markdown = (
        FRONT
        + "Write `<script>` nowhere.\n\n"
        + "```html\n<script>ok()</script>\n```\n\n"
        + "- item\n\n    ~~~~\n    <script>\n    ~~~\n    <script>\n    ~~~~\n\n"
        + "Done.\n"
    )
    assert lines(markdown) == []


def test_a_script_after_a_closed_fence_is_found() -> None:
    assert lines("```\n<script>\n```\n<script>\n") == [4]


def test_words_that_merely_start_alike_are_not_tags() -> None:
    assert lines("A <scripture> reading and a <scripted> scene, and the word script.\n") == []


def test_front_matter_is_not_content() -> None:
    assert lines("---\nreflection: never write <script> here\n---\nText.\n") == []


def test_every_page_is_checked_under_its_display_path() -> None:
    pages = {"index.md": "<script>\n", "topics/a.md": "fine\n"}
    assert [str(p).split(":")[0:2] for p in check_inline_scripts(pages, "site-src")] == [["site-src/index.md", "1"]]


def test_load_course_refuses_a_page_with_a_script(tmp_path) -> None:
    docs = tmp_path / "docs"
    write_topic(docs, "anarchy", body="## Core idea {#core-idea}\n\nText.\n\n<script>x()</script>\n")
    pages = {"topics/anarchy.md": (docs / "topics" / "anarchy.md").read_text(encoding="utf-8")}
    bib = tmp_path / "empty.bib"
    bib.write_text("")
    with pytest.raises(TopicGraphError) as raised:
        load_course(docs, bib, pages)
    assert "docs/topics/anarchy.md:" in str(raised.value) and "raw <script>" in str(raised.value)
