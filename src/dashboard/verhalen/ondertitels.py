"""Captions (WebVTT, or SRT turned into it) and a plain-text transcript for a story's video.

WCAG 2.1 AA asks captions for prerecorded video (1.2.2); browsers only play WebVTT in a <track>,
and most subtitle tools write SRT, so both are taken. webvtt-py was tried: it drops a cue it
cannot read without a word and names no line, so a volunteer would not learn that half their
captions are gone. The grammar is small (blocks of an optional id, a timing line and text), so
a strict reader below checks every block and names the line that is wrong. What is stored is
written anew from the cues (no header text, notes or styles of the file that came in) under a
uuid name; the text of a cue is text to the browser's caption renderer, never HTML of the page.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from dashboard import audit, formatting
from dashboard.afspraken import Invalid
from dashboard.models import Media, Verhaal
from dashboard.toegang import access
from dashboard.verhalen import media, opruimen

MAX_BYTES = 500_000  # a feature film's captions are some 100 kB
MAX_TRANSCRIPT = 50_000  # characters: an hour of speech
_TIME = r"(?:(\d{1,3}):)?([0-5]\d):([0-5]\d)[.,](\d{3})"
_TIMING = re.compile(rf"^{_TIME}[ \t]+-->[ \t]+{_TIME}(?:[ \t]+(.*))?$")


@dataclass(frozen=True)
class Cue:
    ident: str
    start: float  # seconds
    end: float
    settings: str  # WebVTT cue settings (position, align), "" for SRT
    text: tuple[str, ...]


def _seconds(hours: str | None, minutes: str, seconds: str, millis: str) -> float:
    return int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds) + int(millis) / 1000


def _stamp(at: float) -> str:
    millis = round(at * 1000)
    return f"{millis // 3_600_000:02d}:{millis // 60_000 % 60:02d}:{millis // 1000 % 60:02d}.{millis % 1000:03d}"


def _text(data: bytes) -> str:
    """UTF-8 with or without its byte order mark, else Windows-1252 (old Dutch SRT files)."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError as error:
            raise Invalid({"ondertitels": "Dit ondertitelbestand is geen tekst (UTF-8 of Windows-1252). "
                                          "Sla het op als UTF-8 en probeer het opnieuw."}) from error


def _blocks(lines: list[str]) -> list[tuple[int, list[str]]]:
    """Runs of non-empty lines with the number (from 1) of their first line."""
    blocks, current, first = [], [], 0
    for number, line in enumerate(lines, start=1):
        if line.strip():
            if not current:
                first = number
            current.append(line)
        elif current:
            blocks.append((first, current))
            current = []
    if current:
        blocks.append((first, current))
    return blocks


def _wrong(line: int, what: str) -> Invalid:
    return Invalid({"ondertitels": f"Regel {line} van het ondertitelbestand: {what}"})


def cues(data: bytes) -> list[Cue]:
    """The cues of a WebVTT or SRT file, or Invalid naming the first line that is wrong."""
    if len(data) > MAX_BYTES:
        raise Invalid({"ondertitels": f"Dit ondertitelbestand is groter dan {MAX_BYTES // 1000} kB. "
                                      "Is het wel een ondertitelbestand (.vtt of .srt)?"})
    lines = _text(data).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    blocks = _blocks(lines)
    vtt = bool(lines) and re.match(r"^WEBVTT(?:[ \t].*)?$", lines[0]) is not None
    if vtt:
        blocks = blocks[1:]  # the header block
    elif lines and lines[0].startswith("WEBVTT"):
        raise _wrong(1, "een WebVTT-bestand begint met een regel met alleen WEBVTT (of WEBVTT, een spatie en tekst).")
    found = []
    for first, block in blocks:
        if vtt and re.match(r"^(NOTE|STYLE|REGION)(?:[ \t]|$)", block[0]):
            continue  # comments and styling: not shown, not kept
        timing_at = 1 if len(block) > 1 and "-->" not in block[0] else 0
        if not vtt and timing_at == 1 and not block[0].strip().isdigit():
            raise _wrong(first, f"hier hoort het volgnummer van een ondertitel, maar er staat '{block[0][:40]}'.")
        match = _TIMING.match(block[timing_at].strip())
        if not match or (not vtt and match.group(9)):
            raise _wrong(first + timing_at, "hier hoort een tijd zoals 00:00:01,000 --> 00:00:04,000, maar er staat "
                                            f"'{block[timing_at][:60]}'.")
        start, end = _seconds(*match.groups()[0:4]), _seconds(*match.groups()[4:8])
        if end <= start:
            raise _wrong(first + timing_at, "de eindtijd ligt niet na de begintijd.")
        text = block[timing_at + 1:]
        if not text:
            raise _wrong(first + timing_at, "na de tijd hoort de tekst van de ondertitel.")
        for offset, line in enumerate(text, start=timing_at + 1):
            if "-->" in line:
                raise _wrong(first + offset, "een tijd staat hier midden in de tekst; zet een lege regel tussen twee ondertitels.")
        found.append(Cue(block[0].strip() if timing_at else "", start, end, (match.group(9) or "") if vtt else "",
                         tuple(text)))
    if not found:
        raise Invalid({"ondertitels": "In dit bestand staan geen ondertitels. Kies een .vtt- of .srt-bestand met tekst en tijden."})
    return found


def webvtt(data: bytes) -> bytes:
    """The captions as a clean WebVTT file: WEBVTT, then every cue written anew."""
    parts = ["WEBVTT", ""]
    for cue in cues(data):
        timing = f"{_stamp(cue.start)} --> {_stamp(cue.end)}" + (f" {cue.settings}" if cue.settings else "")
        parts += ([cue.ident] if cue.ident else []) + [timing, *cue.text, ""]
    return "\n".join(parts).encode("utf-8")


def save(session: Session, visitor: access.Visitor, media_id: int, bestand: bytes | None, transcript: str,
         media_dir: Path) -> None:
    """Add or replace a video's captions (when a file is given) and set its transcript; as editing its story."""
    item = session.get(Media, media_id)
    verhaal = session.get(Verhaal, item.verhaal_id) if item else None
    access.require(visitor, "verhaal_bewerken", {verhaal.partij_id} if verhaal else ())
    if item is None or item.soort != "video":
        raise Invalid({"_": "Deze video bestaat niet (meer). Vernieuw de pagina."})
    transcript = transcript.strip()
    if len(transcript) > MAX_TRANSCRIPT:
        raise Invalid({"transcript": f"Het transcript is langer dan {formatting.number(MAX_TRANSCRIPT)} tekens; kort het in."})
    if bestand is not None:
        schoon = webvtt(bestand)
        old = media.path(item.ondertitels, media_dir)  # the replaced captions go once the new ones are committed
        opruimen.na_commit(session, [old] if old else [])
        item.ondertitels = media.store(schoon, "vtt", media_dir)
    item.transcript = transcript
    session.flush()
    audit.record(session, visitor.name, "ondertitels_gewijzigd", f"verhaal {item.verhaal_id}",
                 {"media": media_id, "ondertitels": item.ondertitels, "transcript": len(transcript)})


def zonder_ondertitels(session: Session, visitor: access.Visitor) -> list[tuple[int, str]]:
    """(verhaal id, titel) per video file without captions, of the stories this visitor may edit; by title."""
    rows = session.execute(select(Verhaal.id, Verhaal.titel, Verhaal.partij_id).join(Media, Media.verhaal_id == Verhaal.id)
                           .where(Media.soort == "video", Media.ondertitels.is_(None)).order_by(Verhaal.titel))
    return [(i, titel) for i, titel, partij in rows if access.may_on(visitor, "verhaal_bewerken", {partij})]
