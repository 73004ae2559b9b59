"""vergadering: stuurgroep meetings, their ordered agenda, decisions by consent and each party's position

Revision ID: 0007
Revises: 0006
"""
from alembic import op
import sqlalchemy as sa


revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("vergaderingen",
    sa.Column("id", sa.Integer(), nullable=False),
    sa.Column("datum", sa.Date(), nullable=False),
    sa.Column("titel", sa.String(length=200), nullable=False),
    sa.Column("overzicht", sa.Boolean(), nullable=False),
    sa.Column("gebruiker", sa.String(length=120), nullable=False),
    sa.PrimaryKeyConstraint("id", name=op.f("pk_vergaderingen"))
    )
    with op.batch_alter_table("vergaderingen") as batch_op:
        batch_op.create_index(batch_op.f("ix_vergaderingen_datum"), ["datum"], unique=False)

    op.create_table("agendapunten",
    sa.Column("id", sa.Integer(), nullable=False),
    sa.Column("vergadering_id", sa.Integer(), nullable=False),
    sa.Column("volgorde", sa.Integer(), nullable=False),
    sa.Column("soort", sa.String(length=12), nullable=False),
    sa.Column("afspraak_id", sa.Integer(), nullable=True),
    sa.Column("afspraak_naam", sa.String(length=330), nullable=False),
    sa.Column("indicator_id", sa.Integer(), nullable=True),
    sa.Column("vraag", sa.String(length=200), nullable=False),
    sa.CheckConstraint("soort IN ('afspraak', 'kpi')", name=op.f("ck_agendapunten_soort")),
    sa.ForeignKeyConstraint(["afspraak_id"], ["afspraken.id"], name=op.f("fk_agendapunten_afspraak_id_afspraken"),
                            ondelete="SET NULL"),
    sa.ForeignKeyConstraint(["indicator_id"], ["indicatoren.id"], name=op.f("fk_agendapunten_indicator_id_indicatoren"),
                            ondelete="SET NULL"),
    sa.ForeignKeyConstraint(["vergadering_id"], ["vergaderingen.id"],
                            name=op.f("fk_agendapunten_vergadering_id_vergaderingen"), ondelete="CASCADE"),
    sa.PrimaryKeyConstraint("id", name=op.f("pk_agendapunten"))
    )
    with op.batch_alter_table("agendapunten") as batch_op:
        batch_op.create_index(batch_op.f("ix_agendapunten_vergadering_id"), ["vergadering_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_agendapunten_afspraak_id"), ["afspraak_id"], unique=False)

    op.create_table("besluiten",
    sa.Column("id", sa.Integer(), nullable=False),
    sa.Column("agendapunt_id", sa.Integer(), nullable=False),
    sa.Column("datum", sa.Date(), nullable=False),
    sa.Column("voorstel", sa.Text(), nullable=False),
    sa.Column("uitkomst", sa.String(length=12), nullable=False),
    sa.Column("vervolgstap", sa.Text(), nullable=False),
    sa.Column("evaluatie", sa.Date(), nullable=False),
    sa.Column("wijziging", sa.String(length=12), nullable=False),
    sa.Column("nieuwe_waarde", sa.String(length=200), nullable=False),
    sa.Column("oude_waarde", sa.String(length=200), nullable=False),
    sa.Column("toegepast", sa.DateTime(timezone=True), nullable=True),
    sa.Column("gebruiker", sa.String(length=120), nullable=False),
    sa.CheckConstraint("uitkomst IN ('aangenomen', 'aangehouden')", name=op.f("ck_besluiten_uitkomst")),
    sa.CheckConstraint("wijziging IN ('', 'streefwaarde', 'tot_jaar', 'trekker')", name=op.f("ck_besluiten_wijziging")),
    sa.ForeignKeyConstraint(["agendapunt_id"], ["agendapunten.id"], name=op.f("fk_besluiten_agendapunt_id_agendapunten"),
                            ondelete="CASCADE"),
    sa.PrimaryKeyConstraint("id", name=op.f("pk_besluiten"))
    )
    with op.batch_alter_table("besluiten") as batch_op:
        batch_op.create_index(batch_op.f("ix_besluiten_agendapunt_id"), ["agendapunt_id"], unique=False)

    op.create_table("besluit_posities",
    sa.Column("id", sa.Integer(), nullable=False),
    sa.Column("besluit_id", sa.Integer(), nullable=False),
    sa.Column("partij_id", sa.Integer(), nullable=False),
    sa.Column("positie", sa.String(length=12), nullable=False),
    sa.Column("reden", sa.Text(), nullable=False),
    sa.Column("verwerking", sa.String(length=20), nullable=False),
    sa.Column("verwerking_tekst", sa.Text(), nullable=False),
    sa.CheckConstraint("positie IN ('instemming', 'bezwaar')", name=op.f("ck_besluit_posities_positie")),
    sa.CheckConstraint("verwerking IN ('', 'voorstel_aangepast', 'ingetrokken')",
                       name=op.f("ck_besluit_posities_verwerking")),
    sa.ForeignKeyConstraint(["besluit_id"], ["besluiten.id"], name=op.f("fk_besluit_posities_besluit_id_besluiten"),
                            ondelete="CASCADE"),
    sa.ForeignKeyConstraint(["partij_id"], ["partijen.id"], name=op.f("fk_besluit_posities_partij_id_partijen"),
                            ondelete="CASCADE"),
    sa.PrimaryKeyConstraint("id", name=op.f("pk_besluit_posities")),
    sa.UniqueConstraint("besluit_id", "partij_id", name="uq_besluit_posities_partij")
    )
    with op.batch_alter_table("besluit_posities") as batch_op:
        batch_op.create_index(batch_op.f("ix_besluit_posities_besluit_id"), ["besluit_id"], unique=False)


def downgrade() -> None:
    op.drop_table("besluit_posities")
    op.drop_table("besluiten")
    op.drop_table("agendapunten")
    op.drop_table("vergaderingen")
