"""Figures and models drawn from data (figures/, overrides/hooks/figures.py, docs/data/)."""

from __future__ import annotations

import csv
import importlib.util
import json
import math
import re
import shutil
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup
from jinja2 import Environment, FileSystemLoader
from mkdocs.exceptions import PluginError

from figures import cache, modeldata, render
from figures.catalog import FIGURES, RICHARDSON_CASES, Context
from figures.datasets import bibliography_keys, load_dataset
from figures.errors import FigureError
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


# The iterated prisoner's dilemma is played by `make models` (tests/models/, `make test-models`); the
# build reads its output from figures/data/ and never imports axelrod.

# The figures' tables as the build drew them when it still played the tournament itself (2026-12-04).
IPD_TABLES = {
    "ipd-noise": (
        ('0%', '2.67', '2.61', '2.67', '2.58', '2.67', '1.55'),
        ('1%', '2.17', '2.24', '2.25', '2.05', '1.91', '1.60'),
        ('2%', '2.09', '2.20', '2.14', '1.99', '1.73', '1.65'),
        ('5%', '2.03', '2.09', '2.10', '1.95', '1.78', '1.73'),
        ('10%', '2.03', '2.02', '2.06', '1.94', '1.89', '1.86'),
        ('15%', '2.03', '1.98', '2.06', '1.95', '1.99', '2.00'),
        ('20%', '2.04', '1.98', '2.07', '2.01', '2.09', '2.10'),
    ),
    "ipd-echo": (
        ('0%', '100%', '100%', '100%', '100%', '100%', '0%'),
        ('1%', '45%', '93%', '93%', '97%', '26%', '0%'),
        ('2%', '33%', '89%', '83%', '93%', '6%', '0%'),
        ('5%', '22%', '77%', '73%', '84%', '4%', '0%'),
        ('10%', '29%', '64%', '56%', '68%', '3%', '1%'),
        ('15%', '24%', '49%', '49%', '52%', '3%', '2%'),
        ('20%', '26%', '41%', '37%', '45%', '5%', '4%'),
    ),
}


@pytest.mark.parametrize("name", sorted(IPD_TABLES))
def test_model_data_draws_the_same_numbers_as_playing_the_tournament(name: str) -> None:
    figure = render.draw(name, Context(DATA, BIB_KEYS))
    assert figure.table.rows == IPD_TABLES[name]
    assert "Without noise" in figure.alt and "seed 1984" in figure.notes[0]


def test_the_build_never_imports_axelrod(tmp_path: Path) -> None:
    bib = ROOT / "bibliography.bib"
    code = ("import sys; from pathlib import Path; from figures import render; "
            "from figures.datasets import bibliography_keys; "
            f"render.render_figure('ipd-echo', Path({str(DATA)!r}), bibliography_keys(Path({str(bib)!r})), "
            f"Path({str(tmp_path)!r})); "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('axelrod', 'torch', 'pandas', 'scipy')))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_model_data_records_its_provenance() -> None:
    for name in ("ipd-noise", "ipd-echo"):
        path = modeldata.data_path(name)
        data = json.loads(path.read_text(encoding="utf-8"))
        assert path.read_text(encoding="utf-8") == modeldata.dumps(data), "not in the stable form"
        provenance = data["provenance"]
        assert provenance["libraries"]["axelrod"] == "4.14.0" and provenance["seed"] == ipd.SEED
        assert provenance["parameters"] == ipd.parameters()
        assert provenance["code_sha256"] == modeldata.code_hashes()


def _model_copy(tmp_path: Path) -> Path:
    for path in (*modeldata.MODEL_CODE, "figures/data/ipd-noise.json", "figures/data/ipd-echo.json"):
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(ROOT / path, tmp_path / path)
    return tmp_path


def test_model_data_out_of_date_with_the_model_code_fails_the_build_in_one_line(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = _model_copy(tmp_path / "project")
    render.render_figure("ipd-noise", DATA, BIB_KEYS, tmp_path / "cache", model_root=root)  # a true copy passes
    model = root / "figures" / "models" / "ipd.py"
    code = bytearray(model.read_bytes())
    code[code.index(b"TURNS = 200")] ^= 0x20  # one byte: TURNS -> tURNS, a change that is not a parameter
    model.write_bytes(bytes(code))
    with pytest.raises(FigureError) as error:  # even though the figure is now in the cache
        render.render_figure("ipd-noise", DATA, BIB_KEYS, tmp_path / "cache", model_root=root)
    assert str(error.value) == ("figures/data/ipd-noise.json: written by another version of figures/models/ipd.py "
                                "(SHA-256 differs); run `make models` to write it again")
    # Through the hook, as the build reports it: one line naming the page, the figure and the data file.
    monkeypatch.setattr(modeldata, "ROOT", root)
    monkeypatch.setenv("FIGURES_CACHE_DIR", str(tmp_path / "cache"))
    config = SimpleNamespace(config_file_path=str(ROOT / "mkdocs.yml"), docs_dir=str(ROOT / "docs"),
                             plugins={"topicgraph": SimpleNamespace(
                                 config=SimpleNamespace(bibliography=str(ROOT / "bibliography.bib")))})
    page = SimpleNamespace(file=SimpleNamespace(src_uri="topics/iterated-games.md"))
    hook = _hook()
    hook.on_config(_hook_config())
    with pytest.raises(PluginError) as built:
        hook.on_page_content("<!-- figure: ipd-echo -->", page, config, None)
    message = str(built.value)
    assert message.startswith("docs/topics/iterated-games.md: figure 'ipd-echo': figures/data/ipd-echo.json: ")
    assert message.endswith("run `make models` to write it again") and "\n" not in message


@pytest.mark.parametrize(("change", "expected"), [
    (lambda data: data["provenance"]["parameters"].update(turns=100),
     "figures/data/ipd-echo.json: written with other parameters than figures/models/ipd.py's (turns); "
     "run `make models` to write it again"),
    (None, "figures/data/ipd-echo.json: missing; run `make models` to write it"),
])
def test_model_data_with_other_parameters_or_none_fails_in_one_line(tmp_path: Path, change, expected) -> None:
    root = _model_copy(tmp_path)
    path = modeldata.data_path("ipd-echo", root)
    if change is None:
        path.unlink()
    else:
        data = json.loads(path.read_text(encoding="utf-8"))
        change(data)
        path.write_text(modeldata.dumps(data), encoding="utf-8")
    with pytest.raises(FigureError) as error:
        modeldata.load("ipd-echo", root)
    assert str(error.value) == expected


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


def _hook_config() -> SimpleNamespace:
    return SimpleNamespace(config_file_path=str(ROOT / "mkdocs.yml"), docs_dir=str(ROOT / "docs"), watch=[],
                           plugins={"topicgraph": SimpleNamespace(
                               config=SimpleNamespace(bibliography=str(ROOT / "bibliography.bib")))})


def test_a_first_build_draws_its_figures_ahead_in_another_process(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With an empty cache, every placed figure is drawn beside the build; the pages then only read it."""
    monkeypatch.setenv("FIGURES_CACHE_DIR", str(tmp_path))
    hook = _hook()
    hook.on_config(_hook_config())
    assert hook._drawing is not None
    assert hook._drawing.wait(timeout=120) == 0
    assert sorted(entry.name.split(".")[0] for entry in tmp_path.glob("*.json")) == sorted(placements())
    monkeypatch.setattr(render, "draw", lambda name, ctx: pytest.fail(f"{name} drawn twice"))
    for name in placements():
        assert render.render_figure(name, DATA, BIB_KEYS, tmp_path)[1] is False
    # A later build with everything cached starts no process.
    hook = _hook()
    hook.on_config(_hook_config())
    assert hook._drawing is None


def test_drawing_ahead_leaves_a_figure_it_cannot_draw_to_the_build(tmp_path: Path) -> None:
    """The build, not the helper process, reports a broken figure (with the page that places it)."""
    from figures import draw_ahead

    assert draw_ahead.main([str(DATA), str(ROOT / "bibliography.bib"), str(tmp_path),
                            "no-such-figure", "naval-race"]) == 0
    assert [entry.name.split(".")[0] for entry in tmp_path.glob("*.json")] == ["naval-race"]


def test_a_page_takes_its_figure_as_soon_as_it_is_drawn_while_the_drawing_goes_on(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A page waits for its own figure, not for every figure the drawing has still to draw."""
    monkeypatch.setenv("FIGURES_CACHE_DIR", str(tmp_path))
    render.render_figure("naval-race", DATA, BIB_KEYS, tmp_path)  # the drawing has done this one
    hook = _hook()
    hook._drawing = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"])  # and goes on
    try:
        env = Environment(loader=FileSystemLoader(str(ROOT / "overrides")))
        config = SimpleNamespace(**vars(_hook_config()), theme=SimpleNamespace(get_env=lambda: env))
        page = SimpleNamespace(url="topics/anglo-german-naval-race/",
                               file=SimpleNamespace(src_uri="topics/anglo-german-naval-race.md"))
        html = hook._figure_html("naval-race", page, config, SimpleNamespace(get_file_from_path=lambda path: None))
        assert "sd-chart-naval-race" in html
        assert hook._drawing.poll() is None, "the page waited for the whole drawing"
    finally:
        hook._drawing.kill()
        hook._drawing.wait()


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
