"""A corporation's bod: the document as it was sent, and its key figures set beside the afspraken.

The document must be a whole PDF (its header and its end-of-file mark, not its name or type) under
the upload cap, and is stored under a new name, like a story's media.
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy import event, select
from sqlalchemy.orm import Session

from dashboard import audit, clock, formatting
from dashboard.afspraken import Invalid
from dashboard.cyclus import fasen
from dashboard.models import Afspraak, Bod, BodCijfer, Indicator, Partij
from dashboard.toegang import access
from dashboard.verhalen import media

ACTIE = "cyclus_bewerken"
MAP = "bods"  # beside the media, in a folder of its own
_NAAM = re.compile(r"^[0-9a-f]{32}\.pdf$")


@dataclass
class Cijfer:
    onderwerp: str
    waarde: float
    eenheid: str = ""
    afspraak_id: int | None = None


@dataclass
class BodInvoer:
    partij: str
    jaar: int
    ontvangen_op: date
    samenvatting: str = ""
    document: bytes | None = None
    document_naam: str = ""
    cijfers: list[Cijfer] = field(default_factory=list)


def _check(session: Session, invoer: BodInvoer, max_bytes: int) -> tuple[dict[str, str], Partij | None]:
    problems: dict[str, str] = {}
    partij = fasen.partij(session, invoer.partij, ("corporatie",))
    if partij is None:
        problems["partij"] = "Kies de corporatie die het bod uitbracht."
    if not 2000 <= invoer.jaar <= 2100:
        problems["jaar"] = "Geef het jaar waarvoor de afspraken gelden, bijvoorbeeld 2027."
    if invoer.ontvangen_op > clock.today():
        problems["ontvangen_op"] = "De ontvangstdatum ligt in de toekomst. Kies de dag waarop het bod binnenkwam."
    if invoer.document is not None:
        if len(invoer.document) > max_bytes:
            problems["document"] = f"Het document is groter dan {max_bytes // 1_000_000} MB."
        elif not (invoer.document.startswith((b"%PDF-1.", b"%PDF-2.")) and b"%%EOF" in invoer.document[-1024:]):
            # a PDF opens with its version and ends with %%EOF (give or take a trailing newline)
            problems["document"] = "Dit bestand is geen (volledige) PDF. Kies het bod als PDF-bestand."
    known = set(session.scalars(select(Afspraak.id)))
    for i, cijfer in enumerate(invoer.cijfers):
        if not cijfer.onderwerp.strip():
            problems[f"cijfer{i}"] = f"Regel {i + 1}: schrijf op waar het getal over gaat, bijvoorbeeld "\
                                     "'sociale huurwoningen nieuwbouw'."
        elif cijfer.afspraak_id is not None and cijfer.afspraak_id not in known:
            problems[f"cijfer{i}"] = f"Regel {i + 1}: die afspraak bestaat niet (meer). Kies een afspraak uit de lijst."
    return problems, partij


def opslaan(session: Session, visitor: access.Visitor, invoer: BodInvoer, media_dir: Path, max_bytes: int) -> int:
    """Record (or replace) a corporation's bod for a year; a new document replaces the old file."""
    access.require(visitor, ACTIE)
    problems, partij = _check(session, invoer, max_bytes)
    if problems:
        raise Invalid(problems)
    bod = session.scalar(select(Bod).where(Bod.jaar == invoer.jaar, Bod.partij_id == partij.id))
    if bod is None:
        bod = Bod(jaar=invoer.jaar, partij_id=partij.id)
        session.add(bod)
    old = bod.document
    if invoer.document is not None:
        bod.document = media.store(invoer.document, "pdf", media_dir / MAP)
        bod.document_naam = invoer.document_naam[:200]
    bod.ontvangen_op, bod.samenvatting = invoer.ontvangen_op, invoer.samenvatting.strip()
    bod.cijfers = [BodCijfer(onderwerp=c.onderwerp.strip(), waarde=c.waarde, eenheid=c.eenheid.strip(),
                             afspraak_id=c.afspraak_id) for c in invoer.cijfers]
    session.flush()
    details = {k: v for k, v in asdict(invoer).items() if k != "document"}
    audit.record(session, visitor.name, "bod_vastgelegd", f"bod {bod.id}", {**details, "document": bod.document_naam})
    if invoer.document is not None and old:  # the replaced file goes once the new one is committed
        event.listen(session, "after_commit", lambda _session: (media_dir / MAP / old).unlink(missing_ok=True),
                     once=True)
    return bod.id


def document(name: str | None, media_dir: Path) -> Path | None:
    """The stored PDF of a bod, or None when the name is odd or the file gone."""
    if not name or not _NAAM.match(name):
        return None
    found = media_dir / MAP / name
    return found if found.is_file() else None


def _afspraak_tekst(afspraak: Afspraak, eenheid: str) -> str:
    """The afspraak's target as it bears on one year: a total over the looptijd also per year."""
    if afspraak.streefwaarde is None:
        return "geen eigen streefwaarde"
    value = formatting.value(afspraak.streefwaarde, eenheid)
    if afspraak.streef_soort == "per_jaar":
        return f"{value} per jaar"
    if afspraak.streef_soort == "eind":
        return f"{value} eind {afspraak.tot_jaar}"
    jaren = afspraak.tot_jaar - afspraak.van_jaar + 1
    return (f"{formatting.value(afspraak.streefwaarde / jaren, eenheid)} per jaar "
            f"({value} in {afspraak.van_jaar}–{afspraak.tot_jaar})")


def naast(session: Session, jaar: int) -> list[str]:
    """The year's bods beside the afspraken they bear on, added up over the corporations:
    "Sociale huurwoningen nieuwbouw: bod samen 100 woningen (Denkbeeld Wonen 50, ...) · afspraak 2.1: 90
    woningen per jaar (450 woningen in 2024–2028)". A figure without an afspraak stands on its own."""
    rows = session.execute(
        select(Partij.naam, BodCijfer, Afspraak, Indicator.eenheid)
        .join(Bod, BodCijfer.bod_id == Bod.id).join(Partij, Bod.partij_id == Partij.id)
        .outerjoin(Afspraak, BodCijfer.afspraak_id == Afspraak.id)
        .outerjoin(Indicator, Afspraak.indicator_id == Indicator.id)
        .where(Bod.jaar == jaar).order_by(Afspraak.nummer, BodCijfer.onderwerp, Partij.naam)).all()
    groups: dict[tuple, list] = {}
    for partij, cijfer, afspraak, eenheid in rows:
        key = (afspraak.id, cijfer.onderwerp) if afspraak is not None else (None, cijfer.id)
        groups.setdefault(key, []).append((partij, cijfer, afspraak, eenheid))
    lines = []
    for (afspraak_id, _), items in groups.items():
        _, cijfer, afspraak, eenheid = items[0]
        if afspraak_id is None:
            lines.append(f"{items[0][0]} · {cijfer.onderwerp}: bod {formatting.value(cijfer.waarde, cijfer.eenheid)}")
            continue
        total = formatting.value(sum(c.waarde for _, c, _, _ in items), cijfer.eenheid)
        each = ", ".join(f"{p} {formatting.number(c.waarde)}" for p, c, _, _ in items)
        lines.append(f"{formatting.capital(cijfer.onderwerp)}: bod samen {total} ({each}) · afspraak "
                     f"{afspraak.nummer}: {_afspraak_tekst(afspraak, eenheid or cijfer.eenheid)}")
    return lines
