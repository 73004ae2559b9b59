"""imports: values a batch overwrote (undo), remembered column mappings

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa


revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "import_wijzigingen",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("batch_id", sa.Integer(), nullable=False),
        sa.Column("tabel", sa.String(length=20), nullable=False),
        sa.Column("indicator_id", sa.Integer(), nullable=False),
        sa.Column("gebied_id", sa.Integer(), nullable=False),
        sa.Column("partij_id", sa.Integer(), nullable=True),
        sa.Column("periode", sa.String(length=10), nullable=False),
        sa.Column("oude_waarde", sa.Float(), nullable=False),
        sa.Column("oude_batch_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["batch_id"], ["import_batches.id"],
                                name=op.f("fk_import_wijzigingen_batch_id_import_batches"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_import_wijzigingen")),
    )
    with op.batch_alter_table("import_wijzigingen", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_import_wijzigingen_batch_id"), ["batch_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_import_wijzigingen_oude_batch_id"), ["oude_batch_id"], unique=False)

    op.create_table(
        "kolomkoppelingen",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("indeling", sa.String(length=16), nullable=False),
        sa.Column("koppeling", sa.Text(), nullable=False),
        sa.Column("bijgewerkt", sa.DateTime(timezone=True), server_default=sa.text("(CURRENT_TIMESTAMP)"),
                  nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_kolomkoppelingen")),
        sa.UniqueConstraint("indeling", name=op.f("uq_kolomkoppelingen_indeling")),
    )


def downgrade() -> None:
    op.drop_table("kolomkoppelingen")
    with op.batch_alter_table("import_wijzigingen", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_import_wijzigingen_oude_batch_id"))
        batch_op.drop_index(batch_op.f("ix_import_wijzigingen_batch_id"))
    op.drop_table("import_wijzigingen")
