"""The real thing: `streamlit run app.py` on a free port, driven by Chromium through Playwright."""
from __future__ import annotations

from pathlib import Path

import pytest
from harness import wait_ready
from playwright.sync_api import expect

from dashboard.testing.live_server import Server

SYSTEM_CHROMIUM = "/usr/bin/chromium"
expect.set_options(timeout=30_000)  # a shared CI machine can be slow; this is patience, not a benchmark


def pytest_collection_modifyitems(items):
    for item in items:
        if Path(item.fspath).is_relative_to(Path(__file__).parent):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Debian's Chromium where installed (CI installs it), else Playwright's own browser."""
    args = {**browser_type_launch_args}
    if Path(SYSTEM_CHROMIUM).exists():
        args["executable_path"] = SYSTEM_CHROMIUM
        args["args"] = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run"]
    return args


@pytest.fixture
def server_factory(tmp_path):
    """Start servers with extra `streamlit run` options and environment; each gets a fresh temporary database.
    script="deploy/serve.py" starts the server as deploy/replicas.sh does (st.App: warm-up, security headers).
    An environment value None leaves the variable out (DASHBOARD_BASE_URL=None: links take the browser's address)."""
    started = []

    def start(*args: str, port: int | None = None, script: str = "app.py", **env: str | None) -> Server:
        folder = tmp_path / f"server{len(started)}"
        folder.mkdir()
        server = Server(folder, env, script=script, args=args, port=port)
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()


@pytest.fixture
def server(server_factory) -> Server:
    """A server on a fresh database: first start migrates and loads the demo data."""
    return server_factory()


@pytest.fixture
def visit(page):
    """visit(server, "/dashboard?gebied=...") opens a path and waits until the app has settled."""

    def go(server: Server, path: str = "/"):
        page.goto(server.url + path)
        wait_ready(page)
        return page

    return go


ADMIN, ADMIN_PASSWORD = "beheer", "browser-test-wachtwoord"


def log_in(page, server: Server, name: str = ADMIN, password: str = ADMIN_PASSWORD) -> None:
    """Fill the login form on whatever page shows it and wait for the app."""
    page.goto(server.url + "/")
    wait_ready(page)
    page.get_by_label("Gebruikersnaam").fill(name)
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Inloggen").click()
    page.get_by_role("button", name="Uitloggen").wait_for(timeout=60_000)
    wait_ready(page)


@pytest.fixture
def logged_in(page):
    """logged_in(server) creates the first beheerder with the CLI (if needed) and logs in."""

    def go(server: Server, name: str = ADMIN, password: str = ADMIN_PASSWORD, role: str = "beheerder"):
        added = server.cli("users", "add", name, "--role", role, "--password-stdin", stdin=password + "\n")
        assert added.returncode == 0 or "bestaat al" in added.stderr, added.stderr  # a refused password says so
        log_in(page, server, name, password)
        return page

    return go
