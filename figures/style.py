"""How every chart looks: one size, one type scale, and colours that follow the page's palette.

Charts are drawn with sentinel colours that `svg.inline_svg` swaps for `currentColor` (text and
axes) and CSS custom properties (series), so one inline SVG reads well in Material's light and dark
palettes. The Charts part of topicgraph/plugin/theme/assets/stylesheets/course.css gives the properties Okabe-Ito
values tuned for each background; series also differ by marker and line style, so no reading
depends on colour alone.
"""

from __future__ import annotations

from typing import Any

# matplotlib lays text out in DejaVu Sans (most Linux systems have it). Elsewhere its parent Vera, or
# a narrower face (Arial, Helvetica), so a label never outgrows the space laid out for it.
FONT = "DejaVu Sans"  # ships with matplotlib
FONT_FAMILY = f"'{FONT}', 'Bitstream Vera Sans', Arial, Helvetica, sans-serif"

# Sentinels: colours no chart would use on purpose, replaced in the SVG text.
FOREGROUND = "#010203"
GRID = "#020304"
SERIES = ("#030405", "#040506", "#050607", "#060708", "#070809", "#08090a")

CSS_VALUES = {FOREGROUND: "currentColor", GRID: "var(--sd-chart-grid)"} | {
    colour: f"var(--sd-chart-c{number})" for number, colour in enumerate(SERIES, start=1)
}
MARKERS = ("o", "s", "^", "D", "v", "P")
LINESTYLES = ("-", "--", "-.", ":", (0, (5, 1, 1, 1)), (0, (3, 1)))
HATCHES = ("", "//", "..", "xx", "\\\\", "++")

# 5 in wide: on a 390 px phone the type still renders at about 10 px; CSS caps the width on desktops.
WIDTH = 5.0
HEIGHT = 3.6


def rc_params() -> dict[str, Any]:
    """matplotlib settings for every chart (applied with `matplotlib.rc_context`)."""
    return {
        # Text as <text>, not glyph paths: a chart weighs a quarter as much and its words can be
        # selected. svg.inline_svg adds fallback faces (FONT_FAMILY); no font file is ever fetched.
        "svg.fonttype": "none",
        "svg.hashsalt": "security-dilemma-course",  # deterministic ids, so output is reproducible
        "font.family": FONT,
        "font.size": 10.5,
        "axes.titlesize": 11.5,
        "axes.titleweight": "bold",
        "axes.titlelocation": "left",
        "axes.labelsize": 10.5,
        "xtick.labelsize": 10,
        "ytick.labelsize": 10,
        "legend.fontsize": 9.5,
        "legend.frameon": False,
        "text.color": FOREGROUND,
        "axes.labelcolor": FOREGROUND,
        "axes.edgecolor": FOREGROUND,
        "xtick.color": FOREGROUND,
        "ytick.color": FOREGROUND,
        "axes.facecolor": "none",
        "figure.facecolor": "none",
        "savefig.facecolor": "none",
        "savefig.transparent": True,
        "axes.grid": True,
        "axes.axisbelow": True,
        "grid.color": GRID,
        "grid.linewidth": 0.8,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "lines.linewidth": 2.0,
        "lines.markersize": 5.5,
        "hatch.color": FOREGROUND,
        "hatch.linewidth": 0.8,
    }
