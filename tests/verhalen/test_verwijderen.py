"""Deleting a story or one of its media takes every file it stored out of the media folder and out of later exports."""
import io
from datetime import date
from pathlib import Path

import pytest
from pptx import Presentation
from sqlalchemy import select

import videos
from dashboard import afspraken
from dashboard.models import Media, Toestemming, Verhaal
from dashboard.toegang import access
from dashboard.vergadering import agenda, deck, export
from dashboard.verhalen import media, ondertitels, opruimen, toestemming, verhalen

REDACTEUR = access.Visitor("vrijwilliger", "redacteur")
VTT = b"WEBVTT\n\n00:00.000 --> 00:01.000\nWelkom in de moestuin.\n"


def pictures(built, media_dir) -> list[bytes]:
    slides = Presentation(io.BytesIO(export.pptx_bytes(built, media_dir, images={}))).slides
    return [shape.image.blob for slide in slides for shape in slide.shapes if shape.shape_type == 13]


def add_video(db, verhaal_id, media_dir) -> int:
    with db.session() as session:
        video_id = verhalen.add_media(session, REDACTEUR, verhaal_id, verhalen.MediaInvoer(
            soort="video", data=videos.tiny(), bijschrift="De moestuin",
            register=toestemming.Register(geen_herkenbare_personen=True)), media_dir, 10_000_000)
        ondertitels.save(session, REDACTEUR, video_id, VTT, "Welkom in de moestuin.", media_dir)
    return video_id


def stored(db, verhaal_id, media_dir) -> list[Path]:
    with db.make_session() as session:
        return [pad for item in session.get(Verhaal, verhaal_id).media for pad in opruimen.paden(item, media_dir)]


def test_a_deleted_story_leaves_no_photo_video_poster_or_captions_behind_and_no_image_in_the_next_deck(demo_db, demo_db_path):
    media_dir = demo_db_path.parent / "media"
    with demo_db.make_session() as session:
        vergadering = next(m.id for m in agenda.list_vergaderingen(session) if m.titel == "Stuurgroep najaar 2025")
        foto = next(d.foto for d in deck.build(session, vergadering).dias if d.foto)
        verhaal_id = session.scalar(select(Media.verhaal_id).where(Media.bestand == foto.bestand))
    add_video(demo_db, verhaal_id, media_dir)
    paths = stored(demo_db, verhaal_id, media_dir)
    assert {path.suffix for path in paths} >= {".jpg", ".mp4", ".vtt"} and len(paths) >= 4
    gone = [path.read_bytes() for path in paths]
    with demo_db.make_session() as session:
        assert (media_dir / foto.bestand).read_bytes() in pictures(deck.build(session, vergadering), media_dir)

    with demo_db.session() as session:
        verhalen.delete_verhaal(session, REDACTEUR, verhaal_id, media_dir)

    assert [path for path in paths if path.exists()] == []
    with demo_db.make_session() as session:
        assert session.get(Verhaal, verhaal_id) is None
        assert not set(gone) & set(pictures(deck.build(session, vergadering), media_dir))


def test_a_deleted_video_takes_its_poster_captions_and_signed_form_and_a_rolled_back_delete_keeps_them(
        demo_db, demo_db_path):
    media_dir = demo_db_path.parent / "media"
    video_id = add_video(demo_db, 1, media_dir)
    with demo_db.session() as session:
        session.add(Toestemming(media_id=video_id, persoon="Ria", datum=date(2025, 1, 6), verloopt=date(2027, 1, 6),
                                formulier=media.store(b"getekend formulier", "pdf", media_dir / media.FORMULIEREN)))
    with demo_db.make_session() as session:
        paths = opruimen.paden(session.get(Media, video_id), media_dir)
    assert len(paths) == 4 and paths[-1].parent.name == media.FORMULIEREN
    with pytest.raises(RuntimeError), demo_db.session() as session:
        verhalen.delete_media(session, REDACTEUR, video_id, media_dir)
        raise RuntimeError("the transaction fails after the delete")
    assert all(path.exists() for path in paths)

    with demo_db.session() as session:
        verhalen.delete_media(session, REDACTEUR, video_id, media_dir)
    assert not any(path.exists() for path in paths)
    assert all(m.id != video_id for m in verhalen_media(demo_db, 1))


def verhalen_media(db, verhaal_id):
    with db.make_session() as session:
        return verhalen.detail(session, verhaal_id).media


def test_a_partner_cannot_delete_another_partijs_story(demo_db, demo_db_path):
    with demo_db.make_session() as session:
        verhaal = session.scalars(select(Verhaal).where(Verhaal.partij_id.is_not(None))).first()
        andere = session.scalar(select(Verhaal.partij_id).where(Verhaal.partij_id != verhaal.partij_id))
    partner = access.Visitor("corporatie", "partner", partij_id=andere, partij="Andere partij")
    with pytest.raises(access.NotAllowed), demo_db.session() as session:
        verhalen.delete_verhaal(session, partner, verhaal.id, demo_db_path.parent / "media")
    with demo_db.make_session() as session:
        assert session.get(Verhaal, verhaal.id) is not None
    with pytest.raises(afspraken.Invalid), demo_db.session() as session:
        verhalen.delete_verhaal(session, REDACTEUR, 999_999, demo_db_path.parent / "media")
