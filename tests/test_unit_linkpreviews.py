"""Which links Material previews (topicgraph/linkpreviews.py): links to another page, not footnote
numbers or other places on the same page, and not a heading whose preview would be the heading alone."""

from __future__ import annotations

from topicgraph.linkpreviews import bare_headings, page_key, with_link_previews


def test_only_links_to_other_pages_of_the_site_ask_for_a_preview() -> None:
    html = ('<a href="../anarchy/">a</a> <a class="footnote-ref" href="#fn:x">1</a> '
            '<a class="footnote-backref" href="#fnref:x">back</a> <a href="https://example.org/">e</a> '
            '<a href="mailto:x@example.org">m</a> <a href="//cdn.example.org/">c</a> <a href="./#quiz">q</a> '
            '<a href="../../tags/#cold-war">t</a> <a id="anchor">n</a> <a xlink:href="../spiral-model/">s</a> '
            '<a href="../../pdf/part-cases.pdf">p</a> <a href="../../data/naval-race.csv">d</a> '
            '<a href="../../print/index.html">i</a>')
    marked = with_link_previews(html, "topics/hotline/", {})
    assert marked.count("data-preview") == 3
    assert '<a data-preview href="../../print/index.html">' in marked
    assert '<a data-preview href="../anarchy/">' in marked
    assert '<a data-preview href="../../tags/#cold-war">' in marked


def test_a_link_to_a_heading_followed_at_once_by_a_subheading_gets_no_preview() -> None:
    target = ('<h2 id="explainer">Explainer<a class="headerlink" href="#explainer">¶</a></h2>\n'
              '<h3 id="noise">Noise</h3>\n<p>Text.</p>')
    bare = {page_key("topics/iterated-games/"): bare_headings(target)}
    assert bare == {"/topics/iterated-games": {"explainer"}}
    html = '<a href="../iterated-games/#explainer">e</a> <a href="../iterated-games/#noise">n</a>'
    marked = with_link_previews(html, "topics/spiral-model/", bare)
    assert marked == ('<a href="../iterated-games/#explainer">e</a> '
                      '<a data-preview href="../iterated-games/#noise">n</a>')


def test_addresses_are_compared_in_one_spelling() -> None:
    assert page_key("") == page_key("index.html") == "/"
    assert page_key("topics/x/") == page_key("/topics/x/index.html") == "/topics/x"
    assert with_link_previews('<a href="../">home</a>', "graph/", {}) == '<a data-preview href="../">home</a>'
    assert with_link_previews('<a href="graph/">map</a>', "", {}) == '<a data-preview href="graph/">map</a>'
    assert with_link_previews('<a href="./">here</a>', "graph/", {}) == '<a href="./">here</a>'


def test_a_heading_with_text_after_it_is_not_bare_whatever_follows_later() -> None:
    """Each heading is judged by what comes right after it, not by a later heading's neighbour."""
    html = ('<h2 id="core-idea">Core idea</h2>\n<p>Text.</p>\n'
            '<h2 id="explainer">Explainer</h2>\n<h3 id="noise">Noise</h3>\n<p>More.</p>\n'
            '<h2 id="quiz">Quiz</h2>\n<p>Q.</p>')
    assert bare_headings(html) == {"explainer"}
