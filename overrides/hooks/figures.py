"""MkDocs adapter for the figures engine (`figures/`): charts and models drawn from data.

A topic places a figure with a marker on its own line, `<!-- figure: naval-race -->`. Markers are
checked in on_page_markdown (an unknown name fails the build with one line naming the file) and
replaced in on_page_content, after Markdown, so the SVG and its table pass through untouched.
Figures come from the cache in .cache/figures/ unless their data or code changed.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

from jinja2 import Template
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the project root, for `figures`

from figures.datasets import bibliography_keys
from figures.errors import FigureError
from figures.figure import Figure
from figures.render import known_figures, render_figure

MARKER = re.compile(r"^<!-- figure: ([^\s>]+) -->[ \t]*$", re.M)
LOOSE_MARKER = re.compile(r"<!--\s*figure\b.*?-->", re.S)
TEMPLATE = "partials/figures/figure.html"
CACHE_DIR = Path(".cache") / "figures"

_rendered: dict[str, Figure] = {}  # per build: a figure placed on two pages is drawn once
_template: Template | None = None  # per build: each get_env() call makes a new environment
_drawing: subprocess.Popen | None = None  # figures being drawn ahead, into the cache (figures/draw_ahead.py)


# Hooks ----------------------------------------------------------------------------------------------


@event_priority(100)  # first: the drawing then overlaps the other plugins' set-up and pandoc's run
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _template
    _rendered.clear()
    _template = None
    config.watch.append(str(_root(config) / "figures"))  # `make serve` redraws when figure code changes
    _draw_ahead(config)
    return config


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if "figure" not in markdown:
        return markdown
    known = set(known_figures())
    placed = {match.start(): match.group(1) for match in MARKER.finditer(markdown)}
    for match in LOOSE_MARKER.finditer(markdown):
        name = placed.get(match.start())
        if name is None:
            raise PluginError(f"{_where(page, match.group(0))}: malformed figure marker '{match.group(0)}' "
                              "(write it on its own line as <!-- figure: name -->)")
        if name not in known:
            raise PluginError(f"{_where(page, match.group(0))}: unknown figure '{name}' "
                              f"(known figures: {', '.join(sorted(known))})")
    return markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if "<!-- figure: " not in html:
        return html
    return re.sub(r"<!-- figure: ([^\s>]+) -->", lambda m: _figure_html(m.group(1), page, config, files), html)


# Helpers --------------------------------------------------------------------------------------------


def _figure_html(name: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    global _template
    figure = _rendered.get(name)
    if figure is None:
        cache_dir = _cache_dir(_root(config))
        # The drawing ahead puts each figure in the cache as it is drawn, in the order the pages come:
        # wait for this one (or for the end); what it could not draw, is drawn here.
        while _drawing is not None and _drawing.poll() is None and not _in_cache(name, cache_dir):
            time.sleep(0.01)
        try:
            figure, _ = render_figure(name, Path(config.docs_dir) / "data", bibliography_keys(_bibliography(config)),
                                      cache_dir)
        except FigureError as exc:
            raise PluginError(f"docs/{page.file.src_uri}: figure '{name}': {exc}") from None
        _rendered[name] = figure
    downloads = []
    for file_name in figure.data_files:
        file = files.get_file_from_path(f"data/{file_name}")
        if file is not None:
            downloads.append((file_name, get_relative_url(file.url, page.url)))
    if _template is None:
        _template = config.theme.get_env().get_template(TEMPLATE)
    return _template.render(figure=figure, downloads=downloads)


def _draw_ahead(config: MkDocsConfig) -> None:
    """Start drawing the figures the cache lacks in another process, beside the rest of the build."""
    global _drawing
    if _drawing is not None and _drawing.poll() is None:  # a `make serve` rebuild while the last one's drawing goes on
        return
    root, data_dir, bib_path = _root(config), Path(config.docs_dir) / "data", _bibliography(config)
    cache_dir = _cache_dir(root)
    # In the order of the pages that place them, which is about the order MkDocs converts them in.
    placed = dict.fromkeys(name for path in sorted(Path(config.docs_dir).rglob("*.md"))
                           for name in MARKER.findall(path.read_text(encoding="utf-8")))
    # A figure with no entry at all (a fresh clone) is drawn ahead; one whose entry is out of date is
    # redrawn by its page as before: checking every key here would read all the data on every build.
    known = set(known_figures())
    missing = [name for name in placed if name in known and not _in_cache(name, cache_dir)]
    if missing:
        _drawing = subprocess.Popen([sys.executable, "-m", "figures.draw_ahead", str(data_dir), str(bib_path),
                                     str(cache_dir), *missing],
                                    cwd=root, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _in_cache(name: str, cache_dir: Path) -> bool:
    """Whether the cache has an entry for the figure (up to date or not)."""
    return any(cache_dir.glob(f"{name}.*.json"))


def _cache_dir(root: Path) -> Path:
    """.cache/figures/ in the project; FIGURES_CACHE_DIR lets copies of the project share one."""
    return Path(os.environ.get("FIGURES_CACHE_DIR") or root / CACHE_DIR)


def _bibliography(config: MkDocsConfig) -> Path:
    return Path(config.plugins["topicgraph"].config.bibliography)


def _root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent


def _where(page: Page, snippet: str) -> str:
    """docs/<file>:<line> of a snippet, counted in the source file (front matter included)."""
    source = Path(page.file.abs_src_path).read_text(encoding="utf-8") if page.file.abs_src_path else ""
    offset = source.find(snippet)
    line = source.count("\n", 0, offset) + 1 if offset >= 0 else None
    return f"docs/{page.file.src_uri}" + (f":{line}" if line else "")
