"""Size classes by woningvoorraad_totaal, so a gebied is compared with gebieden of its own size."""
from __future__ import annotations

import math
from functools import lru_cache

import pandas as pd

from dashboard import formatting

WONINGEN = "woningvoorraad_totaal"
ONBEKEND = "grootte onbekend"
# Upper bounds in homes; a wijk is two orders smaller than a gemeente.
GRENZEN = {"gemeente": (5_000, 10_000, 25_000, 50_000, 100_000), "wijk": (1_000, 2_500, 5_000, 10_000)}


@lru_cache(maxsize=4)
def _labels(niveau: str) -> tuple[str, ...]:
    grenzen = GRENZEN.get(niveau, GRENZEN["gemeente"])
    return (f"minder dan {formatting.number(grenzen[0])} woningen",
            *(f"{formatting.number(laag)} tot {formatting.number(hoog)} woningen" for laag, hoog in zip(grenzen, grenzen[1:])),
            f"{formatting.number(grenzen[-1])} woningen of meer")


def klasse(woningen: float | None, niveau: str) -> str:
    """'10.000 tot 25.000 woningen', 'minder dan 5.000 woningen', '100.000 woningen of meer'."""
    if woningen is None or (isinstance(woningen, float) and math.isnan(woningen)):
        return ONBEKEND
    grenzen = GRENZEN.get(niveau, GRENZEN["gemeente"])
    return _labels(niveau)[sum(woningen >= grens for grens in grenzen)]


def gelijken(punten: pd.DataFrame, code: str) -> pd.DataFrame:
    """The gebieden of the same size class as `code` (itself included); empty when its size is unknown."""
    eigen = punten.loc[punten["code"] == code, "klasse"]
    if eigen.empty or eigen.iloc[0] == ONBEKEND:
        return punten.iloc[0:0]
    return punten[punten["klasse"] == eigen.iloc[0]]
