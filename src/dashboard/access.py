"""Who may do what: the one authorisation table, asked by navigation and by every write.

Roles: beheerder (everything), redacteur (afspraken, voortgang, verhalen, media),
gegevensbeheerder (imports, catalogue), lezer (read-only). A share-link visitor is a lezer
limited further by what the link allows (pages, gebied, downloads).
"""
from __future__ import annotations

from dataclasses import dataclass

ROLES = ("beheerder", "redacteur", "gegevensbeheerder", "lezer")
READ_PAGES = frozenset({"kompas", "dashboard", "verkennen", "afspraken", "verhalen", "presentatie"})

PAGES: dict[str, frozenset[str]] = {
    "beheerder": READ_PAGES | {"gegevens", "delen", "beheer"},
    "redacteur": READ_PAGES,
    "gegevensbeheerder": READ_PAGES | {"gegevens"},
    "lezer": READ_PAGES,
}

ACTIONS: dict[str, frozenset[str]] = {
    "downloaden": frozenset(ROLES),
    "importeren": frozenset({"beheerder", "gegevensbeheerder"}),
    "import_ongedaan_maken": frozenset({"beheerder", "gegevensbeheerder"}),
    "catalogus_bewerken": frozenset({"beheerder", "gegevensbeheerder"}),
    "afspraak_bewerken": frozenset({"beheerder", "redacteur"}),
    "voortgang_toevoegen": frozenset({"beheerder", "redacteur"}),
    "verhaal_bewerken": frozenset({"beheerder", "redacteur"}),
    "media_uploaden": frozenset({"beheerder", "redacteur"}),
    "delen_beheren": frozenset({"beheerder"}),
    "gebruikers_beheren": frozenset({"beheerder"}),
}

# The writes each page offers: its forms are shown only to a visitor who may do one of them.
PAGE_WRITES: dict[str, frozenset[str]] = {
    "afspraken": frozenset({"afspraak_bewerken", "voortgang_toevoegen"}),
    "verhalen": frozenset({"verhaal_bewerken", "media_uploaden"}),
    "gegevens": frozenset({"importeren", "import_ongedaan_maken", "catalogus_bewerken"}),
    "delen": frozenset({"delen_beheren"}),
    "beheer": frozenset({"gebruikers_beheren"}),
}


@dataclass(frozen=True)
class Visitor:
    """Whoever is looking: an account, or a share link (then `share_pages` narrows the pages)."""

    name: str
    role: str
    share_pages: frozenset[str] | None = None
    share_gebied: str | None = None
    share_downloads: bool = True


def may_open(visitor: Visitor, page: str) -> bool:
    allowed = page in PAGES.get(visitor.role, frozenset())
    if visitor.share_pages is not None:
        allowed = allowed and page in visitor.share_pages
    return allowed


def may(visitor: Visitor, action: str) -> bool:
    """The question every write asks on the server, not only the button that hides."""
    if action not in ACTIONS:
        raise KeyError(f"unknown action {action!r}")
    if visitor.share_pages is not None:  # a share link never writes
        return action == "downloaden" and visitor.share_downloads
    return visitor.role in ACTIONS[action]


class NotAllowed(PermissionError):
    """A write was refused on the server; the message is Dutch and safe to show."""


def require(visitor: Visitor, action: str) -> None:
    """Every core write calls this first: the form may be hidden, the server still says no."""
    if not may(visitor, action):
        raise NotAllowed("U heeft geen rechten voor deze wijziging. Vraag een beheerder om de rol redacteur.")
