"""The audit log: one row per change, who did it and to what (the access branch shares this table);
also every sign-in event (logins, failures, throttled attempts, password changes and resets), with
the client's network address."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, String, Text, func
from sqlalchemy.orm import Mapped, mapped_column

from dashboard.models.base import Base


class AuditLog(Base):
    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(primary_key=True)
    tijdstip: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now(), index=True)
    gebruiker: Mapped[str] = mapped_column(String(120), default="")
    actie: Mapped[str] = mapped_column(String(60))
    object: Mapped[str] = mapped_column(String(200), default="")
    details: Mapped[str] = mapped_column(Text, default="")
    adres: Mapped[str | None] = mapped_column(String(64), index=True, doc="the client's address (sign-in events)")
