"""Writing to the audit log, in the same transaction as the change it describes."""
from __future__ import annotations

from sqlalchemy.orm import Session

from dashboard.models import AuditRegel


def record(session: Session, gebruiker: str, actie: str, object: str, details: str | None = None) -> None:
    session.add(AuditRegel(gebruiker=gebruiker, actie=actie, object=object, details=details))
