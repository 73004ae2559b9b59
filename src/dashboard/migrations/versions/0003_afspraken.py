"""afspraken: opgaven, afspraken, jaarschijf, voortgang, verhalen, media, audit_log

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27 13:15:13.065652
"""
from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('audit_log',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('tijdstip', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('gebruiker', sa.String(length=120), nullable=False),
    sa.Column('actie', sa.String(length=60), nullable=False),
    sa.Column('object', sa.String(length=200), nullable=False),
    sa.Column('details', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_log'))
    )
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_log_tijdstip'), ['tijdstip'], unique=False)

    op.create_table('opgaven',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('naam', sa.String(length=200), nullable=False),
    sa.Column('omschrijving', sa.Text(), nullable=False),
    sa.Column('volgorde', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_opgaven')),
    sa.UniqueConstraint('naam', name=op.f('uq_opgaven_naam'))
    )
    op.create_table('afspraken',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('nummer', sa.String(length=20), nullable=False),
    sa.Column('titel', sa.String(length=300), nullable=False),
    sa.Column('ambitie', sa.Text(), nullable=False),
    sa.Column('soort', sa.String(length=12), nullable=False),
    sa.Column('opgave_id', sa.Integer(), nullable=False),
    sa.Column('van_jaar', sa.Integer(), nullable=False),
    sa.Column('tot_jaar', sa.Integer(), nullable=False),
    sa.Column('indicator_id', sa.Integer(), nullable=True),
    sa.Column('gebied_id', sa.Integer(), nullable=True),
    sa.Column('streefwaarde', sa.Float(), nullable=True),
    sa.CheckConstraint("soort IN ('effect', 'resultaat', 'inspanning')", name=op.f('ck_afspraken_soort')),
    sa.CheckConstraint('van_jaar <= tot_jaar', name=op.f('ck_afspraken_looptijd')),
    sa.ForeignKeyConstraint(['gebied_id'], ['gebieden.id'], name=op.f('fk_afspraken_gebied_id_gebieden'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['indicator_id'], ['indicatoren.id'], name=op.f('fk_afspraken_indicator_id_indicatoren'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['opgave_id'], ['opgaven.id'], name=op.f('fk_afspraken_opgave_id_opgaven')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_afspraken')),
    sa.UniqueConstraint('nummer', name=op.f('uq_afspraken_nummer'))
    )
    with op.batch_alter_table('afspraken', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_afspraken_opgave_id'), ['opgave_id'], unique=False)

    op.create_table('opgave_velden',
    sa.Column('opgave_id', sa.Integer(), nullable=False),
    sa.Column('veld', sa.String(length=40), nullable=False),
    sa.CheckConstraint("veld IN ('beschikbaarheid', 'betaalbaarheid', 'leefbaarheid', 'kwaliteit_duurzaamheid', 'bijzondere_doelgroepen', 'dienstverlening')", name=op.f('ck_opgave_velden_veld')),
    sa.ForeignKeyConstraint(['opgave_id'], ['opgaven.id'], name=op.f('fk_opgave_velden_opgave_id_opgaven'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('opgave_id', 'veld', name=op.f('pk_opgave_velden'))
    )
    op.create_table('verhalen',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('titel', sa.String(length=300), nullable=False),
    sa.Column('tekst', sa.Text(), nullable=False),
    sa.Column('datum', sa.Date(), nullable=False),
    sa.Column('verteller_rol', sa.String(length=20), nullable=False),
    sa.Column('verteller', sa.String(length=200), nullable=False),
    sa.Column('gebied_id', sa.Integer(), nullable=True),
    sa.Column('lat', sa.Float(), nullable=True),
    sa.Column('lon', sa.Float(), nullable=True),
    sa.Column('citaat', sa.Text(), nullable=False),
    sa.Column('citaat_van', sa.String(length=200), nullable=False),
    sa.Column('gebruiker', sa.String(length=120), nullable=False),
    sa.CheckConstraint("verteller_rol IN ('huurder', 'professional', 'bestuurder', 'bewoner')", name=op.f('ck_verhalen_verteller_rol')),
    sa.ForeignKeyConstraint(['gebied_id'], ['gebieden.id'], name=op.f('fk_verhalen_gebied_id_gebieden'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_verhalen'))
    )
    with op.batch_alter_table('verhalen', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_verhalen_gebied_id'), ['gebied_id'], unique=False)

    op.create_table('activiteiten',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('afspraak_id', sa.Integer(), nullable=False),
    sa.Column('jaar', sa.Integer(), nullable=False),
    sa.Column('omschrijving', sa.Text(), nullable=False),
    sa.Column('trekker_id', sa.Integer(), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('indicator_id', sa.Integer(), nullable=True),
    sa.Column('streefwaarde', sa.Float(), nullable=True),
    sa.CheckConstraint("status IN ('op_koers', 'aandacht', 'achter', 'afgerond', 'niet_gestart')", name=op.f('ck_activiteiten_status')),
    sa.ForeignKeyConstraint(['afspraak_id'], ['afspraken.id'], name=op.f('fk_activiteiten_afspraak_id_afspraken'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['indicator_id'], ['indicatoren.id'], name=op.f('fk_activiteiten_indicator_id_indicatoren'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['trekker_id'], ['partijen.id'], name=op.f('fk_activiteiten_trekker_id_partijen'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_activiteiten'))
    )
    with op.batch_alter_table('activiteiten', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_activiteiten_afspraak_id'), ['afspraak_id'], unique=False)

    op.create_table('afspraak_partijen',
    sa.Column('afspraak_id', sa.Integer(), nullable=False),
    sa.Column('partij_id', sa.Integer(), nullable=False),
    sa.Column('rol', sa.String(length=20), nullable=False),
    sa.Column('taak', sa.String(length=300), nullable=False),
    sa.CheckConstraint("rol IN ('trekker', 'partner', 'uitvoerder', 'adviseur')", name=op.f('ck_afspraak_partijen_rol')),
    sa.ForeignKeyConstraint(['afspraak_id'], ['afspraken.id'], name=op.f('fk_afspraak_partijen_afspraak_id_afspraken'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['partij_id'], ['partijen.id'], name=op.f('fk_afspraak_partijen_partij_id_partijen'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('afspraak_id', 'partij_id', name=op.f('pk_afspraak_partijen'))
    )
    op.create_table('media',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('verhaal_id', sa.Integer(), nullable=False),
    sa.Column('soort', sa.String(length=12), nullable=False),
    sa.Column('bestand', sa.String(length=80), nullable=True),
    sa.Column('url', sa.String(length=500), nullable=True),
    sa.Column('bijschrift', sa.String(length=500), nullable=False),
    sa.Column('alt_tekst', sa.String(length=500), nullable=False),
    sa.Column('credit', sa.String(length=200), nullable=False),
    sa.Column('toestemming', sa.Boolean(), nullable=False),
    sa.Column('toestemming_notitie', sa.String(length=500), nullable=False),
    sa.CheckConstraint("soort IN ('foto', 'video', 'videolink')", name=op.f('ck_media_soort')),
    sa.CheckConstraint('bestand IS NOT NULL OR url IS NOT NULL', name=op.f('ck_media_bron')),
    sa.ForeignKeyConstraint(['verhaal_id'], ['verhalen.id'], name=op.f('fk_media_verhaal_id_verhalen'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_media')),
    sa.UniqueConstraint('bestand', name='uq_media_bestand')
    )
    with op.batch_alter_table('media', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_media_verhaal_id'), ['verhaal_id'], unique=False)

    op.create_table('verhaal_afspraken',
    sa.Column('verhaal_id', sa.Integer(), nullable=False),
    sa.Column('afspraak_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['afspraak_id'], ['afspraken.id'], name=op.f('fk_verhaal_afspraken_afspraak_id_afspraken'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['verhaal_id'], ['verhalen.id'], name=op.f('fk_verhaal_afspraken_verhaal_id_verhalen'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('verhaal_id', 'afspraak_id', name=op.f('pk_verhaal_afspraken'))
    )
    op.create_table('voortgang',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('afspraak_id', sa.Integer(), nullable=False),
    sa.Column('activiteit_id', sa.Integer(), nullable=True),
    sa.Column('datum', sa.Date(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('toelichting', sa.Text(), nullable=False),
    sa.Column('geleerd', sa.Text(), nullable=False),
    sa.Column('dilemma', sa.Boolean(), nullable=False),
    sa.Column('auteur_id', sa.Integer(), nullable=True),
    sa.Column('gebruiker', sa.String(length=120), nullable=False),
    sa.CheckConstraint("status IN ('op_koers', 'aandacht', 'achter', 'afgerond', 'niet_gestart')", name=op.f('ck_voortgang_status')),
    sa.ForeignKeyConstraint(['activiteit_id'], ['activiteiten.id'], name=op.f('fk_voortgang_activiteit_id_activiteiten'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['afspraak_id'], ['afspraken.id'], name=op.f('fk_voortgang_afspraak_id_afspraken'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['auteur_id'], ['partijen.id'], name=op.f('fk_voortgang_auteur_id_partijen'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_voortgang'))
    )
    with op.batch_alter_table('voortgang', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_voortgang_afspraak_id'), ['afspraak_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('voortgang', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_voortgang_afspraak_id'))

    op.drop_table('voortgang')
    op.drop_table('verhaal_afspraken')
    with op.batch_alter_table('media', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_media_verhaal_id'))

    op.drop_table('media')
    op.drop_table('afspraak_partijen')
    with op.batch_alter_table('activiteiten', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_activiteiten_afspraak_id'))

    op.drop_table('activiteiten')
    with op.batch_alter_table('verhalen', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_verhalen_gebied_id'))

    op.drop_table('verhalen')
    op.drop_table('opgave_velden')
    with op.batch_alter_table('afspraken', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_afspraken_opgave_id'))

    op.drop_table('afspraken')
    op.drop_table('opgaven')
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_log_tijdstip'))

    op.drop_table('audit_log')
