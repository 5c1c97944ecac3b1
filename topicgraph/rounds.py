"""What the last round of a computation made, by its inputs, for the next round to take.

`mkdocs serve` builds the whole site again after every edit, and at 1,000 topics most of what a
rebuild computes (the topics, the reading paths, the LMS files, the course map) is what the last
build computed from the same inputs. Each such computation keeps its last round here. A key must hold
everything that shapes its value; values are shared between rounds, so they must not be changed.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import ClassVar, Generic, TypeVar

V = TypeVar("V")


class LastRound(Generic[V]):
    """Values by key: those of the round going on, and those of the last round, which it may take.

    Only the two latest rounds are held, so memory stays at what one build computes; and nothing is
    held unless another round will come (`held`, set by whoever knows: the plugin, under `mkdocs serve`):
    a single build would carry it for nothing (18 MB at 1,000 topics).
    """

    held: ClassVar[bool] = False

    def __init__(self) -> None:
        self._last: dict[Hashable, V] = {}
        self._this: dict[Hashable, V] = {}

    def new_round(self) -> None:
        """Start a round: what the one before it did not ask for again is let go."""
        self._last, self._this = self._this, {}

    def get(self, key: Hashable, compute: Callable[[], V]) -> V:
        """The value for `key`: this round's or the last round's if either made it, else `compute()`."""
        if not self.held:
            return compute()
        if key in self._this:
            return self._this[key]
        value = self._this[key] = self._last[key] if key in self._last else compute()
        return value
