"""Who may do what: the one authorisation table, asked by navigation and by every write.

Roles: beheerder (everything), redacteur (afspraken, voortgang, verhalen, media, the stuurgroep's
agenda and besluiten), gegevensbeheerder (imports, catalogue), lezer (read-only), partner (voortgang and stories, with
photos and video, on the afspraken its own partij takes part in; changing what its partij wrote).
A share-link visitor is a lezer limited further by what the link allows (pages, gebied, downloads):
pages and downloads are decided here (`may_open`, `may(visitor, "downloaden")`), the gebied in
toegang/scope.py, which also says where each of the three is applied.

Two questions: `may(visitor, action)` says whether the role may do it at all (navigation, which
forms a page offers); `may_on(visitor, action, partijen)` says whether it may do it on this
object, given the partij ids the object belongs to (an afspraak's parties, or the party that
wrote a voortgang or story). Core writes read those ids from the database and ask `require`.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from dashboard import clock

ROLES = ("beheerder", "redacteur", "gegevensbeheerder", "lezer", "partner")
READ_PAGES = frozenset({"kompas", "dashboard", "verkennen", "afspraken", "verhalen", "samenwerking", "presentatie",
                        "cyclus"})

# Open to every visitor, signed in or not, share link or none: the accessibility statement must be.
PUBLIC_PAGES = frozenset({"toegankelijkheid"})

PAGES: dict[str, frozenset[str]] = {
    "beheerder": READ_PAGES | {"gegevens", "delen", "beheer"},
    "redacteur": READ_PAGES,
    "gegevensbeheerder": READ_PAGES | {"gegevens"},
    "lezer": READ_PAGES,
    "partner": READ_PAGES,
}

ACTIONS: dict[str, frozenset[str]] = {
    "downloaden": frozenset(ROLES),
    "importeren": frozenset({"beheerder", "gegevensbeheerder"}),
    "import_ongedaan_maken": frozenset({"beheerder", "gegevensbeheerder"}),
    "catalogus_bewerken": frozenset({"beheerder", "gegevensbeheerder"}),
    "open_data_ophalen": frozenset({"beheerder"}),  # a sync writes several batches from outside at once
    "afspraak_bewerken": frozenset({"beheerder", "redacteur"}),
    "voortgang_toevoegen": frozenset({"beheerder", "redacteur", "partner"}),
    "voortgang_bewerken": frozenset({"beheerder", "redacteur", "partner"}),
    "verhaal_bewerken": frozenset({"beheerder", "redacteur", "partner"}),
    "media_uploaden": frozenset({"beheerder", "redacteur", "partner"}),
    "toestemmingen_beheren": frozenset({"beheerder"}),  # every item's consent register; an owner: its own stories'
    "samenwerking_invullen": frozenset(ROLES),
    "vergadering_bewerken": frozenset({"beheerder", "redacteur"}),  # agenda and besluiten of the stuurgroep
    "cyclus_bewerken": frozenset({"beheerder", "redacteur"}),  # bods, signatures and geschillen of the cycle
    "delen_beheren": frozenset({"beheerder"}),
    "gebruikers_beheren": frozenset({"beheerder"}),
}

# Roles whose writes count only where their own partij is involved, and the actions that are scoped so.
PARTY_ROLES = frozenset({"partner"})
SCOPED_ACTIONS = frozenset({"voortgang_toevoegen", "voortgang_bewerken", "verhaal_bewerken", "media_uploaden"})
# Actions only an account tied to a partij can do, whatever its role: it speaks for that partij.
NEEDS_PARTIJ = frozenset({"samenwerking_invullen"})

# The writes each page offers: its forms are shown only to a visitor who may do one of them.
PAGE_WRITES: dict[str, frozenset[str]] = {
    "afspraken": frozenset({"afspraak_bewerken", "voortgang_toevoegen", "voortgang_bewerken"}),
    "verhalen": frozenset({"verhaal_bewerken", "media_uploaden"}),
    "presentatie": frozenset({"vergadering_bewerken"}),
    "cyclus": frozenset({"cyclus_bewerken"}),
    "samenwerking": frozenset({"samenwerking_invullen"}),
    "gegevens": frozenset({"importeren", "import_ongedaan_maken", "catalogus_bewerken"}),
    "delen": frozenset({"delen_beheren"}),
    "beheer": frozenset({"gebruikers_beheren", "toestemmingen_beheren"}),
}


@dataclass(frozen=True)
class Visitor:
    """Whoever is looking: an account (with its partij, if any), or a share link (then
    `share_pages` narrows the pages)."""

    name: str
    role: str
    share_pages: frozenset[str] | None = None
    share_gebied: str | None = None
    share_downloads: bool = True
    share_komende_vergaderingen: bool = False
    partij_id: int | None = None
    partij: str | None = None
    gebruiker_id: int | None = None

    @property
    def party_scoped(self) -> bool:
        """True when this visitor's writes are limited to its own partij's afspraken."""
        return self.role in PARTY_ROLES


def may_open(visitor: Visitor, page: str) -> bool:
    if page in PUBLIC_PAGES:
        return True
    allowed = page in PAGES.get(visitor.role, frozenset())
    if visitor.share_pages is not None:
        allowed = allowed and page in visitor.share_pages
    return allowed


def may_see_vergadering(visitor: Visitor, datum: date) -> bool:
    """Whether this visitor may see (and download) a meeting's deck: an account always; a share
    link a meeting that took place, one still to come (a draft) only when the link allows it."""
    if visitor.share_pages is None or visitor.share_komende_vergaderingen:
        return True
    return datum <= clock.today()


def may(visitor: Visitor, action: str) -> bool:
    """Whether the role may do this at all (for a partner: somewhere within its partij's scope)."""
    if action not in ACTIONS:
        raise KeyError(f"unknown action {action!r}")
    if visitor.share_pages is not None:  # a share link never writes
        return action == "downloaden" and visitor.share_downloads
    if action in NEEDS_PARTIJ and visitor.partij_id is None:
        return False
    if visitor.party_scoped and action in SCOPED_ACTIONS and visitor.partij_id is None:
        return False
    return visitor.role in ACTIONS[action]


def may_on(visitor: Visitor, action: str, partijen: Iterable[int | None]) -> bool:
    """The question every write asks on the server: may this visitor do `action` on an object
    that belongs to these partij ids (read from the database, never from the request)?"""
    if not may(visitor, action):
        return False
    if visitor.party_scoped and action in SCOPED_ACTIONS:
        return visitor.partij_id in set(partijen)
    return True


def may_keep_register(visitor: Visitor, eigenaar_id: int | None) -> bool:
    """Whether this visitor may change a media item's consent register: the beheerder always, an
    account that may upload media on the stories it told itself (`eigenaar_id`, from the database)."""
    if may(visitor, "toestemmingen_beheren"):
        return True
    return (visitor.gebruiker_id is not None and visitor.gebruiker_id == eigenaar_id
            and may(visitor, "media_uploaden"))


class NotAllowed(PermissionError):
    """A write was refused on the server; the message is Dutch and safe to show."""


OUTSIDE_SCOPE = ("Dit hoort bij een afspraak of bijdrage waar uw partij niet bij betrokken is. Er is niets "
                 "opgeslagen. U kunt bijdragen aan de afspraken van uw eigen partij.")


def require(visitor: Visitor, action: str, partijen: Iterable[int | None] | None = None) -> None:
    """Every core write calls this first: the form may be hidden, the server still says no.

    A scoped action by a party-scoped visitor needs `partijen`; without them it is refused."""
    if not may(visitor, action):
        raise NotAllowed("U heeft geen rechten voor deze wijziging. Vraag een beheerder om de rol redacteur.")
    if visitor.party_scoped and action in SCOPED_ACTIONS and not may_on(visitor, action, partijen or ()):
        raise NotAllowed(OUTSIDE_SCOPE)
