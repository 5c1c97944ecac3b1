"""Links between pages (topicgraph/links.py), the source of "Mentioned in": query strings and anchors
do not hide a link, and a link that is not to a page does not hide the ones after it."""

from __future__ import annotations

from topicgraph.links import backlinks, linked_pages, resolve


def test_a_query_string_or_an_anchor_does_not_hide_the_page_linked() -> None:
    text = ("[a](anarchy.md?from=home) [b](balance.md?a=1?b=2) [c](spiral.md#one?x) "
            "[d](deterrence.md?q=1#part) [e](escalation.md#a#b)")
    assert linked_pages(text, "topics/x.md") == {"topics/anarchy.md", "topics/balance.md", "topics/spiral.md",
                                                 "topics/deterrence.md", "topics/escalation.md"}


def test_links_after_a_link_to_something_else_are_still_found() -> None:
    text = "[web](https://example.org) [pdf](paper.pdf) [web page](https://x.org/a.md) [a](anarchy.md)"
    assert linked_pages(text, "topics/x.md") == {"topics/anarchy.md"}


def test_a_link_in_angle_brackets_or_with_a_title_is_a_link() -> None:
    text = '[a](<anarchy.md>) [b]( balance.md "The balance" )'
    assert linked_pages(text, "index.md") == {"anarchy.md", "balance.md"}


def test_relative_paths_resolve_like_the_site() -> None:
    assert resolve("topics/x.md", "../index.md") == "index.md"
    assert resolve("topics/x.md", "./y.md") == "topics/y.md"
    assert resolve("index.md", "topics/y.md") == "topics/y.md"


def test_a_page_linking_twice_is_listed_once() -> None:
    assert backlinks({"b.md": "[a](a.md) and [again](a.md#x)"}) == {"a.md": ["b.md"]}
