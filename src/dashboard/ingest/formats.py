"""Observaties arrive in three shapes: lang (canonical), breed (one column per indicator) and cbs
(CBS open data). breed and cbs are melted into the long shape before validation, keeping each
value's file line and column so problems point at the cell the user sees.
"""
from __future__ import annotations

import hashlib

import pandas as pd

from dashboard.ingest.problems import Problem

FORMATS = ("lang", "breed", "cbs")
LANG = ("indicator", "gebied", "periode", "waarde")
BREED = ("gebied", "periode")
CBS = ("regios", "perioden")
_NOT_VALUES = {"_line", "_voorlopig", "gebied", "periode", "partij", "id", "regios", "perioden"}


def detect(columns: list[str]) -> str | None:
    present = set(columns)
    if set(LANG) <= present:
        return "lang"
    if set(CBS) <= present:
        return "cbs"
    if set(BREED) <= present and "indicator" not in present:
        return "breed"
    return None


def required(fmt: str) -> tuple[str, ...]:
    return {"lang": LANG, "breed": BREED, "cbs": CBS}[fmt]


def layout(columns: list[str]) -> str:
    """A short fingerprint of a header row: a mapping chosen once is remembered for the same layout."""
    return hashlib.sha256(";".join(c for c in columns if c != "_line").encode()).hexdigest()[:16]


def value_columns(columns: list[str]) -> list[str]:
    return [c for c in columns if c not in _NOT_VALUES]


def unknown_headers(columns: list[str], indicator_keys: set[str], mapping: dict[str, str]) -> list[str]:
    """Value columns that are neither an indicator key nor mapped to one (or to 'ignore')."""
    return [c for c in value_columns(columns) if c not in indicator_keys and c not in mapping]


def to_long(frame: pd.DataFrame, fmt: str, indicator_keys: set[str], mapping: dict[str, str],
            suggest) -> tuple[pd.DataFrame, list[Problem], list[str]]:
    """The long frame (indicator, gebied, partij, periode, waarde, _line, _kolom), problems, ignored columns."""
    if fmt == "lang":
        return frame, [], []
    if fmt == "cbs":  # a period CBS still calls voorlopig carries its star, as the open-data sync writes it
        frame = frame.rename(columns={"regios": "gebied", "perioden": "periode"})
        frame = frame.assign(_voorlopig=frame["periode"].str.endswith("*"), periode=frame["periode"].str.rstrip("*"))
    problems, ignored, keep = [], [], {}
    for column in value_columns(list(frame.columns)):
        key = mapping.get(column, column)
        if key in indicator_keys:
            keep[column] = key
        elif column in mapping or fmt == "cbs":
            ignored.append(column)
        else:
            problems.append(Problem(1, column, column, (
                f"onbekende indicator '{column}' in de kopregel.{suggest(column)} Hernoem de kolom, "
                "of kies op de pagina Gegevens bij welke indicator hij hoort.")))
    if not keep and not problems:
        problems.append(Problem(1, "", ";".join(value_columns(list(frame.columns)))[:200], (
            "geen enkele kolom hoort bij een indicator uit de catalogus. Gebruik de sleutels uit "
            "de catalogus als kolomkop, of koppel de kolommen op de pagina Gegevens.")))
    if "partij" not in frame:
        frame = frame.assign(partij="")
    ids = ["_line", "gebied", "periode", "partij"] + (["_voorlopig"] if "_voorlopig" in frame else [])
    long = frame.melt(id_vars=ids, value_vars=list(keep),
                      var_name="_kolom", value_name="waarde")
    long["indicator"] = long["_kolom"].map(keep)
    return long.sort_values("_line", kind="stable").reset_index(drop=True), problems, ignored
