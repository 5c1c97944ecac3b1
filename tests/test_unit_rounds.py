"""LastRound (topicgraph/rounds.py): a value is computed once per round, taken by the next round that
asks for it with the same key, and let go by a round that does not."""

from __future__ import annotations

import pytest

from topicgraph.rounds import LastRound


@pytest.mark.usefixtures("rounds_held")
def test_a_round_takes_the_last_rounds_values_and_computes_only_the_new_keys() -> None:
    computed: list[str] = []
    rounds: LastRound[str] = LastRound()

    def get(key: str) -> str:
        return rounds.get(key, lambda: computed.append(key) or key.upper())

    rounds.new_round()
    assert [get("a"), get("b"), get("a")] == ["A", "B", "A"]
    assert computed == ["a", "b"]  # once each in a round
    rounds.new_round()
    assert [get("a"), get("c")] == ["A", "C"]
    assert computed == ["a", "b", "c"]  # a was the last round's
    rounds.new_round()
    assert get("b") == "B"
    assert computed == ["a", "b", "c", "b"]  # the round before did not ask for b: it was let go


@pytest.mark.usefixtures("rounds_held")
def test_a_value_is_the_same_object_from_round_to_round() -> None:
    rounds: LastRound[list[int]] = LastRound()
    rounds.new_round()
    first = rounds.get(("key", 1), lambda: [1])
    rounds.new_round()
    assert rounds.get(("key", 1), lambda: [2]) is first
    assert rounds.get(("key", 2), lambda: [2]) == [2]


def test_nothing_is_held_unless_another_round_will_come(monkeypatch: pytest.MonkeyPatch) -> None:
    # A single `mkdocs build` has no next round: holding its values would only cost memory.
    monkeypatch.setattr(LastRound, "held", False)  # as in a build (the plugin holds them under `mkdocs serve`)
    computed: list[str] = []
    rounds: LastRound[str] = LastRound()
    for _ in range(2):
        rounds.new_round()
        rounds.get("a", lambda: computed.append("a") or "A")
    assert computed == ["a", "a"] and rounds._last == rounds._this == {}
