"""Undo of an import batch: put back exactly the values it overwrote, remove what it added.

A batch that later batches built on (they overwrote some of its values) is refused: undoing it
would silently throw their work away. Undo those first, newest first.
"""
from __future__ import annotations

import pandas as pd
from sqlalchemy import bindparam, delete, func, select, update
from sqlalchemy.orm import Session

from dashboard import data_version
from dashboard.db import Database
from dashboard.models import ImportBatch, ImportWijziging, Observatie, Streefwaarde

MODELS = {"observaties": Observatie, "streefwaarden": Streefwaarde}


class UndoRefused(Exception):
    """Undo is not possible; the message says why in Dutch, and what to do instead."""


def history(db: Database) -> pd.DataFrame:
    """Every batch, newest first: the page's history table and `imports list`."""
    with db.make_session() as session:
        rows = session.execute(select(
            ImportBatch.id, ImportBatch.tijdstip, ImportBatch.bestandsnaam, ImportBatch.soort,
            ImportBatch.formaat, ImportBatch.gebruiker, ImportBatch.status, ImportBatch.rows_new,
            ImportBatch.rows_changed, ImportBatch.rows_unchanged, ImportBatch.rows_skipped_empty,
            ImportBatch.sha256).order_by(ImportBatch.id.desc())).all()
    return pd.DataFrame(rows, columns=["batch_id", "tijdstip", "bestandsnaam", "soort", "formaat", "gebruiker",
                                       "status", "rows_new", "rows_changed", "rows_unchanged",
                                       "rows_skipped_empty", "sha256"])


def _later_batches(session: Session, batch: ImportBatch) -> list[ImportBatch]:
    """Committed batches that overwrote values this batch wrote."""
    ids = select(ImportWijziging.batch_id).where(ImportWijziging.oude_batch_id == batch.id).distinct()
    return list(session.scalars(select(ImportBatch).where(ImportBatch.id.in_(ids),
                                                          ImportBatch.status == "committed")
                                .order_by(ImportBatch.id)))


def undo(db: Database, batch_id: int) -> ImportBatch:
    """Restore what batch `batch_id` overwrote and delete what it added, in one transaction."""
    with db.import_session() as session:
        batch = session.get(ImportBatch, batch_id)
        if batch is None:
            raise UndoRefused(f"Er is geen import met nummer {batch_id}. Zie `imports list` voor de nummers.")
        if batch.status == "ongedaan":
            raise UndoRefused(f"Import {batch_id} ({batch.bestandsnaam}) is al ongedaan gemaakt.")
        if batch.soort not in MODELS:
            raise UndoRefused(
                f"Import {batch_id} bevat {batch.soort}; alleen imports van observaties en streefwaarden "
                "kunnen ongedaan worden gemaakt. Pas de gegevens aan met een nieuw bestand.")
        model = MODELS[batch.soort]
        later = _later_batches(session, batch)
        if later:
            names = ", ".join(f"{b.id} ({b.bestandsnaam})" for b in later)
            raise UndoRefused(
                f"Import {batch_id} kan niet ongedaan worden gemaakt: latere imports hebben waarden "
                f"ervan weer veranderd: {names}. Maak die eerst ongedaan, de nieuwste eerst.")
        written = session.scalar(select(func.count()).select_from(model).where(model.batch_id == batch_id))
        if written != batch.rows_new + batch.rows_changed:
            raise UndoRefused(
                f"Import {batch_id} kan niet ongedaan worden gemaakt: {batch.rows_new + batch.rows_changed - written} "
                "van zijn waarden zijn sindsdien veranderd of verwijderd.")
        overwritten = [
            {"k_indicator": w.indicator_id, "k_gebied": w.gebied_id, "k_partij": w.partij_id,
             "k_periode": w.periode, "k_oud": w.oude_waarde, "k_batch": w.oude_batch_id}
            for w in session.scalars(select(ImportWijziging).where(ImportWijziging.batch_id == batch_id))
        ]
        if overwritten:
            table = model.__table__
            session.connection().execute(
                update(table)
                .where(table.c.indicator_id == bindparam("k_indicator"), table.c.gebied_id == bindparam("k_gebied"),
                       table.c.partij_id.is_not_distinct_from(bindparam("k_partij")),
                       table.c.periode == bindparam("k_periode"), table.c.batch_id == batch_id)
                .values(waarde=bindparam("k_oud"), batch_id=bindparam("k_batch")),
                overwritten)
        session.execute(delete(model).where(model.batch_id == batch_id))
        session.execute(delete(ImportWijziging).where(ImportWijziging.batch_id == batch_id))
        batch.status = "ongedaan"
        data_version.bump(session)
        return batch
