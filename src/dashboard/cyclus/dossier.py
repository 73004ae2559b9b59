"""The geschil dossier: everything a request to the minister (art. 44 lid 4 Woningwet) asks for,
put together from what the monitor holds, for one year and optionally one afspraak.

The contents follow the Regeling toegelaten instellingen volkshuisvesting, art. 19a–19d, as the
issue that asked for it reads them: the date, the parties, the disputed point, the local policy
(woonvisie or volkshuisvestingsprogramma) and the bod. VELDEN lists them in one place, so that a
jurist can check and change the list without touching the layout. A field the monitor does not
hold (a party's address) is printed as to be completed, never left out.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from dashboard import afspraken, formatting
from dashboard.cyclus import bod as bod_core
from dashboard.cyclus import afspraaktekst, document
from dashboard.cyclus.fasen import jaar as cyclus_jaar
from dashboard.cyclus.geschil import ONDERWERP_LABELS, STATUS_LABELS as GESCHIL_STATUS
from dashboard.cyclus.termijnen import Termijnen
from dashboard.models import Afspraak, Geschil, Partij
from dashboard.vergadering.besluiten import UITKOMST_LABELS, list_besluiten

IN_TE_VULLEN = "In te vullen: niet vastgelegd in de monitor."
# (key, heading) of each field of the request, in the order of the Regeling.
VELDEN = (
    ("dagtekening", "Dagtekening van het verzoek"),
    ("verzoeker", "Naam en adres van de verzoeker"),
    ("partijen", "De andere partijen bij de prestatieafspraken"),
    ("geschilpunt", "Het geschilpunt"),
    ("standpunten", "De standpunten van de partijen"),
    ("beleid", "Het volkshuisvestingsbeleid van de gemeente"),
    ("bod", "Het bod van de corporaties"),
    ("overleg", "Het verloop van het overleg"),
)


@dataclass(frozen=True)
class Dossier:
    titel: str
    blokken: list[document.Blok]
    velden: dict[str, list[str]]  # key -> the lines filled in for it
    ontbreekt: list[str]  # headings of the fields still to complete

    def pdf(self) -> bytes:
        return document.pdf(self.titel, "Verzoek om een beslissing van de minister, art. 44 lid 4 Woningwet",
                            self.blokken)


class GeenGeschil(LookupError):
    """There is nothing to put in a dossier; the message is Dutch and says what to record first."""


def _geschil(session: Session, jaar: int, afspraak_id: int | None) -> Geschil:
    query = select(Geschil).where(Geschil.jaar == jaar).order_by(Geschil.id.desc())
    if afspraak_id is not None:
        query = query.where(Geschil.afspraak_id == afspraak_id)
    found = session.scalars(query).first()
    if found is None:
        raise GeenGeschil(f"Er is geen geschil over {jaar} vastgelegd"
                          + (" voor deze afspraak" if afspraak_id is not None else "")
                          + ". Leg het eerst vast op de pagina Cyclus.")
    return found


def _afspraak_blokken(session: Session, ids: list[int], jaar: int) -> list[document.Blok]:
    blokken: list[document.Blok] = []
    for afspraak_id in ids:
        blokken += afspraaktekst.blokken(afspraken.detail(session, afspraak_id), jaar, kop="Afspraak ")
        cijfer = afspraken.figures(session, afspraak_id)
        if cijfer is not None:
            blokken.append(document.Alinea(f"Cijfers: {cijfer.kop}. {cijfer.grondslag}"))
        besluiten = list_besluiten(session, afspraak_id=afspraak_id)
        if besluiten:
            blokken.append(document.Tabel(
                ["Datum", "Vergadering", "Voorstel", "Uitkomst", "Bezwaren"],
                [[formatting.day(b.datum), b.vergadering, b.voorstel, UITKOMST_LABELS[b.uitkomst],
                  "; ".join(f"{x.partij}: {x.reden}" for x in b.bezwaren) or "geen"] for b in reversed(besluiten)],
                [0.14, 0.18, 0.34, 0.12, 0.22]))
    return blokken


def samenstellen(session: Session, jaar: int, termijnen: Termijnen, vandaag: date,
                 afspraak_id: int | None = None) -> Dossier:
    """The dossier of the latest geschil over `jaar` (about `afspraak_id`, if given)."""
    geschil = _geschil(session, jaar, afspraak_id)
    cyclus = cyclus_jaar(session, jaar, termijnen, vandaag)
    verzoeker = session.get(Partij, geschil.verzoeker_id)
    anderen = [f"{h.partij} ({h.soort})" for h in cyclus.handtekeningen if h.partij != verzoeker.naam]
    bods = [f"{b.partij}: ontvangen op {formatting.day(b.ontvangen_op)}"
            + (f", {formatting.count(b.dagen_te_laat, 'dag', 'dagen')} na de termijn" if b.dagen_te_laat else "")
            + (f". {b.samenvatting}" if b.samenvatting else "")
            + "".join(f" {formatting.capital(o)}: {formatting.value(w, e)}." for o, w, e, _ in b.cijfers)
            if b.ontvangen_op else f"{b.partij}: geen bod ontvangen." for b in cyclus.bods]
    bod_termijn, teken = cyclus.fasen[0].termijn, cyclus.fasen[2]
    overleg = [f"De bods waren verwacht voor {formatting.day(bod_termijn)}; de afspraken voor "
               f"{formatting.day(teken.termijn)}. {teken.uitleg}",
               f"Een geschil kan worden voorgelegd vanaf {formatting.day(termijnen.geschil_vanaf(jaar))}.",
               f"Status van het verzoek: {GESCHIL_STATUS[geschil.status]}"
               + (f", ingediend op {formatting.day(geschil.ingediend_op)}" if geschil.ingediend_op else "") + "."]
    velden = {
        "dagtekening": [formatting.day(geschil.ingediend_op or vandaag)],
        "verzoeker": [f"{verzoeker.naam} ({verzoeker.soort})", f"Adres: {IN_TE_VULLEN}"],
        "partijen": anderen,
        "geschilpunt": [f"{ONDERWERP_LABELS[geschil.onderwerp]}.", geschil.geschilpunt],
        "standpunten": [geschil.standpunten] if geschil.standpunten else [],
        "beleid": [geschil.beleid] if geschil.beleid else [],
        "bod": bods,
        "overleg": overleg,
    }
    ontbreekt = [kop for key, kop in VELDEN if not velden[key]] + ["Adres van de verzoeker"]
    titel = f"Geschildossier prestatieafspraken {jaar}"
    blokken: list[document.Blok] = [
        document.Kop(titel),
        document.Alinea(f"Verzoek van {verzoeker.naam} om een beslissing van de minister (art. 44 lid 4 Woningwet) "
                        f"over de prestatieafspraken voor {jaar}. Samengesteld uit de monitor Tellen & Vertellen op "
                        f"{formatting.day(vandaag)}."),
    ]
    for key, kop in VELDEN:
        blokken.append(document.Kop(kop, 2))
        lines = velden[key] or [IN_TE_VULLEN]
        blokken += [document.Lijst(lines)] if len(lines) > 1 else [document.Alinea(lines[0])]
    naast = bod_core.naast(session, jaar)
    if naast:
        blokken += [document.Kop("Het bod naast de afspraken", 2), document.Lijst(naast)]
    ids = [geschil.afspraak_id] if geschil.afspraak_id else list(session.scalars(
        select(Afspraak.id).where(Afspraak.van_jaar <= jaar, Afspraak.tot_jaar >= jaar).order_by(Afspraak.nummer)))
    blokken.append(document.Kop("De afspraken, hun cijfers en de besluiten van de stuurgroep"))
    blokken += _afspraak_blokken(session, ids, jaar)
    return Dossier(titel, blokken, velden, ontbreekt)
