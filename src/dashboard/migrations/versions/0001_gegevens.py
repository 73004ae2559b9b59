"""gegevens: gebieden, partijen, indicatoren, observaties, streefwaarden, batches

Revision ID: 0001
Revises: 
Create Date: 2026-11-27 13:01:34.670954
"""
from alembic import op
import sqlalchemy as sa


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('gebieden',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=12), nullable=False),
    sa.Column('naam', sa.String(length=200), nullable=False),
    sa.Column('niveau', sa.String(length=10), nullable=False),
    sa.Column('ouder_id', sa.Integer(), nullable=True),
    sa.Column('lat', sa.Float(), nullable=True),
    sa.Column('lon', sa.Float(), nullable=True),
    sa.Column('geometrie', sa.Text(), nullable=True),
    sa.CheckConstraint("niveau IN ('gemeente', 'wijk', 'buurt')", name=op.f('ck_gebieden_niveau')),
    sa.ForeignKeyConstraint(['ouder_id'], ['gebieden.id'], name=op.f('fk_gebieden_ouder_id_gebieden')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_gebieden')),
    sa.UniqueConstraint('code', name=op.f('uq_gebieden_code'))
    )
    with op.batch_alter_table('gebieden', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_gebieden_ouder_id'), ['ouder_id'], unique=False)

    op.create_table('import_batches',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('bestandsnaam', sa.String(length=255), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('soort', sa.String(length=20), nullable=False),
    sa.Column('formaat', sa.String(length=20), nullable=False),
    sa.Column('gebruiker', sa.String(length=120), nullable=False),
    sa.Column('tijdstip', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('rows_new', sa.Integer(), nullable=False),
    sa.Column('rows_changed', sa.Integer(), nullable=False),
    sa.Column('rows_unchanged', sa.Integer(), nullable=False),
    sa.Column('rows_skipped_empty', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_import_batches'))
    )
    with op.batch_alter_table('import_batches', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_import_batches_sha256'), ['sha256'], unique=False)

    op.create_table('indicatoren',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('sleutel', sa.String(length=60), nullable=False),
    sa.Column('naam', sa.String(length=200), nullable=False),
    sa.Column('eenheid', sa.String(length=40), nullable=False),
    sa.Column('richting', sa.String(length=10), nullable=False),
    sa.Column('aggregatie', sa.String(length=12), nullable=False),
    sa.Column('categorie', sa.String(length=60), nullable=False),
    sa.Column('omschrijving', sa.Text(), nullable=False),
    sa.Column('bron', sa.String(length=200), nullable=False),
    sa.Column('min_waarde', sa.Float(), nullable=True),
    sa.Column('max_waarde', sa.Float(), nullable=True),
    sa.CheckConstraint("aggregatie IN ('som', 'gemiddelde', 'laatste')", name=op.f('ck_indicatoren_aggregatie')),
    sa.CheckConstraint("richting IN ('hoger', 'lager', 'neutraal')", name=op.f('ck_indicatoren_richting')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_indicatoren')),
    sa.UniqueConstraint('sleutel', name=op.f('uq_indicatoren_sleutel'))
    )
    op.create_table('partijen',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('naam', sa.String(length=200), nullable=False),
    sa.Column('soort', sa.String(length=30), nullable=False),
    sa.Column('code', sa.String(length=40), nullable=True),
    sa.CheckConstraint("soort IN ('gemeente', 'corporatie', 'huurdersorganisatie', 'zorg', 'welzijn', 'politie', 'overig')", name=op.f('ck_partijen_soort')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_partijen')),
    sa.UniqueConstraint('code', name=op.f('uq_partijen_code')),
    sa.UniqueConstraint('naam', name=op.f('uq_partijen_naam'))
    )
    op.create_table('observaties',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('indicator_id', sa.Integer(), nullable=False),
    sa.Column('gebied_id', sa.Integer(), nullable=False),
    sa.Column('partij_id', sa.Integer(), nullable=True),
    sa.Column('periode', sa.String(length=10), nullable=False),
    sa.Column('jaar', sa.Integer(), nullable=False),
    sa.Column('periode_soort', sa.String(length=10), nullable=False),
    sa.Column('volgnummer', sa.Integer(), nullable=False),
    sa.Column('waarde', sa.Float(), nullable=False),
    sa.Column('batch_id', sa.Integer(), nullable=True),
    sa.CheckConstraint("periode_soort IN ('jaar', 'kwartaal', 'maand')", name=op.f('ck_observaties_periode_soort')),
    sa.ForeignKeyConstraint(['batch_id'], ['import_batches.id'], name=op.f('fk_observaties_batch_id_import_batches')),
    sa.ForeignKeyConstraint(['gebied_id'], ['gebieden.id'], name=op.f('fk_observaties_gebied_id_gebieden'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['indicator_id'], ['indicatoren.id'], name=op.f('fk_observaties_indicator_id_indicatoren'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['partij_id'], ['partijen.id'], name=op.f('fk_observaties_partij_id_partijen'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_observaties'))
    )
    with op.batch_alter_table('observaties', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_observaties_batch_id'), ['batch_id'], unique=False)
        batch_op.create_index('ix_observaties_reeks', ['indicator_id', 'periode_soort', 'gebied_id', 'jaar'], unique=False)
        batch_op.create_index('uq_observaties_sleutel_partij', ['indicator_id', 'gebied_id', 'partij_id', 'periode'], unique=True, sqlite_where=sa.text('partij_id IS NOT NULL'), postgresql_where=sa.text('partij_id IS NOT NULL'))
        batch_op.create_index('uq_observaties_sleutel_totaal', ['indicator_id', 'gebied_id', 'periode'], unique=True, sqlite_where=sa.text('partij_id IS NULL'), postgresql_where=sa.text('partij_id IS NULL'))

    op.create_table('streefwaarden',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('indicator_id', sa.Integer(), nullable=False),
    sa.Column('gebied_id', sa.Integer(), nullable=False),
    sa.Column('partij_id', sa.Integer(), nullable=True),
    sa.Column('periode', sa.String(length=10), nullable=False),
    sa.Column('jaar', sa.Integer(), nullable=False),
    sa.Column('periode_soort', sa.String(length=10), nullable=False),
    sa.Column('volgnummer', sa.Integer(), nullable=False),
    sa.Column('waarde', sa.Float(), nullable=False),
    sa.Column('batch_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['batch_id'], ['import_batches.id'], name=op.f('fk_streefwaarden_batch_id_import_batches')),
    sa.ForeignKeyConstraint(['gebied_id'], ['gebieden.id'], name=op.f('fk_streefwaarden_gebied_id_gebieden'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['indicator_id'], ['indicatoren.id'], name=op.f('fk_streefwaarden_indicator_id_indicatoren'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['partij_id'], ['partijen.id'], name=op.f('fk_streefwaarden_partij_id_partijen'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_streefwaarden'))
    )
    with op.batch_alter_table('streefwaarden', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_streefwaarden_batch_id'), ['batch_id'], unique=False)
        batch_op.create_index('ix_streefwaarden_reeks', ['indicator_id', 'gebied_id', 'jaar'], unique=False)
        batch_op.create_index('uq_streefwaarden_sleutel_partij', ['indicator_id', 'gebied_id', 'partij_id', 'periode'], unique=True, sqlite_where=sa.text('partij_id IS NOT NULL'), postgresql_where=sa.text('partij_id IS NOT NULL'))
        batch_op.create_index('uq_streefwaarden_sleutel_totaal', ['indicator_id', 'gebied_id', 'periode'], unique=True, sqlite_where=sa.text('partij_id IS NULL'), postgresql_where=sa.text('partij_id IS NULL'))



def downgrade() -> None:
    with op.batch_alter_table('streefwaarden', schema=None) as batch_op:
        batch_op.drop_index('uq_streefwaarden_sleutel_totaal', sqlite_where=sa.text('partij_id IS NULL'), postgresql_where=sa.text('partij_id IS NULL'))
        batch_op.drop_index('uq_streefwaarden_sleutel_partij', sqlite_where=sa.text('partij_id IS NOT NULL'), postgresql_where=sa.text('partij_id IS NOT NULL'))
        batch_op.drop_index('ix_streefwaarden_reeks')
        batch_op.drop_index(batch_op.f('ix_streefwaarden_batch_id'))

    op.drop_table('streefwaarden')
    with op.batch_alter_table('observaties', schema=None) as batch_op:
        batch_op.drop_index('uq_observaties_sleutel_totaal', sqlite_where=sa.text('partij_id IS NULL'), postgresql_where=sa.text('partij_id IS NULL'))
        batch_op.drop_index('uq_observaties_sleutel_partij', sqlite_where=sa.text('partij_id IS NOT NULL'), postgresql_where=sa.text('partij_id IS NOT NULL'))
        batch_op.drop_index('ix_observaties_reeks')
        batch_op.drop_index(batch_op.f('ix_observaties_batch_id'))

    op.drop_table('observaties')
    op.drop_table('partijen')
    op.drop_table('indicatoren')
    with op.batch_alter_table('import_batches', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_import_batches_sha256'))

    op.drop_table('import_batches')
    with op.batch_alter_table('gebieden', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_gebieden_ouder_id'))

    op.drop_table('gebieden')
