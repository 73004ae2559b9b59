"""Shared fixtures: a fresh SQLite database per test, the demo data, the app under AppTest."""
from __future__ import annotations

import os
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from argon2 import PasswordHasher, profiles
from streamlit.testing.v1 import AppTest

from dashboard import config, startup
from dashboard.db import Database, open_database
from dashboard.toegang import accounts
from dashboard.testing.postgres import postgres_database, postgres_server

ROOT = Path(__file__).resolve().parents[1]


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def pytest_configure(config):
    """Accounts made in the tests' own process hash with argon2's cheapest profile: the full cost is
    a safeguard against stolen hashes, not something the tests check (one test holds the real one).

    The servers and CLI calls the tests start run this checkout's code too (pyproject's `pythonpath`
    does it for this process), whichever checkout `pip install -e` last pointed at."""
    accounts.hasher = PasswordHasher.from_parameters(profiles.CHEAPEST)
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, (str(ROOT / "src"), os.environ.get("PYTHONPATH"))))


# Core tests run on SQLite and on PostgreSQL: a server given in DASHBOARD_TEST_POSTGRES_URL, else one
# the run starts itself from pip (one per xdist worker).
BACKENDS = ["sqlite", "postgresql"]


@pytest.fixture(scope="session")
def postgres() -> str:
    """The URL of a PostgreSQL server on which the tests may create databases."""
    with postgres_server() as url:
        yield url


@pytest.fixture(params=BACKENDS)
def db(request, tmp_path) -> Database:
    """An empty, migrated database with the indicator catalogue and nothing else."""
    if request.param == "sqlite":
        database = open_database(sqlite_url(tmp_path / "leeg.db"))
        startup.load_catalogue(database)
        yield database
        database.engine.dispose()
        return
    with postgres_database(request.getfixturevalue("postgres")) as url:
        database = open_database(url)
        startup.load_catalogue(database)
        yield database
        database.engine.dispose()


@pytest.fixture(params=BACKENDS)
def empty_url(request, tmp_path) -> str:
    """The address of a database that does not exist yet (SQLite) or is empty (PostgreSQL)."""
    if request.param == "sqlite":
        yield sqlite_url(tmp_path / "nieuw.db")
        return
    with postgres_database(request.getfixturevalue("postgres")) as url:
        yield url


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory) -> Path:
    """The demo data set loaded once per test run; tests get their own copy."""
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    with pytest.MonkeyPatch.context() as patch:  # the demo's photos and videos go beside the copy
        patch.setenv("DASHBOARD_MEDIA_DIR", str(path.parent / "media"))
        database = startup.prepare(replace(config.load(), database_url=sqlite_url(path)), demo=True)
    database.engine.dispose()
    return path


@pytest.fixture
def demo_db_path(demo_template, tmp_path) -> Path:
    path = tmp_path / "demo.db"
    shutil.copy(demo_template, path)
    shutil.copytree(demo_template.parent / "media", tmp_path / "media", dirs_exist_ok=True)
    return path


@pytest.fixture
def demo_db(demo_db_path) -> Database:
    return open_database(sqlite_url(demo_db_path))


@pytest.fixture
def database(app_env) -> Database:
    """The database of the app under AppTest (app_env), for a test that writes or reads beside it."""
    db = open_database(sqlite_url(app_env))
    yield db
    db.engine.dispose()


@pytest.fixture
def app_env(monkeypatch, demo_db_path, tmp_path):
    """Point the app at a private copy of the demo database and media folder."""
    monkeypatch.setenv("DASHBOARD_DATABASE_URL", sqlite_url(demo_db_path))
    monkeypatch.setenv("DASHBOARD_MEDIA_DIR", str(tmp_path / "media"))
    monkeypatch.setenv("DASHBOARD_SECRET_KEY", "test-secret-" + tmp_path.name)
    monkeypatch.chdir(ROOT)
    return demo_db_path


def logged_in_app(database: Database, role: str = "beheerder", name: str | None = None) -> AppTest:
    """app.py under AppTest, logged in with that role, after its first run.

    The account and its login session are made by the core (as the login form does); the token
    goes into session state, where the app also keeps it after reading the session cookie.
    """
    from dashboard.ui import visitor

    name = name or f"test-{role}"
    if name not in {user.naam for user in accounts.list_users(database)}:  # a partner writes for a party of the demo
        accounts.add_user(database, name, role, "test-wachtwoord-" + role, door="test",
                          partij="Huurdersvereniging Samen Sterk" if role == "partner" else None)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.session_state[visitor.LOGIN_KEY] = accounts.start_session(database, name)
    return at.run()


@pytest.fixture
def app_as(app_env):
    """app_as("redacteur") -> the demo app logged in with that role (a partner: of the huurdersvereniging)."""
    database = open_database(sqlite_url(app_env))
    yield lambda role="beheerder", name=None: logged_in_app(database, role, name)
    database.engine.dispose()


@pytest.fixture
def empty_app(monkeypatch, tmp_path) -> AppTest:
    """The app on an empty database without demo data, logged in as beheerder."""
    path = tmp_path / "leeg.db"
    monkeypatch.setenv("DASHBOARD_DATABASE_URL", sqlite_url(path))
    monkeypatch.setenv("DASHBOARD_MEDIA_DIR", str(tmp_path / "media"))
    monkeypatch.setenv("DASHBOARD_SECRET_KEY", "leeg-" + tmp_path.name)
    monkeypatch.setenv("DASHBOARD_DEMO", "0")
    monkeypatch.chdir(ROOT)
    database = open_database(sqlite_url(path))
    yield logged_in_app(database)
    database.engine.dispose()


@pytest.fixture
def app(app_as) -> AppTest:
    """app.py under AppTest as a logged-in beheerder, after its first run (the home page)."""
    return app_as("beheerder")
