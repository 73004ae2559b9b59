"""A server started as `deploy/serve.py` or as the quick start's `streamlit run app.py` is warm
before it says it is healthy: the first visitor after a deploy or restart finds the first view's
figures already read, and a warm-up that fails keeps nobody out."""
from __future__ import annotations

import gc
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from sqlalchemy import event
from sqlalchemy.engine import Engine

from dashboard.testing.live_server import Server, copy_state, demo_folder
from dashboard.testing.protocol import open_one
from dashboard.ui import warm_up

ENTRIES = ("app.py", "deploy/serve.py")


def test_after_the_warm_up_the_first_dashboard_run_reads_no_figures(app):
    warm_up.warm()  # as the lifespan does, after the visitor's account exists (adding one raises the version)
    statements = []

    def seen(_conn, _cursor, statement, *_):
        statements.append(statement)

    event.listen(Engine, "before_cursor_execute", seen)
    try:
        page = app.switch_page("pages/dashboard.py").run()
    finally:
        event.remove(Engine, "before_cursor_execute", seen)
    assert not page.exception and len(page.metric) >= 4
    assert statements, "the visitor and the data version are still asked"
    assert not [s for s in statements if "observaties" in s or "streefwaarden" in s or "gebieden" in s]


def test_after_a_whole_run_the_server_keeps_what_it_made_out_of_the_collectors_way(app):
    """Python's full collections stop scanning the imports, the database and the first caches,
    which paused a national filter change by 215 ms now and then (runtime.settle)."""
    assert not app.switch_page("pages/dashboard.py").run().exception
    assert gc.get_freeze_count() > 100_000


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    return demo_folder(tmp_path_factory.mktemp("demo"))


@pytest.mark.parametrize("script", ENTRIES)
def test_healthy_only_once_warm_and_opens_a_deep_share_link_first(demo, tmp_path, script):
    copy_state(demo, tmp_path / "server")
    made = Server(tmp_path / "server")  # the link exists before the start, as links sent out do
    try:
        link = made.cli("share", "create", "--label", "Gemeenteraad", "--json")
        assert link.returncode == 0, link.stderr
    finally:
        made.stop()
    token = parse_qs(urlsplit(link.stdout.strip().splitlines()[-1]).query)["deel"][0]

    server = Server(tmp_path / "server", script=script)  # returns once /_stcore/health says ok
    try:
        assert "Opgewarmd in" in server.log_text()  # so the warm-up had finished by then
        seen = open_one(server.url, "/dashboard", {"deel": token})
    finally:
        server.stop()
    assert seen.failures == [] and seen.page_not_found == []
    assert seen.page == "dashboard" and "Volkshuisvestelijk dashboard" in seen.headings


@pytest.mark.parametrize("script", ENTRIES)
def test_a_warm_up_that_fails_keeps_nobody_out(tmp_path, script):
    (tmp_path / "server").mkdir()
    server = Server(tmp_path / "server", {"DASHBOARD_DATABASE_URL": "postgresql+psycopg://niemand@127.0.0.1:9/geen"},
                    script=script)
    try:
        assert "Opwarmen niet gelukt" in server.log_text()
        seen = open_one(server.url, "/")
    finally:
        server.stop()
    assert seen.exceptions == [] and seen.status is not None
    assert any("De database is niet bereikbaar." in text for text in seen.texts), seen.texts[:5]
    assert not any("127.0.0.1" in text or "niemand" in text for text in seen.texts)  # nobody known: no host, no user
