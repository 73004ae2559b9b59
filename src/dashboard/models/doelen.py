"""The targets the local agreements serve: national, regional, a gemeente's own or a corporation's."""
from __future__ import annotations

from datetime import date

from sqlalchemy import CheckConstraint, Date, Float, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from dashboard.models.afspraken import _in
from dashboard.models.base import Base

DOEL_NIVEAUS = ("nationaal", "regio", "gemeente", "corporatie")
# What a target's waarde counts: a number of things from `vanaf` through `peiljaar`, a number every
# year, a share (of the indicator's denominator), or none left by the end of `peiljaar`.
DOEL_SOORTEN = ("aantal", "per_jaar", "aandeel", "nul")


class Doel(Base):
    """One target from the library (data/doelen.csv at first, then the beheerder's), with its source.

    `indicator` names the catalogue key that measures it locally, or "teller/noemer" for a share
    of two indicators (sociale huur in nieuwbouw: nieuwbouw_sociaal/nieuwbouw_opgeleverd).
    A target that a later one updates keeps its row and names the later code in `vervangen_door`.
    """

    __tablename__ = "doelen"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(60), unique=True)
    naam: Mapped[str] = mapped_column(String(300))
    niveau: Mapped[str] = mapped_column(String(20))
    thema: Mapped[str] = mapped_column(String(60), default="")
    soort: Mapped[str] = mapped_column(String(20))
    waarde: Mapped[float] = mapped_column(Float)
    eenheid: Mapped[str] = mapped_column(String(30), default="")
    vanaf: Mapped[int | None] = mapped_column(Integer, doc="the first year that counts")
    peiljaar: Mapped[int] = mapped_column(Integer, doc="the year by whose end it should be reached")
    indicator: Mapped[str] = mapped_column(String(120), default="")
    gebied: Mapped[str] = mapped_column(String(200), default="", doc="region, gemeente or corporation it binds")
    bron: Mapped[str] = mapped_column(String(300))
    bron_datum: Mapped[date] = mapped_column(Date)
    vervangen_door: Mapped[str] = mapped_column(String(60), default="")
    toelichting: Mapped[str] = mapped_column(Text, default="")
    __table_args__ = (
        CheckConstraint(_in("niveau", DOEL_NIVEAUS), name="niveau"),
        CheckConstraint(_in("soort", DOEL_SOORTEN), name="soort"),
    )
