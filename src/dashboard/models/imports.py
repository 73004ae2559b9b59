"""What undo and the column mapping need: the values a batch overwrote, and remembered header mappings."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, Float, ForeignKey, Integer, String, Text, false, func
from sqlalchemy.orm import Mapped, mapped_column

from dashboard.models.base import Base


class ImportWijziging(Base):
    """One value a batch overwrote: the key, the old value and the batch that had written it.

    Values a batch added are not listed: they are the rows still carrying its batch_id.
    """

    __tablename__ = "import_wijzigingen"
    id: Mapped[int] = mapped_column(primary_key=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("import_batches.id", ondelete="CASCADE"), index=True)
    tabel: Mapped[str] = mapped_column(String(20))  # observaties or streefwaarden
    indicator_id: Mapped[int] = mapped_column(Integer)
    gebied_id: Mapped[int] = mapped_column(Integer)
    partij_id: Mapped[int | None] = mapped_column(Integer)
    periode: Mapped[str] = mapped_column(String(10))
    oude_waarde: Mapped[float] = mapped_column(Float)
    oude_batch_id: Mapped[int | None] = mapped_column(Integer, index=True)
    oude_voorlopig: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class Kolomkoppeling(Base):
    """A column mapping chosen on the page, remembered for every file with the same header row."""

    __tablename__ = "kolomkoppelingen"
    id: Mapped[int] = mapped_column(primary_key=True)
    indeling: Mapped[str] = mapped_column(String(16), unique=True)  # formats.layout(header)
    koppeling: Mapped[str] = mapped_column(Text)  # JSON {kolom: indicator sleutel, or "" to ignore}
    bijgewerkt: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now(),
                                                 onupdate=func.now())
