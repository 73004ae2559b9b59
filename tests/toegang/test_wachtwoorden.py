"""Passwords (issue #19): one rule wherever a password is set, refused with a Dutch reason; a user
changes their own; a beheerder's one-time reset link; every session ends on a change or reset."""
from __future__ import annotations

import io
from datetime import timedelta

import pytest
from sqlalchemy import select, update

from dashboard import cli, clock
from dashboard.models import AuditLog, Uitnodiging
from dashboard.toegang import accounts, herstel, tokens, uitnodigingen, wachtwoorden
from dashboard.toegang.uitnodigingen import Refusal, UitnodigingRefused

PASSWORD = "een-lang-wachtwoord"
NEW = "drie-fietsen-op-het-dak"
HV = "Huurdersvereniging Samen Sterk"
HOME = "203.0.113.10"

# The examples of the issue, and Dutch favourites with what people add to pass a length rule.
WEAK = {
    "aaaaaaaaaa": "herhaalt steeds dezelfde tekens",
    "1234567890": "veelgebruikte wachtwoorden",
    "wachtwoord": "Nederlands wachtwoord",
    "Wachtwoord1!": "Nederlands wachtwoord",
    "welkom2024!": "Nederlands wachtwoord",
    "Zomer2024!": "Nederlands wachtwoord",
    "voetbal123": "Nederlands wachtwoord",
    "Feyenoord1908": "Nederlands wachtwoord",
    "qwertyuiop": "veelgebruikte wachtwoorden",
    "zxcvbnm,./": "toetsen van het toetsenbord",
    "abcdefghijk": "reeks",
    "P@ssw0rd2024": "veelgebruikte wachtwoorden",
}


@pytest.mark.parametrize("wachtwoord", sorted(WEAK))
def test_common_and_dutch_passwords_are_refused_saying_why(wachtwoord):
    with pytest.raises(wachtwoorden.WeakPassword) as refused:
        wachtwoorden.check(wachtwoord, "ria")
    assert WEAK[wachtwoord] in str(refused.value) and "te makkelijk te raden" in str(refused.value)


@pytest.mark.parametrize("naam, wachtwoord", [("ria.devries", "ria.devries"), ("Ria.DeVries", "ria.devries!2026x"),
                                              ("anna", "mijn-ANNA-is-de-baas"), ("bert", "TREBtreb-bert")])
def test_a_password_never_is_or_contains_the_user_name(naam, wachtwoord):
    with pytest.raises(wachtwoorden.WeakPassword, match="bevat uw gebruikersnaam"):
        wachtwoorden.check(wachtwoord, naam)


def test_good_passwords_pass_and_the_minimum_length_stays():
    for good in ("drie-fietsen-op-het-dak", "koffie met de buren", "hD8#kq2!pZ", "een-lang-wachtwoord"):
        assert wachtwoorden.check(good, "ria") == good
    with pytest.raises(wachtwoorden.WeakPassword, match=f"minstens {wachtwoorden.MIN_LENGTH} tekens"):
        wachtwoorden.check("Xk3#9pLq!", "ria")  # strong, but nine characters
    assert wachtwoorden.check("ab-koffie-met-de-buren", "ab")  # a name of two letters may occur inside


def test_the_dutch_list_is_shipped_with_the_package():
    words = wachtwoorden.dutch_words()
    assert {"wachtwoord", "welkom", "voetbal", "zomer", "geheim"} <= set(words) and len(words) > 200


def test_every_place_a_password_is_set_uses_the_one_rule(demo_db, monkeypatch, tmp_path, capsys):
    with pytest.raises(accounts.AccountError, match="te makkelijk te raden"):
        accounts.add_user(demo_db, "kees", "lezer", "wachtwoord", door="test")
    with pytest.raises(accounts.AccountError, match="bevat uw gebruikersnaam"):
        accounts.add_user(demo_db, "kees", "lezer", "kees-kees-kees", door="test")
    _, token = uitnodigingen.create(demo_db, "ria", "partner", HV, door="test")
    with pytest.raises(accounts.AccountError, match="bevat uw gebruikersnaam"):
        uitnodigingen.accept(demo_db, token, "ria-schrijft-mee")
    assert uitnodigingen.verify(demo_db, token).state == "open"  # nothing was made
    accounts.add_user(demo_db, "anna", "beheerder", PASSWORD, door="test")
    _, reset = herstel.create(demo_db, "anna", door="test")
    with pytest.raises(accounts.AccountError, match="te makkelijk te raden"):
        herstel.accept(demo_db, reset, "welkom2025!")
    session = accounts.login(demo_db, "anna", PASSWORD).token
    with pytest.raises(accounts.AccountError, match="herhaalt"):
        accounts.change_password(demo_db, session, PASSWORD, "aaaaaaaaaaaa")
    monkeypatch.setenv("DASHBOARD_DATABASE_URL", f"sqlite:///{tmp_path / 'cli.db'}")
    monkeypatch.setattr("sys.stdin", io.StringIO("1234567890\n"))
    assert cli.main(["users", "add", "piet", "--role", "lezer", "--password-stdin"]) == 1
    assert "veelgebruikte wachtwoorden" in capsys.readouterr().err


# --- changing one's own password --------------------------------------------------------------------

def test_a_user_changes_their_own_password_and_every_other_session_ends(db):
    accounts.add_user(db, "anna", "redacteur", PASSWORD, door="test")
    here, laptop, phone = (accounts.login(db, "anna", PASSWORD, adres=HOME).token for _ in range(3))
    new_token = accounts.change_password(db, here, PASSWORD, NEW, adres=HOME)
    for ended in (here, laptop, phone):
        assert accounts.session_visitor(db, ended) is None
    assert accounts.session_visitor(db, new_token).name == "anna"  # this browser goes on with a new session
    assert accounts.login(db, "anna", PASSWORD).token is None
    assert accounts.login(db, "anna", NEW).token
    with db.make_session() as session:
        row = session.execute(select(AuditLog.gebruiker, AuditLog.adres, AuditLog.details)
                              .where(AuditLog.actie == "wachtwoord_gewijzigd")).one()
    assert tuple(row) == ("anna", HOME, "3 sessies beëindigd")


def test_a_wrong_current_password_changes_nothing_and_counts_as_a_failure(db):
    accounts.add_user(db, "anna", "redacteur", PASSWORD, door="test")
    token = accounts.login(db, "anna", PASSWORD, adres=HOME).token
    with pytest.raises(accounts.AccountError, match="huidige wachtwoord klopt niet"):
        accounts.change_password(db, token, "niet-het-goede", NEW, adres=HOME)
    assert accounts.session_visitor(db, token) and accounts.login(db, "anna", PASSWORD).token
    for _ in range(5):  # a borrowed session cannot guess the password faster than the login form
        with pytest.raises(accounts.AccountError):
            accounts.change_password(db, token, "nog-een-gok-erbij", NEW, adres=HOME)
    with pytest.raises(accounts.AccountError, match="Wacht nog"):
        accounts.change_password(db, token, PASSWORD, NEW, adres=HOME)
    with pytest.raises(accounts.AccountError, match="niet \\(meer\\) ingelogd"):
        accounts.change_password(db, "verzonnen", PASSWORD, NEW)
    with db.make_session() as session:
        assert session.scalar(select(AuditLog.adres).where(AuditLog.actie == "wachtwoord_wijzigen_mislukt")) == HOME


def test_the_new_password_must_differ_and_follow_the_rule(db):
    accounts.add_user(db, "anna", "redacteur", PASSWORD, door="test")
    token = accounts.login(db, "anna", PASSWORD).token
    with pytest.raises(accounts.AccountError, match="gelijk aan het huidige"):
        accounts.change_password(db, token, PASSWORD, PASSWORD)
    with pytest.raises(accounts.AccountError, match="bevat uw gebruikersnaam"):
        accounts.change_password(db, token, PASSWORD, "anna-is-de-baas-hier")
    assert accounts.session_visitor(db, token)  # nothing ended


# --- reset links ------------------------------------------------------------------------------------

@pytest.fixture
def anna(db):
    accounts.add_user(db, "anna", "beheerder", PASSWORD, door="test")
    accounts.add_user(db, "bert", "lezer", "zijn-eigen-lange-zin", door="test")
    return db


def test_a_reset_link_is_shown_once_stored_hashed_and_ends_every_session(anna):
    db = anna
    sessions = [accounts.login(db, "bert", "zijn-eigen-lange-zin").token for _ in range(2)]
    info, token = herstel.create(db, "bert", door="anna", adres=HOME)
    assert (info.naam, info.soort, info.state, (info.expires - info.created).days) == ("bert", "herstel", "open", 2)
    with db.make_session() as session:
        stored = session.scalar(select(Uitnodiging.token_hash).where(Uitnodiging.soort == "herstel"))
    assert stored == tokens.digest(token) and token not in stored and len(token) >= 40
    assert herstel.url("https://monitor.example.nl/", token) == f"https://monitor.example.nl/?herstel={token}"
    assert herstel.verify(db, token).naam == "bert"
    assert all(accounts.session_visitor(db, t) for t in sessions)  # making the link ends nothing yet
    new_session = herstel.accept(db, token, NEW, adres=HOME)
    assert not any(accounts.session_visitor(db, t) for t in sessions)
    assert accounts.session_visitor(db, new_session).name == "bert"
    assert accounts.login(db, "bert", NEW).token and not accounts.login(db, "bert", "zijn-eigen-lange-zin").token
    with db.make_session() as session:
        events = session.execute(select(AuditLog.gebruiker, AuditLog.actie, AuditLog.object, AuditLog.adres)
                                 .where(AuditLog.actie.like("herstellink%")).order_by(AuditLog.id)).all()
    assert [tuple(e) for e in events] == [("anna", "herstellink_gemaakt", "bert", HOME),
                                           ("bert", "herstellink_gebruikt", "bert", HOME)]


def test_a_reset_link_works_once(anna):
    _, token = herstel.create(anna, "bert", door="anna")
    herstel.accept(anna, token, NEW)
    with pytest.raises(UitnodigingRefused, match="al gebruikt") as refused:
        herstel.accept(anna, token, "nog-een-nieuwe-zin-erbij")
    assert refused.value.refusal is Refusal.USED and accounts.login(anna, "bert", NEW).token


def test_an_expired_withdrawn_replaced_or_disabled_reset_link_changes_nothing(anna):
    db = anna
    _, expired = herstel.create(db, "bert", door="anna")
    with db.session() as session:
        session.execute(update(Uitnodiging).values(verloopt=clock.now() - timedelta(seconds=1)))
    with pytest.raises(UitnodigingRefused, match="verlopen"):
        herstel.accept(db, expired, NEW)
    _, replaced = herstel.create(db, "bert", door="anna")
    info, newest = herstel.create(db, "bert", door="anna")  # a new link withdraws the open one
    assert herstel.verify(db, replaced) is Refusal.WITHDRAWN
    uitnodigingen.withdraw(db, info.id, door="anna")
    assert herstel.verify(db, newest) is Refusal.WITHDRAWN
    _, disabled = herstel.create(db, "bert", door="anna")
    accounts.set_active(db, "bert", False, door="anna")
    with pytest.raises(UitnodigingRefused, match="ingetrokken"):
        herstel.accept(db, disabled, NEW)
    accounts.set_active(db, "bert", True, door="anna")
    assert accounts.login(db, "bert", "zijn-eigen-lange-zin").token  # the old password still works


def test_reset_and_invitation_tokens_do_not_open_each_other(demo_db):
    accounts.add_user(demo_db, "bert", "lezer", "zijn-eigen-lange-zin", door="test")
    _, reset = herstel.create(demo_db, "bert", door="anna")
    _, invite = uitnodigingen.create(demo_db, "ria", "partner", HV, door="anna")
    assert uitnodigingen.verify(demo_db, reset) is Refusal.UNKNOWN
    assert herstel.verify(demo_db, invite) is Refusal.UNKNOWN
    with pytest.raises(UitnodigingRefused):
        uitnodigingen.accept(demo_db, reset, NEW)
    with pytest.raises(UitnodigingRefused, match="nieuw wachtwoord"):
        herstel.accept(demo_db, invite, NEW)
    assert herstel.verify(demo_db, tokens.new()) is Refusal.UNKNOWN


def test_reset_link_rules(anna):
    with pytest.raises(accounts.AccountError, match="geen gebruiker"):
        herstel.create(anna, "niemand", door="anna")
    with pytest.raises(accounts.AccountError, match="dagen"):
        herstel.create(anna, "bert", door="anna", days=herstel.MAX_DAYS + 1)
    accounts.set_active(anna, "bert", False, door="anna")
    with pytest.raises(accounts.AccountError, match="uitgeschakeld"):
        herstel.create(anna, "bert", door="anna")


def test_disabling_ends_every_session_and_is_audited(anna):
    token = accounts.login(anna, "bert", "zijn-eigen-lange-zin").token
    accounts.set_active(anna, "bert", False, door="anna", adres=HOME)
    assert accounts.session_visitor(anna, token) is None
    with anna.make_session() as session:
        row = session.execute(select(AuditLog.gebruiker, AuditLog.object, AuditLog.adres, AuditLog.details)
                              .where(AuditLog.actie == "gebruiker_uitgeschakeld")).one()
    assert tuple(row) == ("anna", "bert", HOME, "1 sessie beëindigd")


def test_the_cli_makes_a_reset_link_and_prints_it_last(anna, monkeypatch, capsys):
    monkeypatch.setenv("DASHBOARD_DATABASE_URL", anna.engine.url.render_as_string(hide_password=False))
    monkeypatch.setenv("DASHBOARD_BASE_URL", "https://monitor.example.nl")
    assert cli.main(["users", "reset-link", "bert", "--days", "1"]) == 0
    out = capsys.readouterr().out.strip().splitlines()
    assert "Herstellink" in out[0] and out[-1].startswith("https://monitor.example.nl/?herstel=")
    assert herstel.verify(anna, out[-1].split("herstel=", 1)[1]).naam == "bert"
    assert cli.main(["users", "invitations"]) == 0
    assert "\tbert\therstellink\t-\topen\t" in capsys.readouterr().out
    assert cli.main(["users", "reset-link", "niemand"]) == 1
    assert "geen gebruiker" in capsys.readouterr().err
