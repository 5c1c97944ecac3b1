"""The course's stylesheet and scripts as readers get them: without their comments.

course.css and course.js explain themselves to contributors at length; a reader's browser needs none
of it, and on a first visit the comments were about 3 KB of the 120 KB budget (gzip;
tests/quality/test_page_weight.py). The files in the theme keep them.
"""

from __future__ import annotations

import re
from pathlib import Path

STYLESHEET = Path("assets") / "stylesheets" / "course.css"
SCRIPT = Path("assets") / "javascripts" / "course.js"
# No rule of the stylesheet holds "/*" in a string, so every "/*" opens a comment.
_CSS_COMMENT = re.compile(r"/\*.*?\*/[ \t]*\n?", re.S)
# Only comments on lines of their own: no line of the script's strings or template literals starts
# with "//" or "/*", while a comment after code could sit in a string ("http://").
_JS_COMMENT_LINES = re.compile(r"^[ \t]*(?://[^\n]*|/\*.*?\*/[ \t]*)\n", re.M | re.S)


def css_without_comments(css: str) -> str:
    return _CSS_COMMENT.sub("", css)


def js_without_comment_lines(js: str) -> str:
    return _JS_COMMENT_LINES.sub("", js)


def ship_without_comments(site_dir: str) -> None:
    """Strip the comments from the built copies (a build without them has nothing to do)."""
    for relative, strip in ((STYLESHEET, css_without_comments), (SCRIPT, js_without_comment_lines)):
        path = Path(site_dir) / relative
        if path.is_file():
            text = path.read_text(encoding="utf-8")
            if (stripped := strip(text)) != text:
                path.write_text(stripped, encoding="utf-8")
