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


def show(frame: pd.DataFrame) -> None:
    """An interactive st.dataframe with Dutch numbers; sorting still works on the numbers."""
    frame = _readable(frame)
    numeric = [c for c in frame.columns if pd.api.types.is_numeric_dtype(frame[c])]
    st.dataframe(frame.style.format(_dutch, subset=numeric), hide_index=True)


def static(frame: pd.DataFrame) -> None:
    """A plain table (a chart's text alternative): every number already written the Dutch way."""
    frame = _readable(frame)
    for column in frame.columns:
        if pd.api.types.is_numeric_dtype(frame[column]):
            frame[column] = [_dutch(v) for v in frame[column]]
    st.table(frame.set_index(frame.columns[0]))
