"""Meetings and their agenda: what the board looks at, in which order.

The default proposal is what needs the board now (afspraken.attention): every afspraak with a
dilemma, or whose latest voortgang says "loopt achter" or "vraagt aandacht", dilemmas first.
Writes take the visitor, ask `access.require`, validate into `afspraken.Invalid` and are audited.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from dashboard import afspraken, audit
from dashboard.afspraken import Invalid
from dashboard.models import Afspraak, Agendapunt, Besluit, Indicator, Vergadering
from dashboard.toegang import access

ACTIE = "vergadering_bewerken"
VRAAG_MAX = 120  # one line on a slide
DEFAULT_VRAGEN = {
    "dilemma": "Weeg het dilemma en kies hoe we verder gaan.",
    "achter": "Besluit hoe we bijsturen om weer op koers te komen.",
    "aandacht": "Geef de partijen richting: wat is nodig?",
}


@dataclass
class VergaderingInvoer:
    datum: date | None
    titel: str
    overzicht: bool = True


@dataclass
class PuntInvoer:
    soort: str = "afspraak"  # afspraak or kpi
    afspraak_id: int | None = None
    indicator: str | None = None  # key of the indicator, for a KPI slide
    vraag: str = ""


def default_items(session: Session) -> list[PuntInvoer]:
    """The proposal: what needs the board now, dilemmas first, each with its one-line question."""
    rows = afspraken.attention(session)
    return [PuntInvoer(afspraak_id=int(row["id"]),
                       vraag=DEFAULT_VRAGEN["dilemma" if row["dilemma"] else row["status"]])
            for row in rows.to_dict("records")]


def _check_vergadering(invoer: VergaderingInvoer) -> dict[str, str]:
    problems = {}
    if invoer.datum is None:
        problems["datum"] = "Kies de datum van de vergadering, bijvoorbeeld 2026-03-12."
    if not 1 <= len(invoer.titel.strip()) <= 200:
        problems["titel"] = "Geef de vergadering een titel van 1 tot 200 tekens, bijvoorbeeld 'Stuurgroep voorjaar'."
    return problems


def _check_item(session: Session, invoer: PuntInvoer) -> tuple[dict[str, str], str, int | None]:
    problems, naam, indicator_id = {}, "", None
    if invoer.soort == "afspraak":
        afspraak = session.get(Afspraak, invoer.afspraak_id) if invoer.afspraak_id else None
        if afspraak is None:
            problems["afspraak"] = "Kies een bestaande afspraak uit de lijst."
        else:
            naam = f"{afspraak.nummer} {afspraak.titel}"
    elif invoer.soort == "kpi":
        indicator = session.scalar(select(Indicator).where(Indicator.sleutel == (invoer.indicator or "")))
        if indicator is None:
            problems["indicator"] = "Kies een indicator uit de lijst."
        else:
            naam, indicator_id = indicator.naam, indicator.id
    else:
        problems["soort"] = "Kies een afspraak of een indicator."
    if len(invoer.vraag.strip()) > VRAAG_MAX:
        problems["vraag"] = (f"Zeg in één regel wat er van het bestuur gevraagd wordt: hoogstens {VRAAG_MAX} tekens "
                             f"(nu {len(invoer.vraag.strip())}).")
    return problems, naam, indicator_id


def create_vergadering(session: Session, visitor: access.Visitor, invoer: VergaderingInvoer,
                   items: list[PuntInvoer] | None = None) -> int:
    """A new meeting with these items, or (None) with the default proposal."""
    access.require(visitor, ACTIE)
    problems = _check_vergadering(invoer)
    if problems:
        raise Invalid(problems)
    vergadering = Vergadering(datum=invoer.datum, titel=invoer.titel.strip(), overzicht=invoer.overzicht,
                              gebruiker=visitor.name)
    session.add(vergadering)
    session.flush()
    audit.record(session, visitor.name, "vergadering_aangemaakt", f"vergadering {vergadering.id}", asdict(invoer))
    for item in default_items(session) if items is None else items:
        add_item(session, visitor, vergadering.id, item)
    return vergadering.id


def _vergadering(session: Session, vergadering_id: int) -> Vergadering:
    vergadering = session.get(Vergadering, vergadering_id)
    if vergadering is None:
        raise Invalid({"vergadering": f"Vergadering {vergadering_id} bestaat niet (meer). Kies er een uit de lijst."})
    return vergadering


def _item(session: Session, punt_id: int) -> Agendapunt:
    punt = session.get(Agendapunt, punt_id)
    if punt is None:
        raise Invalid({"agendapunt": "Dit agendapunt bestaat niet (meer). Vernieuw de pagina."})
    return punt


def add_item(session: Session, visitor: access.Visitor, vergadering_id: int, invoer: PuntInvoer) -> int:
    """Add an item at the end of the agenda."""
    access.require(visitor, ACTIE)
    _vergadering(session, vergadering_id)
    problems, naam, indicator_id = _check_item(session, invoer)
    if problems:
        raise Invalid(problems)
    last = session.scalar(select(func.max(Agendapunt.volgorde)).where(Agendapunt.vergadering_id == vergadering_id))
    punt = Agendapunt(vergadering_id=vergadering_id, volgorde=(last or 0) + 1, soort=invoer.soort,
                      afspraak_id=invoer.afspraak_id if invoer.soort == "afspraak" else None, afspraak_naam=naam,
                      indicator_id=indicator_id, vraag=invoer.vraag.strip())
    session.add(punt)
    session.flush()
    audit.record(session, visitor.name, "agendapunt_toegevoegd", f"vergadering {vergadering_id}",
                 {**asdict(invoer), "punt": punt.id})
    return punt.id


def set_question(session: Session, visitor: access.Visitor, punt_id: int, vraag: str) -> None:
    access.require(visitor, ACTIE)
    punt = _item(session, punt_id)
    if len(vraag.strip()) > VRAAG_MAX:
        raise Invalid({"vraag": f"Zeg in één regel wat er gevraagd wordt: hoogstens {VRAAG_MAX} tekens."})
    punt.vraag = vraag.strip()
    audit.record(session, visitor.name, "agendapunt_gewijzigd", f"agendapunt {punt_id}", {"vraag": punt.vraag})


def move_item(session: Session, visitor: access.Visitor, punt_id: int, stap: int) -> None:
    """One place up (stap -1) or down (+1); the first stays first, the last stays last."""
    access.require(visitor, ACTIE)
    punt = _item(session, punt_id)
    punten = list(session.scalars(select(Agendapunt).where(Agendapunt.vergadering_id == punt.vergadering_id)
                                  .order_by(Agendapunt.volgorde, Agendapunt.id)))
    index = punten.index(punt)
    target = index + stap
    if not 0 <= target < len(punten):
        return
    punten[index], punten[target] = punten[target], punten[index]
    for volgorde, item in enumerate(punten, start=1):
        item.volgorde = volgorde
    audit.record(session, visitor.name, "agenda_volgorde", f"vergadering {punt.vergadering_id}",
                 {"punt": punt_id, "stap": stap})


def remove_item(session: Session, visitor: access.Visitor, punt_id: int) -> None:
    """Take an item off the agenda; one with a besluit stays (the besluitenlijst needs it)."""
    access.require(visitor, ACTIE)
    punt = _item(session, punt_id)
    if session.scalar(select(Besluit.id).where(Besluit.agendapunt_id == punt_id).limit(1)) is not None:
        raise Invalid({"agendapunt": "Over dit agendapunt is al besloten; het blijft op de agenda en in de "
                                     "besluitenlijst."})
    session.delete(punt)
    audit.record(session, visitor.name, "agendapunt_verwijderd", f"vergadering {punt.vergadering_id}",
                 {"punt": punt_id, "naam": punt.afspraak_naam})


# ---------------------------------------------------------------- read side

@dataclass(frozen=True)
class VergaderingRij:
    """One meeting in the list of meetings, with how many agenda items and besluiten it has."""

    id: int
    datum: date
    titel: str
    overzicht: bool  # with an overview slide per opgave
    punten: int
    besluiten: int

    def as_json(self) -> dict:
        """The CLI's shape (`vergaderingen list --json`): the fields, the date as ISO text."""
        return {**asdict(self), "datum": self.datum.isoformat()}


@dataclass(frozen=True)
class AgendapuntInfo:
    """One agenda item as the agenda editor and the deck read it."""

    id: int
    volgorde: int
    soort: str  # afspraak or kpi
    afspraak_id: int | None
    naam: str  # "nummer titel" of the afspraak, or the indicator's name
    nummer: str | None  # the afspraak's, while it exists
    status: str | None  # the afspraak's latest reported status, while it exists
    dilemma: bool
    vervallen: bool  # its afspraak was removed
    indicator: str | None  # the key of a KPI slide's indicator
    vraag: str


@dataclass(frozen=True)
class VergaderingInfo:
    """A meeting with its agenda items in order (agenda.detail)."""

    id: int
    datum: date
    titel: str
    overzicht: bool
    punten: list[AgendapuntInfo]


def list_vergaderingen(session: Session) -> list[VergaderingRij]:
    """Every meeting, newest first: id, datum, titel, overzicht, punten, besluiten."""
    punten = dict(session.execute(select(Agendapunt.vergadering_id, func.count(Agendapunt.id))
                                  .group_by(Agendapunt.vergadering_id)).all())
    besluiten = dict(session.execute(select(Agendapunt.vergadering_id, func.count(Besluit.id))
                                     .join(Besluit, Besluit.agendapunt_id == Agendapunt.id)
                                     .group_by(Agendapunt.vergadering_id)).all())
    return [VergaderingRij(id=v.id, datum=v.datum, titel=v.titel, overzicht=v.overzicht,
                           punten=punten.get(v.id, 0), besluiten=besluiten.get(v.id, 0))
            for v in session.scalars(select(Vergadering).order_by(Vergadering.datum.desc(), Vergadering.id.desc()))]


def default_vergadering(session: Session, today: date) -> int | None:
    """The meeting a screen shows without being told: the next one from today, else the latest."""
    coming = session.scalar(select(Vergadering.id).where(Vergadering.datum >= today)
                            .order_by(Vergadering.datum, Vergadering.id).limit(1))
    return coming or session.scalar(select(Vergadering.id).order_by(Vergadering.datum.desc(), Vergadering.id.desc())
                                    .limit(1))


def detail(session: Session, vergadering_id: int) -> VergaderingInfo | None:
    """The meeting with its items in order; an item whose afspraak was removed says so (`vervallen`)."""
    vergadering = session.get(Vergadering, vergadering_id)
    if vergadering is None:
        return None
    overview = afspraken.overview(session).set_index("id")
    indicatoren = dict(session.execute(select(Indicator.id, Indicator.sleutel)).all())
    items = []
    for punt in vergadering.punten:
        bestaat = punt.afspraak_id is not None and punt.afspraak_id in overview.index
        row = overview.loc[punt.afspraak_id] if bestaat else None
        items.append(AgendapuntInfo(
            id=punt.id, volgorde=punt.volgorde, soort=punt.soort, afspraak_id=punt.afspraak_id,
            naam=f"{row['nummer']} {row['titel']}" if bestaat else punt.afspraak_naam,
            nummer=row["nummer"] if bestaat else None, status=row["status"] if bestaat else None,
            dilemma=bool(row["dilemma"]) if bestaat else False,
            vervallen=punt.soort == "afspraak" and not bestaat,
            indicator=indicatoren.get(punt.indicator_id), vraag=punt.vraag,
        ))
    return VergaderingInfo(id=vergadering.id, datum=vergadering.datum, titel=vergadering.titel,
                           overzicht=vergadering.overzicht, punten=items)
