"""Generated HTML kept out of Markdown comes back unchanged, where it was."""

from __future__ import annotations

import markdown

from topicgraph.rawhtml import restore, set_aside, set_aside_footnotes, set_aside_unindexed
from topicgraph.typeset import Typesetter


def test_marked_html_skips_markdown_and_comes_back_in_place() -> None:
    source = ("## Heading\n\n<!-- course:html -->\n<ul>\n<li>*not emphasis* -- \"quoted\"</li>\n</ul>\n"
              "<!-- /course:html -->\n\nA *paragraph* -- after.\n")
    text, blocks = set_aside(source)
    assert blocks == ['<ul>\n<li>*not emphasis* -- "quoted"</li>\n</ul>']
    html = restore(markdown.markdown(text, extensions=["smarty", "md_in_html"]), blocks)
    assert '<ul>\n<li>*not emphasis* -- "quoted"</li>\n</ul>' in html
    assert html.index("<h2>") < html.index("<ul>") < html.index("<em>paragraph</em> &ndash; after")
    assert "course:html" not in html


def test_a_mark_inside_a_line_is_left_alone() -> None:
    source = "Text <!-- course:html --> more\n"
    assert set_aside(source) == (source, [])


EXTENSIONS = ["smarty", "footnotes", "md_in_html"]
REFERENCE = 'Jervis, Robert. 1978. "Cooperation." *World Politics* 30 (2): 167--214. <https://doi.org/10.2307/2009958>.'


def test_known_footnote_texts_are_set_aside_and_come_back_as_markdown_would_make_them() -> None:
    source = f"Text[^jervis] and[^note].\n\n[^jervis]: {REFERENCE}\n[^note]: An *authored* note.\n"
    typesetter = Typesetter(EXTENSIONS, {})
    blocks: list[str] = []
    text = set_aside_footnotes(source, blocks, lambda t: typesetter(t) if t == REFERENCE else None)
    assert blocks == [typesetter(REFERENCE)]
    assert "[^note]: An *authored* note." in text and REFERENCE not in text
    html = restore(markdown.markdown(text, extensions=EXTENSIONS), blocks)
    assert html == markdown.markdown(source, extensions=EXTENSIONS)
    assert "&ldquo;Cooperation.&rdquo; <em>World Politics</em> 30 (2): 167&ndash;214." in html


def test_typesetter_gives_inline_html_and_converts_each_text_once() -> None:
    typesetter = Typesetter(["smarty"], {})
    assert typesetter("The Prisoner's Dilemma") == "The Prisoner&rsquo;s Dilemma"
    assert typesetter("Two\n\nparagraphs") == "<p>Two</p>\n<p>paragraphs</p>"  # not inline: left whole
    typesetter._markdown = None  # a second call must not convert again
    assert typesetter("The Prisoner's Dilemma") == "The Prisoner&rsquo;s Dilemma"


def test_sections_search_leaves_out_are_set_aside_up_to_the_next_heading() -> None:
    html = ('<h2 id="a">Kept</h2>\n<p>indexed</p>\n<h2 data-search-exclude id="quiz">Quiz</h2>\n'
            '<form><hr /><p>answers</p></form>\n<h3 id="b">Next</h3>\n<p>indexed too</p>\n'
            '<h2 data-search-exclude id="empty">Empty</h2>\n<h2 data-search-exclude id="last">Last</h2>\n<p>end</p>')
    hidden, blocks = set_aside_unindexed(html)
    assert blocks == ["\n<form><hr /><p>answers</p></form>\n", "\n<p>end</p>"]
    assert "answers" not in hidden and "<p>indexed</p>" in hidden and "<p>indexed too</p>" in hidden
    assert '<h2 data-search-exclude id="quiz">Quiz</h2><!-- course:html 0 -->' in hidden
    assert restore(hidden, blocks) == html
