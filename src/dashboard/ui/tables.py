"""Tables on screen in Dutch: headers in words, numbers as 1.234,5, a dash for no value."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import formatting

HEADERS = {"indicator": "Indicator", "naam": "Naam", "gebied": "Gebied", "partij": "Partij",
           "periode": "Periode", "label": "Periode", "waarde": "Waarde", "streefwaarde": "Streefwaarde",
           "eenheid": "Eenheid", "van": "Van", "tot en met": "Tot en met"}


def _dutch(amount) -> str:
    if pd.isna(amount):
        return formatting.GEEN_WAARDE
    return formatting.number(amount, 0 if float(amount).is_integer() else 1)


def _readable(frame: pd.DataFrame) -> pd.DataFrame:
    if "label" in frame.columns:  # the readable period label replaces the code
        frame = frame.drop(columns=["periode"], errors="ignore")
    return frame.rename(columns=HEADERS)


def show(frame: pd.DataFrame, gebieden: pd.DataFrame | None = None) -> None:
    """An interactive st.dataframe with Dutch numbers; sorting still works on complete number columns.

    Names, not keys: the indicator's name stands in for its key, and with `gebieden` (code, naam)
    a gebied's name for its code. st.dataframe writes "None" in an empty number cell, so a number
    column with gaps is shown as text, the gaps empty.
    """
    if gebieden is not None and "gebied" in frame.columns:
        names = dict(zip(gebieden["code"], gebieden["naam"]))
        frame = frame.assign(gebied=[names.get(code, code) for code in frame["gebied"]])
    if {"indicator", "naam"} <= set(frame.columns):
        frame = frame.drop(columns="indicator").rename(columns={"naam": "indicator"})
    frame = _readable(frame)
    numeric = [c for c in frame.columns if pd.api.types.is_numeric_dtype(frame[c])]
    gaps = [c for c in numeric if frame[c].isna().any()]
    frame = frame.assign(**{c: ["" if pd.isna(v) else _dutch(v) for v in frame[c]] for c in gaps})
    st.dataframe(frame.style.format(_dutch, subset=[c for c in numeric if c not in gaps]), hide_index=True)


def static(frame: pd.DataFrame) -> None:
    """A plain table (a chart's text alternative): every number already written the Dutch way."""
    frame = _readable(frame)
    for column in frame.columns:
        if pd.api.types.is_numeric_dtype(frame[column]):
            frame[column] = [_dutch(v) for v in frame[column]]
    st.table(frame.set_index(frame.columns[0]))
