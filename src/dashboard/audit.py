"""Write the audit log, in the same transaction as the change it records: who, what, to which object.

Every recorded change also raises the data version, so no cached read outlives it.
"""
from __future__ import annotations

import json

from sqlalchemy.orm import Session

from dashboard import data_version
from dashboard.models import AuditLog


def record(session: Session, gebruiker: str, actie: str, object: str, details: dict | str | None = None) -> None:
    """`details` is a short text, or a dict of the submitted fields (stored as JSON)."""
    if isinstance(details, dict):
        details = json.dumps(details, ensure_ascii=False, default=str, sort_keys=True)
    session.add(AuditLog(gebruiker=gebruiker, actie=actie, object=object, details=details or ""))
    data_version.bump(session)
