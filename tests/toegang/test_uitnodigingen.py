"""Invitations: one-time, hashed, expiring, withdrawable; taking one up creates the account and logs in."""
from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select, update

from dashboard import clock
from dashboard.models import Gebruiker, Uitnodiging
from dashboard.toegang import accounts, tokens, uitnodigingen
from dashboard.toegang.uitnodigingen import UitnodigingRefused, Refusal

HV = "Huurdersvereniging Samen Sterk"
PASSWORD = "mijn-eigen-wachtwoord"


def users(db) -> int:
    with db.make_session() as session:
        return session.scalar(select(func.count(Gebruiker.id)))


def test_an_uitnodiging_is_shown_once_and_stored_hashed(demo_db):
    info, token = uitnodigingen.create(demo_db, "ria", "partner", HV, door="anna", days=14)
    assert (info.naam, info.rol, info.partij, info.state) == ("ria", "partner", HV, "open")
    with demo_db.make_session() as session:
        stored = session.scalar(select(Uitnodiging.token_hash))
    assert stored == tokens.digest(token) and token not in stored and len(token) >= 40
    assert uitnodigingen.url("https://monitor.example.nl/", token) == f"https://monitor.example.nl/?uitnodiging={token}"
    assert (info.expires - info.created).days == 14


def test_taking_it_up_creates_the_account_of_the_partij_and_logs_in(demo_db):
    _, token = uitnodigingen.create(demo_db, "ria", "partner", HV, door="anna")
    assert uitnodigingen.verify(demo_db, token).naam == "ria"
    session_token = uitnodigingen.accept(demo_db, token, PASSWORD)
    visitor = accounts.session_visitor(demo_db, session_token)
    assert (visitor.name, visitor.role, visitor.partij) == ("ria", "partner", HV)
    assert accounts.login(demo_db, "ria", PASSWORD).token  # and the password works from now on
    assert [i.state for i in uitnodigingen.list_uitnodigingen(demo_db)] == ["gebruikt"]


def test_a_used_uitnodiging_is_refused_and_creates_nothing(demo_db):
    _, token = uitnodigingen.create(demo_db, "ria", "partner", HV, door="anna")
    uitnodigingen.accept(demo_db, token, PASSWORD)
    before = users(demo_db)
    with pytest.raises(UitnodigingRefused) as refused:
        uitnodigingen.accept(demo_db, token, "een-ander-wachtwoord")
    assert refused.value.refusal is Refusal.USED and "al gebruikt" in str(refused.value)
    assert users(demo_db) == before and uitnodigingen.verify(demo_db, token) is Refusal.USED


def test_an_expired_uitnodiging_is_refused_and_creates_nothing(demo_db):
    _, token = uitnodigingen.create(demo_db, "ria", "partner", HV, door="anna")
    with demo_db.session() as session:
        session.execute(update(Uitnodiging).values(verloopt=clock.now() - timedelta(seconds=1)))
    before = users(demo_db)
    with pytest.raises(UitnodigingRefused, match="verlopen"):
        uitnodigingen.accept(demo_db, token, PASSWORD)
    assert users(demo_db) == before and [i.state for i in uitnodigingen.list_uitnodigingen(demo_db)] == ["verlopen"]


def test_a_withdrawn_uitnodiging_is_refused_and_creates_nothing(demo_db):
    info, token = uitnodigingen.create(demo_db, "ria", "partner", HV, door="anna")
    assert uitnodigingen.withdraw(demo_db, info.id, door="anna").state == "ingetrokken"
    before = users(demo_db)
    with pytest.raises(UitnodigingRefused, match="ingetrokken"):
        uitnodigingen.accept(demo_db, token, PASSWORD)
    assert users(demo_db) == before


def test_a_forged_token_and_a_weak_password_create_nothing(demo_db):
    _, token = uitnodigingen.create(demo_db, "ria", "partner", HV, door="anna")
    before = users(demo_db)
    for forged in (tokens.new(), token[:-1] + ("A" if token[-1] != "A" else "B"), "", None, "x" * 500):
        with pytest.raises(UitnodigingRefused, match="niet geldig"):
            uitnodigingen.accept(demo_db, forged, PASSWORD)
    with pytest.raises(accounts.AccountError, match="minstens"):
        uitnodigingen.accept(demo_db, token, "kort")
    assert users(demo_db) == before and uitnodigingen.verify(demo_db, token).state == "open"


def test_uitnodiging_rules(demo_db):
    with pytest.raises(accounts.AccountError, match="hoort bij een partij"):
        uitnodigingen.create(demo_db, "ria", "partner", None, door="anna")
    with pytest.raises(accounts.AccountError, match="geen partij"):
        uitnodigingen.create(demo_db, "ria", "partner", "Bestaat Niet", door="anna")
    with pytest.raises(accounts.AccountError, match="Onbekende rol"):
        uitnodigingen.create(demo_db, "ria", "baas", HV, door="anna")
    with pytest.raises(accounts.AccountError, match="dagen"):
        uitnodigingen.create(demo_db, "ria", "partner", HV, door="anna", days=0)
    uitnodigingen.create(demo_db, "ria", "partner", HV, door="anna")
    with pytest.raises(accounts.AccountError, match="open uitnodiging"):
        uitnodigingen.create(demo_db, "Ria", "lezer", HV, door="anna")
    accounts.add_user(demo_db, "bert", "lezer", PASSWORD, door="anna")
    with pytest.raises(accounts.AccountError, match="bestaat al"):
        uitnodigingen.create(demo_db, "bert", "lezer", HV, door="anna")
    with pytest.raises(accounts.AccountError, match="geen uitnodiging"):
        uitnodigingen.withdraw(demo_db, 999, door="anna")
