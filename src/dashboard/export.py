"""Tables out, as Dutch Excel opens them: CSV with BOM, `;` and decimal comma, or an .xlsx file.

Text that starts with = + - @ tab or CR is prefixed with a quote so a spreadsheet does not run
it as a formula; numbers (negative ones too) stay numbers. A whole number is written whole
(474866, not pandas' 474866,0: a count stays a count), any other with all its decimals.
"""
from __future__ import annotations

import io

import numpy as np
import pandas as pd

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _neutralise(frame: pd.DataFrame) -> pd.DataFrame:
    safe = frame.copy()
    for column in safe.columns:
        if safe[column].dtype == object or pd.api.types.is_string_dtype(safe[column]):
            safe[column] = safe[column].map(
                lambda v: "'" + v if isinstance(v, str) and v.startswith(_FORMULA_START) else v)
    return safe


def _decimal_comma(values: pd.Series) -> pd.Series:
    """A float column as the CSV's text: whole numbers without ',0' (cast at once), the others in
    their shortest exact form with a comma, never in exponent notation; a gap stays empty."""
    known = values.notna() & np.isfinite(values.fillna(0))
    whole = known & (values == values.round()) & (values.abs() < 2 ** 53)
    text = pd.Series("", index=values.index, dtype=object)
    if whole.any():
        text[whole] = values[whole].astype("int64").astype(str)
    rest = known & ~whole
    if rest.any():
        text[rest] = [np.format_float_positional(v, trim="-").replace(".", ",") for v in values[rest]]
    return text


def csv_bytes(frame: pd.DataFrame) -> bytes:
    safe = _neutralise(frame)
    safe = safe.assign(**{str(c): _decimal_comma(safe[c]) for c in safe.columns
                          if pd.api.types.is_float_dtype(safe[c])})
    text = safe.to_csv(sep=";", decimal=",", index=False, lineterminator="\r\n")
    return text.encode("utf-8-sig")


def xlsx_bytes(frame: pd.DataFrame, sheet: str = "Gegevens") -> bytes:
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        _neutralise(frame).to_excel(writer, sheet_name=sheet[:31], index=False)
    return buffer.getvalue()
