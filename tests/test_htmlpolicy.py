"""The HTML allowlist, unit by unit: what a page may carry passes, what runs or embeds is named with its line."""

from __future__ import annotations

from pathlib import Path

import pytest

from topicgraph.htmlpolicy import HTML_FIX, check_page, check_static_files, url_scheme, violations

ALLOWED = [
    '<table><tr><th scope="col" colspan="2">A</th><td rowspan="2" align="left">b</td></tr></table>',
    '<p id="x" class="y" title="t" lang="en" dir="ltr" data-search-exclude data-preview>text</p>',
    '<a href="https://example.org/" rel="noopener">x</a><a href="../other/">y</a><a href="mailto:a@b.c">z</a>',
    '<a href="#anchor">x</a><a name="n">y</a>',
    '<img src="data:image/png;base64,AAAA" alt="" width="1" height="1" loading="lazy">',
    '<img src="data:image/webp,AAAA" alt="">',
    '<details open><summary>s</summary>d</details><ol start="2" type="a" reversed><li value="3">x</li></ol>',
    '<blockquote cite="https://example.org/">q</blockquote><q cite="http://example.org/">q</q>',
    '<time datetime="2026-01-01">t</time><del cite="x" datetime="y">d</del><ins cite="x">i</ins><br/><wbr>',
    '<colgroup span="2"><col span="1"></colgroup>',
]


@pytest.mark.parametrize("markup", ALLOWED)
def test_what_a_course_text_needs_passes(markup: str) -> None:
    assert violations(markup) == []


# (markup, message, a word of the fix): one forbidden thing each, named as a contributor must read it.
FORBIDDEN = [
    ("<script>x</script>", "<script> element is not allowed in a page", "cannot run"),
    ("<IFRAME src=x></IFRAME>", "<iframe> element is not allowed in a page", HTML_FIX),
    ('<p onclick="x">t</p>', "event-handler attribute 'onclick' on <p>", "cannot run script"),
    ('<p OnMouseOver="x">t</p>', "event-handler attribute 'onmouseover' on <p>", "cannot run script"),
    ('<span style="color:red">t</span>', "style attribute on <span>", "course.css"),
    ('<p align="left">t</p>', "attribute 'align' is not allowed on <p>", HTML_FIX),
    ('<img src="x.png" srcset="y.png">', "attribute 'srcset' is not allowed on <img>", HTML_FIX),
    ('<a href="javascript:alert(1)">x</a>', "'javascript:' URL in the href of <a>", "http(s)"),
    ('<a href="JaVa&#x09;ScRipt:alert(1)">x</a>', "'javascript:' URL in the href of <a>", "http(s)"),
    ('<a href="\x01 java\nscript:x">x</a>', "'javascript:' URL in the href of <a>", "http(s)"),
    ('<img src="data:image/svg+xml,<svg/>">', "'data:' URL in the src of <img>", "http(s)"),
    ('<a href="data:image/png,AAAA">x</a>', "'data:' URL in the href of <a>", "http(s)"),
    ('<blockquote cite="vbscript:x">q</blockquote>', "'vbscript:' URL in the cite of <blockquote>", "http(s)"),
]


@pytest.mark.parametrize(("markup", "message", "fix"), FORBIDDEN)
def test_what_runs_or_embeds_is_named_once(markup: str, message: str, fix: str) -> None:
    found = violations(markup)
    assert [v.message for v in found] == [message]
    assert fix in found[0].fix


@pytest.mark.parametrize(("url", "scheme"), [
    ("https://example.org/", "https"), ("HTTP://x", "http"), ("../page/", None), ("#x", None), ("", None),
    ("java\tscript:x", "javascript"), ("\x00\x1f javascript:x", "javascript"), ("a+b.c-d:x", "a+b.c-d"),
    ("1abc:x", None), ("/path:with-colon", None),
])
def test_url_scheme_is_what_a_browser_reads(url: str, scheme: str | None) -> None:
    assert url_scheme(url) == scheme


def test_each_violation_is_reported_at_its_source_line_once_per_line() -> None:
    source = "---\ntitle: <script>\n---\n\nText.\n\n<p onclick=x OnLoad=y>t</p>\n\n<a href='java&#9;script:x'>a</a>\n"
    markup = "<p>Text.</p><p onclick=x OnLoad=y>t</p><a href='java\tscript:x'>a</a><iframe></iframe>"
    problems = check_page("docs/topics/t.md", markup, source)
    assert [(p.file, p.line, p.message) for p in problems] == [
        ("docs/topics/t.md", 7, "event-handler attribute 'onclick' on <p>"),
        ("docs/topics/t.md", 9, "'javascript:' URL in the href of <a>"),
        ("docs/topics/t.md", None, "<iframe> element is not allowed in a page"),
    ]


@pytest.mark.parametrize(("name", "text", "expected"), [
    ("page.html", "<p>x</p>", [(None, "an HTML file in docs/ is published as it is, past the page checks",
                                "write it as a Markdown page, docs/sub/page.md")]),
    ("page.HTM", "", [(None, "an HTML file in docs/ is published as it is, past the page checks",
                       "write it as a Markdown page, docs/sub/page.md")]),
    ("pic.svg", '<svg>\n<rect style="fill:red" width="1"/>\n<text>x</text></svg>', []),
    ("pic.svg", "<svg>\n<script>x</script></svg>", [(2, "<script> element is not allowed in an SVG file", "PNG")]),
    ("pic.svg", '<svg>\n\n<rect onload="x"/></svg>', [(3, "event-handler attribute 'onload' on <rect> in an SVG file",
                                                        "PNG")]),
    ("pic.svg", '<svg><a xlink:href="javascript:x">l</a></svg>', [(1, "'javascript:' URL in the xlink:href of <a> "
                                                                   "in an SVG file", "PNG")]),
    ("pic.png", "<script>", []),
])
def test_files_published_as_they_are_are_checked(tmp_path: Path, name: str, text: str, expected: list) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / name).write_text(text, encoding="utf-8")
    problems = check_static_files(tmp_path)
    assert [p.file for p in problems] == [f"docs/sub/{name}"] * len(expected)
    assert [(p.line, p.message) for p in problems] == [(line, message) for line, message, _ in expected]
    assert all(fix in p.fix for p, (_, _, fix) in zip(problems, expected, strict=True))
