"""Who is visiting, decided in one place: a share link, a login session (cookie), or nobody yet.

An invitation link (`?uitnodiging=TOKEN`) is taken up here too: its tab shows the page where the
invited person chooses a password, and is logged in once the account exists. A reset link
(`?herstel=TOKEN`) works the same way for an existing account. A signed-in user changes their own
password in the sidebar. Every login, change and reset names the client's address
(`client_address`), for the throttle and the audit log.

Streamlit's session state dies with a reload, so a login or a share link is kept in a signed
cookie that the browser sends with the next websocket handshake, where `st.context.cookies` reads
it. A Streamlit run cannot answer with a Set-Cookie, so under `streamlit run app.py` the browser
writes it (st.html with a script); under deploy/serve.py the server sets it HttpOnly, for a
one-time code the page fetches (ui/server.py), so no script in the page can read it. The cookie holds only a
random token; the database decides on every run whether it still opens anything, so logout,
revocation and the idle timeout take effect at once.
"""
from __future__ import annotations

import json
import threading
from collections.abc import Callable
from dataclasses import dataclass

import streamlit as st

from dashboard import config
from dashboard.toegang import access, accounts, client, herstel, share_links, tokens, uitnodigingen
from dashboard.toegang.access import Visitor
from dashboard.ui import runtime, server, sso
from dashboard.ui.tekst import escaped

SHARE_PARAM, INVITE_PARAM, RESET_PARAM = "deel", "uitnodiging", herstel.PARAM
NOBODY = Visitor(name="", role="lezer", share_pages=frozenset())
# session-state keys: the tokens of this browser tab (tests set LOGIN_KEY as the cookie would)
SHARE_KEY, LOGIN_KEY, INVITE_KEY, _WRITES, _NOTICE = "tv_share", "tv_login", "tv_invite", "_tv_cookie_writes", "_tv_notice"
_CODES = "_tv_cookie_codes"  # under deploy/serve.py: cookie name -> (value, the code the browser fetches it with)
RESET_KEY, _TOAST = "tv_reset", "_tv_toast"
_THIS_RUN = threading.local()  # who establish() found at the start of this thread's run
_SHARE_COOKIE_DAYS = share_links.MAX_DAYS + 30  # outlives the link, so expiry gets its own message
_SESSION_COOKIE_SECONDS = int(accounts.SESSION_LIFETIME.total_seconds())


def current() -> Visitor:
    """The visitor of this run: checked against the database once, at its start (establish)."""
    who = getattr(_THIS_RUN, "visitor", None)
    return who if who is not None else _checked()


def client_address() -> str | None:
    """The client's network address (toegang/client.py): the websocket's peer, or behind a trusted
    proxy the address it forwarded. Streamlit reports a loopback peer as None; with the headers of
    a real connection that is this machine (a proxy on it), without them (AppTest) unknown."""
    headers = st.context.headers
    peer = st.context.ip_address
    if peer is None and len(headers):
        peer = "127.0.0.1"
    pairs = [(name, value) for name in headers for value in headers.get_all(name)]
    return client.address(peer, pairs, client.trusted())


def _checked() -> Visitor:
    """The visitor, asked of the database now; NOBODY until someone is known."""
    db = runtime.database()
    if st.session_state.get(INVITE_KEY) or st.session_state.get(RESET_KEY):  # taking up a link: someone new
        return NOBODY
    if st.session_state.get(SHARE_KEY):
        found = share_links.verify(db, st.session_state[SHARE_KEY])
        return found if isinstance(found, Visitor) else NOBODY
    return accounts.session_visitor(db, st.session_state.get(LOGIN_KEY)) or sso.visitor() or NOBODY


def known_role() -> str | None:
    """The role of the visitor establish() recognised at the start of this run, without asking the
    database (which may be what just failed); None when this run recognised nobody yet."""
    who = getattr(_THIS_RUN, "visitor", None)
    return who.role if who is not None and who != NOBODY and who.share_pages is None else None


def afresh() -> Visitor:
    """The visitor asked of the database right now: what a form callback writes as (a callback
    runs before establish, and the account may have been disabled or changed since the render)."""
    return _checked()


def allowed(action: str) -> bool:
    """Asked on the server right before every write (afresh: a callback runs before establish);
    says so in Dutch when the answer is no."""
    if access.may(_checked(), action):
        return True
    st.error("U hebt geen recht om dit te doen. Er is niets gewijzigd. Vraag een beheerder als u dit "
             "wel nodig hebt.", icon=":material/block:")
    return False


def establish() -> None:
    """app.py, every run: take up a share link or a cookie, keep the browser's cookies in step."""
    _THIS_RUN.visitor = None  # nobody until this run's database says otherwise
    _take_up()
    for name, (value, max_age) in st.session_state.get(_WRITES, {}).items():
        _cookie_script(name, value, max_age)
    who = _THIS_RUN.visitor = _checked()
    if toast := st.session_state.pop(_TOAST, None):
        st.toast(toast, icon=":material/check:")
    if who != NOBODY:
        _sidebar(who)


def _take_up() -> None:
    secret = config.load().secret_key
    for param, key in ((INVITE_PARAM, INVITE_KEY), (RESET_PARAM, RESET_KEY)):
        if param in st.query_params:  # an invitation or reset link wins in its own tab
            st.session_state[key] = str(st.query_params.pop(param))[:200]
            for other in {INVITE_KEY, RESET_KEY, SHARE_KEY, LOGIN_KEY} - {key}:
                st.session_state.pop(other, None)
            return
    if SHARE_PARAM in st.query_params:  # a share URL always wins in its own tab
        token = str(st.query_params.pop(SHARE_PARAM))[:200]
        _remember(SHARE_KEY, token, tokens.SHARE, secret, _SHARE_COOKIE_DAYS * 86400)
        st.session_state.pop(LOGIN_KEY, None)
        return
    if st.session_state.get(SHARE_KEY) or st.session_state.get(LOGIN_KEY):
        return
    cookies = st.context.cookies
    login = tokens.unsign(tokens.SESSION, cookies.get(tokens.SESSION), secret, _SESSION_COOKIE_SECONDS)
    if login and accounts.session_visitor(runtime.database(), login):
        st.session_state[LOGIN_KEY] = login
        return
    share = tokens.unsign(tokens.SHARE, cookies.get(tokens.SHARE), secret, _SHARE_COOKIE_DAYS * 86400)
    if share:
        st.session_state[SHARE_KEY] = share


def _remember(key: str, token: str, cookie: str, secret: str, max_age: int) -> None:
    st.session_state[key] = token
    st.session_state.setdefault(_WRITES, {})[cookie] = (tokens.sign(cookie, token, secret), max_age)


def _forget(key: str, cookie: str) -> None:
    st.session_state.pop(key, None)
    st.session_state.setdefault(_WRITES, {})[cookie] = (None, 0)


def _cookie_script(name: str, value: str | None, max_age: int) -> None:
    """Write (or, with None, delete) a cookie: Strict, Secure under https; HttpOnly, set by the server
    through a one-time code, under deploy/serve.py (ui/server.py), else from a script in the page."""
    if server.serving():
        codes = st.session_state.setdefault(_CODES, {})
        if name not in codes or codes[name][0] != value:  # once per value: a rerun draws the same element again
            codes[name] = (value, server.hand_over(name, value, max_age))
        st.html("<script>fetch(" + json.dumps(f"{server.COOKIE_ROUTE}?code={codes[name][1]}")
                + ", {credentials: 'same-origin', cache: 'no-store'});</script>",
                unsafe_allow_javascript=True, width="content")
        return
    st.html(
        "<script>document.cookie = " + json.dumps(f"{name}={value or ''}; Path=/; Max-Age={max_age}; "
                                                  "SameSite=Strict")
        + " + (location.protocol === 'https:' ? '; Secure' : '');</script>",
        unsafe_allow_javascript=True, width="content",
    )


def _sidebar(who: Visitor) -> None:
    with st.sidebar:
        if who.share_pages is not None:
            st.caption(f":material/visibility: Alleen lezen via de deellink «{escaped(who.name.split(': ', 1)[-1])}».")
            st.button("Inloggen als medewerker", key="tv_share_stop", icon=":material/login:",
                      on_click=_forget, args=(SHARE_KEY, tokens.SHARE))
        else:
            st.caption(f":material/person: {escaped(who.name)} · {who.role}" + (f" · {escaped(who.partij)}" if who.partij else ""))
            st.button("Uitloggen", key="tv_logout", icon=":material/logout:", on_click=_logout)
            if who.gebruiker_id is not None and st.session_state.get(LOGIN_KEY):  # a login session, not SSO
                _own_password()


def _own_password() -> None:
    """A signed-in user (with a password, not single sign-on) changes it, giving the current one."""
    with st.expander("Wachtwoord wijzigen", icon=":material/password:"):
        with st.form("wachtwoord_wijzigen", clear_on_submit=True, border=False):
            huidig = st.text_input("Huidig wachtwoord", type="password", autocomplete="current-password",
                                   key="pw_huidig")
            nieuw = st.text_input("Nieuw wachtwoord", type="password", autocomplete="new-password", key="pw_nieuw",
                                  help=accounts.PASSWORD_HELP)
            herhaald = st.text_input("Nieuw wachtwoord herhalen", type="password", autocomplete="new-password",
                                     key="pw_herhaald")
            if not st.form_submit_button("Wachtwoord wijzigen", icon=":material/key:"):
                return
        if nieuw != herhaald:
            st.error("De twee nieuwe wachtwoorden zijn niet gelijk. Typ ze opnieuw. Er is niets gewijzigd.")
            return
        try:
            token = accounts.change_password(runtime.database(), st.session_state.get(LOGIN_KEY), huidig, nieuw,
                                             adres=client_address())
        except accounts.AccountError as error:
            st.error(str(error))
            return
    _logged_in(token)
    st.session_state[_TOAST] = "Uw wachtwoord is gewijzigd. U bent op andere apparaten uitgelogd."
    st.rerun()


@runtime.guarded
def _logout() -> None:
    accounts.end_session(runtime.database(), st.session_state.get(LOGIN_KEY), adres=client_address())
    _forget(LOGIN_KEY, tokens.SESSION)
    st.session_state[_NOTICE] = "U bent uitgelogd."
    sso.logout()


def _logged_in(token: str) -> None:
    _remember(LOGIN_KEY, token, tokens.SESSION, config.load().secret_key, _SESSION_COOKIE_SECONDS)


def gate() -> None:
    """The page for nobody: why a share link gives no access, the setup screen, or the login form."""
    db = runtime.database()
    if st.session_state.get(INVITE_KEY):
        _password_link(db, _UITNODIGING)
        return
    if st.session_state.get(RESET_KEY):
        _password_link(db, _HERSTEL)
        return
    if st.session_state.get(SHARE_KEY):
        refusal = share_links.verify(db, st.session_state[SHARE_KEY])
        st.title("Tellen & Vertellen")
        st.error(refusal.message if not isinstance(refusal, Visitor) else "Geen toegang.",
                 icon=":material/link_off:")
        st.button("Inloggen als medewerker", icon=":material/login:", on_click=_forget,
                  args=(SHARE_KEY, tokens.SHARE))
        return
    if st.session_state.get(LOGIN_KEY):  # had a session, the server ended it (idle timeout, disabled)
        _forget(LOGIN_KEY, tokens.SESSION)
        st.session_state[_NOTICE] = "Uw sessie is verlopen. Log opnieuw in."
    if not accounts.has_accounts(db):
        _setup(db)
    else:
        _login_form(db)


def _setup(db) -> None:
    st.title("Tellen & Vertellen instellen")
    st.write("Er is nog geen account. Maak het eerste account aan; dat wordt **beheerder** "
             "en kan daarna andere accounts en deellinks maken.")
    with st.form("instellen"):
        naam = st.text_input("Gebruikersnaam", autocomplete="username")
        wachtwoord = st.text_input("Wachtwoord", type="password", autocomplete="new-password",
                                   help=accounts.PASSWORD_HELP)
        herhaald = st.text_input("Wachtwoord herhalen", type="password", autocomplete="new-password")
        if not st.form_submit_button("Beheerder aanmaken", type="primary"):
            return
    if wachtwoord != herhaald:
        st.error("De twee wachtwoorden zijn niet gelijk. Typ ze opnieuw.")
        return
    try:
        user = accounts.add_first_beheerder(db, naam, wachtwoord)
    except accounts.AccountError as error:
        st.error(str(error))
        return
    _logged_in(accounts.start_session(db, user.naam))
    st.rerun()


@dataclass(frozen=True)
class _Link:
    """A one-time link on which someone chooses a password: an invitation or a reset."""

    key: str
    title: str
    form: str
    label: str
    repeat: str
    submit: str
    verify: Callable
    refusal: Callable[[uitnodigingen.Refusal], str]
    intro: Callable[[object], str]
    accept: Callable
    toast: str | None = None


_UITNODIGING = _Link(
    INVITE_KEY, "Welkom bij Tellen & Vertellen", "uitnodiging", "Kies een wachtwoord", "Wachtwoord herhalen",
    "Account maken en inloggen",
    uitnodigingen.verify, lambda refusal: refusal.message,
    lambda found: ("U bent uitgenodigd om mee te schrijven"
                   + (f" namens **{escaped(found.partij)}**" if found.partij else "")
                   + f", met de rol **{found.rol}**. Kies een wachtwoord; daarna bent u meteen ingelogd. Onthoud uw "
                   "gebruikersnaam: die hebt u nodig om later weer in te loggen."),
    uitnodigingen.accept)
_HERSTEL = _Link(
    RESET_KEY, "Nieuw wachtwoord kiezen", "herstel", "Nieuw wachtwoord", "Nieuw wachtwoord herhalen",
    "Wachtwoord opslaan en inloggen",
    herstel.verify, lambda refusal: refusal.herstel_message,
    lambda found: (f"Kies een nieuw wachtwoord voor **{escaped(found.naam)}**. Daarna bent u meteen ingelogd; op "
                   "andere apparaten wordt u uitgelogd. Deze link werkt één keer."),
    herstel.accept, "Uw nieuwe wachtwoord is opgeslagen. U bent ingelogd.")


def _password_link(db, link: _Link) -> None:
    """The person behind an invitation or reset link chooses a password twice, and is logged in at once."""
    token = st.session_state[link.key]
    st.title(link.title)
    found = link.verify(db, token)
    if isinstance(found, uitnodigingen.Refusal):
        st.error(link.refusal(found), icon=":material/link_off:")
        st.button("Naar het inloggen", icon=":material/login:", on_click=st.session_state.pop, args=(link.key, None))
        return
    st.write(link.intro(found))
    with st.form(link.form):
        st.text_input("Uw gebruikersnaam", value=found.naam, disabled=True)
        wachtwoord = st.text_input(link.label, type="password", autocomplete="new-password",
                                   help=accounts.PASSWORD_HELP)
        herhaald = st.text_input(link.repeat, type="password", autocomplete="new-password")
        if not st.form_submit_button(link.submit, type="primary"):
            return
    if wachtwoord != herhaald:
        st.error("De twee wachtwoorden zijn niet gelijk. Typ ze opnieuw.")
        return
    try:
        session_token = link.accept(db, token, wachtwoord, adres=client_address())
    except (uitnodigingen.UitnodigingRefused, accounts.AccountError) as error:
        st.error(str(error))
        return
    st.session_state.pop(link.key, None)
    _logged_in(session_token)
    if link.toast:
        st.session_state[_TOAST] = link.toast
    st.rerun()


def _login_form(db) -> None:
    st.title("Inloggen")
    if notice := st.session_state.pop(_NOTICE, None):
        st.info(notice, icon=":material/info:")
    sso.login_button()
    with st.form("inloggen"):
        naam = st.text_input("Gebruikersnaam", autocomplete="username")
        wachtwoord = st.text_input("Wachtwoord", type="password", autocomplete="current-password")
        if not st.form_submit_button("Inloggen", type="primary"):
            return
    result = accounts.login(db, naam, wachtwoord, adres=client_address())
    if result.token is None:
        st.error(result.message, icon=":material/lock:")
        return
    _logged_in(result.token)
    st.rerun()
