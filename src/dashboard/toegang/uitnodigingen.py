"""Invitations: a beheerder invites a named person for a role and a partij, without e-mail or IT.

The link carries a token of 256 random bits, shown once; the database keeps only its sha256.
Opening it lets the person choose a password: that creates the account (with the invitation's
name, role and partij) and logs them in, all in one transaction. An invitation works once, until
it expires or is withdrawn; otherwise it says why in Dutch and creates nothing.

Reset links (herstel.py) are rows of the same table with soort "herstel": the same token, hash,
expiry, withdrawal and single use, for an account that exists. An invitation's token never opens
a reset and the other way round (`find` asks for the soort).
"""
from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select, update

from dashboard import audit, clock, formatting
from dashboard.db import Database
from dashboard.models import Partij, Uitnodiging
from dashboard.toegang import accounts, throttle, tokens

DEFAULT_DAYS = 7
MAX_DAYS = 60


class Refusal(enum.Enum):
    UNKNOWN = "onbekend"
    EXPIRED = "verlopen"
    WITHDRAWN = "ingetrokken"
    USED = "gebruikt"

    @property
    def message(self) -> str:
        return {
            Refusal.UNKNOWN: "Deze uitnodiging is niet geldig. Controleer of u de hele link hebt gekopieerd, of vraag "
                             "degene die u uitnodigde om een nieuwe uitnodiging.",
            Refusal.EXPIRED: "Deze uitnodiging is verlopen. Vraag degene die u uitnodigde om een nieuwe uitnodiging.",
            Refusal.WITHDRAWN: "Deze uitnodiging is ingetrokken en kan niet meer worden gebruikt. Vraag degene die u "
                               "uitnodigde om een nieuwe uitnodiging.",
            Refusal.USED: "Deze uitnodiging is al gebruikt: het account bestaat. Log in met uw gebruikersnaam en "
                          "wachtwoord, of vraag een beheerder om hulp.",
        }[self]

    @property
    def herstel_message(self) -> str:
        """The same refusal for a reset link (herstel.py)."""
        return {
            Refusal.UNKNOWN: "Deze link om een nieuw wachtwoord te kiezen is niet geldig. Controleer of u de hele link "
                             "hebt gekopieerd, of vraag een beheerder om een nieuwe link.",
            Refusal.EXPIRED: "Deze link om een nieuw wachtwoord te kiezen is verlopen. Vraag een beheerder om een "
                             "nieuwe link.",
            Refusal.WITHDRAWN: "Deze link om een nieuw wachtwoord te kiezen is ingetrokken en kan niet meer worden "
                               "gebruikt. Vraag een beheerder om een nieuwe link.",
            Refusal.USED: "Deze link om een nieuw wachtwoord te kiezen is al gebruikt. Log in met uw nieuwe wachtwoord, "
                          "of vraag een beheerder om een nieuwe link.",
        }[self]


class UitnodigingRefused(ValueError):
    """Taking up an invitation (or a reset link) was refused; nothing was changed. The message is Dutch
    and safe to show."""

    def __init__(self, refusal: Refusal, soort: str = "account"):
        super().__init__(refusal.herstel_message if soort == "herstel" else refusal.message)
        self.refusal = refusal


@dataclass(frozen=True)
class UitnodigingInfo:
    id: int
    naam: str
    rol: str
    partij: str | None
    created: datetime
    created_by: str
    expires: datetime
    withdrawn: datetime | None
    used: datetime | None
    soort: str = "account"  # or "herstel": a reset link for an existing account

    @property
    def state(self) -> str:
        if self.used:
            return "gebruikt"
        if self.withdrawn:
            return "ingetrokken"
        return "open" if self.expires > clock.now() else "verlopen"

    def as_json(self) -> dict:
        iso = clock.iso
        return {"id": self.id, "soort": self.soort, "naam": self.naam, "rol": self.rol, "partij": self.partij,
                "status": self.state,
                "created": iso(self.created), "created_by": self.created_by, "expires": iso(self.expires),
                "withdrawn": iso(self.withdrawn), "used": iso(self.used)}


def _info(row: Uitnodiging, partij: str | None) -> UitnodigingInfo:
    return UitnodigingInfo(row.id, row.naam, row.rol, partij, clock.aware(row.aangemaakt), row.aangemaakt_door,
                          clock.aware(row.verloopt), clock.aware(row.ingetrokken), clock.aware(row.gebruikt), row.soort)


def _partij_naam(session, partij_id: int | None) -> str | None:
    return session.scalar(select(Partij.naam).where(Partij.id == partij_id)) if partij_id else None


def url(base_url: str, token: str) -> str:
    """The address to hand over: the app with the token as `uitnodiging`."""
    return f"{base_url.rstrip('/')}/?uitnodiging={token}"


def create(db: Database, naam: str, rol: str, partij: str | None, door: str,
           days: int = DEFAULT_DAYS, adres: str | None = None) -> tuple[UitnodigingInfo, str]:
    """A new invitation and its token (shown once, never stored). AccountError says what is wrong."""
    if not isinstance(days, int) or not 1 <= days <= MAX_DAYS:
        raise accounts.AccountError(f"Een uitnodiging is 1 tot {MAX_DAYS} dagen geldig.")
    token, now = tokens.new(), clock.now()
    with db.session() as session:
        naam = accounts.check_new_name(session, naam)
        rol = accounts.check_role(rol)
        partij_id = accounts.partij_id(session, partij, rol)
        if session.scalar(select(Uitnodiging.id).where(
                Uitnodiging.soort == "account", func.lower(Uitnodiging.naam) == naam.lower(), Uitnodiging.gebruikt.is_(None),
                Uitnodiging.ingetrokken.is_(None), Uitnodiging.verloopt > now)):
            raise accounts.AccountError(f"Er staat al een open uitnodiging voor {naam!r}. Trek die eerst in, of "
                                        "kies een andere gebruikersnaam.")
        row = Uitnodiging(naam=naam, rol=rol, partij_id=partij_id, token_hash=tokens.digest(token), aangemaakt=now,
                          aangemaakt_door=door, verloopt=now + timedelta(days=days))
        session.add(row)
        session.flush()
        audit.record(session, door, "uitnodiging_gemaakt", f"uitnodiging {row.id}",
                     f"{naam}; rol {rol}; partij {partij or 'geen'}; {formatting.count(days, 'dag', 'dagen')}", adres=adres)
        return _info(row, _partij_naam(session, partij_id)), token


def find(session, token: str | None, now: datetime, soort: str = "account") -> Uitnodiging | Refusal:
    """The open link of this soort behind `token`, or why not."""
    if not token or len(token) > 200:
        return Refusal.UNKNOWN
    row = session.scalar(select(Uitnodiging).where(Uitnodiging.token_hash == tokens.digest(token),
                                                   Uitnodiging.soort == soort))
    if row is None:
        return Refusal.UNKNOWN
    if row.gebruikt is not None:
        return Refusal.USED
    if row.ingetrokken is not None:
        return Refusal.WITHDRAWN
    if clock.aware(row.verloopt) <= now:
        return Refusal.EXPIRED
    return row


def verify(db: Database, token: str | None) -> UitnodigingInfo | Refusal:
    """What this invitation offers (to show before the password is chosen), or why not."""
    with db.make_session() as session:
        found = find(session, token, clock.now())
        return found if isinstance(found, Refusal) else _info(found, _partij_naam(session, found.partij_id))


def accept(db: Database, token: str | None, wachtwoord: str, adres: str | None = None) -> str:
    """Create the invited account with this password and log it in: returns the session token.

    InvitationRefused (expired, withdrawn, used, unknown) or AccountError (a weak password, the name
    was taken meanwhile): nothing is created. Two browsers at once: only one wins (the update below).
    """
    now = clock.now()
    with db.session() as session:
        row = find(session, token, now)
        if isinstance(row, Refusal):
            raise UitnodigingRefused(row)
        user = accounts.new_account(session, row.naam, row.rol, wachtwoord, row.partij_id, door=f"uitnodiging {row.id}",
                                    adres=adres)
        taken = session.execute(update(Uitnodiging).where(Uitnodiging.id == row.id, Uitnodiging.gebruikt.is_(None))
                                .values(gebruikt=now, gebruiker_id=user.id))
        if taken.rowcount != 1:
            raise UitnodigingRefused(Refusal.USED)
        user.laatst_ingelogd = now
        audit.record(session, row.naam, "uitnodiging_gebruikt", f"uitnodiging {row.id}", f"account {user.naam}",
                     adres=adres)
        audit.record(session, user.naam, throttle.LOGGED_IN, user.naam, f"met uitnodiging {row.id}", adres=adres,
                     bump=False)
        return accounts.open_session(session, user, now)


def withdraw(db: Database, uitnodiging_id: int, door: str, adres: str | None = None) -> UitnodigingInfo:
    """Withdraw an open invitation or reset link: it stops working at once."""
    with db.session() as session:
        row = session.get(Uitnodiging, uitnodiging_id)
        if row is None:
            raise accounts.AccountError(f"Er is geen uitnodiging met nummer {uitnodiging_id}. `users invitations` toont ze.")
        if row.ingetrokken is None and row.gebruikt is None:
            row.ingetrokken = clock.now()
            if row.soort == "herstel":
                audit.record(session, door, "herstellink_ingetrokken", row.naam, f"herstellink {row.id}", adres=adres,
                             bump=False)
            else:
                audit.record(session, door, "uitnodiging_ingetrokken", f"uitnodiging {row.id}", row.naam, adres=adres)
        return _info(row, _partij_naam(session, row.partij_id))


def list_uitnodigingen(db: Database) -> list[UitnodigingInfo]:
    """Newest first; invitations and reset links (`soort`)."""
    with db.make_session() as session:
        return [_info(row, partij) for row, partij in session.execute(
            select(Uitnodiging, Partij.naam).outerjoin(Partij, Uitnodiging.partij_id == Partij.id)
            .order_by(Uitnodiging.id.desc()))]

