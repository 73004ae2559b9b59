"""The stuurgroep: meetings with their ordered agenda, and the decisions taken by consent.

A besluit belongs to an agenda item. It records each party's position (consent, or an objection
with its reason and how it was handled), the outcome, a review date, and the change to an
afspraak it applies once it is aangenomen (kept with the old value: the afspraak's history).
"""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, CheckConstraint, Date, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from dashboard.models.afspraken import _in
from dashboard.models.base import Base

PUNT_SOORTEN = ("afspraak", "kpi")
UITKOMSTEN = ("aangenomen", "aangehouden")
POSITIES = ("instemming", "bezwaar")
VERWERKINGEN = ("", "voorstel_aangepast", "ingetrokken")  # "": the objection stands
WIJZIGINGEN = ("", "streefwaarde", "tot_jaar", "trekker")  # "": the decision changes no afspraak


class Vergadering(Base):
    """A stuurgroep meeting: its date, title and agenda; the deck is built from it."""

    __tablename__ = "vergaderingen"
    id: Mapped[int] = mapped_column(primary_key=True)
    datum: Mapped[date] = mapped_column(Date, index=True)
    titel: Mapped[str] = mapped_column(String(200))
    overzicht: Mapped[bool] = mapped_column(Boolean, default=True, doc="an overview slide per opgave")
    gebruiker: Mapped[str] = mapped_column(String(120), default="")
    punten: Mapped[list[Agendapunt]] = relationship(cascade="all, delete-orphan", order_by="Agendapunt.volgorde")


class Agendapunt(Base):
    """One item: an afspraak (kept by name too, so a removed afspraak still shows) or a KPI slide."""

    __tablename__ = "agendapunten"
    id: Mapped[int] = mapped_column(primary_key=True)
    vergadering_id: Mapped[int] = mapped_column(ForeignKey("vergaderingen.id", ondelete="CASCADE"), index=True)
    volgorde: Mapped[int] = mapped_column(Integer, default=0)
    soort: Mapped[str] = mapped_column(String(12), default="afspraak")
    afspraak_id: Mapped[int | None] = mapped_column(ForeignKey("afspraken.id", ondelete="SET NULL"), index=True)
    afspraak_naam: Mapped[str] = mapped_column(String(330), default="", doc="nummer and titel when added")
    indicator_id: Mapped[int | None] = mapped_column(ForeignKey("indicatoren.id", ondelete="SET NULL"))
    vraag: Mapped[str] = mapped_column(String(200), default="", doc="in one line: what is asked of the board")
    __table_args__ = (CheckConstraint(_in("soort", PUNT_SOORTEN), name="soort"),)


class Besluit(Base):
    """A decision on an agenda item, by consent; a change to the afspraak is applied at most once."""

    __tablename__ = "besluiten"
    id: Mapped[int] = mapped_column(primary_key=True)
    agendapunt_id: Mapped[int] = mapped_column(ForeignKey("agendapunten.id", ondelete="CASCADE"), index=True)
    datum: Mapped[date] = mapped_column(Date)
    voorstel: Mapped[str] = mapped_column(Text)
    uitkomst: Mapped[str] = mapped_column(String(12))
    vervolgstap: Mapped[str] = mapped_column(Text, default="")
    evaluatie: Mapped[date] = mapped_column(Date, doc="when to look at it again")
    wijziging: Mapped[str] = mapped_column(String(12), default="")
    nieuwe_waarde: Mapped[str] = mapped_column(String(200), default="")
    oude_waarde: Mapped[str] = mapped_column(String(200), default="")
    toegepast: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), doc="when the change was applied")
    gebruiker: Mapped[str] = mapped_column(String(120), default="")
    posities: Mapped[list[BesluitPositie]] = relationship(cascade="all, delete-orphan", order_by="BesluitPositie.id")
    __table_args__ = (
        CheckConstraint(_in("uitkomst", UITKOMSTEN), name="uitkomst"),
        CheckConstraint(_in("wijziging", WIJZIGINGEN), name="wijziging"),
    )


class BesluitPositie(Base):
    """One party's position on a proposal: consent, or an objection with its reason and handling."""

    __tablename__ = "besluit_posities"
    id: Mapped[int] = mapped_column(primary_key=True)
    besluit_id: Mapped[int] = mapped_column(ForeignKey("besluiten.id", ondelete="CASCADE"), index=True)
    partij_id: Mapped[int] = mapped_column(ForeignKey("partijen.id", ondelete="CASCADE"))
    positie: Mapped[str] = mapped_column(String(12))
    reden: Mapped[str] = mapped_column(Text, default="")
    verwerking: Mapped[str] = mapped_column(String(20), default="")
    verwerking_tekst: Mapped[str] = mapped_column(Text, default="")
    __table_args__ = (
        CheckConstraint(_in("positie", POSITIES), name="positie"),
        CheckConstraint(_in("verwerking", VERWERKINGEN), name="verwerking"),
        UniqueConstraint("besluit_id", "partij_id", name="uq_besluit_posities_partij"),
    )
