"""The iterated prisoner's dilemma played by axelrod itself (figures/models/ipd.py).

These need axelrod, which only the models' venv has (`make models`); run them with
`make test-models`. Elsewhere (`make test`, the site venv) they are skipped.
"""

from __future__ import annotations

import pytest

pytest.importorskip("axelrod", reason="axelrod is only in the models' venv: run `make test-models`")

from figures import modeldata
from figures.models import export, ipd


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


def test_a_small_sweep_written_as_data_reads_back_the_same() -> None:
    small = dict(strategies=("Tit-for-tat", "Always defect"), noise_levels=(0.0, 0.1), turns=20, repetitions=2)
    ipd.noise_sweep.cache_clear()
    results = ipd.noise_sweep(**small)
    ipd.noise_sweep.cache_clear()
    text = modeldata.dumps(export.payload("ipd-noise", results))
    assert text == modeldata.dumps(export.payload("ipd-noise", ipd.noise_sweep(**small)))  # byte-stable
    data = __import__("json").loads(text)
    assert data["values"]["Tit-for-tat"] == [results.score[n]["Tit-for-tat"] for n in (0.0, 0.1)]
    provenance = data["provenance"]
    assert provenance["libraries"]["axelrod"] == "4.14.0"
    assert provenance["seed"] == ipd.SEED
    assert provenance["parameters"] == {**ipd.parameters(), "turns": 20, "repetitions": 2, "noise_levels": [0.0, 0.1],
                                        "strategies": [["Tit-for-tat", "TitForTat"], ["Always defect", "Defector"]]}
    assert provenance["code_sha256"] == modeldata.code_hashes()
