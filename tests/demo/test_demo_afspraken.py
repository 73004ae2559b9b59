"""The demo's told side: enough afspraken, voortgang, stories and media to show what the product is for."""
from collections import Counter

from sqlalchemy import func, select

from dashboard.demo import afspraken
from dashboard.models import Activiteit, Afspraak, Media, Verhaal, Voortgang
from dashboard.verhalen import media


def test_demo_has_afspraken_with_jaarschijven_two_years_of_voortgang_and_dilemmas(demo_db):
    with demo_db.make_session() as session:
        assert 12 <= session.scalar(select(func.count(Afspraak.id))) <= 15
        assert {j for (j,) in session.execute(select(Activiteit.jaar).distinct())} >= {2024, 2025, 2026}
        jaren = {d.year for (d,) in session.execute(select(Voortgang.datum))}
        statussen = Counter(s for (s,) in session.execute(select(Voortgang.status)))
        assert jaren == {2024, 2025} and statussen["aandacht"] and statussen["achter"]
        assert session.scalar(select(func.count(Voortgang.id)).where(Voortgang.dilemma)) == 2


def test_demo_verhalen_spread_over_the_wijken_with_photos_videos_and_a_link(demo_db, demo_db_path):
    with demo_db.make_session() as session:
        verhalen = session.scalars(select(Verhaal)).all()
        items = session.scalars(select(Media)).all()
        registered = all(m.geen_herkenbare_personen or m.toestemmingen for m in items)
    assert len(verhalen) >= 12 and len({v.gebied_id for v in verhalen}) == 8
    assert {v.verteller_rol for v in verhalen} >= {"huurder", "professional"}
    soorten = Counter(m.soort for m in items)
    assert soorten["foto"] >= 12 and soorten["video"] >= 2 and soorten["videolink"] >= 1
    assert all(m.alt_tekst for m in items if m.soort == "foto") and registered
    folder = demo_db_path.parent / "media"
    assert all(media.path(m.bestand, folder) for m in items if m.bestand)


def test_generator_writes_the_committed_files(tmp_path):
    written = afspraken.write_demo_files(tmp_path)
    for path in written:
        committed = afspraken.FOLDER / path.relative_to(tmp_path)
        assert path.read_bytes() == committed.read_bytes(), path.name
