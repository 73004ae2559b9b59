"""Coverage: who delivered a figure made of several parts, and when a period is only partly there.

A total across parties, a figure added up from the level below and a year made from its quarters
are complete only when every part that was there the period before is there again: one
corporation's monthly upload must not read as a collapse of the whole stock. The rule lives here,
once; queries.py marks every value with it, and tiles, trends, sentences, afspraken and slides
read that mark (`Row.deels`) instead of judging for themselves.
"""
from __future__ import annotations

from dataclasses import dataclass

from dashboard.hierarchy import PLURAL

PARTIJ_MEERVOUD = {"gemeente": "gemeenten", "corporatie": "corporaties", "huurdersorganisatie": "huurdersorganisaties",
                   "zorg": "zorgpartijen", "welzijn": "welzijnspartijen"}
DELEN = {"kwartaal": ("kwartaal", "kwartalen"), "maand": ("maand", "maanden")}


@dataclass(frozen=True)
class Geleverd:
    """What one value was made of: the parties' ids (a total across parties) or a number of gebieden
    one level down; `wie` names them in the plural ("corporaties", "wijken")."""

    partijen: frozenset[int] | None = None
    gebieden: int | None = None
    wie: str = "partijen"
    totaal: bool = False  # a total was stored for the period: whole by itself, its parties the yardstick


def partij_woord(soorten: list[str]) -> str:
    """The plural that names a group of parties: their kind when they share one, else "partijen"."""
    kinds = set(soorten)
    return PARTIJ_MEERVOUD.get(kinds.pop(), "partijen") if len(kinds) == 1 else "partijen"


def gebied_woord(niveau: str) -> str:
    return PLURAL.get(niveau, niveau)


def tekort(vorige: Geleverd | None, nu: Geleverd | None) -> str | None:
    """"1 van 3 corporaties geleverd" when some part that delivered the period before is missing now;
    None when the value is complete (or there is nothing to compare it with)."""
    if vorige is None or nu is None or nu.totaal:
        return None
    if vorige.partijen is not None and nu.partijen is not None:
        ontbreekt = vorige.partijen - nu.partijen
        if ontbreekt:
            return f"{len(vorige.partijen) - len(ontbreekt)} van {len(vorige.partijen)} {vorige.wie} geleverd"
        return None
    if vorige.gebieden is not None and nu.gebieden is not None and nu.gebieden < vorige.gebieden:
        return f"{nu.gebieden} van {vorige.gebieden} {vorige.wie} geleverd"
    return None


def delen_tekort(soort: str, geteld: int, nodig: int) -> str | None:
    """A period made from finer ones ("1 van 4 kwartalen geleverd") when some of them are missing."""
    if geteld >= nodig:
        return None
    enkel, meer = DELEN[soort]
    return f"{geteld} van {nodig} {meer if nodig != 1 else enkel} geleverd"
