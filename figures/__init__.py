"""Figures and models drawn from data at build time (plain Python, no MkDocs imports).

`catalog.FIGURES` names every figure a page can place; `render.render_figure` turns one into
inline SVG plus a text alternative and a data table, through the cache in `cache.py`.
`overrides/hooks/figures.py` adapts this package to MkDocs.
"""
