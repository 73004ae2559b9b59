"""Optional single sign-on: st.login (OIDC) when .streamlit/secrets.toml has an [auth] table.

Who may do what still comes from access.py: `[dashboard.sso_roles]` in secrets.toml maps an
e-mail address (or `@domain`) to a role. Without [auth] the app runs on local accounts alone.
"""
from __future__ import annotations

import streamlit as st

from dashboard.toegang import accounts
from dashboard.toegang.access import Visitor
from dashboard.ui.tekst import escaped


def configured() -> bool:
    try:
        return "auth" in st.secrets
    except FileNotFoundError:  # no secrets.toml at all
        return False


def _roles() -> dict:
    return dict(st.secrets.get("dashboard", {}).get("sso_roles", {}))


def visitor() -> Visitor | None:
    """The signed-in organisation account, if it has a role here."""
    if not configured() or not st.user.is_logged_in:
        return None
    email = str(st.user.get("email") or "")
    role = accounts.sso_role(email, _roles())
    return Visitor(name=email, role=role) if role else None


def login_button() -> None:
    if not configured():
        return
    if st.user.is_logged_in:  # signed in at the identity provider, but no role here
        st.warning(f"Het account {escaped(st.user.get('email'))} heeft geen rol in Tellen & Vertellen. "
                   "Vraag een beheerder om u toe te voegen.", icon=":material/block:")
        st.button("Afmelden bij de organisatie", on_click=st.logout)
        return
    st.button("Inloggen met uw organisatieaccount", icon=":material/badge:", on_click=st.login,
              type="primary")
    st.caption("Of log in met een lokaal account:")


def logout() -> None:
    if configured() and st.user.is_logged_in:
        st.logout()
