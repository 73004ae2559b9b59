"""The counted side: areas, parties, the indicator catalogue, observations, targets, import batches."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    false,
    func,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from dashboard.models.base import Base

NIVEAUS = ("land", "provincie", "gemeente", "wijk", "buurt")
PARTIJ_SOORTEN = ("gemeente", "corporatie", "huurdersorganisatie", "zorg", "welzijn", "politie", "overig")
RICHTINGEN = ("hoger", "lager", "neutraal")
AGGREGATIES = ("som", "gemiddelde", "laatste")
PERIODE_SOORTEN = ("jaar", "kwartaal", "maand")


class Gebied(Base):
    """A CBS area: land (NL01), provincie (PV00), gemeente (GM0000), wijk (WK000000) or buurt (BU00000000)."""

    __tablename__ = "gebieden"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(12), unique=True)
    naam: Mapped[str] = mapped_column(String(200))
    niveau: Mapped[str] = mapped_column(String(10))
    ouder_id: Mapped[int | None] = mapped_column(ForeignKey("gebieden.id"), index=True)
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    geometrie: Mapped[str | None] = mapped_column(Text, doc="GeoJSON geometry as text")
    ouder: Mapped[Gebied | None] = relationship(remote_side=[id])
    __table_args__ = (CheckConstraint(f"niveau IN {NIVEAUS}", name="niveau"),)


class Partij(Base):
    """A party in (or beside) the lokale driehoek."""

    __tablename__ = "partijen"
    id: Mapped[int] = mapped_column(primary_key=True)
    naam: Mapped[str] = mapped_column(String(200), unique=True)
    soort: Mapped[str] = mapped_column(String(30))
    code: Mapped[str | None] = mapped_column(String(40), unique=True)
    __table_args__ = (CheckConstraint(f"soort IN {PARTIJ_SOORTEN}", name="soort"),)


class Indicator(Base):
    """One KPI of the catalogue: everything the dashboard knows about a figure comes from here."""

    __tablename__ = "indicatoren"
    id: Mapped[int] = mapped_column(primary_key=True)
    sleutel: Mapped[str] = mapped_column(String(60), unique=True)
    naam: Mapped[str] = mapped_column(String(200))
    eenheid: Mapped[str] = mapped_column(String(40))
    richting: Mapped[str] = mapped_column(String(10), default="neutraal")
    aggregatie: Mapped[str] = mapped_column(String(12), default="som")
    categorie: Mapped[str] = mapped_column(String(60), default="")
    omschrijving: Mapped[str] = mapped_column(Text, default="")
    bron: Mapped[str] = mapped_column(String(200), default="")
    min_waarde: Mapped[float | None] = mapped_column(Float)
    max_waarde: Mapped[float | None] = mapped_column(Float)
    gewicht: Mapped[str | None] = mapped_column(String(60), doc="for gemiddelde: the key of the weighting indicator")
    __table_args__ = (
        CheckConstraint(f"richting IN {RICHTINGEN}", name="richting"),
        CheckConstraint(f"aggregatie IN {AGGREGATIES}", name="aggregatie"),
    )


class ImportBatch(Base):
    """One imported file: who, when, what it was, what it did."""

    __tablename__ = "import_batches"
    id: Mapped[int] = mapped_column(primary_key=True)
    bestandsnaam: Mapped[str] = mapped_column(String(255))
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    soort: Mapped[str] = mapped_column(String(20))
    formaat: Mapped[str] = mapped_column(String(20), default="")
    gebruiker: Mapped[str] = mapped_column(String(120), default="")
    tijdstip: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    status: Mapped[str] = mapped_column(String(20), default="committed")
    rows_new: Mapped[int] = mapped_column(Integer, default=0)
    rows_changed: Mapped[int] = mapped_column(Integer, default=0)
    rows_unchanged: Mapped[int] = mapped_column(Integer, default=0)
    rows_skipped_empty: Mapped[int] = mapped_column(Integer, default=0)
    # The first and last year of the file's values (observaties and streefwaarden). The committed
    # imports' years are the dashboard's year range: an undone one no longer counts, and a value a
    # later import overwrote keeps its year. An index on every observation's year would answer the
    # same, at a sort of every row per bulk import.
    jaar_van: Mapped[int | None] = mapped_column(Integer)
    jaar_tot: Mapped[int | None] = mapped_column(Integer)


class Observatie(Base):
    """A value for indicator x gebied x partij (NULL = all parties together) x periode."""

    __tablename__ = "observaties"
    id: Mapped[int] = mapped_column(primary_key=True)
    indicator_id: Mapped[int] = mapped_column(ForeignKey("indicatoren.id", ondelete="CASCADE"))
    gebied_id: Mapped[int] = mapped_column(ForeignKey("gebieden.id", ondelete="CASCADE"))
    partij_id: Mapped[int | None] = mapped_column(ForeignKey("partijen.id", ondelete="CASCADE"))
    periode: Mapped[str] = mapped_column(String(10))
    jaar: Mapped[int] = mapped_column(Integer)
    periode_soort: Mapped[str] = mapped_column(String(10))
    volgnummer: Mapped[int] = mapped_column(Integer)
    waarde: Mapped[float] = mapped_column(Float)
    # CBS's "2023*" and "2023**": a figure CBS may still revise; the next delivery without the star clears it.
    voorlopig: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("import_batches.id"))
    # A NULL partij counts as 0 in the key: a plain UNIQUE would let "all parties" repeat. Queries
    # use the key's (indicator_id, gebied_id) prefix. The key is the only index: each index more is
    # one more sort of every row after a bulk import. Only an undo asks for a batch's rows; it
    # reads the table for them (0.2 s per 1.4 million rows), which imports, far more frequent, no
    # longer pay for (0.5 s per 1.4 million rows, migration 0010).
    __table_args__ = (
        Index("uq_observaties_sleutel", "indicator_id", "gebied_id", text("coalesce(partij_id, 0)"), "periode",
              unique=True),
        # OR, not IN: SQLite evaluates an IN list through a temporary table on every inserted row.
        CheckConstraint(" OR ".join(f"periode_soort = '{s}'" for s in PERIODE_SOORTEN), name="periode_soort"),
    )


class Streefwaarde(Base):
    """A target for indicator x gebied x partij (NULL = all parties) x periode."""

    __tablename__ = "streefwaarden"
    id: Mapped[int] = mapped_column(primary_key=True)
    indicator_id: Mapped[int] = mapped_column(ForeignKey("indicatoren.id", ondelete="CASCADE"))
    gebied_id: Mapped[int] = mapped_column(ForeignKey("gebieden.id", ondelete="CASCADE"))
    partij_id: Mapped[int | None] = mapped_column(ForeignKey("partijen.id", ondelete="CASCADE"))
    periode: Mapped[str] = mapped_column(String(10))
    jaar: Mapped[int] = mapped_column(Integer)
    periode_soort: Mapped[str] = mapped_column(String(10))
    volgnummer: Mapped[int] = mapped_column(Integer)
    waarde: Mapped[float] = mapped_column(Float)
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("import_batches.id"), index=True)
    __table_args__ = (
        Index("uq_streefwaarden_sleutel", "indicator_id", "gebied_id", text("coalesce(partij_id, 0)"), "periode",
              unique=True),
    )


class DataVersie(Base):
    """One row: raised in the same transaction as every import, undo and edit (see data_version.py)."""

    __tablename__ = "data_versie"
    id: Mapped[int] = mapped_column(primary_key=True)
    versie: Mapped[int] = mapped_column(Integer)
