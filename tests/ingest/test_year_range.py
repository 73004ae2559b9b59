"""The dashboard's year range: the years of the committed imports of observaties, also for the
imports written before those years were kept (migration 0010)."""
from __future__ import annotations

from alembic import command
from sqlalchemy import create_engine

from dashboard import queries, startup
from dashboard.db import alembic_config, open_database
from dashboard.ingest import import_file
from dashboard.ingest.undo import undo

GEBIED = b"code;naam;niveau;ouder\nGM0505;Dordrecht;gemeente;\n"


def _years(db) -> list[int] | None:
    with db.make_session() as session:
        options = queries.options(session)
    return options.jaren if options else None


def test_the_year_range_follows_imports_undo_and_targets(db):
    startup.load_catalogue(db)
    import_file(db, GEBIED)
    assert _years(db) is None  # nothing to show yet
    import_file(db, b"indicator;gebied;periode;waarde\nsloop;GM0505;2019;4\nsloop;GM0505;2021-K3;5\n")
    assert _years(db) == [2019, 2020, 2021]
    later = import_file(db, b"indicator;gebied;periode;waarde\nsloop;GM0505;2023-05;6\n")
    import_file(db, b"indicator;gebied;periode;streefwaarde\nsloop;GM0505;2030;9\n")  # a target is no figure
    assert _years(db) == [2019, 2020, 2021, 2022, 2023]
    undo(db, later.batch_id)
    assert _years(db) == [2019, 2020, 2021]


def _migrate(url: str, revision: str, direction=command.upgrade) -> None:
    engine = create_engine(url)
    with engine.begin() as connection:
        direction(alembic_config(connection), revision)
    engine.dispose()


BEFORE = [
    "INSERT INTO indicatoren (id, sleutel, naam, eenheid, richting, aggregatie, categorie, omschrijving, bron) "
    "VALUES (1, 'sloop', 'Sloop', 'woningen', 'neutraal', 'som', '', '', '')",
    "INSERT INTO gebieden (id, code, naam, niveau) VALUES (1, 'GM0505', 'Dordrecht', 'gemeente')",
    *(f"INSERT INTO import_batches (id, bestandsnaam, sha256, soort, formaat, gebruiker, status, rows_new, "
      f"rows_changed, rows_unchanged, rows_skipped_empty) VALUES ({id_}, '{name}', '', 'observaties', 'lang', '', "
      f"'committed', {new}, {changed}, 0, 0)" for id_, name, new, changed in ((1, "eerst.csv", 3, 0),
                                                                             (2, "later.csv", 0, 1))),
    # The first import wrote 2019-2021; the later one overwrote its 2019 value.
    *(f"INSERT INTO observaties (indicator_id, gebied_id, periode, jaar, periode_soort, volgnummer, waarde, "
      f"batch_id) VALUES (1, 1, '{year}', {year}, 'jaar', 0, {value}, {batch})"
      for year, value, batch in ((2019, 7, 2), (2020, 2, 1), (2021, 3, 1))),
    "INSERT INTO import_wijzigingen (indicator_id, gebied_id, partij_id, periode, oude_waarde, oude_batch_id, "
    "batch_id, tabel) VALUES (1, 1, NULL, '2019', 1, 1, 2, 'observaties')",
]


def test_the_migration_keeps_the_years_of_earlier_imports_also_those_overwritten(empty_url):
    _migrate(empty_url, "0009")
    engine = create_engine(empty_url)
    with engine.begin() as connection:
        for statement in BEFORE:
            connection.exec_driver_sql(statement)
    engine.dispose()
    _migrate(empty_url, "head")
    _migrate(empty_url, "0009", command.downgrade)  # and back: the index on the year returns
    _migrate(empty_url, "head")
    db = open_database(empty_url)
    with db.engine.connect() as connection:
        years = connection.exec_driver_sql("SELECT id, jaar_van, jaar_tot FROM import_batches ORDER BY id").all()
    assert [tuple(row) for row in years] == [(1, 2019, 2021), (2, 2019, 2019)]
    assert _years(db) == [2019, 2020, 2021]
    undo(db, 2)  # 2019 is the first import's again, and still counts
    assert _years(db) == [2019, 2020, 2021]
    undo(db, 1)
    assert _years(db) is None
    db.engine.dispose()
