"""A catalogue loaded before the CBS indicators were shipped gets them on upgrade (migration 0013),
and the CBS source of the figures CBS tables feed, unless a user changed that source."""
from __future__ import annotations

from alembic import command
from sqlalchemy import create_engine, text

from dashboard.db import alembic_config


def _migrate(url: str, revision: str) -> None:
    engine = create_engine(url)
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), revision)
    engine.dispose()


def _row(key: str, bron: str) -> str:
    return ("INSERT INTO indicatoren (sleutel, naam, eenheid, richting, aggregatie, categorie, omschrijving, bron) "
            f"VALUES ('{key}', '{key}', 'woningen', 'neutraal', 'laatste', '', 'eigen omschrijving', '{bron}')")


def test_an_older_catalogue_gains_the_cbs_indicators_and_sources_but_keeps_a_users_source(empty_url):
    _migrate(empty_url, "0012")
    engine = create_engine(empty_url)
    with engine.begin() as connection:
        connection.execute(text(_row("woningvoorraad_totaal", "CBS 82900NED")))  # as first shipped
        connection.execute(text(_row("sloop", "Eigen telling van de gemeente")))  # changed by a user
        connection.execute(text(_row("woz_waarde", "Gemeentelijke WOZ-administratie")))  # already there
    engine.dispose()
    _migrate(empty_url, "head")
    engine = create_engine(empty_url)
    with engine.connect() as connection:
        rows = dict(connection.execute(text("SELECT sleutel, bron FROM indicatoren")).all())
    engine.dispose()
    assert rows["woningvoorraad_totaal"].startswith("CBS 82900NED: Totale woningvoorraad")
    assert rows["sloop"] == "Eigen telling van de gemeente"
    assert rows["woz_waarde"] == "Gemeentelijke WOZ-administratie"
    assert rows["verkoopprijs"].startswith("CBS 83625NED")
    assert {"woningvoorraad_overige_verhuur", "woningvoorraad_koop"} <= set(rows)


def test_a_new_database_gets_nothing_from_the_migration_the_catalogue_comes_whole_at_startup(empty_url):
    _migrate(empty_url, "head")
    engine = create_engine(empty_url)
    with engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM indicatoren")).scalar() == 0
    engine.dispose()
