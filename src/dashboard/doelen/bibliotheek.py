"""The library of targets: shipped in data/doelen.csv, loaded once, then the beheerder's.

A new database imports the file as the indicator catalogue is imported (after it: targets name
indicators); a database that has targets keeps them, so a beheerder's edits are never overwritten.
"""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from dashboard import config
from dashboard.db import Database
from dashboard.models import Doel

BESTAND = config.DATA_DIR / "doelen.csv"
VELDEN = ("code", "naam", "niveau", "thema", "soort", "waarde", "eenheid", "vanaf", "peiljaar", "indicator",
          "gebied", "bron", "bron_datum", "vervangen_door", "toelichting")


def load(db: Database) -> None:
    """The shipped library, only into an empty table."""
    with db.make_session() as session:
        if session.scalar(select(Doel.id).limit(1)) is not None:
            return
    from dashboard.ingest import import_file

    import_file(db, BESTAND, user="systeem")


def lijst(session: Session) -> list[dict]:
    """Every target as plain values (dates as ISO text), national first, then by deadline."""
    order = {"nationaal": 0, "regio": 1, "gemeente": 2, "corporatie": 3}
    doelen = sorted(session.scalars(select(Doel)), key=lambda d: (order[d.niveau], d.peiljaar, d.code))
    return [{veld: (getattr(d, veld).isoformat() if veld == "bron_datum" else getattr(d, veld)) for veld in VELDEN}
            for d in doelen]
