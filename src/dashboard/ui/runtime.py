"""The server process: its log, its database opened once (a failure becomes a Dutch message, not
a traceback), and its garbage collector kept out of the way of the runs."""
from __future__ import annotations

import functools
import gc
import logging
from contextlib import contextmanager
from typing import Iterator

import streamlit as st
from sqlalchemy import exc

from dashboard import config, startup
from dashboard.db import Database, DatabaseUnavailable

log = logging.getLogger(__name__)


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
    return startup.prepare(config.load(), demo=demo)


def ready() -> Database:
    """The ready database (opened once per process), or DatabaseUnavailable."""
    settings = config.load()
    return _database(settings.database_url, settings.demo)


def database() -> Database:
    """The ready database, or a clear message on screen (and in the log) and a stopped script."""
    try:
        return ready()
    except DatabaseUnavailable as error:
        log.error("%s", error)
        st.error(f"**De database is niet beschikbaar.** {error}", icon=":material/database:")
        st.stop()


@contextmanager
def database_errors() -> Iterator[None]:
    """Around a whole run: a database that is busy or gone after all says so in Dutch, not in
    Streamlit's English error box. Nothing was written: every write is one transaction."""
    try:
        yield
    except (exc.DBAPIError, exc.TimeoutError) as error:
        log.error("Database niet beschikbaar tijdens een run: %s", error)
        st.error("**De database is nu niet bereikbaar of te druk.** Er is niets gewijzigd. Laad de pagina over "
                 "een ogenblik opnieuw; blijft dit zo, meld het dan aan de beheerder.", icon=":material/database:")
