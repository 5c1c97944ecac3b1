"""Richardson's arms-race equations: dx/dt = a·y - m·x + g, dy/dt = b·x - n·y + h.

The system is linear, so it is solved exactly (eigen-decomposition of its matrix) rather than
stepped numerically: the values printed on the page are the model's, not a solver's approximation.
"""

from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class Parameters:
    a: float  # X's reaction to Y's arms (per year)
    b: float  # Y's reaction to X's arms (per year)
    m: float  # fatigue and expense: X's brake on its own arms (per year)
    n: float  # fatigue and expense: Y's brake on its own arms (per year)
    g: float  # X's grievance (arms units per year)
    h: float  # Y's grievance (arms units per year)

    @property
    def determinant(self) -> float:
        return self.m * self.n - self.a * self.b

    @property
    def stable(self) -> bool:
        """Stable iff mn > ab (the trace, -(m + n), is always negative)."""
        return self.determinant > 0


def equilibrium(p: Parameters) -> tuple[float, float]:
    """x* = (a·h + n·g) / (mn - ab), y* = (b·g + m·h) / (mn - ab)."""
    if p.determinant == 0:
        raise ValueError("mn = ab: the equations have no single equilibrium")
    return (p.a * p.h + p.n * p.g) / p.determinant, (p.b * p.g + p.m * p.h) / p.determinant


def eigenvalues(p: Parameters) -> tuple[float, float]:
    """Eigenvalues of [[-m, a], [b, -n]], larger first; always real when a, b > 0."""
    mean = -(p.m + p.n) / 2
    spread = math.sqrt(((p.m - p.n) / 2) ** 2 + p.a * p.b)
    return mean + spread, mean - spread


def trajectory(p: Parameters, x0: float, y0: float, times: list[float]) -> list[tuple[float, float]]:
    """(x(t), y(t)) at each time: the equilibrium plus the decaying or growing deviation from it."""
    xs, ys = equilibrium(p)
    dx, dy = x0 - xs, y0 - ys
    result = []
    if p.a <= 0 or p.b <= 0:
        raise ValueError("the reaction coefficients a and b must be positive")
    lambdas = eigenvalues(p)
    # Eigenvector for eigenvalue l: (a, l + m); write the deviation in that basis and let each part grow.
    v1, v2 = (p.a, lambdas[0] + p.m), (p.a, lambdas[1] + p.m)
    det = v1[0] * v2[1] - v2[0] * v1[1]
    c1 = (dx * v2[1] - v2[0] * dy) / det
    c2 = (v1[0] * dy - dx * v1[1]) / det
    for t in times:
        e1, e2 = c1 * math.exp(lambdas[0] * t), c2 * math.exp(lambdas[1] * t)
        result.append((xs + e1 * v1[0] + e2 * v2[0], ys + e1 * v1[1] + e2 * v2[1]))
    return result


def doubling_time(rate: float) -> float:
    """Years for a quantity growing (or a gap shrinking) at this exponential rate to double (halve)."""
    return math.log(2) / abs(rate)
