"""One year of the cycle as its five phases, each with its deadline and status, the bods and the
signatures per party; and what is due now, for the Kompas.

`jaar` is the year the afspraken are for: the bods come in the year before, the signatures by
its deadline, the uitvoering runs through `jaar`, the evaluatie follows in the year after.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from dashboard import formatting
from dashboard.cyclus.termijnen import Termijnen
from dashboard.models import Afspraak, Bod, Geschil, Ondertekening, Partij, Voortgang

FASEN = ("bod", "overleg", "ondertekening", "uitvoering", "evaluatie")
NAMEN = {"bod": "Bod", "overleg": "Overleg", "ondertekening": "Ondertekening", "uitvoering": "Uitvoering",
         "evaluatie": "Evaluatie"}
STATUS = {"klaar": "Klaar", "loopt": "Loopt", "te_laat": "Over de termijn", "nog_niet": "Nog niet"}
TEKENAARS = ("gemeente", "corporatie", "huurdersorganisatie")  # the parties the Woningwet names


@dataclass(frozen=True)
class Fase:
    fase: str
    termijn: date | None
    status: str
    uitleg: str


@dataclass(frozen=True)
class Handtekening:
    partij: str
    soort: str
    datum: date | None = None
    naam: str = ""
    functie: str = ""


@dataclass(frozen=True)
class BodInfo:
    partij: str
    ontvangen_op: date | None
    dagen_te_laat: int = 0
    document: str | None = None
    document_naam: str = ""
    samenvatting: str = ""
    cijfers: list[tuple[str, float, str, int | None]] = field(default_factory=list)  # onderwerp, waarde, eenheid, afspraak


@dataclass(frozen=True)
class Cyclus:
    jaar: int
    fasen: list[Fase]
    bods: list[BodInfo]
    handtekeningen: list[Handtekening]
    geschillen: list[tuple[int, str, str]]  # id, status, geschilpunt


def _dag(when: date) -> str:
    return formatting.day(when)


def _namen(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " en " + items[-1]


def _bods(session: Session, jaar: int, termijn: date) -> list[BodInfo]:
    stored = {b.partij_id: b for b in session.scalars(select(Bod).where(Bod.jaar == jaar))}
    found = []
    for partij in session.scalars(select(Partij).where(Partij.soort == "corporatie").order_by(Partij.naam)):
        bod = stored.get(partij.id)
        if bod is None:
            found.append(BodInfo(partij.naam, None))
            continue
        found.append(BodInfo(partij.naam, bod.ontvangen_op, max((bod.ontvangen_op - termijn).days, 0), bod.document,
                             bod.document_naam, bod.samenvatting,
                             [(c.onderwerp, c.waarde, c.eenheid, c.afspraak_id) for c in bod.cijfers]))
    return found


def partij(session: Session, naam: str, soorten: tuple[str, ...] = TEKENAARS) -> Partij | None:
    """The party of that name, when it is of one of `soorten` (by default: a party the Woningwet
    names); None otherwise, for the form to name the field."""
    gevonden = session.scalar(select(Partij).where(Partij.naam == naam))
    return gevonden if gevonden is not None and gevonden.soort in soorten else None


def _handtekeningen(session: Session, jaar: int) -> list[Handtekening]:
    signed = {o.partij_id: o for o in session.scalars(select(Ondertekening).where(Ondertekening.jaar == jaar))}
    order = {soort: i for i, soort in enumerate(TEKENAARS)}
    partijen = sorted(session.scalars(select(Partij).where(Partij.soort.in_(TEKENAARS))),
                      key=lambda p: (order[p.soort], p.naam))
    return [Handtekening(p.naam, p.soort, *((signed[p.id].datum, signed[p.id].naam, signed[p.id].functie)
                                            if p.id in signed else ())) for p in partijen]


def _bod_fase(bods: list[BodInfo], termijn: date, vandaag: date) -> Fase:
    missing = [b.partij for b in bods if b.ontvangen_op is None]
    late = [b.partij for b in bods if b.dagen_te_laat]
    if not bods:
        return Fase("bod", termijn, "nog_niet", "Er zijn geen corporaties vastgelegd (pagina Gegevens, partijen).")
    if not missing:
        extra = f"; te laat: {_namen(late)}" if late else ""
        return Fase("bod", termijn, "klaar", f"Alle {len(bods)} bods ontvangen{extra}.")
    status = "te_laat" if vandaag > termijn else ("loopt" if vandaag.year >= termijn.year else "nog_niet")
    return Fase("bod", termijn, status, f"Nog niet ontvangen van {_namen(missing)}.")


def _teken_fase(handtekeningen: list[Handtekening], termijn: date, vandaag: date) -> Fase:
    missing = [h.partij for h in handtekeningen if h.datum is None]
    if not handtekeningen:
        return Fase("ondertekening", termijn, "nog_niet", "Er zijn nog geen partijen vastgelegd (pagina Gegevens).")
    if not missing:
        last = max(h.datum for h in handtekeningen)
        return Fase("ondertekening", termijn, "klaar", f"Getekend door alle {formatting.count(len(handtekeningen), 'partij', 'partijen')}, de laatste "
                    f"op {_dag(last)}.")
    if len(missing) == len(handtekeningen):
        status = "te_laat" if vandaag > termijn else "nog_niet"
        return Fase("ondertekening", termijn, status, "Nog door geen enkele partij getekend.")
    status = "te_laat" if vandaag > termijn else "loopt"
    return Fase("ondertekening", termijn, status, f"Nog niet getekend door {_namen(missing)}.")


def _evaluatie(session: Session, jaar: int, termijn: date, vandaag: date) -> Fase:
    lopend = set(session.scalars(select(Afspraak.id).where(Afspraak.van_jaar <= jaar, Afspraak.tot_jaar >= jaar)))
    # a report from the year's last quarter on counts as its evaluation (the yearly monitor)
    gemeld = set(session.scalars(select(Voortgang.afspraak_id).where(Voortgang.datum >= date(jaar, 10, 1))))
    open_ = len(lopend - gemeld)
    if vandaag <= date(jaar, 12, 31) and not (lopend and not open_):
        return Fase("evaluatie", termijn, "nog_niet", f"Na afloop van {jaar}: de voortgang van elke afspraak.")
    if not open_:
        return Fase("evaluatie", termijn, "klaar", f"Voor alle {formatting.count(len(lopend), 'afspraak', 'afspraken')} is de voortgang over {jaar} "
                    "gemeld.")
    status = "te_laat" if vandaag > termijn else "loopt"
    return Fase("evaluatie", termijn, status, f"Van {formatting.count(open_, 'afspraak', 'afspraken')} is de voortgang "
                f"over {jaar} nog niet gemeld.")


def jaar(session: Session, jaar: int, termijnen: Termijnen, vandaag: date) -> Cyclus:
    """The year's cycle as it stands on `vandaag`."""
    bod_termijn, teken_termijn = termijnen.bod_voor(jaar), termijnen.afspraken_voor(jaar)
    bods, handtekeningen = _bods(session, jaar, bod_termijn), _handtekeningen(session, jaar)
    bod, teken = _bod_fase(bods, bod_termijn, vandaag), _teken_fase(handtekeningen, teken_termijn, vandaag)
    if teken.status == "klaar":
        overleg = Fase("overleg", teken_termijn, "klaar", "Het overleg leidde tot ondertekende afspraken.")
    elif vandaag < date(jaar - 1, 1, 1):
        overleg = Fase("overleg", teken_termijn, "nog_niet", "Begint met de bods.")
    else:
        geschil = termijnen.geschil_vanaf(jaar)
        extra = (f" Sinds {_dag(geschil)} kan elke partij een geschil aan de minister voorleggen "
                 "(art. 44 lid 4 Woningwet)." if vandaag >= geschil else
                 f" Lukt dat niet, dan kan elke partij vanaf {_dag(geschil)} een geschil aan de minister voorleggen "
                 "(art. 44 lid 4 Woningwet)." if vandaag > teken_termijn else "")
        overleg = Fase("overleg", teken_termijn, "te_laat" if vandaag > teken_termijn else "loopt",
                       f"De afspraken horen er voor {_dag(teken_termijn)} te zijn.{extra}")
    if vandaag < date(jaar, 1, 1):
        uitvoering = Fase("uitvoering", date(jaar, 12, 31), "nog_niet", f"In {jaar}.")
    elif vandaag <= date(jaar, 12, 31):
        uitvoering = Fase("uitvoering", date(jaar, 12, 31), "loopt", f"De partijen voeren de afspraken van {jaar} uit.")
    else:
        uitvoering = Fase("uitvoering", date(jaar, 12, 31), "klaar", f"{jaar} is voorbij.")
    geschillen = [(g.id, g.status, g.geschilpunt) for g in session.scalars(
        select(Geschil).where(Geschil.jaar == jaar).order_by(Geschil.id))]
    return Cyclus(jaar, [bod, overleg, teken, uitvoering, _evaluatie(session, jaar, termijnen.evaluatie_voor(jaar),
                                                                        vandaag)],
                  bods, handtekeningen, geschillen)


def te_doen(session: Session, termijnen: Termijnen, vandaag: date) -> list[str]:
    """What is due now: next year's bods and signatures, this year's signatures if they are still
    missing, and last year's evaluation (the three cycles open on `vandaag`)."""
    lines = []
    volgend = jaar(session, vandaag.year + 1, termijnen, vandaag)
    bod = volgend.fasen[0]
    if bod.status in ("loopt", "te_laat"):
        lines += [f"Bod van {b.partij} voor {volgend.jaar} verwacht voor {_dag(bod.termijn)}: nog niet ontvangen."
                  for b in volgend.bods if b.ontvangen_op is None]
    for cyclus in (volgend, jaar(session, vandaag.year, termijnen, vandaag)):
        teken = cyclus.fasen[2]
        if teken.status == "te_laat" or (teken.status == "loopt" and cyclus is volgend):
            missing = [h.partij for h in cyclus.handtekeningen if h.datum is None]
            lines.append(f"Afspraken voor {cyclus.jaar} horen getekend te zijn voor {_dag(teken.termijn)}: nog niet "
                         f"getekend door {_namen(missing)}.")
    evaluatie = jaar(session, vandaag.year - 1, termijnen, vandaag).fasen[4]
    if evaluatie.status in ("loopt", "te_laat"):
        lines.append(f"Evaluatie van {vandaag.year - 1} voor {_dag(evaluatie.termijn)}: {evaluatie.uitleg}")
    return lines
