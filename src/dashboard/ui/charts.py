"""Every chart comes with its table: tabs 'Grafiek' and 'Tabel' with the same numbers.

A table is written only while its tab is open (choosing the tab reruns the page, or the fragment
around the chart): twenty viewers of one share link each converted four tables nobody opened.

The figures are made once for every session (made.once): the same numbers give the same figure.
"""
from __future__ import annotations

from html import escape

import pandas as pd
import plotly.graph_objects as go
import pydeck as pdk
import streamlit as st

from dashboard import charts, formatting
from dashboard.ui import made, nederlands, tables
from dashboard.ui.tekst import escaped

trend = made.once(charts.trend)
bars = made.once(charts.bars)


def _wijk_map(shapes: pd.DataFrame, values: pd.DataFrame, naam: str, eenheid: str) -> tuple[pdk.Deck, pd.DataFrame]:
    """The map and its legend, and the map's JSON written once with them: st.pydeck_chart asks the
    Deck for its JSON on every run, every wijk's outline again, for each viewer of a link."""
    map_, legend = charts.wijk_map(shapes, values, naam, eenheid)
    spec = map_.to_json()
    map_.to_json = lambda: spec  # the one Deck every session is handed (made.once) is never changed
    return map_, legend


wijk_map = made.once(_wijk_map)


def trend_table(trend: pd.DataFrame) -> pd.DataFrame:
    """A trend's text alternative: period, value, target, and what a partial period lacks when one is."""
    table = trend[["label", "waarde", "streefwaarde"]]
    if trend["deels"].notna().any():  # a period without a figure yet is neither complete nor partial
        table = table.assign(dekking=trend["deels"].fillna(trend["waarde"].notna().map({True: "compleet", False: ""})))
    return table


_trend_table_once = made.once(trend_table)  # the held trend of a view: the same frame every run


def trend_or_values(data: pd.DataFrame, naam: str, eenheid: str, key: str, alt: str) -> None:
    """A trend as chart and table; one or two periods with a figure as their values only, none as a line
    that says so."""
    measured = int(data["waarde"].notna().sum())
    if not measured:
        st.info(f"Voor {naam} zijn in deze periode nog geen cijfers.")
        return
    if charts.as_values(data):
        st.caption(f"{formatting.count(measured, 'periode', 'perioden')} met een cijfer: te weinig voor een "
                   "lijn, daarom de waarden zelf.")
        tables.static(_trend_table_once(data), eenheid)
        return
    figure(trend(data, naam, eenheid), _trend_table_once(data), key=key, alt=alt, eenheid=eenheid)


def figure(fig: go.Figure, table: pd.DataFrame, key: str, alt: str, eenheid: str | None = None) -> None:
    """The chart and its table; `eenheid`: the unit of the table's values (their decimals)."""
    chart, numbers = st.tabs(["Grafiek", "Tabel"], key=f"{key}_tabs", on_change="rerun")
    with chart:
        made.drawn(lambda: st.plotly_chart(fig, key=key, config=nederlands.PLOTLY_CONFIG), fig, key)
        st.caption(escaped(alt))  # it names indicators, gebieden and partijen
    if numbers.open:
        with numbers:
            tables.static(table, eenheid)


def _legend(legend: pd.DataFrame) -> str:
    """The map's legend as a small HTML table: a swatch (for a screen reader: its class, dark to
    light), from, to; under it what grey means (in the same element: a message less). Made of our
    own figures only (colours and formatted numbers, escaped), never of user text; a pandas Styler
    in st.dataframe cost a quarter of a demo dashboard run."""
    cell = 'style="padding:0.1rem 0.6rem 0.1rem 0;text-align:left"'
    hidden = 'style="position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)"'
    rows = "".join(
        f'<tr><td {cell}><span aria-hidden="true" style="display:inline-block;width:1.1em;height:1.1em;'
        f'vertical-align:middle;background:{escape(kleur)}"></span><span {hidden}>klasse {n} van {len(legend)}'
        f'</span></td><td {cell}>{escape(van)}</td><td {cell}>{escape(tot)}</td></tr>'
        for n, (kleur, van, tot) in enumerate(zip(legend["kleur"], legend["van"], legend["tot en met"]), 1))
    return (f'<table style="border-collapse:collapse;font-size:0.875rem"><caption style="text-align:left">'
            f'Legenda</caption><thead><tr><th scope="col" {cell}><span {hidden}>Kleur</span></th>'
            f'<th scope="col" {cell}>van</th><th scope="col" {cell}>t/m</th></tr></thead><tbody>{rows}</tbody></table>'
            '<p style="margin:0.25rem 0 0;font-size:0.875rem">Grijs: geen gegevens</p>')


_legend_once = made.once(_legend)


def deck(map_: pdk.Deck, legend: pd.DataFrame, table: pd.DataFrame, key: str, alt: str,
         eenheid: str | None = None) -> None:
    chart, numbers = st.tabs(["Kaart", "Tabel"], key=f"{key}_tabs", on_change="rerun")
    with chart:
        left, right = st.columns([4, 1])
        with left:
            made.drawn(lambda: st.pydeck_chart(map_, key=key, height=460, alt=alt), map_, key, alt)
        with right:
            st.html(_legend_once(legend))
        st.caption(escaped(alt))
    if numbers.open:
        with numbers:
            tables.static(table, eenheid)
