"""A geschil: when talks do not lead to afspraken within the term, or afspraken are not kept, a
party may ask the minister to decide (art. 44 lid 4 Woningwet). Kept from the moment a party
considers it, as 'slapend', so that the dossier is ready if it comes to that."""
from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date

from sqlalchemy.orm import Session

from dashboard import audit, clock
from dashboard.afspraken import Invalid
from dashboard.cyclus import fasen
from dashboard.models import Afspraak, Geschil
from dashboard.models.cyclus import GESCHIL_ONDERWERPEN, GESCHIL_STATUSSEN
from dashboard.toegang import access

ACTIE = "cyclus_bewerken"
STATUS_LABELS = {"slapend": "Slapend", "voorbereid": "Voorbereid", "ingediend": "Ingediend bij de minister",
                 "uitspraak": "Uitspraak gedaan", "ingetrokken": "Ingetrokken"}
ONDERWERP_LABELS = {"totstandkoming": "Geen afspraken binnen de termijn", "nakoming": "Afspraken niet nagekomen"}


@dataclass
class GeschilInvoer:
    jaar: int
    verzoeker: str
    geschilpunt: str
    onderwerp: str = "totstandkoming"
    afspraak_id: int | None = None
    standpunten: str = ""
    beleid: str = ""
    status: str = "slapend"
    ingediend_op: date | None = None
    toelichting: str = ""


def vastleggen(session: Session, visitor: access.Visitor, invoer: GeschilInvoer, geschil_id: int | None = None) -> int:
    """Record a geschil, or change the one given."""
    access.require(visitor, ACTIE)
    problems: dict[str, str] = {}
    verzoeker = fasen.partij(session, invoer.verzoeker)
    if verzoeker is None:
        problems["verzoeker"] = "Kies de gemeente, een corporatie of een huurdersorganisatie die het verzoek doet."
    if not invoer.geschilpunt.strip():
        problems["geschilpunt"] = "Beschrijf het punt waarover de partijen het niet eens worden."
    if invoer.onderwerp not in GESCHIL_ONDERWERPEN:
        problems["onderwerp"] = "Kies: geen afspraken binnen de termijn, of afspraken niet nagekomen."
    if invoer.status not in GESCHIL_STATUSSEN:
        problems["status"] = "Kies een status uit de lijst."
    if invoer.afspraak_id is not None and session.get(Afspraak, invoer.afspraak_id) is None:
        problems["afspraak"] = "Die afspraak bestaat niet (meer). Kies een afspraak uit de lijst, of geen."
    if invoer.status in ("ingediend", "uitspraak") and invoer.ingediend_op is None:
        problems["ingediend_op"] = "Geef de datum waarop het verzoek bij de minister is ingediend."
    if invoer.ingediend_op and invoer.ingediend_op > clock.today():
        problems["ingediend_op"] = "De datum van indienen ligt in de toekomst."
    if problems:
        raise Invalid(problems)
    geschil = session.get(Geschil, geschil_id) if geschil_id else Geschil(aangemaakt_op=clock.today())
    if geschil is None:
        raise Invalid({"geschil": "Dit geschil bestaat niet (meer). Vernieuw de pagina."})
    geschil.jaar, geschil.verzoeker_id, geschil.afspraak_id = invoer.jaar, verzoeker.id, invoer.afspraak_id
    geschil.onderwerp, geschil.geschilpunt = invoer.onderwerp, invoer.geschilpunt.strip()
    geschil.standpunten, geschil.beleid = invoer.standpunten.strip(), invoer.beleid.strip()
    geschil.status, geschil.ingediend_op, geschil.toelichting = invoer.status, invoer.ingediend_op, invoer.toelichting
    session.add(geschil)
    session.flush()
    audit.record(session, visitor.name, "geschil_vastgelegd" if geschil_id is None else "geschil_gewijzigd",
                 f"geschil {geschil.id}", asdict(invoer))
    return geschil.id
