"""What an afspraak's own target counts: the looptijd's total, every year, or the end

A streefwaarde of 450 new homes was read as a total over the looptijd because its indicator adds
up, and a streefwaarde of 0 homes with label E-G as the value at the end: implicit, and labelled
neither way, so one slide showed 302 (the total since 2024) beside 180 and a chart of 137 a year
against 120. `streef_soort` says it: "totaal" (samen over de looptijd), "per_jaar" (elk jaar) or
"eind" (aan het eind van de looptijd). Existing targets keep the meaning they had.

Revision ID: 0011
Revises: 0010
"""
from alembic import op
import sqlalchemy as sa


revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("afspraken") as batch_op:
        batch_op.add_column(sa.Column("streef_soort", sa.String(10), nullable=True))
        batch_op.create_check_constraint(op.f("ck_afspraken_streef_soort"), "streef_soort IN ('totaal', 'per_jaar', 'eind')")
    op.execute("UPDATE afspraken SET streef_soort = CASE WHEN (SELECT aggregatie FROM indicatoren "
               "WHERE indicatoren.id = afspraken.indicator_id) = 'som' THEN 'totaal' ELSE 'eind' END "
               "WHERE streefwaarde IS NOT NULL")


def downgrade() -> None:
    with op.batch_alter_table("afspraken") as batch_op:
        batch_op.drop_constraint(op.f("ck_afspraken_streef_soort"), type_="check")
        batch_op.drop_column("streef_soort")
