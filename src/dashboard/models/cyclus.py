"""The Woningwet's yearly cycle: each corporation's bod, the signatures under the afspraken, and a
geschil when talks do not lead to afspraken or afspraken are not kept (art. 44 Woningwet)."""
from __future__ import annotations

from datetime import date

from sqlalchemy import CheckConstraint, Date, Float, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from dashboard.models.afspraken import _in
from dashboard.models.base import Base

GESCHIL_ONDERWERPEN = ("totstandkoming", "nakoming")  # no afspraken within six months; afspraken not kept
GESCHIL_STATUSSEN = ("slapend", "voorbereid", "ingediend", "uitspraak", "ingetrokken")


class Bod(Base):
    """A corporation's bod for the afspraken of `jaar`: its planned contribution to the local
    policy, sent before the deadline in the year before. The document, and its key figures."""

    __tablename__ = "bods"
    id: Mapped[int] = mapped_column(primary_key=True)
    jaar: Mapped[int] = mapped_column(Integer, doc="the year the afspraken it feeds are for")
    partij_id: Mapped[int] = mapped_column(ForeignKey("partijen.id", ondelete="CASCADE"), index=True)
    ontvangen_op: Mapped[date] = mapped_column(Date)
    document: Mapped[str | None] = mapped_column(String(80), doc="the bod as sent, a stored PDF")
    document_naam: Mapped[str] = mapped_column(String(200), default="", doc="its file name as the sender gave it")
    samenvatting: Mapped[str] = mapped_column(Text, default="")
    cijfers: Mapped[list[BodCijfer]] = relationship(cascade="all, delete-orphan", order_by="BodCijfer.id")
    __table_args__ = (UniqueConstraint("jaar", "partij_id", name="uq_bod_jaar_partij"),)


class BodCijfer(Base):
    """One key figure of a bod ("120 sociale huurwoningen"), set beside the afspraak it bears on."""

    __tablename__ = "bod_cijfers"
    id: Mapped[int] = mapped_column(primary_key=True)
    bod_id: Mapped[int] = mapped_column(ForeignKey("bods.id", ondelete="CASCADE"), index=True)
    onderwerp: Mapped[str] = mapped_column(String(200))
    waarde: Mapped[float] = mapped_column(Float)
    eenheid: Mapped[str] = mapped_column(String(30), default="")
    afspraak_id: Mapped[int | None] = mapped_column(ForeignKey("afspraken.id", ondelete="SET NULL"))


class Ondertekening(Base):
    """Who signed the afspraken of `jaar` for one party, when, and as whom."""

    __tablename__ = "ondertekeningen"
    id: Mapped[int] = mapped_column(primary_key=True)
    jaar: Mapped[int] = mapped_column(Integer)
    partij_id: Mapped[int] = mapped_column(ForeignKey("partijen.id", ondelete="CASCADE"), index=True)
    datum: Mapped[date] = mapped_column(Date)
    naam: Mapped[str] = mapped_column(String(200))
    functie: Mapped[str] = mapped_column(String(200), doc="as whom: 'wethouder Wonen', 'directeur-bestuurder'")
    __table_args__ = (UniqueConstraint("jaar", "partij_id", name="uq_ondertekening_jaar_partij"),)


class Geschil(Base):
    """A request to the minister to settle a dispute (art. 44 lid 4 Woningwet), kept as a dossier
    from the moment a party considers it: 'slapend' until it is prepared or sent."""

    __tablename__ = "geschillen"
    id: Mapped[int] = mapped_column(primary_key=True)
    jaar: Mapped[int] = mapped_column(Integer)
    afspraak_id: Mapped[int | None] = mapped_column(ForeignKey("afspraken.id", ondelete="SET NULL"))
    verzoeker_id: Mapped[int] = mapped_column(ForeignKey("partijen.id", ondelete="CASCADE"))
    onderwerp: Mapped[str] = mapped_column(String(20), default="totstandkoming")
    geschilpunt: Mapped[str] = mapped_column(Text, doc="what the parties disagree on")
    standpunten: Mapped[str] = mapped_column(Text, default="", doc="each party's position")
    beleid: Mapped[str] = mapped_column(String(300), default="", doc="the woonvisie or volkshuisvestingsprogramma")
    status: Mapped[str] = mapped_column(String(20), default="slapend")
    aangemaakt_op: Mapped[date] = mapped_column(Date)
    ingediend_op: Mapped[date | None] = mapped_column(Date)
    toelichting: Mapped[str] = mapped_column(Text, default="")
    __table_args__ = (
        CheckConstraint(_in("onderwerp", GESCHIL_ONDERWERPEN), name="onderwerp"),
        CheckConstraint(_in("status", GESCHIL_STATUSSEN), name="status"),
    )
