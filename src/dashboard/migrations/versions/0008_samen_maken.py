"""Samen maken: accounts of a partij, the partner role, invitations, who wrote what, the samenwerkingsmonitor

- `gebruikers.partij_id`: the party an account belongs to; role `partner` (party-scoped writes);
  `wachtwoord_hash` may be empty: such an account cannot log in (the demo's respondents).
- `voortgang.gebruiker_id`, `verhalen.gebruiker_id` and `verhalen.partij_id`: the account and
  party that wrote it.
- `uitnodigingen`: one-time invitation links (hashed token, expiry, withdrawn, used).
- `samenwerking_inzendingen` / `samenwerking_scores`: one answer per account per year.

Revision ID: 0008
Revises: 0007
"""
from alembic import op
import sqlalchemy as sa


revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

OLD_ROLES = "rol IN ('beheerder', 'redacteur', 'gegevensbeheerder', 'lezer')"
NEW_ROLES = "rol IN ('beheerder', 'redacteur', 'gegevensbeheerder', 'lezer', 'partner')"


def upgrade() -> None:
    with op.batch_alter_table("gebruikers") as batch_op:
        batch_op.add_column(sa.Column("partij_id", sa.Integer(), nullable=True))
        batch_op.alter_column("wachtwoord_hash", existing_type=sa.String(255), nullable=True)
        batch_op.drop_constraint("rol", type_="check")
        batch_op.create_check_constraint("rol", NEW_ROLES)
        batch_op.create_index(batch_op.f("ix_gebruikers_partij_id"), ["partij_id"], unique=False)
        batch_op.create_foreign_key(batch_op.f("fk_gebruikers_partij_id_partijen"), "partijen", ["partij_id"], ["id"],
                                    ondelete="SET NULL")
    with op.batch_alter_table("voortgang") as batch_op:
        batch_op.add_column(sa.Column("gebruiker_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f("fk_voortgang_gebruiker_id_gebruikers"), "gebruikers", ["gebruiker_id"],
                                    ["id"], ondelete="SET NULL")
    with op.batch_alter_table("verhalen") as batch_op:
        batch_op.add_column(sa.Column("gebruiker_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("partij_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f("fk_verhalen_gebruiker_id_gebruikers"), "gebruikers", ["gebruiker_id"],
                                    ["id"], ondelete="SET NULL")
        batch_op.create_foreign_key(batch_op.f("fk_verhalen_partij_id_partijen"), "partijen", ["partij_id"], ["id"],
                                    ondelete="SET NULL")
    op.create_table(
        "uitnodigingen",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("naam", sa.String(length=120), nullable=False),
        sa.Column("rol", sa.String(length=20), nullable=False),
        sa.Column("partij_id", sa.Integer(), nullable=True),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("aangemaakt", sa.DateTime(timezone=True), nullable=False),
        sa.Column("aangemaakt_door", sa.String(length=200), nullable=False),
        sa.Column("verloopt", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ingetrokken", sa.DateTime(timezone=True), nullable=True),
        sa.Column("gebruikt", sa.DateTime(timezone=True), nullable=True),
        sa.Column("gebruiker_id", sa.Integer(), nullable=True),
        sa.CheckConstraint(NEW_ROLES, name=op.f("ck_uitnodigingen_rol")),
        sa.ForeignKeyConstraint(["gebruiker_id"], ["gebruikers.id"], name=op.f("fk_uitnodigingen_gebruiker_id_gebruikers"),
                                ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["partij_id"], ["partijen.id"], name=op.f("fk_uitnodigingen_partij_id_partijen"),
                                ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_uitnodigingen")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_uitnodigingen_token_hash")),
    )
    op.create_table(
        "samenwerking_inzendingen",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("gebruiker_id", sa.Integer(), nullable=False),
        sa.Column("partij_id", sa.Integer(), nullable=False),
        sa.Column("jaar", sa.Integer(), nullable=False),
        sa.Column("opmerking", sa.Text(), nullable=False),
        sa.Column("bijgewerkt", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["gebruiker_id"], ["gebruikers.id"],
                                name=op.f("fk_samenwerking_inzendingen_gebruiker_id_gebruikers"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["partij_id"], ["partijen.id"],
                                name=op.f("fk_samenwerking_inzendingen_partij_id_partijen"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_samenwerking_inzendingen")),
        sa.UniqueConstraint("gebruiker_id", "jaar", name=op.f("uq_samenwerking_een_per_jaar")),
    )
    with op.batch_alter_table("samenwerking_inzendingen") as batch_op:
        batch_op.create_index(batch_op.f("ix_samenwerking_inzendingen_jaar"), ["jaar"], unique=False)
        batch_op.create_index(batch_op.f("ix_samenwerking_inzendingen_partij_id"), ["partij_id"], unique=False)
    op.create_table(
        "samenwerking_scores",
        sa.Column("inzending_id", sa.Integer(), nullable=False),
        sa.Column("stelling", sa.String(length=40), nullable=False),
        sa.Column("score", sa.Integer(), nullable=False),
        sa.CheckConstraint("score BETWEEN 1 AND 5", name=op.f("ck_samenwerking_scores_score")),
        sa.ForeignKeyConstraint(["inzending_id"], ["samenwerking_inzendingen.id"],
                                name=op.f("fk_samenwerking_scores_inzending_id_samenwerking_inzendingen"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("inzending_id", "stelling", name=op.f("pk_samenwerking_scores")),
    )


def downgrade() -> None:
    op.drop_table("samenwerking_scores")
    op.drop_table("samenwerking_inzendingen")
    op.drop_table("uitnodigingen")
    with op.batch_alter_table("verhalen") as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_verhalen_partij_id_partijen"), type_="foreignkey")
        batch_op.drop_constraint(batch_op.f("fk_verhalen_gebruiker_id_gebruikers"), type_="foreignkey")
        batch_op.drop_column("partij_id")
        batch_op.drop_column("gebruiker_id")
    with op.batch_alter_table("voortgang") as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_voortgang_gebruiker_id_gebruikers"), type_="foreignkey")
        batch_op.drop_column("gebruiker_id")
    op.execute("DELETE FROM gebruikers WHERE rol = 'partner' OR wachtwoord_hash IS NULL")
    with op.batch_alter_table("gebruikers") as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_gebruikers_partij_id_partijen"), type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_gebruikers_partij_id"))
        batch_op.drop_constraint("rol", type_="check")
        batch_op.create_check_constraint("rol", OLD_ROLES)
        batch_op.alter_column("wachtwoord_hash", existing_type=sa.String(255), nullable=False)
        batch_op.drop_column("partij_id")
