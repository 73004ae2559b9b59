"""Access: accounts, their login sessions, share links, invitations and failed logins (for throttling).

Secrets are never stored: passwords as argon2 hashes, session and share tokens as sha256.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, CheckConstraint, DateTime, ForeignKey, String, Text, func
from sqlalchemy.orm import Mapped, mapped_column, relationship

from dashboard.models.base import Base

ROLLEN = ("beheerder", "redacteur", "gegevensbeheerder", "lezer", "partner")


class Gebruiker(Base):
    """An account with one role, optionally of one partij (a partner writes only for its party)."""

    __tablename__ = "gebruikers"
    id: Mapped[int] = mapped_column(primary_key=True)
    naam: Mapped[str] = mapped_column(String(120), unique=True)
    rol: Mapped[str] = mapped_column(String(20))
    wachtwoord_hash: Mapped[str | None] = mapped_column(String(255), doc="None: cannot log in (demo respondents)")
    partij_id: Mapped[int | None] = mapped_column(ForeignKey("partijen.id", ondelete="SET NULL"), index=True)
    actief: Mapped[bool] = mapped_column(Boolean, default=True)
    aangemaakt: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    laatst_ingelogd: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    __table_args__ = (CheckConstraint(f"rol IN {ROLLEN}", name="rol"),)


class LoginSessie(Base):
    """A logged-in browser; the cookie holds the token, the database only its hash."""

    __tablename__ = "login_sessies"
    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    gebruiker_id: Mapped[int] = mapped_column(ForeignKey("gebruikers.id", ondelete="CASCADE"), index=True)
    aangemaakt: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    laatst_gezien: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    verloopt: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    ingetrokken: Mapped[bool] = mapped_column(Boolean, default=False)
    gebruiker: Mapped[Gebruiker] = relationship()


class DeelLink(Base):
    """A read-only link for visitors without an account (councillors), limited in scope and time."""

    __tablename__ = "deel_links"
    id: Mapped[int] = mapped_column(primary_key=True)
    label: Mapped[str] = mapped_column(String(200))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    paginas: Mapped[str] = mapped_column(Text, doc="page keys, comma-separated")
    gebied_code: Mapped[str | None] = mapped_column(String(12))
    downloads: Mapped[bool] = mapped_column(Boolean, default=True)
    aangemaakt: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    aangemaakt_door: Mapped[str] = mapped_column(String(200))
    verloopt: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    ingetrokken: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    laatst_gebruikt: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class MisluktLogin(Base):
    """One failed login, by (lower-cased) name as typed and by the client's address: the throttle
    counts these (toegang/throttle.py)."""

    __tablename__ = "mislukte_logins"
    id: Mapped[int] = mapped_column(primary_key=True)
    naam: Mapped[str] = mapped_column(String(120), index=True)
    tijdstip: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    adres: Mapped[str | None] = mapped_column(String(64), index=True, doc="client.throttle_key: an IPv4 address or "
                                                                             "an IPv6 /64; None when unknown")


SOORTEN = ("account", "herstel")


class Uitnodiging(Base):
    """A one-time link: an invitation (soort "account") lets a named person choose a password for a new
    account (role, partij); a reset link (soort "herstel") lets an existing user choose a new one."""

    __tablename__ = "uitnodigingen"
    id: Mapped[int] = mapped_column(primary_key=True)
    soort: Mapped[str] = mapped_column(String(10), default="account", server_default="account")
    naam: Mapped[str] = mapped_column(String(120), doc="the user name the account will get")
    rol: Mapped[str] = mapped_column(String(20))
    partij_id: Mapped[int | None] = mapped_column(ForeignKey("partijen.id", ondelete="SET NULL"))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    aangemaakt: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    aangemaakt_door: Mapped[str] = mapped_column(String(200))
    verloopt: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    ingetrokken: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    gebruikt: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    gebruiker_id: Mapped[int | None] = mapped_column(ForeignKey("gebruikers.id", ondelete="SET NULL"),
                                                     doc="the account made (account) or whose password is reset (herstel)")
    __table_args__ = (CheckConstraint(f"rol IN {ROLLEN}", name="rol"), CheckConstraint(f"soort IN {SOORTEN}", name="soort"))
