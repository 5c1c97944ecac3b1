"""What search reads of a page (topicgraph/searchtext.py): words apart where the page shows them apart,
a topic's description as its page's summary, and both spellings of British/American words."""

from __future__ import annotations

import re

from topicgraph.searchtext import SPELLINGS, for_search, with_other_spellings, with_word_breaks


def text_of(html: str) -> str:
    return " ".join(re.sub(r"<[^>]*>", "", html).split())


def test_cells_svg_lines_and_formula_tokens_stay_separate_words() -> None:
    html = ("<table><tr><th>Year</th><th>Britain</th></tr></table>"
            "<svg><text><tspan>Uncertainty about</tspan><tspan>intentions</tspan></text></svg>"
            "<math><msub><mi>c</mi><mi>A</mi></msub></math><p>one<br>two</p>")
    assert "YearBritain" in text_of(html) and "aboutintentions" in text_of(html)  # as Material's parser read it
    assert text_of(with_word_breaks(html)).split() == [
        "Year", "Britain", "Uncertainty", "about", "intentions", "c", "A", "one", "two"]


def test_inline_markup_inside_a_word_is_left_alone_and_heading_text_is_unchanged() -> None:
    html = '<h2 id="x">Title</h2><p>un<em>breakable</em> <a href="#">link</a>s</p>'
    spaced = with_word_breaks(html)
    assert "<h2 id=\"x\">Title</h2>" in spaced
    assert text_of(spaced) == "Title unbreakable links"


def test_a_topic_title_block_is_unwrapped_so_its_description_is_the_page_summary() -> None:
    html = ('<div class="sd-topic-head">\n<h1 id="t">T</h1>\n<p class="sd-lede">Description.</p>\n</div>\n'
            '<div class="sd-card" data-search-exclude>facts</div>\n<h2 id="core-idea">Core idea</h2>')
    read = for_search(html)
    assert read.startswith('<h1 id="t">T</h1>'), "nothing before the h1, or it is a section of its own"
    assert "sd-topic-head" not in read
    page = "<p>Intro</p><h2 id='a'>A</h2>"
    assert for_search(page).startswith(" <p>"), "other pages keep what comes before their first heading"


def test_each_word_with_another_spelling_carries_it_hidden_beside_it() -> None:
    html = '<p class="defense">The offense-defense balance favours <b>Offence</b></p>'
    spelled = with_other_spellings(html)
    assert spelled == ('<p class="defense">The offense<span hidden> offence</span>-defense<span hidden> defence'
                       '</span> balance favours<span hidden> favors</span> <b>Offence<span hidden> offense'
                       '</span></b></p>')


def test_spellings_go_both_ways_and_never_map_a_word_to_itself() -> None:
    for british, american in [("offence", "offense"), ("defences", "defenses"), ("behaviour", "behavior"),
                              ("behavioural", "behavioral"), ("organisation", "organization"),
                              ("stabilised", "stabilized"), ("centre", "center"), ("analyse", "analyze")]:
        assert SPELLINGS[british] == american and SPELLINGS[american] == british
    assert all(word != other for word, other in SPELLINGS.items())
    for word in ("realism", "realist", "offensive", "defensive", "license", "premise", "our"):
        assert SPELLINGS.get(word) in (None, "licence"), word
