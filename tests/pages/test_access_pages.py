"""The app under AppTest for each kind of visitor: setup, login, roles, share links."""
from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import update
from streamlit.testing.v1 import AppTest

from app_runs import fresh_app, titles
from dashboard import clock, site
from dashboard.models import DeelLink, LoginSessie
from dashboard.toegang import access, accounts, share_links
from dashboard.ui import visitor
from dashboard.verhalen import verhalen


def test_setup_screen_creates_the_first_beheerder(app_env, database):
    at = fresh_app().run()
    assert titles(at) == ["Tellen & Vertellen instellen"]
    assert at.metric.len == 0
    at.text_input[0].input("eerste")
    at.text_input[1].input("een-goed-wachtwoord")
    at.text_input[2].input("een-ander-wachtwoord")
    at.button[0].click().run()
    assert "niet gelijk" in at.error[0].value and not accounts.has_accounts(database)
    at.text_input[2].input("een-goed-wachtwoord")
    at.button[0].click().run()
    assert not at.exception and titles(at) == ["Tellen & Vertellen"]
    # the demo's respondents have no password; the only account that can log in is the new beheerder
    assert [(u.naam, u.rol) for u in accounts.list_users(database) if u.kan_inloggen] == [("eerste", "beheerder")]


def test_login_form_refuses_without_saying_which_part_was_wrong(app_env, database):
    accounts.add_user(database, "anna", "redacteur", "een-goed-wachtwoord", door="test")
    at = fresh_app().run()
    assert titles(at) == ["Inloggen"]
    assert [t.label for t in at.text_input] == ["Gebruikersnaam", "Wachtwoord"]
    at.text_input[0].input("anna")
    at.text_input[1].input("fout-wachtwoord")
    at.button(key="FormSubmitter:inloggen-Inloggen").click().run()
    assert at.error[0].value == accounts.WRONG and at.metric.len == 0
    at.text_input[1].input("een-goed-wachtwoord")
    at.button(key="FormSubmitter:inloggen-Inloggen").click().run()
    assert not at.exception and titles(at) == ["Tellen & Vertellen"]
    assert at.session_state[visitor.LOGIN_KEY]


@pytest.mark.parametrize("role", access.ROLES)
def test_each_role_reaches_its_pages_and_no_others(app_as, database, role):
    at = app_as(role)
    assert not at.exception
    who = accounts.session_visitor(database, at.session_state[visitor.LOGIN_KEY])  # with its partij, if any
    assert who.role == role
    allowed = site.pages_for(who)
    for page in allowed:
        at.switch_page(page.script).run()
        assert not at.exception, (role, page.key)
        if not any(access.may(who, action) for action in access.PAGE_WRITES.get(page.key, ())):
            assert not [f for f in at.get("form")], (role, page.key)
    for page in set(site.PAGES) - set(allowed):
        assert_refused(at, page.script)


def assert_refused(at: AppTest, script: str) -> None:
    """A page outside the visitor's list shows none of its content, however it is addressed."""
    try:
        at.switch_page(script).run()
    except ValueError:  # AppTest knows the page is not in this visitor's navigation
        return
    assert not at.exception
    assert not at.get("form") and not at.get("file_uploader") and not at.dataframe and not at.code
    if titles(at) != ["Tellen & Vertellen"]:  # AppTest ran the page itself: the page refused
        refusal = at.error[0].value
        assert titles(at) == [] and ("hoort niet bij uw rol" in refusal or "Deze deellink opent de pagina" in refusal)


def test_beheerder_makes_and_revokes_a_share_link_on_delen(app, database):
    at = app.switch_page("pages/delen.py").run()
    assert titles(at) == ["Deellinks"]
    at.text_input[0].input("Gemeenteraad")
    at.button(key="FormSubmitter:nieuwe_deellink-Deellink maken").click().run()
    assert not at.exception
    assert at.code[0].value.startswith("http://localhost:8501/?deel=")
    token = at.code[0].value.split("deel=", 1)[1]
    assert isinstance(share_links.verify(database, token), access.Visitor)
    at.button(key="intrekken_1").click().run()
    assert share_links.verify(database, token) is share_links.Refusal.REVOKED
    assert at.code.len == 0  # the address is shown once


def test_beheerder_adds_and_disables_an_account_on_beheer(app, database):
    at = app.switch_page("pages/beheer.py").run()
    assert titles(at) == ["Beheer"]
    at.text_input(key="nieuw_naam").input("bert")
    at.selectbox(key="nieuw_rol").select("redacteur")
    at.text_input[1].input("zijn-eigen-lange-zin")
    at.button(key="FormSubmitter:nieuw_account-Account toevoegen").click().run()
    assert not at.exception
    assert ("bert", "redacteur", True) in [(u.naam, u.rol, u.actief) for u in accounts.list_users(database)]
    at.selectbox(key="wijzig_naam").select("bert").run()
    next(b for b in at.button if b.label == "Uitschakelen").click().run()
    assert ("bert", False) in [(u.naam, u.actief) for u in accounts.list_users(database)]


def share_app(database, **link) -> AppTest:
    _, token = share_links.create(database, "raad", door="test", **link)
    at = fresh_app()
    at.query_params["deel"] = token
    return at.run()


def test_share_link_opens_the_dashboard_read_only(app_env, database):
    at = share_app(database, pages=["kompas", "dashboard"], downloads=False)
    assert not at.exception and titles(at) == ["Tellen & Vertellen"]
    at.switch_page("pages/dashboard.py").run()
    assert not at.exception and at.metric.len >= 4
    assert not [b for b in at.get("download_button")]
    assert at.get("file_uploader") == [] and at.get("form") == []
    for forbidden in ("pages/delen.py", "pages/beheer.py"):
        assert_refused(at, forbidden)


def test_share_link_visitor_reads_the_tiles_in_gewone_taal_opened(app_env, database):
    at = share_app(database, pages=["dashboard"])
    at.switch_page("pages/dashboard.py").run()
    panel = next(e for e in at.expander if e.label == "In gewone taal")
    assert panel.proto.expanded and "sociale huurwoning" in " ".join(m.value for m in panel.markdown)


def test_share_link_limited_to_a_wijk_offers_only_that_wijk(app_env, database):
    at = share_app(database, gebied="WK990102")
    at.switch_page("pages/dashboard.py").run()
    assert not at.exception
    assert at.selectbox(key="f_gebied").options == ["Havenkwartier (wijk)"]
    assert [b for b in at.get("download_button")]


@pytest.mark.parametrize("why", ["ingetrokken", "verlopen"])
def test_revoked_or_expired_share_link_shows_why_and_no_data(app_env, database, why):
    info, token = share_links.create(database, "raad", door="test")
    if why == "ingetrokken":
        share_links.revoke(database, info.id, door="test")
    else:
        with database.session() as session:
            session.execute(update(DeelLink).values(verloopt=clock.now() - timedelta(minutes=1)))
    at = fresh_app()
    at.query_params["deel"] = token
    at.run()
    assert why in at.error[0].value and at.metric.len == 0
    assert at.text_input.len == 0


def test_idle_session_ends_with_a_notice(app_as, database):
    at = app_as("redacteur")
    assert titles(at) == ["Tellen & Vertellen"]
    with database.session() as session:
        session.execute(update(LoginSessie).values(
            laatst_gezien=clock.now() - accounts.IDLE_TIMEOUT - timedelta(minutes=1)))
    at.run()
    assert titles(at) == ["Inloggen"] and "verlopen" in at.info[0].value
    assert visitor.LOGIN_KEY not in at.session_state


def test_share_link_limited_to_a_wijk_tells_only_that_wijks_verhalen(app_env, database):
    with database.make_session() as session:
        everywhere = verhalen.gallery(session)
    inside = [s.titel for s in everywhere if s.gebied == "WK990102"]
    outside = next(s for s in everywhere if s.gebied != "WK990102")
    at = share_app(database, gebied="WK990102")
    at.switch_page("pages/verhalen.py").run()
    assert not at.exception
    assert at.selectbox(key="wijk").options == ["Havenkwartier"]
    shown = "\n".join(str(e.value) for kind in ("header", "subheader", "markdown", "caption") for e in getattr(at, kind))
    assert inside and all(title in shown for title in inside)
    assert outside.titel not in shown
    at.query_params["verhaal"] = str(outside.id)
    at.run()
    assert outside.titel not in "\n".join(str(e.value) for kind in ("title", "header", "markdown")
                                          for e in getattr(at, kind))
    assert "bestaat niet" in at.warning[0].value
