"""A video is served without the place, phone, names or date it was filmed with, and has a poster."""
import io
from datetime import date

import av
import pytest
from PIL import Image
from sqlalchemy import select

import videos
from dashboard import afspraken
from dashboard.models import Media
from dashboard.toegang import access
from dashboard.verhalen import media, toestemming, verhalen

REDACTEUR = access.Visitor("vrijwilliger", "redacteur")
HIDDEN = (videos.PLACE.encode(), b"Telefoonmerk", b"Model X1", b"Ria de Vries", b"2024-05-01", videos.CHAPTER.encode(),
          b"Core Media Ria")


INTERN = toestemming.Zicht("intern", date.today())


def upload(db, media_dir, data: bytes) -> verhalen.VerhaalMedia:
    """Through the write the story form uses; returns the item as the story page shows it."""
    invoer = verhalen.VerhaalInvoer(titel="Film van de buurtmoestuin", tekst="Kijk mee.", verteller_rol="bewoner")
    with db.session() as session:
        verhaal_id = verhalen.add_verhaal(session, REDACTEUR, invoer, [verhalen.MediaInvoer(
            soort="video", data=data, bijschrift="De moestuin",
            register=toestemming.Register(geen_herkenbare_personen=True))], media_dir, 10_000_000)
    with db.make_session() as session:
        return verhalen.detail(session, verhaal_id, zicht=INTERN).media[0]  # no captions yet: signed-in pages only


def test_the_phone_video_really_carries_its_place_phone_and_chapter():
    data = videos.tiny("mp4")
    for hidden in HIDDEN:
        assert hidden in data
    with av.open(io.BytesIO(videos.tiny("webm"))) as webm:  # WebM writes the creation time as a number
        assert {"creation_time", "COM.APPLE.QUICKTIME.LOCATION.ISO6709"} <= set(webm.metadata) and webm.chapters()


@pytest.mark.parametrize("kind", ["mp4", "webm"])
def test_the_served_video_has_no_place_phone_name_or_date_and_still_plays(demo_db, tmp_path, kind):
    item = upload(demo_db, tmp_path, videos.tiny(kind))
    served = media.path(item.bestand, tmp_path)  # the file the story page streams
    assert served.suffix == f".{kind}"
    data = served.read_bytes()
    for hidden in HIDDEN:
        assert hidden not in data
    with av.open(io.BytesIO(data)) as container:
        assert not {k for k in container.metadata if k not in ("major_brand", "minor_version", "compatible_brands", "encoder")}
        assert [s.type for s in container.streams] == ["video", "audio"]  # the chapters' text track is gone
        assert container.chapters() == []
        assert not any(s.metadata.get("creation_time") for s in container.streams)
        assert len(list(container.decode(video=0))) == 4  # copied, not re-encoded: every frame is there
    if kind == "mp4":
        assert data.index(b"moov") < data.index(b"mdat")  # faststart: the browser can start at once


def test_a_video_gets_a_clean_jpeg_poster_of_its_first_frame(demo_db, tmp_path):
    item = upload(demo_db, tmp_path, videos.tiny("mp4"))
    poster = Image.open(media.path(item.poster, tmp_path))
    assert poster.format == "JPEG" and poster.size == (32, 32) and not poster.getexif()
    assert abs(poster.convert("L").getpixel((16, 16)) - 40) < 12  # the first, darkest frame
    with demo_db.make_session() as session:
        assert session.scalar(select(Media.poster).where(Media.bestand == item.bestand)) == item.poster


def test_a_video_whose_pictures_cannot_be_read_is_refused_in_dutch(demo_db, tmp_path):
    data = videos.tiny("mp4")
    at = data.index(b"mdat") - 4
    size = int.from_bytes(data[at:at + 4], "big")
    broken = data[:at + 8] + bytes(size - 8) + data[at + size:]  # a whole container with nothing of a picture
    assert media.video_kind(broken, 1_000_000) == "mp4"
    with pytest.raises(afspraken.Invalid) as invalid:
        upload(demo_db, tmp_path / "uploads", broken)
    assert "kan niet worden gelezen" in invalid.value.problems["video"]
    assert not (tmp_path / "uploads").exists()
