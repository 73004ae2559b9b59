"""Undo of an import batch: afterwards every value is what the remaining batches, imported in
their order, would have made it. Any batch can be undone, in any order.

Per key, the imports that delivered it form a chain, the newest on top: the stored row carries the
newest batch, and each batch's `import_wijzigingen` row for the key names the value and the batch
beneath it (no row: the batch added the key). A batch that delivered a value already stored
("ongewijzigd") is in the chain too (`values.Writer` records the confirmation), so undoing the
batch that first wrote the value leaves it in place. Undo takes the batch out of every chain it
is in: where it is on top, the value beneath it comes back with its voorlopig mark (or the row
goes, where it added the key); where a later batch lies above it, that batch now rests on what
lay beneath.

Batches imported before confirmations were recorded did not record what they
confirmed; for their values an undo of the batch that first wrote them still removes them.
"""
from __future__ import annotations

import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import Session

from dashboard import audit
from dashboard.db import Database
from dashboard.models import ImportBatch, Observatie, Streefwaarde

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


def undo(db: Database, batch_id: int, gebruiker: str = "", adres: str | None = None) -> ImportBatch:
    """Take batch `batch_id` out of the values it delivered (see above), in one transaction, with a
    line in the audit log: who, when, from which address."""
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
        _unlink(session, batch.soort, int(batch.id))
        batch.status = "ongedaan"
        audit.record(session, gebruiker, "import_ongedaan", f"import {batch_id}",
                     {"bestand": batch.bestandsnaam, "soort": batch.soort}, adres=adres)  # raises the data version
        return batch


_SAME = ("{t}.indicator_id = u.indicator_id AND {t}.gebied_id = u.gebied_id "
         "AND coalesce({t}.partij_id, 0) = u.partij AND {t}.periode = u.periode")


def _unlink(session: Session, table: str, batch: int) -> None:
    """The batch out of its chains, set-based on both databases: what it overwrote or confirmed
    goes into a temporary table with a key index, joined from there to the rows it still holds and
    to the records of later batches above it. `table` is observaties or streefwaarden (MODELS)."""
    postgres = session.get_bind().dialect.name == "postgresql"
    run = session.connection().exec_driver_sql
    run("CREATE TEMP TABLE _undo_onder (indicator_id integer, gebied_id integer, partij integer, "
        "periode varchar(10), oude_waarde double precision, oude_batch_id integer, oude_voorlopig boolean)"
        + (" ON COMMIT DROP" if postgres else ""))
    run("INSERT INTO _undo_onder SELECT indicator_id, gebied_id, coalesce(partij_id, 0), periode, oude_waarde, "
        f"oude_batch_id, oude_voorlopig FROM import_wijzigingen WHERE batch_id = {batch}")
    run(("CREATE INDEX _undo_onder_sleutel" if postgres else "CREATE INDEX temp._undo_onder_sleutel")
        + " ON _undo_onder (indicator_id, gebied_id, partij, periode)")
    if postgres:
        run("ANALYZE _undo_onder")
    # On top: the value beneath comes back, with its batch.
    mark = ", voorlopig = u.oude_voorlopig" if table == "observaties" else ""
    run(f"UPDATE {table} SET waarde = u.oude_waarde, batch_id = u.oude_batch_id{mark} FROM _undo_onder AS u "
        f"WHERE {table}.batch_id = {batch} AND {_SAME.format(t=table)}")
    # Beneath a later batch: that batch now rests on what lay beneath this one.
    run("UPDATE import_wijzigingen SET oude_waarde = u.oude_waarde, oude_batch_id = u.oude_batch_id, "
        "oude_voorlopig = u.oude_voorlopig "
        f"FROM _undo_onder AS u WHERE import_wijzigingen.oude_batch_id = {batch} "
        f"AND import_wijzigingen.tabel = '{table}' AND {_SAME.format(t='import_wijzigingen')}")
    # What it added: gone where it is on top; where a later batch lies above, that batch added it.
    run(f"DELETE FROM {table} WHERE batch_id = {batch}")
    run(f"DELETE FROM import_wijzigingen WHERE oude_batch_id = {batch} AND tabel = '{table}'")
    run(f"DELETE FROM import_wijzigingen WHERE batch_id = {batch}")
    run("DROP TABLE _undo_onder")
