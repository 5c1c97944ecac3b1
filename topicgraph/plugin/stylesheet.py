"""The course's stylesheet as readers get it: without its comments.

course.css explains each rule to contributors; a reader's browser needs none of that, and on a first
visit the comments were about 2 KB of the 120 KB budget (gzip; tests/quality/test_page_weight.py).
The file in the theme keeps them.
"""

from __future__ import annotations

import re
from pathlib import Path

STYLESHEET = Path("assets") / "stylesheets" / "course.css"
# No rule of the stylesheet holds "/*" in a string, so every "/*" opens a comment.
_COMMENT = re.compile(r"/\*.*?\*/[ \t]*\n?", re.S)


def without_comments(css: str) -> str:
    return _COMMENT.sub("", css)


def ship_without_comments(site_dir: str) -> None:
    """Strip the comments from the built copy of the stylesheet (a build without it has nothing to do)."""
    path = Path(site_dir) / STYLESHEET
    if path.is_file():
        css = path.read_text(encoding="utf-8")
        stripped = without_comments(css)
        if stripped != css:
            path.write_text(stripped, encoding="utf-8")
