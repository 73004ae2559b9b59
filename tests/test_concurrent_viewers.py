"""Under load and on a fresh server: the real `streamlit run app.py`, visited at the protocol level.

Twenty councillors open one share link at once: every one of them gets the dashboard, none an
error box, 'page not found' or a database-busy message. And a deep link (a share link to
/dashboard, a login cookie with /afspraken?afspraak=4) as the very first request of a fresh
server lands on that page, not on the Kompas. No time is asserted (benchmarks/concurrent_viewers.py
measures); the viewers wait up to a few minutes, so a slow machine is not a failure.
"""
from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

import reader
from dashboard import afspraken
from dashboard.db import open_database
from dashboard.testing.live_server import Server, copy_state, demo_folder
from dashboard.testing.protocol import Result, open_many, open_one
from dashboard.toegang import accounts, tokens

pytestmark = pytest.mark.load

DASHBOARD_TITLE = "Volkshuisvestelijk dashboard"
VIEWERS = 20


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    """The demo data made once (`init --demo`); every server gets a copy of it."""
    return demo_folder(tmp_path_factory.mktemp("demo"))


@pytest.fixture
def fresh_server(demo, tmp_path):
    """A server that has served nobody yet, on its own copy of the demo data."""
    started = []

    def start() -> Server:
        folder = tmp_path / f"server{len(started)}"
        copy_state(demo, folder)
        server = Server(folder)
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()


def share_token(server: Server) -> str:
    made = server.cli("share", "create", "--label", "Gemeenteraad", "--json")
    assert made.returncode == 0, made.stderr
    return parse_qs(urlsplit(made.stdout.strip().splitlines()[-1]).query)["deel"][0]


def login_cookie(server: Server, name: str = "raadslid", role: str = "lezer") -> dict[str, str]:
    """The signed session cookie a browser would carry after logging in (as visitor.py writes it)."""
    added = server.cli("users", "add", name, "--role", role, "--password-stdin", stdin="lang-genoeg-wachtwoord\n")
    assert added.returncode == 0, added.stderr
    db = open_database(server.env["DASHBOARD_DATABASE_URL"])
    try:
        token = accounts.start_session(db, name)
    finally:
        db.engine.dispose()
    return {tokens.SESSION: tokens.sign(tokens.SESSION, token, server.env["DASHBOARD_SECRET_KEY"])}


def explain(results: list[Result], server: Server) -> str:
    """Which viewers failed and how, with the server's error lines: the assertion message."""
    lines = [f"viewer {r.index}: {'; '.join(r.failures)[:300]}" for r in results if r.failures]
    log = [line for line in server.log_text().splitlines() if "Error" in line or "error" in line]
    return "\n".join([f"{len(lines)} of {len(results)} viewers failed:", *lines[:20],
                      "server log:", *list(dict.fromkeys(log))[:10]])


def test_twenty_viewers_open_one_share_link_at_once(fresh_server):
    server = fresh_server()
    token = share_token(server)
    first = open_one(server.url, "/", {"deel": token})  # the link as handed out, once, before the meeting
    assert first.failures == [], explain([first], server)

    results = open_many(server.url, "/dashboard", {"deel": token}, VIEWERS, timeout=300)

    assert all(r.status is not None for r in results), explain(results, server)
    assert not any(r.exceptions for r in results), explain(results, server)
    assert not any(r.page_not_found for r in results), explain(results, server)
    assert not any(r.busy for r in results), explain(results, server)
    assert not any(r.failures for r in results), explain(results, server)
    assert all(DASHBOARD_TITLE in r.headings and r.page == "dashboard" for r in results), explain(results, server)


def test_share_link_to_the_dashboard_is_the_first_request_of_a_fresh_server(fresh_server):
    server = fresh_server()
    token = share_token(server)

    seen = open_one(server.url, "/dashboard", {"deel": token})

    assert seen.page_not_found == [], explain([seen], server)
    assert seen.page == "dashboard", f"landed on {seen.page!r} with headings {seen.headings[:3]}"
    assert DASHBOARD_TITLE in seen.headings
    assert seen.failures == [], explain([seen], server)


def test_login_cookie_with_an_afspraak_is_the_first_request_of_a_fresh_server(fresh_server):
    server = fresh_server()
    cookie = login_cookie(server)
    db = open_database(server.env["DASHBOARD_DATABASE_URL"])
    try:
        with db.make_session() as session:
            info = afspraken.detail(session, 4)
    finally:
        db.engine.dispose()
    assert info is not None, "the demo data has an afspraak 4"

    seen = open_one(server.url, "/afspraken", {"afspraak": "4"}, cookies=cookie)

    assert seen.page_not_found == [], explain([seen], server)
    assert seen.page == "afspraken", f"landed on {seen.page!r} with headings {seen.headings[:3]}"
    assert f"{info.nummer} {info.titel}" in [reader.text(h) for h in seen.headings]  # as a reader sees them
    assert seen.failures == [], explain([seen], server)


def test_a_database_that_breaks_while_the_server_runs_gives_the_dutch_message(fresh_server):
    server = fresh_server()
    token = share_token(server)
    assert open_one(server.url, "/", {"deel": token}).failures == []
    database = Path(server.env["DASHBOARD_DATABASE_URL"].removeprefix("sqlite:///"))
    for suffix in ("", "-wal", "-shm"):  # overwritten while the server keeps its connections
        part = database.with_name(database.name + suffix)
        if part.exists():
            part.write_bytes(b"geen database" * 4096)

    seen = open_one(server.url, "/dashboard", {"deel": token})

    assert seen.exceptions == [], explain([seen], server)
    assert any("Het databasebestand is beschadigd" in text for text in seen.errors), seen.texts[:10]
    assert not any(str(database) in text for text in seen.texts)  # a share-link visitor: no file named
