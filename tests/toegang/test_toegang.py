"""Accounts, sessions and share links in the core, without Streamlit (throttling: test_throttle.py)."""
from __future__ import annotations

import subprocess
import sys
from datetime import timedelta

import pytest
from sqlalchemy import select, update

from dashboard import clock
from dashboard.models import AuditLog, DeelLink, Gebruiker, LoginSessie
from dashboard.toegang import access, accounts, share_links, tokens
from dashboard.toegang.share_links import Refusal

SECRET = "unit-test-secret"
PASSWORD = "een-lang-wachtwoord"


@pytest.fixture
def anna(db):
    accounts.add_user(db, "anna", "beheerder", PASSWORD, door="test")
    return "anna"


def test_password_is_stored_as_argon2_hash_only(db, anna):
    with db.make_session() as session:
        stored = session.scalar(select(Gebruiker.wachtwoord_hash))
    assert stored.startswith("$argon2id$") and PASSWORD not in stored


# What the product itself does, in a process of its own: the tests' cheap hasher is not in it.
_PRODUCT_HASHING = """
import argon2
made = []
real_hash = argon2.PasswordHasher.hash
argon2.PasswordHasher.hash = lambda self, *args, **kwargs: made.append(1) or real_hash(self, *args, **kwargs)
from dashboard import cli
from dashboard.toegang import accounts
at_import = len(made)
print(at_import, accounts.hasher.hash("een-lang-wachtwoord"))
"""


def test_the_product_hashes_with_argon2s_full_profile_and_not_at_import():
    done = subprocess.run([sys.executable, "-c", _PRODUCT_HASHING], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    at_import, stored = done.stdout.split()
    assert at_import == "0"  # a CLI command that never logs anyone in pays for no hash
    assert stored.startswith("$argon2id$v=19$m=65536,t=3,p=4$")  # RFC 9106's low-memory profile


def test_login_gives_a_session_that_names_the_user(db, anna):
    result = accounts.login(db, "anna", PASSWORD)
    visitor = accounts.session_visitor(db, result.token)
    assert (visitor.name, visitor.role, visitor.share_pages) == ("anna", "beheerder", None)


def test_wrong_password_and_unknown_name_get_the_same_message(db, anna):
    wrong_password = accounts.login(db, "anna", "niet-het-wachtwoord")
    unknown_name = accounts.login(db, "bestaatniet", PASSWORD)
    assert wrong_password.token is None and unknown_name.token is None
    assert wrong_password.message == unknown_name.message == accounts.WRONG


def test_logout_disable_idle_and_expiry_end_a_session(db, anna):
    accounts.add_user(db, "bert", "redacteur", PASSWORD, door="anna")
    logged_out, disabled, idle, old = (accounts.login(db, n, PASSWORD).token for n in ("anna", "bert", "anna", "anna"))
    accounts.end_session(db, logged_out)
    accounts.set_active(db, "bert", False, door="anna")
    now = clock.now()
    with db.session() as session:
        session.execute(update(LoginSessie).where(LoginSessie.token_hash == tokens.digest(idle))
                        .values(laatst_gezien=now - accounts.IDLE_TIMEOUT - timedelta(seconds=1)))
        session.execute(update(LoginSessie).where(LoginSessie.token_hash == tokens.digest(old))
                        .values(verloopt=now - timedelta(seconds=1)))
    for token in (logged_out, disabled, idle, old, "verzonnen-token", "", None):
        assert accounts.session_visitor(db, token) is None
    assert accounts.login(db, "bert", PASSWORD).token is None  # disabled accounts cannot log in


def test_account_rules(db, anna):
    with pytest.raises(accounts.AccountError, match="bestaat al"):
        accounts.add_user(db, "Anna", "lezer", PASSWORD, door="test")
    with pytest.raises(accounts.AccountError, match="minstens"):
        accounts.add_user(db, "kees", "lezer", "kort", door="test")
    with pytest.raises(accounts.AccountError, match="Onbekende rol"):
        accounts.add_user(db, "kees", "baas", PASSWORD, door="test")
    with pytest.raises(accounts.AccountError, match="laatste actieve beheerder"):
        accounts.set_active(db, "anna", False, door="anna")
    with pytest.raises(accounts.AccountError, match="laatste actieve beheerder"):
        accounts.set_role(db, "anna", "lezer", door="anna")
    with pytest.raises(accounts.AccountError, match="al een account"):
        accounts.add_first_beheerder(db, "eva", PASSWORD)
    with db.make_session() as session:
        assert session.scalar(select(AuditLog.actie)) == "gebruiker_toegevoegd"


def test_share_link_token_is_random_and_stored_hashed(db):
    info, token = share_links.create(db, "Gemeenteraad", door="anna")
    assert len(token) >= 22 and info.pages == tuple(sorted(share_links.DEFAULT_PAGES))
    with db.make_session() as session:
        stored = session.scalar(select(DeelLink.token_hash))
    assert stored == tokens.digest(token) and token not in stored
    assert share_links.url("http://x:8501/", token) == f"http://x:8501/?deel={token}"


def test_a_share_link_leaves_the_deck_out_unless_its_maker_adds_it(db):
    info, token = share_links.create(db, "Gemeenteraad", door="anna")
    assert "presentatie" not in info.pages
    assert not access.may_open(share_links.verify(db, token), "presentatie")


def test_a_share_link_shows_a_coming_meeting_only_when_the_link_allows_it(db):
    today = clock.today()
    _, plain = share_links.create(db, "Raad", door="anna", pages=["kompas", "presentatie"])
    info, komend = share_links.create(db, "Raad, met concept", door="anna", pages=["kompas", "presentatie"],
                                      komende_vergaderingen=True)
    raad, met_concept = share_links.verify(db, plain), share_links.verify(db, komend)
    assert access.may_see_vergadering(raad, today) and access.may_see_vergadering(raad, today - timedelta(days=30))
    assert not access.may_see_vergadering(raad, today + timedelta(days=1))
    assert info.komende_vergaderingen and access.may_see_vergadering(met_concept, today + timedelta(days=14))
    assert access.may_see_vergadering(access.Visitor("anna", "lezer"), today + timedelta(days=14))
    with pytest.raises(share_links.ShareError, match="Presentatie"):
        share_links.create(db, "Raad", door="anna", pages=["kompas"], komende_vergaderingen=True)


def test_share_visitor_is_a_lezer_limited_by_the_link(demo_db):
    gemeente = demo_db.engine.connect().exec_driver_sql(
        "SELECT code FROM gebieden WHERE niveau = 'gemeente'").scalar()
    _, token = share_links.create(demo_db, "Wijkraad", door="anna", pages=["dashboard"], gebied=gemeente,
                                  downloads=False)
    visitor = share_links.verify(demo_db, token)
    assert visitor.role == "lezer" and visitor.share_pages == {"dashboard"}
    assert visitor.share_gebied == gemeente and not visitor.share_downloads
    assert [link.last_used is not None for link in share_links.list_links(demo_db)] == [True]


def test_forged_tampered_expired_revoked_and_wrong_scope_are_refused(db):
    info, token = share_links.create(db, "Raad", door="anna")
    expired_info, expired = share_links.create(db, "Oud", door="anna")
    with db.session() as session:
        session.execute(update(DeelLink).where(DeelLink.id == expired_info.id)
                        .values(verloopt=clock.now() - timedelta(seconds=1)))
    assert share_links.verify(db, tokens.new()) is Refusal.UNKNOWN  # forged
    assert share_links.verify(db, token[:-1] + ("A" if token[-1] != "A" else "B")) is Refusal.UNKNOWN
    assert share_links.verify(db, expired) is Refusal.EXPIRED
    share_links.revoke(db, info.id, door="anna")
    assert share_links.verify(db, token) is Refusal.REVOKED
    for refusal in Refusal:
        assert "deellink" in refusal.message.lower()
    # cookies: a tampered signature, another secret, or a session cookie offered as share cookie
    signed = tokens.sign(tokens.SHARE, token, SECRET)
    assert tokens.unsign(tokens.SHARE, signed, SECRET, 3600) == token
    assert tokens.unsign(tokens.SHARE, signed[:-2] + "xx", SECRET, 3600) is None
    assert tokens.unsign(tokens.SHARE, signed, "ander-geheim", 3600) is None
    assert tokens.unsign(tokens.SHARE, tokens.sign(tokens.SESSION, token, SECRET), SECRET, 3600) is None
    assert tokens.unsign(tokens.SHARE, "zomaar-iets", SECRET, 3600) is None


def test_share_link_rules(db):
    with pytest.raises(share_links.ShareError, match="label"):
        share_links.create(db, "  ", door="anna")
    with pytest.raises(share_links.ShareError, match="dagen"):
        share_links.create(db, "Raad", door="anna", days=0)
    with pytest.raises(share_links.ShareError, match="beheer"):
        share_links.create(db, "Raad", door="anna", pages=["dashboard", "beheer"])
    with pytest.raises(share_links.ShareError, match="bestaat niet"):
        share_links.create(db, "Raad", door="anna", gebied="GM0000")
    with pytest.raises(share_links.ShareError, match="geen deellink"):
        share_links.revoke(db, 999, door="anna")


def test_single_sign_on_maps_an_address_or_its_domain_to_a_role():
    roles = {"Anna@Gemeente.nl": "beheerder", "@corporatie.nl": "lezer", "eve@x.nl": "baas"}
    assert accounts.sso_role("anna@gemeente.nl", roles) == "beheerder"
    assert accounts.sso_role("piet@corporatie.nl", roles) == "lezer"
    assert accounts.sso_role("piet@elders.nl", roles) is None
    assert accounts.sso_role("eve@x.nl", roles) is None  # not a role in access.py
    assert accounts.sso_role("", roles) is None


def test_gebied_limit_keeps_that_gebied_and_the_areas_inside_it(demo_db):
    from dashboard import queries, views

    with demo_db.make_session() as session:
        options = queries.options(session)
    gemeente = options.gebieden[options.gebieden["niveau"] == "gemeente"]["code"].iloc[0]
    assert views.within(options, None) is options
    assert set(views.within(options, gemeente).gebieden["code"]) == set(options.gebieden["code"])
    wijk = views.within(options, "WK990102")
    assert list(wijk.gebieden["code"]) == ["WK990102"]
    assert views.from_params({"gebied": gemeente}, wijk)[0].gebied == "WK990102"  # outside: the default
