"""Invitations in the app: made on Beheer and shown once; the link lets the person choose a password
and lands them logged in; an expired, withdrawn or used link says why and creates nothing."""
from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import update
from streamlit.testing.v1 import AppTest

from dashboard import clock
from dashboard.models import Uitnodiging
from dashboard.toegang import accounts, uitnodigingen
from dashboard.ui import visitor

ROOT = Path(__file__).resolve().parents[2]
HV = "Huurdersvereniging Samen Sterk"


def opened(token: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["uitnodiging"] = token
    return at.run()


def test_beheerder_invites_on_beheer_and_the_link_is_shown_once(app, database):
    at = app.switch_page("pages/beheer.py").run()
    at.text_input(key="uit_naam").input("ria")
    at.selectbox(key="uit_partij").select(HV)
    at.button(key="FormSubmitter:nieuwe_uitnodiging-Uitnodiging maken").click().run()
    assert not at.exception
    link = at.code[0].value
    assert link.startswith("http://localhost:8501/?uitnodiging=")
    assert [(i.naam, i.rol, i.partij, i.state) for i in uitnodigingen.list_uitnodigingen(database)] == [
        ("ria", "partner", HV, "open")]
    at.run()
    assert at.code.len == 0  # shown once
    at.button(key="uitnodiging_intrekken_1").click().run()
    assert [i.state for i in uitnodigingen.list_uitnodigingen(database)] == ["ingetrokken"]


def test_the_invitation_link_starts_with_the_address_this_browser_uses(app, monkeypatch):
    monkeypatch.delenv("DASHBOARD_BASE_URL", raising=False)
    app.context["url"] = "https://monitor.example.nl/beheer"
    at = app.switch_page("pages/beheer.py").run()
    at.text_input(key="uit_naam").input("ria")
    at.selectbox(key="uit_partij").select(HV)
    at.button(key="FormSubmitter:nieuwe_uitnodiging-Uitnodiging maken").click().run()
    assert not at.exception and at.code[0].value.startswith("https://monitor.example.nl/?uitnodiging=")
    assert not at.warning


def test_an_invitation_warns_when_the_set_base_url_is_not_this_browsers_address(app, monkeypatch):
    monkeypatch.setenv("DASHBOARD_BASE_URL", "https://elders.example.nl")
    app.context["url"] = "https://monitor.example.nl/beheer"
    at = app.switch_page("pages/beheer.py").run()
    at.text_input(key="uit_naam").input("ria")
    at.selectbox(key="uit_partij").select(HV)
    at.button(key="FormSubmitter:nieuwe_uitnodiging-Uitnodiging maken").click().run()
    assert at.code[0].value.startswith("https://elders.example.nl/?uitnodiging=")
    assert "https://elders.example.nl" in at.warning[0].value and "https://monitor.example.nl" in at.warning[0].value


def test_the_invited_person_chooses_a_password_and_is_logged_in(app_env, database):
    _, token = uitnodigingen.create(database, "ria", "partner", HV, door="test")
    at = opened(token)
    assert not at.exception and [t.value for t in at.title] == ["Welkom bij Tellen & Vertellen"]
    assert HV in at.markdown[0].value and "uitnodiging" not in at.query_params
    at.text_input[1].input("een-zin-die-ik-onthoud")
    at.text_input[2].input("een-zin-die-ik-onthoud")
    at.button(key="FormSubmitter:uitnodiging-Account maken en inloggen").click().run()
    assert not at.exception and [t.value for t in at.title] == ["Tellen & Vertellen"]
    who = accounts.session_visitor(database, at.session_state[visitor.LOGIN_KEY])
    assert (who.name, who.role, who.partij) == ("ria", "partner", HV)


@pytest.mark.parametrize("why", ["verlopen", "ingetrokken", "gebruikt"])
def test_an_unusable_uitnodiging_says_why_and_creates_nothing(app_env, database, why):
    accounts.add_user(database, "anna", "beheerder", "haar-eigen-lange-zin", door="test")
    info, token = uitnodigingen.create(database, "ria", "partner", HV, door="test")
    if why == "verlopen":
        with database.session() as session:
            session.execute(update(Uitnodiging).values(verloopt=clock.now() - timedelta(minutes=1)))
    elif why == "ingetrokken":
        uitnodigingen.withdraw(database, info.id, door="test")
    else:
        uitnodigingen.accept(database, token, "al-eerder-gekozen")
    before = len(accounts.list_users(database))
    at = opened(token)
    assert not at.exception and why in at.error[0].value
    assert not at.get("form") and at.metric.len == 0
    assert len(accounts.list_users(database)) == before
    next(b for b in at.button if b.label == "Naar het inloggen").click().run()
    assert [t.value for t in at.title] == ["Inloggen"]
