"""An index on observaties.jaar: the dashboard's year range without reading every observation

`queries.options` asks the first and the last year with figures on every cold start; on a
national set (1.4 million observations) that was a scan of the whole table (0.2 s with the file
in the page cache, 1.3 s without). `SELECT min(jaar)` and `SELECT max(jaar)`, asked apart, are
each one step down this index. It indexes `jaar + 0`, an expression only that question uses:
on the plain column SQLite planned value queries (`jaar = ?`, the weights in hierarchy.py)
through it instead of through the key, which took minutes. It costs a bulk import one more small
index to keep.

Revision ID: 0009
Revises: 0008
"""
from alembic import op
import sqlalchemy as sa


revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_observaties_jaar", "observaties", [sa.text("(jaar + 0)")])


def downgrade() -> None:
    op.drop_index("ix_observaties_jaar", table_name="observaties")
