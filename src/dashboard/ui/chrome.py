"""Shared page chrome: the page icon, the fictional-data notice and the footer."""
from __future__ import annotations

from pathlib import Path

import streamlit as st

from dashboard import formatting

# A Path, not a str: Streamlit then serves the file itself and never checks it against its emoji list.
FAVICON = Path(__file__).with_name("favicon.png")


def fictional_notice() -> None:
    st.caption(":material/info: Demodata: Denkbeeldstad en alle partijen, cijfers en verhalen zijn fictief.")


def footer(last_update) -> None:
    st.divider()
    when = formatting.moment(last_update) if last_update else "nog niet"
    st.caption(f"Tellen & Vertellen · gegevens laatst bijgewerkt: {when}")
