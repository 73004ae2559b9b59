"""Beheer and the sign-in screens under AppTest (issue #19): the audit log with its filter and export,
reset links made on Beheer and taken up, a user's own password change in the sidebar, the password
rule on the setup screen and the wait on the login form."""
from __future__ import annotations

import io
from datetime import timedelta
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from dashboard import audit, clock, export
from app_runs import fresh_app, titles
from dashboard.toegang import accounts, throttle
from dashboard.ui import auditlog, visitor

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "zijn-eigen-lange-zin"
HOME, OFFICE = "203.0.113.10", "198.51.100.20"


def audit_table(at: AppTest) -> pd.DataFrame:
    return next(frame.value for frame in at.dataframe if "Actie" in frame.value.columns)


@pytest.fixture
def events(database):
    """Sign-in events from two addresses: bert logs in, fails, a stranger guesses, bert logs out."""
    accounts.add_user(database, "bert", "lezer", PASSWORD, door="test")
    token = accounts.login(database, "bert", PASSWORD, adres=HOME).token
    accounts.login(database, "bert", "fout-wachtwoord", adres=HOME)
    accounts.login(database, "indringer", "fout-wachtwoord", adres=OFFICE)
    accounts.end_session(database, token, adres=HOME)
    return database


def test_beheer_shows_the_audit_log_with_addresses_and_filters_it(app, events):
    at = app.switch_page("pages/beheer.py").run()
    assert not at.exception
    shown = audit_table(at)
    assert list(shown.columns) == ["Tijdstip (Nederlandse tijd)", "Gebruiker", "Actie", "Object", "Adres", "Details"]
    assert {"ingelogd", "inloggen_mislukt", "uitgelogd", "gebruiker_toegevoegd"} <= set(shown["Actie"])
    assert (shown.loc[shown["Actie"] == "ingelogd", "Adres"] == HOME).all()
    at.multiselect(key="audit_acties").select("inloggen_mislukt").run()
    shown = audit_table(at)
    assert sorted(zip(shown["Gebruiker"], shown["Adres"])) == [("bert", HOME), ("indringer", OFFICE)]
    at.text_input(key="audit_gebruiker").input("BER").run()  # part of the name, any case
    assert list(audit_table(at)["Details"]) == ["verkeerd wachtwoord"]
    assert "1 regel" in " ".join(c.value for c in at.caption)
    yesterday = clock.today() - timedelta(days=1)
    at.date_input(key="audit_periode").set_value((yesterday - timedelta(days=7), yesterday)).run()
    assert audit_table(at).empty
    assert [b.proto.label for b in at.get("download_button")] == ["Download CSV", "Download Excel"]
    assert [b.proto.id.endswith(key) for b, key in zip(at.get("download_button"), ("csv_auditlog", "xlsx_auditlog"))] == [
        True, True]


def test_the_audit_export_is_the_filtered_log_as_csv_for_dutch_excel(events):
    today = clock.today()
    chosen = auditlog.chosen_filter(["inloggen_mislukt", "ingelogd"], "", (today, today))
    csv = export.csv_bytes(auditlog._frame(events, chosen))
    frame = pd.read_csv(io.BytesIO(csv), sep=";", encoding="utf-8-sig")
    assert list(frame.columns)[:5] == ["Tijdstip (Nederlandse tijd)", "Gebruiker", "Actie", "Object", "Adres"]
    assert sorted(zip(frame["Gebruiker"], frame["Actie"], frame["Adres"])) == [
        ("bert", "ingelogd", HOME), ("bert", "inloggen_mislukt", HOME), ("indringer", "inloggen_mislukt", OFFICE)]
    with events.make_session() as session:  # the page shows a part, the export all that match
        assert audit.count(session, chosen) == len(frame)


def test_a_reset_link_made_on_beheer_is_shown_once_and_lets_the_user_choose_a_new_password(app, database):
    accounts.add_user(database, "bert", "lezer", PASSWORD, door="test")
    old_session = accounts.login(database, "bert", PASSWORD).token
    at = app.switch_page("pages/beheer.py").run()
    at.selectbox(key="wijzig_naam").select("bert").run()
    at.button(key="herstel_maken").click().run()
    assert not at.exception
    link = at.code[0].value
    assert link.startswith("http://localhost:8501/?herstel=")
    at.run()
    assert at.code.len == 0  # shown once
    assert any("herstellink" in m.value for m in at.markdown)  # listed with the invitations, withdrawable

    opened = fresh_app()
    opened.query_params["herstel"] = link.split("herstel=", 1)[1]
    opened.run()
    assert titles(opened) == ["Nieuw wachtwoord kiezen"] and "herstel" not in opened.query_params
    opened.text_input[1].input("welkom2025!")
    opened.text_input[2].input("welkom2025!")
    opened.button(key="FormSubmitter:herstel-Wachtwoord opslaan en inloggen").click().run()
    assert "te makkelijk te raden" in opened.error[0].value
    opened.text_input[1].input("drie-fietsen-op-het-dak")
    opened.text_input[2].input("drie-fietsen-op-het-dak")
    opened.button(key="FormSubmitter:herstel-Wachtwoord opslaan en inloggen").click().run()
    assert not opened.exception and titles(opened) == ["Tellen & Vertellen"]
    assert accounts.session_visitor(database, opened.session_state[visitor.LOGIN_KEY]).name == "bert"
    assert accounts.session_visitor(database, old_session) is None  # every other session ended

    again = fresh_app()
    again.query_params["herstel"] = link.split("herstel=", 1)[1]
    again.run()
    assert "al gebruikt" in again.error[0].value and again.text_input.len == 0


# The sidebar without the pages: AppTest keeps what app.py writes into the sidebar before st.navigation
# only on the first run (a browser keeps it; tests/browser/test_wachtwoord_browser.py).
PASSWORD_FORM = """
from dashboard.ui import visitor
visitor.establish()
"""


def test_a_signed_in_user_changes_their_own_password(app_env, database):
    accounts.add_user(database, "vera", "redacteur", "zij-heeft-een-zin", door="test")
    first, other_browser = (accounts.login(database, "vera", "zij-heeft-een-zin").token for _ in range(2))
    at = AppTest.from_string(PASSWORD_FORM, default_timeout=60)
    at.session_state[visitor.LOGIN_KEY] = first
    at.run()
    assert [e.label for e in at.expander] == ["Wachtwoord wijzigen"]

    def submit(huidig: str, nieuw: str, herhaald: str | None = None) -> None:
        at.text_input(key="pw_huidig").input(huidig)
        at.text_input(key="pw_nieuw").input(nieuw)
        at.text_input(key="pw_herhaald").input(nieuw if herhaald is None else herhaald)
        at.button(key="FormSubmitter:wachtwoord_wijzigen-Wachtwoord wijzigen").click().run()

    submit("niet-het-goede", "drie-fietsen-op-het-dak")
    assert "huidige wachtwoord klopt niet" in at.error[0].value
    submit("zij-heeft-een-zin", "drie-fietsen-op-het-dak", "iets-anders-getypt")
    assert "niet gelijk" in at.error[0].value
    submit("zij-heeft-een-zin", "wachtwoord123")
    assert "te makkelijk te raden" in at.error[0].value
    assert accounts.session_visitor(database, first) and accounts.session_visitor(database, other_browser)
    submit("zij-heeft-een-zin", "drie-fietsen-op-het-dak")
    assert not at.exception and not at.error and "gewijzigd" in at.toast[0].value
    now = at.session_state[visitor.LOGIN_KEY]
    assert now != first and accounts.session_visitor(database, now).name == "vera"
    assert accounts.session_visitor(database, first) is None and accounts.session_visitor(database, other_browser) is None
    assert accounts.login(database, "vera", "drie-fietsen-op-het-dak").token


def test_a_share_link_visitor_has_no_password_form(app_env, database):
    from dashboard.toegang import share_links

    _, token = share_links.create(database, "raad", door="test")
    at = fresh_app()
    at.query_params["deel"] = token
    at.run()
    assert not [t for t in at.sidebar.text_input]


def test_the_setup_screen_refuses_a_weak_password_saying_why(monkeypatch, tmp_path):
    monkeypatch.setenv("DASHBOARD_DATABASE_URL", f"sqlite:///{tmp_path / 'leeg.db'}")
    monkeypatch.setenv("DASHBOARD_DEMO", "0")
    monkeypatch.setenv("DASHBOARD_SECRET_KEY", "leeg")
    monkeypatch.chdir(ROOT)
    at = fresh_app().run()
    assert titles(at) == ["Tellen & Vertellen instellen"]
    at.text_input[0].input("eerste")
    at.text_input[1].input("1234567890")
    at.text_input[2].input("1234567890")
    at.button[0].click().run()
    assert "veelgebruikte wachtwoorden" in at.error[0].value and titles(at) == ["Tellen & Vertellen instellen"]


def test_the_login_form_says_how_long_to_wait(app_env, database):
    accounts.add_user(database, "bert", "lezer", PASSWORD, door="test")
    at = fresh_app().run()
    for _ in range(throttle.FREE_PER_NAME):
        at.text_input[0].input("bert")
        at.text_input[1].input("fout-wachtwoord")
        at.button(key="FormSubmitter:inloggen-Inloggen").click().run()
        assert at.error[0].value == accounts.WRONG
    at.text_input[0].input("bert")
    at.text_input[1].input(PASSWORD)
    at.button(key="FormSubmitter:inloggen-Inloggen").click().run()
    assert "Wacht nog 30 seconden" in at.error[0].value and titles(at) == ["Inloggen"]
