"""Every chart comes with its table: tabs 'Grafiek' and 'Tabel' with the same numbers.

The figures are made once for every session (made.once): the same numbers give the same figure.
"""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import pydeck as pdk
import streamlit as st

from dashboard import charts
from dashboard.ui import made, tables

trend = made.once(charts.trend)
bars = made.once(charts.bars)
wijk_map = made.once(charts.wijk_map)


def figure(fig: go.Figure, table: pd.DataFrame, key: str, alt: str) -> None:
    chart, numbers = st.tabs(["Grafiek", "Tabel"])
    with chart:
        st.plotly_chart(fig, key=key, config={"displaylogo": False, "locale": "nl"})
        st.caption(alt)
    with numbers:
        tables.static(table)


def deck(map_: pdk.Deck, legend: pd.DataFrame, table: pd.DataFrame, key: str, alt: str) -> None:
    chart, numbers = st.tabs(["Kaart", "Tabel"])
    with chart:
        left, right = st.columns([4, 1])
        with left:
            st.pydeck_chart(map_, key=key, height=460, alt=alt)
        with right:
            st.caption("Legenda")
            st.dataframe(
                legend.rename(columns={"kleur": " ", "tot en met": "t/m"}).style.apply(
                    lambda col: [f"background-color: {c}; color: {c}" for c in col], subset=[" "]),
                hide_index=True,
            )
            st.caption("Grijs: geen gegevens")
        st.caption(alt)
    with numbers:
        tables.static(table)
