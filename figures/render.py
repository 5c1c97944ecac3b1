"""Render a figure from the catalog, through the cache."""

from __future__ import annotations

from pathlib import Path

from figures.cache import cache_key, cached
from figures.catalog import FIGURES, Context
from figures.errors import FigureError
from figures.figure import Figure
from figures.modeldata import data_path
from figures.style import rc_params
from figures.svg import figure_to_svg, inline_svg


def known_figures() -> list[str]:
    return sorted(FIGURES)


def render_figure(name: str, data_dir: Path, bib_keys: set[str], cache_dir: Path,
                  model_root: Path | None = None) -> tuple[Figure, bool]:
    """The finished figure, and whether it had to be drawn (False: it came from the cache).

    Raises:
        FigureError: for an unknown name, a problem in one of its datasets, or model data
            (figures/data/) that no longer matches the model code (`make models`).
    """
    ctx, key = _checked(name, data_dir, bib_keys, model_root)
    return cached(name, key, cache_dir, lambda: draw(name, ctx))


def _checked(name: str, data_dir: Path, bib_keys: set[str], model_root: Path | None) -> tuple[Context, str]:
    """The figure's context, its inputs checked, and its cache key."""
    if name not in FIGURES:
        raise FigureError(f"unknown figure '{name}' (known figures: {', '.join(known_figures())})")
    spec = FIGURES[name]
    ctx = Context(data_dir, bib_keys, model_root)
    for dataset in spec.datasets:
        ctx.dataset(dataset)  # validate before hashing, so a broken note fails even on a cache hit
    for model in spec.models:
        ctx.model(model)  # likewise: stale model data fails even on a cache hit
    inputs = [data_dir / f"{d}.{ext}" for d in spec.datasets for ext in ("csv", "yml")]
    inputs += [data_path(model, model_root) for model in spec.models]
    return ctx, cache_key(name, inputs, spec.libraries)


def draw(name: str, ctx: Context) -> Figure:
    """Draw one figure with matplotlib (no cache)."""
    import matplotlib

    matplotlib.use("Agg")  # no display: figures are written to SVG only
    import matplotlib.pyplot as plt

    with matplotlib.rc_context(rc_params()):
        fig, fields = FIGURES[name].draw(ctx)
        svg = figure_to_svg(fig)
        plt.close(fig)
    prefix = f"sd-chart-{name}"
    description = f"{fields['alt']} {fields['source']}"  # inside role=img, the drawn source line is not read
    return Figure(name=name, svg=inline_svg(svg, prefix, fields["title"], description), **fields)
