"""st.navigation from the visitor's own list of pages: a page not in it cannot be opened.

Streamlit 1.67 still honours the old `pages/` folder convention until the first st.navigation
call of the server process: the first visitor after a start would get every script in pages/,
run without app.py. `entered_through_app` closes that gap for every page (taking the visitor to
the same page through app.py, so a deep link into a replica that just started still lands where
it points), and also refuses a page that is run while it is not in the visitor's list (AppTest
can do that; a browser cannot).
"""
from __future__ import annotations

import sys
from pathlib import Path

import streamlit as st

from dashboard import site
from dashboard.ui import visitor

_APP_RAN = "_navigation_from_app"


def _pages() -> list:
    """The visitor's pages; for nobody (not logged in, refused link) only the gate."""
    pages = [
        st.Page(page.script, title=page.title, icon=page.icon, url_path=page.path or None,
                default=page.path == "")
        for page in site.pages_for(visitor.current())
    ]
    return pages or [st.Page(visitor.gate, title="Inloggen", icon=":material/login:", default=True)]


def run() -> None:
    """Called by app.py on every run: show the visitor's pages and run the one asked for."""
    st.session_state[_APP_RAN] = True
    pages = _pages()
    st.navigation(pages, position="sidebar" if len(pages) > 1 else "hidden").run()


def entered_through_app() -> None:
    """Pages call this first. If Streamlit ran the page directly, go to it again through app.py."""
    script = Path(sys._getframe(1).f_globals.get("__file__", "")).name
    if not st.session_state.get(_APP_RAN):
        _through_app(script)
    who = visitor.current()
    if script not in {Path(page.script).name for page in site.pages_for(who)}:
        if who is visitor.NOBODY:
            visitor.gate()
        else:
            st.error("Deze pagina hoort niet bij uw toegang. Kies een pagina in het menu.", icon=":material/block:")
        st.stop()


def _through_app(script: str) -> None:
    """Register the visitor's navigation and run the same page (query string kept) through it.

    A bare rerun would land on the home page: the page's hash under the old convention is not
    the hash of its st.Page. The visitor (share-link or login cookie) is taken up first, so the
    page is in the list when the visitor may open it; otherwise the home page or the gate.
    """
    visitor.establish()
    st.navigation(_pages(), position="hidden")
    if script in {Path(page.script).name for page in site.pages_for(visitor.current())}:
        st.switch_page(f"pages/{script}", query_params={key: st.query_params.get_all(key) for key in st.query_params})
    st.rerun()


def link(script: str, label: str, icon: str | None = None, query_params: dict | None = None) -> None:
    """st.page_link to a page of the app, shown only when this visitor may open that page."""
    if Path(script).name in {Path(page.script).name for page in site.pages_for(visitor.current())}:
        st.page_link(script, label=label, icon=icon, query_params=query_params)
