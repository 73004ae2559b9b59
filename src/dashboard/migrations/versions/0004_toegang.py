"""toegang: gebruikers, login_sessies, deel_links, mislukte_logins (audit_log comes with 0003)

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-27
"""
from alembic import op
import sqlalchemy as sa


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('deel_links',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('label', sa.String(length=200), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('paginas', sa.Text(), nullable=False),
    sa.Column('gebied_code', sa.String(length=12), nullable=True),
    sa.Column('downloads', sa.Boolean(), nullable=False),
    sa.Column('aangemaakt', sa.DateTime(timezone=True), nullable=False),
    sa.Column('aangemaakt_door', sa.String(length=200), nullable=False),
    sa.Column('verloopt', sa.DateTime(timezone=True), nullable=False),
    sa.Column('ingetrokken', sa.DateTime(timezone=True), nullable=True),
    sa.Column('laatst_gebruikt', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_deel_links')),
    sa.UniqueConstraint('token_hash', name=op.f('uq_deel_links_token_hash'))
    )
    op.create_table('gebruikers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('naam', sa.String(length=120), nullable=False),
    sa.Column('rol', sa.String(length=20), nullable=False),
    sa.Column('wachtwoord_hash', sa.String(length=255), nullable=False),
    sa.Column('actief', sa.Boolean(), nullable=False),
    sa.Column('aangemaakt', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('laatst_ingelogd', sa.DateTime(timezone=True), nullable=True),
    sa.CheckConstraint("rol IN ('beheerder', 'redacteur', 'gegevensbeheerder', 'lezer')", name=op.f('ck_gebruikers_rol')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_gebruikers')),
    sa.UniqueConstraint('naam', name=op.f('uq_gebruikers_naam'))
    )
    op.create_table('mislukte_logins',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('naam', sa.String(length=120), nullable=False),
    sa.Column('tijdstip', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_mislukte_logins'))
    )
    with op.batch_alter_table('mislukte_logins', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_mislukte_logins_naam'), ['naam'], unique=False)
        batch_op.create_index(batch_op.f('ix_mislukte_logins_tijdstip'), ['tijdstip'], unique=False)

    op.create_table('login_sessies',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('gebruiker_id', sa.Integer(), nullable=False),
    sa.Column('aangemaakt', sa.DateTime(timezone=True), nullable=False),
    sa.Column('laatst_gezien', sa.DateTime(timezone=True), nullable=False),
    sa.Column('verloopt', sa.DateTime(timezone=True), nullable=False),
    sa.Column('ingetrokken', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['gebruiker_id'], ['gebruikers.id'], name=op.f('fk_login_sessies_gebruiker_id_gebruikers'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_login_sessies')),
    sa.UniqueConstraint('token_hash', name=op.f('uq_login_sessies_token_hash'))
    )
    with op.batch_alter_table('login_sessies', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_login_sessies_gebruiker_id'), ['gebruiker_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('login_sessies', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_login_sessies_gebruiker_id'))

    op.drop_table('login_sessies')
    with op.batch_alter_table('mislukte_logins', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_mislukte_logins_tijdstip'))
        batch_op.drop_index(batch_op.f('ix_mislukte_logins_naam'))

    op.drop_table('mislukte_logins')
    op.drop_table('gebruikers')
    op.drop_table('deel_links')
