"""Sign-in security: the client's address on failed logins and in the audit log; reset links

- `mislukte_logins.adres`: the throttle counts failures per name and per client address (an IPv4
  address or an IPv6 /64), no longer over all names, so anonymous guesses cannot lock out everybody.
- `audit_log.adres`: who signed in, failed, was slowed down, changed or reset a password, from where.
- `uitnodigingen.soort`: "account" (an invitation, as before) or "herstel" (a one-time link that
  lets an existing user choose a new password). Existing rows are invitations.

Revision ID: 0012
Revises: 0011
"""
from alembic import op
import sqlalchemy as sa


revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("mislukte_logins") as batch_op:
        batch_op.add_column(sa.Column("adres", sa.String(64), nullable=True))
        batch_op.create_index(batch_op.f("ix_mislukte_logins_adres"), ["adres"], unique=False)
    with op.batch_alter_table("audit_log") as batch_op:
        batch_op.add_column(sa.Column("adres", sa.String(64), nullable=True))
        batch_op.create_index(batch_op.f("ix_audit_log_adres"), ["adres"], unique=False)
    with op.batch_alter_table("uitnodigingen") as batch_op:
        batch_op.add_column(sa.Column("soort", sa.String(10), server_default="account", nullable=False))
        batch_op.create_check_constraint(op.f("ck_uitnodigingen_soort"), "soort IN ('account', 'herstel')")


def downgrade() -> None:
    op.execute("DELETE FROM uitnodigingen WHERE soort = 'herstel'")
    with op.batch_alter_table("uitnodigingen") as batch_op:
        batch_op.drop_constraint(op.f("ck_uitnodigingen_soort"), type_="check")
        batch_op.drop_column("soort")
    with op.batch_alter_table("audit_log") as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_log_adres"))
        batch_op.drop_column("adres")
    with op.batch_alter_table("mislukte_logins") as batch_op:
        batch_op.drop_index(batch_op.f("ix_mislukte_logins_adres"))
        batch_op.drop_column("adres")
