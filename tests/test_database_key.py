"""The stored figures' key: one value per indicator, gebied, partij (or all parties) and periode,
kept by one index that survives the migration, and imports that write under a held lock."""
from __future__ import annotations

import pytest
from alembic import command
from sqlalchemy import create_engine, exc

from dashboard import startup
from dashboard.db import alembic_config, open_database
from dashboard.ingest import import_file

REFERENCES = [
    "INSERT INTO indicatoren (id, sleutel, naam, eenheid, richting, aggregatie, categorie, omschrijving, bron) "
    "VALUES (1, 'sloop', 'Sloop', 'woningen', 'neutraal', 'som', '', '', '')",
    "INSERT INTO gebieden (id, code, naam, niveau) VALUES (1, 'GM0505', 'Dordrecht', 'gemeente')",
    "INSERT INTO partijen (id, naam, soort) VALUES (1, 'Woonstichting Een', 'corporatie')",
]


def _observation(partij: str, waarde: float = 1, periode: str = "2024", soort: str = "jaar",
                 indicator: str = "1") -> str:
    return ("INSERT INTO observaties (indicator_id, gebied_id, partij_id, periode, jaar, periode_soort, "
            f"volgnummer, waarde) VALUES ({indicator}, 1, {partij}, '{periode}', {periode[:4]}, '{soort}', 0, {waarde})")


def _migrate(url: str, revision: str, direction=command.upgrade) -> None:
    engine = create_engine(url)
    with engine.begin() as connection:
        direction(alembic_config(connection), revision)
    engine.dispose()


def _refused(engine, statement: str) -> bool:
    try:
        with engine.begin() as connection:
            connection.exec_driver_sql(statement)
    except exc.IntegrityError:
        return True
    return False


def test_all_parties_and_one_party_each_have_one_value_per_period(db):
    with db.engine.begin() as connection:
        for statement in REFERENCES[1:]:  # the catalogue is loaded: 'sloop' has its own id
            connection.exec_driver_sql(statement)
    sloop = "(SELECT id FROM indicatoren WHERE sleutel = 'sloop')"
    assert not _refused(db.engine, _observation("NULL", indicator=sloop))
    assert not _refused(db.engine, _observation("1", indicator=sloop))
    assert _refused(db.engine, _observation("NULL", indicator=sloop))  # a second total for the same key
    assert _refused(db.engine, _observation("1", indicator=sloop))
    assert _refused(db.engine, _observation("NULL", periode="2025", soort="week", indicator=sloop))  # no such kind of period


def test_the_key_migration_keeps_the_figures_and_goes_back_and_forth(empty_url):
    _migrate(empty_url, "0004")
    engine = create_engine(empty_url)
    with engine.begin() as connection:
        for statement in REFERENCES + [_observation("NULL", 3), _observation("1", 2)]:
            connection.exec_driver_sql(statement)
    engine.dispose()
    _migrate(empty_url, "head")
    _migrate(empty_url, "0004", command.downgrade)
    _migrate(empty_url, "head")
    db = open_database(empty_url)
    with db.engine.connect() as connection:
        rows = connection.exec_driver_sql(
            "SELECT partij_id, waarde FROM observaties ORDER BY coalesce(partij_id, 0)").all()
    assert [tuple(r) for r in rows] == [(None, 3.0), (1, 2.0)]
    assert _refused(db.engine, _observation("NULL", 4))
    assert _refused(db.engine, _observation("NULL", 4, "2025", "week"))
    db.engine.dispose()


def test_an_import_holds_the_write_lock_from_its_first_read(db):
    """Nothing can change between validating a file and writing it: another writer waits."""
    other = create_engine(db.engine.url)
    sqlite = db.engine.dialect.name == "sqlite"
    with db.import_session():
        with other.connect() as connection, pytest.raises(exc.OperationalError):
            if sqlite:
                connection.exec_driver_sql("PRAGMA busy_timeout=0")
                connection.exec_driver_sql("BEGIN IMMEDIATE")
            else:
                connection.exec_driver_sql("SET lock_timeout = '100ms'")
                connection.exec_driver_sql("LOCK TABLE observaties IN ROW EXCLUSIVE MODE")
    other.dispose()


def test_sqlite_checks_foreign_keys_again_after_an_import(tmp_path):
    """An import turns SQLite's per-row checks off for its own transaction only."""
    db = open_database(f"sqlite:///{tmp_path / 'fk.db'}")
    startup.load_catalogue(db)
    import_file(db, b"code;naam;niveau;ouder\nGM0505;Dordrecht;gemeente;\n")
    import_file(db, b"indicator;gebied;periode;waarde\nsloop;GM0505;2024;1\n")
    with db.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    assert _refused(db.engine, "INSERT INTO observaties (indicator_id, gebied_id, periode, jaar, periode_soort, "
                               "volgnummer, waarde) VALUES (1, 999, '2024', 2024, 'jaar', 0, 1)")
