"""A story with media is written whole or not at all, under generated file names, and audited."""
import io
from datetime import date

import pytest
from PIL import Image
from sqlalchemy import func, select

from dashboard import afspraken
from dashboard.models import AuditLog, Media, Verhaal
from dashboard.toegang import access
from dashboard.verhalen import toestemming, verhalen

REDACTEUR = access.Visitor("vrijwilliger", "redacteur")


def verhaal(**changes) -> verhalen.VerhaalInvoer:
    values = dict(titel="Buurtkamer open", tekst="De buurtkamer in **Oosterveld** is open.", verteller_rol="bewoner",
                  datum=date(2025, 9, 1), gebied="WK990107")
    return verhalen.VerhaalInvoer(**{**values, **changes})


def jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (300, 200), (10, 120, 80)).save(out, format="JPEG")
    return out.getvalue()


def count(db, model) -> int:
    with db.make_session() as session:
        return session.scalar(select(func.count(model.id)))


def test_php_renamed_to_jpg_rejects_the_whole_verhaal_and_writes_no_file(demo_db, tmp_path):
    before = count(demo_db, Verhaal)
    foto = verhalen.MediaInvoer(soort="foto", data=b"<?php system($_GET['c']); ?>", alt_tekst="")
    with pytest.raises(afspraken.Invalid) as invalid, demo_db.session() as session:
        verhalen.add_verhaal(session, REDACTEUR, verhaal(titel=""), [foto], tmp_path / "uploads", 10_000_000)
    assert set(invalid.value.problems) == {"titel", "foto", "alt_tekst", "toestemming"}
    assert count(demo_db, Verhaal) == before
    assert not (tmp_path / "uploads").exists()


def test_verhaal_with_photo_and_link_is_stored_and_audited(demo_db, tmp_path):
    niemand = toestemming.Register(geen_herkenbare_personen=True)
    items = [verhalen.MediaInvoer(soort="foto", data=jpeg(), alt_tekst="Buurtkamer met tafels.", register=niemand),
             verhalen.MediaInvoer(soort="videolink", url="https://youtu.be/aqz-KE-bpKQ", register=niemand)]
    with demo_db.session() as session:
        verhaal_id = verhalen.add_verhaal(session, REDACTEUR, verhaal(), items, tmp_path, 10_000_000)
    with demo_db.make_session() as session:
        shown = verhalen.detail(session, verhaal_id)
        acties = [a for (a,) in session.execute(select(AuditLog.actie).where(AuditLog.gebruiker == "vrijwilliger"))]
    assert "<strong>Oosterveld</strong>" in shown.tekst_html and shown.wijk == "Oosterveld"
    foto, link = shown.media
    assert (tmp_path / foto.bestand).is_file() and foto.bestand.endswith(".jpg") and len(foto.bestand) == 36
    assert link.url == "https://www.youtube.com/watch?v=aqz-KE-bpKQ"
    assert acties == ["verhaal_aangemaakt", "media_toegevoegd", "geen_herkenbare_personen", "media_toegevoegd",
                      "geen_herkenbare_personen"]


def test_gallery_filters_by_opgave_wijk_and_role(demo_db):
    with demo_db.make_session() as session:
        opgave = afspraken.opgaven(session).set_index("naam").loc["Samen verduurzamen", "id"]
        duurzaam = verhalen.gallery(session, opgave_id=int(opgave))
        molenkamp = verhalen.gallery(session, gebied="WK990104")
        bestuurders = verhalen.gallery(session, rol="bestuurder")
        punten = verhalen.map_points(session, verhalen.gallery(session))
    assert duurzaam and all("Samen verduurzamen" in s.opgaven for s in duurzaam)
    assert molenkamp and {s.wijk for s in molenkamp} == {"Molenkamp"}
    assert bestuurders and {s.verteller_rol for s in bestuurders} == {"bestuurder"}
    assert len(punten) == count(demo_db, Verhaal) and punten[["lat", "lon"]].notna().all().all()


def test_a_lezer_cannot_upload(demo_db, tmp_path):
    before = count(demo_db, Media)
    with pytest.raises(access.NotAllowed), demo_db.session() as session:
        verhalen.add_media(session, access.Visitor("raadslid", "lezer"), 1,
                           verhalen.MediaInvoer(soort="videolink", url="https://vimeo.com/1"), tmp_path, 1000)
    assert count(demo_db, Media) == before
