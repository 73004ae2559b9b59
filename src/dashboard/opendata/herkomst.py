"""Where a synced figure came from, as its import batch is named: "CBS 82900NED, opgehaald
5-12-2026 (CC BY 4.0)". The name is the provenance: the dashboard shows it beside every figure
that batch wrote, and the licence asks that the source be named."""
from __future__ import annotations

from datetime import date

LICENTIE = "CC BY 4.0"  # CBS and PDOK publish these data under it
PATROON = f"%, opgehaald %({LICENTIE})"  # SQL LIKE: the batches a sync wrote


def naam(bron: str, opgehaald: date) -> str:
    return f"{bron}, opgehaald {opgehaald.day}-{opgehaald.month}-{opgehaald.year} ({LICENTIE})"
