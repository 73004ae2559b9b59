"""The voorlopig mark of a value (CBS's "2023*" and "2023**"), and what an import overwrote of it

A value CBS still calls voorlopig is stored with the mark; a later delivery without the star
clears it, and undo of that delivery brings it back from import_wijzigingen. Existing values
were imported without the mark: false.

Revision ID: 0014
Revises: 0013
"""
from alembic import op
import sqlalchemy as sa


revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("observaties", sa.Column("voorlopig", sa.Boolean(), server_default=sa.false(), nullable=False))
    op.add_column("import_wijzigingen",
                  sa.Column("oude_voorlopig", sa.Boolean(), server_default=sa.false(), nullable=False))


def downgrade() -> None:
    # A plain DROP COLUMN (SQLite 3.35 and later): batch mode would copy observaties into a new
    # table and lose its key index, an expression SQLAlchemy cannot reflect.
    op.drop_column("import_wijzigingen", "oude_voorlopig")
    op.drop_column("observaties", "voorlopig")
