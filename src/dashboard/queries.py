"""Read side of the dashboard: each function answers one question with a DataFrame.

Filtering and the cross-party aggregation happen in SQL, so only the rows a view needs leave
the database. How values combine follows the indicator's own rule:
- across parties: `som` and `laatste` (stocks) add up, `gemiddelde` averages; a stored total
  (partij empty) always wins over a computed one;
- over time (a year from its quarters or months): `som` adds up, `gemiddelde` averages,
  `laatste` takes the last period; a stored yearly value always wins.
A value made of parts (parties, lower gebieden, quarters) carries `deels` when some part that was
there the period before is missing (dekking.py); tiles and headlines then use the last complete period.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import NamedTuple

import pandas as pd
from sqlalchemy import String, case, cast, func, select
from sqlalchemy.orm import Session

from dashboard import dekking, hierarchy
from dashboard.models import Gebied, ImportBatch, Indicator, Observatie, Partij, Streefwaarde
from dashboard.opendata import herkomst
from dashboard.periods import Periode
from dashboard.toegang import scope as scopes

SOORTEN = ("jaar", "kwartaal")
_FINER = {"jaar": ("jaar", "kwartaal", "maand"), "kwartaal": ("kwartaal", "maand")}


def _frame(rows, columns: list[str]) -> pd.DataFrame:
    """Result rows as a DataFrame, through plain tuples: pandas inspects SQLAlchemy's Row objects
    one by one (17,770 gebieden: 0.7 s instead of 0.2 s)."""
    return pd.DataFrame([tuple(row) for row in rows], columns=columns)


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
    standaard: View | None = None  # a first view with figures in the latest year (useful_view)

    # Lookups the filters use on every run, made once per Options (a national set has 17,770
    # gebieden: a pandas lookup per option of a select box costs more than the whole page).
    @cached_property
    def namen(self) -> dict[str, str]:
        """code -> naam of every gebied offered."""
        return dict(zip(self.gebieden["code"].tolist(), self.gebieden["naam"].tolist()))

    @cached_property
    def niveaus(self) -> dict[str, str]:
        return dict(zip(self.gebieden["code"].tolist(), self.gebieden["niveau"].tolist()))

    @cached_property
    def ouders(self) -> dict[str, str | None]:
        return dict(zip(self.gebieden["code"].tolist(), self.gebieden["ouder"].tolist()))

    @cached_property
    def wijken(self) -> dict[str, list[str]]:
        """gemeente code -> its wijken, in the options' order (by name)."""
        found: dict[str, list[str]] = {}
        for code, niveau in self.niveaus.items():
            if niveau == "wijk":
                found.setdefault(self.ouders[code], []).append(code)
        return found

    @cached_property
    def per_sleutel(self) -> pd.DataFrame:
        """The catalogue by key: `.loc[sleutel]` is one indicator's row (read it, never assign)."""
        return self.indicatoren.set_index("sleutel")

    @cached_property
    def boven_wijk(self) -> list[str]:
        """Codes of the land, provincies and gemeenten, in the options' order: the gebieden a
        filter lists (a national set has 14,000 buurten, too many for a list)."""
        return [code for code, niveau in self.niveaus.items() if niveau in hierarchy.LEVELS[:3]]

    @cached_property
    def per_groep(self) -> dict[str | None, dict[str, str]]:
        """Indicator group (None: all of them) -> key -> name of its indicators, in the catalogue's order."""
        groups: dict[str | None, dict[str, str]] = {None: {}}
        for key, name, group in zip(self.indicatoren["sleutel"].tolist(), self.indicatoren["naam"].tolist(),
                                    self.indicatoren["categorie"].tolist()):
            groups[None][key] = name
            groups.setdefault(group, {})[key] = name
        return groups

    @cached_property
    def enig_kind(self) -> dict[str, str]:
        """land or provincie code -> the one gebied it holds, for those that hold just one."""
        kinderen: dict[str, list[str]] = {}
        for code, ouder in self.ouders.items():
            if self.niveaus.get(ouder) in hierarchy.LEVELS[:2]:
                kinderen.setdefault(ouder, []).append(code)
        return {ouder: codes[0] for ouder, codes in kinderen.items() if len(codes) == 1}

    def omlaag(self, gebied: str) -> str:
        """Below a land or provincie that holds just one gebied, that one, as far down as it goes: a
        gemeente's own monitor opens on the gemeente, not on the provincie and land its import added
        above it (their figures are the gemeente's); a national set still opens on Nederland."""
        while gebied in self.enig_kind:
            gebied = self.enig_kind[gebied]
        return gebied

    def default_view(self) -> View:
        if self.standaard is not None and self.standaard.gebied in self.namen:
            return replace(self.standaard, gebied=self.omlaag(self.standaard.gebied))
        first = self.indicatoren.iloc[0]
        return View(gebied=self.omlaag(self.gebieden["code"].iloc[0]), indicator=first["sleutel"], van=self.jaren[0],
                    tot=self.jaren[-1], categorie=first["categorie"] or None)


def catalogue(session: Session) -> pd.DataFrame:
    columns = ["sleutel", "naam", "eenheid", "richting", "aggregatie", "categorie", "omschrijving",
               "bron", "min_waarde", "max_waarde"]
    return _frame(session.execute(select(*[getattr(Indicator, c) for c in columns]).order_by(
        Indicator.categorie, Indicator.naam)), columns)


def options(session: Session) -> Options | None:
    """Filter choices; None when there is nothing to show yet."""
    indicatoren = catalogue(session)
    ouder = Gebied.__table__.alias("ouder")
    gebieden = _frame(session.execute(
        select(Gebied.code, Gebied.naam, Gebied.niveau, ouder.c.code)
        .outerjoin(ouder, Gebied.ouder_id == ouder.c.id)
        .order_by(case({niveau: i for i, niveau in enumerate(hierarchy.LEVELS)}, value=Gebied.niveau), Gebied.naam)
    ), ["code", "naam", "niveau", "ouder"])
    partijen = _frame(session.execute(select(Partij.naam, Partij.soort).order_by(Partij.soort, Partij.naam)),
                      ["naam", "soort"])
    # The committed imports of observaties know their years: no observation is read for them.
    jaren = session.execute(select(func.min(ImportBatch.jaar_van), func.max(ImportBatch.jaar_tot)).where(
        ImportBatch.soort == "observaties", ImportBatch.status == "committed")).one()
    if indicatoren.empty or gebieden.empty or jaren[0] is None:
        return None
    categorieen = sorted(c for c in indicatoren["categorie"].unique() if c)
    return Options(gebieden=gebieden, partijen=partijen, indicatoren=indicatoren,
                   jaren=list(range(jaren[0], jaren[1] + 1)), categorieen=categorieen,
                   standaard=useful_view(session, gebieden, indicatoren, categorieen, jaren[0], jaren[1]))


def useful_view(session: Session, gebieden: pd.DataFrame, indicatoren: pd.DataFrame, categorieen: list[str],
                van: int, tot: int) -> View | None:
    """The first view a visitor gets: the highest gebied with figures (of its own, or below it) in the
    latest year, and the first indicator group that has some there, so nobody opens on empty tiles.

    Asked as "is there one?" (EXISTS ... LIMIT 1) on the key index, never by listing what is there,
    so a national set answers at once."""
    ids = dict(session.execute(select(Gebied.code, Gebied.id)).all())
    key_ids = dict(session.execute(select(Indicator.sleutel, Indicator.id)).all())

    def has_figures(keys, inside: set[str] | None) -> bool:
        query = select(Observatie.id).where(Observatie.jaar == tot, Observatie.indicator_id.in_(
            [key_ids[key] for key in keys]))
        if inside is not None:
            query = query.where(Observatie.gebied_id.in_([ids[code] for code in inside]))
        return session.scalar(query.limit(1)) is not None

    everything = len(gebieden)
    for gebied in gebieden["code"].tolist()[:50]:  # highest levels first (options' order)
        inside = within(gebieden, gebied)
        inside = None if len(inside) == everything else inside
        if not has_figures(list(key_ids), inside):
            continue
        for categorie in categorieen or [None]:
            group = indicatoren if categorie is None else indicatoren[indicatoren["categorie"] == categorie]
            keys = [key for key in group["sleutel"].tolist() if has_figures([key], inside)]
            if keys:
                return View(gebied=gebied, indicator=keys[0], van=van, tot=tot, categorie=categorie)
    return None


def within(gebieden: pd.DataFrame, code: str) -> set[str]:
    """`code` and every gebied inside it (its wijken, their buurten ...), from the options' parent column."""
    children: dict[str, list[str]] = {}
    for child, ouder in zip(gebieden["code"].tolist(), gebieden["ouder"].tolist()):
        children.setdefault(ouder, []).append(child)
    found, todo = {code}, [code]
    while todo:
        below = children.get(todo.pop(), [])
        found.update(below)
        todo += below
    return found


class Row(NamedTuple):
    indicator: str
    gebied: str  # or the party's name, for per-party comparisons
    periode: str
    jaar: int
    volgnummer: int
    waarde: float
    berekend: str | None = None  # how a figure not stored for this gebied was made (hierarchy.py)
    deels: str | None = None  # "1 van 3 corporaties geleverd": a partial period (dekking.py), else None
    voorlopig: bool = False  # CBS's star ("2023*"), or made from such a value: a figure CBS may still revise


def _values(session: Session, model, keys: list[str], codes: list[str], partij: str | None,
            soort: str, van: int, tot: int, per_partij: bool = False) -> list[Row]:
    """indicator x gebied x periode values at the asked grain: for one party, all parties
    together, or (per_partij) one row per party with the party's name in `gebied`'s place.

    Small results, so plain tuples: pandas costs more than it saves on a few hundred rows. The
    year before `van` is read too, and left out after: a value is judged against the period before
    it (dekking.py), also when it is the first one asked for (Verkennen reads a single year).
    """
    stored_total = func.max(case((model.partij_id.is_(None), model.waarde)))
    party_sum = func.sum(case((model.partij_id.is_not(None), model.waarde)))
    party_avg = func.avg(case((model.partij_id.is_not(None), model.waarde)))
    across = case((Indicator.aggregatie == "gemiddelde", party_avg), else_=party_sum)
    owner = Partij.naam if per_partij else Gebied.code
    totals = func.count(case((model.partij_id.is_(None), 1)))
    parties = func.aggregate_strings(cast(model.partij_id, String), ",")  # the ids of the parties added up
    query = (
        select(Indicator.sleutel, Indicator.aggregatie, owner, model.periode, model.jaar,
               model.periode_soort, model.volgnummer, func.coalesce(stored_total, across), totals, parties,
               hierarchy.voorlopig(model))
        .join(Indicator, model.indicator_id == Indicator.id)
        .join(Gebied, model.gebied_id == Gebied.id)
        .where(Indicator.sleutel.in_(keys), Gebied.code.in_(codes),
               model.periode_soort.in_(_FINER[soort]), model.jaar.between(van - 1, tot))
        .group_by(Indicator.sleutel, Indicator.aggregatie, owner, model.periode, model.jaar,
                  model.periode_soort, model.volgnummer)
        .order_by(Indicator.sleutel, owner, model.jaar, model.volgnummer)
    )
    if partij or per_partij:
        query = query.join(Partij, model.partij_id == Partij.id)
    if partij:
        query = query.where(Partij.naam == partij)
    found = [row for row in session.execute(query) if row[7] is not None]
    across_parties = not (partij or per_partij)  # one party's own value is whole by itself
    kinds = dict(session.execute(select(Partij.id, Partij.soort)).all()) \
        if across_parties and any(row[9] for row in found) else {}
    rows = [(*row[:8], None, _parties(row[8], row[9], kinds) if across_parties else None, bool(row[10]))
            for row in found]
    if not per_partij:  # from below only what has nothing stored in the years asked
        rows += _from_below(session, model, keys, codes, partij, soort, van, tot,
                            [row for row in rows if row[4] >= van])
    return [row for row in _to_grain(_mark_partial(rows), soort) if row.jaar >= van]


def _parties(totals: int, ids: str | None, kinds: dict[int, str]) -> dekking.Geleverd | None:
    """Which parties delivered for a total across parties; a stored total is whole by itself (and
    its parties, when they delivered too, are the yardstick for the period after)."""
    if not ids:
        return dekking.Geleverd(totaal=True) if totals else None
    members = frozenset(int(i) for i in ids.split(","))
    return dekking.Geleverd(partijen=members, wie=dekking.partij_woord([kinds.get(i, "") for i in members]),
                            totaal=bool(totals))


def _mark_partial(rows: list[tuple]) -> list[tuple]:
    """Each value made of parts against the period before it (same indicator, owner and grain):
    the last element becomes dekking's note when a part that delivered then is missing now."""
    previous: dict[tuple, dekking.Geleverd | None] = {}
    marked = []
    for row in sorted(rows, key=lambda row: (row[0], row[2], row[5], row[4], row[6])):
        key = (row[0], row[2], row[5])
        deels = dekking.tekort(previous.get(key), row[9])
        marked.append((*row[:9], deels, row[10]))
        if row[9] is None or (row[9].partijen is None and row[9].gebieden is None):
            previous.pop(key, None)  # nothing to measure the next period by
        elif deels is None:  # a partial period is not the yardstick for the next one
            previous[key] = row[9]
    return marked


def _from_below(session: Session, model, keys: list[str], codes: list[str], partij: str | None, soort: str,
                van: int, tot: int, stored: list[tuple]) -> list[tuple]:
    """For each indicator x gebied with nothing stored in the years asked: the figures computed from
    the nearest level below that has them (hierarchy.py), the year before `van` included for the
    coverage judgement. Targets are never made up this way."""
    if model is not Observatie:
        return []
    missing = {(key, code) for key in keys for code in codes} - {(row[0], row[2]) for row in stored}
    found: list[tuple] = []
    for depth in range(1, hierarchy.MAX_DEPTH + 1):
        # the view's own grain first; finer periods (a year from quarters) only where that has nothing,
        # so every figure is added up from children at one grain
        for soorten in ((soort,), _FINER[soort][1:]):
            if not missing:
                return found
            wanted_keys, wanted_codes = sorted({k for k, _ in missing}), sorted({c for _, c in missing})
            rows = [(*row[:9], dekking.Geleverd(gebieden=row[9], wie=dekking.gebied_woord(row[10])), row[11])
                    for row in hierarchy.aggregate(session, model, wanted_keys, wanted_codes, partij, soorten,
                                                   van - 1, tot, depth) if (row[0], row[2]) in missing]
            found += rows
            missing -= {(row[0], row[2]) for row in rows if row[4] >= van}
    return found


_TIME_RULES = {
    "som": sum,
    "gemiddelde": lambda values: sum(values) / len(values),
    "laatste": lambda values: values[-1],
}


# How many finer periods make one period of a grain, per kind of finer period.
_PARTS = {("jaar", "kwartaal"): 4, ("jaar", "maand"): 12, ("kwartaal", "maand"): 3}


def _to_grain(rows, soort: str) -> list[Row]:
    """Keep values stored at the grain; derive missing ones from finer periods by the time rule. A
    period made from fewer finer ones than it has (a year of one quarter so far) is partial; one
    made from a voorlopig part is voorlopig."""
    stored: dict[tuple, Row] = {}
    finer: dict[tuple, list[float]] = {}
    notes: dict[tuple, str | None] = {}
    partial: dict[tuple, str | None] = {}
    marked: dict[tuple, bool] = {}
    for indicator, aggregatie, owner, periode, jaar, periode_soort, volgnummer, waarde, berekend, deels, voorlopig \
            in sorted(rows, key=lambda row: (row[0], row[2], row[4], row[6])):
        if periode_soort == soort:
            stored[(indicator, owner, periode)] = Row(indicator, owner, periode, jaar, volgnummer, waarde, berekend,
                                                      deels, voorlopig)
        else:  # sorted in time order, so the last one appended is the latest
            nummer = 0 if soort == "jaar" else (volgnummer - 1) // 3 + 1
            key = (indicator, aggregatie, owner, jaar, nummer, periode_soort)
            finer.setdefault(key, []).append(waarde)
            notes.setdefault(key, berekend)
            partial[key] = partial.get(key) or deels  # a part that is partial itself makes the whole partial
            marked[key] = marked.get(key, False) or voorlopig
    for key, values in sorted(finer.items(), key=lambda item: item[0][5]):  # quarters before months
        indicator, aggregatie, owner, jaar, nummer, periode_soort = key
        code = Periode(jaar, soort, nummer).code
        if (indicator, owner, code) not in stored:
            deels = dekking.delen_tekort(periode_soort, len(values), _PARTS[(soort, periode_soort)]) or partial[key]
            stored[(indicator, owner, code)] = Row(indicator, owner, code, jaar, nummer, _TIME_RULES[aggregatie](values),
                                                   notes[key], deels, marked[key])
    return sorted(stored.values(), key=lambda row: (row.indicator, row.gebied, row.jaar, row.volgnummer))


def _series(session: Session, view: View, keys: list[str], codes: list[str]) -> list[tuple[Row, float | None]]:
    """Each value with the target for its year (targets are set per year)."""
    values = _values(session, Observatie, keys, codes, view.partij, view.soort, view.van, view.tot)
    targets = {(t.indicator, t.gebied, t.jaar): t.waarde for t in
               _values(session, Streefwaarde, keys, codes, view.partij, "jaar", view.van, view.tot)}
    return [(row, targets.get((row.indicator, row.gebied, row.jaar))) for row in values]


SERIES_COLUMNS = ["indicator", "gebied", "periode", "jaar", "volgnummer", "waarde", "berekend", "deels", "voorlopig",
                  "streefwaarde"]


def series(session: Session, view: View, keys: list[str], codes: list[str]) -> pd.DataFrame:
    """Values and targets: indicator, gebied, periode, jaar, volgnummer, waarde, berekend, deels, voorlopig,
    streefwaarde."""
    rows = [(*row, target) for row, target in _series(session, view, keys, codes)]
    frame = pd.DataFrame(rows, columns=SERIES_COLUMNS)
    frame["streefwaarde"] = frame["streefwaarde"].astype(float)
    return frame


def _group(session: Session, view: View) -> pd.DataFrame:
    """The catalogue rows of the view's indicator group (all of them without a group)."""
    indicatoren = catalogue(session)
    return indicatoren if not view.categorie else indicatoren[indicatoren["categorie"] == view.categorie]


@dataclass(frozen=True)
class Figures:
    """What the dashboard shows of one gebied and indicator group, read in one go."""

    tiles: pd.DataFrame  # per indicator: latest value, the one before, target, direction (see tiles_of)
    table: pd.DataFrame  # indicator, naam, gebied, partij, periode, waarde, streefwaarde, eenheid
    series: dict[str, list[tuple[Row, float | None]]]  # per indicator: its values with their targets
    soort: str = "jaar"
    _trends: dict[str, pd.DataFrame] = field(default_factory=dict, init=False, repr=False, compare=False)

    def trend(self, key: str) -> pd.DataFrame:
        """One indicator over time: periode, label, jaar, waarde, streefwaarde. Made when first asked
        (a page shows one of the group's trends, and a DataFrame per indicator cost every new view),
        then kept with these figures, which a held read shares: derive from it, never assign into it."""
        made = self._trends.get(key)
        if made is None:
            made = self._trends[key] = _trend(self.series.get(key, []), self.soort)
        return made


def group_figures(session: Session, view: View, scope: str | None = None) -> Figures:
    """Tiles, table and the trend of every indicator of the view's group, from one read of the
    values (the chosen chart indicator does not matter, so picking another one reads nothing).
    `scope`: a share link's gebied, for the empty tiles' "figures elsewhere" (see where_figures)."""
    chosen = _group(session, view)
    series = _series(session, view, chosen["sleutel"].tolist(), [view.gebied])
    tiles = _tiles(chosen, series, view)
    empty = tiles[tiles["waarde"].isna()]
    tiles.loc[empty.index, "elders"] = where_figures(session, empty["sleutel"].tolist(), view, scope)
    per_indicator: dict[str, list[tuple[Row, float | None]]] = {key: [] for key in chosen["sleutel"]}
    for row, target in series:
        per_indicator[row.indicator].append((row, target))
    bron = _opgehaald(session, view, chosen["sleutel"].tolist())
    tiles["herkomst"] = [bron.get((key, headline(per_indicator[key])[0].periode)) if per_indicator[key] else None
                         for key in tiles["sleutel"]]
    meta = chosen.set_index("sleutel")[["naam", "eenheid"]].to_dict("index")
    table = pd.DataFrame([(row.indicator, meta[row.indicator]["naam"], row.gebied, view.partij or "", row.periode,
                           row.waarde, target, meta[row.indicator]["eenheid"], row.deels or "",
                           bron.get((row.indicator, row.periode), ""), "ja" if row.voorlopig else "")
                          for row, target in series],
                         columns=["indicator", "naam", "gebied", "partij", "periode", "waarde", "streefwaarde",
                                  "eenheid", "dekking", "bron", "voorlopig"]).astype({"streefwaarde": float})
    return Figures(tiles=tiles, table=table, series=per_indicator, soort=view.soort)


def _opgehaald(session: Session, view: View, keys: list[str]) -> dict[tuple[str, str], str]:
    """(indicator, periode) -> the open-data batch that wrote the view's gebied's value ("CBS
    82900NED, opgehaald 5-12-2026 (CC BY 4.0)"); open data are totals, so none for one party."""
    if view.partij or not keys:
        return {}
    return {(key, periode): naam for key, periode, naam in session.execute(
        select(Indicator.sleutel, Observatie.periode, ImportBatch.bestandsnaam)
        .join(Indicator, Observatie.indicator_id == Indicator.id).join(Gebied, Observatie.gebied_id == Gebied.id)
        .join(ImportBatch, Observatie.batch_id == ImportBatch.id)
        .where(Gebied.code == view.gebied, Indicator.sleutel.in_(keys), Observatie.partij_id.is_(None),
               ImportBatch.bestandsnaam.like(herkomst.PATROON)))}


def tile_values(session: Session, view: View) -> pd.DataFrame:
    """Per indicator of the view's group: latest value, the period before, target, and what is good."""
    return group_figures(session, view).tiles


def _tiles(chosen: pd.DataFrame, series: list[tuple[Row, float | None]], view: View) -> pd.DataFrame:
    """`beter` is True when the change is in the indicator's good direction, `op_koers` when the
    value meets its target; both None where the indicator is neutral or there is nothing to compare.
    The headline is the last complete period; a newer partial one is named in `deels`
    ("2026: 1 van 3 corporaties geleverd") and never shown as the figure."""
    per_indicator: dict[str, list[tuple[Row, float | None]]] = {}
    for row, target in series:
        per_indicator.setdefault(row.indicator, []).append((row, target))
    tiles = []
    for meta in chosen.to_dict("records"):
        tile = {**meta, "periode": None, "waarde": None, "vorige": None, "verschil": None,
                "streefwaarde": None, "tot_doel": None, "berekend": None, "elders": None, "deels": None,
                "voorlopig": False}
        own = per_indicator.get(meta["sleutel"])
        if own:
            last, target = headline(own)
            newest = own[-1][0]
            if newest.deels and newest is not last:
                tile["deels"] = f"{Periode(newest.jaar, view.soort, newest.volgnummer).label}: {newest.deels}"
            periode = Periode(last.jaar, view.soort, last.volgnummer)
            before = {row.periode: row.waarde for row, _ in own}.get(periode.previous().code)
            tile.update(periode=periode.label, waarde=last.waarde, vorige=before, streefwaarde=target,
                        berekend=last.berekend, voorlopig=last.voorlopig)
            if before is not None:
                tile["verschil"] = last.waarde - before
            if target is not None:
                tile["tot_doel"] = last.waarde - target
        tile["beter"] = _is_good(tile["verschil"], meta["richting"])
        tile["op_koers"] = _is_good(tile["tot_doel"], meta["richting"], meets=True)
        tiles.append(tile)
    return pd.DataFrame(tiles).astype({"elders": object, "deels": object})


def headline(series: list[tuple[Row, float | None]]) -> tuple[Row, float | None]:
    """The value a figure is headed by: the last complete period, else (nothing complete yet) the last one."""
    return next((pair for pair in reversed(series) if not pair[0].deels), series[-1])


def where_figures(session: Session, keys: list[str], view: View, scope: str | None = None) -> list[str]:
    """For indicators without a figure in the view: which year and gebied do have one (a Dutch line each);
    for a share link limited to a gebied (`scope`), only gebieden within it are looked at or named."""
    if not keys:
        return []
    here = dict(session.execute(
        select(Indicator.sleutel, func.max(Observatie.jaar))
        .join(Indicator, Observatie.indicator_id == Indicator.id).join(Gebied, Observatie.gebied_id == Gebied.id)
        .where(Indicator.sleutel.in_(keys), Gebied.code == view.gebied).group_by(Indicator.sleutel)).all())
    limit = scopes.read(session, scope)
    if limit.limited:  # only what lies within the link's gebied: a name outside it is not this link's to give
        inside = [code for code in limit.ouders if limit.shows(code)]
        per_jaar = session.execute(
            select(Indicator.sleutel, Observatie.jaar, func.min(Gebied.naam)).select_from(Observatie)
            .join(Indicator, Observatie.indicator_id == Indicator.id).join(Gebied, Observatie.gebied_id == Gebied.id)
            .where(Indicator.sleutel.in_(keys), Gebied.code.in_(inside))
            .group_by(Indicator.sleutel, Observatie.jaar).order_by(Observatie.jaar)).all()
        newest = {key: jaar for key, jaar, _ in per_jaar}
        example = {key: naam for key, _, naam in per_jaar}  # ordered by year: the newest year's wins
    else:
        newest = dict(session.execute(
            select(Indicator.sleutel, func.max(Observatie.jaar)).join(Indicator, Observatie.indicator_id == Indicator.id)
            .where(Indicator.sleutel.in_(keys)).group_by(Indicator.sleutel)).all())
        example = dict(session.execute(
            select(Indicator.sleutel, func.min(Gebied.naam)).select_from(Observatie)
            .join(Indicator, Observatie.indicator_id == Indicator.id)
            .join(Gebied, Observatie.gebied_id == Gebied.id)
            .where(Indicator.sleutel.in_(keys), Observatie.jaar == _newest_year())
            .group_by(Indicator.sleutel)).all()) if newest else {}
    lines = []
    for key in keys:
        if key in here:
            lines.append(f"Hier het laatst gemeten in {here[key]}: kies dat jaar.")
        elif key in newest:
            lines.append(f"Wel cijfers elders, het laatst in {newest[key]} (bijvoorbeeld {example[key]}).")
        else:
            lines.append("Nog nergens cijfers voor.")
    return lines


_NIEUWSTE = Observatie.__table__.alias("nieuwste")  # made once (hierarchy.py says why)


def _newest_year():
    """The newest year with a value for the indicator of the outer query's row (a correlated subquery)."""
    return select(func.max(_NIEUWSTE.c.jaar)).where(_NIEUWSTE.c.indicator_id == Indicator.id).scalar_subquery()


def _is_good(difference: float | None, richting: str, meets: bool = False) -> bool | None:
    if difference is None or richting == "neutraal":
        return None
    if difference == 0:
        return True if meets else None
    return (difference > 0) == (richting == "hoger")


def trend(session: Session, view: View) -> pd.DataFrame:
    """The chosen indicator over time for the chosen gebied: periode, label, jaar, waarde, streefwaarde."""
    return _trend(_series(session, view, [view.indicator], [view.gebied]), view.soort)


def _trend(series: list[tuple[Row, float | None]], soort: str) -> pd.DataFrame:
    """periode, label, jaar, waarde, streefwaarde, `deels`: what a partial period lacks (else None),
    and `voorlopig`: CBS may still revise the value, its label starred as CBS writes it ("2023*")."""
    rows = [(row.periode, Periode(row.jaar, soort, row.volgnummer).label + ("*" if row.voorlopig else ""), row.jaar,
             row.waarde, target, row.deels, row.voorlopig) for row, target in series]
    return pd.DataFrame(rows, columns=["periode", "label", "jaar", "waarde", "streefwaarde", "deels",
                                       "voorlopig"]).astype({"streefwaarde": float, "deels": object, "voorlopig": bool})


def known(trend: pd.DataFrame) -> pd.DataFrame:
    """The periods of a trend a headline, a status or a sentence may use: measured and complete (a
    partial period shows in the chart, marked, but never heads a figure)."""
    measured = trend.dropna(subset=["waarde"])
    return measured[measured["deels"].isna()] if "deels" in measured else measured


def _latest_each(rows: list[Row]) -> list[Row]:
    """Per owner (gebied or partij) its latest value; rows come sorted by time within an owner."""
    return list({row.gebied: row for row in rows}.values())


def compare_partijen(session: Session, view: View) -> pd.DataFrame:
    """The chosen indicator per party in the chosen gebied, each at its latest period."""
    rows = _values(session, Observatie, [view.indicator], [view.gebied], None, view.soort,
                   view.van, view.tot, per_partij=True)
    latest = sorted(_latest_each(rows), key=lambda row: -row.waarde)
    return pd.DataFrame([(row.gebied, row.periode, row.waarde) for row in latest],
                        columns=["partij", "periode", "waarde"])


def beside(session: Session, code: str, scope: str | None = None) -> pd.DataFrame:
    """code, naam, niveau of the gebieden compared with a gebied: the level below it (Nederland's
    provincies, a provincie's gemeenten, a gemeente's wijken), or for a wijk its sibling wijken;
    for a share link limited to a gebied (`scope`), only those within it (toegang/scope.py)."""
    gebied = session.execute(select(Gebied.id, Gebied.niveau, Gebied.ouder_id).where(Gebied.code == code)).first()
    if gebied is None:
        return pd.DataFrame(columns=["code", "naam", "niveau"])
    parent = gebied.ouder_id if gebied.niveau in ("wijk", "buurt") else gebied.id
    rows = session.execute(select(Gebied.code, Gebied.naam, Gebied.niveau).where(Gebied.ouder_id == parent)
                           .order_by(Gebied.naam)).all()
    if scope:
        limit = scopes.read(session, scope)
        rows = [row for row in rows if limit.shows(row[0])]
    return _frame(rows, ["code", "naam", "niveau"])


def compare_beside(session: Session, view: View, scope: str | None = None) -> pd.DataFrame:
    """The chosen indicator per gebied of `beside`, at the latest period any of them has:
    gebied, naam, periode, waarde (computed from further below where not stored)."""
    names = dict(beside(session, view.gebied, scope)[["code", "naam"]].itertuples(index=False))
    rows = _values(session, Observatie, [view.indicator], list(names), view.partij, view.soort,
                   view.van, view.tot)
    rows = [row for row in rows if not row.deels] or rows  # a partial period is no comparison
    newest = max(((row.jaar, row.volgnummer) for row in rows), default=None)
    latest = sorted((row for row in rows if (row.jaar, row.volgnummer) == newest), key=lambda row: -row.waarde)
    return pd.DataFrame([(row.gebied, names[row.gebied], row.periode, row.waarde) for row in latest],
                        columns=["gebied", "naam", "periode", "waarde"])


def geometries(session: Session, codes: list[str]) -> pd.DataFrame:
    """code, naam, lat, lon, geometrie (GeoJSON text) for the map."""
    rows = session.execute(select(Gebied.code, Gebied.naam, Gebied.lat, Gebied.lon, Gebied.geometrie)
                           .where(Gebied.code.in_(codes))).all()
    return _frame(rows, ["code", "naam", "lat", "lon", "geometrie"])


def table(session: Session, view: View) -> pd.DataFrame:
    """What the page shows as a table for download: the group's indicators over the chosen years."""
    return group_figures(session, view).table


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
    frame = _frame(session.execute(query), ["indicator", "gebied", "partij", "periode", "waarde"])
    frame["partij"] = frame["partij"].fillna("")
    return frame


def catalogue_keys(session: Session) -> list[str]:
    """Every indicator key, sorted: the choices of a column mapping."""
    return list(session.scalars(select(Indicator.sleutel).order_by(Indicator.sleutel)))
