"""The database for this server process, opened once; a failure becomes a Dutch message, not a traceback."""
from __future__ import annotations

import logging

import streamlit as st

from dashboard import config, startup
from dashboard.db import Database, DatabaseUnavailable

log = logging.getLogger(__name__)


@st.cache_resource(show_spinner="De database wordt klaargezet…")
def _database(url: str, demo: bool) -> Database:
    return startup.prepare(config.load(), demo=demo)


def database() -> Database:
    """The ready database, or a clear message on screen (and in the log) and a stopped script."""
    settings = config.load()
    try:
        return _database(settings.database_url, settings.demo)
    except DatabaseUnavailable as error:
        log.error("%s", error)
        st.error(f"**De database is niet beschikbaar.** {error}", icon=":material/database:")
        st.stop()
