"""A gemeente's own figures set against the targets of the library, and the EFG countdown.

Only what the catalogue measures is set against a target: a share of two indicators for the
Wet regie shares ("Aandeel sociale huur in nieuwbouw 2025: 24% · doel 30%"), the latest stock
for a target of none left (label E, F, G; bad condition), the yearly count for a yearly pace.
A national count (900.000 homes) is not divided over gemeenten: the sentence says what the
gemeente added, not a share of a quota nobody set for it.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from dashboard import formatting, queries
from dashboard.models import Doel, Indicator, Partij

_SOCIAAL = "nieuwbouw_sociaal"


@dataclass(frozen=True)
class Stand:
    """One target beside the local figure: the sentence a reader gets, and whether it is met."""

    code: str
    naam: str
    zin: str
    gehaald: bool | None  # None: the figure cannot tell (a count against a national total)
    bron: str


def _jaarwaarden(session: Session, sleutel: str, gebied: str, van: int, tot: int,
                 partij: str | None = None) -> dict[int, float]:
    trend = queries.known(queries.trend(session, queries.View(gebied, sleutel, partij=partij, van=van, tot=tot)))
    return {int(j): float(w) for j, w in zip(trend["jaar"], trend["waarde"])}


def _aandeel(session: Session, doel: Doel, gebied: str, jaar: int) -> Stand | None:
    teller, noemer = doel.indicator.split("/")
    boven, onder = (_jaarwaarden(session, k, gebied, jaar - 4, jaar) for k in (teller, noemer))
    years = [j for j in sorted(boven, reverse=True) if onder.get(j)]
    if not years:
        return None
    latest = years[0]
    share = 100 * boven[latest] / onder[latest]
    label = "Aandeel sociale huur in nieuwbouw" if teller == _SOCIAAL else f"Aandeel {teller} in {noemer}"
    zin = f"{label} {latest}: {formatting.number(share)}% · doel {formatting.number(doel.waarde)}%"
    return Stand(doel.code, doel.naam, zin, share >= doel.waarde, doel.bron)


def _per_jaar(session: Session, doel: Doel, gebied: str, jaar: int) -> Stand | None:
    values = _jaarwaarden(session, doel.indicator, gebied, jaar - 4, jaar)
    if not values:
        return None
    latest = max(values)
    naam = session.scalar(select(Indicator.naam).where(Indicator.sleutel == doel.indicator))
    zin = (f"{naam} {latest}: {formatting.number(values[latest])} · landelijk doel "
           f"{formatting.value(doel.waarde, doel.eenheid)} tot en met {doel.peiljaar}")
    return Stand(doel.code, doel.naam, zin, None, doel.bron)


@dataclass(frozen=True)
class Aftellen:
    """How many of something must still go before the end of a target's peiljaar, per owner."""

    wie: str  # the gemeente's name or a corporation's
    jaar: int  # of the latest figure
    over: float
    jaren_te_gaan: int
    per_jaar: float | None

    def zin(self, doel_naam: str, peiljaar: int) -> str:
        if self.over <= 0:
            return f"{self.wie}: geen meer over in {self.jaar}. Doel gehaald."
        tempo = (f", {formatting.value(self.per_jaar, 'woningen')} per jaar" if self.per_jaar else
                 f": de termijn (eind {peiljaar}) is verstreken")
        return (f"{self.wie}: nog {formatting.value(self.over, 'woningen')} in {self.jaar}; "
                f"eind {peiljaar} moet het 0 zijn: nog {formatting.count(self.jaren_te_gaan, 'jaar', 'jaar')}"
                f"{tempo}.")


def aftellen(session: Session, doel: Doel, gebied: str, naam: str, vandaag: date) -> list[Aftellen]:
    """The gemeente first, then each corporation that delivers the indicator here: latest stock,
    years left to the end of the peiljaar (the current one counts), the pace that needs."""
    owners = [(naam, None)] + [(p, p) for p in session.scalars(
        select(Partij.naam).where(Partij.soort == "corporatie").order_by(Partij.naam))]
    found = []
    for wie, partij in owners:
        values = _jaarwaarden(session, doel.indicator, gebied, vandaag.year - 6, vandaag.year, partij)
        if not values:
            continue
        latest = max(values)
        years = max(doel.peiljaar - max(latest, vandaag.year - 1), 0)
        found.append(Aftellen(wie, latest, values[latest], years, values[latest] / years if years else None))
    return found


def tegen_doelen(session: Session, gebied: str, naam: str, jaar: int, vandaag: date) -> list[Stand]:
    """Every target the catalogue can measure here, as one sentence each, national first."""
    found = []
    for doel in session.scalars(select(Doel).where(Doel.indicator != "", Doel.vervangen_door == "")
                                .order_by(Doel.peiljaar, Doel.code)):
        if doel.soort == "aandeel" and "/" in doel.indicator:
            stand = _aandeel(session, doel, gebied, jaar)
        elif doel.soort == "per_jaar":
            stand = _per_jaar(session, doel, gebied, jaar)
        elif doel.soort == "nul":
            rows = aftellen(session, doel, gebied, naam, vandaag)
            stand = Stand(doel.code, doel.naam, rows[0].zin(doel.naam, doel.peiljaar), rows[0].over <= 0,
                          doel.bron) if rows else None
        else:
            stand = None
        if stand:
            found.append(stand)
    return found


@dataclass(frozen=True)
class Overzicht:
    """What the Kompas shows: the monitor's gemeente against the targets, and who has EFG left."""

    gemeente: str
    standen: list[Stand]
    efg: list[str]


def voor_monitor(session: Session, vandaag: date) -> Overzicht | None:
    """For the gemeente the monitor opens on; None for a national or regional set, where a
    gemeente's figures against a national target would pick one gemeente of many."""
    options = queries.options(session)
    if options is None:
        return None
    code = options.default_view().gebied
    if options.niveaus.get(code) != "gemeente":
        return None
    naam = options.namen[code]
    efg = session.scalar(select(Doel).where(Doel.code == "npa2022_efg"))
    rows = aftellen(session, efg, code, naam, vandaag) if efg else []
    return Overzicht(naam, tegen_doelen(session, code, naam, vandaag.year, vandaag),
                     [row.zin(efg.naam, efg.peiljaar) for row in rows])
