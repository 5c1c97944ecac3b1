"""Footnote references numbered in reading order, so that `#fnref:key` is a work's first citation.

Python-Markdown names the references to one footnote fnref:key, fnref2:key, fnref3:key, ... in the
order its inline processor reaches them, which is not the page's order: a paragraph is reached before
the list items above it. "Cited in" on works cited links `#fnref:key` (mkdocs-bibtex names a citation's
footnote by its key), and a scholar following it should land on the first sentence citing the work.
Renaming the references in document order keeps every id and every back-link of the footnote list
valid: the list's back-links are 1, 2, 3, ... and now go back through the text in order.
"""

from __future__ import annotations

import re

_REFERENCE_ID = re.compile(r'(<sup id=")fnref\d*:([^"]+)(")')


def in_reading_order(html: str) -> str:
    """The page's HTML with each footnote's references renamed fnref:key, fnref2:key, ... top to bottom."""
    seen: dict[str, int] = {}

    def renamed(match: re.Match[str]) -> str:
        key = match.group(2)
        seen[key] = seen.get(key, 0) + 1
        number = "" if seen[key] == 1 else str(seen[key])
        return f"{match.group(1)}fnref{number}:{key}{match.group(3)}"

    return _REFERENCE_ID.sub(renamed, html)
