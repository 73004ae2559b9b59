"""A consent register per photo or video, and a video's poster, captions and transcript

Until now consent was one tick per item: no who, no scope, no expiry. Each tick becomes one
register line "vastgelegd vóór het register" with scope intern (the old tick named no scope, so
the narrowest one: the beheerder widens it in Toestemmingen), dated on the story, expiring two
years on but never within 90 days of this upgrade, so nothing disappears the day it lands.
An item without a tick gets no line and stays unshown until someone records consent. The tick
and its note then leave `media`; going back, an item ticks again when it has a line not withdrawn
(or nobody recognisable on it), with the note of its first line.

Revision ID: 0015
Revises: 0014
"""
from datetime import date, timedelta

from alembic import op
import sqlalchemy as sa


revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

OUDE_REGEL = "Vastgelegd vóór het register: vul aan wie herkenbaar is"


def upgrade() -> None:
    op.create_table(
        "toestemmingen",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("media_id", sa.Integer(), nullable=False),
        sa.Column("persoon", sa.String(length=200), nullable=False),
        sa.Column("gegeven_door", sa.String(length=20), nullable=False),
        sa.Column("ouder_voogd", sa.String(length=200), nullable=False),
        sa.Column("datum", sa.Date(), nullable=False),
        sa.Column("reikwijdte", sa.String(length=20), nullable=False),
        sa.Column("verloopt", sa.Date(), nullable=False),
        sa.Column("notitie", sa.String(length=500), nullable=False),
        sa.Column("formulier", sa.String(length=80), nullable=True),
        sa.Column("ingetrokken_op", sa.Date(), nullable=True),
        sa.Column("gemeld_op", sa.Date(), nullable=True),
        sa.CheckConstraint("gegeven_door IN ('persoon', 'ouder_voogd')", name=op.f("ck_toestemmingen_gegeven_door")),
        sa.CheckConstraint("reikwijdte IN ('intern', 'deellinks', 'openbaar')",
                           name=op.f("ck_toestemmingen_reikwijdte")),
        sa.ForeignKeyConstraint(["media_id"], ["media.id"], name=op.f("fk_toestemmingen_media_id_media"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_toestemmingen")),
        sa.UniqueConstraint("formulier", name="uq_toestemming_formulier"),
    )
    op.create_index(op.f("ix_toestemmingen_media_id"), "toestemmingen", ["media_id"], unique=False)
    with op.batch_alter_table("media") as batch:
        batch.add_column(sa.Column("geen_herkenbare_personen", sa.Boolean(), server_default=sa.false(),
                                   nullable=False))
        batch.add_column(sa.Column("poster", sa.String(length=80), nullable=True))
        batch.add_column(sa.Column("ondertitels", sa.String(length=80), nullable=True))
        batch.add_column(sa.Column("transcript", sa.Text(), server_default="", nullable=False))
        batch.add_column(sa.Column("opgeruimd_op", sa.DateTime(), nullable=True))

    bind = op.get_bind()
    rows = bind.execute(sa.text(
        "SELECT media.id, media.toestemming_notitie, verhalen.datum FROM media "
        "JOIN verhalen ON verhalen.id = media.verhaal_id WHERE media.toestemming")).all()
    floor = date.today() + timedelta(days=90)
    table = sa.table("toestemmingen", *(sa.column(c) for c in (
        "media_id", "persoon", "gegeven_door", "ouder_voogd", "datum", "reikwijdte", "verloopt", "notitie")))
    lines = []
    for media_id, notitie, datum in rows:
        datum = datum if isinstance(datum, date) else date.fromisoformat(str(datum)[:10])
        try:
            expires = datum.replace(year=datum.year + 2)
        except ValueError:  # 29 February
            expires = datum.replace(year=datum.year + 2, day=28)
        lines.append({"media_id": media_id, "persoon": OUDE_REGEL, "gegeven_door": "persoon", "ouder_voogd": "",
                      "datum": datum, "reikwijdte": "intern", "verloopt": max(expires, floor),
                      "notitie": notitie or ""})
    if lines:
        op.bulk_insert(table, lines)
    # A plain DROP COLUMN (SQLite 3.35 and later), as 0014: nothing indexes these two columns.
    op.drop_column("media", "toestemming_notitie")
    op.drop_column("media", "toestemming")


def downgrade() -> None:
    op.add_column("media", sa.Column("toestemming", sa.Boolean(), server_default=sa.false(), nullable=False))
    op.add_column("media", sa.Column("toestemming_notitie", sa.String(length=500), server_default="", nullable=False))
    op.execute(
        "UPDATE media SET toestemming = (geen_herkenbare_personen OR EXISTS (SELECT 1 FROM toestemmingen t "
        "WHERE t.media_id = media.id AND t.ingetrokken_op IS NULL)), "
        "toestemming_notitie = COALESCE((SELECT t.notitie FROM toestemmingen t WHERE t.media_id = media.id "
        "ORDER BY t.id LIMIT 1), '')")
    for column in ("opgeruimd_op", "transcript", "ondertitels", "poster", "geen_herkenbare_personen"):
        op.drop_column("media", column)  # plain DROP COLUMN, as in the upgrade
    op.drop_index(op.f("ix_toestemmingen_media_id"), table_name="toestemmingen")
    op.drop_table("toestemmingen")
