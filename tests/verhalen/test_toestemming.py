"""The consent register: an item is shown only where every recognisable person's live consent reaches;
withdrawal and expiry hide it at once, its files leave storage after the grace period, and the story's
owner hears of an expiry once, 30 days before. Migration 0015 turns an old tick into a register line."""
from __future__ import annotations

import io
import json
from datetime import date, datetime, timedelta, timezone

import pytest
from alembic import command
from PIL import Image
from sqlalchemy import create_engine, select, text

from dashboard import afspraken, cli, clock
from dashboard.db import alembic_config
from dashboard.demo.afspraken import MEDIA
from dashboard.models import AuditLog, Gebruiker, Media, Toestemming, Verhaal
from dashboard.toegang import access
from dashboard.verhalen import media, toestemming, verhalen

BEHEERDER = access.Visitor("beheer", "beheerder")
REDACTEUR = access.Visitor("vrijwilliger", "redacteur")
VANDAAG = date(2026, 12, 5)
INTERN, DEELLINKS, OPENBAAR = (toestemming.Zicht(w, VANDAAG) for w in ("intern", "deellinks", "openbaar"))


@pytest.fixture(autouse=True)
def today(monkeypatch):
    """The clock on VANDAAG at noon; `today.days(n)` moves it on."""
    class Klok:
        def days(self, n: int) -> None:
            moment = datetime(VANDAAG.year, VANDAAG.month, VANDAAG.day, 11, tzinfo=timezone.utc) + timedelta(days=n)
            monkeypatch.setattr(clock, "now", lambda: moment)

    klok = Klok()
    klok.days(0)
    return klok


def jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (300, 200), (10, 120, 80)).save(out, format="JPEG")
    return out.getvalue()


def persoon(**changes) -> toestemming.ToestemmingInvoer:
    return toestemming.ToestemmingInvoer(**{"persoon": "Ria de Vries", "datum": VANDAAG - timedelta(days=10),
                                            "reikwijdte": "openbaar", **changes})


def nieuw(db, folder, *personen, geen=False, soort="foto") -> tuple[int, int]:
    """A new story with one item and this register: (verhaal id, media id)."""
    register = toestemming.Register(geen_herkenbare_personen=geen, personen=list(personen))
    item = verhalen.MediaInvoer(soort=soort, data=jpeg() if soort == "foto" else (MEDIA / "zon.webm").read_bytes(),
                                alt_tekst="Huurders aan tafel.", register=register)
    invoer = verhalen.VerhaalInvoer(titel="Koffie in de buurtkamer", tekst="Zestig huurders.", verteller_rol="huurder",
                                    datum=VANDAAG - timedelta(days=10))
    with db.session() as session:
        verhaal_id = verhalen.add_verhaal(session, BEHEERDER, invoer, [item], folder, 10_000_000)
        return verhaal_id, session.scalar(select(Media.id).where(Media.verhaal_id == verhaal_id))


def shown(db, verhaal_id, zicht) -> bool:
    with db.make_session() as session:
        return bool(verhalen.detail(session, verhaal_id, zicht=zicht).media)


def regel_id(db, media_id) -> int:
    with db.make_session() as session:
        return session.scalar(select(Toestemming.id).where(Toestemming.media_id == media_id))


@pytest.mark.parametrize("reikwijdte, expected", [
    ("intern", (True, False, False)), ("deellinks", (True, True, False)), ("openbaar", (True, True, True))])
def test_an_item_is_shown_as_far_as_its_consent_reaches(demo_db, tmp_path, reikwijdte, expected):
    verhaal_id, _ = nieuw(demo_db, tmp_path, persoon(reikwijdte=reikwijdte))
    assert tuple(shown(demo_db, verhaal_id, z) for z in (INTERN, DEELLINKS, OPENBAAR)) == expected


def test_every_person_must_consent_as_far_and_nobody_recognisable_needs_no_consent(demo_db, tmp_path):
    twee, _ = nieuw(demo_db, tmp_path, persoon(), persoon(persoon="jongen op de fiets", reikwijdte="intern"))
    niemand, _ = nieuw(demo_db, tmp_path, geen=True)
    assert [shown(demo_db, twee, z) for z in (INTERN, DEELLINKS)] == [True, False]
    assert all(shown(demo_db, niemand, z) for z in (INTERN, DEELLINKS, OPENBAAR))
    with demo_db.session() as session:  # an item with no line and no mark (as a migrated item without a tick)
        session.get(Media, session.scalar(select(Media.id).where(Media.verhaal_id == niemand))).geen_herkenbare_personen = False
    assert not shown(demo_db, niemand, INTERN)


def test_a_video_without_captions_stays_inside_a_video_link_follows_consent(demo_db, tmp_path):
    video, _ = nieuw(demo_db, tmp_path, persoon(), soort="video")
    assert [shown(demo_db, video, z) for z in (INTERN, DEELLINKS, OPENBAAR)] == [True, False, False]
    item = verhalen.MediaInvoer(soort="videolink", url="https://youtu.be/aqz-KE-bpKQ",
                                register=toestemming.Register(personen=[persoon(reikwijdte="deellinks")]))
    with demo_db.session() as session:
        verhalen.add_media(session, BEHEERDER, video, item, tmp_path, 10_000_000)
    with demo_db.make_session() as session:
        assert [m.soort for m in verhalen.detail(session, video, zicht=DEELLINKS).media] == ["videolink"]


def test_withdrawn_consent_hides_the_item_at_once_and_is_audited(demo_db, tmp_path):
    verhaal_id, media_id = nieuw(demo_db, tmp_path, persoon())
    with demo_db.session() as session:
        toestemming.intrekken(session, BEHEERDER, regel_id(demo_db, media_id))
    assert not any(shown(demo_db, verhaal_id, z) for z in (INTERN, DEELLINKS, OPENBAAR))
    with demo_db.make_session() as session:
        acties = session.scalars(select(AuditLog.actie).where(AuditLog.object == f"media {media_id}")).all()
    assert acties == ["toestemming_vastgelegd", "toestemming_ingetrokken"]


def test_consent_expires_on_its_day_and_a_renewal_shows_the_item_again(demo_db, tmp_path, today):
    verhaal_id, media_id = nieuw(demo_db, tmp_path, persoon(verloopt=VANDAAG + timedelta(days=5)))
    today.days(5)
    assert not shown(demo_db, verhaal_id, toestemming.openbaar())
    with demo_db.session() as session:
        toestemming.verlengen(session, BEHEERDER, regel_id(demo_db, media_id), clock.today(), None, 2)
    assert shown(demo_db, verhaal_id, toestemming.openbaar())


def test_after_the_grace_period_the_files_go_the_row_and_the_signed_form_stay(demo_db, tmp_path, today):
    pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
    verhaal_id, media_id = nieuw(demo_db, tmp_path, persoon(formulier=pdf))
    with demo_db.make_session() as session:
        item = session.get(Media, media_id)
        bestand, formulier = item.bestand, item.toestemmingen[0].formulier
    with demo_db.session() as session:
        toestemming.intrekken(session, BEHEERDER, regel_id(demo_db, media_id))
    today.days(29)
    with demo_db.session() as session:
        assert toestemming.opruimen(session, tmp_path, 30).verwijderd == []
    assert media.path(bestand, tmp_path)
    today.days(30)
    with demo_db.session() as session:
        assert toestemming.opruimen(session, tmp_path, 30).verwijderd == [media_id]
    with demo_db.session() as session:
        assert toestemming.opruimen(session, tmp_path, 30).verwijderd == []
    with demo_db.make_session() as session:
        item = session.get(Media, media_id)
        assert item.opgeruimd_op is not None and len(item.toestemmingen) == 1
        acties = session.scalars(select(AuditLog.actie).where(AuditLog.object == f"media {media_id}")).all()
    assert acties == ["toestemming_vastgelegd", "toestemming_ingetrokken", "media_opgeruimd"]
    assert media.path(bestand, tmp_path) is None
    assert media.form_path(formulier, tmp_path).read_bytes() == pdf


def test_the_owner_hears_once_30_days_before_an_expiry(demo_db, tmp_path, today, monkeypatch, capsys):
    verhaal_id, media_id = nieuw(demo_db, tmp_path, persoon(verloopt=date(2027, 1, 3)))
    with demo_db.session() as session:
        eigenaar = session.scalars(select(Gebruiker)).first()
        session.get(Verhaal, verhaal_id).gebruiker_id = eigenaar.id
        eigenaar_id = eigenaar.id
    today.days(-2)  # 3 December: a month and a day before
    with demo_db.session() as session:
        demo = set(toestemming.opruimen(session, tmp_path, 30).gemeld)  # the demo's own expiring photo
    assert regel_id(demo_db, media_id) not in demo
    today.days(-1)  # 4 December + 30 days = 3 January
    monkeypatch.setenv("DASHBOARD_DATABASE_URL", str(demo_db.engine.url))
    monkeypatch.setenv("DASHBOARD_MEDIA_DIR", str(tmp_path))
    assert cli.main(["toestemmingen", "opruimen", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["gemeld"] == [regel_id(demo_db, media_id)]
    with demo_db.session() as session:
        assert toestemming.opruimen(session, tmp_path, 30).gemeld == []
        assert toestemming.meldingen(session, eigenaar_id, clock.today()) == [
            "De toestemming voor de foto bij 'Koffie in de buurtkamer' verloopt op 3 januari 2027: "
            "verleng of vervang hem."]
        assert session.scalar(select(Toestemming.gemeld_op).where(Toestemming.media_id == media_id)) == date(2026, 12, 4)
        assert session.scalars(select(AuditLog.actie).where(AuditLog.object == f"media {media_id}")).all() == [
            "toestemming_vastgelegd", "toestemming_gemeld"]


def test_each_wrong_field_gets_its_own_dutch_message(monkeypatch):
    with pytest.raises(afspraken.Invalid) as invalid:
        toestemming.check(toestemming.ToestemmingInvoer(
            persoon=" ", gegeven_door="ouder_voogd", datum=VANDAAG + timedelta(days=1),
            verloopt=VANDAAG - timedelta(days=3), formulier=b"<html>geen formulier</html>"), 2)
    problems = invalid.value.problems
    assert set(problems) == {"persoon", "ouder_voogd", "datum", "verloopt", "formulier"}
    assert "ouder of voogd" in problems["ouder_voogd"] and "toekomst" in problems["datum"]
    monkeypatch.setenv("DASHBOARD_TOESTEMMING_JAREN", "3")
    from dashboard import config
    assert toestemming.check(persoon(datum=date(2024, 2, 29)), config.load().toestemming_jaren)["verloopt"] == date(2027, 2, 28)
    with pytest.raises(afspraken.Invalid) as invalid:
        toestemming.check_register(toestemming.Register(), 2)
    assert "niemand herkenbaar" in invalid.value.problems["toestemming"]


def test_only_the_stories_owner_and_the_beheerder_keep_its_register(demo_db, tmp_path):
    _, media_id = nieuw(demo_db, tmp_path, persoon())
    with pytest.raises(access.NotAllowed), demo_db.session() as session:
        toestemming.intrekken(session, REDACTEUR, regel_id(demo_db, media_id))
    with demo_db.session() as session:
        toestemming.markeer(session, BEHEERDER, media_id, True)


def test_an_old_tick_becomes_an_intern_register_line_and_comes_back_on_downgrade(empty_url):
    def migrate(revision, down=False):
        engine = create_engine(empty_url)
        with engine.begin() as connection:
            (command.downgrade if down else command.upgrade)(alembic_config(connection), revision)
        engine.dispose()

    migrate("0014")
    engine = create_engine(empty_url)
    with engine.begin() as connection:
        connection.execute(text(
            "INSERT INTO verhalen (id, titel, tekst, datum, verteller_rol, verteller, citaat, citaat_van, gebruiker) "
            "VALUES (1, 'Oud verhaal', 'tekst', '2025-03-01', 'huurder', '', '', '', '')"))
        connection.execute(text(
            "INSERT INTO media (verhaal_id, soort, url, bijschrift, alt_tekst, credit, toestemming, toestemming_notitie) "
            "VALUES (1, 'videolink', 'https://vimeo.com/1', '', '', '', true, 'mondeling gevraagd'), "
            "(1, 'videolink', 'https://vimeo.com/2', '', '', '', false, '')"))
    migrate("head")
    with engine.connect() as connection:
        lines = connection.execute(text("SELECT media_id, reikwijdte, notitie, datum FROM toestemmingen")).all()
        assert [(m, r, n, str(d)[:10]) for m, r, n, d in lines] == [(1, "intern", "mondeling gevraagd", "2025-03-01")]
    migrate("0014", down=True)
    with engine.connect() as connection:
        assert [tuple(r) for r in connection.execute(text(
            "SELECT toestemming, toestemming_notitie FROM media ORDER BY id"))] == [(True, "mondeling gevraagd"), (False, "")]
    engine.dispose()


def test_the_pptx_and_pdf_carry_only_photos_whose_consent_reaches_openbaar_the_live_deck_more(demo_db):
    from dashboard.vergadering import agenda, deck

    def photos(zicht=None):
        with demo_db.make_session() as session:
            vergadering = agenda.list_vergaderingen(session)[-1].id
            return [d.foto.bestand for d in deck.build(session, vergadering, zicht=zicht).dias if d.foto]

    export = photos()
    assert export  # the demo's consent reaches its exports
    with demo_db.session() as session:
        item = session.scalars(select(Media).where(Media.bestand == export[0])).one()
        toestemming.verlengen(session, BEHEERDER, item.toestemmingen[0].id, VANDAAG, None, 2, "deellinks")
    assert export[0] not in photos()
    assert export[0] in photos(DEELLINKS)
