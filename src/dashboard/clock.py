"""One notion of now: timezone-aware UTC, also for SQLite, which hands datetimes back naive."""
from __future__ import annotations

from datetime import datetime, timezone


def now() -> datetime:
    return datetime.now(timezone.utc)


def aware(moment: datetime | None) -> datetime | None:
    """A stored datetime as aware UTC (SQLite drops the zone; PostgreSQL keeps it)."""
    if moment is None or moment.tzinfo is not None:
        return moment
    return moment.replace(tzinfo=timezone.utc)
