"""observaties and streefwaarden: one unique key index instead of three, a CHECK without IN

The natural key was two partial unique indexes (partij_id NULL or not) plus a series index for
queries. One unique index on (indicator_id, gebied_id, coalesce(partij_id, 0), periode) keeps the
key unique with NULL meaning "all parties", serves the queries through its (indicator_id,
gebied_id) prefix, and costs one B-tree per written row instead of three. The periode_soort CHECK
is rewritten with OR: SQLite builds a temporary table for an IN list on every inserted row, which
doubled the time of a bulk import.

Revision ID: 0005
Revises: 0004
"""
from alembic import op
import sqlalchemy as sa


revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

OLD_CHECK = "periode_soort IN ('jaar', 'kwartaal', 'maand')"
NEW_CHECK = "periode_soort = 'jaar' OR periode_soort = 'kwartaal' OR periode_soort = 'maand'"


def _key(table: str) -> None:
    op.create_index(f"uq_{table}_sleutel", table,
                    ["indicator_id", "gebied_id", sa.text("coalesce(partij_id, 0)"), "periode"], unique=True)


def _check(expression: str) -> None:
    """On SQLite the table is rebuilt for this; done while the key has no expression index, which
    the rebuild could not carry over."""
    with op.batch_alter_table("observaties") as batch_op:
        batch_op.drop_constraint("periode_soort", type_="check")
        batch_op.create_check_constraint("periode_soort", expression)


def upgrade() -> None:
    for table in ("observaties", "streefwaarden"):
        op.drop_index(f"uq_{table}_sleutel_partij", table_name=table)
        op.drop_index(f"uq_{table}_sleutel_totaal", table_name=table)
        op.drop_index(f"ix_{table}_reeks", table_name=table)
    _check(NEW_CHECK)
    for table in ("observaties", "streefwaarden"):
        op.create_index(f"uq_{table}_sleutel", table,
                        ["indicator_id", "gebied_id", sa.text("coalesce(partij_id, 0)"), "periode"], unique=True)


def downgrade() -> None:
    for table in ("observaties", "streefwaarden"):
        op.drop_index(f"uq_{table}_sleutel", table_name=table)
    _check(OLD_CHECK)
    for table, series in (("observaties", ["indicator_id", "periode_soort", "gebied_id", "jaar"]),
                          ("streefwaarden", ["indicator_id", "gebied_id", "jaar"])):
        op.create_index(f"ix_{table}_reeks", table, series)
        for name, key, where in (("partij", ["indicator_id", "gebied_id", "partij_id", "periode"], "IS NOT NULL"),
                                 ("totaal", ["indicator_id", "gebied_id", "periode"], "IS NULL")):
            op.create_index(f"uq_{table}_sleutel_{name}", table, key, unique=True,
                            sqlite_where=sa.text(f"partij_id {where}"), postgresql_where=sa.text(f"partij_id {where}"))
