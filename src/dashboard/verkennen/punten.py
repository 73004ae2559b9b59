"""The explorer's question: two indicators side by side, one point per gebied, for one year.

Each indicator is combined by its own rule (queries.series: across parties and from quarters to a
year, as on the dashboard). A gebied without a figure for one of the chosen indicators is left out
of the points and counted, so the page can say "12 wijken zonder cijfer voor Leegstand"; so is one
whose year is not complete yet (one of three corporations delivered): a point is never a part.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from dashboard import formatting, queries
from dashboard.models import Gebied, Indicator
from dashboard.toegang import scope as scopes
from dashboard.verkennen.grootte import WONINGEN, gelijken, klasse
from dashboard.verkennen.keuze import GEMEENTEN, WIJKEN, Keuze
from dashboard.verkennen.lijn import Lijn, trendlijn

KOLOMMEN = ["code", "naam", "gemeente", "x", "y", "grootte", "woningen", "klasse", "lat", "lon",
            "x_tekst", "y_tekst", "grootte_tekst", "voorlopig"]


@dataclass(frozen=True)
class Verkenning:
    """The points (KOLOMMEN, sorted by y, highest first), what was left out, and the trend line.

    The *_tekst columns hold the figures written the Dutch way, once per data version (the read
    is cached): the hover, the map's tooltip and the ranking show them without formatting
    thousands of numbers on every run. A figure CBS may still revise says "(voorlopig)" there, as
    the dashboard's tile does; `voorlopig` is "ja" when any of a point's figures is.
    """

    keuze: Keuze
    niveau: str  # "gemeente" or "wijk": what one point is
    punten: pd.DataFrame
    totaal: int  # gebieden in the choice, with or without figures
    ontbrekend: dict[str, int] = field(default_factory=dict)  # indicator key -> gebieden without its figure
    lijn: Lijn | None = None
    onvolledig: dict[str, int] = field(default_factory=dict)  # indicator key -> gebieden whose year is partial
    voorlopig: dict[str, int] = field(default_factory=dict)  # indicator key -> points whose figure is voorlopig


def _gebieden(session: Session, keuze: Keuze) -> pd.DataFrame:
    """code, naam, gemeente (the parent's name), lat, lon of the gebieden that become points."""
    ouder = aliased(Gebied)
    query = (select(Gebied.code, Gebied.naam, ouder.naam, Gebied.lat, Gebied.lon)
             .outerjoin(ouder, Gebied.ouder_id == ouder.id).order_by(Gebied.code))
    if keuze.binnen == GEMEENTEN:
        query = query.where(Gebied.niveau == "gemeente")
    elif keuze.binnen == WIJKEN:
        query = query.where(Gebied.niveau == "wijk")
    else:
        query = query.where(Gebied.niveau == "wijk", ouder.code == keuze.binnen)
    frame = pd.DataFrame(session.execute(query).all(), columns=["code", "naam", "gemeente", "lat", "lon"])
    if keuze.scope:  # a share link limited to a gebied: only the gebieden within it (toegang/scope.py)
        limit = scopes.read(session, keuze.scope)
        frame = frame[[limit.shows(code) for code in frame["code"].tolist()]]
    return frame.reset_index(drop=True)


def verken(session: Session, keuze: Keuze) -> Verkenning:
    """Every gebied of the choice with its x, y (and size) figure for the year."""
    niveau = "gemeente" if keuze.binnen == GEMEENTEN else "wijk"
    gebieden = _gebieden(session, keuze)
    gekozen = list(dict.fromkeys(k for k in (keuze.x, keuze.y, keuze.grootte) if k))
    sleutels = list(dict.fromkeys([*gekozen, WONINGEN]))
    if gebieden.empty:
        return Verkenning(keuze, niveau, pd.DataFrame(columns=KOLOMMEN), 0)
    view = queries.View(gebied=gebieden["code"].iloc[0], indicator=keuze.x, soort="jaar",
                        van=keuze.jaar, tot=keuze.jaar)
    waarden = queries.series(session, view, sleutels, gebieden["code"].tolist())
    deels = waarden["deels"].notna()
    onvolledig = waarden[deels & waarden["indicator"].isin(gekozen)].groupby("indicator")["gebied"].nunique()
    waarden = waarden[~deels]
    breed = (waarden.pivot_table(index="gebied", columns="indicator", values="waarde", aggfunc="last")
             .reindex(index=gebieden["code"], columns=sleutels))
    frame = gebieden.assign(
        x=breed[keuze.x].to_numpy(), y=breed[keuze.y].to_numpy(),
        grootte=breed[keuze.grootte].to_numpy() if keuze.grootte else float("nan"),
        woningen=breed[WONINGEN].to_numpy())
    ontbrekend = {key: int(breed[key].isna().sum()) - int(onvolledig.get(key, 0)) for key in gekozen}
    compleet = frame.dropna(subset=["x", "y", "grootte"] if keuze.grootte else ["x", "y"])
    eenheden = dict(session.execute(select(Indicator.sleutel, Indicator.eenheid)
                                    .where(Indicator.sleutel.in_(gekozen))).all())
    marked = {key: set(waarden.loc[waarden["voorlopig"] & (waarden["indicator"] == key), "gebied"]) for key in gekozen}
    assen = [(as_, key) for as_, key in (("x", keuze.x), ("y", keuze.y), ("grootte", keuze.grootte)) if key]
    codes = compleet["code"].tolist()
    teksten = {"grootte_tekst": ""} | {
        f"{as_}_tekst": [formatting.value(v, eenheden.get(key, "")) + (" (voorlopig)" if c in marked[key] else "")
                         for v, c in zip(compleet[as_], codes)] for as_, key in assen}
    compleet = compleet.assign(
        klasse=[klasse(w, niveau) for w in compleet["woningen"]],
        voorlopig=["ja" if any(c in marked[key] for _, key in assen) else "" for c in codes], **teksten)
    compleet = compleet.sort_values(["y", "naam"], ascending=[False, True])[KOLOMMEN].reset_index(drop=True)
    voorlopig = {key: len(marked[key] & set(codes)) for key in gekozen}
    return Verkenning(keuze, niveau, compleet, len(gebieden), {k: n for k, n in ontbrekend.items() if n},
                      trendlijn(compleet["x"], compleet["y"]), {k: int(n) for k, n in onvolledig.items() if n},
                      {k: n for k, n in voorlopig.items() if n})


def ranglijst(verkenning: Verkenning, gekozen: list[str] | None = None) -> pd.DataFrame:
    """The ranking table: rank on y (1 = highest) and on x, then only the chosen gebieden if any."""
    punten = verkenning.punten
    tabel = punten.assign(rang_y=punten["y"].rank(ascending=False, method="min").astype(int),
                          rang_x=punten["x"].rank(ascending=False, method="min").astype(int))
    if gekozen:
        tabel = tabel[tabel["code"].isin(gekozen)]
    return tabel.reset_index(drop=True)


@dataclass(frozen=True)
class Vergelijking:
    """One gebied beside the others of its size class (woningvoorraad): ranks and middle values."""

    code: str
    naam: str
    klasse: str
    groep: pd.DataFrame  # the class, the chosen gebied first, with rang_x and rang_y within it
    mediaan_x: float
    mediaan_y: float

    @property
    def eigen(self) -> dict:
        return self.groep.iloc[0].to_dict()


def vergelijking(verkenning: Verkenning, code: str) -> Vergelijking | None:
    """None when the gebied is not among the points or its size is unknown."""
    groep = gelijken(verkenning.punten, code)
    if groep.empty:
        return None
    groep = groep.assign(rang_y=groep["y"].rank(ascending=False, method="min").astype(int),
                         rang_x=groep["x"].rank(ascending=False, method="min").astype(int))
    groep = pd.concat([groep[groep["code"] == code], groep[groep["code"] != code]]).reset_index(drop=True)
    return Vergelijking(code=code, naam=groep["naam"].iloc[0], klasse=groep["klasse"].iloc[0], groep=groep,
                        mediaan_x=float(groep["x"].median()), mediaan_y=float(groep["y"].median()))


def _koppen(verkenning: Verkenning, namen: dict[str, str]) -> dict[str, str]:
    """Column headers in words; the same indicator chosen twice gets its axis beside its name."""
    keuze = verkenning.keuze
    x, y = namen.get(keuze.x, keuze.x), namen.get(keuze.y, keuze.y)
    if x == y:
        x, y = f"{x} (horizontaal)", f"{y} (verticaal)"
    koppen = {"rang_y": "Rang", "naam": "Naam", "gemeente": "Gemeente", "x": x, "y": y, "klasse": "Grootte",
              "code": "Code"}
    if keuze.grootte:
        koppen["grootte"] = namen.get(keuze.grootte, keuze.grootte) + " (grootte)"
    if verkenning.niveau == "gemeente":
        koppen.pop("gemeente")
    return koppen


def tabel(verkenning: Verkenning, namen: dict[str, str], gekozen: list[str] | None = None,
          tekst: bool = False) -> pd.DataFrame:
    """The ranking as a person reads it: rank on the second figure, names, figures (numbers for a
    download; with `tekst`, written the Dutch way for the screen)."""
    koppen = _koppen(verkenning, namen)
    if verkenning.voorlopig and not tekst:  # on screen the figures say it themselves
        koppen["voorlopig"] = "Voorlopig"
    volgorde = [k for k in ("rang_y", "naam", "gemeente", "x", "y", "grootte", "klasse", "code", "voorlopig")
                if k in koppen]
    rijen = ranglijst(verkenning, gekozen)
    if tekst:
        rijen = rijen.assign(**{k: rijen[f"{k}_tekst"] for k in ("x", "y", "grootte")})
    return rijen[volgorde].rename(columns=koppen)
