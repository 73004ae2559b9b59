"""The audit log: who changed what, when. Shared by every part that changes something."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, String, Text, func
from sqlalchemy.orm import Mapped, mapped_column

from dashboard.models.base import Base


class AuditRegel(Base):
    """One change: `actie` is a short verb (gebruiker_toegevoegd, deellink_ingetrokken ...)."""

    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(primary_key=True)
    tijdstip: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now(), index=True)
    gebruiker: Mapped[str] = mapped_column(String(200))
    actie: Mapped[str] = mapped_column(String(60))
    object: Mapped[str] = mapped_column(String(200))
    details: Mapped[str | None] = mapped_column(Text)
