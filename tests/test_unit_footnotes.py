"""Footnote references renamed in reading order (topicgraph/footnotes.py)."""

from __future__ import annotations

import re

import markdown

from topicgraph.footnotes import in_reading_order


def test_the_first_reference_in_the_page_becomes_fnref_key() -> None:
    # Python-Markdown reaches the paragraph before the list item above it: fnref:a is the second citation.
    html = markdown.markdown("- a list item citing[^a]\n\nA paragraph citing[^a] and[^b].\n\n[^a]: A.\n[^b]: B.",
                             extensions=["footnotes"])
    before = re.findall(r'<sup id="([^"]+)"', html)
    assert before[0] != "fnref:a"  # what the renaming is for: the library does not number in page order
    after = in_reading_order(html)
    assert re.findall(r'<sup id="([^"]+)"', after) == ["fnref:a", "fnref2:a", "fnref:b"]
    # Every back-link in the footnote list still has its target.
    ids = set(re.findall(r'id="([^"]+)"', after))
    assert {href for href in re.findall(r'href="#([^"]+)"', after)} <= ids


def test_a_page_without_footnotes_is_unchanged() -> None:
    html = '<p>No notes; <sup id="other">1</sup> is not a footnote reference.</p>'
    assert in_reading_order(html) == html
