"""Photos, video files and video links for stories, checked by content and stored under new names.

A file's name and declared type say nothing: photos must open in Pillow as JPEG, PNG or WebP and
are re-encoded (which drops EXIF, GPS and anything hidden after the image data), turned upright
and scaled to at most MAX_SIDE pixels. Videos must be a whole MP4 or WebM container, parsed (not
their first bytes: an HTML page that starts with MP4's bytes is refused), and stay under the size
cap. No library was fit for the parse (pymp4 pins construct 2.8.8 of 2016 and is lenient about
sizes; PyAV's ffmpeg should not parse a file before it is known to be whole), so two small strict walkers
below do it; `video` then copies what passes without its metadata. Links are only YouTube or Vimeo, over https, rewritten to one canonical form.
Every stored file gets a uuid name, so nothing a user typed reaches the file system.
"""
from __future__ import annotations

import io
import re
import uuid
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from PIL import Image, ImageOps, UnidentifiedImageError

PHOTO_FORMATS = {"JPEG", "PNG", "WEBP"}
MAX_SIDE = 1600
MAX_PIXELS = 40_000_000  # refuse decompression bombs before decoding
VIDEO_EXTENSIONS = ("mp4", "webm")
_NAME = re.compile(r"^[0-9a-f]{32}\.(jpg|mp4|webm|vtt)$")
FORMULIEREN = "toestemmingen"  # the signed consent forms, in a folder of their own beside the media
_FORM = re.compile(r"^[0-9a-f]{32}\.(pdf|jpg|png)$")
_YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")
YOUTUBE_HOSTS = {"youtube.com", "www.youtube.com", "m.youtube.com", "youtu.be", "www.youtube-nocookie.com"}
VIMEO_HOSTS = {"vimeo.com", "www.vimeo.com", "player.vimeo.com"}


class MediaRejected(ValueError):
    """The file or link cannot be used; the message is Dutch and says what to do."""


def photo(data: bytes) -> bytes:
    """A clean JPEG of at most MAX_SIDE pixels, or MediaRejected."""
    try:
        with Image.open(io.BytesIO(data)) as probe:
            kind = probe.format
            if kind not in PHOTO_FORMATS:
                raise MediaRejected("Dit bestand is geen JPEG-, PNG- of WebP-foto. Kies een foto in een van die vormen.")
            if probe.width * probe.height > MAX_PIXELS:
                raise MediaRejected("Deze foto is te groot (meer dan 40 megapixel). Verklein hem en probeer het opnieuw.")
            probe.verify()
        with Image.open(io.BytesIO(data)) as image:
            image.load()
            image = ImageOps.exif_transpose(image)
            if image.mode in ("RGBA", "LA", "P"):
                image = image.convert("RGBA")
                background = Image.new("RGB", image.size, (255, 255, 255))
                background.paste(image, mask=image.getchannel("A"))
                image = background
            else:
                image = image.convert("RGB")
            image.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
            out = io.BytesIO()
            image.save(out, format="JPEG", quality=85, optimize=True)  # no exif= : metadata is dropped
            return out.getvalue()
    except MediaRejected:
        raise
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError) as error:
        raise MediaRejected("Dit bestand is geen leesbare foto (JPEG, PNG of WebP). "
                            "Kies een andere foto of sla hem opnieuw op.") from error


def video_kind(data: bytes, max_bytes: int) -> str:
    """'mp4' or 'webm' when the file is a whole container of that kind, or MediaRejected (also when too large)."""
    if len(data) > max_bytes:
        raise MediaRejected(f"Deze video is groter dan {max_bytes // 1_000_000} MB. "
                            "Kort hem in, of zet hem op YouTube of Vimeo en plak de link.")
    if _is_mp4(data):
        return "mp4"
    if _is_webm(data):
        return "webm"
    raise MediaRejected("Dit bestand is geen MP4- of WebM-video (of het is beschadigd of onvolledig). "
                        "Kies een video in een van die vormen.")


_BOX_TYPE = re.compile(rb"[A-Za-z0-9 \xa9_-]{4}")


def _boxes(data: bytes, start: int, end: int) -> list[tuple[bytes, int, int]] | None:
    """ISO-BMFF boxes from start to end as (type, body start, box end), or None unless their sizes
    add up to exactly that span: each a 32-bit size (1: a 64-bit one follows; 0: to the end) and a
    type of four letters, digits or spaces."""
    boxes, at = [], start
    while at < end:
        if end - at < 8:
            return None
        size, kind, body = int.from_bytes(data[at:at + 4], "big"), data[at + 4:at + 8], at + 8
        if size == 1:
            if end - at < 16:
                return None
            size, body = int.from_bytes(data[at + 8:at + 16], "big"), at + 16
        elif size == 0:
            size = end - at
        if not _BOX_TYPE.fullmatch(kind) or size < body - at or at + size > end:
            return None
        boxes.append((kind, body, at + size))
        at += size
    return boxes


def _is_mp4(data: bytes) -> bool:
    """ftyp first (a brand and whole compatible brands), box sizes that add up to the file, and a
    moov box whose own boxes add up and hold its header (mvhd) and at least one track (trak)."""
    boxes = _boxes(data, 0, len(data))
    if not boxes or boxes[0][0] != b"ftyp" or (boxes[0][2] - boxes[0][1]) < 8 or (boxes[0][2] - boxes[0][1]) % 4:
        return False
    moov = [box for box in boxes if box[0] == b"moov"]
    if len(moov) != 1:
        return False
    inside = _boxes(data, moov[0][1], moov[0][2])
    kinds = [kind for kind, _, _ in inside or ()]
    return b"mvhd" in kinds and b"trak" in kinds


_EBML, _DOCTYPE, _SEGMENT, _TRACKS, _CLUSTER = 0x1A45DFA3, 0x4282, 0x18538067, 0x1654AE6B, 0x1F43B675


def _vint(data: bytes, at: int, marker: bool) -> tuple[int, int, bool] | None:
    """An EBML variable-length integer at `at`: (value, next position, all ones = unknown size);
    an element ID keeps its length marker, a size drops it."""
    if at >= len(data) or data[at] == 0:
        return None
    length = 9 - data[at].bit_length()
    if at + length > len(data):
        return None
    value = int.from_bytes(data[at:at + length], "big")
    bits = 7 * length
    plain = value & ((1 << bits) - 1)
    return (value if marker else plain), at + length, plain == (1 << bits) - 1


def _elements(data: bytes, start: int, end: int):
    """EBML elements from start to end as (id, body start, element end); an element of unknown size
    runs to `end`. Stops (yields None) at the first one that does not fit."""
    at = start
    while at < end:
        ident, size = _vint(data, at, True), None
        if ident:
            size = _vint(data, ident[1], False)
        if not ident or not size:
            yield None
            return
        body = size[1]
        stop = end if size[2] else body + size[0]
        if stop > end:
            yield None
            return
        yield ident[0], body, stop
        at = stop


def _is_webm(data: bytes) -> bool:
    """An EBML header whose DocType is webm, then one Segment that fills the rest of the file, whose
    elements fit in it, with the tracks (Tracks) before the first Cluster of frames."""
    top = list(_elements(data, 0, len(data)))
    if len(top) != 2 or None in top or top[0][0] != _EBML or top[1][0] != _SEGMENT:
        return False
    header = list(_elements(data, top[0][1], top[0][2]))
    if None in header or not any(i == _DOCTYPE and data[b:e].rstrip(b"\x00") == b"webm" for i, b, e in header):
        return False
    for element in _elements(data, top[1][1], top[1][2]):
        if element is None or element[0] == _CLUSTER:
            return False
        if element[0] == _TRACKS:
            return True
    return False


def video_link(url: str) -> str:
    """The canonical https link for a YouTube or Vimeo video, or MediaRejected."""
    refused = MediaRejected("Alleen links naar een video op YouTube of Vimeo zijn mogelijk, beginnend met "
                            "https://, bijvoorbeeld https://www.youtube.com/watch?v=... of https://vimeo.com/123456.")
    try:
        parts = urlsplit((url or "").strip())
        port = parts.port
    except ValueError as error:
        raise refused from error
    host = (parts.hostname or "").lower()
    if parts.scheme != "https" or parts.username or parts.password or port not in (None, 443):
        raise refused
    segments = [s for s in parts.path.split("/") if s]
    if host in YOUTUBE_HOSTS:
        if host == "youtu.be":
            video = segments[0] if len(segments) == 1 else ""
        elif segments == ["watch"]:
            video = parse_qs(parts.query).get("v", [""])[0]
        elif len(segments) == 2 and segments[0] in ("embed", "shorts", "live"):
            video = segments[1]
        else:
            video = ""
        if _YOUTUBE_ID.match(video):
            return f"https://www.youtube.com/watch?v={video}"
    elif host in VIMEO_HOSTS:
        numbers = segments[1:] if segments[:1] == ["video"] else segments
        if len(numbers) == 1 and numbers[0].isdigit():
            return f"https://vimeo.com/{numbers[0]}"
    raise refused


def store(data: bytes, extension: str, media_dir: Path) -> str:
    """Write under a new uuid name; returns the name (never a path a user chose)."""
    media_dir.mkdir(parents=True, exist_ok=True)
    name = f"{uuid.uuid4().hex}.{extension}"
    (media_dir / name).write_bytes(data)
    return name


def path(name: str | None, media_dir: Path) -> Path | None:
    """The stored file for a name from the database, or None when the name is odd or the file gone."""
    if not name or not _NAME.match(name):
        return None
    candidate = media_dir / name
    return candidate if candidate.is_file() else None


def form_path(name: str | None, media_dir: Path) -> Path | None:
    """The stored signed consent form for a name from the database, or None when odd or gone."""
    if not name or not _FORM.match(name):
        return None
    candidate = media_dir / FORMULIEREN / name
    return candidate if candidate.is_file() else None
