"""Photos, video files and video links for stories, checked by content and stored under new names.

A file's name and declared type say nothing: photos must open in Pillow as JPEG, PNG or WebP and
are re-encoded (which drops EXIF, GPS and anything hidden after the image data), turned upright
and scaled to at most MAX_SIDE pixels. Videos must start with MP4 or WebM magic bytes and stay
under the size cap. Links are only YouTube or Vimeo, over https, rewritten to one canonical form.
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
_NAME = re.compile(r"^[0-9a-f]{32}\.(jpg|mp4|webm)$")
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
    """'mp4' or 'webm' by the file's first bytes, or MediaRejected (also when too large)."""
    if len(data) > max_bytes:
        raise MediaRejected(f"Deze video is groter dan {max_bytes // 1_000_000} MB. "
                            "Kort hem in, of zet hem op YouTube of Vimeo en plak de link.")
    if len(data) >= 12 and data[4:8] == b"ftyp":
        return "mp4"
    if data[:4] == b"\x1a\x45\xdf\xa3" and b"webm" in data[:64]:
        return "webm"
    raise MediaRejected("Dit bestand is geen MP4- of WebM-video. Kies een video in een van die vormen.")


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


def remove(name: str, media_dir: Path) -> None:
    found = path(name, media_dir)
    if found:
        found.unlink()
