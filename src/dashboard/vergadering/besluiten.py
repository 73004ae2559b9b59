"""Besluiten by consent: "je besluit positief zodra er niemand is met een overwegend of
beargumenteerd bezwaar" (wegwijzer, perspectief 2).

Every party at the table gives its position: consent, or an objection with its reason. An
objection is handled by amending the proposal or by being withdrawn, each with its text. The
outcome follows from the positions, never typed: `aangenomen` only when no objection stands,
otherwise `aangehouden` with the next step. Changing an afspraak mid-term needs every party's
consent (domain.md), so a decision that changes one (its target, end year or trekker) applies the
change only once it is aangenomen, exactly once, in the same transaction, with an audit line; the
besluit keeps the old and the new value, which is the afspraak's history.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from dashboard import audit, clock, formatting
from dashboard.afspraken import Invalid, met_looptijd
from dashboard.models import Afspraak, AfspraakPartij, Agendapunt, Besluit, BesluitPositie, Partij, Vergadering
from dashboard.toegang import access
from dashboard.vergadering.agenda import ACTIE

AAN_TAFEL = ("gemeente", "corporatie", "huurdersorganisatie")  # the lokale driehoek: the stuurgroep
UITKOMST_LABELS = {"aangenomen": "Aangenomen", "aangehouden": "Aangehouden"}
VERWERKING_LABELS = {"voorstel_aangepast": "Voorstel aangepast", "ingetrokken": "Bezwaar ingetrokken"}
WIJZIGING_LABELS = {"streefwaarde": "streefwaarde", "tot_jaar": "eindjaar", "trekker": "trekker"}


@dataclass
class Positie:
    partij: str
    bezwaar: bool = False
    reden: str = ""
    verwerking: str = ""  # "", "voorstel_aangepast" or "ingetrokken"
    verwerking_tekst: str = ""

    @property
    def staat(self) -> bool:
        """An objection that still stands: not worked into the proposal, not withdrawn."""
        return self.bezwaar and not self.verwerking


@dataclass
class BesluitInvoer:
    agendapunt_id: int
    voorstel: str
    posities: list[Positie]
    evaluatie: date | None
    datum: date | None = None
    vervolgstap: str = ""
    wijziging: str = ""  # "", "streefwaarde", "tot_jaar" or "trekker"
    nieuwe_waarde: str = ""


def uitkomst(posities: list[Positie]) -> str:
    """Consent: aangenomen when no objection stands, whoever agreed; otherwise aangehouden."""
    return "aangehouden" if any(p.staat for p in posities) else "aangenomen"


def tafel(session: Session, afspraak_id: int | None = None) -> list[str]:
    """The parties whose position a decision needs: the stuurgroep, and every party of the afspraak."""
    names = list(session.scalars(select(Partij.naam).where(Partij.soort.in_(AAN_TAFEL))
                                 .order_by(Partij.soort, Partij.naam)))
    if afspraak_id:
        names += [n for n in session.scalars(
            select(Partij.naam).join(AfspraakPartij, AfspraakPartij.partij_id == Partij.id)
            .where(AfspraakPartij.afspraak_id == afspraak_id).order_by(Partij.naam)) if n not in names]
    return names


def _number(text: str) -> float | None:
    try:
        return float(text.strip().replace(".", "").replace(",", ".")) if "," in text else float(text.strip())
    except ValueError:
        return None


def _check_change(session: Session, afspraak: Afspraak | None, invoer: BesluitInvoer) -> dict[str, str]:
    if not invoer.wijziging:
        return {}
    if invoer.wijziging not in WIJZIGING_LABELS:
        return {"wijziging": "Kies wat het besluit wijzigt: streefwaarde, eindjaar of trekker, of niets."}
    if afspraak is None:
        return {"wijziging": "Alleen een besluit over een bestaande afspraak kan die afspraak wijzigen."}
    waarde = invoer.nieuwe_waarde.strip()
    if invoer.wijziging == "streefwaarde" and _number(waarde) is None:
        return {"nieuwe_waarde": f"'{waarde[:30]}' is geen getal. Geef de nieuwe streefwaarde, bijvoorbeeld 120 of 7,5."}
    if invoer.wijziging == "tot_jaar":
        if not (waarde.isdigit() and afspraak.van_jaar <= int(waarde) <= 2100):
            return {"nieuwe_waarde": f"Geef het nieuwe eindjaar als jaartal vanaf {afspraak.van_jaar}, bijvoorbeeld "
                                     f"{afspraak.tot_jaar + 1}."}
    if invoer.wijziging == "trekker" and session.scalar(select(Partij.id).where(Partij.naam == waarde)) is None:
        return {"nieuwe_waarde": "Kies de nieuwe trekker uit de lijst van partijen."}
    return {}


def _check(session: Session, invoer: BesluitInvoer) -> tuple[dict[str, str], Agendapunt | None, Afspraak | None,
                                                             dict[str, int]]:
    problems: dict[str, str] = {}
    punt = session.get(Agendapunt, invoer.agendapunt_id)
    if punt is None:
        return {"agendapunt": "Dit agendapunt bestaat niet (meer). Vernieuw de pagina."}, None, None, {}
    afspraak = session.get(Afspraak, punt.afspraak_id) if punt.afspraak_id else None
    if not invoer.voorstel.strip():
        problems["voorstel"] = "Schrijf het voorstel op waarover besloten wordt."
    partijen = dict(session.execute(select(Partij.naam, Partij.id)).all())
    gegeven = [p.partij for p in invoer.posities]
    onbekend = sorted(set(gegeven) - set(partijen))
    ontbreekt = [n for n in tafel(session, afspraak.id if afspraak else None) if n not in gegeven]
    if onbekend:
        problems["posities"] = f"Onbekende partij: {', '.join(onbekend)}. Kies partijen uit de lijst."
    elif len(set(gegeven)) != len(gegeven):
        problems["posities"] = "Geef per partij één positie."
    elif ontbreekt:
        problems["posities"] = f"Bij consent telt elke partij: geef ook de positie van {', '.join(ontbreekt)}."
    for positie in invoer.posities:
        if positie.bezwaar and not positie.reden.strip():
            problems[f"reden:{positie.partij}"] = (f"{positie.partij} maakt bezwaar: schrijf de reden op (een "
                                                   "beargumenteerd bezwaar).")
        if positie.bezwaar and positie.verwerking not in ("", *VERWERKING_LABELS):
            problems[f"verwerking:{positie.partij}"] = "Kies: bezwaar staat, voorstel aangepast of ingetrokken."
        elif positie.bezwaar and positie.verwerking and not positie.verwerking_tekst.strip():
            problems[f"verwerking:{positie.partij}"] = (f"Schrijf op hoe het bezwaar van {positie.partij} is verwerkt: "
                                                        "wat er in het voorstel veranderde, of waarom het is "
                                                        "ingetrokken.")
    if invoer.evaluatie is None:
        problems["evaluatie"] = ("Kies een datum om het besluit opnieuw te bekijken: goed genoeg voor nu, veilig "
                                 "genoeg om te proberen.")
    elif invoer.datum and invoer.evaluatie < invoer.datum:
        problems["evaluatie"] = "De evaluatiedatum ligt voor de datum van het besluit. Kies een latere datum."
    if uitkomst(invoer.posities) == "aangehouden" and not invoer.vervolgstap.strip():
        problems["vervolgstap"] = "Er staat nog een bezwaar: schrijf de volgende stap op (wie doet wat, en wanneer terug)."
    problems.update(_check_change(session, afspraak, invoer))
    return problems, punt, afspraak, partijen


def _value(afspraak: Afspraak, session: Session, veld: str) -> str:
    if veld == "streefwaarde":
        return "" if afspraak.streefwaarde is None else f"{afspraak.streefwaarde:g}"
    if veld == "tot_jaar":
        return str(afspraak.tot_jaar)
    return session.scalar(select(Partij.naam).join(AfspraakPartij, AfspraakPartij.partij_id == Partij.id)
                          .where(AfspraakPartij.afspraak_id == afspraak.id, AfspraakPartij.rol == "trekker")) or ""


def _apply(session: Session, visitor: access.Visitor, besluit: Besluit, afspraak: Afspraak) -> None:
    """The change, once: the old value is kept on the besluit, the moment it was applied too."""
    veld, waarde = besluit.wijziging, besluit.nieuwe_waarde
    besluit.oude_waarde = _value(afspraak, session, veld)
    woorden = {}  # a title or ambitie that named the old looptijd, and what it says now
    if veld == "streefwaarde":
        afspraak.streefwaarde = _number(waarde)
        besluit.nieuwe_waarde = f"{afspraak.streefwaarde:g}"
    elif veld == "tot_jaar":
        oud, afspraak.tot_jaar = afspraak.tot_jaar, int(waarde)
        for naam in ("titel", "ambitie"):
            was = getattr(afspraak, naam)
            if (nu := met_looptijd(was, afspraak.van_jaar, oud, afspraak.tot_jaar)) != was:
                setattr(afspraak, naam, nu)
                woorden[naam] = f"{was} -> {nu}"
    else:
        partij_id = session.scalar(select(Partij.id).where(Partij.naam == waarde))
        rollen = {rol.partij_id: rol for rol in afspraak.partijen}
        for rol in rollen.values():
            if rol.rol == "trekker":
                rol.rol = "partner"
        if partij_id in rollen:
            rollen[partij_id].rol = "trekker"
        else:
            afspraak.partijen.append(AfspraakPartij(partij_id=partij_id, rol="trekker"))
    besluit.toegepast = clock.now()
    session.flush()
    audit.record(session, visitor.name, "afspraak_gewijzigd_door_besluit", f"afspraak {afspraak.id}",
                 {"besluit": besluit.id, "veld": veld, "oud": besluit.oude_waarde, "nieuw": besluit.nieuwe_waarde, **woorden})


def record(session: Session, visitor: access.Visitor, invoer: BesluitInvoer, besluit_id: int | None = None) -> int:
    """Record a decision (or, with besluit_id, take up an aangehouden one again) and apply its change
    when it is aangenomen. An aangenomen besluit is final: a new proposal is a new besluit."""
    access.require(visitor, ACTIE)
    besluit = session.get(Besluit, besluit_id) if besluit_id else None
    if besluit_id and besluit is None:
        raise Invalid({"besluit": f"Besluit {besluit_id} bestaat niet (meer). Vernieuw de pagina."})
    if besluit is not None and besluit.uitkomst == "aangenomen":
        raise Invalid({"besluit": "Dit besluit is al aangenomen en is daarmee vastgelegd. Een nieuw voorstel is een "
                                  "nieuw besluit."})
    if besluit is not None:
        invoer.agendapunt_id = besluit.agendapunt_id
    invoer.datum = invoer.datum or clock.today()
    problems, punt, afspraak, partijen = _check(session, invoer)
    if problems:
        raise Invalid(problems)
    if besluit is None:
        besluit = Besluit(agendapunt_id=punt.id, gebruiker=visitor.name)
        session.add(besluit)
    besluit.datum, besluit.voorstel, besluit.evaluatie = invoer.datum, invoer.voorstel.strip(), invoer.evaluatie
    besluit.uitkomst = uitkomst(invoer.posities)
    besluit.vervolgstap = invoer.vervolgstap.strip() if besluit.uitkomst == "aangehouden" else ""
    besluit.wijziging, besluit.nieuwe_waarde = invoer.wijziging, invoer.nieuwe_waarde.strip()
    besluit.posities.clear()
    session.flush()  # the old positions go before the new ones come (one per party)
    besluit.posities = [BesluitPositie(partij_id=partijen[p.partij], positie="bezwaar" if p.bezwaar else "instemming",
                                       reden=p.reden.strip() if p.bezwaar else "",
                                       verwerking=p.verwerking if p.bezwaar else "",
                                       verwerking_tekst=p.verwerking_tekst.strip() if p.bezwaar and p.verwerking else "")
                        for p in invoer.posities]
    session.flush()
    audit.record(session, visitor.name, "besluit_vastgelegd" if besluit_id is None else "besluit_bijgewerkt",
                 f"besluit {besluit.id}", {**asdict(invoer), "uitkomst": besluit.uitkomst})
    if besluit.uitkomst == "aangenomen" and besluit.wijziging and besluit.toegepast is None:
        _apply(session, visitor, besluit, afspraak)
    return besluit.id


# ---------------------------------------------------------------- read side

@dataclass(frozen=True)
class PositieInfo:
    """A party's recorded position on a besluit."""

    partij: str
    positie: str  # instemming or bezwaar
    reden: str
    verwerking: str | None  # how an objection was handled ("Voorstel aangepast: ..."), None while it stands


@dataclass(frozen=True)
class BezwaarInfo:
    """An objection to a besluit: whose, why, and how it was handled (None: it still stands)."""

    partij: str
    reden: str
    verwerking: str | None


@dataclass(frozen=True)
class WijzigingInfo:
    """What a besluit changes in its afspraak: the field, the old and the new value, and when it was applied."""

    veld: str  # streefwaarde, tot_jaar or trekker
    oud: str  # "" until it is applied
    nieuw: str
    toegepast: datetime | None  # None: not (yet) applied


@dataclass(frozen=True)
class BesluitInfo:
    """A besluit with its afspraak, meeting, positions and the change it made (list_besluiten)."""

    id: int
    afspraak: str | None  # the afspraak's nummer, None once it was removed
    afspraak_id: int | None
    afspraak_titel: str
    agendapunt_id: int
    vergadering_id: int
    vergadering: str  # the meeting's titel
    datum: date
    voorstel: str
    uitkomst: str  # aangenomen or aangehouden
    vervolgstap: str
    evaluatie: date
    posities: list[PositieInfo]
    bezwaren: list[BezwaarInfo]
    wijziging: WijzigingInfo | None

    def as_json(self) -> dict:
        """The CLI's shape: plain types, dates as ISO text."""
        iso = lambda d: d.isoformat() if d else None  # noqa: E731
        wijziging = self.wijziging and {**asdict(self.wijziging), "toegepast": clock.iso(self.wijziging.toegepast)}
        return {"id": self.id, "afspraak": self.afspraak, "afspraak_titel": self.afspraak_titel,
                "vergadering": self.vergadering_id, "datum": iso(self.datum), "voorstel": self.voorstel,
                "uitkomst": self.uitkomst, "vervolgstap": self.vervolgstap,
                "bezwaren": [asdict(b) for b in self.bezwaren], "posities": [asdict(p) for p in self.posities],
                "evaluatie": iso(self.evaluatie), "wijziging": wijziging}


@dataclass(frozen=True)
class HistorieRegel:
    """A change a besluit made to an afspraak: a line of the afspraak's history."""

    besluit: int  # the besluit's id
    datum: date
    vergadering: str  # the meeting's titel
    wijziging: str  # change_text: "eindjaar van 2027 naar 2028"


def _verwerking(positie: BesluitPositie) -> str | None:
    if not positie.verwerking:
        return None
    return f"{VERWERKING_LABELS[positie.verwerking]}: {positie.verwerking_tekst}"


def change_text(besluit: BesluitInfo) -> str:
    """'eindjaar van 2027 naar 2028' (empty when the besluit changes nothing)."""
    w = besluit.wijziging
    if not w:
        return ""
    show = (lambda v: formatting.number(_number(v), 1).removesuffix(",0")) if w.veld == "streefwaarde" else str
    oud = show(w.oud) if w.oud else "geen"
    nieuw = show(w.nieuw) if w.nieuw else "?"
    if not w.toegepast:
        return f"{WIJZIGING_LABELS[w.veld]} naar {nieuw} (nog niet toegepast)"
    return f"{WIJZIGING_LABELS[w.veld]} van {oud} naar {nieuw}"


def list_besluiten(session: Session, afspraak_id: int | None = None, vergadering_id: int | None = None,
                   count: int | None = None) -> list[BesluitInfo]:
    """Besluiten newest first, each with its afspraak, meeting, positions and the change it made."""
    query = (select(Besluit, Agendapunt, Vergadering)
             .join(Agendapunt, Besluit.agendapunt_id == Agendapunt.id)
             .join(Vergadering, Agendapunt.vergadering_id == Vergadering.id)
             .options(selectinload(Besluit.posities))
             .order_by(Besluit.datum.desc(), Besluit.id.desc()))
    if afspraak_id is not None:
        query = query.where(Agendapunt.afspraak_id == afspraak_id)
    if vergadering_id is not None:
        query = query.where(Agendapunt.vergadering_id == vergadering_id)
    if count:
        query = query.limit(count)
    namen = dict(session.execute(select(Partij.id, Partij.naam)).all())
    nummers = {i: (n, t) for i, n, t in session.execute(select(Afspraak.id, Afspraak.nummer, Afspraak.titel))}
    result = []
    for besluit, punt, vergadering in session.execute(query).all():
        nummer, titel = nummers.get(punt.afspraak_id, (None, None))
        posities = [PositieInfo(partij=namen.get(p.partij_id, "?"), positie=p.positie, reden=p.reden,
                                verwerking=_verwerking(p)) for p in besluit.posities]
        result.append(BesluitInfo(
            id=besluit.id, afspraak=nummer, afspraak_id=punt.afspraak_id,
            afspraak_titel=titel or punt.afspraak_naam, agendapunt_id=punt.id,
            vergadering_id=vergadering.id, vergadering=vergadering.titel, datum=besluit.datum,
            voorstel=besluit.voorstel, uitkomst=besluit.uitkomst, vervolgstap=besluit.vervolgstap,
            evaluatie=besluit.evaluatie, posities=posities,
            bezwaren=[BezwaarInfo(partij=p.partij, reden=p.reden, verwerking=p.verwerking)
                      for p in posities if p.positie == "bezwaar"],
            wijziging=None if not besluit.wijziging else WijzigingInfo(
                veld=besluit.wijziging, oud=besluit.oude_waarde, nieuw=besluit.nieuwe_waarde,
                toegepast=clock.aware(besluit.toegepast)),
        ))
    return result


def latest(session: Session, count: int = 3) -> list[BesluitInfo]:
    return list_besluiten(session, count=count)


def history(session: Session, afspraak_id: int) -> list[HistorieRegel]:
    """What besluiten changed in this afspraak, oldest first: besluit, datum, what changed."""
    applied = [b for b in list_besluiten(session, afspraak_id=afspraak_id) if b.wijziging and b.wijziging.toegepast]
    return [HistorieRegel(besluit=b.id, datum=b.datum, vergadering=b.vergadering, wijziging=change_text(b))
            for b in reversed(applied)]
