"""CBS's gemeentelijke indeling: a gemeente's name, as any export writes it, to its code.

The shipped table (data/gebiedsindeling/gemeenten.csv, rebuilt by scripts/gebiedsindeling.py)
holds every gemeente from 1990 to 2025 with its code, official name, other names, provincie, and
for a dissolved one when it ended and what it went into. StatLine writes a gemeente's name with
suffixes: "(gemeente)" where a provincie or region has the same name ("Groningen (gemeente)"),
a provincie's abbreviation where two gemeenten share one ("Bergen (NH.)", "Bergen (L.)",
"Hengelo (O.)"). Both are read: the first is dropped, the second picks the provincie.

    >>> resolve("Bergen (NH.)", 2024).code
    'GM0373'
    >>> resolve("Werkendam", 2024).toelichting
    'opgeheven in 2019, opgegaan in Altena'
    >>> nearest("Amsterdm")
    ['Amsterdam']

A year only decides between gemeenten of the same name (Hengelo (Gld.) ended in 2005, Hengelo
(O.) goes on); a dissolved gemeente is still found in a later year, as exports list it with
empty values. 2026 had no herindeling, so its indeling is 2025's (data/gebiedsindeling/README.md);
later years are read with it until the table is rebuilt from a source that has them.
"""
from __future__ import annotations

import csv
import difflib
import re
from dataclasses import dataclass
from functools import cache

from dashboard import config
from dashboard.ingest import areas
from dashboard.ingest.lookalikes import Lookalikes, comparable

SOURCE = config.DATA_DIR / "gebiedsindeling" / "gemeenten.csv"
LAND, LAND_NAAM = areas.LAND, "Nederland"
_SUFFIX = re.compile(r"^(?P<base>.*?)\s*\((?P<suffix>[^()]*)\)\s*$")
# CBS's abbreviations of the provincies in a gemeente's name, without dots, lower case.
PROVINCIE_AFKORTINGEN = {"gr": "PV20", "fr": "PV21", "dr": "PV22", "o": "PV23", "fl": "PV24", "gld": "PV25",
                         "u": "PV26", "nh": "PV27", "zh": "PV28", "z": "PV29", "nb": "PV30", "l": "PV31"}


@dataclass(frozen=True)
class Gemeente:
    """One gemeente of the indeling, present or dissolved."""

    code: str
    naam: str
    provincie: str  # PV code
    provincienaam: str
    begin: str  # the date it was made ('2019-01-01')
    einde: str  # the date it was dissolved ('2019-01-01'), '' while it exists
    opgegaan_in: tuple[str, ...]  # codes it went into
    namen: tuple[str, ...]  # every name it is known by, official one first

    def heet(self, naam: str) -> bool:
        """Whether `naam` is one of its names, suffix, case and accents aside ('Beek' for 'Beek (L.)')."""
        return comparable(naam) in {comparable(n) for n in self.namen}

    def bestaat_in(self, jaar: int) -> bool:
        """Whether it existed in any part of the year (Rozenburg, dissolved on 18 March 2010, in 2010)."""
        return self.begin < f"{jaar + 1}-01-01" and (not self.einde or self.einde > f"{jaar}-01-01")

    @property
    def toelichting(self) -> str:
        """'opgeheven in 2019, opgegaan in Altena', or '' for a gemeente that still exists."""
        if not self.einde:
            return ""
        opvolgers = [gemeenten()[code].naam for code in self.opgegaan_in if code in gemeenten()]
        if not opvolgers:
            return f"opgeheven in {self.einde[:4]}"
        lijst = opvolgers[0] if len(opvolgers) == 1 else ", ".join(opvolgers[:-1]) + " en " + opvolgers[-1]
        return f"opgeheven in {self.einde[:4]}, {'opgegaan in' if len(opvolgers) == 1 else 'verdeeld over'} {lijst}"


@cache
def gemeenten() -> dict[str, Gemeente]:
    """The shipped indeling by code, read once."""
    with SOURCE.open(encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream, delimiter=";"))
    return {row["code"]: Gemeente(
        code=row["code"], naam=row["naam"], provincie=row["provincie"], provincienaam=row["provincienaam"],
        begin=row["begin"], einde=row["einde"], opgegaan_in=tuple(row["opgegaan_in"].split()),
        namen=(row["naam"], *filter(None, row["namen"].split("|")))) for row in rows}


@cache
def _by_form() -> dict[str, list[Gemeente]]:
    """Gemeenten by the comparable form of each of their names without suffix ('bergen': two)."""
    forms: dict[str, list[Gemeente]] = {}
    for gemeente in gemeenten().values():
        for form in {comparable(naam) for naam in gemeente.namen}:
            forms.setdefault(form, []).append(gemeente)
    return forms


def _provincie(suffix: str) -> str | None:
    return PROVINCIE_AFKORTINGEN.get(suffix.replace(".", "").replace(" ", "").lower())


def resolve(name_or_code: str, jaar: int | None = None) -> Gemeente | None:
    """The gemeente a name or GM code means in `jaar`; None when it means none, or two equally.

    Case, accents, spaces and punctuation do not matter; a suffix "(gemeente)" is dropped, a
    provincie's abbreviation ("(L.)", "(NH.)") picks the provincie. Without `jaar`, or when no
    gemeente of that name existed in it, a name shared by several gemeenten is resolved only by
    its suffix.
    """
    text = str(name_or_code).strip()
    code = areas.normalise(text)
    if areas.level(code) == "gemeente":
        return gemeenten().get(code)
    match = _SUFFIX.match(text)
    provincie = _provincie(match["suffix"]) if match else None
    if match and provincie is None and match["suffix"].strip().lower() != "gemeente":
        return None  # "(PV)", "(CR)", "(LD)": a provincie, COROP region or landsdeel, not a gemeente
    candidates = _by_form().get(comparable(text), [])
    if provincie:
        candidates = [g for g in candidates if g.provincie == provincie]
    if jaar is not None and len(candidates) > 1:
        candidates = [g for g in candidates if g.bestaat_in(jaar)] or candidates
    return candidates[0] if len(candidates) == 1 else None


def nearest(name: str, n: int = 3) -> list[str]:
    """The official names closest to a name that matches none, closest first: for 'Bedoelt u ...?'."""
    names = _official_names()
    found = list(dict.fromkeys(Lookalikes(names).of(name)))
    if len(found) < n:
        forms = {comparable(naam): naam for naam in names}
        close = difflib.get_close_matches(comparable(name), list(forms), n=n, cutoff=0.7)
        found += [forms[form] for form in close if forms[form] not in found]
    return found[:n]


@cache
def _official_names() -> tuple[str, ...]:
    return tuple(sorted({g.naam for g in gemeenten().values()}))


def provincie_naam(code: str) -> str | None:
    """'PV31' -> 'Limburg', from the indeling; None for a code it does not know."""
    return next((g.provincienaam for g in gemeenten().values() if g.provincie == code), None)
