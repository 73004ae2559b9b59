"""Share links: read-only access without an account (councillors), limited in scope and time.

The token is 256 random bits shown once; the database keeps only its sha256. Verifying a
token gives an `access.Visitor` (a lezer narrowed to the link's pages, gebied and downloads)
or a `Refusal` saying why not. Tokens are never logged.

A link leaves Presentatie out unless the maker adds it, and even then shows only meetings that
took place: the deck of a coming meeting is a draft. Only a link made with `komende_vergaderingen`
shows those (stored as a marker among the pages: no column of its own; `access.may_see_vergadering`
decides).
"""
from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select, update

from dashboard import audit, clock, formatting
from dashboard.db import Database
from dashboard.models import DeelLink, Gebied
from dashboard.toegang import access, tokens

DEFAULT_PAGES = ("kompas", "dashboard", "afspraken", "verhalen")
_KOMEND = "+komende_vergaderingen"  # the marker in `paginas` for a link that shows coming meetings' decks
SHAREABLE_PAGES = tuple(sorted(access.PAGES["lezer"]))
DEFAULT_DAYS = 30
MAX_DAYS = 366
_USED_EVERY = timedelta(minutes=1)  # last-used writes at most this often


class Refusal(enum.Enum):
    UNKNOWN = "onbekend"
    EXPIRED = "verlopen"
    REVOKED = "ingetrokken"

    @property
    def message(self) -> str:
        return {
            Refusal.UNKNOWN: "Deze deellink is niet geldig. Controleer of u de hele link hebt gekopieerd, "
                             "of vraag de afzender om een nieuwe link.",
            Refusal.EXPIRED: "Deze deellink is verlopen. Vraag de afzender om een nieuwe link.",
            Refusal.REVOKED: "Deze deellink is ingetrokken en geeft geen toegang meer. "
                             "Vraag de afzender om een nieuwe link.",
        }[self]


class ShareError(ValueError):
    """A share link that cannot be made or changed; the message is Dutch and safe to show."""


@dataclass(frozen=True)
class LinkInfo:
    id: int
    label: str
    pages: tuple[str, ...]
    gebied: str | None
    downloads: bool
    komende_vergaderingen: bool
    created: datetime
    created_by: str
    expires: datetime
    revoked: datetime | None
    last_used: datetime | None

    @property
    def active(self) -> bool:
        return self.revoked is None and self.expires > clock.now()

    def as_json(self) -> dict:
        iso = clock.iso
        return {"id": self.id, "label": self.label, "pages": list(self.pages), "gebied": self.gebied,
                "downloads": self.downloads, "komende_vergaderingen": self.komende_vergaderingen,
                "created": iso(self.created), "created_by": self.created_by,
                "expires": iso(self.expires), "revoked": self.revoked is not None,
                "revoked_at": iso(self.revoked), "last_used": iso(self.last_used)}


def _pages(paginas: str) -> tuple[str, ...]:
    """The pages a link opens, as stored (comma-separated)."""
    return tuple(p for p in paginas.split(",") if p and p != _KOMEND)


def _info(link: DeelLink) -> LinkInfo:
    return LinkInfo(link.id, link.label, _pages(link.paginas), link.gebied_code,
                    link.downloads, _KOMEND in link.paginas.split(","), clock.aware(link.aangemaakt),
                    link.aangemaakt_door,
                    clock.aware(link.verloopt), clock.aware(link.ingetrokken), clock.aware(link.laatst_gebruikt))


def url(base_url: str, token: str) -> str:
    """The address to hand out: the home page with the token as `deel`."""
    return f"{base_url.rstrip('/')}/?deel={token}"


def create(db: Database, label: str, door: str, days: int = DEFAULT_DAYS,
           pages: tuple[str, ...] | list[str] = DEFAULT_PAGES, gebied: str | None = None,
           downloads: bool = True, komende_vergaderingen: bool = False) -> tuple[LinkInfo, str]:
    """A new link and its token (shown once, never stored). `komende_vergaderingen`: the link also
    shows the (draft) deck of meetings still to come."""
    label = (label or "").strip()
    if not 1 <= len(label) <= 200:
        raise ShareError("Geef de link een label van 1 tot 200 tekens, bijvoorbeeld 'Gemeenteraad 2025'.")
    if not isinstance(days, int) or not 1 <= days <= MAX_DAYS:
        raise ShareError(f"De geldigheid is 1 tot {MAX_DAYS} dagen.")
    unknown = sorted(set(pages) - set(SHAREABLE_PAGES))
    if unknown or not pages:
        raise ShareError(f"Een deellink opent alleen leespagina's ({', '.join(SHAREABLE_PAGES)}); "
                         f"niet: {', '.join(unknown) or 'geen pagina gekozen'}.")
    if komende_vergaderingen and "presentatie" not in pages:
        raise ShareError("Komende vergaderingen zijn alleen te zien op de pagina Presentatie. Kies die pagina erbij, "
                         "of laat het vinkje weg.")
    token, now = tokens.new(), clock.now()
    with db.session() as session:
        if gebied and session.scalar(select(Gebied.id).where(Gebied.code == gebied)) is None:
            raise ShareError(f"Het gebied {gebied!r} bestaat niet. Gebruik een CBS-code zoals GM0000 of WK000000.")
        link = DeelLink(label=label, token_hash=tokens.digest(token),
                        paginas=",".join([*(p for p in SHAREABLE_PAGES if p in set(pages)),
                                          *([_KOMEND] if komende_vergaderingen else [])]),
                        gebied_code=gebied or None, downloads=downloads, aangemaakt=now,
                        aangemaakt_door=door, verloopt=now + timedelta(days=days))
        session.add(link)
        session.flush()
        audit.record(session, door, "deellink_gemaakt", f"deellink {link.id}",
                     f"{label}; {formatting.count(days, 'dag', 'dagen')}; pagina's {','.join(_pages(link.paginas))}; "
                     f"komende vergaderingen {'ja' if komende_vergaderingen else 'nee'}; gebied {gebied or 'alle'}; "
                     f"downloads {'ja' if downloads else 'nee'}")
        return _info(link), token


def verify(db: Database, token: str | None) -> access.Visitor | Refusal:
    """Who this token lets in, or why not. Records the last use.

    Asked on every script run of a share-link visitor (so a revocation counts at once): the few
    columns it needs as one row, no ORM object, and a write only when the last use is due."""
    if not token or len(token) > 200:
        return Refusal.UNKNOWN
    now = clock.now()
    with db.session() as session:
        link = session.execute(select(
            DeelLink.id, DeelLink.label, DeelLink.paginas, DeelLink.gebied_code, DeelLink.downloads,
            DeelLink.verloopt, DeelLink.ingetrokken, DeelLink.laatst_gebruikt,
        ).where(DeelLink.token_hash == tokens.digest(token))).one_or_none()
        if link is None:
            return Refusal.UNKNOWN
        if link.ingetrokken is not None:
            return Refusal.REVOKED
        if clock.aware(link.verloopt) <= now:
            return Refusal.EXPIRED
        if link.laatst_gebruikt is None or now - clock.aware(link.laatst_gebruikt) >= _USED_EVERY:
            session.execute(update(DeelLink).where(DeelLink.id == link.id).values(laatst_gebruikt=now))
        return access.Visitor(name=f"deellink {link.id}: {link.label}", role="lezer",
                              share_pages=frozenset(_pages(link.paginas)),
                              share_gebied=link.gebied_code, share_downloads=link.downloads,
                              share_komende_vergaderingen=_KOMEND in link.paginas.split(","))


def revoke(db: Database, link_id: int, door: str) -> LinkInfo:
    with db.session() as session:
        link = session.get(DeelLink, link_id)
        if link is None:
            raise ShareError(f"Er is geen deellink met nummer {link_id}. `share list` toont ze.")
        if link.ingetrokken is None:
            link.ingetrokken = clock.now()
            audit.record(session, door, "deellink_ingetrokken", f"deellink {link.id}", link.label)
        return _info(link)


def list_links(db: Database) -> list[LinkInfo]:
    """Newest first."""
    with db.make_session() as session:
        return [_info(link) for link in session.scalars(select(DeelLink).order_by(DeelLink.id.desc()))]
