"""The login throttle: growing waits per account name and per client address, never for everybody.

Every failed login is kept for WINDOW with the name as typed (lower case) and the client's
address (client.throttle_key). A name may fail FREE_PER_NAME times, an address FREE_PER_ADDRESS
times (an office behind one address has many people); after that every further attempt waits,
from the last failure, FIRST_WAIT, then twice as long for each failure more, at most MAX_WAIT. A
refused attempt is not checked and does not count, so hammering does not make the wait longer
(and costs no password hash). The longer of the two waits applies.

What an attacker can no longer do:
- lock out everybody: there is no count over all names; guesses at made-up names from made-up
  addresses slow down only those names and addresses;
- lock out a known user: once an account has logged in from an address (an `ingelogd` row in the
  audit log, within KNOWN_FOR), only the failures of that name from that address count there, so
  guesses at "anna" from elsewhere, and guesses at other names from anna's office, do not slow
  anna down at her own desk. From a new address anna waits like anybody would.

The message says how long to wait and, for a name and for an unknown name alike, the same thing:
it never tells whether the name exists.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, func, select

from dashboard import clock, formatting
from dashboard.models import AuditLog, MisluktLogin

WINDOW = timedelta(hours=1)
FREE_PER_NAME = 5
FREE_PER_ADDRESS = 20
FIRST_WAIT = timedelta(seconds=30)
MAX_WAIT = timedelta(minutes=15)
KNOWN_FOR = timedelta(days=30)
LOGGED_IN = "ingelogd"  # the audit action of a successful login
REFUSED = "inloggen_vertraagd"  # the audit action of an attempt refused by the throttle


def delay(failures: int, free: int) -> timedelta | None:
    """The wait after `failures` failures when `free` are allowed: none, then 30 s, 1 min, 2 min ... 15 min."""
    if failures < free:
        return None
    return min(FIRST_WAIT * 2 ** min(failures - free, 20), MAX_WAIT)


def duration(seconds: float) -> str:
    """'45 seconden', '1 minuut', '15 minuten': rounded up, so the promise holds."""
    whole = max(1, math.ceil(seconds))
    if whole < 60:
        return formatting.count(whole, "seconde", "seconden")
    return formatting.count(math.ceil(whole / 60), "minuut", "minuten")


@dataclass(frozen=True)
class Wait:
    seconds: float
    reason: str  # "naam" or "adres"
    failures: int
    since: datetime  # the failure the wait is counted from

    @property
    def message(self) -> str:
        if self.reason == "adres":
            return (f"Te veel mislukte inlogpogingen vanaf dit netwerkadres. Wacht nog {duration(self.seconds)} en "
                    "probeer het dan opnieuw, of vraag een beheerder om hulp.")
        return (f"Te veel mislukte inlogpogingen met deze gebruikersnaam. Wacht nog {duration(self.seconds)} en "
                "probeer het dan opnieuw. Weet u uw wachtwoord niet meer? Vraag een beheerder om een link om een "
                "nieuw wachtwoord te kiezen.")

    @property
    def details(self) -> str:
        who = "deze naam" if self.reason == "naam" else "dit adres"
        return (f"{formatting.count(self.failures, 'mislukte poging', 'mislukte pogingen')} van {who} in het laatste "
                f"uur; wacht nog {math.ceil(self.seconds)} s")


def known_address(session, naam: str | None, adres: str | None, now: datetime) -> bool:
    """Whether account `naam` logged in from exactly this address within KNOWN_FOR."""
    if not naam or not adres:
        return False
    return session.scalar(select(AuditLog.id).where(
        AuditLog.adres == adres, AuditLog.actie == LOGGED_IN, AuditLog.gebruiker == naam,
        AuditLog.tijdstip >= now - KNOWN_FOR).limit(1)) is not None


def _failures(session, *conditions) -> tuple[int, datetime | None]:
    count, last = session.execute(select(func.count(MisluktLogin.id), func.max(MisluktLogin.tijdstip))
                                  .where(*conditions)).one()
    return count or 0, last


def _wait(count: int, last: datetime | None, free: int, reason: str, now: datetime) -> Wait | None:
    pause = delay(count, free)
    if pause is None or last is None:
        return None
    left = (clock.aware(last) + pause - now).total_seconds()
    return Wait(left, reason, count, clock.aware(last)) if left > 0 else None


def wait(session, naam: str, adres_key: str | None, now: datetime, known: bool = False) -> Wait | None:
    """The wait before this name may be tried from this address, or None. `naam` is the lower-cased
    name as typed; `known`: the account logged in from this address before (known_address)."""
    since = MisluktLogin.tijdstip >= now - WINDOW
    if known and adres_key:
        return _wait(*_failures(session, since, MisluktLogin.naam == naam, MisluktLogin.adres == adres_key),
                     FREE_PER_NAME, "naam", now)
    waits = [_wait(*_failures(session, since, MisluktLogin.naam == naam), FREE_PER_NAME, "naam", now)]
    if adres_key:
        waits.append(_wait(*_failures(session, since, MisluktLogin.adres == adres_key), FREE_PER_ADDRESS, "adres", now))
    return max((w for w in waits if w), key=lambda w: w.seconds, default=None)


def record_failure(session, naam: str, adres_key: str | None, now: datetime) -> None:
    session.add(MisluktLogin(naam=naam[:120], adres=adres_key, tijdstip=now))
    session.execute(delete(MisluktLogin).where(MisluktLogin.tijdstip < now - WINDOW))


def forget(session, naam: str, adres_key: str | None) -> None:
    """After a successful login: the user's own typos from this address are forgotten. Failures of the
    name from elsewhere (someone guessing) and of other names from this address stay."""
    session.execute(delete(MisluktLogin).where(
        MisluktLogin.naam == naam[:120],
        MisluktLogin.adres == adres_key if adres_key else MisluktLogin.adres.is_(None)))


def refusal_recorded(session, naam: str, adres: str | None, since: datetime) -> bool:
    """Whether a refused attempt for this name from this address is already in the audit log for the
    current wait: a client that keeps knocking writes one line per wait, not one per knock."""
    return session.scalar(select(AuditLog.id).where(
        AuditLog.actie == REFUSED, AuditLog.gebruiker == naam[:120],
        AuditLog.adres == adres if adres else AuditLog.adres.is_(None), AuditLog.tijdstip >= since).limit(1)) is not None
