"""What pages may not say in their Markdown (topicgraph/content.py): the build's generated-HTML marker,
reported like a raw <script>, on its line, under the page's display path."""

from __future__ import annotations

import pytest

from topicgraph.content import MARKER_FIX, check_inline_scripts, inline_scripts
from topicgraph.errors import Problem


@pytest.mark.parametrize(("marker", "name"), [
    ("<!-- course:html -->", "course:html"), ("<!--course:html-->", "course:html"),
    ("<!-- /course:html -->", "course:html"), ("<!-- COURSE:HTML -->", "COURSE:HTML"),
    ("<!-- course:print-start -->", "course:print-"),
    # The print edition's bounds: in a page, one would cut its printed text short.
    ("<!-- course:body -->", "course:body"), ("<!-- /course:references -->", "course:references")])
def test_the_build_marker_in_a_page_is_reported_on_its_line_with_the_fix(marker: str, name: str) -> None:
    page = f"# Page\n\nText.\n{marker}\n<p>raw</p>\n"
    assert inline_scripts("docs/index.md", page) == [
        Problem("docs/index.md", 4, f"the build's marker '<!-- {name} -->' in the page",
                "remove it: only the build writes these markers")]
    assert MARKER_FIX == "remove it: only the build writes these markers"


def test_a_marker_in_code_or_a_comment_that_is_not_the_marker_is_not_reported() -> None:
    page = "`<!-- course:html -->`\n\n```html\n<!-- course:html -->\n```\n\n<!-- course notes: html later -->\n"
    assert inline_scripts("docs/index.md", page) == []


def test_a_line_with_a_script_and_a_marker_is_reported_once_as_a_script() -> None:
    assert [p.message for p in inline_scripts("f.md", "<script>x()</script><!-- course:html -->\n")] == [
        "raw <script> in the page's Markdown"]


def test_pages_are_named_under_docs_unless_told_otherwise() -> None:
    pages = {"index.md": "<script>\n", "topics/a.md": "ok\n\n<!-- course:html -->\n"}
    assert [(p.file, p.line) for p in check_inline_scripts(pages)] == [("docs/index.md", 1), ("docs/topics/a.md", 3)]


def test_a_script_in_the_line_after_the_front_matter_is_reported() -> None:
    page = "---\ntitle: <script>\n---\n<script>x()</script>\n"
    assert [p.line for p in inline_scripts("f.md", page)] == [4]
