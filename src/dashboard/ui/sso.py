"""Optional single sign-on: st.login (OIDC) when .streamlit/secrets.toml has an [auth] table.

Who may do what still comes from access.py: `[dashboard.sso_roles]` in secrets.toml maps an
e-mail address (or `@domain`) to a role, and only an address the provider vouches for
(`email_verified`) gets one (toegang/oidc.py). The button is offered only when the provider's
discovery document answers as it should; otherwise the login page says so in Dutch. Without
[auth] the app runs on local accounts alone.
"""
from __future__ import annotations

import logging

import streamlit as st

from dashboard.toegang import oidc
from dashboard.toegang.access import Visitor
from dashboard.ui.tekst import escaped

log = logging.getLogger(__name__)
FAILED_PARAM = "sso"  # ?sso=mislukt|onbereikbaar: deploy/serve.py's answer to a failed st.login (ui/server.py)


def configured() -> bool:
    try:
        return "auth" in st.secrets
    except FileNotFoundError:  # no secrets.toml at all
        return False


def _roles() -> dict:
    return dict(st.secrets.get("dashboard", {}).get("sso_roles", {}))


def _decision() -> oidc.Decision:
    return oidc.role_for(st.user.to_dict(), _roles())


def visitor() -> Visitor | None:
    """The signed-in organisation account, if it has a role here."""
    if not configured() or not st.user.is_logged_in:
        return None
    decision = _decision()
    return Visitor(name=str(st.user.get("email")), role=decision.role) if decision.role else None


@st.cache_data(ttl=30, show_spinner=False)
def _provider(server_metadata_url: str) -> oidc.ProviderCheck:
    """Asked at most every 30 s per server: a login page should not wait on the provider each run."""
    found = oidc.check_provider(server_metadata_url)
    if not found.ok:
        log.warning("Inlogdienst niet bruikbaar: %s", found.detail)
    return found


def login_button() -> None:
    if not configured():
        return
    if st.user.is_logged_in:  # signed in at the identity provider, but no role here
        st.warning(escaped(_decision().refusal), icon=":material/block:")  # it names the address
        st.button("Afmelden bij de organisatie", on_click=st.logout)
        return
    failed = st.query_params.pop(FAILED_PARAM, None)
    if failed:  # ask the provider afresh after a failed attempt
        _provider.clear()
    url = st.secrets["auth"].get("server_metadata_url")
    found = _provider(str(url)) if url else oidc.ProviderCheck(True)
    if not found.ok:
        st.warning(found.message, icon=":material/cloud_off:")
    else:
        if failed:
            st.warning(oidc.UNREACHABLE if failed == "onbereikbaar" else oidc.FAILED, icon=":material/error:")
        st.button("Inloggen met uw organisatieaccount", icon=":material/badge:", on_click=st.login,
                  type="primary")
    st.caption("Of log in met een lokaal account:")


def logout() -> None:
    if configured() and st.user.is_logged_in:
        st.logout()
