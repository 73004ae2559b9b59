"""CBS area codes: NL01 land, PV + 2 digits provincie, GM + 4 gemeente, WK + 6 wijk, BU + 8 buurt.

A wijk's gemeente, a buurt's wijk and a provincie's land follow from the code itself; which
provincie a gemeente lies in does not, so that comes from the file (the `ouder` column) or the
CBS gebiedsindeling (ouders.py).
"""
from __future__ import annotations

import re

from dashboard.models.gegevens import NIVEAUS

LAND = "NL01"
_LEVELS = {"PV": ("provincie", 2), "GM": ("gemeente", 4), "WK": ("wijk", 6), "BU": ("buurt", 8)}
FORMS = "NL01 (land), PV + 2 cijfers, GM + 4, WK + 6 of BU + 8"


def normalise(code: str) -> str:
    """'gm0505    ' -> 'GM0505' (CBS pads codes with spaces)."""
    return str(code).strip().upper()


def level(code: str) -> str | None:
    """land, provincie, gemeente, wijk or buurt for a well-formed code; None otherwise."""
    if code == LAND:
        return "land"
    prefix = code[:2]
    if prefix in _LEVELS and re.fullmatch(r"\d{%d}" % _LEVELS[prefix][1], code[2:]):
        return _LEVELS[prefix][0]
    return None


def rank(niveau: str) -> int:
    """0 for land up to 4 for buurt: a parent is exactly one rank lower than its child."""
    return NIVEAUS.index(niveau)


def parent(code: str) -> str | None:
    """WK050501 -> GM0505, BU05050101 -> WK050501, PV27 -> NL01; a gemeente's is not in its code."""
    if code.startswith("WK"):
        return "GM" + code[2:6]
    if code.startswith("BU"):
        return "WK" + code[2:8]
    if code.startswith("PV"):
        return LAND
    return None
