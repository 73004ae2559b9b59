"""The readability bound the sentences keep (checked in the tests, usable by anyone who writes more)."""
from __future__ import annotations

import re

MAX_WOORDEN = 15

# Policy words a councillor or tenant should not have to know, with the plain words that explain them.
# A sentence may use a term only with (one of) its plain words in the same sentence.
VAKTERMEN: dict[str, tuple[str, ...]] = {
    "realisatie": ("gebouwd", "gedaan"),
    "gerealiseerd": ("gebouwd", "gedaan"),
    "prestatieveld": ("onderwerp",),
    "prestatieafspra": ("afspraken over wonen",),
    "monitoring": ("bijhouden",),
    "monitor": ("overzicht",),
    "indicator": ("cijfer",),
    "kpi": ("cijfer",),
    "streefwaarde": ("doel",),
    "taakstelling": ("opdracht",),
    "statushouder": ("verblijfsvergunning",),
    "mutatiegraad": ("nieuwe huurder",),
    "woningvoorraad": ("alle woningen",),
    "plancapaciteit": ("bouwplannen",),
    "transformatie": ("verbouw",),
    "doorstroming": ("verhuizen",),
    "leefbaarheid": ("prettige buurt",),
    "verduurzam": ("zuiniger",),
    "urgentie": ("voorrang",),
    "toewijzing": ("een woning krijgen",),
    "huursom": ("huur",),
    "passend toewijzen": ("betaalbare huur",),
    "jaarschijf": ("plan voor dit jaar",),
    "inspanningsafspraak": ("afspraak",),
    "resultaatafspraak": ("afspraak",),
    "effectafspraak": ("afspraak",),
    "procentpunt": ("procent",),
    "onderhoudsconditie": ("staat van onderhoud",),
    "energie-index": ("energiegebruik",),
    "aggregatie": ("opgeteld",),
}
_WORD = re.compile(r"\S+")


def woorden(zin: str) -> int:
    """Words as a reader counts them: '1.234', '28,4%', '€ 652' and '(E,' are one word each."""
    return len(_WORD.findall(zin.replace("€ ", "€")))


def vaktermen(zin: str) -> list[str]:
    """The policy terms in a sentence that come without a plain word beside them."""
    lower = zin.lower()
    return [term for term, plain in VAKTERMEN.items()
            if re.search(r"\b" + re.escape(term), lower) and not any(p in lower for p in plain)]


def problemen(zin: str) -> list[str]:
    """What makes a sentence too hard: too long, or policy terms left unexplained (empty: fine)."""
    found = [f"{woorden(zin)} woorden (hoogstens {MAX_WOORDEN})"] if woorden(zin) > MAX_WOORDEN else []
    return found + [f"vakterm '{term}' zonder uitleg" for term in vaktermen(zin)]
