"""Generated HTML kept out of Markdown comes back unchanged, where it was."""

from __future__ import annotations

import markdown

from topicgraph.rawhtml import restore, set_aside


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
