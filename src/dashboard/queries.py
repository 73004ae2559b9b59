"""Read side of the dashboard: each function answers one question with a DataFrame.

Filtering and the cross-party aggregation happen in SQL, so only the rows a view needs leave
the database. How values combine follows the indicator's own rule:
- across parties: `som` and `laatste` (stocks) add up, `gemiddelde` averages; a stored total
  (partij empty) always wins over a computed one;
- over time (a year from its quarters or months): `som` adds up, `gemiddelde` averages,
  `laatste` takes the last period; a stored yearly value always wins.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd
from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from dashboard.models import Gebied, ImportBatch, Indicator, Observatie, Partij, Streefwaarde
from dashboard.periods import Periode

SOORTEN = ("jaar", "kwartaal")
_FINER = {"jaar": ("jaar", "kwartaal", "maand"), "kwartaal": ("kwartaal", "maand")}


@dataclass(frozen=True)
class View:
    """What the visitor asked to see; every field has been checked against the database."""

    gebied: str
    indicator: str
    partij: str | None = None
    soort: str = "jaar"
    van: int = 2016
    tot: int = 2025
    categorie: str | None = None


@dataclass(frozen=True)
class Options:
    """Everything the filters may offer, read once per request."""

    gebieden: pd.DataFrame  # code, naam, niveau, ouder
    partijen: pd.DataFrame  # naam, soort
    indicatoren: pd.DataFrame  # the catalogue
    jaren: list[int]
    categorieen: list[str] = field(default_factory=list)

    def default_view(self) -> View:
        gemeenten = self.gebieden[self.gebieden["niveau"] == "gemeente"]
        gebied = (gemeenten if not gemeenten.empty else self.gebieden)["code"].iloc[0]
        return View(gebied=gebied, indicator=self.indicatoren["sleutel"].iloc[0],
                    van=self.jaren[0], tot=self.jaren[-1])


def catalogue(session: Session) -> pd.DataFrame:
    columns = ["sleutel", "naam", "eenheid", "richting", "aggregatie", "categorie", "omschrijving",
               "bron", "min_waarde", "max_waarde"]
    rows = session.execute(select(*[getattr(Indicator, c) for c in columns]).order_by(
        Indicator.categorie, Indicator.naam)).all()
    return pd.DataFrame(rows, columns=columns)


def options(session: Session) -> Options | None:
    """Filter choices; None when there is nothing to show yet."""
    indicatoren = catalogue(session)
    ouder = Gebied.__table__.alias("ouder")
    gebieden = pd.DataFrame(session.execute(
        select(Gebied.code, Gebied.naam, Gebied.niveau, ouder.c.code)
        .outerjoin(ouder, Gebied.ouder_id == ouder.c.id)
        .order_by(case({"gemeente": 0, "wijk": 1}, value=Gebied.niveau, else_=2), Gebied.naam)
    ).all(), columns=["code", "naam", "niveau", "ouder"])
    partijen = pd.DataFrame(session.execute(
        select(Partij.naam, Partij.soort).order_by(Partij.soort, Partij.naam)).all(),
        columns=["naam", "soort"])
    jaren = session.execute(select(func.min(Observatie.jaar), func.max(Observatie.jaar))).one()
    if indicatoren.empty or gebieden.empty or jaren[0] is None:
        return None
    return Options(gebieden=gebieden, partijen=partijen, indicatoren=indicatoren,
                   jaren=list(range(jaren[0], jaren[1] + 1)),
                   categorieen=sorted(c for c in indicatoren["categorie"].unique() if c))


def _values(session: Session, model, keys: list[str], codes: list[str], partij: str | None,
            soort: str, van: int, tot: int, per_partij: bool = False) -> pd.DataFrame:
    """indicator x gebied x periode rows at the asked grain: for one party, all parties together,
    or (per_partij) one row per party with the party's name in `gebied`'s place beside it."""
    stored_total = func.max(case((model.partij_id.is_(None), model.waarde)))
    party_sum = func.sum(case((model.partij_id.is_not(None), model.waarde)))
    party_avg = func.avg(case((model.partij_id.is_not(None), model.waarde)))
    query = (
        select(Indicator.sleutel, Indicator.aggregatie, Gebied.code, model.periode, model.jaar,
               model.periode_soort, model.volgnummer, stored_total, party_sum, party_avg)
        .join(Indicator, model.indicator_id == Indicator.id)
        .join(Gebied, model.gebied_id == Gebied.id)
        .where(Indicator.sleutel.in_(keys), Gebied.code.in_(codes),
               model.periode_soort.in_(_FINER[soort]), model.jaar.between(van, tot))
        .group_by(Indicator.sleutel, Indicator.aggregatie, Gebied.code, model.periode, model.jaar,
                  model.periode_soort, model.volgnummer)
    )
    if partij or per_partij:
        query = query.join(Partij, model.partij_id == Partij.id)
    if partij:
        query = query.where(Partij.naam == partij)
    if per_partij:
        query = query.add_columns(Partij.naam).group_by(Partij.naam)
    frame = pd.DataFrame(session.execute(query).all(), columns=[
        "indicator", "aggregatie", "gebied", "periode", "jaar", "periode_soort", "volgnummer",
        "totaal", "som", "gemiddelde"] + (["partij"] if per_partij else []))
    if per_partij:  # the party takes the place of the area in the time rule's grouping
        frame["gebied"] = frame["partij"]
    across = frame["som"].where(frame["aggregatie"] != "gemiddelde", frame["gemiddelde"])
    frame["waarde"] = frame["totaal"].where(frame["totaal"].notna(), across)
    return _to_grain(frame.dropna(subset=["waarde"]), soort)


def _to_grain(frame: pd.DataFrame, soort: str) -> pd.DataFrame:
    """Keep rows stored at the grain; derive the missing ones from finer periods by the time rule."""
    columns = ["indicator", "gebied", "periode", "jaar", "volgnummer", "waarde"]
    stored = frame[frame["periode_soort"] == soort][columns]
    finer = frame[frame["periode_soort"] != soort].copy()
    if finer.empty:
        return stored.reset_index(drop=True)
    if soort == "jaar":
        finer["doel"] = finer["jaar"]
    else:  # months into quarters
        finer["doel"] = (finer["volgnummer"] - 1) // 3 + 1
    finer = finer.sort_values(["indicator", "gebied", "jaar", "volgnummer"])
    derived = finer.groupby(["indicator", "aggregatie", "gebied", "jaar", "doel"], as_index=False).agg(
        som=("waarde", "sum"), gemiddelde=("waarde", "mean"), laatste=("waarde", "last"))
    derived["waarde"] = [row[row_rule] for row, row_rule in
                         zip(derived.to_dict("records"), derived["aggregatie"])]
    derived["volgnummer"] = 0 if soort == "jaar" else derived["doel"]
    derived["periode"] = [Periode(j, soort, n).code for j, n in zip(derived["jaar"], derived["volgnummer"])]
    derived = derived[columns]
    have = set(zip(stored["indicator"], stored["gebied"], stored["periode"]))
    keep = [key not in have for key in zip(derived["indicator"], derived["gebied"], derived["periode"])]
    return pd.concat([stored, derived[keep]], ignore_index=True)


def series(session: Session, view: View, keys: list[str], codes: list[str]) -> pd.DataFrame:
    """Values and targets: indicator, gebied, periode, jaar, volgnummer, waarde, streefwaarde."""
    values = _values(session, Observatie, keys, codes, view.partij, view.soort, view.van, view.tot)
    targets = _values(session, Streefwaarde, keys, codes, view.partij, "jaar", view.van, view.tot + 5)
    targets = targets[["indicator", "gebied", "jaar", "waarde"]].rename(columns={"waarde": "streefwaarde"})
    merged = values.merge(targets, on=["indicator", "gebied", "jaar"], how="left")
    return merged.sort_values(["indicator", "gebied", "jaar", "volgnummer"]).reset_index(drop=True)


def tile_values(session: Session, view: View, indicatoren: pd.DataFrame) -> pd.DataFrame:
    """Per indicator of the view's group: latest value, the period before, target, and what is good.

    `beter` is True when the change is in the indicator's good direction, `op_koers` when the
    value meets its target; both None where the indicator is neutral or there is nothing to compare.
    """
    catalogue_rows = indicatoren if not view.categorie else indicatoren[indicatoren["categorie"] == view.categorie]
    data = series(session, view, catalogue_rows["sleutel"].tolist(), [view.gebied])
    tiles = []
    for row in catalogue_rows.to_dict("records"):
        own = data[data["indicator"] == row["sleutel"]]
        tile = {**row, "periode": None, "waarde": None, "vorige": None, "verschil": None,
                "streefwaarde": None, "tot_doel": None, "beter": None, "op_koers": None}
        if not own.empty:
            last = own.iloc[-1]
            periode = Periode(int(last["jaar"]), view.soort, int(last["volgnummer"]))
            before = own[own["periode"] == periode.previous().code]
            tile.update(periode=periode.label, waarde=float(last["waarde"]))
            if not before.empty:
                tile["vorige"] = float(before["waarde"].iloc[0])
                tile["verschil"] = tile["waarde"] - tile["vorige"]
            if pd.notna(last["streefwaarde"]):
                tile["streefwaarde"] = float(last["streefwaarde"])
                tile["tot_doel"] = tile["waarde"] - tile["streefwaarde"]
        tile["beter"] = _is_good(tile["verschil"], row["richting"])
        tile["op_koers"] = _is_good(tile["tot_doel"], row["richting"], meets=True)
        tiles.append(tile)
    return pd.DataFrame(tiles)


def _is_good(difference: float | None, richting: str, meets: bool = False) -> bool | None:
    if difference is None or richting == "neutraal":
        return None
    if difference == 0:
        return True if meets else None
    return (difference > 0) == (richting == "hoger")


def trend(session: Session, view: View) -> pd.DataFrame:
    """The chosen indicator over time for the chosen gebied: periode label, waarde, streefwaarde."""
    data = series(session, view, [view.indicator], [view.gebied])
    data["label"] = [Periode(int(j), view.soort, int(n)).label for j, n in zip(data["jaar"], data["volgnummer"])]
    return data[["periode", "label", "jaar", "waarde", "streefwaarde"]]


def compare_partijen(session: Session, view: View) -> pd.DataFrame:
    """The chosen indicator per party in the chosen gebied, each at its latest period."""
    data = _values(session, Observatie, [view.indicator], [view.gebied], None, view.soort,
                   view.van, view.tot, per_partij=True)
    if data.empty:
        return pd.DataFrame(columns=["partij", "periode", "waarde"])
    last = data.sort_values(["jaar", "volgnummer"]).groupby("gebied").tail(1)
    return (last.rename(columns={"gebied": "partij"})[["partij", "periode", "waarde"]]
            .sort_values("waarde", ascending=False).reset_index(drop=True))


def wijken_of(gebieden: pd.DataFrame, code: str) -> pd.DataFrame:
    """The wijken shown beside a gebied: a gemeente's own wijken, or a wijk's siblings."""
    row = gebieden[gebieden["code"] == code]
    gemeente = code if row.empty or row["niveau"].iloc[0] == "gemeente" else row["ouder"].iloc[0]
    return gebieden[(gebieden["ouder"] == gemeente) & (gebieden["niveau"] == "wijk")]


def compare_wijken(session: Session, view: View, gebieden: pd.DataFrame) -> pd.DataFrame:
    """The chosen indicator per wijk, each at its latest period: gebied, naam, periode, waarde."""
    wijken = wijken_of(gebieden, view.gebied)
    data = series(session, view, [view.indicator], wijken["code"].tolist())
    if data.empty:
        return pd.DataFrame(columns=["gebied", "naam", "periode", "waarde", "streefwaarde"])
    latest_period = data.sort_values(["jaar", "volgnummer"])["periode"].iloc[-1]
    data = data[data["periode"] == latest_period]
    named = data.merge(wijken[["code", "naam"]], left_on="gebied", right_on="code")
    return named[["gebied", "naam", "periode", "waarde", "streefwaarde"]].sort_values("waarde", ascending=False)


def geometries(session: Session, codes: list[str]) -> pd.DataFrame:
    """code, naam, lat, lon, geometrie (GeoJSON text) for the map."""
    rows = session.execute(select(Gebied.code, Gebied.naam, Gebied.lat, Gebied.lon, Gebied.geometrie)
                           .where(Gebied.code.in_(codes))).all()
    return pd.DataFrame(rows, columns=["code", "naam", "lat", "lon", "geometrie"])


def table(session: Session, view: View, indicatoren: pd.DataFrame) -> pd.DataFrame:
    """What the page shows as a table for download: the group's indicators over the chosen years."""
    chosen = indicatoren if not view.categorie else indicatoren[indicatoren["categorie"] == view.categorie]
    data = series(session, view, chosen["sleutel"].tolist(), [view.gebied])
    named = data.merge(chosen[["sleutel", "naam", "eenheid"]], left_on="indicator", right_on="sleutel")
    named["partij"] = view.partij or ""
    return named[["indicator", "naam", "gebied", "partij", "periode", "waarde", "streefwaarde", "eenheid"]]


def last_update(session: Session):
    """When data last came in (the newest import batch), or None."""
    return session.scalar(select(func.max(ImportBatch.tijdstip)))


def demo_loaded(session: Session) -> bool:
    """True when the demo data set is in the database (the UI then says the figures are fictional)."""
    return session.scalar(select(ImportBatch.id).where(ImportBatch.gebruiker == "demo").limit(1)) is not None


def long_format(session: Session, indicatoren: list[str] | None = None, gebieden: list[str] | None = None,
                van: int | None = None, tot: int | None = None) -> pd.DataFrame:
    """Observaties in the canonical long format (indicator;gebied;partij;periode;waarde), the
    shape `export` writes and the importer reads back as unchanged."""
    query = (select(Indicator.sleutel, Gebied.code, Partij.naam, Observatie.periode, Observatie.waarde)
             .join(Indicator, Indicator.id == Observatie.indicator_id)
             .join(Gebied, Gebied.id == Observatie.gebied_id)
             .outerjoin(Partij, Partij.id == Observatie.partij_id)
             .order_by(Indicator.sleutel, Gebied.code, Partij.naam, Observatie.jaar,
                       Observatie.periode_soort, Observatie.volgnummer))
    if indicatoren:
        query = query.where(Indicator.sleutel.in_([k.lower() for k in indicatoren]))
    if gebieden:
        query = query.where(Gebied.code.in_([c.strip().upper() for c in gebieden]))
    if van is not None:
        query = query.where(Observatie.jaar >= van)
    if tot is not None:
        query = query.where(Observatie.jaar <= tot)
    frame = pd.DataFrame(session.execute(query).all(), columns=["indicator", "gebied", "partij", "periode", "waarde"])
    frame["partij"] = frame["partij"].fillna("")
    return frame


def catalogue_keys(session: Session) -> list[str]:
    """Every indicator key, sorted: the choices of a column mapping."""
    return list(session.scalars(select(Indicator.sleutel).order_by(Indicator.sleutel)))
