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


SCRIPT_FIX = "remove it: a page cannot run script"
ELEMENT_FIX = "pages cannot run, embed or style; " + HTML_FIX
URL_FIX = "link to an http(s) address or to a page of the course"

# (markup, message, fix): one forbidden thing each, named as a contributor must read it, with what to do.
FORBIDDEN = [
    ("<script>x</script>", "<script> element is not allowed in a page", ELEMENT_FIX),
    ("<IFRAME src=x></IFRAME>", "<iframe> element is not allowed in a page", ELEMENT_FIX),
    ('<p onclick="x">t</p>', "event-handler attribute 'onclick' on <p>", SCRIPT_FIX),
    ('<p OnMouseOver="x">t</p>', "event-handler attribute 'onmouseover' on <p>", SCRIPT_FIX),
    ('<span style="color:red">t</span>', "style attribute on <span>",
     "remove it, or use a class that the site's stylesheets define"),
    ('<p align="left">t</p>', "attribute 'align' is not allowed on <p>", f"remove it ({HTML_FIX})"),
    ('<img src="x.png" srcset="y.png">', "attribute 'srcset' is not allowed on <img>", f"remove it ({HTML_FIX})"),
    ('<a href="javascript:alert(1)">x</a>', "'javascript:' URL in the href of <a>", URL_FIX),
    ('<a href="JaVa&#x09;ScRipt:alert(1)">x</a>', "'javascript:' URL in the href of <a>", URL_FIX),
    ('<a href="\x01 java\nscript:x">x</a>', "'javascript:' URL in the href of <a>", URL_FIX),
    ('<img src="data:image/svg+xml,<svg/>">', "'data:' URL in the src of <img>", URL_FIX),
    ('<a href="data:image/png,AAAA">x</a>', "'data:' URL in the href of <a>", URL_FIX),
    ('<blockquote cite="vbscript:x">q</blockquote>', "'vbscript:' URL in the cite of <blockquote>", URL_FIX),
]


@pytest.mark.parametrize(("markup", "message", "fix"), FORBIDDEN)
def test_what_runs_or_embeds_is_named_once(markup: str, message: str, fix: str) -> None:
    found = violations(markup)
    assert [(v.message, v.fix) for v in found] == [(message, fix)]


@pytest.mark.parametrize(("url", "scheme"), [
    ("https://example.org/", "https"), ("HTTP://x", "http"), ("../page/", None), ("#x", None), ("", None),
    ("java\tscript:x", "javascript"), ("\x00\x1f javascript:x", "javascript"), ("a+b.c-d:x", "a+b.c-d"),
    ("1abc:x", None), ("/path:with-colon", None),
    ("X-custom:x", "x-custom"),
])
def test_url_scheme_is_what_a_browser_reads(url: str, scheme: str | None) -> None:
    assert url_scheme(url) == scheme


def test_each_violation_is_reported_at_its_source_line_once_per_line() -> None:
    """The line is the first, after front matter, that holds the attribute or URL as written, even where
    prose above mentions the same word; a line with two violations is reported once."""
    source = ("---\ntitle: <script>\n---\n\nNever write javascript: links, a style or an onclick, or a srcset.\n\n"
              "<p onclick=x OnLoad=y>t</p>\n\n<a href='java&#9;script:x'>a</a>\n<span style='x'>s</span>\n"
              "<img srcset='y'>\n")
    markup = ("<p>Never write javascript: links, a style or an onclick, or a srcset.</p><p onclick=x OnLoad=y>t</p>"
              "<a href='java\tscript:x'>a</a><span style='x'>s</span><img srcset='y'><iframe></iframe>")
    problems = check_page("docs/topics/t.md", markup, source)
    assert [(p.file, p.line, p.message, p.fix) for p in problems] == [
        ("docs/topics/t.md", 7, "event-handler attribute 'onclick' on <p>", SCRIPT_FIX),
        ("docs/topics/t.md", 9, "'javascript:' URL in the href of <a>", URL_FIX),
        ("docs/topics/t.md", 10, "style attribute on <span>",
         "remove it, or use a class that the site's stylesheets define"),
        ("docs/topics/t.md", 11, "attribute 'srcset' is not allowed on <img>", f"remove it ({HTML_FIX})"),
        ("docs/topics/t.md", None, "<iframe> element is not allowed in a page", ELEMENT_FIX),
    ]


SVG_FIX = "draw it without script, handlers or embedded documents, or use a PNG"


@pytest.mark.parametrize(("name", "text", "expected"), [
    ("page.html", "<p>x</p>", [(None, "an HTML file in docs/ is published as it is, past the page checks",
                                "write it as a Markdown page, docs/sub/page.md")]),
    ("page.HTM", "", [(None, "an HTML file in docs/ is published as it is, past the page checks",
                       "write it as a Markdown page, docs/sub/page.md")]),
    ("my.page.xhtml", "", [(None, "an HTML file in docs/ is published as it is, past the page checks",
                            "write it as a Markdown page, docs/sub/my.page.md")]),
    ("pic.svg", b"<svg>\xff\n<script>x</script></svg>", [(2, "<script> element is not allowed in an SVG file",
                                                          SVG_FIX)]),
    ("pic.svg", '<svg>\n<rect style="fill:red" width="1"/>\n<text>x</text></svg>', []),
    ("pic.svg", "<svg>\n<script>x</script></svg>", [(2, "<script> element is not allowed in an SVG file", SVG_FIX)]),
    ("pic.svg", '<svg>\n\n<rect onload="x"/></svg>', [(3, "event-handler attribute 'onload' on <rect> in an SVG file",
                                                        SVG_FIX)]),
    ("pic.svg", '<svg><a xlink:href="javascript:x">l</a></svg>', [(1, "'javascript:' URL in the xlink:href of <a> "
                                                                   "in an SVG file", SVG_FIX)]),
    ("pic.png", "<script>", []),
])
def test_files_published_as_they_are_are_checked(tmp_path: Path, name: str, text: str | bytes,
                                                 expected: list) -> None:
    """Every HTML file is refused and every SVG read (whatever its bytes) with the SVG allowlist."""
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / name).write_bytes(text if isinstance(text, bytes) else text.encode())
    problems = check_static_files(tmp_path)
    assert [p.file for p in problems] == [f"docs/sub/{name}"] * len(expected)
    assert [(p.line, p.message) for p in problems] == [(line, message) for line, message, _ in expected]
    assert [p.fix for p in problems] == [fix for _, _, fix in expected]


def test_every_file_of_the_folder_is_reported(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text("x")
    (tmp_path / "b.svg").write_text("<svg><script/></svg>")
    (tmp_path / "c.svg").write_text("<svg onload='x'/>")
    assert [p.file for p in check_static_files(tmp_path, "site")] == ["site/a.html", "site/b.svg", "site/c.svg"]
