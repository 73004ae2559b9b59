"""A PostgreSQL server and throw-away databases for tests (a plain module: test files must not import conftest).

The tests need no server installed on the machine: without DASHBOARD_TEST_POSTGRES_URL they start
their own from the pip package pgserver (PostgreSQL's binaries in a wheel), in a temporary folder.
"""
from __future__ import annotations

import os
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, exc, make_url

# A server of one's own and a role that may create databases, e.g.
# postgresql+psycopg://dashboard_test:secret@127.0.0.1/postgres; when unset, the tests start one.
GIVEN = "DASHBOARD_TEST_POSTGRES_URL"
# A test server's data may be lost with the machine: no waiting for the disk on every commit.
_FAST = ("fsync", "synchronous_commit", "full_page_writes")


@contextmanager
def postgres_server() -> Iterator[str]:
    """The URL of a server on which a role may create databases: the one named in the environment,
    else a new one from pgserver, on a Unix socket in a folder of its own, stopped and removed
    afterwards (not under pytest's temporary folders, which another test run may clean away)."""
    if os.environ.get(GIVEN):
        yield os.environ[GIVEN]
        return
    import pgserver

    server = pgserver.get_server(Path(tempfile.mkdtemp(prefix="tellen-postgres-")), cleanup_mode="delete")
    try:
        for setting in _FAST:
            server.psql(f"ALTER SYSTEM SET {setting} = off;")
        server.psql("SELECT pg_reload_conf();")
        yield make_url(server.get_uri()).set(drivername="postgresql+psycopg").render_as_string(hide_password=False)
    finally:
        server.cleanup()


@contextmanager
def postgres_database(server_url: str):
    """A fresh PostgreSQL database (its URL), dropped afterwards."""
    admin = create_engine(server_url, isolation_level="AUTOCOMMIT")
    name = f"dashboard_test_{uuid.uuid4().hex[:12]}"
    with admin.connect() as connection:
        connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
    try:
        yield make_url(server_url).set(database=name).render_as_string(hide_password=False)
    finally:
        _drop(admin, name)
        admin.dispose()


def _drop(admin, name: str, attempts: int = 10) -> None:
    """DROP ... WITH (FORCE) cannot end an autovacuum worker that happens to be in the database
    (a non-superuser may not signal it); the worker is done within moments, so try again."""
    for attempt in range(attempts):
        try:
            with admin.connect() as connection:
                connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            return
        except exc.DBAPIError:
            if attempt == attempts - 1:
                raise
            time.sleep(0.5)
