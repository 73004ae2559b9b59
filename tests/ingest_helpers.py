"""Helpers shared by the import tests: what the database holds, in a form a test can compare."""
from __future__ import annotations

from sqlalchemy import func, select

from dashboard import queries
from dashboard.db import Database
from dashboard.models import Gebied, ImportBatch, Partij, Streefwaarde


def snapshot(db: Database) -> dict:
    """Everything an import could touch: observaties, streefwaarden, gebieden, partijen, batches."""
    with db.make_session() as session:
        return {
            "observaties": queries.long_format(session).to_dict("records"),
            "streefwaarden": session.scalar(select(func.count()).select_from(Streefwaarde)),
            "gebieden": sorted(session.scalars(select(Gebied.code))),
            "partijen": sorted(session.scalars(select(Partij.naam))),
            "batches": session.scalar(select(func.count()).select_from(ImportBatch)),
        }


def value(db: Database, indicator: str, gebied: str, periode: str, partij: str = "") -> float | None:
    with db.make_session() as session:
        rows = queries.long_format(session, [indicator], [gebied])
    match = rows[(rows["periode"] == periode) & (rows["partij"] == partij)]
    return None if match.empty else float(match["waarde"].iloc[0])
