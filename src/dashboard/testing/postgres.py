"""Throw-away PostgreSQL databases for tests (a plain module: test files must not import conftest)."""
from __future__ import annotations

import os
import time
import uuid
from contextlib import contextmanager

from sqlalchemy import create_engine, exc, make_url

# The server and a role that may create databases; CI (.ci/run) always sets it.
POSTGRES = os.environ.get("DASHBOARD_TEST_POSTGRES_URL")


@contextmanager
def postgres_database(server_url: str | None = None):
    """A fresh PostgreSQL database (its URL), dropped afterwards."""
    server_url = server_url or POSTGRES
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
