"""Scale: a data version that every write bumps, provincie and land areas, a weight for means

- `data_versie`: one row whose number every committed import, undo and edit raises in its own
  transaction, so caches in every app process know when a figure changed.
- `gebieden.niveau` may also be `provincie` (PV + 2 digits) and `land` (NL01).
- `indicatoren.gewicht`: for an indicator aggregated as `gemiddelde`, the key of the indicator
  that weights it when a figure is computed from the level below (a share of homes weighted by
  the number of homes).

Revision ID: 0006
Revises: 0005
"""
from alembic import op
import sqlalchemy as sa


revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

OLD_LEVELS = "niveau IN ('gemeente', 'wijk', 'buurt')"
NEW_LEVELS = "niveau IN ('land', 'provincie', 'gemeente', 'wijk', 'buurt')"


def upgrade() -> None:
    versie = op.create_table("data_versie", sa.Column("id", sa.Integer, primary_key=True),
                             sa.Column("versie", sa.Integer, nullable=False))
    op.bulk_insert(versie, [{"id": 1, "versie": 1}])
    with op.batch_alter_table("gebieden") as batch_op:
        batch_op.drop_constraint("niveau", type_="check")
        batch_op.create_check_constraint("niveau", NEW_LEVELS)
    with op.batch_alter_table("indicatoren") as batch_op:
        batch_op.add_column(sa.Column("gewicht", sa.String(60), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("indicatoren") as batch_op:
        batch_op.drop_column("gewicht")
    op.execute("DELETE FROM gebieden WHERE niveau IN ('land', 'provincie')")
    with op.batch_alter_table("gebieden") as batch_op:
        batch_op.drop_constraint("niveau", type_="check")
        batch_op.create_check_constraint("niveau", OLD_LEVELS)
    op.drop_table("data_versie")
