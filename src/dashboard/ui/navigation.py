"""st.navigation from the visitor's own list of pages: a page not in it cannot be opened.

Every page of the site is registered, so an address outside the visitor's pages does not end in
Streamlit's English "Page not found" dialog: such a page is hidden from the menu and, instead of
its script, shows in Dutch why not and which pages this visitor can open. The accessibility
statement is registered for everyone, signed in or not, hidden from the menu: every page's footer
links to it (ui/chrome.py).

Streamlit 1.67 still honours the old `pages/` folder convention until the first st.navigation
call of the server process: the first visitor after a start would get every script in pages/,
run without app.py. `entered_through_app` closes that gap for every page (keeping a deep link),
and also refuses a page that is run while it is not in the visitor's list (AppTest can do that;
a browser cannot).
"""
from __future__ import annotations

import functools
import sys
import threading
from pathlib import Path

import streamlit as st

from dashboard import site
from dashboard.ui import chrome, visitor

_APP_RAN = "_navigation_from_app"
_START = "start"  # the url path of the root's hidden start page (a link without the Kompas lands there)
_THIS_RUN = threading.local()  # this run's st.Page per script file name, for `link`


def _st_pages(pages: tuple[site.Page, ...]) -> list:
    """Every page at an address of its own (the Kompas at /kompas too), and a hidden default at the
    root: Streamlit no longer answers the default page's own path, so with the Kompas as default a
    first request for /kompas (a link that leaves the Kompas out) would end in "Page not found"."""
    return [st.Page(lambda: None, title="Tellen & Vertellen", url_path=_START, default=True, visibility="hidden")] + [
        st.Page(page.script, title=page.title, icon=page.icon, url_path=page.path or page.key) for page in pages]


@functools.lru_cache(maxsize=256)
def _scripts(who) -> frozenset[str]:
    """The file names of the pages this visitor may open (and the statement): asked by every link
    on a page, for every viewer; a Visitor is frozen, so equal visitors share the answer."""
    return frozenset(Path(page.script).name for page in (*site.pages_for(who), site.TOEGANKELIJKHEID))


def refuse(page: site.Page) -> None:
    """In place of a page the visitor may not open: why not, and links to the pages they can open."""
    st.warning(site.refusal(visitor.current(), page), icon=":material/block:")
    for allowed in site.pages_for(visitor.current()):
        st.page_link(allowed.script, label=allowed.title, icon=allowed.icon)


def _start(first: site.Page) -> None:
    """The app's root for a visitor without the Kompas (a share link of other pages): where the
    link itself lands, so on to the first page it opens, under that page's own address."""
    st.switch_page(first.script)


def _pages() -> list:
    """The visitor's pages, each at its own address; then the statement and the others, hidden (the
    others refused); for nobody (not logged in, refused link) only the gate and the statement.

    The root is always the Kompas's address. Streamlit serves its default page at the root and
    then no longer at the page's own path, so a link without the Kompas made its first page
    unreachable at its address (/verhalen?verhaal=12 ended in "Page not found"). Without the
    Kompas a hidden start page holds the root and moves on to the first page the visitor has."""
    who = visitor.current()
    allowed = site.pages_for(who)
    statement = st.Page(site.TOEGANKELIJKHEID.script, title=site.TOEGANKELIJKHEID.title,
                        icon=site.TOEGANKELIJKHEID.icon, url_path=site.TOEGANKELIJKHEID.path, visibility="hidden")
    if not allowed:
        return [st.Page(visitor.gate, title="Inloggen", icon=":material/login:", default=True), statement]
    pages = [st.Page(page.script, title=page.title, icon=page.icon, url_path=page.path or None,
                     default=page.path == "") for page in allowed]
    _THIS_RUN.pages = {Path(page.script).name: made for page, made in zip((*allowed, site.TOEGANKELIJKHEID),
                                                                          (*pages, statement))}
    if not any(page.path == "" for page in allowed):
        pages.insert(0, st.Page(lambda first=allowed[0]: _start(first), title=allowed[0].title, icon=allowed[0].icon,
                                url_path=_START, default=True, visibility="hidden"))
    return pages + [statement] + [st.Page(lambda page=page: refuse(page), title=page.title, icon=page.icon,
                                          url_path=page.path or page.key, visibility="hidden")
                                  for page in site.PAGES if page not in allowed]


def run() -> None:
    """Called by app.py on every run: show the visitor's pages and run the one asked for."""
    st.session_state[_APP_RAN] = True
    menu = bool(site.pages_for(visitor.current()))
    try:
        chrome.frame(st.navigation(_pages(), position="sidebar" if menu else "hidden").run)
    finally:
        _THIS_RUN.pages = {}


def entered_through_app() -> None:
    """Pages call this first. If Streamlit ran the page directly, switch to st.navigation and rerun.

    That happens on the first run of a fresh server, before app.py has taken up the visitor's
    share link or cookie; so every page is named here, only to keep the requested one (a deep
    link) for the rerun, where app.py decides what this visitor may open.
    """
    if not st.session_state.get(_APP_RAN):
        st.navigation(_st_pages(site.PAGES + (site.TOEGANKELIJKHEID,)), position="hidden")
        st.rerun()
    script = Path(sys._getframe(1).f_globals.get("__file__", "")).name
    who = visitor.current()
    if script not in _scripts(who):
        if who == visitor.NOBODY:
            visitor.gate()
        else:
            refused = next(page for page in site.PAGES if Path(page.script).name == script)
            st.error(site.refusal(who, refused), icon=":material/block:")
        st.stop()


def link(script: str, label: str, icon: str | None = None, query_params: dict | None = None) -> None:
    """st.page_link to a page of the app, shown only when this visitor may open that page. Handed this
    run's st.Page where there is one: for a file name Streamlit resolves the path on disk, for every
    link (the Kompas has a dozen), for every viewer."""
    name = Path(script).name
    if name in _scripts(visitor.current()):
        st.page_link(getattr(_THIS_RUN, "pages", {}).get(name, script), label=label, icon=icon,
                     query_params=query_params)
