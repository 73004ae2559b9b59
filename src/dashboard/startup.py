"""What every start does, for the app and the CLI alike: open and migrate, fill what is empty."""
from __future__ import annotations

import logging

from sqlalchemy import select

from dashboard import config
from dashboard.db import Database, open_database
from dashboard.doelen import bibliotheek
from dashboard.models import Indicator
from dashboard.verhalen import toestemming

log = logging.getLogger(__name__)
CATALOGUE = config.DATA_DIR / "indicatoren.csv"


def load_catalogue(db: Database) -> None:
    """The indicator catalogue from data/, only into an empty table: later edits are the users'."""
    with db.make_session() as session:
        if session.scalar(select(Indicator.id).limit(1)) is not None:
            return
    from dashboard.ingest import import_file  # pandas and the importer: only for a new database

    import_file(db, CATALOGUE, user="systeem")


def upkeep(db: Database, settings: config.Settings) -> toestemming.Opgeruimd:
    """The consent register's daily care (verhalen/toestemming.py): files of withdrawn or expired
    consent leave storage after the grace period, owners hear of an expiry 30 days before. Run at the
    app's start and by `python -m dashboard toestemmingen opruimen` from cron."""
    with db.session() as session:
        done = toestemming.opruimen(session, settings.media_dir, settings.toestemming_gratie_dagen)
    if done.verwijderd or done.gemeld:
        log.info("Toestemmingen: %d bestanden verwijderd, %d meldingen", len(done.verwijderd), len(done.gemeld))
    return done


def prepare(settings: config.Settings, demo: bool | None = None) -> Database:
    """Open the database; load the catalogue, and the demo data when asked and nothing is there yet."""
    db = open_database(settings.database_url)
    load_catalogue(db)
    bibliotheek.load(db)
    if (settings.demo if demo is None else demo) and db.is_empty():
        from dashboard.demo import stad

        log.info("Lege database: demodata laden")
        stad.load(db)
    return db
