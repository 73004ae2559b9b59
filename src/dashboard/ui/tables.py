"""Tables on screen in Dutch: headers in words, numbers as 1.234,5, a dash for no value; written once
for every session (made.once)."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import formatting
from dashboard.ui import made
from dashboard.ui.tekst import escaped_table

HEADERS = {"indicator": "Indicator", "naam": "Naam", "gebied": "Gebied", "partij": "Partij",
           "periode": "Periode", "label": "Periode", "waarde": "Waarde", "streefwaarde": "Streefwaarde",
           "eenheid": "Eenheid", "van": "Van", "tot en met": "Tot en met", "dekking": "Dekking",
           "bron": "Bron"}


def _readable(frame: pd.DataFrame) -> pd.DataFrame:
    if "label" in frame.columns:  # the readable period label replaces the code
        frame = frame.drop(columns=["periode"], errors="ignore")
    return frame.rename(columns=HEADERS)


_IN_UNIT = ("Waarde", "Streefwaarde")  # the columns a unit applies to; other numbers (a year, a count) are bare


def _units(frame: pd.DataFrame, eenheid: str | None):
    """The unit of each row (a table of several indicators has an eenheid column), or the table's one."""
    return frame["eenheid"].tolist() if eenheid is None and "eenheid" in frame.columns else eenheid


def _as_text(values, eenheid, gap: str = "") -> list[str]:
    """A column written the Dutch way, every value with the same decimals (per unit); each distinct
    (value, unit) formatted once; a gap stays `gap`."""
    values = values.tolist()
    units = eenheid if isinstance(eenheid, list) else [eenheid] * len(values)
    pairs = list(zip(values, units))
    distinct = list({(v, u) for v, u in pairs if not pd.isna(v)})
    texts = dict(zip(distinct, formatting.column([v for v, _ in distinct], [u for _, u in distinct])))
    return [gap if pd.isna(v) else texts[(v, u)] for v, u in pairs]


def _on_screen(frame: pd.DataFrame, gebieden: dict[str, str] | None) -> tuple[pd.DataFrame, list[str]]:
    """The frame as `show` puts it on screen, and its number columns (now text)."""
    units = _units(frame, None)
    if gebieden is not None and "gebied" in frame.columns:
        frame = frame.assign(gebied=[gebieden.get(code, code) for code in frame["gebied"]])
    if {"indicator", "naam"} <= set(frame.columns):
        frame = frame.drop(columns="indicator").rename(columns={"naam": "indicator"})
    frame = _readable(frame)
    numeric = [c for c in frame.columns if pd.api.types.is_numeric_dtype(frame[c])]
    return frame.assign(**{c: _as_text(frame[c], units if c in _IN_UNIT else None) for c in numeric}), numeric


def _plain(frame: pd.DataFrame, eenheid: str | None = None) -> pd.DataFrame:
    """The frame as `static` writes it."""
    units = _units(frame, eenheid)
    frame = _readable(frame)
    frame = frame.assign(**{c: _as_text(frame[c], units if c in _IN_UNIT else None, formatting.GEEN_WAARDE)
                            for c in frame.columns if pd.api.types.is_numeric_dtype(frame[c])})
    return frame.set_index(frame.columns[0])


def _static(frame: pd.DataFrame, eenheid: str | None = None) -> pd.DataFrame:
    """`_plain` as st.table gets it: st.table reads Markdown in its cells, so names (of partijen,
    gebieden) are escaped like all user text (ui/tekst.py)."""
    return escaped_table(_plain(frame, eenheid))


_on_screen_once, _static_once = made.once(_on_screen), made.once(_static)


def show(frame: pd.DataFrame, gebieden: dict[str, str] | None = None) -> None:
    """An interactive st.dataframe with Dutch numbers (1.234,5), right-aligned, a gap left empty.

    On a phone the values stay in view: the first column (what a row is about) is pinned at a
    medium width and the values come right after it, the other key columns after them.

    Names, not keys: the indicator's name stands in for its key, and with `gebieden` (code -> naam)
    a gebied's name for its code. The numbers go as text written once per distinct value: a pandas
    Styler took a third of a second per run on a national table (and st.dataframe writes "None" in
    an empty number cell); the download buttons keep the numbers as numbers.
    """
    frame, numeric = _on_screen_once(frame, gebieden)  # both held: found by identity, no digest
    key = frame.columns[0]
    values, rest = [c for c in numeric if c != key], [c for c in frame.columns[1:] if c not in numeric]
    made.drawn(lambda: st.dataframe(frame, hide_index=True, column_order=[key, *values, *rest],
                                    column_config={key: st.column_config.TextColumn(width="medium", pinned=True)}
                                    | {c: st.column_config.TextColumn(alignment="right") for c in numeric}), frame)


def static(frame: pd.DataFrame, eenheid: str | None = None) -> None:
    """A plain table (a chart's text alternative): every number already written the Dutch way, in
    `eenheid`'s decimals when the chart has one unit."""
    st.table(_static_once(frame, eenheid))
