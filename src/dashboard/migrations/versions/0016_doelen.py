"""A library of targets: national, regional, a gemeente's or a corporation's, each with its source

The library itself is loaded from data/doelen.csv by the start-up, as the indicator catalogue is:
rows a beheerder may later change are data, not schema.

Revision ID: 0016
Revises: 0015
"""
from alembic import op
import sqlalchemy as sa


revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "doelen",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=60), nullable=False),
        sa.Column("naam", sa.String(length=300), nullable=False),
        sa.Column("niveau", sa.String(length=20), nullable=False),
        sa.Column("thema", sa.String(length=60), nullable=False),
        sa.Column("soort", sa.String(length=20), nullable=False),
        sa.Column("waarde", sa.Float(), nullable=False),
        sa.Column("eenheid", sa.String(length=30), nullable=False),
        sa.Column("vanaf", sa.Integer(), nullable=True),
        sa.Column("peiljaar", sa.Integer(), nullable=False),
        sa.Column("indicator", sa.String(length=120), nullable=False),
        sa.Column("gebied", sa.String(length=200), nullable=False),
        sa.Column("bron", sa.String(length=300), nullable=False),
        sa.Column("bron_datum", sa.Date(), nullable=False),
        sa.Column("vervangen_door", sa.String(length=60), nullable=False),
        sa.Column("toelichting", sa.Text(), nullable=False),
        sa.CheckConstraint("niveau IN ('nationaal', 'regio', 'gemeente', 'corporatie')",
                           name=op.f("ck_doelen_niveau")),
        sa.CheckConstraint("soort IN ('aantal', 'per_jaar', 'aandeel', 'nul')", name=op.f("ck_doelen_soort")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_doelen")),
        sa.UniqueConstraint("code", name=op.f("uq_doelen_code")),
    )


def downgrade() -> None:
    op.drop_table("doelen")
