"""The login throttle (issue #19): growing waits per name and per client address, never a lockout of
everybody; the client's address, believed from a forwarded header only behind a trusted proxy."""
from __future__ import annotations

import ipaddress
import random
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from dashboard import clock
from dashboard.models import AuditLog, MisluktLogin
from dashboard.toegang import accounts, client, throttle

PASSWORD = "een-lang-wachtwoord"
HOME, OFFICE = "203.0.113.10", "198.51.100.20"


@pytest.fixture
def tijd(monkeypatch):
    """The clock of the core, moved by hand: tijd(seconds) moves it on."""
    now = [clock.now()]
    monkeypatch.setattr(clock, "now", lambda: now[0])

    def advance(seconds: float = 0):
        now[0] += timedelta(seconds=seconds)
        return now[0]
    return advance


@pytest.fixture
def beheerder(db):
    accounts.add_user(db, "beheerder.anna", "beheerder", PASSWORD, door="test")
    return "beheerder.anna"


def random_address(rng: random.Random) -> str:
    if rng.random() < 0.2:
        return str(ipaddress.IPv6Address(rng.getrandbits(128)))
    return str(ipaddress.IPv4Address(rng.getrandbits(32)))


def failures(db) -> int:
    with db.make_session() as session:
        return session.scalar(select(func.count(MisluktLogin.id)))


def test_guesses_at_made_up_names_from_made_up_addresses_never_stop_the_beheerder(db, beheerder, tijd):
    rng = random.Random(19)
    assert accounts.login(db, beheerder, PASSWORD, adres=HOME).token  # the beheerder's own desk
    for i in range(150):  # the old code locked every account after 100 of these
        guess = accounts.login(db, f"gok{rng.getrandbits(40):x}", "fout-wachtwoord", adres=random_address(rng))
        assert guess.message == accounts.WRONG  # every guess is a fresh name from a fresh address
        if i % 50 == 0:
            assert accounts.login(db, beheerder, PASSWORD, adres=HOME).token
    for adres in (HOME, OFFICE, None):  # from home, from a new address, from an unknown one
        result = accounts.login(db, beheerder, PASSWORD, adres=adres)
        assert result.token and result.message is None, adres
    assert not hasattr(accounts, "MAX_FAILURES_OVERALL")


def test_failures_for_one_name_slow_that_name_down_with_growing_waits(db, beheerder, tijd):
    rng = random.Random(7)
    for _ in range(throttle.FREE_PER_NAME):  # from ever other addresses: the name is what counts
        assert accounts.login(db, beheerder, "fout", adres=random_address(rng)).message == accounts.WRONG
    waits = []
    for _ in range(7):
        refused = accounts.login(db, beheerder, PASSWORD, adres=random_address(rng))  # even the right password
        assert refused.token is None and "met deze gebruikersnaam" in refused.message
        waits.append(refused.message.split("Wacht nog ")[1].split(" en probeer")[0])
        tijd(throttle.delay(failures(db), throttle.FREE_PER_NAME).total_seconds() + 1)
        assert accounts.login(db, beheerder, "fout", adres=random_address(rng)).message == accounts.WRONG
    assert waits == ["30 seconden", "1 minuut", "2 minuten", "4 minuten", "8 minuten", "15 minuten", "15 minuten"]
    tijd(throttle.MAX_WAIT.total_seconds() + 1)
    assert accounts.login(db, beheerder, PASSWORD, adres=OFFICE).token  # the wait is over


def test_an_unknown_name_is_slowed_down_the_same_way(db, beheerder):
    said = {}
    for name in (beheerder, "bestaat.niet"):
        for i in range(throttle.FREE_PER_NAME):
            accounts.login(db, name, "fout", adres=f"192.0.2.{i}")
        said[name] = accounts.login(db, name, "fout", adres="192.0.2.99").message
    assert said[beheerder] == said["bestaat.niet"]  # the wait does not tell which names exist


def test_a_refused_attempt_is_not_checked_does_not_count_and_is_logged_once_per_wait(db, beheerder, tijd, monkeypatch):
    for i in range(throttle.FREE_PER_NAME):
        accounts.login(db, beheerder, "fout", adres=f"192.0.2.{i}")
    before = failures(db)
    monkeypatch.setattr(accounts, "_verify", lambda *_: pytest.fail("a throttled attempt is not checked"))
    for _ in range(10):
        tijd(1)
        assert "Wacht nog" in accounts.login(db, beheerder, PASSWORD, adres=OFFICE).message
    assert failures(db) == before  # knocking does not make the wait longer
    with db.make_session() as session:
        logged = session.execute(select(AuditLog.gebruiker, AuditLog.adres, AuditLog.details)
                                 .where(AuditLog.actie == "inloggen_vertraagd")).all()
    assert len(logged) == 1 and logged[0][:2] == (beheerder, OFFICE) and "wacht nog" in logged[0][2]


def test_an_address_that_guesses_many_names_waits_and_other_addresses_do_not(db, beheerder, tijd):
    for i in range(throttle.FREE_PER_ADDRESS):
        assert accounts.login(db, f"naam{i}", "fout", adres=OFFICE).message == accounts.WRONG
    refused = accounts.login(db, "naam-nieuw", "fout", adres=OFFICE)
    assert "vanaf dit netwerkadres" in refused.message and "30 seconden" in refused.message
    assert accounts.login(db, "naam-nieuw", "fout", adres=HOME).message == accounts.WRONG  # another address
    assert accounts.login(db, beheerder, PASSWORD, adres=HOME).token
    tijd(31)
    assert accounts.login(db, "naam-nieuw", "fout", adres=OFFICE).message == accounts.WRONG
    assert "1 minuut" in accounts.login(db, "nog-een", "fout", adres=OFFICE).message  # and doubles


def test_an_ipv6_client_is_counted_by_its_64_network(db, tijd):
    for i in range(throttle.FREE_PER_ADDRESS):  # every guess from another address in one /64
        accounts.login(db, f"naam{i}", "fout", adres=f"2001:db8:1:2::{i + 1:x}")
    assert "netwerkadres" in accounts.login(db, "x", "fout", adres="2001:db8:1:2:ffff::1").message
    assert accounts.login(db, "x", "fout", adres="2001:db8:1:3::1").message == accounts.WRONG


def test_guesses_from_elsewhere_do_not_slow_a_user_at_an_address_they_logged_in_from(db, beheerder, tijd):
    assert accounts.login(db, beheerder, PASSWORD, adres=HOME).token
    rng = random.Random(3)
    for _ in range(12):  # someone guesses the beheerder's password from all over
        accounts.login(db, beheerder, "fout", adres=random_address(rng))
    for i in range(throttle.FREE_PER_ADDRESS + 5):  # and someone at home guesses other names
        accounts.login(db, f"buur{i}", "fout", adres=HOME)
    assert accounts.login(db, beheerder, PASSWORD, adres=HOME).token  # at home: not slowed down
    assert "Wacht nog" in accounts.login(db, beheerder, PASSWORD, adres=OFFICE).message  # a new address waits
    for _ in range(throttle.FREE_PER_NAME):  # guessing the beheerder's password from home itself is slowed
        accounts.login(db, beheerder, "fout", adres=HOME)
    assert "met deze gebruikersnaam" in accounts.login(db, beheerder, PASSWORD, adres=HOME).message


def test_failures_are_forgotten_after_the_window(db, beheerder, tijd):
    for i in range(throttle.FREE_PER_NAME + 3):
        accounts.login(db, beheerder, "fout", adres=f"192.0.2.{i}")
        tijd(throttle.MAX_WAIT.total_seconds())
    tijd(throttle.WINDOW.total_seconds())
    assert accounts.login(db, beheerder, PASSWORD, adres=OFFICE).token
    accounts.login(db, "iemand", "fout", adres=OFFICE)
    assert failures(db) == 1  # the old rows are gone


def test_sign_in_events_are_in_the_audit_log_with_the_address(db, beheerder):
    accounts.add_user(db, "bert", "lezer", "zijn-eigen-lange-zin", door="test")
    accounts.set_active(db, "bert", False, door=beheerder, adres=HOME)
    token = accounts.login(db, beheerder, PASSWORD, adres=HOME).token
    accounts.login(db, beheerder, "fout", adres="2001:db8::7")
    accounts.login(db, "niemand", "fout", adres=OFFICE)
    accounts.login(db, "bert", "zijn-eigen-lange-zin", adres=OFFICE)
    accounts.end_session(db, token, adres=HOME)
    with db.make_session() as session:
        rows = session.execute(select(AuditLog.gebruiker, AuditLog.actie, AuditLog.adres, AuditLog.details)
                               .where(AuditLog.actie != "gebruiker_toegevoegd").order_by(AuditLog.id)).all()
    assert [tuple(r) for r in rows] == [
        (beheerder, "gebruiker_uitgeschakeld", HOME, "0 sessies beëindigd"),
        (beheerder, "ingelogd", HOME, ""),
        (beheerder, "inloggen_mislukt", "2001:db8::7", "verkeerd wachtwoord"),
        ("niemand", "inloggen_mislukt", OFFICE, "geen account met deze naam"),
        ("bert", "inloggen_mislukt", OFFICE, "uitgeschakeld account"),
        (beheerder, "uitgelogd", HOME, ""),
    ]


# --- the client's address -------------------------------------------------------------------------

LOOPBACK = client.parse_trusted("")


def test_a_forwarded_header_from_an_untrusted_peer_is_ignored():
    forged = {"X-Forwarded-For": "192.0.2.66", "X-Real-IP": "192.0.2.67"}
    assert client.address("203.0.113.5", forged, LOOPBACK) == "203.0.113.5"
    assert client.address("203.0.113.5", forged, client.parse_trusted("10.0.0.0/8")) == "203.0.113.5"


def test_a_trusted_proxy_forwards_the_client_address():
    proxies = client.parse_trusted("127.0.0.1, 10.0.0.0/8")
    # nginx appends the peer it saw; whatever the client wrote itself stands further left
    chain = {"x-forwarded-for": "192.0.2.66, 203.0.113.5, 10.0.0.2"}
    assert client.address("127.0.0.1", chain, proxies) == "203.0.113.5"
    assert client.address("10.0.0.9", [("X-Forwarded-For", "192.0.2.66"), ("X-Forwarded-For", "203.0.113.5")],
                          proxies) == "203.0.113.5"  # a repeated header is one list
    assert client.address("127.0.0.1", {"X-Real-IP": "203.0.113.7"}, proxies) == "203.0.113.7"
    assert client.address("127.0.0.1", {"X-Forwarded-For": "[2001:db8::1]:4711"}, proxies) == "2001:db8::1"
    assert client.address("127.0.0.1", {"X-Forwarded-For": "203.0.113.9:51234"}, proxies) == "203.0.113.9"
    assert client.address("127.0.0.1", {}, proxies) == "127.0.0.1"  # the proxy forwarded nothing
    assert client.address("127.0.0.1", {"X-Forwarded-For": "geen-adres, 10.0.0.2"}, proxies) == "10.0.0.2"
    assert client.address("127.0.0.1", {"X-Forwarded-For": "192.0.2.1"}, client.parse_trusted("none")) == "127.0.0.1"
    assert client.address(None, {}, proxies) is None
    assert client.address("::ffff:203.0.113.5", {}, proxies) == "203.0.113.5"


def test_the_throttle_counts_an_address_an_ipv6_network_or_nothing():
    assert client.throttle_key("203.0.113.5", LOOPBACK) == "203.0.113.5"
    assert client.throttle_key("2001:db8:1:2:3:4:5:6", LOOPBACK) == "2001:db8:1:2::/64"
    # no address, or only the proxy's own: no per-address count, or everybody behind it would share one
    assert client.throttle_key(None, LOOPBACK) is None
    assert client.throttle_key("127.0.0.1", LOOPBACK) is None
    assert client.throttle_key("zomaar", LOOPBACK) is None


def test_the_trusted_proxies_setting():
    assert [str(n) for n in client.parse_trusted(None)] == ["127.0.0.1/32", "::1/128"]
    assert client.parse_trusted("none") == ()
    assert [str(n) for n in client.parse_trusted("10.0.0.5 192.168.0.0/16,fd00::/8")] == [
        "10.0.0.5/32", "192.168.0.0/16", "fd00::/8"]
    with pytest.raises(ValueError, match="geen IP-adres of netwerk"):
        client.parse_trusted("proxy.example.nl")


def test_guesses_get_a_share_of_the_cores_and_a_known_address_does_not_queue_behind_them(db, beheerder, monkeypatch):
    assert accounts.login(db, beheerder, PASSWORD, adres=HOME).token
    monkeypatch.setattr(accounts, "STRANGER_WAIT", 0.05)
    taken = [accounts._strangers.acquire(timeout=1) for _ in range(accounts.STRANGER_SLOTS)]  # a flood holds them
    try:
        assert all(taken)
        busy = accounts.login(db, "gok", "fout", adres=OFFICE)
        assert busy.token is None and busy.message == accounts.BUSY
        assert failures(db) == 0  # not checked, so not counted
        assert accounts.login(db, beheerder, PASSWORD, adres=HOME).token  # her own address does not wait
        assert accounts.login(db, beheerder, PASSWORD, adres=OFFICE).message == accounts.BUSY
    finally:
        for _ in taken:
            accounts._strangers.release()
    assert accounts.login(db, beheerder, PASSWORD, adres=OFFICE).token
