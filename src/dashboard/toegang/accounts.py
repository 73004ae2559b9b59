"""Accounts: users with a role and optionally a partij, argon2 passwords, throttled login, login sessions.

A login session is a random token; the browser keeps it (signed) in a cookie, the database
keeps only its sha256 with an idle timeout and an absolute expiry, so logout, a password change
or reset and disabling a user end it on the server. Messages never reveal whether a name exists.
Failed logins are slowed down per name and per client address (throttle.py), never for everybody;
every sign-in event goes to the audit log with the client's address.
"""
from __future__ import annotations

import functools
import os
import secrets
import threading
from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, func, select, update

from dashboard import audit, clock, formatting
from dashboard.db import Database
from dashboard.models import Gebruiker, LoginSessie, Partij, Uitnodiging
from dashboard.toegang import access, client, throttle, tokens, wachtwoorden

IDLE_TIMEOUT = timedelta(minutes=60)
SESSION_LIFETIME = timedelta(hours=12)
MIN_PASSWORD_LENGTH = wachtwoorden.MIN_LENGTH
PASSWORD_HELP = wachtwoorden.HELP
_SEEN_EVERY = timedelta(minutes=1)  # last-seen writes at most this often

WRONG = "Gebruikersnaam of wachtwoord klopt niet. Controleer beide en probeer het opnieuw."
WRONG_CURRENT = "Uw huidige wachtwoord klopt niet. Er is niets gewijzigd."
BUSY = ("Er wordt op dit moment erg veel geprobeerd in te loggen. Probeer het over een minuut opnieuw, of vraag een "
        "beheerder om hulp.")

# A password check (argon2) costs a core a tenth of a second or more: a flood of guesses would take
# every core, and slow down the logins of everyone. Logins from an address the account logged in
# from before check at once; all others (so every guess) share STRANGER_SLOTS checks at a time in
# this process, and one that finds no slot within STRANGER_WAIT seconds is told to try again soon.
STRANGER_SLOTS = max(1, (os.cpu_count() or 2) // 2)
STRANGER_WAIT = 5.0
_strangers = threading.BoundedSemaphore(STRANGER_SLOTS)

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


def check_password(wachtwoord: str | None, naam: str | None) -> str:
    """The one check for every password that is set (wachtwoorden.py); AccountError says why not."""
    try:
        return wachtwoorden.check(wachtwoord, naam)
    except wachtwoorden.WeakPassword as weak:
        raise AccountError(str(weak)) from None


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


def new_account(session, naam: str, rol: str, wachtwoord: str | None, partij_id: int | None, door: str,
                adres: str | None = None) -> Gebruiker:
    """Add an account inside the caller's transaction. Without a password it can never log in."""
    naam, rol = check_new_name(session, naam), check_role(rol)
    if wachtwoord is not None:
        check_password(wachtwoord, naam)
    user = Gebruiker(naam=naam, rol=rol, wachtwoord_hash=hasher.hash(wachtwoord) if wachtwoord is not None else None,
                     actief=True, partij_id=partij_id)
    session.add(user)
    session.flush()
    audit.record(session, door, "gebruiker_toegevoegd", naam, f"rol {rol}" + (f"; partij {partij_id}" if partij_id else ""),
                 adres=adres)
    return user


def add_user(db: Database, naam: str, rol: str, wachtwoord: str, door: str, partij: str | None = None,
             adres: str | None = None) -> UserInfo:
    check_role(rol), check_password(wachtwoord, _check_name(naam))
    with db.session() as session:
        user = new_account(session, naam, rol, wachtwoord, partij_id(session, partij, rol), door, adres=adres)
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


def end_sessions(session, user: Gebruiker) -> int:
    """End every session of `user` (a password change or reset, disabling); how many were open."""
    return session.execute(update(LoginSessie).where(LoginSessie.gebruiker_id == user.id,
                                                     LoginSessie.ingetrokken.is_(False))
                           .values(ingetrokken=True)).rowcount



def withdraw_reset_links(session, user: Gebruiker, now: datetime) -> int:
    """Open reset links of `user` stop working (a new one is made, the account is disabled)."""
    return session.execute(update(Uitnodiging).where(
        Uitnodiging.soort == "herstel", Uitnodiging.gebruiker_id == user.id, Uitnodiging.gebruikt.is_(None),
        Uitnodiging.ingetrokken.is_(None)).values(ingetrokken=now)).rowcount


def set_active(db: Database, naam: str, actief: bool, door: str, adres: str | None = None) -> UserInfo:
    """Disable (ending every session of the user and its open reset links at once) or enable an account."""
    with db.session() as session:
        user = _user(session, naam)
        if not actief and user.rol == "beheerder" and not _other_active_beheerders(session, user):
            raise AccountError("Dit is de laatste actieve beheerder; maak eerst een andere beheerder aan.")
        user.actief = actief
        details = None
        if not actief:
            ended, links = end_sessions(session, user), withdraw_reset_links(session, user, clock.now())
            details = (f"{formatting.count(ended, 'sessie', 'sessies')} beëindigd"
                       + (f"; {formatting.count(links, 'herstellink', 'herstellinks')} ingetrokken" if links else ""))
        audit.record(session, door, "gebruiker_" + ("ingeschakeld" if actief else "uitgeschakeld"), user.naam,
                     details, adres=adres)
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


def _verify(stored: str | None, wachtwoord: str | None) -> bool:
    """argon2 against the stored hash, or against a dummy hash for an unknown name (the same work)."""
    try:
        hasher.verify(stored or _dummy_hash(hasher), wachtwoord or "")
    except (VerificationError, InvalidHashError):
        return False
    return stored is not None


@dataclass(frozen=True)
class _Account:
    """What a login reads before the (slow) password check, outside any transaction."""
    id: int
    naam: str
    actief: bool
    wachtwoord_hash: str | None


def _account(session, key: str) -> _Account | None:
    user = session.scalar(select(Gebruiker).where(func.lower(Gebruiker.naam) == key))
    return _Account(user.id, user.naam, user.actief, user.wachtwoord_hash) if user else None


def _throttled(session, key: str, account: _Account | None, adres: str | None, now: datetime):
    """(the wait or None, the address's throttle key, whether the account logged in from this address)."""
    sleutel = client.throttle_key(adres, client.trusted())
    known = account is not None and throttle.known_address(session, account.naam, adres, now)
    return throttle.wait(session, key, sleutel, now, known=known), sleutel, known


def _verify_as_stranger(stored: str | None, wachtwoord: str | None) -> bool | None:
    """_verify within the strangers' share of the cores; None when no slot came free in time."""
    if not _strangers.acquire(timeout=STRANGER_WAIT):
        return None
    try:
        return _verify(stored, wachtwoord)
    finally:
        _strangers.release()


def _refused(db: Database, key: str, adres: str | None, wait: throttle.Wait, now: datetime) -> None:
    """A throttled attempt: in the audit log once per wait (a client that keeps knocking writes no more)."""
    with db.session() as session:
        if not throttle.refusal_recorded(session, key, adres, wait.since):
            audit.record(session, key, throttle.REFUSED, key, wait.details, adres=adres, bump=False)


def login(db: Database, naam: str, wachtwoord: str, adres: str | None = None) -> LoginResult:
    """Check name and password from client address `adres` (None: unknown); on success a new session
    token. A name or address that failed too often waits (throttle.py), and the message says how long.

    The argon2 check runs outside any transaction, so a flood of guesses does not hold the database."""
    naam = (naam or "").strip()
    key, now = naam.lower()[:120], clock.now()
    with db.make_session() as session:
        account = _account(session, key)
        wait, sleutel, known = _throttled(session, key, account, adres, now)
    if wait is not None:
        _refused(db, key, adres, wait, now)
        return LoginResult(None, wait.message)
    stored = account.wachtwoord_hash if account else None
    ok = _verify(stored, wachtwoord) if known else _verify_as_stranger(stored, wachtwoord)
    if ok is None:  # too busy: not checked, so not counted as a failure either
        return LoginResult(None, BUSY)
    ok = ok and account.actief
    rehash = ok and hasher.check_needs_rehash(account.wachtwoord_hash)
    new_hash = hasher.hash(wachtwoord) if rehash else None
    with db.session() as session:
        if not ok:
            throttle.record_failure(session, key, sleutel, now)
            why = ("geen account met deze naam" if account is None else "uitgeschakeld account" if not account.actief
                   else "geen wachtwoord (demo)" if account.wachtwoord_hash is None else "verkeerd wachtwoord")
            audit.record(session, key, "inloggen_mislukt", key, why, adres=adres, bump=False)
            return LoginResult(None, WRONG)
        user = session.get(Gebruiker, account.id)
        if user is None or not user.actief or user.wachtwoord_hash != account.wachtwoord_hash:
            return LoginResult(None, WRONG)  # changed while the password was checked: try again
        throttle.forget(session, key, sleutel)
        if new_hash:
            user.wachtwoord_hash = new_hash
        user.laatst_ingelogd = now
        audit.record(session, user.naam, throttle.LOGGED_IN, user.naam, adres=adres, bump=False)
        return LoginResult(open_session(session, user, now))


def set_password(session, user: Gebruiker, wachtwoord: str) -> int:
    """A new password for `user` inside the caller's transaction (checked, hashed); every session of
    the user ends. Returns how many sessions were open."""
    check_password(wachtwoord, user.naam)
    user.wachtwoord_hash = hasher.hash(wachtwoord)
    return end_sessions(session, user)


def change_password(db: Database, token: str | None, huidig: str, nieuw: str, adres: str | None = None) -> str:
    """A signed-in user changes their own password, giving the current one. Every session of the user
    ends (other browsers too); the caller's browser gets the returned new session token.

    AccountError says why not: not signed in, the current password wrong (a failed login for the
    throttle, so a borrowed session cannot guess it), a wait, or a weak new password."""
    now = clock.now()
    with db.make_session() as session:
        row = session.scalar(select(LoginSessie).where(LoginSessie.token_hash == tokens.digest(token or "")))
        if row is None or row.ingetrokken or not row.gebruiker.actief:
            raise AccountError("U bent niet (meer) ingelogd. Log opnieuw in en probeer het dan nog eens.")
        user = row.gebruiker
        account = _Account(user.id, user.naam, user.actief, user.wachtwoord_hash)
        key = user.naam.lower()
        wait, sleutel, _ = _throttled(session, key, account, adres, now)
    if wait is not None:
        _refused(db, key, adres, wait, now)
        raise AccountError(wait.message)
    if not _verify(account.wachtwoord_hash, huidig):
        with db.session() as session:
            throttle.record_failure(session, key, sleutel, now)
            audit.record(session, account.naam, "wachtwoord_wijzigen_mislukt", account.naam, "huidig wachtwoord klopt niet",
                         adres=adres, bump=False)
        raise AccountError(WRONG_CURRENT)
    check_password(nieuw, account.naam)
    if nieuw == huidig:
        raise AccountError("Het nieuwe wachtwoord is gelijk aan het huidige. Kies een ander wachtwoord.")
    with db.session() as session:
        user = session.get(Gebruiker, account.id)
        if user is None or user.wachtwoord_hash != account.wachtwoord_hash:
            raise AccountError("Uw wachtwoord is intussen al gewijzigd. Log opnieuw in en probeer het dan nog eens.")
        ended = set_password(session, user, nieuw)
        audit.record(session, user.naam, "wachtwoord_gewijzigd", user.naam,
                     f"{formatting.count(ended, 'sessie', 'sessies')} beëindigd",
                     adres=adres, bump=False)
        return open_session(session, user, now)


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


def end_session(db: Database, token: str | None, adres: str | None = None) -> None:
    """Logout: the token stops working everywhere, whatever the browser still holds."""
    if token:
        with db.session() as session:
            row = session.scalar(select(LoginSessie).where(LoginSessie.token_hash == tokens.digest(token)))
            if row is not None and not row.ingetrokken:
                row.ingetrokken = True
                audit.record(session, row.gebruiker.naam, "uitgelogd", row.gebruiker.naam, adres=adres, bump=False)


def sso_role(email: str, roles: dict[str, str]) -> str | None:
    """The role for a single-sign-on address: the address itself, else its `@domain`, else none."""
    email = (email or "").strip().lower()
    if "@" not in email:
        return None
    mapping = {key.strip().lower(): value for key, value in roles.items()}
    role = mapping.get(email) or mapping.get("@" + email.split("@", 1)[1])
    return role if role in access.ROLES else None
