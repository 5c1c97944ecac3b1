"""Generated HTML that skips Markdown: set aside before conversion, put back after.

Python-Markdown parses every tag of a raw HTML block (md_in_html) even when it leaves it unchanged,
which cost about as much as the Markdown around it on topic pages and reading paths. Templates mark
such blocks with the two comments below, each on its own line. Footnote definitions whose text is
known in advance (the formatted references) are set aside the same way, as inline placeholders. The
converted page's sections that search leaves out are set aside for search's parsing in the same way
(set_aside_unindexed, used by overrides/hooks/search.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable

MARKS = ("<!-- course:html -->", "<!-- /course:html -->")
_BLOCK = re.compile(r"^<!-- course:html -->\n(.*?)\n<!-- /course:html -->$", re.M | re.S)
_PLACEHOLDER = re.compile(r"<!-- course:html (\d+) -->")
# A heading Material's search leaves out, and its section: everything up to the next heading.
# A heading with data-search-exclude, then its section: everything up to the next heading (a run of
# anything but "<", then each "<" that does not open a heading: a lazy ".*?" would try a look-ahead at
# every character).
_UNINDEXED = re.compile(r"(<h([1-6])\b[^>]*\bdata-search-exclude\b[^>]*>.*?</h\2>)([^<]*(?:<(?!h[1-6]\b)[^<]*)*)",
                        re.S)
_FOOTNOTE = re.compile(r"^(\[\^[^\]\s]+\]: )(.+)$", re.M)  # a one-line definition: [^label]: text


def _stash(blocks: list[str], html: str) -> str:
    """Keep `html` in `blocks`; the placeholder that `restore` replaces with it."""
    blocks.append(html)
    return f"<!-- course:html {len(blocks) - 1} -->"


def set_aside(markdown: str) -> tuple[str, list[str]]:
    """The Markdown with each marked block replaced by a numbered placeholder, and the blocks."""
    blocks: list[str] = []
    return _BLOCK.sub(lambda match: f"\n{_stash(blocks, match.group(1))}\n", markdown), blocks


def set_aside_footnotes(markdown: str, blocks: list[str], html_of: Callable[[str], str | None]) -> str:
    """The Markdown with the text of each one-line footnote definition that `html_of` knows (its inline
    HTML, or None) replaced by a placeholder; the HTML is appended to `blocks`."""

    def placeholder(match: re.Match) -> str:
        html = html_of(match.group(2))
        return match.group(0) if html is None else match.group(1) + _stash(blocks, html)

    return _FOOTNOTE.sub(placeholder, markdown)


def set_aside_unindexed(html: str) -> tuple[str, list[str]]:
    """The converted page with the body of every section whose heading has data-search-exclude
    replaced by a numbered placeholder (the heading stays, so search still skips the section), and
    the bodies."""
    blocks: list[str] = []

    def placeholder(match: re.Match) -> str:
        if not match.group(3).strip():
            return match.group(0)
        return match.group(1) + _stash(blocks, match.group(3))

    return _UNINDEXED.sub(placeholder, html), blocks


def restore(html: str, blocks: list[str]) -> str:
    """The converted page with every placeholder replaced by its block again."""
    if not blocks:
        return html
    return _PLACEHOLDER.sub(lambda match: blocks[int(match.group(1))], html)
