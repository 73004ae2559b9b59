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


def show(frame: pd.DataFrame) -> None:
    """st.dataframe with Dutch number formatting; sorting still works on the numbers."""
    if "label" in frame.columns:  # the readable period label replaces the code
        frame = frame.drop(columns=["periode"], errors="ignore")
    numeric = [c for c in frame.columns if pd.api.types.is_numeric_dtype(frame[c])]
    styled = frame.rename(columns=HEADERS).style.format(
        _dutch, subset=[HEADERS.get(c, c) for c in numeric])
    st.dataframe(styled, hide_index=True)
