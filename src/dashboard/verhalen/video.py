"""Uploaded videos copied into a new container without what a phone hides in them, and their poster frame.

A phone's MP4 carries the place it was filmed (©xyz or Apple's ISO-6709 key), the make and model,
names and the creation time, in the container and in each stream; some carry chapters, a data
track or a subtitle track too. The video and audio packets are copied (no re-encode: quick, and
nothing is lost) into a fresh container of the same kind that gets none of that, with bitexact
so not even the muxer's version is written; MP4 gets faststart (the index first, so a browser
can start playing before the whole file is in). PyAV does the work: its wheels ship ffmpeg, so
pip is all a server needs. Decoding starts only after the strict container check in `media`.
"""
from __future__ import annotations

import io
import tempfile
from dataclasses import dataclass
from pathlib import Path

import av

from dashboard.verhalen import media

_COPIED = ("video", "audio")
_UNREADABLE = ("Deze video kan niet worden gelezen (de beelden zijn beschadigd of in een onbekende vorm). "
               "Sla hem opnieuw op als MP4 of WebM, of zet hem op YouTube of Vimeo en plak de link.")


@dataclass(frozen=True)
class SchoneVideo:
    """A video ready to store: the copied file, its kind (mp4 or webm) and a clean JPEG poster."""

    data: bytes
    soort: str
    poster: bytes


def clean(data: bytes, max_bytes: int) -> SchoneVideo:
    """The video without metadata, chapters or extra tracks, and its first frame as a poster; MediaRejected otherwise."""
    soort = media.video_kind(data, max_bytes)
    try:
        with tempfile.TemporaryDirectory() as folder:
            target = Path(folder) / f"video.{soort}"
            _remux(data, target, soort)
            copied = target.read_bytes()
        poster = _first_frame(copied)
    except (av.error.FFmpegError, ValueError, IndexError) as error:
        raise media.MediaRejected(_UNREADABLE) from error
    return SchoneVideo(copied, soort, media.photo(poster))


def _remux(data: bytes, target: Path, soort: str) -> None:
    """Copy the video and audio packets into a new file; faststart needs a real file to rewrite."""
    options = {"fflags": "+bitexact"} | ({"movflags": "+faststart"} if soort == "mp4" else {})
    with av.open(io.BytesIO(data), "r") as source:
        kept = [stream for stream in source.streams if stream.type in _COPIED]
        if not any(stream.type == "video" for stream in kept):
            raise ValueError("no video stream")
        with av.open(str(target), "w", format=soort, options=options) as output:
            copies = {stream.index: output.add_stream_from_template(stream) for stream in kept}
            for copy in copies.values():
                copy.metadata.clear()
            for packet in source.demux(*kept):
                if packet.dts is None:  # the demuxer's empty packet at the end of a stream
                    continue
                packet.stream = copies[packet.stream.index]
                output.mux(packet)


def _first_frame(data: bytes) -> bytes:
    """The first frame that decodes, as PNG bytes (photo() then makes the clean JPEG)."""
    with av.open(io.BytesIO(data), "r") as container:
        stream = container.streams.video[0]
        for frame in container.decode(stream):
            out = io.BytesIO()
            frame.to_image().save(out, format="PNG")
            return out.getvalue()
    raise ValueError("no frame decodes")
