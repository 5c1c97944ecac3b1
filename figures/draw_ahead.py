"""Draw figures into the cache in a process of their own, while the site build goes on.

A fresh clone's first build must draw every figure (importing matplotlib alone takes a while); the
MkDocs hook (overrides/hooks/figures.py) starts this module for the figures its cache lacks, so the
drawing runs on another core beside pandoc and page conversion, and the pages then read the cache.
Whatever fails here is left for the build, which draws that figure itself and reports the problem
in its own words.

Usage: python -m figures.draw_ahead DATA_DIR BIBLIOGRAPHY CACHE_DIR NAME...
"""

from __future__ import annotations

import sys
from pathlib import Path

from figures.datasets import bibliography_keys
from figures.errors import FigureError
from figures.render import render_figure


def main(argv: list[str]) -> int:
    data_dir, bibliography, cache_dir, *names = argv
    keys = bibliography_keys(Path(bibliography))
    for name in names:
        try:
            render_figure(name, Path(data_dir), keys, Path(cache_dir))
        except FigureError:
            continue  # the build reports it, with the page that places the figure
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
