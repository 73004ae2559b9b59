"""Captions for a video: SRT or WebVTT in, one clean WebVTT file stored; a wrong line is named in Dutch."""
import io
from datetime import date

import pytest
from pptx import Presentation
from pypdf import PdfReader
from sqlalchemy import select

import videos
from dashboard import afspraken
from dashboard.models import Media
from dashboard.toegang import access
from dashboard.vergadering import agenda, deck, export
from dashboard.verhalen import media, ondertitels, toestemming, verhalen

REDACTEUR = access.Visitor("vrijwilliger", "redacteur")
SRT = ("1\r\n00:00:00,000 --> 00:00:01,500\r\nWelkom in de moestuin.\r\n\r\n"
       "2\r\n00:00:01,500 --> 00:00:03,000\r\n<i>Hier groeit één pompoen</i>\r\n")


@pytest.mark.parametrize("data", [SRT.encode("utf-8"), "\ufeff".encode() + SRT.encode("utf-8"), SRT.encode("cp1252")])
def test_srt_in_utf8_with_or_without_bom_or_windows_1252_becomes_webvtt(data):
    assert ondertitels.webvtt(data).decode("utf-8") == (
        "WEBVTT\n\n1\n00:00:00.000 --> 00:00:01.500\nWelkom in de moestuin.\n\n"
        "2\n00:00:01.500 --> 00:00:03.000\n<i>Hier groeit één pompoen</i>\n")


def test_webvtt_keeps_its_cues_and_settings_and_drops_notes():
    data = b"WEBVTT - van de camera\n\nNOTE gemaakt door Jan\n\nintro\n01:02.500 --> 01:04.000 align:start\nHoi\n"
    assert ondertitels.webvtt(data) == b"WEBVTT\n\nintro\n00:01:02.500 --> 00:01:04.000 align:start\nHoi\n"


@pytest.mark.parametrize("data, said", [
    (SRT.replace("00:00:01,500 --> 00:00:03,000", "00:00:01,500 -> 00:00:03,000").encode(), "Regel 6 "),
    (b"WEBVTT\n\n00:02.000 --> 00:01.000\nTerug in de tijd\n", "Regel 3 van het ondertitelbestand: de eindtijd"),
    (b"1\n00:00:00,000 --> 00:00:01,000\nA\n00:00:01,000 --> 00:00:02,000\nB\n", "Regel 4 "),
    (b"WEBVTTT\n\n00:00.000 --> 00:01.000\nA\n", "Regel 1 "),
    (b"Dit is een brief\n", "Regel 1 "),
    (b"", "geen ondertitels"),
    (b"WEBVTT\n" + b"x" * ondertitels.MAX_BYTES, "groter dan 500 kB"),
])
def test_a_wrong_file_is_refused_naming_the_line(data, said):
    with pytest.raises(afspraken.Invalid) as invalid:
        ondertitels.webvtt(data)
    assert said in invalid.value.problems["ondertitels"]


def test_captions_are_stored_replaced_and_the_transcript_kept(demo_db, tmp_path):
    with demo_db.session() as session:
        zonder = [i for i, _ in ondertitels.zonder_ondertitels(session, REDACTEUR)]
        verhaal_id = next(i for i in range(1, 20) if i not in zonder)
        video_id = verhalen.add_media(session, REDACTEUR, verhaal_id, verhalen.MediaInvoer(
            soort="video", data=videos.tiny(tags=False), register=toestemming.Register(geen_herkenbare_personen=True)),
            tmp_path, 10_000_000)
        assert verhaal_id in [i for i, _ in ondertitels.zonder_ondertitels(session, REDACTEUR)]
        ondertitels.save(session, REDACTEUR, video_id, SRT.encode(), "  Welkom in de moestuin.  ", tmp_path)
    with demo_db.make_session() as session:
        first = session.get(Media, video_id).ondertitels
        assert media.path(first, tmp_path).read_bytes().startswith(b"WEBVTT\n\n1\n00:00:00.000")
        assert session.get(Media, video_id).transcript == "Welkom in de moestuin."
        assert verhaal_id not in [i for i, _ in ondertitels.zonder_ondertitels(session, REDACTEUR)]
    with demo_db.session() as session:
        ondertitels.save(session, REDACTEUR, video_id, b"WEBVTT\n\n00:00.000 --> 00:01.000\nNieuw\n", "", tmp_path)
    with demo_db.make_session() as session:
        second = session.get(Media, video_id).ondertitels
    assert second != first and media.path(first, tmp_path) is None  # the old file is gone
    with pytest.raises(access.NotAllowed), demo_db.session() as session:
        ondertitels.save(session, access.Visitor("raadslid", "lezer"), video_id, SRT.encode(), "", tmp_path)


def test_a_story_told_in_a_video_shows_its_poster_captions_note_and_transcript_in_the_deck_and_exports(demo_db, demo_db_path):
    media_dir = demo_db_path.parent / "media"
    with demo_db.make_session() as session:
        vergadering = next(m.id for m in agenda.list_vergaderingen(session) if m.titel == "Stuurgroep najaar 2025")
        foto = next(d.foto for d in deck.build(session, vergadering).dias if d.foto)
        afspraak = session.scalar(select(Media).where(Media.bestand == foto.bestand)).verhaal_id
        afspraak_id = verhalen.detail(session, afspraak).afspraken[0].id
    with demo_db.session() as session:
        verhaal_id = verhalen.add_verhaal(session, REDACTEUR, verhalen.VerhaalInvoer(
            titel="De moestuin in beeld", tekst="Een film.", verteller_rol="bewoner", citaat="Kijk eens!",
            afspraken=[afspraak_id]), [verhalen.MediaInvoer(soort="video", data=videos.tiny(),
                                                            register=toestemming.Register(geen_herkenbare_personen=True))],
            media_dir, 10_000_000)
        video_id = verhalen.detail(session, verhaal_id, zicht=toestemming.Zicht("intern", date.today())).media[0].id
        ondertitels.save(session, REDACTEUR, video_id, SRT.encode(), "Ria: welkom in de moestuin.", media_dir)
    with demo_db.make_session() as session:
        built = deck.build(session, vergadering)
        poster = (media_dir / session.get(Media, video_id).poster).read_bytes()
    dia = next(d for d in built.dias if d.foto and d.foto.video)
    assert dia.foto.alt == "Beeld uit de video: De moestuin in beeld"
    slides = Presentation(io.BytesIO(export.pptx_bytes(built, media_dir, images={}))).slides
    slide = next(s for s in slides if s.shapes.title.text == dia.titel)
    assert poster in [shape.image.blob for shape in slide.shapes if shape.shape_type == 13]
    assert any("Ondertitels beschikbaar" in shape.text_frame.text for shape in slide.shapes if shape.has_text_frame)
    assert "Transcript van de video: Ria: welkom in de moestuin." in slide.notes_slide.notes_text_frame.text
    pdf = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(export.pdf_bytes(built, media_dir, images={}))).pages)
    assert "Transcript: Ria: welkom in de moestuin." in " ".join(pdf.split())
