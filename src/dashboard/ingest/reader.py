"""The one CSV reader: detects encoding, separator and decimal mark per file, never from the locale.

Every cell is read as text; numbers are parsed later with the file's own decimal mark, so
"18500.00" in an English file and "18.500,00" in a Dutch one both mean eighteen thousand five hundred.
"""
from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass

import pandas as pd

from dashboard.ingest.problems import ImportRejected, Problem

EMPTY_VALUES = frozenset({"", ".", "-", "n.v.t.", "nvt", "n.v.t"})
_SEPARATORS = (";", ",", "\t")


@dataclass(frozen=True)
class Dialect:
    encoding: str  # utf-8, utf-8-sig, cp1252
    separator: str
    decimal: str  # "," or "."

    def describe(self) -> str:
        names = {";": "puntkomma", ",": "komma", "\t": "tab"}
        encodings = {"utf-8": "UTF-8", "utf-8-sig": "UTF-8 met BOM", "cp1252": "Windows-1252"}
        mark = "komma" if self.decimal == "," else "punt"
        return (f"tekenset {encodings[self.encoding]}, scheidingsteken {names[self.separator]}, "
                f"decimaalteken {mark}")


def decode(data: bytes) -> tuple[str, str]:
    """Text and encoding: UTF-8 (with or without BOM), else Windows-1252."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8"), "utf-8-sig"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), "cp1252"


def _separator(header: str) -> str:
    return max(_SEPARATORS, key=header.count)


def _decimal_mark(cells: pd.Series) -> str:
    """',' when the numbers are written the Dutch way, '.' otherwise; decided for the whole file."""
    sample = cells[~cells.isin(EMPTY_VALUES)].head(20000)
    dutch = sample.str.fullmatch(r"-?\d{1,3}(\.\d{3})+(,\d+)?|-?\d+,\d+").sum()
    english = sample.str.fullmatch(r"-?\d{1,3}(,\d{3})+(\.\d+)?|-?\d+\.\d+").sum()
    return "," if dutch > english else "."


def read_table(data: bytes, value_columns: tuple[str, ...] = ()) -> tuple[pd.DataFrame, Dialect]:
    """All cells as stripped text, headers lower-cased; the dialect detected from the content."""
    text, encoding = decode(data)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    first_line = text.split("\n", 1)[0]
    if not first_line.strip():
        raise ImportRejected([Problem(1, "", "", "Het bestand is leeg of begint met een lege regel.")])
    separator = _separator(first_line)
    try:
        frame = pd.read_csv(io.StringIO(text), sep=separator, dtype=str, keep_default_na=False,
                            skipinitialspace=True, quoting=csv.QUOTE_MINIMAL, engine="python")
    except (pd.errors.ParserError, csv.Error) as error:
        line = re.search(r"line (\d+)", str(error))
        raise ImportRejected([Problem(int(line.group(1)) if line else 1, "", "",
                                      f"Het bestand is geen leesbare CSV: {error}")]) from error
    frame.columns = [str(c).strip().strip('"').lower() for c in frame.columns]
    frame = frame.apply(lambda column: column.str.strip())
    numbers = [c for c in value_columns if c in frame.columns]
    decimal = _decimal_mark(pd.concat([frame[c] for c in numbers])) if numbers else ","
    return frame, Dialect(encoding, separator, decimal)


_NUMBER = {
    ",": r"-?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?",
    ".": r"-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?",
}


def to_numbers(cells: pd.Series, decimal: str) -> pd.Series:
    """Text to float with the file's decimal mark; NaN where a cell is not a number in that style."""
    cleaned = cells.str.replace(" ", "", regex=False).str.replace("\u00a0", "", regex=False)
    valid = cleaned.str.fullmatch(_NUMBER[decimal])
    thousands = "." if decimal == "," else ","
    cleaned = cleaned.str.replace(thousands, "", regex=False).str.replace(decimal, ".", regex=False)
    return pd.to_numeric(cleaned.where(valid), errors="coerce")
