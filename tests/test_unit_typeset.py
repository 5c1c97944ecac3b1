"""Short texts as inline HTML (topicgraph/typeset.py): front-matter text gets the pages' typography and
nothing else (no Markdown, no HTML), references get Markdown but no raw HTML, and each is converted once."""

from __future__ import annotations

import random

import pytest
from markdown import Markdown
from markupsafe import Markup

from topicgraph.typeset import TextTypesetter, Typesetter, _inline, encoded


def test_front_matter_text_gets_quotes_dashes_and_ellipses() -> None:
    typeset = TextTypesetter()
    assert typeset('The "spiral" -- of fear... It\'s 1990s') == (
        "The &ldquo;spiral&rdquo; &ndash; of fear&hellip; It&rsquo;s 1990s")


def test_front_matter_text_is_text_markup_and_markdown_syntax_included() -> None:
    typeset = TextTypesetter()
    assert typeset("a <b>bold</b> & *not* _em_ [x](y) {#id} `c` \\ ! # |") == (
        "a &lt;b&gt;bold&lt;/b&gt; &amp; &#42;not&#42; &#95;em&#95; &#91;x&#93;(y) &#123;&#35;id&#125; "
        "&#96;c&#96; &#92; &#33; &#35; &#124;")
    assert typeset("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;"


def test_front_matter_text_is_one_line_and_an_html_result() -> None:
    typeset = TextTypesetter()
    html = typeset("  A title\n  over two   lines  ")
    assert html == "A title over two lines"
    assert isinstance(html, Markup)
    assert typeset("Two\n\nparagraphs") == "Two paragraphs"


def test_the_pages_typography_settings_apply() -> None:
    assert TextTypesetter({"smart_dashes": False})('a -- b "q"') == "a -- b &ldquo;q&rdquo;"
    assert TextTypesetter({"smart_quotes": False})('"q"') == '"q"'


def test_each_text_is_converted_once() -> None:
    typeset = TextTypesetter()
    first = typeset("Fear... again")
    typeset._markdown = None  # a second conversion would fail
    assert typeset("Fear... again") is first


def test_a_reference_gets_markdown_but_its_html_shows_as_text() -> None:
    typeset = Typesetter(["smarty"], {})
    assert typeset("Jervis, *World Politics* <b>x</b>") == "Jervis, <em>World Politics</em> &lt;b&gt;x&lt;/b&gt;"
    assert typeset("<div>\nblock\n</div>") == "&lt;div&gt;\nblock\n&lt;/div&gt;"


@pytest.mark.parametrize(("config", "expected"), [({}, "a &ndash; b"), ({"smart_dashes": False}, "a -- b")])
def test_a_reference_gets_the_pages_extension_settings(config: dict, expected: str) -> None:
    assert Typesetter(["smarty"], {"smarty": config})("a -- b") == expected


def test_text_smarty_cannot_change_skips_markdown() -> None:
    typeset = TextTypesetter()
    typeset._markdown = None  # a conversion would fail
    assert typeset("Herz, 1950: the idealist & the realist (#2)") == (
        "Herz, 1950: the idealist &amp; the realist (&#35;2)")


def test_skipping_markdown_gives_what_markdown_gives() -> None:
    """The shortcut is exact: random texts dense with what Markdown and smarty act on come out as a
    full conversion gives them, whichever way each text goes."""
    pieces = ["a", "b", " ", "  ", ".", "..", "-", "--", "1.", "2)", "+", "*", "_", "'", '"', "<", ">", "<<",
              ">>", "&", "&amp;", "&#35;", "#", "=", "`", "\\", "[", "]", "(", ")", "!", "|", "{", "}", ":", "\n",
              "\t", "\x02", "\x03", "\u00a0", "\ue000", "é", "—", "...", "---", "- ", "1. "]
    rng = random.Random(1950)
    typeset, markdown = TextTypesetter(), Markdown(extensions=["smarty"])
    for _ in range(4000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        assert typeset(text) == _inline(markdown, encoded(text)), repr(text)
