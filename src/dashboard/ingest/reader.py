"""The one CSV reader: detects encoding, separator, decimal and thousands marks per file, never from the locale.

Every cell is read as text; numbers are parsed later with the file's own decimal mark, so
"18500.00" in an English file and "18.500,00" in a Dutch one both mean eighteen thousand five hundred.
Hostile input (binary data, mixed encodings, giant fields) is refused here, before any validation.
"""
from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.csv as pacsv

from dashboard.formatting import number
from dashboard.ingest.problems import ImportRejected, Problem, UnreadableFile

EMPTY_VALUES = frozenset({"", ".", "-", "n.v.t.", "nvt", "n.v.t"})
MAX_FIELD = 10_000  # characters; a longer cell is not data but an accident or an attack
_SEPARATORS = (";", ",", "\t")
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xf4][\x80-\xbf]+")


@dataclass(frozen=True)
class Dialect:
    encoding: str  # utf-8, utf-8-sig, cp1252
    separator: str
    decimal: str  # "," or "."
    line_ending: str = "LF"  # LF or CRLF

    @property
    def thousands(self) -> str:
        return "." if self.decimal == "," else ","

    def describe(self) -> str:
        names = {";": "puntkomma", ",": "komma", "\t": "tab"}
        encodings = {"utf-8": "UTF-8", "utf-8-sig": "UTF-8 met BOM", "cp1252": "Windows-1252"}
        marks = {",": "komma", ".": "punt"}
        return (f"tekenset {encodings[self.encoding]}, scheidingsteken {names[self.separator]}, "
                f"decimaalteken {marks[self.decimal]}, duizendtalscheiding {marks[self.thousands]}, "
                f"regeleinde {self.line_ending}")


def decode(data: bytes) -> tuple[str, str]:
    """Text and encoding: UTF-8 (with or without BOM), else Windows-1252; refuses binary and mixtures."""
    if b"\x00" in data[:65536] or b"\x00" in data[-65536:]:
        raise UnreadableFile([Problem(1, "", "", "Dit is geen tekstbestand (het bevat binaire gegevens). "
                                               "Sla het in Excel op als 'CSV (puntkomma-gescheiden)'.")])
    if data.startswith(b"\xef\xbb\xbf"):
        encoding, body = "utf-8-sig", data[3:]
    else:
        encoding, body = "utf-8", data
    try:
        return body.decode("utf-8"), encoding
    except UnicodeDecodeError as error:
        if encoding == "utf-8-sig" or _UTF8_SEQUENCE.search(body):
            line = body[:error.start].count(b"\n") + 1
            raise ImportRejected([Problem(line, "", "", (
                "Het bestand mengt tekensets (deels UTF-8, deels Windows-1252). Sla het opnieuw op "
                "in één tekenset, bij voorkeur 'CSV UTF-8'."))]) from error
    return data.decode("cp1252", errors="replace"), "cp1252"


def _separator(header: str) -> str:
    return max(_SEPARATORS, key=header.count)


def _decimal_mark(cells: pd.Series, separator: str) -> str:
    """',' when the numbers are written the Dutch way, '.' otherwise; decided for the whole file.

    A tie ("1,234" alone could be either) goes to the comma in a semicolon file, the Dutch Excel way.
    """
    sample = cells[~cells.isin(EMPTY_VALUES)].head(20000)
    dutch = int(sample.str.fullmatch(r"-?\d{1,3}(\.\d{3})+(,\d+)?|-?\d+,\d+").sum())
    english = int(sample.str.fullmatch(r"-?\d{1,3}(,\d{3})+(\.\d+)?|-?\d+\.\d+").sum())
    if dutch == english:
        return "," if separator == ";" and dutch else "."
    return "," if dutch > english else "."


def read_table(data: bytes, value_columns: tuple[str, ...] = ()) -> tuple[pd.DataFrame, Dialect]:
    """All cells as stripped text, headers lower-cased; `_line` holds each row's line in the file."""
    text, encoding = decode(data)
    first_line = text.split("\n", 1)[0]
    line_ending = "CRLF" if first_line.endswith("\r") else "LF"
    if not text.strip():
        raise ImportRejected([Problem(1, "", "", "Het bestand is leeg. Kies een bestand met een kopregel en gegevens.")])
    if not first_line.strip():
        raise ImportRejected([Problem(1, "", "", "Het bestand begint met een lege regel; de kopregel moet op regel 1 staan.")])
    if len(first_line) > MAX_FIELD:
        raise ImportRejected([Problem(1, "", first_line[:40] + "…", (
            f"de kopregel is langer dan {number(MAX_FIELD)} tekens; dit is geen gegevensbestand."))])
    separator = _separator(first_line)
    frame = _read_simple(text, separator)
    if frame is None:
        frame = _read_any(text, separator)
        lines = _row_lines(text, separator, len(frame))
    else:
        lines = range(2, len(frame) + 2)
    frame.columns = [str(c).strip().strip('"').strip().lower() for c in frame.columns]
    for column in frame.columns:
        frame[column] = frame[column].fillna("").astype(str).str.strip()
    _refuse_giant_fields(frame, lines)
    frame["_line"] = lines
    blank = (frame.drop(columns="_line") == "").all(axis=1)
    if blank.any():
        frame = frame[~blank]
    # Known value columns, else every column (breed and cbs name theirs after indicators).
    numbers = [c for c in value_columns if c in frame.columns] or [c for c in frame.columns if c != "_line"]
    decimal = _decimal_mark(pd.concat([frame[c] for c in numbers]), separator)
    return frame, Dialect(encoding, separator, decimal, line_ending)


def _read_simple(text: str, separator: str) -> pd.DataFrame | None:
    """The fast path (pyarrow, both cores) for the usual export: no quotes, one row per line,
    distinct header names. None for anything else, which `_read_any` reads as pandas always did
    (quotes are where the two parsers differ on odd input) and where a fault gets its line."""
    names = text.split("\n", 1)[0].rstrip("\r").split(separator)
    if '"' in text or len(set(names)) != len(names):
        return None
    try:
        table = pacsv.read_csv(
            io.BytesIO(text.encode("utf-8")),
            parse_options=pacsv.ParseOptions(delimiter=separator, ignore_empty_lines=False),
            convert_options=pacsv.ConvertOptions(column_types={n: pa.string() for n in names},
                                                 strings_can_be_null=False, quoted_strings_can_be_null=False))
    except pa.ArrowInvalid:
        return None
    strings = all(pa.types.is_string(t) for t in table.schema.types)
    if table.num_rows != _line_count(text) - 1 or not strings:
        return None  # a value spanning lines, a lone CR line ending, a header read differently
    return table.to_pandas(types_mapper={pa.string(): pd.StringDtype("pyarrow", na_value=np.nan)}.get)


def _read_any(text: str, separator: str) -> pd.DataFrame:
    """Every CSV pandas can read, blank lines kept as rows so that `_line` stays the file's line."""
    try:
        return pd.read_csv(io.StringIO(text), sep=separator, dtype=str, keep_default_na=False,
                           na_filter=False, skipinitialspace=True, skip_blank_lines=False,
                           quoting=csv.QUOTE_MINIMAL, engine="c")
    except (pd.errors.ParserError, csv.Error, ValueError) as error:
        line = re.search(r"line (\d+)", str(error))
        raise ImportRejected([Problem(int(line.group(1)) if line else 1, "", "", (
            f"Het bestand is geen leesbare CSV: {error}. Controleer het aantal kolommen op die regel."))]) from error


def _line_count(text: str) -> int:
    """Lines as a text editor numbers them (a last line without a line end counts too)."""
    return text.count("\n") + (not text.endswith("\n"))


def _row_lines(text: str, separator: str, rows: int) -> list[int] | range:
    """The file line each data row starts on. One row per line in the usual file, but a quoted
    value spanning lines (Alt+Enter in an Excel cell) moves every row after it down."""
    if _line_count(text) == rows + 1:
        return range(2, rows + 2)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator, skipinitialspace=True)
    starts, previous = [], 0
    for _ in reader:
        starts.append(previous + 1)
        previous = reader.line_num
    return starts[1:] if len(starts) == rows + 1 else range(2, rows + 2)


def _refuse_giant_fields(frame: pd.DataFrame, lines) -> None:
    problems = []
    for column in frame.columns:
        lengths = frame[column].str.len()
        if len(lengths) and lengths.max() > MAX_FIELD:
            row = int(lengths.to_numpy().argmax())
            problems.append(Problem(lines[row], column, frame[column].iloc[row][:40] + "…", (
                f"dit veld is {number(lengths.max())} tekens lang; meer dan {number(MAX_FIELD)} past niet "
                "in een gegevensbestand.")))
    if problems:
        raise ImportRejected(problems)


_NUMBER = {
    ",": r"-?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?",
    ".": r"-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?",
}


def to_numbers(cells: pd.Series, decimal: str) -> pd.Series:
    """Text to float with the file's decimal mark; NaN where a cell is not a number in that style.

    Each distinct text is parsed once: exports repeat their values, and a column of a million
    cells then costs one pass to number them plus the parsing of far fewer.
    """
    codes, uniques = pd.factorize(cells, use_na_sentinel=False)
    texts = pd.Series(uniques, dtype="str")
    cleaned = texts.str.replace(" ", "", regex=False).str.replace("\u00a0", "", regex=False)
    valid = cleaned.str.fullmatch(_NUMBER[decimal])
    thousands = "." if decimal == "," else ","
    cleaned = cleaned.str.replace(thousands, "", regex=False).str.replace(decimal, ".", regex=False)
    parsed = pd.to_numeric(cleaned.where(valid.fillna(False).astype(bool)), errors="coerce")
    return pd.Series(parsed.to_numpy("float64", na_value=np.nan)[codes], index=cells.index)
