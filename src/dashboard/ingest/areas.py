"""CBS area codes: GM + 4 digits, WK + 6, BU + 8; the parent follows from the code itself."""
from __future__ import annotations

import re

_LEVELS = {"GM": ("gemeente", 4), "WK": ("wijk", 6), "BU": ("buurt", 8)}


def normalise(code: str) -> str:
    """'gm0505    ' -> 'GM0505' (CBS pads codes with spaces)."""
    return str(code).strip().upper()


def level(code: str) -> str | None:
    """gemeente, wijk or buurt for a well-formed code; None otherwise."""
    prefix = code[:2]
    if prefix in _LEVELS and re.fullmatch(r"\d{%d}" % _LEVELS[prefix][1], code[2:]):
        return _LEVELS[prefix][0]
    return None


def parent(code: str) -> str | None:
    """WK050501 -> GM0505, BU05050101 -> WK050501, a gemeente has none."""
    if code.startswith("WK"):
        return "GM" + code[2:6]
    if code.startswith("BU"):
        return "WK" + code[2:8]
    return None
