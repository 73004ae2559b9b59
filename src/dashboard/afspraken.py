"""Afspraken: the compass with its yearly slices, the progress the parties report, and what needs the board.

Reads return DataFrames or frozen dataclasses for the pages; writes take the visitor, ask
`access.require` first, validate into `Invalid` (a Dutch message per form field), and leave a
line in the audit log.
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from datetime import date

import pandas as pd
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from dashboard import audit, clock, formatting, queries
from dashboard.models import (
    Activiteit,
    Afspraak,
    AfspraakPartij,
    Doel,
    Gebied,
    Indicator,
    Opgave,
    OpgaveVeld,
    Partij,
    Voortgang,
)
from dashboard.models.afspraken import ROLLEN, SOORTEN, STATUSSEN, STREEF_SOORTEN, WETTELIJKE_VELDEN
from dashboard.toegang import access
from dashboard.toegang import scope as scopes

STATUS_LABELS = {"op_koers": "Op koers", "aandacht": "Vraagt aandacht", "achter": "Loopt achter",
                 "afgerond": "Afgerond", "niet_gestart": "Niet gestart"}
VELD_LABELS = {"beschikbaarheid": "Beschikbaarheid", "betaalbaarheid": "Betaalbaarheid",
               "leefbaarheid": "Leefbaarheid", "kwaliteit_duurzaamheid": "Kwaliteit en duurzaamheid",
               "bijzondere_doelgroepen": "Bijzondere doelgroepen", "dienstverlening": "Dienstverlening"}
SOORT_LABELS = {"effect": "Effectafspraak", "resultaat": "Resultaatafspraak", "inspanning": "Inspanningsafspraak"}
ROL_LABELS = {"trekker": "Trekker", "partner": "Partner", "uitvoerder": "Uitvoerder", "adviseur": "Adviseur"}
LENZEN = ("opgave", "veld", "doel")
# A lens as its switch names it, and the heading over its cards.
LENS_LABELS = {"opgave": "Opgave", "veld": "Wettelijk veld", "doel": "Doel"}
LENS_KOPPEN = {"opgave": "Opgaven", "veld": "Wettelijke velden", "doel": "Doelen die de afspraken dienen"}
ZONDER_DOEL = "Zonder gekozen doel"
TOLERANTIE = 0.10  # within 10% of the target (in the wrong direction) is "aandacht", beyond is "achter"
_NUMMER = re.compile(r"^\d{1,3}(\.\d{1,3}){0,3}$")
# The shared story the Kompas opens with and the stuurgroep's deck starts from (Markdown, bold only).
SHARED_STORY = {
    True: "Gemeente, woningcorporaties en huurders in Denkbeeldstad werken samen aan een stad waar iedereen "
          "betaalbaar, veilig en gezond kan wonen, ook wie zorg of steun nodig heeft. Onze afspraken zijn een "
          "**kompas** voor vier jaar, met elk jaar een jaarschijf van concrete stappen. Hier **tellen** we wat er "
          "bereikt is en **vertellen** we de verhalen erachter: wat lukt, wat schuurt, en wat het bestuur moet wegen.",
    False: "Gemeente, woningcorporaties en huurders maken samen prestatieafspraken: een **kompas** voor "
           "meerdere jaren, met elk jaar een jaarschijf van concrete stappen. Hier **tellen** we wat er bereikt "
           "is en **vertellen** we de verhalen erachter.",
}


class Invalid(ValueError):
    """Input a form can show beside its fields: {field: Dutch message}."""

    def __init__(self, problems: dict[str, str]):
        super().__init__("; ".join(problems.values()))
        self.problems = problems


# ---------------------------------------------------------------- read side

def opgaven(session: Session) -> pd.DataFrame:
    """id, naam, omschrijving, velden (list of keys), in the agreed order."""
    rows = session.execute(select(Opgave.id, Opgave.naam, Opgave.omschrijving).order_by(Opgave.volgorde, Opgave.naam)).all()
    velden: dict[int, list[str]] = {}
    for opgave_id, veld in session.execute(select(OpgaveVeld.opgave_id, OpgaveVeld.veld)):
        velden.setdefault(opgave_id, []).append(veld)
    frame = pd.DataFrame(rows, columns=["id", "naam", "omschrijving"])
    frame["velden"] = [sorted(velden.get(i, []), key=WETTELIJKE_VELDEN.index) for i in frame["id"]]
    return frame


def card_descriptions(opgaven: pd.DataFrame, lens: str) -> dict[str, str]:
    """The line under each card: an opgave's own description, or for a wettelijk veld its opgaven."""
    if lens == "opgave":
        return dict(zip(opgaven["naam"], opgaven["omschrijving"]))
    if lens == "doel":
        return {}
    return {label: "Opgaven: " + ", ".join(opgaven[[veld in velden for velden in opgaven["velden"]]]["naam"])
            for veld, label in VELD_LABELS.items()}


def _latest_voortgang(session: Session) -> pd.DataFrame:
    """Per afspraak its newest update: afspraak_id, status, datum, dilemma, toelichting."""
    newest = (select(Voortgang.afspraak_id, func.max(Voortgang.id).label("vid"))
              .group_by(Voortgang.afspraak_id).subquery())
    rows = session.execute(
        select(Voortgang.afspraak_id, Voortgang.status, Voortgang.datum, Voortgang.dilemma, Voortgang.toelichting)
        .join(newest, Voortgang.id == newest.c.vid)).all()
    return pd.DataFrame(rows, columns=["afspraak_id", "status", "datum", "dilemma", "toelichting"])


def overview(session: Session, lens: str = "opgave", status: str | None = None, partij: str | None = None,
             jaar: int | None = None) -> pd.DataFrame:
    """One row per afspraak (per veld in the veld lens): groep, id, nummer, titel, status, trekker...

    The status is the one the parties last reported; "niet_gestart" while nothing was reported.
    """
    rows = session.execute(
        select(Afspraak.id, Afspraak.nummer, Afspraak.titel, Afspraak.soort, Afspraak.van_jaar, Afspraak.tot_jaar,
               Afspraak.opgave_id, Opgave.naam, Opgave.volgorde)
        .join(Opgave, Afspraak.opgave_id == Opgave.id)).all()
    frame = pd.DataFrame(rows, columns=["id", "nummer", "titel", "soort", "van_jaar", "tot_jaar", "opgave_id",
                                        "opgave", "volgorde"])
    rollen = pd.DataFrame(session.execute(
        select(AfspraakPartij.afspraak_id, Partij.naam, AfspraakPartij.rol)
        .join(Partij, AfspraakPartij.partij_id == Partij.id)).all(), columns=["afspraak_id", "partij", "rol"])
    trekkers = rollen[rollen["rol"] == "trekker"].groupby("afspraak_id")["partij"].first()
    betrokken = rollen.groupby("afspraak_id")["partij"].apply(list)
    frame["trekker"] = frame["id"].map(trekkers).fillna("")
    frame["partijen"] = [betrokken.get(i, []) for i in frame["id"]]
    laatste = _latest_voortgang(session).set_index("afspraak_id")
    frame["status"] = frame["id"].map(laatste["status"]).fillna("niet_gestart")
    frame["status_datum"] = frame["id"].map(laatste["datum"])
    frame["dilemma"] = frame["id"].map(laatste["dilemma"]).fillna(False).astype(bool)
    if status:
        frame = frame[frame["status"] == status]
    if partij:
        frame = frame[[partij in p for p in frame["partijen"]]]
    if jaar:
        frame = frame[(frame["van_jaar"] <= jaar) & (frame["tot_jaar"] >= jaar)]
    frame = frame.assign(sort_nummer=[tuple(int(x) for x in n.split(".")) for n in frame["nummer"]])
    if lens == "veld":
        velden = opgaven(session).set_index("id")["velden"]
        frame = frame.assign(veld=[velden.get(o, []) for o in frame["opgave_id"]]).explode("veld").dropna(subset=["veld"])
        frame["groep"] = frame["veld"].map(VELD_LABELS)
        frame["groep_volgorde"] = frame["veld"].map(WETTELIJKE_VELDEN.index)
    elif lens == "doel":
        doelen = dict(session.execute(select(Afspraak.id, Doel.naam).join(Doel, Afspraak.doel_id == Doel.id)).all())
        frame["groep"] = frame["id"].map(doelen).fillna(ZONDER_DOEL)
        frame["groep_volgorde"] = (frame["groep"] == ZONDER_DOEL).astype(int)
    else:
        frame["groep"], frame["groep_volgorde"] = frame["opgave"], frame["volgorde"]
    frame = frame.sort_values(["groep_volgorde", "groep", "sort_nummer"])
    return frame.drop(columns=["sort_nummer", "volgorde"]).reset_index(drop=True)


def status_counts(frame: pd.DataFrame) -> pd.DataFrame:
    """groep x status counts (every status a column, in the fixed order) from `overview`."""
    counts = pd.crosstab(frame["groep"], frame["status"]) if not frame.empty else pd.DataFrame()
    counts = counts.reindex(columns=list(STATUSSEN), fill_value=0)
    order = frame.drop_duplicates("groep")["groep"].tolist() if not frame.empty else []
    return counts.reindex(order).fillna(0).astype(int)


def attention(session: Session) -> pd.DataFrame:
    """What the board should look at now: a dilemma, or a latest status of achter/aandacht.

    Dilemmas first, then achter before aandacht, newest first, then by nummer.
    """
    laatste = _latest_voortgang(session)
    laatste = laatste[laatste["dilemma"].astype(bool) | laatste["status"].isin(["achter", "aandacht"])]
    if laatste.empty:
        return pd.DataFrame(columns=["id", "nummer", "titel", "status", "datum", "dilemma", "toelichting"])
    names = pd.DataFrame(session.execute(select(Afspraak.id, Afspraak.nummer, Afspraak.titel)
                                         .where(Afspraak.id.in_(laatste["afspraak_id"].tolist()))).all(),
                         columns=["id", "nummer", "titel"])
    merged = laatste.merge(names, left_on="afspraak_id", right_on="id")
    merged["rang"] = [0 if d else (1 if s == "achter" else 2) for d, s in zip(merged["dilemma"], merged["status"])]
    merged["sort_nummer"] = [tuple(int(x) for x in n.split(".")) for n in merged["nummer"]]  # ties: 1.2 before 2.2
    merged = merged.sort_values(["rang", "datum", "sort_nummer"], ascending=[True, False, True])
    return merged[["id", "nummer", "titel", "status", "datum", "dilemma", "toelichting"]].reset_index(drop=True)


@dataclass(frozen=True)
class AfspraakIndicator:
    """The indicator an afspraak's progress is counted with, as the catalogue describes it."""

    sleutel: str
    naam: str
    eenheid: str
    richting: str
    aggregatie: str


@dataclass(frozen=True)
class AfspraakGebied:
    """The gebied an afspraak's indicator is read in (without one: the gemeente)."""

    code: str
    naam: str


@dataclass(frozen=True)
class AfspraakInfo:
    """One afspraak as its detail view shows it on the tellen side (afspraken.detail)."""

    id: int
    nummer: str
    titel: str
    ambitie: str
    soort: str
    van_jaar: int
    tot_jaar: int
    opgave_id: int
    opgave: str
    velden: list[str]  # wettelijke velden, in the law's order
    indicator: AfspraakIndicator | None
    gebied: AfspraakGebied | None
    streefwaarde: float | None  # the afspraak's own target, counted as streef_soort says
    streef_soort: str | None  # totaal (over the looptijd), per_jaar or eind; None without an own target
    partijen: pd.DataFrame  # partij, soort, rol, taak; the trekker first
    partij_ids: frozenset[int]
    activiteiten: pd.DataFrame  # id, jaar, omschrijving, trekker, status, indicator, streefwaarde
    voortgang: pd.DataFrame  # id, datum, status, toelichting, geleerd, dilemma, auteur, ...; newest first
    status: str  # the latest reported status, "niet_gestart" while nothing was reported
    doel: tuple[str, str] | None = None  # code and name of the target from the library it serves


def detail(session: Session, afspraak_id: int) -> AfspraakInfo | None:
    """Everything the detail view shows on the tellen side, or None for an unknown id."""
    afspraak = session.get(Afspraak, afspraak_id)
    if afspraak is None:
        return None
    opgave = session.get(Opgave, afspraak.opgave_id)
    indicator = session.get(Indicator, afspraak.indicator_id) if afspraak.indicator_id else None
    gebied = session.get(Gebied, afspraak.gebied_id) if afspraak.gebied_id else None
    partijen = pd.DataFrame(session.execute(
        select(Partij.naam, Partij.soort, AfspraakPartij.rol, AfspraakPartij.taak)
        .join(AfspraakPartij, AfspraakPartij.partij_id == Partij.id)
        .where(AfspraakPartij.afspraak_id == afspraak_id)
        .order_by(AfspraakPartij.rol != "trekker", Partij.naam)).all(), columns=["partij", "soort", "rol", "taak"])
    trekker = Partij.__table__.alias("trekker")
    activiteiten = pd.DataFrame(session.execute(
        select(Activiteit.id, Activiteit.jaar, Activiteit.omschrijving, trekker.c.naam, Activiteit.status,
               Indicator.sleutel, Activiteit.streefwaarde)
        .outerjoin(trekker, Activiteit.trekker_id == trekker.c.id)
        .outerjoin(Indicator, Activiteit.indicator_id == Indicator.id)
        .where(Activiteit.afspraak_id == afspraak_id).order_by(Activiteit.jaar, Activiteit.id)).all(),
        columns=["id", "jaar", "omschrijving", "trekker", "status", "indicator", "streefwaarde"])
    auteur = Partij.__table__.alias("auteur")
    voortgang = pd.DataFrame(session.execute(
        select(Voortgang.id, Voortgang.datum, Voortgang.status, Voortgang.toelichting, Voortgang.geleerd,
               Voortgang.dilemma, auteur.c.naam, Voortgang.activiteit_id, Voortgang.auteur_id, Voortgang.gebruiker)
        .outerjoin(auteur, Voortgang.auteur_id == auteur.c.id)
        .where(Voortgang.afspraak_id == afspraak_id).order_by(Voortgang.datum.desc(), Voortgang.id.desc())).all(),
        columns=["id", "datum", "status", "toelichting", "geleerd", "dilemma", "auteur", "activiteit_id", "auteur_id",
                 "gebruiker"])
    return AfspraakInfo(
        id=afspraak.id, nummer=afspraak.nummer, titel=afspraak.titel, ambitie=afspraak.ambitie,
        soort=afspraak.soort, van_jaar=afspraak.van_jaar, tot_jaar=afspraak.tot_jaar,
        opgave_id=opgave.id, opgave=opgave.naam,
        velden=sorted((v.veld for v in opgave.velden), key=WETTELIJKE_VELDEN.index),
        indicator=None if indicator is None else AfspraakIndicator(
            sleutel=indicator.sleutel, naam=indicator.naam, eenheid=indicator.eenheid,
            richting=indicator.richting, aggregatie=indicator.aggregatie),
        gebied=None if gebied is None else AfspraakGebied(code=gebied.code, naam=gebied.naam),
        streefwaarde=afspraak.streefwaarde, streef_soort=_soort_van(afspraak, indicator),
        partijen=partijen, partij_ids=afspraak_partijen(session, afspraak_id),
        activiteiten=activiteiten, voortgang=voortgang,
        status=voortgang["status"].iloc[0] if not voortgang.empty else "niet_gestart",
        doel=None if afspraak.doel_id is None else tuple(session.execute(
            select(Doel.code, Doel.naam).where(Doel.id == afspraak.doel_id)).one()),
    )


def _soort_van(afspraak: Afspraak, indicator: Indicator | None) -> str | None:
    """The stored kind, or for a target written before there was one what its indicator suggests."""
    if afspraak.streefwaarde is None or indicator is None:
        return None
    return afspraak.streef_soort or ("totaal" if indicator.aggregatie == "som" else "eind")


def default_gebied(session: Session) -> str | None:
    """The gemeente: where an afspraak without its own gebied is counted."""
    return session.scalar(select(Gebied.code).where(Gebied.niveau == "gemeente").order_by(Gebied.code).limit(1))


def indicator_trend(session: Session, info: AfspraakInfo, scope: str | None = None) -> pd.DataFrame | None:
    """The linked indicator's yearly values and targets over the looptijd (plus a few years before);
    None for a share link limited to a gebied whose rule does not show this afspraak's gebied (toegang/scope.py)."""
    if info.indicator is None:
        return None
    code = info.gebied.code if info.gebied else default_gebied(session)
    if code is None or not scopes.read(session, scope).shows_figure(code):
        return None
    view = queries.View(gebied=code, indicator=info.indicator.sleutel, soort="jaar",
                        van=info.van_jaar - 3, tot=info.tot_jaar)
    return queries.trend(session, view)


def figures(session: Session, afspraak_id: int, scope: str | None = None) -> Cijfer | None:
    """The tellen side of one afspraak (see Cijfer), or None without a linked indicator or figures, and
    for a share link whose gebied the afspraak's figures lie outside (`scope`, toegang/scope.py)."""
    info = detail(session, afspraak_id)
    if info is None or info.indicator is None:
        return None
    return cijfer(info, indicator_trend(session, info, scope))


def _derived(info: AfspraakInfo, trend: pd.DataFrame | None, traject: Traject | None) -> Afgeleid | None:
    richting, soort = info.indicator.richting, info.streef_soort
    if soort == "per_jaar":
        return _per_jaar(trend, richting, info.van_jaar, info.tot_jaar, float(info.streefwaarde))
    return derived_status(trend, richting, info.van_jaar, info.tot_jaar,
                          info.streefwaarde if soort == "eind" else None, traject)


def _per_jaar(trend: pd.DataFrame | None, richting: str, van_jaar: int, tot_jaar: int, doel: float) -> Afgeleid | None:
    """The last complete year of the looptijd against the target every year has."""
    if trend is None or trend.empty or richting == "neutraal":
        return None
    data = queries.known(trend).sort_values("jaar")
    data = data[(data["jaar"] >= van_jaar) & (data["jaar"] <= tot_jaar)]
    if data.empty:
        return None
    jaar, waarde = int(data["jaar"].iloc[-1]), float(data["waarde"].iloc[-1])
    return Afgeleid(status=_status(waarde, doel, richting, abs(doel)), jaar=jaar, waarde=waarde, streefwaarde=doel,
                    per_jaar=True)


@dataclass(frozen=True)
class Cijfer:
    """An afspraak's figure, made once for the page, the slide, the sentences and the exports, so
    that they cannot disagree: the key figure, the sentence it rests on, the status the figures give
    and the series the chart and its table show. For a target over the whole looptijd that series is
    the total since its first year against an even pace (302 of 450 since 2024); otherwise the yearly
    figures against the yardstick the status used (120 every year, the catalogue's target of the year,
    or a straight line to the end target)."""

    naam: str
    eenheid: str
    streef_soort: str | None
    trend: pd.DataFrame  # the indicator's yearly figures (queries.trend)
    reeks: pd.DataFrame  # label, jaar, waarde, streefwaarde, deels: what the chart and its table show
    reeks_titel: str  # "Nieuwbouw sociale huur, opgeteld sinds 2024" or "... per jaar"
    afgeleid: Afgeleid | None
    traject: Traject | None
    kop: str  # "302 van 450 woningen", "137 woningen"
    grondslag: str  # one sentence: what the key figure and the status rest on


def cijfer(info: AfspraakInfo, trend: pd.DataFrame | None) -> Cijfer | None:
    """The afspraak's figure (see Cijfer), or None without an indicator or any figure."""
    if info.indicator is None or trend is None or trend.empty:
        return None
    naam, eenheid = info.indicator.naam, info.indicator.eenheid
    tr = traject(info, trend)
    afgeleid = _derived(info, trend, tr)
    if info.streef_soort == "totaal":
        reeks, titel = _opgeteld(trend, info), f"{naam}, opgeteld sinds {info.van_jaar}"
    else:
        reeks, titel = _jaarlijks(trend, info), f"{naam} per jaar"
    known = queries.known(trend)
    if afgeleid is not None and afgeleid.over_looptijd and tr is not None:
        kop = f"{formatting.number(tr.stand)} van {formatting.value(tr.doel, eenheid)}"
    elif afgeleid is not None:
        kop = formatting.value(afgeleid.waarde, eenheid)
    elif not known.empty:
        kop = formatting.value(known["waarde"].iloc[-1], eenheid)
    else:
        kop = "nog geen cijfer"
    return Cijfer(naam, eenheid, info.streef_soort, trend, reeks, titel, afgeleid, tr, kop,
                  _grondslag(info, afgeleid, tr, known))


def _opgeteld(trend: pd.DataFrame, info: AfspraakInfo) -> pd.DataFrame:
    """The total since the looptijd's first year, year by year, against an even pace to the target;
    a year without a figure ends the line (the total after it is unknown), a partial one is marked,
    and a total that holds a voorlopig year is voorlopig ("2024*")."""
    per_jaar = trend.set_index("jaar")
    jaren, doel = info.tot_jaar - info.van_jaar + 1, float(info.streefwaarde)
    rows, totaal, voorlopig = [], 0.0, False
    for jaar in range(info.van_jaar, info.tot_jaar + 1):
        rij = per_jaar.loc[jaar] if jaar in per_jaar.index else None
        waarde, deels = float("nan"), None
        if rij is not None and totaal == totaal and rij["waarde"] == rij["waarde"]:
            waarde = totaal + float(rij["waarde"])
            deels = rij["deels"] if isinstance(rij.get("deels"), str) else None
            voorlopig = voorlopig or bool(rij.get("voorlopig"))
        totaal = waarde if deels is None else float("nan")
        rows.append({"label": f"{jaar}*" if voorlopig and waarde == waarde else str(jaar), "jaar": jaar, "waarde": waarde,
                     "streefwaarde": doel * (jaar - info.van_jaar + 1) / jaren, "deels": deels})
    return pd.DataFrame(rows, columns=["label", "jaar", "waarde", "streefwaarde", "deels"])


def _jaarlijks(trend: pd.DataFrame, info: AfspraakInfo) -> pd.DataFrame:
    """The yearly figures with the target the status holds them against: the afspraak's own for every
    year of the looptijd, or the catalogue's of each year with a straight line to an end target
    where the catalogue has none."""
    reeks = trend[["label", "jaar", "waarde", "streefwaarde", "deels"]].copy()
    binnen = (reeks["jaar"] >= info.van_jaar) & (reeks["jaar"] <= info.tot_jaar)
    if info.streef_soort == "per_jaar":
        reeks["streefwaarde"] = reeks["streefwaarde"].where(~binnen, float(info.streefwaarde)).where(binnen)
    elif info.streef_soort == "eind":
        start = queries.known(trend)
        start = start[start["jaar"] == info.van_jaar - 1]
        if not start.empty:
            begin, doel = float(start["waarde"].iloc[0]), float(info.streefwaarde)
            lijn = begin + (doel - begin) * (reeks["jaar"] - info.van_jaar + 1) / (info.tot_jaar - info.van_jaar + 1)
            reeks["streefwaarde"] = reeks["streefwaarde"].where(reeks["streefwaarde"].notna() | ~binnen, lijn)
    return reeks.reset_index(drop=True)


def _grondslag(info: AfspraakInfo, afgeleid: Afgeleid | None, traject: Traject | None, known: pd.DataFrame) -> str:
    """What the figures' status rests on, in one sentence, for the page, the slide and the exports
    alike: the kind of target is in the words, so a total since the start is never read as one
    year's figure and a yearly target never as the looptijd's."""
    naam, eenheid = info.indicator.naam, info.indicator.eenheid
    voorlopig = set(known.loc[known["voorlopig"], "jaar"]) if "voorlopig" in known else set()
    if afgeleid is None:
        if known.empty:
            return f"{naam}: nog geen cijfer."
        laatste = known.iloc[-1]
        jaar = formatting.periode(str(int(laatste["jaar"])), int(laatste["jaar"]) in voorlopig)
        return f"{naam} {jaar}: {formatting.value(laatste['waarde'], eenheid)}; geen streefwaarde om mee te vergelijken."
    if afgeleid.over_looptijd and traject is not None:
        mark = ", voorlopig" if any(traject.van_jaar <= j <= afgeleid.jaar for j in voorlopig) else ""
        return (f"{naam}: {formatting.number(traject.stand)} van {formatting.value(traject.doel, eenheid)} sinds "
                f"{traject.van_jaar} ({traject.van_jaar}–{afgeleid.jaar} opgeteld{mark}); bij een gelijk tempo tot "
                f"{traject.tot_jaar} hoort daar nu {formatting.value(afgeleid.streefwaarde, eenheid)} bij.")
    waarde = formatting.value(afgeleid.waarde, eenheid)
    jaar = formatting.periode(str(afgeleid.jaar), afgeleid.jaar in voorlopig)
    if afgeleid.per_jaar:
        return f"{naam}: {waarde} in {jaar}, streefwaarde {formatting.value(afgeleid.streefwaarde, eenheid)} per jaar."
    zin = f"{naam}: {waarde} in {jaar}, streefwaarde voor {afgeleid.jaar}: {formatting.value(afgeleid.streefwaarde, eenheid)}"
    if afgeleid.geschat:
        zin += " (geschat: een gelijk tempo naar het einddoel)"
    if info.streef_soort == "eind":
        zin += f"; doel eind {info.tot_jaar}: {formatting.value(info.streefwaarde, eenheid)}"
    elif info.streef_soort == "totaal" and traject is not None and traject.ontbrekend:
        zin += (f"; het doel van {formatting.value(traject.doel, eenheid)} samen is niet te volgen zonder cijfer voor "
                + " en ".join(str(j) for j in traject.ontbrekend))
    return zin + "."


@dataclass(frozen=True)
class Traject:
    """An afspraak's target over its whole looptijd beside how far the figures have come.

    soort "opgeteld": a figure that adds up (aggregatie som, such as new homes) is counted over the
    years: 302 of 450. soort "stand": a stock or rate (laatste, gemiddelde) must reach the target by
    the end, starting from its value in the year before the looptijd. Years are counted up to the
    last one with a figure (`tot`); `ontbrekend` lists the years before it without one.
    """

    soort: str
    doel: float
    stand: float
    begin: float | None
    van_jaar: int
    tot_jaar: int
    tot: int
    ontbrekend: tuple[int, ...] = ()
    eenheid: str = ""

    @property
    def jaren(self) -> int:
        return self.tot_jaar - self.van_jaar + 1

    @property
    def geteld(self) -> int:
        return self.tot - self.van_jaar + 1

    @property
    def aandeel_tijd(self) -> float:
        """The share of the looptijd that has passed: 2 of 4 years is 0.5."""
        return self.geteld / self.jaren

    @property
    def aandeel(self) -> float | None:
        """How far along the way to the target: 302 of 450 is 0.67; None when there is no way to go."""
        if self.soort == "opgeteld":
            return self.stand / self.doel if self.doel else None
        weg = self.doel - self.begin
        return (self.stand - self.begin) / weg if weg else None

    @property
    def verwacht(self) -> float:
        """Where the figures should be by now at an even pace."""
        if self.soort == "opgeteld":
            return self.doel * self.aandeel_tijd
        return self.begin + (self.doel - self.begin) * self.aandeel_tijd


def traject(info: AfspraakInfo, trend: pd.DataFrame | None) -> Traject | None:
    """The afspraak's progress over its looptijd, or None without an own target or a figure in the looptijd."""
    if info.streef_soort not in ("totaal", "eind") or info.indicator is None or trend is None or trend.empty:
        return None
    van, tot_jaar = info.van_jaar, info.tot_jaar
    data = queries.known(trend)
    binnen = data[(data["jaar"] >= van) & (data["jaar"] <= tot_jaar)].sort_values("jaar")
    if binnen.empty:
        return None
    tot = int(binnen["jaar"].iloc[-1])
    ontbrekend = tuple(sorted(set(range(van, tot + 1)) - set(int(j) for j in binnen["jaar"])))
    doel, eenheid = float(info.streefwaarde), info.indicator.eenheid
    if info.streef_soort == "totaal":
        return Traject("opgeteld", doel, float(binnen["waarde"].sum()), None, van, tot_jaar, tot, ontbrekend, eenheid)
    voor = data[data["jaar"] == van - 1]
    if voor.empty:
        return None
    return Traject("stand", doel, float(binnen["waarde"].iloc[-1]), float(voor["waarde"].iloc[0]), van, tot_jaar,
                   tot, ontbrekend, eenheid)


def trajecten(session: Session, scope: str | None = None) -> dict[int, Traject]:
    """afspraak id -> its progress over the looptijd, for every afspraak whose own target is a total or an end
    (and whose figures a share link limited to gebied `scope` may see)."""
    ids = session.scalars(select(Afspraak.id).where(Afspraak.indicator_id.is_not(None),
                                                    Afspraak.streefwaarde.is_not(None))).all()
    found = {afspraak_id: figures(session, afspraak_id, scope) for afspraak_id in ids}
    return {afspraak_id: c.traject for afspraak_id, c in found.items() if c is not None and c.traject is not None}


@dataclass(frozen=True)
class Afgeleid:
    """The status the figures give: the value against the target of the same year or, with
    `over_looptijd`, the total so far against where an even pace would be (see Traject)."""

    status: str
    jaar: int
    waarde: float
    streefwaarde: float
    over_looptijd: bool = False
    geschat: bool = False  # the year's target was drawn as a straight line to the end target
    per_jaar: bool = False  # the afspraak's own target holds for every year


_TELWOORDEN = {"een": 1, "één": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7, "acht": 8,
               "negen": 9, "tien": 10}
_JAREN_IN_TITEL = re.compile(r"\b(?:in|binnen|over)\s+(\d{1,2}|" + "|".join(_TELWOORDEN) + r")\s+jaar\b", re.IGNORECASE)
_PERIODE_IN_TITEL = re.compile(r"\b(20\d\d)\s*(?:-|–|t/m|tot en met)\s*(20\d\d)\b")
_EIND_IN_TITEL = re.compile(r"\b(?:tot en met|t/m)\s+(20\d\d)\b", re.IGNORECASE)


def _genoemd(match: re.Match) -> int | None:
    woord = match.group(1).lower()
    return int(woord) if woord.isdigit() else _TELWOORDEN.get(woord)


def _andere_looptijd(tekst: str, van_jaar: int, tot_jaar: int) -> str | None:
    """The words in `tekst` that name a looptijd other than van_jaar–tot_jaar, or None."""
    if (match := _JAREN_IN_TITEL.search(tekst)) and _genoemd(match) != tot_jaar - van_jaar + 1:
        return match.group(0)
    if (match := _PERIODE_IN_TITEL.search(tekst)) and (int(match.group(1)), int(match.group(2))) != (van_jaar, tot_jaar):
        return match.group(0)
    if (match := _EIND_IN_TITEL.search(tekst)) and int(match.group(1)) != tot_jaar:
        return match.group(0)
    return None


def titel_en_looptijd(titel: str, van_jaar: int, tot_jaar: int, ambitie: str = "") -> str | None:
    """A Dutch note for the redacteur when the title or the ambitie names a looptijd the afspraak no
    longer has ("in vier jaar" after an edit made 2024–2027 into 2028); None when they name none or the
    right one. A besluit moves the words along itself (met_looptijd)."""
    looptijd = f"de looptijd is nu {van_jaar}–{tot_jaar} ({tot_jaar - van_jaar + 1} jaar)"
    notes = [f"De {waar} noemt '{woorden}', maar {looptijd}. Pas de {waar} aan."
             for waar, tekst in (("titel", titel), ("ambitie", ambitie))
             if (woorden := _andere_looptijd(tekst, van_jaar, tot_jaar))]
    return " ".join(notes) or None


_TELWOORD = {n: w for w, n in _TELWOORDEN.items() if w != "een"}


def met_looptijd(tekst: str, van_jaar: int, oud_tot: int, nieuw_tot: int) -> str:
    """`tekst` with the looptijd it names moved along with a new end year: 'in vier jaar' becomes 'in
    vijf jaar', '2024-2027' '2024-2028', 't/m 2027' 't/m 2028'. Words that named another looptijd stay."""
    oud, nieuw = oud_tot - van_jaar + 1, nieuw_tot - van_jaar + 1

    def vervang(match: re.Match, groep: int, door: str) -> str:
        begin, eind = match.start(groep) - match.start(0), match.end(groep) - match.start(0)
        return match.group(0)[:begin] + door + match.group(0)[eind:]

    def jaren(match: re.Match) -> str:
        if _genoemd(match) != oud:
            return match.group(0)
        woord = match.group(1)
        door = str(nieuw) if woord.isdigit() or nieuw not in _TELWOORD else _TELWOORD[nieuw]
        return vervang(match, 1, door.capitalize() if woord[0].isupper() else door)

    tekst = _JAREN_IN_TITEL.sub(jaren, tekst)
    tekst = _PERIODE_IN_TITEL.sub(lambda m: vervang(m, 2, str(nieuw_tot)) if (int(m.group(1)), int(m.group(2))) ==
                                  (van_jaar, oud_tot) else m.group(0), tekst)
    return _EIND_IN_TITEL.sub(lambda m: vervang(m, 1, str(nieuw_tot)) if int(m.group(1)) == oud_tot else m.group(0), tekst)


def twee_statussen(gemeld: str, afgeleid: Afgeleid | None) -> str | None:
    """"Partijen: Loopt achter · Cijfers: Op koers" when the partners' status and the figures' differ
    (that difference is the board's conversation); None when they agree or the figures say nothing."""
    if afgeleid is None or gemeld in ("niet_gestart", "afgerond") or gemeld == afgeleid.status:
        return None
    return f"Partijen: {STATUS_LABELS[gemeld]} · Cijfers: {STATUS_LABELS[afgeleid.status]}"


def verschil_uitleg(info: AfspraakInfo, afgeleid: Afgeleid | None) -> str | None:
    """Where the two statuses differ, where each comes from and of when, so that the reader sees why
    rather than two verdicts: the partners' report is dated and looks ahead, the figures count what
    was measured up to a year."""
    if twee_statussen(info.status, afgeleid) is None:
        return None
    laatste = info.voortgang.iloc[0]
    door = f" ({laatste['auteur']})" if laatste["auteur"] else ""
    gemeten = f"{info.van_jaar} tot en met {afgeleid.jaar}" if afgeleid.over_looptijd else str(afgeleid.jaar)
    return (f"De partijen meldden hun status op {formatting.day(laatste['datum'])}{door}: hoe het loopt en wat zij "
            f"verwachten. De cijfers tellen wat er gemeten is over {gemeten}.")


def _status(waarde: float, doel: float, richting: str, schaal: float) -> str:
    tekort = (doel - waarde) if richting == "hoger" else (waarde - doel)
    return "op_koers" if tekort <= 0 else ("aandacht" if tekort <= TOLERANTIE * max(schaal, 1.0) else "achter")


def derived_status(trend: pd.DataFrame | None, richting: str, van_jaar: int, tot_jaar: int,
                   eind_streefwaarde: float | None = None, traject: Traject | None = None) -> Afgeleid | None:
    """op_koers / aandacht / achter, or None when the figures cannot say.

    An afspraak that counts up to a total over its looptijd (a Traject "opgeteld" without missing
    years) is judged on its total so far against an even pace. Otherwise the latest value meets the
    catalogue's target of that year; where there is none, the afspraak's own end target is reached
    in a straight line from the year before the looptijd.
    """
    if trend is None or trend.empty or richting == "neutraal":
        return None
    if traject is not None and traject.soort == "opgeteld" and not traject.ontbrekend:
        return Afgeleid(status=_status(traject.stand, traject.verwacht, richting, abs(traject.verwacht)),
                        jaar=traject.tot, waarde=traject.stand, streefwaarde=traject.verwacht, over_looptijd=True)
    data = queries.known(trend).sort_values("jaar")
    data = data[data["jaar"] <= tot_jaar]
    if data.empty:
        return None
    last = data.iloc[-1]
    jaar, waarde, doel = int(last["jaar"]), float(last["waarde"]), last.get("streefwaarde")
    geschat = doel is None or pd.isna(doel)
    if geschat:
        start = data[data["jaar"] == van_jaar - 1]
        if eind_streefwaarde is None or start.empty or jaar < van_jaar:
            return None
        begin = float(start["waarde"].iloc[0])
        doel = begin + (eind_streefwaarde - begin) * (jaar - van_jaar + 1) / (tot_jaar - van_jaar + 1)
    doel = float(doel)
    schaal = max(abs(doel), abs(float(data["waarde"].iloc[0])))
    return Afgeleid(status=_status(waarde, doel, richting, schaal), jaar=jaar, waarde=waarde, streefwaarde=doel,
                    geschat=geschat)


@dataclass(frozen=True)
class Keuzes:
    """What the afspraken filters and forms may offer (afspraken.choices)."""

    opgaven: pd.DataFrame  # id, naam
    partijen: pd.DataFrame  # naam, soort
    indicatoren: pd.DataFrame  # sleutel, naam
    gebieden: pd.DataFrame  # code, naam, niveau
    jaren: list[int]  # from the first afspraak's start to the last one's end
    doelen: pd.DataFrame  # code, naam, niveau: the library's targets still in force


def choices(session: Session) -> Keuzes:
    """What the filters and forms may offer: opgaven, partijen, indicatoren, gebieden, jaren."""
    jaren = session.execute(select(func.min(Afspraak.van_jaar), func.max(Afspraak.tot_jaar))).one()
    return Keuzes(
        opgaven=opgaven(session)[["id", "naam"]],
        partijen=pd.DataFrame(session.execute(select(Partij.naam, Partij.soort).order_by(Partij.soort, Partij.naam)).all(),
                              columns=["naam", "soort"]),
        indicatoren=pd.DataFrame(session.execute(select(Indicator.sleutel, Indicator.naam).order_by(Indicator.naam)).all(),
                                 columns=["sleutel", "naam"]),
        gebieden=pd.DataFrame(session.execute(select(Gebied.code, Gebied.naam, Gebied.niveau).order_by(Gebied.code)).all(),
                              columns=["code", "naam", "niveau"]),
        jaren=list(range(jaren[0], jaren[1] + 1)) if jaren[0] else [],
        doelen=pd.DataFrame(session.execute(select(Doel.code, Doel.naam, Doel.niveau).where(Doel.vervangen_door == "")
                                            .order_by(Doel.niveau, Doel.naam)).all(), columns=["code", "naam", "niveau"]),
    )


# ---------------------------------------------------------------- write side

@dataclass
class OpgaveInvoer:
    naam: str
    omschrijving: str = ""
    velden: list[str] = field(default_factory=list)
    volgorde: int = 0


@dataclass
class AfspraakInvoer:
    nummer: str
    titel: str
    opgave_id: int
    van_jaar: int
    tot_jaar: int
    trekker: str
    ambitie: str = ""
    soort: str = "resultaat"
    partners: list[tuple[str, str, str]] = field(default_factory=list)  # (partij, rol, taak)
    indicator: str | None = None
    gebied: str | None = None
    streefwaarde: float | None = None
    taak_trekker: str = ""
    streef_soort: str | None = None  # totaal, per_jaar or eind; None: what the indicator's aggregatie suggests
    doel: str | None = None  # the code of the target from the library it serves


@dataclass
class ActiviteitInvoer:
    afspraak_id: int
    jaar: int
    omschrijving: str
    trekker: str | None = None
    status: str = "niet_gestart"
    indicator: str | None = None
    streefwaarde: float | None = None


@dataclass
class VoortgangInvoer:
    afspraak_id: int
    status: str
    toelichting: str = ""
    geleerd: str = ""
    dilemma: bool = False
    auteur: str | None = None
    datum: date | None = None
    activiteit_id: int | None = None


def _partij_id(session: Session, naam: str | None) -> int | None:
    return session.scalar(select(Partij.id).where(Partij.naam == naam)) if naam else None


def afspraak_partijen(session: Session, afspraak_id: int) -> frozenset[int]:
    """The ids of the parties that take part in an afspraak (in any role), as the database says."""
    return frozenset(session.scalars(select(AfspraakPartij.partij_id).where(AfspraakPartij.afspraak_id == afspraak_id)))


STREEF_SOORT_LABELS = {"totaal": "samen over de hele looptijd", "per_jaar": "elk jaar",
                       "eind": "aan het eind van de looptijd"}


def _streef_soort(gekozen: str | None, aggregatie: str) -> tuple[str | None, str | None]:
    """The target's kind and a Dutch problem: a total over the years only for figures that add up
    (new homes), a value at the end only for a stock or rate (homes with label E-G, a mark)."""
    opgeteld = aggregatie == "som"
    soort = gekozen or ("totaal" if opgeteld else "eind")
    if soort not in STREEF_SOORTEN:
        return None, "Kies of de streefwaarde geldt voor de hele looptijd samen, elk jaar of het eind."
    if soort == "totaal" and not opgeteld:
        return None, ("Deze indicator telt niet op over de jaren (het is een stand of een gemiddelde): kies een "
                      "streefwaarde voor elk jaar of voor het eind van de looptijd.")
    if soort == "eind" and opgeteld:
        return None, ("Deze indicator telt per jaar (zoals opgeleverde woningen): kies een streefwaarde voor de "
                      "hele looptijd samen of voor elk jaar.")
    return soort, None


def save_opgave(session: Session, visitor: access.Visitor, invoer: OpgaveInvoer) -> int:
    """Create an opgave, or update the one with this name."""
    access.require(visitor, "afspraak_bewerken")
    problems = {}
    if not invoer.naam.strip():
        problems["naam"] = "Geef de opgave een naam."
    if set(invoer.velden) - set(WETTELIJKE_VELDEN):
        problems["velden"] = "Kies wettelijke velden uit de lijst."
    if problems:
        raise Invalid(problems)
    opgave = session.scalar(select(Opgave).where(Opgave.naam == invoer.naam.strip())) or Opgave(naam=invoer.naam.strip())
    opgave.omschrijving, opgave.volgorde = invoer.omschrijving, invoer.volgorde
    opgave.velden = [OpgaveVeld(veld=v) for v in dict.fromkeys(invoer.velden)]
    session.add(opgave)
    session.flush()
    audit.record(session, visitor.name, "opgave_opgeslagen", f"opgave {opgave.id}", asdict(invoer))
    return opgave.id


def save_afspraak(session: Session, visitor: access.Visitor, invoer: AfspraakInvoer,
                  afspraak_id: int | None = None) -> int:
    """Create (afspraak_id None) or change an afspraak with its trekker and partners."""
    access.require(visitor, "afspraak_bewerken")
    problems: dict[str, str] = {}
    nummer = invoer.nummer.strip()
    if not _NUMMER.match(nummer):
        problems["nummer"] = f"'{nummer[:20]}' is geen geldig nummer. Gebruik cijfers met punten, bijvoorbeeld 1.4.1."
    elif session.scalar(select(Afspraak.id).where(Afspraak.nummer == nummer, Afspraak.id != (afspraak_id or -1))):
        problems["nummer"] = f"Nummer {nummer} bestaat al. Kies een ander nummer."
    if not invoer.titel.strip():
        problems["titel"] = "Geef de afspraak een titel."
    if invoer.soort not in SOORTEN:
        problems["soort"] = "Kies effect, resultaat of inspanning."
    if session.get(Opgave, invoer.opgave_id) is None:
        problems["opgave"] = "Kies een opgave uit de lijst."
    if not (2000 <= invoer.van_jaar <= 2100 and 2000 <= invoer.tot_jaar <= 2100):
        problems["looptijd"] = "Geef jaren tussen 2000 en 2100."
    elif invoer.van_jaar > invoer.tot_jaar:
        problems["looptijd"] = "Het eindjaar ligt voor het beginjaar. Draai ze om."
    trekker_id = _partij_id(session, invoer.trekker)
    if trekker_id is None:
        problems["trekker"] = "Kies de partij die trekt uit de lijst."
    partners = []
    for naam, rol, taak in invoer.partners:
        partij_id = _partij_id(session, naam)
        if partij_id is None or rol not in ROLLEN:
            problems["partners"] = f"Partner '{naam[:60]}' of rol '{rol}' is onbekend. Kies uit de lijst."
        elif partij_id != trekker_id:
            partners.append(AfspraakPartij(partij_id=partij_id, rol=rol, taak=taak))
    indicator_id, streef_soort = None, None
    if invoer.indicator:
        indicator = session.scalar(select(Indicator).where(Indicator.sleutel == invoer.indicator))
        if indicator is None:
            problems["indicator"] = "Kies een indicator uit de lijst."
        else:
            indicator_id = indicator.id
            if invoer.streefwaarde is not None:
                streef_soort, probleem = _streef_soort(invoer.streef_soort, indicator.aggregatie)
                if probleem:
                    problems["streef_soort"] = probleem
    gebied_id = None
    if invoer.gebied:
        gebied_id = session.scalar(select(Gebied.id).where(Gebied.code == invoer.gebied))
        if gebied_id is None:
            problems["gebied"] = "Kies een gebied uit de lijst."
    doel_id = session.scalar(select(Doel.id).where(Doel.code == invoer.doel)) if invoer.doel else None
    if invoer.doel and doel_id is None:
        problems["doel"] = "Kies een doel uit de lijst (of geen)."
    if problems:
        raise Invalid(problems)
    afspraak = session.get(Afspraak, afspraak_id) if afspraak_id else Afspraak()
    if afspraak is None:
        raise Invalid({"afspraak": "Deze afspraak bestaat niet (meer). Vernieuw de pagina."})
    afspraak.nummer, afspraak.titel, afspraak.ambitie = nummer, invoer.titel.strip(), invoer.ambitie
    afspraak.soort, afspraak.opgave_id = invoer.soort, invoer.opgave_id
    afspraak.van_jaar, afspraak.tot_jaar = invoer.van_jaar, invoer.tot_jaar
    afspraak.indicator_id, afspraak.gebied_id, afspraak.streefwaarde = indicator_id, gebied_id, invoer.streefwaarde
    afspraak.streef_soort, afspraak.doel_id = streef_soort, doel_id
    afspraak.partijen = [AfspraakPartij(partij_id=trekker_id, rol="trekker", taak=invoer.taak_trekker)] + list(
        {p.partij_id: p for p in partners}.values())
    session.add(afspraak)
    session.flush()
    audit.record(session, visitor.name, "afspraak_gewijzigd" if afspraak_id else "afspraak_aangemaakt",
                 f"afspraak {afspraak.id}", asdict(invoer))
    return afspraak.id


def save_activiteit(session: Session, visitor: access.Visitor, invoer: ActiviteitInvoer,
                    activiteit_id: int | None = None) -> int:
    """Create or change one SMART activity in an afspraak's jaarschijf."""
    access.require(visitor, "afspraak_bewerken")
    problems = {}
    afspraak = session.get(Afspraak, invoer.afspraak_id)
    if afspraak is None:
        problems["afspraak"] = "Kies een bestaande afspraak."
    elif not afspraak.van_jaar <= invoer.jaar <= afspraak.tot_jaar:
        problems["jaar"] = f"Kies een jaar binnen de looptijd {afspraak.van_jaar}–{afspraak.tot_jaar}."
    if not invoer.omschrijving.strip():
        problems["omschrijving"] = "Beschrijf wat er dit jaar gebeurt: wat, wie, hoeveel en wanneer."
    if invoer.status not in STATUSSEN:
        problems["status"] = "Kies een status uit de lijst."
    trekker_id = _partij_id(session, invoer.trekker)
    if invoer.trekker and trekker_id is None:
        problems["trekker"] = "Kies de trekker uit de lijst."
    indicator_id = session.scalar(select(Indicator.id).where(Indicator.sleutel == invoer.indicator)) if invoer.indicator else None
    if invoer.indicator and indicator_id is None:
        problems["indicator"] = "Kies een indicator uit de lijst."
    if problems:
        raise Invalid(problems)
    activiteit = session.get(Activiteit, activiteit_id) if activiteit_id else Activiteit()
    if activiteit is None or (activiteit_id and activiteit.afspraak_id != invoer.afspraak_id):
        # an activity stays with its own afspraak: a changed one is never moved to another
        raise Invalid({"_": "Deze activiteit bestaat niet (meer) bij deze afspraak. Vernieuw de pagina."})
    activiteit.afspraak_id, activiteit.jaar = invoer.afspraak_id, invoer.jaar
    activiteit.omschrijving, activiteit.trekker_id = invoer.omschrijving.strip(), trekker_id
    activiteit.status, activiteit.indicator_id, activiteit.streefwaarde = invoer.status, indicator_id, invoer.streefwaarde
    session.add(activiteit)
    session.flush()
    audit.record(session, visitor.name, "activiteit_gewijzigd" if activiteit_id else "activiteit_aangemaakt",
                 f"activiteit {activiteit.id}", asdict(invoer))
    return activiteit.id


def _check_voortgang(session: Session, visitor: access.Visitor, invoer: VoortgangInvoer, afspraak_id: int) -> int | None:
    """The author party's id after every check; Invalid per field. A visitor of a partij writes for it.

    An activiteit it is tied to must be one of this afspraak's own (`afspraak_id`, read from the
    database): never one of another afspraak, whose parties the writer may have nothing to do with."""
    problems = {}
    if invoer.activiteit_id is not None and session.scalar(select(Activiteit.afspraak_id).where(
            Activiteit.id == invoer.activiteit_id)) != afspraak_id:
        problems["activiteit"] = ("Deze activiteit hoort niet bij deze afspraak. Kies een activiteit uit de "
                                  "jaarschijf van de afspraak zelf.")
    if invoer.status not in STATUSSEN:
        problems["status"] = "Kies een status uit de lijst."
    elif invoer.status in ("aandacht", "achter") and not invoer.toelichting.strip():
        problems["toelichting"] = "Bij 'vraagt aandacht' of 'loopt achter' hoort een toelichting: wat speelt er?"
    if invoer.dilemma and not invoer.toelichting.strip():
        problems["toelichting"] = "Beschrijf het dilemma voor het bestuur in de toelichting."
    auteur_id = _partij_id(session, invoer.auteur)
    if invoer.auteur and auteur_id is None:
        problems["auteur"] = "Kies de partij namens wie u schrijft uit de lijst."
    if problems:
        raise Invalid(problems)
    if visitor.party_scoped:
        if auteur_id not in (None, visitor.partij_id):  # a forged party in the request
            raise access.NotAllowed(access.OUTSIDE_SCOPE)
        auteur_id = visitor.partij_id
    return auteur_id


def add_voortgang(session: Session, visitor: access.Visitor, invoer: VoortgangInvoer) -> int:
    """A dated progress update; aandacht and achter need an explanation (as in municipal reports).

    Records the party it is written for and the account that wrote it. A partner may only write
    on an afspraak its own partij takes part in, and only for its own partij."""
    if session.get(Afspraak, invoer.afspraak_id) is None:
        access.require(visitor, "voortgang_toevoegen", ())
        raise Invalid({"afspraak": "Kies een bestaande afspraak."})
    access.require(visitor, "voortgang_toevoegen", afspraak_partijen(session, invoer.afspraak_id))
    auteur_id = _check_voortgang(session, visitor, invoer, invoer.afspraak_id)
    voortgang = Voortgang(afspraak_id=invoer.afspraak_id, activiteit_id=invoer.activiteit_id,
                          datum=invoer.datum or clock.today(), status=invoer.status,
                          toelichting=invoer.toelichting.strip(), geleerd=invoer.geleerd.strip(),
                          dilemma=invoer.dilemma, auteur_id=auteur_id, gebruiker=visitor.name,
                          gebruiker_id=visitor.gebruiker_id)
    session.add(voortgang)
    session.flush()
    audit.record(session, visitor.name, "voortgang_toegevoegd", f"afspraak {invoer.afspraak_id}", asdict(invoer))
    return voortgang.id


def edit_voortgang(session: Session, visitor: access.Visitor, voortgang_id: int, invoer: VoortgangInvoer) -> None:
    """Change an update; a partner only what its own partij wrote. The afspraak stays the one it was on;
    an `activiteit_id` ties it to one of that afspraak's activities (None keeps the one it has)."""
    voortgang = session.get(Voortgang, voortgang_id)
    if voortgang is None:
        access.require(visitor, "voortgang_bewerken", ())
        raise Invalid({"_": "Deze voortgang bestaat niet (meer). Vernieuw de pagina."})
    access.require(visitor, "voortgang_bewerken", {voortgang.auteur_id})
    auteur_id = _check_voortgang(session, visitor, invoer, voortgang.afspraak_id)
    voortgang.status, voortgang.toelichting, voortgang.geleerd = invoer.status, invoer.toelichting.strip(), invoer.geleerd.strip()
    voortgang.dilemma, voortgang.auteur_id = invoer.dilemma, auteur_id
    voortgang.datum = invoer.datum or voortgang.datum
    if invoer.activiteit_id is not None:
        voortgang.activiteit_id = invoer.activiteit_id
    audit.record(session, visitor.name, "voortgang_gewijzigd", f"voortgang {voortgang_id}",
                 {**asdict(invoer), "afspraak_id": voortgang.afspraak_id})
