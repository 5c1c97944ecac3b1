"""matplotlib figure -> SVG text that can be inlined in a page (no ids clash, no external refs)."""

from __future__ import annotations

import io
import re
from html import escape

from figures.style import CSS_VALUES, FONT, FONT_FAMILY

_ID = re.compile(r'\bid="([^"]+)"')
_METADATA = re.compile(r"<metadata>.*?</metadata>\s*", re.S)
_PROLOG = re.compile(r"^.*?(?=<svg\b)", re.S)
_COMMENT = re.compile(r"<!--.*?-->\s*", re.S)
_NO_ROTATION = re.compile(r' transform="rotate\(-?0 [\d.]+ [\d.]+\)"')


def figure_to_svg(figure) -> str:
    """The SVG matplotlib writes for a figure, without the date or creator metadata."""
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None}, bbox_inches="tight",
                   pad_inches=0.06)
    return buffer.getvalue()


def inline_svg(svg: str, prefix: str, title: str, description: str) -> str:
    """Make matplotlib's SVG safe and accessible to inline in HTML.

    - drops the XML prolog, comments and RDF metadata (its namespace URLs are the only links in it);
    - prefixes every id, so two charts on one page never share one;
    - swaps the sentinel colours for currentColor and CSS custom properties (see style.py);
    - gives its text a fallback font stack and drops matplotlib's no-op rotations;
    - keeps the chart's text (tick values, labels) out of the search index, where the caption and
      the data table say it in words (on the <svg>: Material's search ends an exclusion at the
      first closing tag of the same name, and <g> nests);
    - labels the image with a <title> and <desc> that screen readers announce.
    """
    svg = _PROLOG.sub("", svg, count=1)
    svg = _METADATA.sub("", svg)
    svg = _COMMENT.sub("", svg)
    ids = set(_ID.findall(svg))
    for old in sorted(ids, key=len, reverse=True):
        new = f"{prefix}-{old}"
        svg = svg.replace(f'id="{old}"', f'id="{new}"')
        svg = svg.replace(f'href="#{old}"', f'href="#{new}"')
        svg = svg.replace(f"url(#{old})", f"url(#{new})")
    for sentinel, value in CSS_VALUES.items():
        svg = re.sub(re.escape(sentinel), value, svg, flags=re.I)
    svg = svg.replace(f"font-family: '{FONT}'", f"font-family: {FONT_FAMILY}")
    svg = _NO_ROTATION.sub("", svg)
    svg = re.sub(r'\s(width|height)="[\d.]+pt"', "", svg, count=2)  # CSS sizes the chart
    svg = svg.replace("<svg ", f'<svg class="sd-chart__svg" role="img" '
                      f'aria-labelledby="{prefix}-title {prefix}-desc" focusable="false" data-search-exclude ', 1)
    head = f'<title id="{prefix}-title">{escape(title)}</title><desc id="{prefix}-desc">{escape(description)}</desc>'
    svg = re.sub(r"(<svg\b[^>]*>)", lambda m: m.group(1) + head, svg, count=1)
    svg = re.sub(r">\s+<", "><", re.sub(r"\s+", " ", svg))  # one line: a third of the size, safe in HTML
    return svg.strip()
