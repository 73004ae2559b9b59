"""Write the audit log, in the same transaction as the change it records: who, what, to which object,
and for sign-in events from which address. Read it back for the page Beheer (filters, CSV).

Every recorded change also raises the data version, so no cached read outlives it. Sign-in events
(`bump=False`) change nothing a cached read shows: a flood of failed logins must not empty every
viewer's cache.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

import pandas as pd
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from dashboard import clock, data_version
from dashboard.models import AuditLog

# The sign-in events (toegang/accounts.py, herstel.py): the page Beheer offers them as a group.
AANMELDEN = ("ingelogd", "inloggen_mislukt", "inloggen_vertraagd", "uitgelogd", "wachtwoord_gewijzigd",
             "wachtwoord_wijzigen_mislukt", "herstellink_gemaakt", "herstellink_gebruikt", "herstellink_ingetrokken",
             "gebruiker_uitgeschakeld")
COLUMNS = ("tijdstip", "gebruiker", "actie", "object", "adres", "details")


def record(session: Session, gebruiker: str, actie: str, object: str, details: dict | str | None = None,
           adres: str | None = None, bump: bool = True) -> None:
    """`details` is a short text, or a dict of the submitted fields (stored as JSON)."""
    if isinstance(details, dict):
        details = json.dumps(details, ensure_ascii=False, default=str, sort_keys=True)
    session.add(AuditLog(tijdstip=clock.now(), gebruiker=(gebruiker or "")[:120], actie=actie,
                         object=(object or "")[:200], details=details or "", adres=adres))
    if bump:
        data_version.bump(session)


@dataclass(frozen=True)
class Filter:
    acties: tuple[str, ...] = ()  # empty: every action
    gebruiker: str = ""  # part of the name, case-insensitive; empty: everybody
    van: datetime | None = None  # from this moment (inclusive)
    tot: datetime | None = None  # until this moment (exclusive)


def _where(query, chosen: Filter):
    if chosen.acties:
        query = query.where(AuditLog.actie.in_(chosen.acties))
    if chosen.gebruiker.strip():
        pattern = "%" + chosen.gebruiker.strip().lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        query = query.where(func.lower(AuditLog.gebruiker).like(pattern, escape="\\"))
    if chosen.van is not None:
        query = query.where(AuditLog.tijdstip >= chosen.van)
    if chosen.tot is not None:
        query = query.where(AuditLog.tijdstip < chosen.tot)
    return query


def acties(session: Session) -> list[str]:
    """Every action in the log, sorted: what the filter offers."""
    return sorted(set(session.scalars(select(AuditLog.actie).distinct())) | set(AANMELDEN))


def count(session: Session, chosen: Filter) -> int:
    return session.scalar(_where(select(func.count(AuditLog.id)), chosen)) or 0


def rows(session: Session, chosen: Filter, limit: int | None = None) -> pd.DataFrame:
    """The matching rows, newest first, with the moment in Dutch time (as people read it)."""
    query = _where(select(AuditLog.tijdstip, AuditLog.gebruiker, AuditLog.actie, AuditLog.object, AuditLog.adres,
                          AuditLog.details), chosen).order_by(AuditLog.id.desc())
    if limit is not None:
        query = query.limit(limit)
    found = session.execute(query).all()
    frame = pd.DataFrame(found, columns=list(COLUMNS))
    frame["tijdstip"] = [f"{clock.local(moment):%Y-%m-%d %H:%M:%S}" for moment in frame["tijdstip"]]
    frame["adres"] = frame["adres"].fillna("")
    return frame
