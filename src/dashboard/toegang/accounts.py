"""Accounts: users with a role and optionally a partij, argon2 passwords, throttled login, login sessions.

A login session is a random token; the browser keeps it (signed) in a cookie, the database
keeps only its sha256 with an idle timeout and an absolute expiry, so logout and disabling a
user end it on the server. Messages never reveal whether a name exists.
"""
from __future__ import annotations

import functools
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, func, select, update

from dashboard import audit, clock
from dashboard.db import Database
from dashboard.models import Gebruiker, LoginSessie, MisluktLogin, Partij
from dashboard.toegang import access, tokens

IDLE_TIMEOUT = timedelta(minutes=60)
SESSION_LIFETIME = timedelta(hours=12)
THROTTLE_WINDOW = timedelta(minutes=15)
MAX_FAILURES_PER_NAME = 5
MAX_FAILURES_OVERALL = 100
MIN_PASSWORD_LENGTH = 10
_SEEN_EVERY = timedelta(minutes=1)  # last-seen writes at most this often

WRONG = "Gebruikersnaam of wachtwoord klopt niet. Controleer beide en probeer het opnieuw."
LOCKED = ("Te veel mislukte inlogpogingen. Wacht 15 minuten en probeer het dan opnieuw, "
          "of vraag een beheerder om hulp.")

# argon2-cffi's default profile (RFC 9106, low memory). The tests swap in argon2's cheapest profile
# (tests/conftest.py); one test holds this one to its real parameters.
hasher = PasswordHasher()


@functools.lru_cache(maxsize=1)
def _dummy_hash(used: PasswordHasher) -> str:
    """A hash to verify against for unknown names (the same work as for a real one); made on the first
    login, not at import, so a CLI command that never logs in does not pay for it."""
    return used.hash(secrets.token_urlsafe(16))


class AccountError(ValueError):
    """A request about accounts that cannot be done; the message is Dutch and safe to show."""


@dataclass(frozen=True)
class UserInfo:
    naam: str
    rol: str
    actief: bool
    aangemaakt: datetime | None
    laatst_ingelogd: datetime | None
    partij: str | None = None
    kan_inloggen: bool = True  # False: no password (the demo's respondents)

    def as_json(self) -> dict:
        return {"naam": self.naam, "rol": self.rol, "actief": self.actief, "partij": self.partij,
                "kan_inloggen": self.kan_inloggen, "aangemaakt": clock.iso(self.aangemaakt),
                "laatst_ingelogd": clock.iso(self.laatst_ingelogd)}


@dataclass(frozen=True)
class LoginResult:
    token: str | None  # the new session token on success
    message: str | None = None  # why not, in Dutch


def _check_name(naam: str) -> str:
    naam = (naam or "").strip()
    if not 1 <= len(naam) <= 120 or any(c.isspace() for c in naam):
        raise AccountError("Een gebruikersnaam heeft 1 tot 120 tekens en geen spaties.")
    return naam


def check_role(rol: str) -> str:
    if rol not in access.ROLES:
        raise AccountError(f"Onbekende rol {rol!r}. Kies uit: {', '.join(access.ROLES)}.")
    return rol


def _check_password(wachtwoord: str) -> str:
    if len(wachtwoord or "") < MIN_PASSWORD_LENGTH:
        raise AccountError(f"Een wachtwoord heeft minstens {MIN_PASSWORD_LENGTH} tekens.")
    return wachtwoord


def has_accounts(db: Database) -> bool:
    """Whether an account exists that can log in (accounts without a password do not count)."""
    with db.make_session() as session:
        return session.scalar(select(Gebruiker.id).where(Gebruiker.wachtwoord_hash.is_not(None)).limit(1)) is not None


def _info(user: Gebruiker, partij: str | None = None) -> UserInfo:
    return UserInfo(user.naam, user.rol, user.actief, clock.aware(user.aangemaakt),
                    clock.aware(user.laatst_ingelogd), partij, user.wachtwoord_hash is not None)


def list_users(db: Database) -> list[UserInfo]:
    with db.make_session() as session:
        return [_info(u, p) for u, p in session.execute(
            select(Gebruiker, Partij.naam).outerjoin(Partij, Gebruiker.partij_id == Partij.id).order_by(Gebruiker.naam))]


def partij_id(session, partij: str | None, rol: str) -> int | None:
    """The id of a partij named in a request; a partner must have one. AccountError when unknown."""
    partij = (partij or "").strip()
    if not partij:
        if rol in access.PARTY_ROLES:
            raise AccountError("Een partner hoort bij een partij. Kies de partij waarvoor deze persoon schrijft.")
        return None
    found = session.scalar(select(Partij.id).where(Partij.naam == partij))
    if found is None:
        raise AccountError(f"Er is geen partij {partij!r}. Kies een partij uit de lijst (zoals op de pagina Gegevens).")
    return found


def check_new_name(session, naam: str) -> str:
    naam = _check_name(naam)
    if session.scalar(select(Gebruiker.id).where(func.lower(Gebruiker.naam) == naam.lower())):
        raise AccountError(f"De gebruikersnaam {naam!r} bestaat al. Kies een andere naam.")
    return naam


def new_account(session, naam: str, rol: str, wachtwoord: str | None, partij_id: int | None, door: str) -> Gebruiker:
    """Add an account inside the caller's transaction. Without a password it can never log in."""
    naam, rol = check_new_name(session, naam), check_role(rol)
    if wachtwoord is not None:
        _check_password(wachtwoord)
    user = Gebruiker(naam=naam, rol=rol, wachtwoord_hash=hasher.hash(wachtwoord) if wachtwoord is not None else None,
                     actief=True, partij_id=partij_id)
    session.add(user)
    session.flush()
    audit.record(session, door, "gebruiker_toegevoegd", naam, f"rol {rol}" + (f"; partij {partij_id}" if partij_id else ""))
    return user


def add_user(db: Database, naam: str, rol: str, wachtwoord: str, door: str, partij: str | None = None) -> UserInfo:
    _check_name(naam), check_role(rol), _check_password(wachtwoord)
    with db.session() as session:
        user = new_account(session, naam, rol, wachtwoord, partij_id(session, partij, rol), door)
        return _info(user, (partij or "").strip() or None)


def add_first_beheerder(db: Database, naam: str, wachtwoord: str) -> UserInfo:
    """The setup screen: only while no account exists at all."""
    if has_accounts(db):
        raise AccountError("Er bestaat al een account. Log in, of vraag een beheerder om een account.")
    return add_user(db, naam, "beheerder", wachtwoord, door="installatie")


def _user(session, naam: str) -> Gebruiker:
    user = session.scalar(select(Gebruiker).where(Gebruiker.naam == (naam or "").strip()))
    if user is None:
        raise AccountError(f"Er is geen gebruiker met de naam {naam!r}. `users list` toont ze.")
    return user


def _other_active_beheerders(session, user: Gebruiker) -> int:
    return session.scalar(select(func.count(Gebruiker.id)).where(
        Gebruiker.rol == "beheerder", Gebruiker.actief.is_(True), Gebruiker.id != user.id))


def _end_sessions(session, user: Gebruiker) -> None:
    session.execute(update(LoginSessie).where(LoginSessie.gebruiker_id == user.id).values(ingetrokken=True))


def set_active(db: Database, naam: str, actief: bool, door: str) -> UserInfo:
    """Disable (ending every session of the user at once) or enable an account."""
    with db.session() as session:
        user = _user(session, naam)
        if not actief and user.rol == "beheerder" and not _other_active_beheerders(session, user):
            raise AccountError("Dit is de laatste actieve beheerder; maak eerst een andere beheerder aan.")
        user.actief = actief
        if not actief:
            _end_sessions(session, user)
        audit.record(session, door, "gebruiker_" + ("ingeschakeld" if actief else "uitgeschakeld"), user.naam)
        return _info(user)


def set_role(db: Database, naam: str, rol: str, door: str, partij: str | None = None) -> UserInfo:
    """Change the role and the partij (a partner needs one); the user's sessions see it on their next run."""
    rol = check_role(rol)
    with db.session() as session:
        user = _user(session, naam)
        if user.rol == "beheerder" and rol != "beheerder" and not _other_active_beheerders(session, user):
            raise AccountError("Dit is de laatste actieve beheerder; maak eerst een andere beheerder aan.")
        nieuw = partij_id(session, partij, rol)
        audit.record(session, door, "rol_gewijzigd", user.naam, f"{user.rol} -> {rol}; partij {user.partij_id} -> {nieuw}")
        user.rol, user.partij_id = rol, nieuw
        return _info(user, (partij or "").strip() or None)


def _locked(session, key: str, now: datetime) -> bool:
    since = now - THROTTLE_WINDOW
    per_name = session.scalar(select(func.count(MisluktLogin.id)).where(
        MisluktLogin.naam == key, MisluktLogin.tijdstip >= since))
    overall = session.scalar(select(func.count(MisluktLogin.id)).where(MisluktLogin.tijdstip >= since))
    return per_name >= MAX_FAILURES_PER_NAME or overall >= MAX_FAILURES_OVERALL


def login(db: Database, naam: str, wachtwoord: str) -> LoginResult:
    """Check name and password; on success a new session token. Locked names stay locked."""
    naam = (naam or "").strip()
    key, now = naam.lower()[:120], clock.now()
    with db.session() as session:
        if _locked(session, key, now):
            return LoginResult(None, LOCKED)
        user = session.scalar(select(Gebruiker).where(func.lower(Gebruiker.naam) == key))
        try:
            hasher.verify(user.wachtwoord_hash if user and user.wachtwoord_hash else _dummy_hash(hasher), wachtwoord or "")
            ok = user is not None and user.actief and user.wachtwoord_hash is not None
        except (VerificationError, InvalidHashError):
            ok = False
        if not ok:
            session.execute(delete(MisluktLogin).where(MisluktLogin.tijdstip < now - THROTTLE_WINDOW))
            session.add(MisluktLogin(naam=key, tijdstip=now))
            return LoginResult(None, WRONG)
        session.execute(delete(MisluktLogin).where(MisluktLogin.naam == key))
        if hasher.check_needs_rehash(user.wachtwoord_hash):
            user.wachtwoord_hash = hasher.hash(wachtwoord)
        user.laatst_ingelogd = now
        return LoginResult(open_session(session, user, now))


def open_session(session, user: Gebruiker, now: datetime) -> str:
    """A new login session for `user` inside the caller's transaction; returns its token."""
    session.execute(delete(LoginSessie).where(LoginSessie.verloopt < now - SESSION_LIFETIME))  # old rows
    token = tokens.new()
    session.add(LoginSessie(token_hash=tokens.digest(token), gebruiker_id=user.id, aangemaakt=now,
                            laatst_gezien=now, verloopt=now + SESSION_LIFETIME, ingetrokken=False))
    return token


def start_session(db: Database, naam: str) -> str:
    """A session for an existing active user without a password (setup screen, tests)."""
    with db.session() as session:
        user = _user(session, naam)
        if not user.actief:
            raise AccountError(f"De gebruiker {naam!r} is uitgeschakeld.")
        return open_session(session, user, clock.now())


def session_visitor(db: Database, token: str | None) -> access.Visitor | None:
    """The visitor behind a session token, or None if unknown, ended, idle too long or disabled."""
    if not token:
        return None
    now = clock.now()
    with db.session() as session:
        row = session.scalar(select(LoginSessie).where(LoginSessie.token_hash == tokens.digest(token)))
        if row is None or row.ingetrokken or not row.gebruiker.actief:
            return None
        if clock.aware(row.verloopt) <= now or clock.aware(row.laatst_gezien) + IDLE_TIMEOUT <= now:
            row.ingetrokken = True
            return None
        if now - clock.aware(row.laatst_gezien) >= _SEEN_EVERY:
            row.laatst_gezien = now
        user = row.gebruiker
        partij = session.get(Partij, user.partij_id) if user.partij_id else None
        return access.Visitor(name=user.naam, role=user.rol, partij_id=user.partij_id,
                              partij=partij.naam if partij else None, gebruiker_id=user.id)


def end_session(db: Database, token: str | None) -> None:
    """Logout: the token stops working everywhere, whatever the browser still holds."""
    if token:
        with db.session() as session:
            session.execute(update(LoginSessie).where(LoginSessie.token_hash == tokens.digest(token))
                            .values(ingetrokken=True))


def sso_role(email: str, roles: dict[str, str]) -> str | None:
    """The role for a single-sign-on address: the address itself, else its `@domain`, else none."""
    email = (email or "").strip().lower()
    if "@" not in email:
        return None
    mapping = {key.strip().lower(): value for key, value in roles.items()}
    role = mapping.get(email) or mapping.get("@" + email.split("@", 1)[1])
    return role if role in access.ROLES else None
