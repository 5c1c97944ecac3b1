"""Every figure a page can place with `<!-- figure: name -->`, and how each is drawn."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from figures import modeldata
from figures.datasets import Dataset, load_dataset
from figures.figure import Table
from figures.modeldata import ModelData
from figures.models import ipd, richardson
from figures.style import FOREGROUND, HATCHES, HEIGHT, LINESTYLES, MARKERS, SERIES, WIDTH


@dataclass(frozen=True)
class Context:
    data_dir: Path
    bib_keys: set[str]
    model_root: Path | None = None  # where figures/models/ and figures/data/ are; None: this project

    def dataset(self, name: str) -> Dataset:
        return load_dataset(self.data_dir, name, self.bib_keys)

    def model(self, name: str) -> ModelData:
        """figures/data/<name>.json, written by `make models`, checked against the model code."""
        return modeldata.load(name, self.model_root)


@dataclass(frozen=True)
class Spec:
    name: str
    datasets: tuple[str, ...]  # docs/data/<name>.csv (+ .yml) the figure reads
    libraries: tuple[str, ...]  # packages whose version can change the output
    draw: Callable[[Context], tuple[object, dict]]  # -> (matplotlib figure, the Figure's other fields)
    models: tuple[str, ...] = ()  # figures/data/<name>.json (model output, `make models`) the figure reads


def _signed(value: float) -> str:
    """A number as printed in the charts: a true minus sign, no trailing zeros."""
    return f"{value:g}".replace("-", "\u2212")


def _years(years) -> str:
    listed = [str(y) for y in years]
    if not listed:
        return "no year"
    return listed[0] if len(listed) == 1 else ", ".join(listed[:-1]) + " and " + listed[-1]


def _source_line(dataset: Dataset) -> str:
    return f"Source: {dataset.source.short}."


def _finish(fig, source: str, bottom: float = 0.2) -> None:
    fig.text(0.01, 0.012, source, fontsize=8.5, color=FOREGROUND, ha="left", va="bottom")
    fig.subplots_adjust(bottom=bottom)


# Naval race -----------------------------------------------------------------------------------------


def _naval_race(ctx: Context):
    import matplotlib.pyplot as plt

    data = ctx.dataset("capital-ships")
    years = list(range(1906, 1915))
    counts = {navy: Counter(int(row["launched"][:4]) for row in data.rows if row["navy"] == navy)
              for navy in ("Britain", "Germany")}
    fig, ax = plt.subplots(figsize=(WIDTH, HEIGHT))
    width = 0.4
    for index, navy in enumerate(counts):
        values = [counts[navy][year] for year in years]
        bars = ax.bar([y + (index - 0.5) * width for y in years], values, width=width * 0.95, label=navy,
                      color=SERIES[index], edgecolor=FOREGROUND, linewidth=0.6, hatch=HATCHES[index])
        ax.bar_label(bars, padding=1.5, fontsize=8.5, color=FOREGROUND)
    ax.set_title("Dreadnoughts and battlecruisers launched")
    ax.set_xlabel("Year of launch")
    ax.set_ylabel("Ships launched (number)")
    ax.set_xticks(years, [str(y) for y in years], rotation=45)
    ax.set_ylim(0, max(max(c.values()) for c in counts.values()) + 1.5)
    ax.grid(axis="x", visible=False)
    ax.legend(loc="upper left", ncols=2)
    _finish(fig, _source_line(data), bottom=0.27)
    totals = {navy: sum(counts[navy][y] for y in years) for navy in counts}
    peak = {navy: max(years, key=lambda y: counts[navy][y]) for navy in counts}
    first = {navy: min(y for y in years if counts[navy][y]) for navy in counts}
    by_type = {navy: Counter(r["type"] for r in data.rows if r["navy"] == navy) for navy in counts}
    rows = tuple((str(y), str(counts["Britain"][y]), str(counts["Germany"][y])) for y in years)
    rows += (("Total", str(totals["Britain"]), str(totals["Germany"])),)
    return fig, {
        "title": "Dreadnoughts and battlecruisers launched by Britain and Germany, 1906–1914",
        "alt": (f"Bar chart of dreadnought battleships and battlecruisers launched each year from 1906 to 1914. "
                f"Britain launched {totals['Britain']} ({by_type['Britain']['battleship']} battleships, "
                f"{by_type['Britain']['battlecruiser']} battlecruisers), most in {peak['Britain']} "
                f"({counts['Britain'][peak['Britain']]}); Germany launched {totals['Germany']} "
                f"({by_type['Germany']['battleship']} battleships, {by_type['Germany']['battlecruiser']} "
                f"battlecruisers), none before {first['Germany']} and most in {peak['Germany']} "
                f"({counts['Germany'][peak['Germany']]}). Germany launched more than Britain in "
                f"{_years(y for y in years if counts['Germany'][y] > counts['Britain'][y])}, as many in "
                f"{_years(y for y in years if counts['Germany'][y] == counts['Britain'][y])}, and fewer in "
                f"every other year."),
        "caption": (f"Germany launched more capital ships than Britain only in "
                    f"{_years(y for y in years if counts['Germany'][y] > counts['Britain'][y])}; Britain "
                    f"(solid bars) launched {totals['Britain']} to Germany's {totals['Germany']} (hatched) "
                    f"over the whole period."),
        "source": _source_line(data),
        "table": Table("Capital ships launched per year (dreadnought battleships and battlecruisers)",
                       ("Year", "Britain (ships)", "Germany (ships)"), rows),
        "notes": ("Counted by year of launch (the hull entering the water), not of completion.",
                  f"How the dates were checked: {data.source.checked}",
                  "Britain: ships built for the Royal Navy, including New Zealand; not Australia (Royal "
                  "Australian Navy) or the ships building in British yards for Brazil, Chile and the "
                  "Ottoman Empire that the Admiralty took over in 1914."),
        "data_files": (data.csv_path.name, data.note_path.name),
    }


# Nuclear stockpiles ---------------------------------------------------------------------------------

# Moments marked on the chart: (year, label). Treaty years from the arms-control topic.
STOCKPILE_MARKS = ((1972, "SALT I"), (1991, "START I;\nUSSR dissolves"))


def _fall(values: list[int], years: list[int], start: int, end: int) -> str:
    """How much a series fell from year `start` to year `end`, as a percentage."""
    return f"{1 - values[years.index(end)] / values[years.index(start)]:.0%}"


def _stockpiles(ctx: Context):
    import matplotlib.pyplot as plt
    from matplotlib.ticker import FuncFormatter

    data = ctx.dataset("nuclear-stockpiles")
    years = [int(y) for y in data.column("year")]
    series = {"United States": [int(v) for v in data.column("united_states")],
              "Soviet Union / Russia": [int(v) for v in data.column("soviet_union_russia")]}
    fig, ax = plt.subplots(figsize=(WIDTH, HEIGHT))
    peaks = {}
    for index, (country, values) in enumerate(series.items()):
        ax.plot(years, [v / 1000 for v in values], color=SERIES[index], linestyle=LINESTYLES[index],
                marker=MARKERS[index], markevery=10, label=country)
        peak = max(range(len(values)), key=values.__getitem__)
        peaks[country] = (years[peak], values[peak])
        ax.annotate(f"{values[peak]:,} ({years[peak]})", (years[peak], values[peak] / 1000),
                    xytext=(-4, 3) if index == 0 else (5, 0), textcoords="offset points", fontsize=8.5,
                    ha="right" if index == 0 else "left", va="bottom")
    for year, label in STOCKPILE_MARKS:
        ax.axvline(year, color=FOREGROUND, linewidth=0.8, linestyle=":")
        ax.text(year + 0.8, 1.5, label, fontsize=8, va="bottom")
    ax.set_title("Nuclear warhead stockpiles")
    ax.set_xlabel("Year")
    ax.set_ylabel("Warheads (thousands)")
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:g}"))
    ax.set_xlim(years[0], years[-1] + 1)
    ax.set_ylim(0, 45)
    ax.legend(loc="upper left")
    _finish(fig, _source_line(data), bottom=0.2)
    us, soviet = series.values()
    crossing = next(y for y, a, b in zip(years, us, soviet, strict=True) if b > a)
    last = years[-1]
    (us_peak_year, us_peak), (soviet_peak_year, soviet_peak) = peaks.values()
    return fig, {
        "title": f"Nuclear warhead stockpiles of the United States and the Soviet Union/Russia, {years[0]}–{last}",
        "alt": (f"Line chart of the two stockpiles from {years[0]} to {last}, in thousands of warheads. The "
                f"American stockpile grows fast in the 1950s and peaks at {us_peak:,} in {us_peak_year}, then "
                f"slowly declines. The Soviet stockpile starts in 1949, overtakes the American one in "
                f"{crossing} and peaks at {soviet_peak:,} in {soviet_peak_year}. Both fall steeply after "
                f"1991; in {last} the United States had {us[-1]:,} and Russia {soviet[-1]:,}."),
        "caption": (f"The American stockpile peaked {soviet_peak_year - us_peak_year} years before the Soviet one "
                    f"and was {_fall(us, years, us_peak_year, soviet_peak_year)} smaller when the "
                    f"Soviet one peaked; from {soviet_peak_year} to {last} "
                    f"the American stockpile fell by {_fall(us, years, soviet_peak_year, last)} and the Soviet/Russian "
                    f"one by {_fall(soviet, years, soviet_peak_year, last)}."),
        "source": _source_line(data),
        "table": Table("Warheads in each stockpile (active and inactive, not retired), per year",
                       ("Year", "United States (warheads)", "Soviet Union / Russia (warheads)"),
                       tuple((str(y), f"{a:,}", f"{b:,}") for y, a, b in zip(years, us, soviet, strict=True))),
        "notes": ("Stockpile: warheads assigned to the forces, deployed or in reserve; warheads retired and "
                  "awaiting dismantlement are not counted. United States figures are official totals (fiscal "
                  "years ending 30 September from 1962), except 2021–2023, which are the source's estimates "
                  "(the official figure for 2023, published later, is 3,748). Soviet and Russian figures are "
                  "estimates: no official series exists.",
                  "How the numbers were checked: every value against four other copies of this research "
                  "group's data, and the United States series against the official releases for the years "
                  "listed in the data note."),
        "data_files": (data.csv_path.name, data.note_path.name),
    }


# Richardson's equations -----------------------------------------------------------------------------

RICHARDSON_CASES = (
    ("Stable", richardson.Parameters(a=0.2, b=0.2, m=0.4, n=0.4, g=10, h=10)),
    ("Unstable", richardson.Parameters(a=0.5, b=0.5, m=0.4, n=0.4, g=10, h=10)),
)
RICHARDSON_YEARS = 30


def _richardson(ctx: Context):
    import matplotlib.pyplot as plt

    times = [t / 4 for t in range(RICHARDSON_YEARS * 4 + 1)]
    fig, axes = plt.subplots(2, 1, figsize=(WIDTH, 5.8), sharex=True)
    table_years = list(range(0, RICHARDSON_YEARS + 1, 5))
    columns: list[list[str]] = []
    notes = []
    for ax, (label, p) in zip(axes, RICHARDSON_CASES, strict=True):
        path = richardson.trajectory(p, 0, 0, times)
        xs = [x for x, _ in path]
        star = richardson.equilibrium(p)[0]
        l1, l2 = richardson.eigenvalues(p)
        index = 0 if p.stable else 1
        ax.plot(times, xs, color=SERIES[index], linestyle=LINESTYLES[index],
                label="Each state's arms level, x = y")
        verdict = (f"mn = {p.m * p.n:.2f} > ab = {p.a * p.b:.2f}" if p.stable
                   else f"ab = {p.a * p.b:.2f} > mn = {p.m * p.n:.2f}")
        facts = f"{verdict}\neigenvalues {_signed(l1)}, {_signed(l2)}"
        if p.stable:
            ax.axhline(star, color=FOREGROUND, linewidth=1, linestyle=":")
            ax.annotate(f"equilibrium x* = y* = {star:g}", (RICHARDSON_YEARS, star), xytext=(0, -4),
                        textcoords="offset points", ha="right", va="top", fontsize=9)
            ax.text(0.99, 0.05, facts, transform=ax.transAxes, ha="right", va="bottom", fontsize=9)
        else:
            ax.text(0.02, 0.95, f"{facts}\nequilibrium at {_signed(star)} cannot be\nreached: the race runs away",
                    transform=ax.transAxes, ha="left", va="top", fontsize=9)
        ax.set_title(f"{label}: a = b = {p.a:g}, m = n = {p.m:g}, g = h = {p.g:g}", fontsize=10.5)
        ax.set_ylabel("Arms level\n(e.g. $ billion a year)")
        ax.set_ylim(bottom=0)
        columns.append([f"{richardson.trajectory(p, 0, 0, [t])[0][0]:.1f}" for t in table_years])
        notes.append(f"{label} case: a = b = {p.a:g}, m = n = {p.m:g}, g = h = {p.g:g}; {verdict}; "
                     f"equilibrium x* = y* = {_signed(star)}; eigenvalues {_signed(l1)} and {_signed(l2)}.")
    axes[1].set_xlabel("Years since both states started from zero")
    axes[0].legend(loc="center right", handlelength=2.5)
    fig.suptitle("Richardson's equations: two arms races", x=0.02, ha="left", fontweight="bold", fontsize=11.5)
    source = "Model: Richardson (1960); parameters from this page's worked example."
    _finish(fig, source, bottom=0.13)
    fig.subplots_adjust(top=0.9, hspace=0.3)
    stable, unstable = RICHARDSON_CASES[0][1], RICHARDSON_CASES[1][1]
    return fig, {
        "title": "Richardson's equations: a stable and an unstable arms race",
        "alt": (f"Two line charts of one state's arms level over {RICHARDSON_YEARS} years, both states "
                f"starting from zero (the two states are symmetric, so x = y). Top, stable case "
                f"(a = b = {stable.a:g}, m = n = {stable.m:g}, g = h = {stable.g:g}): arms rise quickly and "
                f"level off at the equilibrium of {richardson.equilibrium(stable)[0]:g}, reaching "
                f"{columns[0][2]} after 10 years and {columns[0][-1]} after {RICHARDSON_YEARS}. Bottom, "
                f"unstable case (a = b = {unstable.a:g}, other parameters unchanged): arms grow without "
                f"limit, to {columns[1][2]} after 10 years and {columns[1][-1]} after {RICHARDSON_YEARS}."),
        "caption": ("Only the reaction coefficients differ: when mutual reaction (ab) outweighs restraint "
                    "(mn), the same grievances drive a runaway race instead of a stable balance."),
        "source": source,
        "table": Table("Each state's arms level x(t) = y(t), both starting from zero",
                       ("Year", "Stable: a = b = 0.2", "Unstable: a = b = 0.5"),
                       tuple((str(t), columns[0][i], columns[1][i]) for i, t in enumerate(table_years))),
        "notes": (*notes,
                  "Solved exactly: x(t) is the equilibrium plus the deviation from it, each eigen-"
                  "component growing or decaying at its eigenvalue's rate. Units are arbitrary (say, "
                  "billions a year); a, b, m and n are per year."),
        "data_files": (),
    }


# Iterated prisoner's dilemma with noise -------------------------------------------------------------


def _ranking(values: dict[str, float], percent: bool = False) -> str:
    """'A 2.67, B 2.61, ...' from highest to lowest, for text alternatives."""
    ordered = sorted(values.items(), key=lambda item: -item[1])
    return "; ".join(f"{name.lower()} {_percent(v) if percent else f'{v:.2f}'}" for name, v in ordered)


def _percent(value: float) -> str:
    return f"{value:.0%}" if value else "0%"


def _ipd_setup_note(data: ModelData) -> str:
    p = data.parameters
    payoffs = ", ".join(f"{k} = {p['payoffs'][k]}" for k in ipd.PAYOFFS)  # R, S, T, P: the usual order
    return (f"Each pairing (a strategy against itself included) played {p['repetitions']} matches of "
            f"{p['turns']} rounds at each noise level, payoffs {payoffs}; noise is the probability "
            f"that a move is flipped. Seeded (seed {p['seed']}), so every build gives the same numbers.")


def _ipd_noise(ctx: Context):
    import matplotlib.pyplot as plt

    results = ctx.model("ipd-noise")  # mean payoff per round, by noise level and strategy
    levels = list(results.noise_levels)
    fig, ax = plt.subplots(figsize=(WIDTH, 4.4))
    for index, name in enumerate(results.strategies):
        ax.plot([n * 100 for n in levels], [results.values[n][name] for n in levels], color=SERIES[index],
                linestyle=LINESTYLES[index], marker=MARKERS[index], label=name)
    ax.set_xticks([0, 5, 10, 15, 20])
    ax.set_title("Payoff per round as noise rises")
    ax.set_xlabel("Noise: chance that a move is flipped (%)")
    ax.set_ylabel("Mean payoff per round (points)")
    ax.legend(loc="upper center", bbox_to_anchor=(0.45, -0.2), ncols=2)
    source = "Model: axelrod library, a round robin of the six strategies."
    _finish(fig, source, bottom=0.34)
    quiet, loud = levels[0], levels[-1]
    ahead = [n for n in levels if max(results.values[n], key=results.values[n].get) == "Always defect"]
    overtaken = ahead[0] if ahead and ahead == levels[levels.index(ahead[0]):] else None
    return fig, {
        "title": "Iterated prisoner's dilemma: how six strategies fare as noise rises",
        "alt": ("Line chart of each strategy's mean payoff per round (points, 0 to 5) in a round robin, "
                f"against the chance that a move is flipped, from 0 to {loud:.0%}. "
                f"Without noise: {_ranking(results.values[quiet])}. At {loud:.0%} noise: "
                f"{_ranking(results.values[loud])}. The reciprocating strategies lose most as noise rises, "
                f"while always-defect gains."),
        "caption": ("Misread moves erode the advantage of reciprocity: as noise rises the reciprocating "
                    "strategies' payoffs fall toward always-defect's"
                    + (f", which overtakes them at {overtaken:.0%}." if overtaken == loud
                       else f", which is ahead from {overtaken:.0%} on." if overtaken is not None else ".")),
        "source": source,
        "table": Table("Mean payoff per round (points) against the whole field",
                       ("Noise", *results.strategies),
                       tuple((_percent(n), *(f"{results.values[n][s]:.2f}" for s in results.strategies))
                             for n in levels)),
        "notes": (_ipd_setup_note(results),),
        "data_files": (),
    }


def _ipd_echo(ctx: Context):
    import matplotlib.pyplot as plt

    results = ctx.model("ipd-echo")  # share of rounds of mutual cooperation between two copies
    levels = list(results.noise_levels)
    shown = [s for s in results.strategies if s != "Always defect"]  # never cooperates: a flat zero
    fig, ax = plt.subplots(figsize=(WIDTH, 4.4))
    for index, name in enumerate(results.strategies):
        if name in shown:
            ax.plot([n * 100 for n in levels], [results.values[n][name] * 100 for n in levels],
                    color=SERIES[index], linestyle=LINESTYLES[index], marker=MARKERS[index], label=name)
    ax.set_xticks([0, 5, 10, 15, 20])
    ax.set_title("Mutual cooperation between two copies")
    ax.set_xlabel("Noise: chance that a move is flipped (%)")
    ax.set_ylabel("Rounds of mutual cooperation (%)")
    ax.set_ylim(0, 102)
    ax.legend(loc="upper center", bbox_to_anchor=(0.45, -0.2), ncols=2)
    source = "Model: axelrod library, each strategy against a copy of itself."
    _finish(fig, source, bottom=0.34)
    loud = levels[-1]
    one = next(n for n in levels if n > 0)

    def echo(noise: float) -> dict[str, float]:
        return {s: results.values[noise][s] for s in shown}

    return fig, {
        "title": "Echoes: how often two copies of a strategy cooperate as noise rises",
        "alt": ("Line chart of the share of rounds in which two copies of the same strategy both "
                f"cooperate, against the chance that a move is flipped, from 0 to {loud:.0%}. Without noise "
                f"every strategy shown cooperates in every round. At {one:.0%} noise: "
                f"{_ranking(echo(one), percent=True)}. At {loud:.0%}: {_ranking(echo(loud), percent=True)}. "
                f"Always-defect, not drawn, never cooperates."),
        "caption": ("A single misread move sets two tit-for-tat players retaliating in turn; forgiving "
                    "rules break the echo and keep cooperation alive."),
        "source": source,
        "table": Table("Rounds in which both copies cooperate (share of all rounds)",
                       ("Noise", *results.strategies),
                       tuple((_percent(n), *(_percent(results.values[n][s]) for s in results.strategies))
                             for n in levels)),
        "notes": (_ipd_setup_note(results),),
        "data_files": (),
    }


FIGURES: dict[str, Spec] = {spec.name: spec for spec in (
    Spec("naval-race", ("capital-ships",), ("matplotlib",), _naval_race),
    Spec("stockpiles", ("nuclear-stockpiles",), ("matplotlib",), _stockpiles),
    Spec("richardson", (), ("matplotlib",), _richardson),
    Spec("ipd-noise", (), ("matplotlib",), _ipd_noise, models=("ipd-noise",)),
    Spec("ipd-echo", (), ("matplotlib",), _ipd_echo, models=("ipd-echo",)),
)}
