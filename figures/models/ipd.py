"""The iterated prisoner's dilemma with noise, played by the axelrod library.

Noise is axelrod's: each intended move is flipped with probability `noise`, so the other side sees
a defection (or a cooperation) its rival never chose. Every match gets its own seed, derived from
the noise level, the pairing and the repetition, so results are the same on every build.

The site build never runs this: `make models` does, in its own venv (requirements-models.txt), and
writes the results to figures/data/ (figures/models/export.py); the build reads them there
(figures/modeldata.py) and checks them against this file's SHA-256 and `parameters()`. axelrod is
imported inside the functions, so the build can read the parameters without it.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from functools import lru_cache

# Display name -> axelrod class name. GTFT forgives a defection with probability 1/3 under the
# default payoffs (Nowak and Sigmund's generosity); Contrite TFT does not retaliate for its own errors.
STRATEGIES = {
    "Tit-for-tat": "TitForTat",
    "Generous tit-for-tat": "GTFT",
    "Contrite tit-for-tat": "ContriteTitForTat",
    "Win-stay, lose-shift": "WinStayLoseShift",
    "Grudger": "Grudger",
    "Always defect": "Defector",
}
NOISE_LEVELS = (0.0, 0.01, 0.02, 0.05, 0.1, 0.15, 0.2)
TURNS = 200
REPETITIONS = 10
SEED = 1984  # the year of The Evolution of Cooperation
PAYOFFS = {"R": 3, "S": 0, "T": 5, "P": 1}  # axelrod's defaults, Axelrod's tournament values


def parameters() -> dict:
    """Every parameter of the sweep, in JSON's types, as the data files record it."""
    return {
        "strategies": [[name, cls] for name, cls in STRATEGIES.items()],  # display name, axelrod class
        "noise_levels": list(NOISE_LEVELS),
        "turns": TURNS,
        "repetitions": REPETITIONS,
        "seed": SEED,
        "match_seed": "seed + 100000 * noise_index + 100 * pair_index + repetition",
        "payoffs": dict(PAYOFFS),
    }


@dataclass(frozen=True)
class NoiseResults:
    """Per noise level: each strategy's mean payoff per round against the whole field (itself
    included), and the share of rounds with mutual cooperation when it meets a copy of itself."""

    strategies: tuple[str, ...]
    noise_levels: tuple[float, ...]
    score: dict[float, dict[str, float]]
    self_cooperation: dict[float, dict[str, float]]
    turns: int
    repetitions: int
    seed: int


def match_seed(noise_index: int, pair_index: int, repetition: int) -> int:
    return SEED + 100_000 * noise_index + 100 * pair_index + repetition


def play_match(first: str, second: str, turns: int, noise: float = 0.0, seed: int = SEED):
    """One match between two axelrod strategies (class names); returns (moves, total scores)."""
    import axelrod as axl

    match = axl.Match((getattr(axl, first)(), getattr(axl, second)()), turns=turns, noise=noise, seed=seed)
    moves = [(str(a), str(b)) for a, b in match.play()]
    scores = tuple(int(s) for s in match.final_score())
    return moves, scores


@lru_cache(maxsize=4)
def noise_sweep(strategies: tuple[str, ...] = tuple(STRATEGIES), noise_levels: tuple[float, ...] = NOISE_LEVELS,
                turns: int = TURNS, repetitions: int = REPETITIONS) -> NoiseResults:
    """A round robin (every pairing, self-play included) at each noise level."""
    import axelrod as axl

    score: dict[float, dict[str, float]] = {}
    self_cooperation: dict[float, dict[str, float]] = {}
    pairs = list(itertools.combinations_with_replacement(strategies, 2))
    for noise_index, noise in enumerate(noise_levels):
        totals = {name: 0.0 for name in strategies}
        counts = {name: 0 for name in strategies}
        mutual = {name: 0.0 for name in strategies}
        for pair_index, (first, second) in enumerate(pairs):
            for repetition in range(repetitions):
                players = (getattr(axl, STRATEGIES[first])(), getattr(axl, STRATEGIES[second])())
                match = axl.Match(players, turns=turns, noise=noise,
                                  seed=match_seed(noise_index, pair_index, repetition))
                match.play()
                per_turn = match.final_score_per_turn()
                totals[first] += float(per_turn[0])
                counts[first] += 1
                if first != second:
                    totals[second] += float(per_turn[1])
                    counts[second] += 1
                else:
                    mutual[first] += float(match.normalised_state_distribution()[(axl.Action.C, axl.Action.C)])
        score[noise] = {name: totals[name] / counts[name] for name in strategies}
        self_cooperation[noise] = {name: mutual[name] / repetitions for name in strategies}
    return NoiseResults(tuple(strategies), tuple(noise_levels), score, self_cooperation, turns, repetitions, SEED)
