"""Shared page chrome: the app's own rules and scripts, the fictional-data notice and the footer
under every page."""
from __future__ import annotations

import threading
from collections.abc import Callable

import streamlit as st

from dashboard import formatting, site
from dashboard.ui import nederlands, raster, telefoon, tiles

_THIS_RUN = threading.local()  # the footer of this thread's run, for pages that add their line to it
FOOTER_KEY = "tv_voet"  # its CSS class st-key-tv_voet: the deck's slides, full screen without menu, leave it out
_SCRIPTS_KEY = "tv_scripts"
# Every <style> or <script> of its own was a message to every viewer of a page, five of them on the
# dashboard: the app's rules go out as one stylesheet (Streamlit puts a style-only st.html in its
# event container, where it takes no room) and its scripts as one element in a hidden container.
# The rules of a part of the page stay with the module that draws it.
_SHEET = ("<style>" + telefoon.CSS + raster.CSS + tiles.CSS
          + f".st-key-{_SCRIPTS_KEY} {{ display: none; }}\n"
          + f".st-key-{FOOTER_KEY} {{ border-top: 1px solid rgba(49, 51, 63, 0.2); margin-top: 2rem; padding-top: 1rem; }}\n"
          + "</style>")
_SCRIPTS = nederlands.SCRIPT + telefoon.SCRIPT


def dress() -> None:
    """app.py, every run before the page: the stylesheet and the scripts (each installs itself once
    per browser tab)."""
    st.html(_SHEET)
    with st.container(key=_SCRIPTS_KEY):
        st.html(_SCRIPTS, unsafe_allow_javascript=True)


def frame(run_page: Callable[[], None]) -> None:
    """The page, then the footer with the link to the accessibility statement. The footer is drawn
    before the page runs, below it, so it is there on every page, also on one that stops early
    (st.stop), on the login screen and on a refused page."""
    body = st.container()
    _THIS_RUN.footer = st.container(key=FOOTER_KEY)  # the line above it is a rule in the stylesheet
    with _THIS_RUN.footer:
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
    """The page's own line in the footer, under the link: when its figures were last updated."""
    when = formatting.moment(last_update) if last_update else "nog niet"
    (getattr(_THIS_RUN, "footer", None) or st).caption(f"Tellen & Vertellen · gegevens laatst bijgewerkt: {when}")
