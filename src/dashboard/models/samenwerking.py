"""The samenwerkingsmonitor: once a year each account of a party answers a few statements (1-5)."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from dashboard.models.base import Base


class Inzending(Base):
    """One account's answer for one year, counted for the party it spoke for. Answering again updates it."""

    __tablename__ = "samenwerking_inzendingen"
    id: Mapped[int] = mapped_column(primary_key=True)
    gebruiker_id: Mapped[int] = mapped_column(ForeignKey("gebruikers.id", ondelete="CASCADE"))
    partij_id: Mapped[int] = mapped_column(ForeignKey("partijen.id", ondelete="CASCADE"), index=True)
    jaar: Mapped[int] = mapped_column(Integer, index=True)
    opmerking: Mapped[str] = mapped_column(Text, default="", doc="open remarks, shown without names")
    bijgewerkt: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    scores: Mapped[list[Score]] = relationship(cascade="all, delete-orphan")
    __table_args__ = (UniqueConstraint("gebruiker_id", "jaar", name="uq_samenwerking_een_per_jaar"),)


class Score(Base):
    """How much one respondent agrees with one statement: 1 (helemaal oneens) to 5 (helemaal eens)."""

    __tablename__ = "samenwerking_scores"
    inzending_id: Mapped[int] = mapped_column(ForeignKey("samenwerking_inzendingen.id", ondelete="CASCADE"),
                                              primary_key=True)
    stelling: Mapped[str] = mapped_column(String(40), primary_key=True)
    score: Mapped[int] = mapped_column(Integer)
    __table_args__ = (CheckConstraint("score BETWEEN 1 AND 5", name="score"),)
