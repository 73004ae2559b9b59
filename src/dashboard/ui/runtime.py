"""The server process: its log, its database opened once (a failure becomes a Dutch message, not
a traceback), and its garbage collector kept out of the way of the runs."""
from __future__ import annotations

import functools
import gc
import logging
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import streamlit as st
from sqlalchemy import exc

from dashboard import config, startup
from dashboard.db import Database, DatabaseUnavailable
from dashboard.diagnosis import DatabaseProblem, Diagnosis, diagnose

log = logging.getLogger(__name__)
FAVICON = str(Path(__file__).with_name("favicon.png"))


def configure_logging() -> None:
    """One log format for the server's own lines (app.py, and deploy/serve.py's warm-up before it)."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")


@functools.cache
def settle() -> None:
    """Once per process, after the first whole run or the warm-up: what exists by then (the imports,
    the database, the first view's caches; 228,000 objects on the national set) is collected once
    and then frozen, so that Python's full collections no longer scan it. Unfrozen, such a
    collection paused a filter change now and then by 215 ms; frozen, it scans only what later
    views added (48 ms after thirty more). Objects frozen are still freed when no longer used."""
    gc.collect()
    gc.freeze()


@st.cache_resource(show_spinner="De database wordt klaargezet…")
def _database(url: str, demo: bool) -> Database:
    settings = config.load()
    db = startup.prepare(settings, demo=demo)
    startup.upkeep(db, settings)  # once per process start (a warm-up or the first run); cron does the days after
    return db


_OPENED: dict[tuple[str, bool], Database] = {}  # what _database opened: asked three times a run, for every viewer


def ready() -> Database:
    """The ready database (opened once per process), or DatabaseUnavailable (never kept: the next
    run tries again)."""
    settings = config.load()
    key = (settings.database_url, settings.demo)
    if key not in _OPENED:
        _OPENED[key] = _database(*key)
    return _OPENED[key]


def database() -> Database:
    """The ready database, or a clear message on screen (and in the log) and a stopped script.

    Nobody can be recognised without the database, so the page shows no host, user or file: the
    details are in the server's log."""
    try:
        return ready()
    except DatabaseUnavailable as error:
        log.error("De database is niet beschikbaar: %s", error.diagnosis.for_beheerder)
        show(error.diagnosis, beheerder=False)
        st.stop()


def show(found: Diagnosis, beheerder: bool) -> None:
    """A diagnosis on the page: the headline and advice for anyone, the details for a beheerder only."""
    st.error(f"**{found.headline}** {found.advice}", icon=":material/database:")
    if beheerder and found.detail:
        st.caption(f"Voor de beheerder: {found.detail}")


def guarded(callback):
    """A button's callback, with its database failure said in Dutch: Streamlit runs callbacks
    before the script, outside app.py's `database_errors`."""
    @functools.wraps(callback)
    def run(*args, **kwargs):
        with database_errors():
            return callback(*args, **kwargs)
    return run


@contextmanager
def database_errors() -> Iterator[None]:
    """Around a whole run: a database that is full, read-only, busy or gone says so in Dutch (the
    diagnosis of dashboard/diagnosis.py), not in Streamlit's English error box. Nothing was
    written: every write is one transaction. The details go to the log, and on the page only to a
    beheerder recognised at the start of this run."""
    try:
        yield
    except (DatabaseProblem, exc.DBAPIError, exc.TimeoutError) as error:
        from dashboard.ui import visitor  # visitor reads the database through this module

        found = diagnose(error, config.load().database_url)
        log.error("Database-fout tijdens een run: %s", found.for_beheerder)
        show(found, beheerder=visitor.known_role() == "beheerder")
