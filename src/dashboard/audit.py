"""Write the audit log: every change says who, what, to which object, with the details as JSON."""
from __future__ import annotations

import json

from sqlalchemy.orm import Session

from dashboard.models import AuditLog


def record(session: Session, gebruiker: str, actie: str, object: str, details: dict | None = None) -> None:
    session.add(AuditLog(gebruiker=gebruiker, actie=actie, object=object,
                         details=json.dumps(details or {}, ensure_ascii=False, default=str, sort_keys=True)))
