"""Figures and models drawn from data (figures/, overrides/hooks/figures.py, docs/data/)."""

from __future__ import annotations

import csv
import importlib.util
import math
import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup
from mkdocs.exceptions import PluginError

from figures import cache, render
from figures.catalog import FIGURES, RICHARDSON_CASES
from figures.datasets import bibliography_keys, load_dataset
from figures.figure import Figure, Table
from figures.models import ipd, richardson
from figures.style import FONT_FAMILY, WIDTH

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "docs" / "data"
BIB_KEYS = bibliography_keys(ROOT / "bibliography.bib")
DATASETS = sorted(p.stem for p in DATA.glob("*.csv"))
MARKER = re.compile(r"^<!-- figure: ([^\s>]+) -->$", re.M)


def placements() -> dict[str, list[str]]:
    """figure name -> topic pages (URL slugs) that place it."""
    found: dict[str, list[str]] = {}
    for page in sorted((ROOT / "docs" / "topics").glob("*.md")):
        for name in MARKER.findall(page.read_text(encoding="utf-8")):
            found.setdefault(name, []).append(page.stem)
    return found


# Data -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", DATASETS)
def test_every_csv_parses_and_has_a_sidecar_citing_the_bibliography(name: str) -> None:
    dataset = load_dataset(DATA, name, BIB_KEYS)  # raises on a missing note, key or column
    assert dataset.rows
    assert dataset.source.key in BIB_KEYS
    assert all(column.unit and column.description for column in dataset.columns)


def test_there_are_datasets() -> None:
    assert {"capital-ships", "nuclear-stockpiles"} <= set(DATASETS)


def test_capital_ships_are_dreadnought_era_launches() -> None:
    with (DATA / "capital-ships.csv").open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len({(r["navy"], r["ship"]) for r in rows}) == len(rows), "a ship is listed twice"
    for row in rows:
        assert row["navy"] in {"Britain", "Germany"}
        assert row["type"] in {"battleship", "battlecruiser"}
        assert "1906-01-01" <= row["launched"] <= "1914-12-31", row
    assert min(r["launched"] for r in rows if r["navy"] == "Britain") == "1906-02-10"  # Dreadnought


def test_nuclear_stockpiles_cover_every_year_and_match_the_known_peaks() -> None:
    with (DATA / "nuclear-stockpiles.csv").open(newline="", encoding="utf-8") as handle:
        rows = {int(r["year"]): (int(r["united_states"]), int(r["soviet_union_russia"]))
                for r in csv.DictReader(handle)}
    assert list(rows) == list(range(1945, max(rows) + 1)) and max(rows) >= 2020
    assert all(us >= 0 and soviet >= 0 for us, soviet in rows.values())
    assert rows[1945] == (2, 0) and rows[1949][1] > 0 == rows[1948][1]  # the first Soviet test, August 1949
    # The peaks every history of the race quotes: United States 1967 (official), Soviet Union 1986.
    assert max(rows, key=lambda y: rows[y][0]) == 1967 and rows[1967][0] == 31255
    assert max(rows, key=lambda y: rows[y][1]) == 1986 and rows[1986][1] == 40159


# Models ---------------------------------------------------------------------------------------------


def test_richardson_matches_the_worked_example() -> None:
    stable, unstable = (p for _, p in RICHARDSON_CASES)
    assert (stable.a, stable.m, stable.g) == (0.2, 0.4, 10)
    # x* = (a h + n g) / (m n - a b) = (0.2*10 + 0.4*10) / (0.16 - 0.04) = 50
    assert richardson.equilibrium(stable) == pytest.approx((50, 50))
    assert richardson.eigenvalues(stable) == pytest.approx((-0.2, -0.6))
    assert stable.stable and not unstable.stable
    assert richardson.equilibrium(unstable) == pytest.approx((-100, -100))
    assert richardson.eigenvalues(unstable) == pytest.approx((0.1, -0.9))


def test_richardson_trajectory_solves_the_equations() -> None:
    stable, unstable = (p for _, p in RICHARDSON_CASES)
    # By hand, symmetric and from zero: dx/dt = (a - m) x + g, so x(t) = g/(m - a) * (1 - e^{-(m - a) t}).
    assert richardson.trajectory(stable, 0, 0, [5])[0][0] == pytest.approx(50 * (1 - math.exp(-1)))
    assert richardson.trajectory(unstable, 0, 0, [10])[0][0] == pytest.approx(100 * (math.e - 1))
    # An asymmetric start obeys the differential equations too.
    p = richardson.Parameters(a=0.3, b=0.1, m=0.5, n=0.2, g=4, h=-1)
    t, dt = 3.0, 1e-6
    (x0, y0), (x1, y1) = richardson.trajectory(p, 10, 40, [t, t + dt])
    assert (x1 - x0) / dt == pytest.approx(p.a * y0 - p.m * x0 + p.g, rel=1e-4)
    assert (y1 - y0) / dt == pytest.approx(p.b * x0 - p.n * y0 + p.h, rel=1e-4)
    assert richardson.trajectory(p, 10, 40, [0])[0] == pytest.approx((10, 40))


def test_a_five_round_axelrod_match_scores_as_by_hand() -> None:
    # Tit-for-tat opens C and copies; always-defect plays D: CD, DD, DD, DD, DD.
    # With R=3, S=0, T=5, P=1: tit-for-tat 0 + 4*1 = 4, always-defect 5 + 4*1 = 9.
    moves, scores = ipd.play_match("TitForTat", "Defector", turns=5)
    assert moves == [("C", "D")] + [("D", "D")] * 4
    assert scores == (4, 9)
    # Against the alternator (C, D, C, D, C) tit-for-tat echoes one move late: 3+0+5+0+5 = 13 each.
    assert ipd.play_match("TitForTat", "Alternator", turns=5) == (
        [("C", "C"), ("C", "D"), ("D", "C"), ("C", "D"), ("D", "C")], (13, 13))


def test_noisy_play_is_seeded_and_deterministic() -> None:
    first = ipd.play_match("TitForTat", "TitForTat", turns=100, noise=0.1, seed=7)
    assert first == ipd.play_match("TitForTat", "TitForTat", turns=100, noise=0.1, seed=7)
    assert "D" in {move for pair in first[0] for move in pair}, "noise flipped no move in 100 rounds"
    small = dict(strategies=("Tit-for-tat", "Always defect"), noise_levels=(0.0, 0.1), turns=20, repetitions=2)
    ipd.noise_sweep.cache_clear()
    once = ipd.noise_sweep(**small)
    ipd.noise_sweep.cache_clear()
    assert ipd.noise_sweep(**small) == once
    assert once.self_cooperation[0.0] == {"Tit-for-tat": 1.0, "Always defect": 0.0}
    # Without noise: TFT v TFT 3/round, TFT v AllD (0 + 19)/20, so TFT averages (3 + 0.95) / 2.
    assert once.score[0.0]["Tit-for-tat"] == pytest.approx((3 + 19 / 20) / 2)


# Cache ----------------------------------------------------------------------------------------------


def _figure(name: str) -> Figure:
    return Figure(name, "Title", "Alt text", "Caption", "Source: test.", "<svg></svg>",
                  Table("Table", ("Year", "Value"), (("2000", "1"),)))


def test_cache_renders_once_per_key(tmp_path: Path) -> None:
    calls = []

    def draw() -> Figure:
        calls.append(1)
        return _figure("demo")

    first, rendered = cache.cached("demo", "k1", tmp_path, draw)
    again, rendered_again = cache.cached("demo", "k1", tmp_path, draw)
    assert (rendered, rendered_again, len(calls)) == (True, False, 1)
    assert again == first
    cache.cached("demo", "k2", tmp_path, draw)  # a new key renders and replaces the old entry
    assert len(calls) == 2 and [p.name for p in tmp_path.glob("demo.*.json")] == ["demo.k2.json"]


def test_cache_key_follows_inputs_and_code(tmp_path: Path) -> None:
    data = tmp_path / "d.csv"
    data.write_text("a\n1\n")
    key = cache.cache_key("demo", [data])
    assert cache.cache_key("demo", [data]) == key
    data.write_text("a\n2\n")
    assert cache.cache_key("demo", [data]) != key
    assert (ROOT / "figures" / "catalog.py") in cache.code_files()


def test_a_second_build_of_a_figure_does_not_redraw(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    drawn = []
    real_draw = render.draw
    monkeypatch.setattr(render, "draw", lambda name, ctx: drawn.append(name) or real_draw(name, ctx))
    first, rendered = render.render_figure("naval-race", DATA, BIB_KEYS, tmp_path)
    second, rendered_again = render.render_figure("naval-race", DATA, BIB_KEYS, tmp_path)
    assert (rendered, rendered_again, drawn) == (True, False, ["naval-race"])
    assert second == first


# Hook -----------------------------------------------------------------------------------------------


def _hook():
    spec = importlib.util.spec_from_file_location("figures_hook", ROOT / "overrides" / "hooks" / "figures.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_an_unknown_figure_fails_with_one_line_naming_the_file(tmp_path: Path) -> None:
    source = tmp_path / "demo.md"
    source.write_text("# Demo\n\nText.\n\n<!-- figure: no-such-figure -->\n", encoding="utf-8")
    page = SimpleNamespace(file=SimpleNamespace(src_uri="topics/demo.md", abs_src_path=str(source)))
    with pytest.raises(PluginError) as error:
        _hook().on_page_markdown(source.read_text(), page, None, None)
    message = str(error.value)
    assert "docs/topics/demo.md:5: unknown figure 'no-such-figure'" in message
    assert "naval-race" in message and "\n" not in message


def test_every_marker_names_a_known_figure_and_every_figure_is_placed() -> None:
    placed = placements()
    assert set(placed) <= set(FIGURES)
    assert set(FIGURES) <= set(placed), f"figures no page shows: {set(FIGURES) - set(placed)}"


# Built site -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(FIGURES))
def test_each_figure_is_in_the_site_with_text_alternative_and_data(site: Path, name: str) -> None:
    for slug in placements()[name]:
        page = BeautifulSoup((site / "topics" / slug / "index.html").read_text(encoding="utf-8"), "html.parser")
        figure = page.find(id=f"figure-{name}")
        assert figure is not None, f"{slug} does not show {name}"
        svg = figure.find("svg")
        assert svg["role"] == "img"
        labels = [page.find(id=i) for i in svg["aria-labelledby"].split()]
        assert all(labels) and len(labels[1].get_text()) > 80, "the chart needs a real text alternative"
        assert figure.find("figcaption").get_text(strip=True)
        table = figure.select_one("details table")
        assert table.find("caption").get_text(strip=True)
        assert table.select("thead th[scope=col]") and table.select("tbody th[scope=row]")
        assert len(table.select("tbody tr")) >= 3
        # Nothing (a long source line, a legend) sticks out of the drawing: matplotlib would widen the
        # SVG to hold it, and the whole chart would then shrink on a phone.
        width = float(svg["viewbox"].split()[2])
        assert width <= WIDTH * 72 * 1.02, f"{name} is {width:.0f} pt wide, drawn for {WIDTH * 72:.0f}"


def test_charts_reference_nothing_outside_the_page(site: Path) -> None:
    for slug in {s for pages in placements().values() for s in pages}:
        html = (site / "topics" / slug / "index.html").read_text(encoding="utf-8")
        for svg in re.findall(r'<svg class="sd-chart__svg".*?</svg>', html, re.S):
            urls = set(re.findall(r"https?://[^\s\"')]+", svg))
            assert urls <= {"http://www.w3.org/2000/svg", "http://www.w3.org/1999/xlink"}, urls
            assert all(ref.startswith("#") for ref in re.findall(r'href="([^"]*)"', svg))
            ids = re.findall(r'\bid="([^"]+)"', svg)
            assert len(ids) == len(set(ids))
        page_ids = re.findall(r'\bid="([^"]+)"', html)
        assert len(page_ids) == len(set(page_ids)), "two elements share an id"


def test_chart_text_is_text_with_a_fallback_font(site: Path) -> None:
    html = (site / "topics" / "arms-races" / "index.html").read_text(encoding="utf-8")
    charts = "".join(re.findall(r'<svg class="sd-chart__svg".*?</svg>', html, re.S))
    assert "DejaVuSans-" not in charts, "glyphs drawn as paths make a chart four times heavier"
    assert set(re.findall(r"font-family: ([^;\"]+)", charts)) == {FONT_FAMILY}
    assert re.search(r"<text [^>]*>Arms level<", charts), "the axis label is text"
    index = (site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "x = y051015" not in index, "tick values (legend, then the x axis) are noise in search"


def test_data_files_are_published_and_linked(site: Path) -> None:
    assert (site / "data" / "capital-ships.csv").is_file()
    page = BeautifulSoup((site / "topics" / "arms-races" / "index.html").read_text(encoding="utf-8"), "html.parser")
    links = [a["href"] for a in page.select("#figure-naval-race details a")]
    assert "../../data/capital-ships.csv" in links


@pytest.mark.parametrize("slug", ["prisoners-dilemma", "stag-hunt"])
def test_payoff_matrices_are_accessible_tables(site: Path, slug: str) -> None:
    page = BeautifulSoup((site / "topics" / slug / "index.html").read_text(encoding="utf-8"), "html.parser")
    table = next(t for t in page.select("article table") if t.find("caption") and "payoffs" in t.caption.text)
    assert len(table.select("thead th[scope=col]")) == 3
    assert len(table.select("tbody th[scope=row]")) == 2
