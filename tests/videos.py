"""Tiny videos for the tests, written with PyAV: four frames of 32 by 32 pixels and a little silence, with
what a phone hides in a film (its place as ISO 6709, make and model, a name, a creation time, a chapter)
unless asked not to."""
import io
from fractions import Fraction

import av
import numpy as np

PLACE = "+52.0907+005.1214+003.000/"  # Utrecht, as an iPhone writes it
PHONE_TAGS = {"com.apple.quicktime.location.ISO6709": PLACE, "com.apple.quicktime.make": "Telefoonmerk",
              "com.apple.quicktime.model": "Model X1", "artist": "Ria de Vries", "creation_time": "2024-05-01T10:00:00Z"}
CHAPTER = "Keuken van Ria"


def tiny(kind: str = "mp4", tags: bool = True) -> bytes:
    """An H.264 and AAC MP4 (tags as Apple's keys) or a VP8 and Opus WebM."""
    out = io.BytesIO()
    options = {"movflags": "use_metadata_tags"} if kind == "mp4" else {}
    with av.open(out, "w", format=kind, options=options) as container:
        picture = container.add_stream("libx264" if kind == "mp4" else "libvpx", rate=4)
        picture.width, picture.height, picture.pix_fmt = 32, 32, "yuv420p"
        rate = 8000 if kind == "mp4" else 48000
        sound = container.add_stream("aac" if kind == "mp4" else "libopus", rate=rate, layout="mono")
        if tags:
            container.metadata.update(PHONE_TAGS)
            container.set_chapters([{"id": 1, "start": 0, "end": 1000, "time_base": Fraction(1, 1000),
                                     "metadata": {"title": CHAPTER}}])
            for stream in (picture, sound):
                stream.metadata.update({"handler_name": "Core Media Ria", "creation_time": "2024-05-01T10:00:00Z"})
        for shade in (40, 90, 140, 190):
            frame = av.VideoFrame.from_ndarray(np.full((32, 32, 3), shade, np.uint8), format="rgb24")
            container.mux(picture.encode(frame))
        samples = sound.codec_context.frame_size or 1024
        for at in range(0, rate, samples):
            silence = av.AudioFrame.from_ndarray(np.zeros((1, samples), np.float32 if kind == "mp4" else np.int16),
                                                 format="fltp" if kind == "mp4" else "s16", layout="mono")
            silence.sample_rate, silence.pts = rate, at
            container.mux(sound.encode(silence))
        container.mux(picture.encode())
        container.mux(sound.encode())
    return out.getvalue()
