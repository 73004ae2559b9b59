"""Tiny videos for the tests, written with PyAV: four frames of 32 by 32 pixels, with what a phone
hides in a film (its place as ISO 6709, make and model, a name, a creation time) unless asked not to."""
import io

import av
import numpy as np

PLACE = "+52.0907+005.1214+003.000/"  # Utrecht, as an iPhone writes it
PHONE_TAGS = {"com.apple.quicktime.location.ISO6709": PLACE, "com.apple.quicktime.make": "Telefoonmerk",
              "com.apple.quicktime.model": "Model X1", "artist": "Ria de Vries", "creation_time": "2024-05-01T10:00:00Z"}


def tiny(kind: str = "mp4", tags: bool = True) -> bytes:
    """An H.264 MP4 (tags as Apple's keys) or a VP8 WebM of four coloured frames."""
    out = io.BytesIO()
    options = {"movflags": "use_metadata_tags"} if kind == "mp4" else {}
    with av.open(out, "w", format=kind, options=options) as container:
        if tags:
            container.metadata.update(PHONE_TAGS)
        stream = container.add_stream("libx264" if kind == "mp4" else "libvpx", rate=4)
        stream.width, stream.height, stream.pix_fmt = 32, 32, "yuv420p"
        if tags:
            stream.metadata.update({"handler_name": "Core Media Video", "creation_time": "2024-05-01T10:00:00Z"})
        for shade in (40, 90, 140, 190):
            frame = av.VideoFrame.from_ndarray(np.full((32, 32, 3), shade, np.uint8), format="rgb24")
            container.mux(stream.encode(frame))
        container.mux(stream.encode())
    return out.getvalue()
