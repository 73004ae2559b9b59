"""Shared page chrome: the fictional-data notice and the footer."""
from __future__ import annotations

import streamlit as st

from dashboard import formatting


def fictional_notice() -> None:
    st.caption(":material/info: Demodata: Denkbeeldstad en alle partijen, cijfers en verhalen zijn fictief.")


def footer(last_update) -> None:
    st.divider()
    when = formatting.moment(last_update) if last_update else "nog niet"
    st.caption(f"Tellen & Vertellen · gegevens laatst bijgewerkt: {when}")
