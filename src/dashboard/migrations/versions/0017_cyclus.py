"""The Woningwet's yearly cycle (bods with their key figures, signatures, geschillen) and the goal
from the library that each afspraak serves

Revision ID: 0017
Revises: 0016
"""
from alembic import op
import sqlalchemy as sa


revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "bods",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("jaar", sa.Integer(), nullable=False),
        sa.Column("partij_id", sa.Integer(), nullable=False),
        sa.Column("ontvangen_op", sa.Date(), nullable=False),
        sa.Column("document", sa.String(length=80), nullable=True),
        sa.Column("document_naam", sa.String(length=200), nullable=False),
        sa.Column("samenvatting", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["partij_id"], ["partijen.id"], name=op.f("fk_bods_partij_id_partijen"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bods")),
        sa.UniqueConstraint("jaar", "partij_id", name="uq_bod_jaar_partij"),
    )
    op.create_index(op.f("ix_bods_partij_id"), "bods", ["partij_id"], unique=False)
    op.create_table(
        "bod_cijfers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("bod_id", sa.Integer(), nullable=False),
        sa.Column("onderwerp", sa.String(length=200), nullable=False),
        sa.Column("waarde", sa.Float(), nullable=False),
        sa.Column("eenheid", sa.String(length=30), nullable=False),
        sa.Column("afspraak_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["afspraak_id"], ["afspraken.id"], name=op.f("fk_bod_cijfers_afspraak_id_afspraken"),
                                ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["bod_id"], ["bods.id"], name=op.f("fk_bod_cijfers_bod_id_bods"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bod_cijfers")),
    )
    op.create_index(op.f("ix_bod_cijfers_bod_id"), "bod_cijfers", ["bod_id"], unique=False)
    op.create_table(
        "ondertekeningen",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("jaar", sa.Integer(), nullable=False),
        sa.Column("partij_id", sa.Integer(), nullable=False),
        sa.Column("datum", sa.Date(), nullable=False),
        sa.Column("naam", sa.String(length=200), nullable=False),
        sa.Column("functie", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(["partij_id"], ["partijen.id"], name=op.f("fk_ondertekeningen_partij_id_partijen"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ondertekeningen")),
        sa.UniqueConstraint("jaar", "partij_id", name="uq_ondertekening_jaar_partij"),
    )
    op.create_index(op.f("ix_ondertekeningen_partij_id"), "ondertekeningen", ["partij_id"], unique=False)
    op.create_table(
        "geschillen",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("jaar", sa.Integer(), nullable=False),
        sa.Column("afspraak_id", sa.Integer(), nullable=True),
        sa.Column("verzoeker_id", sa.Integer(), nullable=False),
        sa.Column("onderwerp", sa.String(length=20), nullable=False),
        sa.Column("geschilpunt", sa.Text(), nullable=False),
        sa.Column("standpunten", sa.Text(), nullable=False),
        sa.Column("beleid", sa.String(length=300), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("aangemaakt_op", sa.Date(), nullable=False),
        sa.Column("ingediend_op", sa.Date(), nullable=True),
        sa.Column("toelichting", sa.Text(), nullable=False),
        sa.CheckConstraint("onderwerp IN ('totstandkoming', 'nakoming')", name=op.f("ck_geschillen_onderwerp")),
        sa.CheckConstraint("status IN ('slapend', 'voorbereid', 'ingediend', 'uitspraak', 'ingetrokken')",
                           name=op.f("ck_geschillen_status")),
        sa.ForeignKeyConstraint(["afspraak_id"], ["afspraken.id"], name=op.f("fk_geschillen_afspraak_id_afspraken"),
                                ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["verzoeker_id"], ["partijen.id"], name=op.f("fk_geschillen_verzoeker_id_partijen"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_geschillen")),
    )
    with op.batch_alter_table("afspraken") as batch:
        batch.add_column(sa.Column("doel_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(op.f("fk_afspraken_doel_id_doelen"), "doelen", ["doel_id"], ["id"],
                                 ondelete="SET NULL")


def downgrade() -> None:
    with op.batch_alter_table("afspraken") as batch:
        batch.drop_constraint(op.f("fk_afspraken_doel_id_doelen"), type_="foreignkey")
        batch.drop_column("doel_id")
    op.drop_table("geschillen")
    op.drop_index(op.f("ix_ondertekeningen_partij_id"), table_name="ondertekeningen")
    op.drop_table("ondertekeningen")
    op.drop_index(op.f("ix_bod_cijfers_bod_id"), table_name="bod_cijfers")
    op.drop_table("bod_cijfers")
    op.drop_index(op.f("ix_bods_partij_id"), table_name="bods")
    op.drop_table("bods")
