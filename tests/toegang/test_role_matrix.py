"""The one authorisation table: every role x every page x every action, and the menu built from it.

The partner role is scoped to its own partij: it may write on an afspraak its partij takes part in
(`may_on` with that afspraak's parties) and nowhere else, and never without a partij.
"""
from __future__ import annotations

import pytest

from dashboard import site
from dashboard.toegang import access, share_links

ALL_PAGES = sorted({page for pages in access.PAGES.values() for page in pages})
READ = {"kompas", "dashboard", "verkennen", "afspraken", "verhalen", "samenwerking", "presentatie", "cyclus"}
EXPECTED_PAGES = {
    "beheerder": set(ALL_PAGES),
    "redacteur": READ,
    "gegevensbeheerder": READ | {"gegevens"},
    "lezer": READ,
    "partner": READ,
}
WRITES = sorted(set(access.ACTIONS) - {"downloaden"})
EXPECTED_WRITES = {
    "beheerder": set(WRITES),
    "redacteur": {"afspraak_bewerken", "voortgang_toevoegen", "voortgang_bewerken", "verhaal_bewerken",
                  "media_uploaden", "samenwerking_invullen", "vergadering_bewerken", "cyclus_bewerken"},
    "gegevensbeheerder": {"importeren", "import_ongedaan_maken", "catalogus_bewerken", "samenwerking_invullen"},
    "lezer": {"samenwerking_invullen"},
    "partner": {"voortgang_toevoegen", "voortgang_bewerken", "verhaal_bewerken", "media_uploaden",
                "samenwerking_invullen"},
}
OWN, OTHER = 7, 8  # partij ids: the visitor's own party, and one it does not belong to


def visitor_for(role: str, partij_id: int | None = OWN) -> access.Visitor:
    return access.Visitor(name="x", role=role, partij_id=partij_id, partij="Eigen partij" if partij_id else None)


def test_every_role_is_in_the_table():
    assert set(access.PAGES) == set(access.ROLES) == set(EXPECTED_PAGES)


@pytest.mark.parametrize("role", access.ROLES)
@pytest.mark.parametrize("page", ALL_PAGES)
def test_page_per_role(role, page):
    visitor = visitor_for(role)
    assert access.may_open(visitor, page) == (page in EXPECTED_PAGES[role])
    in_menu = {p.key for p in site.pages_for(visitor)}
    assert (page in in_menu) == (page in EXPECTED_PAGES[role] and page in {p.key for p in site.PAGES})


@pytest.mark.parametrize("role", access.ROLES)
@pytest.mark.parametrize("action", sorted(access.ACTIONS))
def test_action_per_role(role, action):
    visitor = visitor_for(role)
    expected = action == "downloaden" or action in EXPECTED_WRITES[role]
    assert access.may(visitor, action) == expected


@pytest.mark.parametrize("role", access.ROLES)
@pytest.mark.parametrize("action", sorted(access.ACTIONS))
def test_action_on_own_and_other_partys_afspraak(role, action):
    """On an afspraak of its own partij a role may what the table says; on another party's afspraak
    a partner may nothing there, the roles without a party scope are unaffected."""
    visitor = visitor_for(role)
    allowed = action == "downloaden" or action in EXPECTED_WRITES[role]
    assert access.may_on(visitor, action, {OWN, 3}) == allowed
    scoped = role == "partner" and action in access.SCOPED_ACTIONS
    assert access.may_on(visitor, action, {OTHER, 3}) == (allowed and not scoped)
    assert access.may_on(visitor, action, set()) == (allowed and not scoped)
    if allowed and scoped:
        with pytest.raises(access.NotAllowed, match="niet bij betrokken"):
            access.require(visitor, action, {OTHER})
        with pytest.raises(access.NotAllowed):  # a scoped write that does not say on what: refused
            access.require(visitor, action)
        access.require(visitor, action, {OWN})


@pytest.mark.parametrize("action", sorted(access.ACTIONS))
def test_a_partner_without_a_partij_writes_nothing(action):
    visitor = visitor_for("partner", partij_id=None)
    assert access.may(visitor, action) == (action == "downloaden")
    assert access.may_on(visitor, action, {OWN}) == (action == "downloaden")


def test_only_an_account_of_a_partij_answers_the_samenwerkingsmonitor():
    for role in access.ROLES:
        assert access.may(visitor_for(role), "samenwerking_invullen")
        assert not access.may(visitor_for(role, partij_id=None), "samenwerking_invullen")


@pytest.mark.parametrize("downloads", [True, False])
@pytest.mark.parametrize("action", sorted(access.ACTIONS))
def test_share_visitor_never_writes(action, downloads):
    visitor = access.Visitor(name="deellink", role="lezer", share_pages=frozenset(share_links.DEFAULT_PAGES),
                             share_downloads=downloads)
    assert access.may(visitor, action) == (action == "downloaden" and downloads)
    assert access.may_on(visitor, action, {OWN}) == (action == "downloaden" and downloads)


@pytest.mark.parametrize("page", ALL_PAGES)
def test_share_visitor_opens_only_the_links_pages(page):
    visitor = access.Visitor(name="deellink", role="lezer", share_pages=frozenset({"dashboard"}))
    assert access.may_open(visitor, page) == (page == "dashboard")
    assert [p.key for p in site.pages_for(visitor)] == ["dashboard"]


def test_a_share_link_may_include_the_samenwerking_results_but_no_writing_page():
    assert "samenwerking" in share_links.SHAREABLE_PAGES
    assert not {"gegevens", "delen", "beheer"} & set(share_links.SHAREABLE_PAGES)


def test_unknown_action_is_an_error_not_a_yes():
    with pytest.raises(KeyError):
        access.may(access.Visitor(name="x", role="beheerder"), "alles_mag")


def test_unknown_role_opens_nothing():
    assert not any(access.may_open(access.Visitor(name="x", role="baas"), p) for p in ALL_PAGES)
    assert not any(access.may(access.Visitor(name="x", role="baas", partij_id=OWN), a) for a in access.ACTIONS)


@pytest.mark.parametrize("visitor", [access.Visitor(name="", role="lezer", share_pages=frozenset()),  # nobody yet
                                     access.Visitor(name="deellink", role="lezer", share_pages=frozenset({"dashboard"})),
                                     access.Visitor(name="x", role="baas"),
                                     *(visitor_for(role) for role in access.ROLES)])
def test_the_accessibility_statement_opens_for_everyone_and_is_in_no_menu(visitor):
    assert access.may_open(visitor, site.TOEGANKELIJKHEID.key)
    assert site.TOEGANKELIJKHEID not in site.pages_for(visitor)
    assert site.TOEGANKELIJKHEID.key not in share_links.SHAREABLE_PAGES  # not a choice when making a link
