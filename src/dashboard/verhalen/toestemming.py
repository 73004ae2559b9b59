"""The consent register: who is recognisable on a photo or video, who consented, for what and until when.

The AVG asks consent that is explicit, bound to a purpose and withdrawable (a parent or guardian
signs for a child under 16), and gemeenten keep such material for a limited time. So each item
carries register lines (`Toestemming`), or is marked "geen herkenbare personen", and one function,
`shown`, decides where it may appear: `intern` (signed-in pages and the live deck), `deellinks`
(share-link visitors) or `openbaar` (PPTX/PDF exports and every download). Withdrawing or expiring
hides an item on the next run; `opruimen` (at start-up and daily from cron) removes its files after
a grace period and gives the story's owner notice 30 days before an expiry. Every change is audited.
"""
from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from PIL import Image, UnidentifiedImageError
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from dashboard import audit, clock, formatting
from dashboard.afspraken import Invalid
from dashboard.models import Media, Toestemming, Verhaal
from dashboard.models.afspraken import GEGEVEN_DOOR, REIKWIJDTES
from dashboard.toegang import access
from dashboard.verhalen import media
from dashboard.verhalen.opruimen import na_commit, paden

RANG = {reikwijdte: rang for rang, reikwijdte in enumerate(REIKWIJDTES)}  # intern < deellinks < openbaar
REIKWIJDTE_LABELS = {"intern": "Intern (ingelogd en de vergadering)", "deellinks": "Ook via deellinks",
                     "openbaar": "Ook in exports en downloads"}
GEGEVEN_DOOR_LABELS = {"persoon": "De persoon zelf", "ouder_voogd": "Ouder of voogd (kind onder 16)"}
MELDEN_DAGEN = 30  # the owner hears of an expiry this many days before
FORMULIER_MAX_BYTES = 10_000_000


@dataclass(frozen=True)
class Zicht:
    """Where and when an item would be shown: part of a read's cache key, so an expiry at midnight
    shows on the first run of the new day."""

    reikwijdte: str
    op: date


def zicht(visitor: access.Visitor) -> Zicht:
    """A share-link visitor sees what consent allows for share links; an account what it allows inside."""
    return Zicht("deellinks" if visitor.share_pages is not None else "intern", clock.today())


def openbaar() -> Zicht:
    """What may leave the app: PPTX/PDF exports and every download."""
    return Zicht("openbaar", clock.today())


def live(regel: Toestemming, op: date) -> bool:
    """Not withdrawn and not yet expired on `op` (consent runs until the day it expires)."""
    return regel.ingetrokken_op is None and op < regel.verloopt


def shown(item: Media, waar: Zicht | None = None) -> bool:
    """Whether an item may be shown `waar` (default: openbaar, today, the narrowest answer).

    Never once its files are gone; an uploaded video without captions never beyond the signed-in
    pages (WCAG 1.2.2: outside readers cannot ask for them); otherwise when nobody is recognisable,
    or when it has register lines and every one is live and reaches this far."""
    waar = waar or openbaar()
    if item.opgeruimd_op is not None:
        return False
    if item.soort == "video" and item.ondertitels is None and waar.reikwijdte != "intern":
        return False
    if item.geen_herkenbare_personen:
        return True
    regels = item.toestemmingen
    return bool(regels) and all(live(r, waar.op) and RANG[r.reikwijdte] >= RANG[waar.reikwijdte] for r in regels)


# ---------------------------------------------------------------- recording

@dataclass
class ToestemmingInvoer:
    """One person's consent as a form gives it; `verloopt` None: the setting's years after `datum`."""

    persoon: str
    gegeven_door: str = "persoon"
    ouder_voogd: str = ""
    datum: date | None = None
    reikwijdte: str = "intern"
    verloopt: date | None = None
    notitie: str = ""
    formulier: bytes | None = None


@dataclass
class Register:
    """What a new item's form says about the people on it: nobody recognisable, or their consents."""

    geen_herkenbare_personen: bool = False
    personen: list[ToestemmingInvoer] = field(default_factory=list)


def years_on(datum: date, jaren: int) -> date:
    try:
        return datum.replace(year=datum.year + jaren)
    except ValueError:  # 29 February
        return datum.replace(year=datum.year + jaren, day=28)


def formulier_soort(data: bytes) -> str:
    """'pdf', 'jpg' or 'png' when the signed form is whole and of that kind, else Invalid."""
    if len(data) > FORMULIER_MAX_BYTES:
        raise Invalid({"formulier": f"Dit formulier is groter dan {FORMULIER_MAX_BYTES // 1_000_000} MB. "
                                    "Scan het met een lagere resolutie."})
    if data.startswith(b"%PDF-") and b"%%EOF" in data[-2048:]:
        return "pdf"
    try:
        with Image.open(io.BytesIO(data)) as probe:
            kind = probe.format
            probe.verify()
        if kind in ("JPEG", "PNG"):
            return "jpg" if kind == "JPEG" else "png"
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        pass
    raise Invalid({"formulier": "Het getekende formulier moet een PDF, JPEG of PNG zijn (en heel). Kies een ander bestand."})


def check(invoer: ToestemmingInvoer, jaren: int) -> dict:
    """The register line's columns after every check, or Invalid naming each wrong field in Dutch."""
    problems = {}
    vandaag = clock.today()
    if not invoer.persoon.strip():
        problems["persoon"] = "Noem wie herkenbaar is: een naam of een omschrijving, zoals 'meisje in rode jas'."
    if invoer.gegeven_door not in GEGEVEN_DOOR:
        problems["gegeven_door"] = "Kies wie de toestemming gaf: de persoon zelf, of een ouder of voogd."
    elif invoer.gegeven_door == "ouder_voogd" and not invoer.ouder_voogd.strip():
        problems["ouder_voogd"] = "Noem de ouder of voogd die tekende (voor een kind onder 16)."
    datum = invoer.datum or vandaag
    if datum > vandaag:
        problems["datum"] = f"De datum van de toestemming ({datum:%d-%m-%Y}) ligt in de toekomst. Geef de dag waarop getekend is."
    verloopt = invoer.verloopt or years_on(datum, jaren)
    if verloopt <= datum:
        problems["verloopt"] = (f"De toestemming moet na {datum:%d-%m-%Y} verlopen, niet op {verloopt:%d-%m-%Y}. "
                                "Laat het veld leeg voor de gewone termijn.")
    if invoer.reikwijdte not in REIKWIJDTES:
        problems["reikwijdte"] = "Kies waarvoor de toestemming geldt: intern, ook via deellinks, of ook in exports."
    soort = None
    if invoer.formulier:
        try:
            soort = formulier_soort(invoer.formulier)
        except Invalid as invalid:
            problems.update(invalid.problems)
    if problems:
        raise Invalid(problems)
    return {"persoon": invoer.persoon.strip(), "gegeven_door": invoer.gegeven_door,
            "ouder_voogd": invoer.ouder_voogd.strip() if invoer.gegeven_door == "ouder_voogd" else "",
            "datum": datum, "reikwijdte": invoer.reikwijdte, "verloopt": verloopt, "notitie": invoer.notitie.strip(),
            "_formulier": (invoer.formulier, soort) if soort else None}


def check_register(register: Register, jaren: int) -> list[dict]:
    """A new item's register: "geen herkenbare personen" or at least one valid person line."""
    if register.geen_herkenbare_personen:
        return []
    if not register.personen:
        raise Invalid({"toestemming": "Vink aan dat er niemand herkenbaar op staat, of noem wie herkenbaar is "
                                      "en wie daarvoor toestemming gaf."})
    return [check(persoon, jaren) for persoon in register.personen]


def _add(session: Session, door: str, item: Media, regel: dict, media_dir: Path) -> Toestemming:
    formulier = regel.pop("_formulier")
    naam = media.store(formulier[0], formulier[1], media_dir / media.FORMULIEREN) if formulier else None
    line = Toestemming(media_id=item.id, formulier=naam, **regel)
    session.add(line)
    session.flush()
    audit.record(session, door, "toestemming_vastgelegd", f"media {item.id}",
                 {**regel, "formulier": naam, "toestemming": line.id})
    return line


def record_register(session: Session, door: str, item: Media, regels: list[dict], media_dir: Path) -> None:
    """Write a new item's checked register (`check_register`): its lines, or the mark."""
    if not regels:
        item.geen_herkenbare_personen = True
        audit.record(session, door, "geen_herkenbare_personen", f"media {item.id}", {"waarde": True})
    for regel in regels:
        _add(session, door, item, regel, media_dir)


def _item(session: Session, visitor: access.Visitor, media_id: int) -> Media:
    """The item, once this visitor may keep its register (the story's owner or the beheerder)."""
    item = session.get(Media, media_id)
    verhaal = session.get(Verhaal, item.verhaal_id) if item else None
    if not access.may_keep_register(visitor, verhaal.gebruiker_id if verhaal else None):
        raise access.NotAllowed("Alleen wie het verhaal vertelde en de beheerder kunnen de toestemmingen aanpassen. "
                                "Er is niets opgeslagen.")
    if item is None:
        raise Invalid({"_": "Deze foto of video bestaat niet (meer). Vernieuw de pagina."})
    if item.opgeruimd_op is not None:
        raise Invalid({"_": "De bestanden van deze foto of video zijn al verwijderd. Voeg hem opnieuw toe als dat mag."})
    return item


def vastleggen(session: Session, visitor: access.Visitor, media_id: int, invoer: ToestemmingInvoer,
               media_dir: Path, jaren: int) -> int:
    """One more person's consent for an existing item; returns the line's id."""
    item = _item(session, visitor, media_id)
    return _add(session, visitor.name, item, check(invoer, jaren), media_dir).id


def markeer(session: Session, visitor: access.Visitor, media_id: int, geen_herkenbare_personen: bool) -> None:
    """Mark (or unmark) that nobody on the item can be recognised."""
    item = _item(session, visitor, media_id)
    item.geen_herkenbare_personen = geen_herkenbare_personen
    audit.record(session, visitor.name, "geen_herkenbare_personen", f"media {media_id}",
                 {"waarde": geen_herkenbare_personen})


def _regel(session: Session, visitor: access.Visitor, toestemming_id: int) -> Toestemming:
    regel = session.get(Toestemming, toestemming_id)
    _item(session, visitor, regel.media_id if regel else -1)
    if regel.ingetrokken_op is not None:
        raise Invalid({"_": f"Deze toestemming is al ingetrokken op {regel.ingetrokken_op:%d-%m-%Y}."})
    return regel


def intrekken(session: Session, visitor: access.Visitor, toestemming_id: int, datum: date | None = None) -> None:
    """Someone withdrew: the item is hidden everywhere from the next run, its files go after the grace period."""
    regel = _regel(session, visitor, toestemming_id)
    datum = datum or clock.today()
    if datum > clock.today():
        raise Invalid({"ingetrokken_op": "Een intrekking geldt vanaf vandaag of eerder, niet in de toekomst."})
    regel.ingetrokken_op = datum
    audit.record(session, visitor.name, "toestemming_ingetrokken", f"media {regel.media_id}",
                 {"toestemming": regel.id, "persoon": regel.persoon, "ingetrokken_op": datum})


def verlengen(session: Session, visitor: access.Visitor, toestemming_id: int, datum: date, verloopt: date | None,
              jaren: int, reikwijdte: str | None = None) -> None:
    """The same person signed again: a new date and expiry, and the scope that signature names (a line
    migrated from the old tick is intern until then); a new notice will come before the new expiry."""
    regel = _regel(session, visitor, toestemming_id)
    checked = check(ToestemmingInvoer(persoon=regel.persoon, gegeven_door=regel.gegeven_door, ouder_voogd=regel.ouder_voogd,
                                      datum=datum, reikwijdte=reikwijdte or regel.reikwijdte, verloopt=verloopt), jaren)
    was = {"verloopt": regel.verloopt, "reikwijdte": regel.reikwijdte}
    regel.datum, regel.verloopt, regel.reikwijdte = checked["datum"], checked["verloopt"], checked["reikwijdte"]
    regel.gemeld_op = None
    audit.record(session, visitor.name, "toestemming_verlengd", f"media {regel.media_id}",
                 {"toestemming": regel.id, "was": was, "verloopt": regel.verloopt, "reikwijdte": regel.reikwijdte})


# ---------------------------------------------------------------- upkeep (start-up and cron)

@dataclass(frozen=True)
class Opgeruimd:
    """What one run of `opruimen` did: media ids whose files left storage, register lines whose owner got notice."""

    verwijderd: list[int]
    gemeld: list[int]


def _einde(regel: Toestemming) -> date | None:
    """The day a line stopped counting: its withdrawal, else its expiry."""
    return regel.ingetrokken_op or regel.verloopt


def opruimen(session: Session, media_dir: Path, gratie_dagen: int) -> Opgeruimd:
    """Remove the files of items whose consent ended more than `gratie_dagen` ago (the row and the
    signed forms stay, as proof), and note expiries within MELDEN_DAGEN for the owner. Idempotent."""
    vandaag = clock.today()
    items = session.scalars(select(Media).where(Media.opgeruimd_op.is_(None), Media.toestemmingen.any())
                            .options(selectinload(Media.toestemmingen))).all()
    verwijderd, gemeld = [], []
    for item in items:
        if not item.geen_herkenbare_personen and any(
                not live(r, vandaag) and _einde(r) + timedelta(days=gratie_dagen) <= vandaag for r in item.toestemmingen):
            na_commit(session, paden(item, media_dir, formulieren=False))
            item.opgeruimd_op = clock.now()
            audit.record(session, "systeem", "media_opgeruimd", f"media {item.id}",
                         {"bestand": item.bestand, "gratie_dagen": gratie_dagen})
            verwijderd.append(item.id)
            continue
        for regel in item.toestemmingen:
            if live(regel, vandaag) and regel.gemeld_op is None and regel.verloopt - timedelta(days=MELDEN_DAGEN) <= vandaag:
                regel.gemeld_op = vandaag
                audit.record(session, "systeem", "toestemming_gemeld", f"media {item.id}",
                             {"toestemming": regel.id, "verloopt": regel.verloopt})
                gemeld.append(regel.id)
    return Opgeruimd(verwijderd, gemeld)


# ---------------------------------------------------------------- read side

def meldingen(session: Session, gebruiker_id: int | None, op: date) -> list[str]:
    """The notices for a story's owner on the Kompas: each live line they were told expires soon."""
    if gebruiker_id is None:
        return []
    rows = session.execute(
        select(Media.soort, Verhaal.titel, Toestemming.verloopt)
        .join(Media, Media.id == Toestemming.media_id).join(Verhaal, Verhaal.id == Media.verhaal_id)
        .where(Verhaal.gebruiker_id == gebruiker_id, Toestemming.gemeld_op.is_not(None),
               Toestemming.ingetrokken_op.is_(None), Toestemming.verloopt > op, Media.opgeruimd_op.is_(None))
        .order_by(Toestemming.verloopt, Verhaal.titel)).all()
    return list(dict.fromkeys(f"De toestemming voor de {'foto' if soort == 'foto' else 'video'} bij '{titel}' verloopt "
                              f"op {formatting.day(verloopt)}: verleng of vervang hem." for soort, titel, verloopt in rows))


@dataclass(frozen=True)
class RegelInfo:
    """One register line as the overview and the story page show it."""

    id: int
    persoon: str
    gegeven_door: str
    ouder_voogd: str
    datum: date
    reikwijdte: str
    verloopt: date
    notitie: str
    formulier: str | None
    ingetrokken_op: date | None
    status: str  # geldig, verloopt_binnenkort, verlopen, ingetrokken


@dataclass(frozen=True)
class ItemInfo:
    """One photo or video with its register, as the overview and the story page show it."""

    media_id: int
    verhaal_id: int
    verhaal: str
    eigenaar_id: int | None
    soort: str
    bestand: str | None
    omschrijving: str
    geen_herkenbare_personen: bool
    opgeruimd: bool
    regels: list[RegelInfo]
    staat: str  # see STATEN
    reikwijdte: str  # where it is shown now: "" nowhere, else the widest of intern/deellinks/openbaar


STATEN = {"ontbreekt": "Toestemming ontbreekt", "verloopt_binnenkort": "Verloopt binnen 30 dagen",
          "te_verwijderen": "Ingetrokken of verlopen: wordt verwijderd", "opgeruimd": "Bestanden verwijderd",
          "geldig": "Geldig", "geen_personen": "Geen herkenbare personen"}


def _status(regel: Toestemming, op: date) -> str:
    if regel.ingetrokken_op is not None:
        return "ingetrokken"
    if regel.verloopt <= op:
        return "verlopen"
    return "verloopt_binnenkort" if regel.verloopt - timedelta(days=MELDEN_DAGEN) <= op else "geldig"


def _staat(item: Media, statussen: list[str]) -> str:
    if item.opgeruimd_op is not None:
        return "opgeruimd"
    if item.geen_herkenbare_personen:
        return "geen_personen"
    if not statussen:
        return "ontbreekt"
    if {"ingetrokken", "verlopen"} & set(statussen):
        return "te_verwijderen"
    return "verloopt_binnenkort" if "verloopt_binnenkort" in statussen else "geldig"


def _info(item: Media, verhaal: Verhaal, op: date) -> ItemInfo:
    regels = [RegelInfo(r.id, r.persoon, r.gegeven_door, r.ouder_voogd, r.datum, r.reikwijdte, r.verloopt, r.notitie,
                        r.formulier, r.ingetrokken_op, _status(r, op)) for r in item.toestemmingen]
    reikwijdte = next((w for w in reversed(REIKWIJDTES) if shown(item, Zicht(w, op))), "")
    return ItemInfo(item.id, verhaal.id, verhaal.titel, verhaal.gebruiker_id, item.soort, item.bestand,
                    item.alt_tekst or item.bijschrift or item.url or "", item.geen_herkenbare_personen,
                    item.opgeruimd_op is not None, regels, _staat(item, [r.status for r in regels]), reikwijdte)


def register(session: Session, op: date, verhaal_id: int | None = None) -> list[ItemInfo]:
    """Every photo and video file (a story's, or all) with its register; video links follow the same rule."""
    query = (select(Media, Verhaal).join(Verhaal, Verhaal.id == Media.verhaal_id)
             .options(selectinload(Media.toestemmingen)).order_by(Verhaal.titel, Media.id))
    if verhaal_id is not None:
        query = query.where(Media.verhaal_id == verhaal_id)
    return [_info(item, verhaal, op) for item, verhaal in session.execute(query).all()]
