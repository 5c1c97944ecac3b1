"""The course's stylesheet and scripts as readers get them: without what only contributors read.

The theme's copies explain themselves to contributors at length; a reader's browser needs none of
that, and every first visit must stay within the page-weight budget (tests/quality/test_page_weight.py).
Stylesheets are minified with rcssmin. Scripts lose the comments on lines of their own, and nothing
else: the Python minifiers (rjsmin, jsmin) predate template literals and squeeze the spaces inside
them, which changed the text the syllabus builder copies. The vendored shims under vendor/ ship as
their authors wrote them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import rcssmin

from .templates import THEME_DIR

ASSETS = Path("assets")
VENDOR = ASSETS / "javascripts" / "vendor"
# A comment alone on its line (no line inside a string of the course's scripts starts with "//" or
# "/*": tests/test_plugin_shipped.py checks that every string and template literal ships intact).
_JS_COMMENT_LINES = re.compile(r"^[ \t]*(?://[^\n]*|/\*.*?\*/[ \t]*)\n", re.M | re.S)
MINIFIERS: dict[str, Callable[[str], str]] = {
    ".css": lambda css: rcssmin.cssmin(css, keep_bang_comments=True),
    ".js": lambda js: _JS_COMMENT_LINES.sub("", js),
}


def shipped_assets() -> list[Path]:
    """The theme's stylesheets and scripts that readers get trimmed (paths relative to the site)."""
    return sorted(path.relative_to(THEME_DIR) for path in (THEME_DIR / ASSETS).rglob("*")
                  if path.suffix in MINIFIERS and not path.relative_to(THEME_DIR).is_relative_to(VENDOR))


def minified(relative: Path) -> str:
    """What readers get of one of the theme's assets."""
    return MINIFIERS[relative.suffix]((THEME_DIR / relative).read_text(encoding="utf-8"))


def ship_minified(site_dir: str) -> None:
    """Replace the built copies of the theme's assets with their minified text (a course that
    overrides one of them in its own custom_dir keeps its file as written)."""
    for relative in shipped_assets():
        path = Path(site_dir) / relative
        source = THEME_DIR / relative
        if path.is_file() and path.read_bytes() == source.read_bytes():
            path.write_text(minified(relative), encoding="utf-8")
