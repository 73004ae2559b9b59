"""The one authorisation table: every role x every page x every action, and the menu built from it."""
from __future__ import annotations

import pytest

from dashboard import access, share_links, site

ALL_PAGES = sorted({page for pages in access.PAGES.values() for page in pages})
EXPECTED_PAGES = {
    "beheerder": set(ALL_PAGES),
    "redacteur": {"kompas", "dashboard", "verkennen", "afspraken", "verhalen", "presentatie"},
    "gegevensbeheerder": {"kompas", "dashboard", "verkennen", "afspraken", "verhalen", "presentatie", "gegevens"},
    "lezer": {"kompas", "dashboard", "verkennen", "afspraken", "verhalen", "presentatie"},
}
WRITES = sorted(set(access.ACTIONS) - {"downloaden"})
EXPECTED_WRITES = {
    "beheerder": set(WRITES),
    "redacteur": {"afspraak_bewerken", "voortgang_toevoegen", "verhaal_bewerken", "media_uploaden"},
    "gegevensbeheerder": {"importeren", "import_ongedaan_maken", "catalogus_bewerken"},
    "lezer": set(),
}


@pytest.mark.parametrize("role", access.ROLES)
@pytest.mark.parametrize("page", ALL_PAGES)
def test_page_per_role(role, page):
    visitor = access.Visitor(name="x", role=role)
    assert access.may_open(visitor, page) == (page in EXPECTED_PAGES[role])
    in_menu = {p.key for p in site.pages_for(visitor)}
    assert (page in in_menu) == (page in EXPECTED_PAGES[role] and page in {p.key for p in site.PAGES})


@pytest.mark.parametrize("role", access.ROLES)
@pytest.mark.parametrize("action", sorted(access.ACTIONS))
def test_action_per_role(role, action):
    visitor = access.Visitor(name="x", role=role)
    expected = action == "downloaden" or action in EXPECTED_WRITES[role]
    assert access.may(visitor, action) == expected


@pytest.mark.parametrize("downloads", [True, False])
@pytest.mark.parametrize("action", sorted(access.ACTIONS))
def test_share_visitor_never_writes(action, downloads):
    visitor = access.Visitor(name="deellink", role="lezer", share_pages=frozenset(share_links.DEFAULT_PAGES),
                             share_downloads=downloads)
    assert access.may(visitor, action) == (action == "downloaden" and downloads)


@pytest.mark.parametrize("page", ALL_PAGES)
def test_share_visitor_opens_only_the_links_pages(page):
    visitor = access.Visitor(name="deellink", role="lezer", share_pages=frozenset({"dashboard"}))
    assert access.may_open(visitor, page) == (page == "dashboard")
    assert [p.key for p in site.pages_for(visitor)] == ["dashboard"]


def test_unknown_action_is_an_error_not_a_yes():
    with pytest.raises(KeyError):
        access.may(access.Visitor(name="x", role="beheerder"), "alles_mag")


def test_unknown_role_opens_nothing():
    assert not any(access.may_open(access.Visitor(name="x", role="baas"), p) for p in ALL_PAGES)
    assert not any(access.may(access.Visitor(name="x", role="baas"), a) for a in access.ACTIONS)
