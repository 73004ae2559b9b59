"""The trend line through a scatter: ordinary least squares, computed with numpy."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Lijn:
    """y = helling * x + snijpunt, fitted on n points; r is the correlation (-1 to 1)."""

    helling: float
    snijpunt: float
    r: float
    n: int

    def y(self, x: float) -> float:
        return self.helling * x + self.snijpunt


MINIMUM = 3  # fewer points say nothing about a relation


def trendlijn(x, y) -> Lijn | None:
    """The least-squares line through the points, or None with too few points or no spread in x."""
    xs, ys = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    if len(xs) < MINIMUM or np.ptp(xs) == 0:
        return None
    helling, snijpunt = np.polyfit(xs, ys, 1)
    r = 0.0 if np.ptp(ys) == 0 else float(np.corrcoef(xs, ys)[0, 1])
    return Lijn(helling=float(helling), snijpunt=float(snijpunt), r=r, n=len(xs))


def sterkte(r: float) -> str:
    """The relation in words, for the caption under the chart."""
    size = abs(r)
    if size < 0.2:
        return "geen duidelijk verband"
    kind = "samen op" if r > 0 else "tegen elkaar in"
    return f"{'een sterk' if size >= 0.6 else 'een zwak'} verband: de cijfers gaan {kind}"
