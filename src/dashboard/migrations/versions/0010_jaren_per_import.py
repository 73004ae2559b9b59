"""Each import's first and last year; observaties keep only their key index

A first import into an empty table builds its indexes after the last row, each by sorting every
row: for the 1.4 million-row national set 0.8 to 1.2 s for ix_observaties_jaar and 0.5 s for
ix_observaties_batch_id, and 29 MB more to write and checkpoint. Both go:
- the dashboard's year range (`queries.options`), which was the first and last `jaar + 0` of
  ix_observaties_jaar, is asked of the committed imports (`import_batches.jaar_van` and
  `jaar_tot`), which know their years when they are written;
- an undo, the only reader of a batch's rows, reads the table for them (0.2 s per 1.4 million rows).

The years of existing imports are filled in from what they wrote: the values that still carry the
import, and those a later import overwrote (import_wijzigingen keeps their period), so that undoing
the later import brings back years that still count.

Revision ID: 0010
Revises: 0009
"""
from alembic import op
import sqlalchemy as sa


revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("import_batches") as batch_op:
        batch_op.add_column(sa.Column("jaar_van", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("jaar_tot", sa.Integer(), nullable=True))
    for table in ("observaties", "streefwaarden"):
        years = (f"SELECT jaar AS j FROM {table} WHERE batch_id = import_batches.id UNION ALL "
                 "SELECT CAST(substr(periode, 1, 4) AS INTEGER) FROM import_wijzigingen "
                 f"WHERE oude_batch_id = import_batches.id AND tabel = '{table}'")
        op.execute(f"UPDATE import_batches SET jaar_van = (SELECT min(j) FROM ({years}) AS y), "
                   f"jaar_tot = (SELECT max(j) FROM ({years}) AS y) WHERE soort = '{table}'")
    op.drop_index("ix_observaties_jaar", table_name="observaties")
    op.drop_index("ix_observaties_batch_id", table_name="observaties")


def downgrade() -> None:
    op.create_index("ix_observaties_batch_id", "observaties", ["batch_id"])
    op.create_index("ix_observaties_jaar", "observaties", [sa.text("(jaar + 0)")])
    with op.batch_alter_table("import_batches") as batch_op:
        batch_op.drop_column("jaar_tot")
        batch_op.drop_column("jaar_van")
