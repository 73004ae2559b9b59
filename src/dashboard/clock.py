"""One notion of time: stored as timezone-aware UTC, read by people in Dutch time.

SQLite hands datetimes back naive; `aware()` puts the UTC back. Whatever is shown to a person (a
page, the CLI's sentences, an export) goes through `local()` first, so a link made at 05:59 in
Amsterdam reads 05:59 and not 04:59 (UTC). Machine-readable output (`--json`) stays UTC: `iso()`.
"""
from __future__ import annotations

from datetime import date, datetime, timezone
from zoneinfo import ZoneInfo

ZONE = ZoneInfo("Europe/Amsterdam")  # the system's tz database, else the pip package tzdata
ZONE_NAME = "Nederlandse tijd"  # how the zone is named to a reader where it matters


def now() -> datetime:
    return datetime.now(timezone.utc)


def aware(moment: datetime | None) -> datetime | None:
    """A stored datetime as aware UTC (SQLite drops the zone; PostgreSQL keeps it)."""
    if moment is None or moment.tzinfo is not None:
        return moment
    return moment.replace(tzinfo=timezone.utc)


def local(moment: datetime) -> datetime:
    """A stored moment in Amsterdam time (+01:00 in winter, +02:00 in summer), for people to read."""
    return aware(moment).astimezone(ZONE)


def today() -> date:
    """Today's date in Amsterdam, also on a server that runs in UTC (00:30 here is 23:30 there)."""
    return now().astimezone(ZONE).date()


def iso(moment: datetime | None) -> str | None:
    """The machine-readable form (`--json`): ISO 8601 in UTC with its offset, to the second."""
    return aware(moment).astimezone(timezone.utc).isoformat(timespec="seconds") if moment else None
