"""Who signed the year's afspraken for each party, when and as whom: the gemeente, every
corporation and every huurdersorganisatie sign (art. 44 Woningwet)."""
from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from dashboard import audit, clock
from dashboard.afspraken import Invalid
from dashboard.cyclus import fasen
from dashboard.models import Ondertekening
from dashboard.toegang import access

ACTIE = "cyclus_bewerken"


@dataclass
class TekenInvoer:
    partij: str
    jaar: int
    datum: date
    naam: str
    functie: str


def tekenen(session: Session, visitor: access.Visitor, invoer: TekenInvoer) -> int:
    """Record a party's signature for a year (a second one for the same party and year replaces it)."""
    access.require(visitor, ACTIE)
    problems: dict[str, str] = {}
    partij = fasen.partij(session, invoer.partij)
    if partij is None:
        problems["partij"] = "Kies de gemeente, een corporatie of een huurdersorganisatie."
    if not invoer.naam.strip():
        problems["naam"] = "Schrijf op wie tekende, bijvoorbeeld 'M. de Vries'."
    if not invoer.functie.strip():
        problems["functie"] = "Schrijf op als wie, bijvoorbeeld 'wethouder Wonen' of 'directeur-bestuurder'."
    if invoer.datum > clock.today():
        problems["datum"] = "De datum ligt in de toekomst. Kies de dag van ondertekening."
    if problems:
        raise Invalid(problems)
    signed = session.scalar(select(Ondertekening).where(Ondertekening.jaar == invoer.jaar,
                                                        Ondertekening.partij_id == partij.id))
    if signed is None:
        signed = Ondertekening(jaar=invoer.jaar, partij_id=partij.id)
        session.add(signed)
    signed.datum, signed.naam, signed.functie = invoer.datum, invoer.naam.strip(), invoer.functie.strip()
    session.flush()
    audit.record(session, visitor.name, "afspraken_getekend", f"ondertekening {invoer.jaar} {partij.naam}",
                 asdict(invoer))
    return signed.id
