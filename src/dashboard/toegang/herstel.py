"""Reset links: a beheerder lets a user who forgot their password choose a new one, without e-mail.

Made like an invitation (uitnodigingen.py, the same table with soort "herstel"): 256 random bits,
shown once, stored as sha256, valid for DEFAULT_DAYS (at most MAX_DAYS), one use, withdrawable; a
new link for the same user withdraws the open one, and so does disabling the account. Opening
`/?herstel=TOKEN` lets the user choose a new password (the rules of wachtwoorden.py): every session
of the user ends, and this browser is logged in with a new one. Issued, used and withdrawn links
are in the audit log, with the address of whoever did it.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select, update

from dashboard import audit, clock, formatting
from dashboard.db import Database
from dashboard.models import Gebruiker, Uitnodiging
from dashboard.toegang import accounts, client, throttle, tokens, uitnodigingen
from dashboard.toegang.uitnodigingen import Refusal, UitnodigingInfo, UitnodigingRefused

DEFAULT_DAYS = 2
MAX_DAYS = 7
PARAM = "herstel"


@dataclass(frozen=True)
class HerstelInfo:
    """What the link page shows before the new password is chosen."""
    id: int
    naam: str
    expires: datetime


def url(base_url: str, token: str) -> str:
    """The address to hand over: the app with the token as `herstel`."""
    return f"{base_url.rstrip('/')}/?{PARAM}={token}"


def create(db: Database, naam: str, door: str, days: int = DEFAULT_DAYS,
           adres: str | None = None) -> tuple[UitnodigingInfo, str]:
    """A reset link for an existing, active account that can log in, and its token (shown once)."""
    if not isinstance(days, int) or not 1 <= days <= MAX_DAYS:
        raise accounts.AccountError(f"Een link om een nieuw wachtwoord te kiezen is 1 tot {MAX_DAYS} dagen geldig.")
    token, now = tokens.new(), clock.now()
    with db.session() as session:
        user = session.scalar(select(Gebruiker).where(Gebruiker.naam == (naam or "").strip()))
        if user is None:
            raise accounts.AccountError(f"Er is geen gebruiker met de naam {naam!r}. `users list` toont ze.")
        if not user.actief:
            raise accounts.AccountError(f"De gebruiker {user.naam!r} is uitgeschakeld. Schakel het account eerst weer in.")
        if user.wachtwoord_hash is None:
            raise accounts.AccountError(f"De gebruiker {user.naam!r} kan niet inloggen (een demo-account zonder "
                                        "wachtwoord); daarvoor is geen nieuw wachtwoord te kiezen.")
        replaced = accounts.withdraw_reset_links(session, user, now)
        row = Uitnodiging(soort="herstel", naam=user.naam, rol=user.rol, partij_id=user.partij_id, gebruiker_id=user.id,
                          token_hash=tokens.digest(token), aangemaakt=now, aangemaakt_door=door,
                          verloopt=now + timedelta(days=days))
        session.add(row)
        session.flush()
        audit.record(session, door, "herstellink_gemaakt", user.naam,
                     f"herstellink {row.id}; {formatting.count(days, 'dag', 'dagen')}"
                     + (f"; vervangt {formatting.count(replaced, 'open link', 'open links')}" if replaced else ""),
                     adres=adres, bump=False)
        return uitnodigingen._info(row, None), token


def verify(db: Database, token: str | None) -> HerstelInfo | Refusal:
    """Whose password this link resets (to show before the new one is chosen), or why not."""
    with db.make_session() as session:
        found = uitnodigingen.find(session, token, clock.now(), soort="herstel")
        if isinstance(found, Refusal):
            return found
        return HerstelInfo(found.id, found.naam, clock.aware(found.verloopt))


def accept(db: Database, token: str | None, wachtwoord: str, adres: str | None = None) -> str:
    """Set the new password, end every session of the user, log this browser in: the new session token.

    UitnodigingRefused (with the reset link's message) or AccountError (a weak password): nothing changed."""
    now = clock.now()
    with db.session() as session:
        row = uitnodigingen.find(session, token, now, soort="herstel")
        if isinstance(row, Refusal):
            raise UitnodigingRefused(row, soort="herstel")
        user = session.get(Gebruiker, row.gebruiker_id) if row.gebruiker_id else None
        if user is None or not user.actief:
            raise UitnodigingRefused(Refusal.WITHDRAWN, soort="herstel")
        accounts.check_password(wachtwoord, user.naam)
        taken = session.execute(update(Uitnodiging).where(
            Uitnodiging.id == row.id, Uitnodiging.gebruikt.is_(None)).values(gebruikt=now))
        if taken.rowcount != 1:
            raise UitnodigingRefused(Refusal.USED, soort="herstel")
        ended = accounts.set_password(session, user, wachtwoord)
        throttle.forget(session, user.naam.lower(), client.throttle_key(adres, client.trusted()))
        user.laatst_ingelogd = now
        audit.record(session, user.naam, "herstellink_gebruikt", user.naam,
                     f"herstellink {row.id}; nieuw wachtwoord; {formatting.count(ended, 'sessie', 'sessies')} beëindigd",
                     adres=adres, bump=False)
        audit.record(session, user.naam, throttle.LOGGED_IN, user.naam, f"met herstellink {row.id}", adres=adres,
                     bump=False)
        return accounts.open_session(session, user, now)
