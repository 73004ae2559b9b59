"""Shared page chrome: the fictional-data notice and the footer under every page."""
from __future__ import annotations

import threading
from collections.abc import Callable

import streamlit as st

from dashboard import formatting, site

_THIS_RUN = threading.local()  # the footer of this thread's run, for pages that add their line to it
FOOTER_KEY = "tv_voet"  # its CSS class st-key-tv_voet: the deck's slides, full screen without menu, leave it out


def frame(run_page: Callable[[], None]) -> None:
    """The page, then the footer with the link to the accessibility statement. The footer is drawn
    before the page runs, below it, so it is there on every page, also on one that stops early
    (st.stop), on the login screen and on a refused page."""
    body = st.container()
    with st.container(key=FOOTER_KEY):
        st.divider()
        _THIS_RUN.footer = st.container()
        st.page_link(site.TOEGANKELIJKHEID.script, label="Toegankelijkheidsverklaring",
                     icon=site.TOEGANKELIJKHEID.icon)
    try:
        with body:
            run_page()
    finally:
        _THIS_RUN.footer = None  # a page run outside this frame (AppTest's direct run) writes in place


def fictional_notice() -> None:
    st.caption(":material/info: Demodata: Denkbeeldstad en alle partijen, cijfers en verhalen zijn fictief.")


def footer(last_update) -> None:
    """The page's own line in the footer: when its figures were last updated."""
    when = formatting.moment(last_update) if last_update else "nog niet"
    (getattr(_THIS_RUN, "footer", None) or st).caption(f"Tellen & Vertellen · gegevens laatst bijgewerkt: {when}")
