"""The real thing: `streamlit run app.py` on a free port, driven by Chromium through Playwright."""
from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from harness import free_port, wait_ready
from playwright.sync_api import expect

ROOT = Path(__file__).resolve().parents[2]
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


class Server:
    """A running Streamlit server with its own database and media folder (extra `streamlit run` options in args)."""

    def __init__(self, folder: Path, env: dict[str, str] | None = None, args: tuple[str, ...] = (),
                 port: int | None = None):
        self.folder = folder
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = {
            **os.environ,
            "DASHBOARD_DATABASE_URL": f"sqlite:///{folder / 'dashboard.db'}",
            "DASHBOARD_MEDIA_DIR": str(folder / "media"),
            "DASHBOARD_SECRET_KEY": "browser-test-" + folder.name,
            "DASHBOARD_BASE_URL": self.url,
            **(env or {}),
        }
        self.log = open(folder / "streamlit.log", "w")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(self.port),
             "--server.address", "127.0.0.1", "--server.headless", "true", *args],
            cwd=ROOT, env=self.env, stdout=self.log, stderr=subprocess.STDOUT)
        self._wait_healthy()

    def _wait_healthy(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"Streamlit stopped: {(self.folder / 'streamlit.log').read_text()}")
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.3)
        raise RuntimeError("Streamlit did not become healthy in time")

    def cli(self, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
        """`python -m dashboard ...` against this server's database."""
        return subprocess.run([sys.executable, "-m", "dashboard", *args], cwd=ROOT, env=self.env,
                              input=stdin, capture_output=True, text=True, timeout=120)

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log.close()


@pytest.fixture
def server_factory(tmp_path):
    """Start servers with extra `streamlit run` options and environment; each gets a fresh temporary database."""
    started = []

    def start(*args: str, port: int | None = None, **env: str) -> Server:
        folder = tmp_path / f"server{len(started)}"
        folder.mkdir()
        server = Server(folder, env, args, port)
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
        assert added.returncode in (0, 1), added.stderr
        log_in(page, server, name, password)
        return page

    return go
