"""Verhalen: the practice stories behind the numbers, with their photos, videos and afspraken.

Writes ask `access.require` first, validate into `afspraken.Invalid` and are audited; media
go through `media` (checked by content, stored under generated names in the media folder), each
with its consent register (`toestemming`); every read carries only the media that register lets
be shown to its audience.
"""
from __future__ import annotations

import math
import zlib
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path

import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from dashboard import audit, clock, config
from dashboard.afspraken import Invalid, afspraak_partijen
from dashboard.models import Afspraak, Gebied, Media, Opgave, Partij, Verhaal
from dashboard.models.afspraken import VERTELLERS, verhaal_afspraken
from dashboard.toegang import access
from dashboard.toegang import scope as scopes
from dashboard.verhalen import media, opruimen, safe_markdown, toestemming, video

ROL_LABELS = {"huurder": "Huurder", "professional": "Professional", "bestuurder": "Bestuurder", "bewoner": "Bewoner"}
MEDIA_LABELS = {"foto": "Foto", "video": "Video", "videolink": "Videolink"}


@dataclass
class VerhaalInvoer:
    titel: str
    tekst: str
    verteller_rol: str
    datum: date | None = None
    verteller: str = ""
    gebied: str | None = None
    lat: float | None = None
    lon: float | None = None
    citaat: str = ""
    citaat_van: str = ""
    afspraken: list[int] = field(default_factory=list)


@dataclass
class MediaInvoer:
    soort: str  # foto, video, videolink
    data: bytes | None = None
    url: str = ""
    bijschrift: str = ""
    alt_tekst: str = ""
    credit: str = ""
    register: toestemming.Register = field(default_factory=toestemming.Register)  # who is on it, and their consent


def _check_verhaal(session: Session, invoer: VerhaalInvoer) -> tuple[dict[str, str], int | None, list[Afspraak]]:
    problems = {}
    if not invoer.titel.strip():
        problems["titel"] = "Geef het verhaal een titel, bijvoorbeeld waar het over gaat."
    if not invoer.tekst.strip():
        problems["tekst"] = "Vertel het verhaal: een paar zinnen is genoeg."
    if invoer.verteller_rol not in VERTELLERS:
        problems["verteller_rol"] = "Kies wie het verhaal vertelt: huurder, professional, bestuurder of bewoner."
    gebied_id = None
    if invoer.gebied:
        gebied_id = session.scalar(select(Gebied.id).where(Gebied.code == invoer.gebied))
        if gebied_id is None:
            problems["gebied"] = "Kies een wijk uit de lijst."
    if (invoer.lat is None) != (invoer.lon is None) or (
            invoer.lat is not None and not (-90 <= invoer.lat <= 90 and -180 <= invoer.lon <= 180)):
        problems["locatie"] = "Geef breedte- en lengtegraad samen, bijvoorbeeld 52,10 en 5,50, of laat beide leeg."
    gekozen = list(dict.fromkeys(invoer.afspraken))
    afspraken = list(session.scalars(select(Afspraak).where(Afspraak.id.in_(gekozen)))) if gekozen else []
    if len(afspraken) != len(gekozen):
        problems["afspraken"] = "Een gekozen afspraak bestaat niet (meer). Kies opnieuw uit de lijst."
    return problems, gebied_id, afspraken


def _scope(session: Session, visitor: access.Visitor, invoer: VerhaalInvoer, verhaal_id: int | None,
           action: str = "verhaal_bewerken") -> None:
    """Who may write this story, asked of the database: a changed story belongs to the partij that
    wrote it; a new one to the afspraken it is told for, each of which a partner's own partij takes part in."""
    if verhaal_id is not None:
        verhaal = session.get(Verhaal, verhaal_id)
        access.require(visitor, action, {verhaal.partij_id} if verhaal else ())
        if verhaal is None:
            raise Invalid({"_": "Dit verhaal bestaat niet (meer). Vernieuw de pagina."})
    if visitor.party_scoped:
        gekozen = list(dict.fromkeys(invoer.afspraken))
        if not gekozen:
            raise Invalid({"afspraken": "Kies bij welke afspraak van uw partij dit verhaal hoort."})
        for afspraak_id in gekozen:
            access.require(visitor, action, afspraak_partijen(session, afspraak_id))
    else:
        access.require(visitor, action)


def save_verhaal(session: Session, visitor: access.Visitor, invoer: VerhaalInvoer, verhaal_id: int | None = None) -> int:
    """Create (verhaal_id None) or change a story; records the account and partij that wrote a new one."""
    _scope(session, visitor, invoer, verhaal_id)
    problems, gebied_id, afspraken = _check_verhaal(session, invoer)
    if problems:
        raise Invalid(problems)
    verhaal = session.get(Verhaal, verhaal_id) if verhaal_id else Verhaal(
        gebruiker=visitor.name, gebruiker_id=visitor.gebruiker_id, partij_id=visitor.partij_id)
    verhaal.titel, verhaal.tekst = invoer.titel.strip(), invoer.tekst.strip()
    verhaal.datum, verhaal.verteller_rol, verhaal.verteller = invoer.datum or clock.today(), invoer.verteller_rol, invoer.verteller.strip()
    verhaal.gebied_id, verhaal.lat, verhaal.lon = gebied_id, invoer.lat, invoer.lon
    verhaal.citaat, verhaal.citaat_van = invoer.citaat.strip(), invoer.citaat_van.strip()
    verhaal.afspraken = list(afspraken)
    session.add(verhaal)
    session.flush()
    audit.record(session, visitor.name, "verhaal_gewijzigd" if verhaal_id else "verhaal_aangemaakt",
                 f"verhaal {verhaal.id}", {k: v for k, v in asdict(invoer).items() if k != "tekst"})
    return verhaal.id


Checked = tuple[bytes | None, str | None, str | None, bytes | None, list[dict]]


def check_media(invoer: MediaInvoer, max_bytes: int) -> Checked:
    """(data to store, extension, url, a video's poster JPEG, register lines) after every check; Invalid with
    each field that is wrong.

    Photos, videos and video links alike need their register: nobody recognisable, or each person's consent."""
    problems = {}
    try:
        regels = toestemming.check_register(invoer.register, config.load().toestemming_jaren)
    except Invalid as invalid:
        problems.update(invalid.problems)
    try:
        data, extension, url, poster = _check_bron(invoer, max_bytes)
    except Invalid as invalid:
        problems.update(invalid.problems)
    if problems:
        raise Invalid(problems)
    return data, extension, url, poster, regels


def _check_bron(invoer: MediaInvoer, max_bytes: int) -> tuple[bytes | None, str | None, str | None, bytes | None]:
    if invoer.soort == "foto":
        problems = {}
        if not invoer.alt_tekst.strip():
            problems["alt_tekst"] = "Beschrijf wat er op de foto te zien is (voor wie hem niet kan zien)."
        if not invoer.data:
            problems["foto"] = "Kies een foto."
        elif len(invoer.data) > max_bytes:
            problems["foto"] = f"Deze foto is groter dan {max_bytes // 1_000_000} MB. Kies een kleinere."
        else:
            try:
                cleaned = media.photo(invoer.data)
            except media.MediaRejected as error:
                problems["foto"] = str(error)
        if problems:
            raise Invalid(problems)
        return cleaned, "jpg", None, None
    if invoer.soort == "video":
        try:
            schoon = video.clean(invoer.data or b"", max_bytes)
            return schoon.data, schoon.soort, None, schoon.poster
        except media.MediaRejected as error:
            raise Invalid({"video": str(error)}) from error
    if invoer.soort == "videolink":
        try:
            return None, None, media.video_link(invoer.url), None
        except media.MediaRejected as error:
            raise Invalid({"url": str(error)}) from error
    raise Invalid({"soort": "Kies foto, video of videolink."})


def add_media(session: Session, visitor: access.Visitor, verhaal_id: int, invoer: MediaInvoer,
              media_dir: Path, max_bytes: int) -> int:
    """Check, store under a generated name, and link to the story (a partner: only its partij's stories)."""
    verhaal = session.get(Verhaal, verhaal_id)
    access.require(visitor, "media_uploaden", {verhaal.partij_id} if verhaal else ())
    if verhaal is None:
        raise Invalid({"verhaal": "Dit verhaal bestaat niet (meer)."})
    return _store_media(session, visitor, verhaal_id, invoer, check_media(invoer, max_bytes), media_dir)


def _store_media(session: Session, visitor: access.Visitor, verhaal_id: int, invoer: MediaInvoer,
                 checked: Checked, media_dir: Path) -> int:
    data, extension, url, poster, regels = checked
    naam = media.store(data, extension, media_dir) if data is not None else None
    item = Media(verhaal_id=verhaal_id, soort=invoer.soort, bestand=naam, url=url,
                 poster=media.store(poster, "jpg", media_dir) if poster is not None else None,
                 bijschrift=invoer.bijschrift.strip(), alt_tekst=invoer.alt_tekst.strip(),
                 credit=invoer.credit.strip())
    session.add(item)
    session.flush()
    audit.record(session, visitor.name, "media_toegevoegd", f"verhaal {verhaal_id}",
                 {"soort": invoer.soort, "bestand": naam, "poster": item.poster, "url": url, "media": item.id})
    toestemming.record_register(session, visitor.name, item, regels, media_dir)
    return item.id


def delete_media(session: Session, visitor: access.Visitor, media_id: int, media_dir: Path) -> None:
    """Remove a photo, video or link from its story, and every file it stored once that is committed."""
    item = session.get(Media, media_id)
    verhaal = session.get(Verhaal, item.verhaal_id) if item else None
    access.require(visitor, "verhaal_bewerken", {verhaal.partij_id} if verhaal else ())
    if item is None:
        raise Invalid({"_": "Deze foto of video bestaat niet (meer). Vernieuw de pagina."})
    opruimen.na_commit(session, opruimen.paden(item, media_dir))
    session.delete(item)
    audit.record(session, visitor.name, "media_verwijderd", f"verhaal {item.verhaal_id}",
                 {"soort": item.soort, "bestanden": opruimen.bestanden(item), "url": item.url})


def delete_verhaal(session: Session, visitor: access.Visitor, verhaal_id: int, media_dir: Path) -> None:
    """Remove a story with its media, and every file they stored once that is committed."""
    verhaal = session.get(Verhaal, verhaal_id)
    access.require(visitor, "verhaal_bewerken", {verhaal.partij_id} if verhaal else ())
    if verhaal is None:
        raise Invalid({"_": "Dit verhaal bestaat niet (meer). Vernieuw de pagina."})
    namen = [naam for item in verhaal.media for naam in opruimen.bestanden(item)]
    opruimen.na_commit(session, [pad for item in verhaal.media for pad in opruimen.paden(item, media_dir)])
    session.delete(verhaal)
    audit.record(session, visitor.name, "verhaal_verwijderd", f"verhaal {verhaal_id}",
                 {"titel": verhaal.titel, "bestanden": namen})


# ---------------------------------------------------------------- read side

def _verhalen(session: Session, where=None) -> list[Verhaal]:
    query = (select(Verhaal).options(selectinload(Verhaal.media).selectinload(Media.toestemmingen),
                                     selectinload(Verhaal.afspraken))
             .order_by(Verhaal.datum.desc(), Verhaal.id.desc()))
    if where is not None:
        query = query.where(where)
    return list(session.scalars(query))


def _wijken(session: Session) -> dict[int, tuple[str, str, float | None, float | None]]:
    return {i: (c, n, la, lo) for i, c, n, la, lo in session.execute(
        select(Gebied.id, Gebied.code, Gebied.naam, Gebied.lat, Gebied.lon))}


@dataclass(frozen=True)
class VerhaalAfspraak:
    """An afspraak a story is told for, as far as the story shows it."""

    id: int
    nummer: str
    titel: str


@dataclass(frozen=True)
class VerhaalMedia:
    """A photo, video file or video link of a story, as the pages show it."""

    soort: str  # foto, video, videolink
    bestand: str | None  # the stored file's generated name (foto, video)
    url: str | None  # the video link
    bijschrift: str
    alt_tekst: str
    credit: str
    id: int = 0
    poster: str | None = None  # a video's first frame, a stored JPEG
    ondertitels: str | None = None  # a video's captions, a stored WebVTT file
    transcript: str = ""  # a video's words as plain text


@dataclass(frozen=True)
class VerhaalInfo:
    """One story as the gallery, its own page and the deck show it (gallery, detail, for_afspraak, newest)."""

    partij_id: int | None  # the partij that wrote it
    gebruiker_id: int | None  # the account that wrote it: it keeps the consent register of its media
    partij: str
    gebruiker: str
    id: int
    titel: str
    tekst_html: str  # the Markdown text made safe HTML
    datum: date
    verteller_rol: str
    verteller: str
    gebied: str  # the wijk's code, "" without one
    wijk: str  # the wijk's name, "" without one
    lat: float | None
    lon: float | None
    tekst: str
    citaat: str
    citaat_van: str
    afspraken: list[VerhaalAfspraak]  # by nummer
    opgaven: list[str]  # of its afspraken, sorted
    media: list[VerhaalMedia]


def _record(verhaal: Verhaal, wijken: dict, opgaven: dict[int, str], partijen: dict[int, str],
            waar: toestemming.Zicht | None) -> VerhaalInfo:
    code, naam, *_ = wijken.get(verhaal.gebied_id, ("", "", None, None))
    return VerhaalInfo(
        partij_id=verhaal.partij_id, gebruiker_id=verhaal.gebruiker_id, partij=partijen.get(verhaal.partij_id, ""),
        gebruiker=verhaal.gebruiker,
        id=verhaal.id, titel=verhaal.titel, tekst_html=safe_markdown.to_html(verhaal.tekst),
        datum=verhaal.datum, verteller_rol=verhaal.verteller_rol, verteller=verhaal.verteller,
        gebied=code, wijk=naam, lat=verhaal.lat, lon=verhaal.lon,
        tekst=verhaal.tekst, citaat=verhaal.citaat, citaat_van=verhaal.citaat_van,
        afspraken=[VerhaalAfspraak(id=a.id, nummer=a.nummer, titel=a.titel) for a in
                   sorted(verhaal.afspraken, key=lambda a: a.nummer)],
        opgaven=sorted({opgaven[a.opgave_id] for a in verhaal.afspraken}),
        media=[VerhaalMedia(soort=m.soort, bestand=m.bestand, url=m.url, bijschrift=m.bijschrift,
                            alt_tekst=m.alt_tekst, credit=m.credit, id=m.id, poster=m.poster,
                            ondertitels=m.ondertitels, transcript=m.transcript) for m in verhaal.media
               if toestemming.shown(m, waar)],
    )


def within(session: Session, verhaallijst: list[VerhaalInfo], scope: str | None) -> list[VerhaalInfo]:
    """Only the stories a share link limited to gebied `scope` may show (toegang/scope.py); None: all."""
    if not scope:
        return verhaallijst
    limit = scopes.read(session, scope)
    return [dit_verhaal for dit_verhaal in verhaallijst if limit.shows(dit_verhaal.gebied)]


def wijken(session: Session, scope: str | None = None) -> pd.Series:
    """code -> naam of the wijken a visitor may choose among (a share link: those within its gebied), by code."""
    limit = scopes.read(session, scope)
    rows = [(code, naam) for code, naam in session.execute(
        select(Gebied.code, Gebied.naam).where(Gebied.niveau == "wijk").order_by(Gebied.code)) if limit.shows(code)]
    return pd.Series(dict(rows), dtype=object, name="naam")


def gallery(session: Session, opgave_id: int | None = None, gebied: str | None = None,
            rol: str | None = None, scope: str | None = None, zicht: toestemming.Zicht | None = None) -> list[VerhaalInfo]:
    """Stories newest first, filtered by opgave (through their afspraken), wijk and storyteller role.

    Every read of stories carries only the media their consent lets be shown `zicht` (toestemming.Zicht:
    a page passes its visitor's, an export openbaar; None: openbaar today, the narrowest)."""
    conditions = []
    if rol:
        conditions.append(Verhaal.verteller_rol == rol)
    if gebied:
        conditions.append(Verhaal.gebied_id == select(Gebied.id).where(Gebied.code == gebied).scalar_subquery())
    if opgave_id:
        conditions.append(Verhaal.id.in_(
            select(verhaal_afspraken.c.verhaal_id).join(Afspraak, Afspraak.id == verhaal_afspraken.c.afspraak_id)
            .where(Afspraak.opgave_id == opgave_id)))
    where = None
    for condition in conditions:
        where = condition if where is None else where & condition
    return within(session, _records(session, _verhalen(session, where), zicht), scope)


def _records(session: Session, verhaallijst: list[Verhaal], waar: toestemming.Zicht | None) -> list[VerhaalInfo]:
    wijken, opgaven = _wijken(session), dict(session.execute(select(Opgave.id, Opgave.naam)).all())
    partijen = dict(session.execute(select(Partij.id, Partij.naam)).all())
    return [_record(v, wijken, opgaven, partijen, waar) for v in verhaallijst]


def detail(session: Session, verhaal_id: int, scope: str | None = None,
           zicht: toestemming.Zicht | None = None) -> VerhaalInfo | None:
    found = _records(session, _verhalen(session, Verhaal.id == verhaal_id), zicht)
    return found[0] if found and within(session, found, scope) else None


def for_afspraak(session: Session, afspraak_id: int, scope: str | None = None,
                 zicht: toestemming.Zicht | None = None) -> list[VerhaalInfo]:
    where = Verhaal.id.in_(select(verhaal_afspraken.c.verhaal_id).where(verhaal_afspraken.c.afspraak_id == afspraak_id))
    return within(session, _records(session, _verhalen(session, where), zicht), scope)


def newest(session: Session, count: int = 3, scope: str | None = None,
           zicht: toestemming.Zicht | None = None) -> list[VerhaalInfo]:
    return gallery(session, scope=scope, zicht=zicht)[:count]


def map_points(session: Session, verhaallijst: list[VerhaalInfo]) -> pd.DataFrame:
    """id, titel, wijk, rol, lat, lon: the story's own point, else its wijk's centre spread a little
    (a fixed offset per story, so stories in one wijk do not hide each other)."""
    own = dict((i, (la, lo)) for i, la, lo in session.execute(select(Verhaal.id, Verhaal.lat, Verhaal.lon)))
    centres = {c: (la, lo) for c, _, la, lo in _wijken(session).values()}
    rows = []
    for dit_verhaal in verhaallijst:
        lat, lon = own.get(dit_verhaal.id, (None, None))
        if lat is None:
            lat, lon = centres.get(dit_verhaal.gebied, (None, None))
            if lat is None:
                continue
            angle = (zlib.crc32(str(dit_verhaal.id).encode()) % 360) * math.pi / 180
            lat, lon = lat + 0.0025 * math.sin(angle), lon + 0.004 * math.cos(angle)
        rows.append({"id": dit_verhaal.id, "titel": dit_verhaal.titel, "wijk": dit_verhaal.wijk,
                     "rol": ROL_LABELS[dit_verhaal.verteller_rol], "lat": lat, "lon": lon})
    return pd.DataFrame(rows, columns=["id", "titel", "wijk", "rol", "lat", "lon"])


def add_verhaal(session: Session, visitor: access.Visitor, invoer: VerhaalInvoer, items: list[MediaInvoer],
              media_dir: Path, max_bytes: int) -> int:
    """A new story with its photos, videos and links in one go: every problem of every part is
    reported together, and nothing is written unless all of it is right."""
    _scope(session, visitor, invoer, None)
    if items:
        _scope(session, visitor, invoer, None, "media_uploaden")
    problems, _, _ = _check_verhaal(session, invoer)
    checked = []
    for item in items:
        try:
            checked.append(check_media(item, max_bytes))
        except Invalid as invalid:
            problems.update(invalid.problems)
    if problems:
        raise Invalid(problems)
    verhaal_id = save_verhaal(session, visitor, invoer)
    for item, prepared in zip(items, checked):
        _store_media(session, visitor, verhaal_id, item, prepared, media_dir)
    return verhaal_id
