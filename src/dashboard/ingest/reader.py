"""The one CSV reader: detects encoding, separator, decimal and thousands marks per file, never from the locale.

Every cell is read as text; numbers are parsed later with the file's own decimal mark, so
"18500.00" in an English file and "18.500,00" in a Dutch one both mean eighteen thousand five hundred.
Hostile input (binary data, mixed encodings, giant fields) is refused here, before any validation.

A file of any size is read in chunks of rows, so memory stays the same whatever its length: one
pass over the bytes first (hash, encoding, the shape of its lines), then the rows chunk by chunk,
each with the line it has in the file.
"""
from __future__ import annotations

import codecs
import csv
import errno
import hashlib
import io
import itertools
import os
import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from dashboard.formatting import number
from dashboard.ingest.problems import ImportRejected, Problem, UnreadableFile

EMPTY_VALUES = frozenset({"", ".", "-", "n.v.t.", "nvt", "n.v.t"})
MAX_FIELD = 10_000  # characters; a longer cell is not data but an accident or an attack
CHUNK_ROWS = 100_000  # rows validated and written at a time
DECIMAL_SAMPLE = 20_000  # cells that decide the decimal mark
_BLOCK = 1 << 24  # bytes read at a time
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


def too_large(size: int, max_bytes: int) -> UnreadableFile:
    return UnreadableFile([Problem(1, "", "", (
        f"Het bestand is {'meer dan ' if size > max_bytes else ''}{number(size / 1_048_576, 1)} MB; de grens is "
        f"{number(max_bytes / 1_048_576)} MB. Splits het bestand, of vraag de beheerder de grens "
        "(DASHBOARD_MAX_UPLOAD_MB) te verhogen."))])


_KINDS = ((stat.S_ISDIR, "een map"), (stat.S_ISCHR, "een apparaat"), (stat.S_ISBLK, "een apparaat"),
          (stat.S_ISFIFO, "een pijp (FIFO)"), (stat.S_ISSOCK, "een socket"))
_REASONS = {errno.ENOENT: "het bestaat niet", errno.EACCES: "u mag het niet lezen", errno.EPERM: "u mag het niet lezen",
            errno.ENXIO: "het is geen gewoon bestand", errno.ELOOP: "te veel symbolische koppelingen",
            errno.ENAMETOOLONG: "de naam is te lang"}


def open_file(path: Path):
    """A regular file opened for reading, or UnreadableFile with a Dutch reason. A folder, device,
    FIFO or socket is refused before a byte is read: the file is opened without waiting (a FIFO
    without a writer would block) and what it is asked of the open file itself."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError as error:
        reason = "het is een map" if error.errno == errno.EISDIR else _REASONS.get(error.errno, error.strerror)
        raise UnreadableFile([Problem(1, "", "", f"Het bestand {path} kan niet worden gelezen: {reason}.")]) from error
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            what = next((name for test, name in _KINDS if test(mode)), "geen gewoon bestand")
            raise UnreadableFile([Problem(1, "", "", (
                f"{path} is {what}, geen gewoon bestand; er is niets uit gelezen. Kies een CSV- of GeoJSON-bestand."))])
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


class _Capped(io.RawIOBase):
    """A stream that refuses to give more than `limit` bytes: what stat said is not trusted."""

    def __init__(self, raw, limit: int, refusal):
        self.raw, self.limit, self.refusal, self.count = raw, limit, refusal, 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        read = self.raw.readinto(buffer)
        self.count += read or 0
        if self.count > self.limit:
            raise self.refusal()
        return read

    def close(self) -> None:
        self.raw.close()
        super().close()


def _open(source: bytes | Path, limit: int | None = None, refusal=None):
    stream = open_file(source) if isinstance(source, Path) else io.BytesIO(source)
    return stream if limit is None else _Capped(stream, limit, refusal)


def read_all(source: bytes | Path, max_bytes: int | None = None) -> bytes:
    """A small file read whole (GeoJSON), counting: never more than `max_bytes` are read."""
    if isinstance(source, bytes):
        if max_bytes is not None and len(source) > max_bytes:
            raise too_large(len(source), max_bytes)
        return source
    with open_file(source) as stream:
        data = stream.read() if max_bytes is None else stream.read(max_bytes + 1)
    if max_bytes is not None and len(data) > max_bytes:
        raise too_large(len(data), max_bytes)
    return data


def _changed() -> UnreadableFile:
    return UnreadableFile([Problem(1, "", "", "Het bestand veranderde terwijl het werd gelezen. Probeer het opnieuw "
                                              "als het niet meer wordt bijgewerkt.")])


def decode(data: bytes) -> tuple[str, str]:
    """Text and encoding of a small file read whole (GeoJSON); CSV files go through `Table`."""
    encoding = _Shape(data[:_BLOCK].split(b"\n", 1)[0]).feed_all(data).encoding()
    body = data[3:] if encoding == "utf-8-sig" else data
    return body.decode("cp1252" if encoding == "cp1252" else "utf-8", errors="replace"), encoding


class _Shape:
    """The first pass over a file's bytes: its hash, its encoding, and whether its lines are plain
    enough for the fast parser (no quotes, the header's number of separators on every line, no
    blank line between rows, no lone CR), so that row n of the parse is line n + 1 of the file."""

    def __init__(self, first_line: bytes):
        self.hash = hashlib.sha256()
        self.size = self.lines = self.bad_line = self.longest = 0
        self.nul_line: int | None = None  # line of the first NUL byte
        self.decoder = codecs.getincrementaldecoder("utf-8")()
        self.utf8_error: int | None = None  # line of the first byte that is not UTF-8
        self.utf8_seen = self.quotes = self.lone_cr = self.ragged = self.text = False
        self.head = b""
        text = first_line.decode("utf-8", errors="replace").lstrip("\ufeff")
        self.separator = max(_SEPARATORS, key=text.count)
        self.width = text.count(self.separator)
        self.line_start = self.carry_separators = 0
        self.first_blank = 0  # line number
        self.pending_cr = False

    def feed_all(self, data: bytes) -> _Shape:
        for start in range(0, max(len(data), 1), _BLOCK):
            self.feed(data[start:start + _BLOCK])
        return self.finish()

    def feed(self, block: bytes) -> None:
        if not self.head:
            self.head = block[:65536]
        if self.nul_line is None and b"\x00" in block:
            self.nul_line = self.lines + block[:block.index(b"\x00")].count(b"\n") + 1
        self.hash.update(block)
        self.text = self.text or bool(block.strip())
        ascii = block.isascii()
        if not ascii:
            self.utf8_seen |= bool(_UTF8_SEQUENCE.search(block))
        # ASCII after a whole character is UTF-8 as it is; after half of one, decoding it finds the break.
        if self.utf8_error is None and not (ascii and not self.decoder.getstate()[0]):
            try:
                self.decoder.decode(block[3:] if self.size == 0 and block.startswith(codecs.BOM_UTF8) else block)
            except UnicodeDecodeError as error:
                self.utf8_error = self.lines + block[:error.start].count(b"\n") + 1
        self.quotes |= b'"' in block
        crs = block.count(b"\r") - block.count(b"\r\n") - (block.endswith(b"\r")) if b"\r" in block else 0
        self.lone_cr |= crs > 0 or (self.pending_cr and not block.startswith(b"\n"))
        self.pending_cr = block.endswith(b"\r")
        self._lines(block)
        self.size += len(block)

    def _lines(self, block: bytes) -> None:
        """Line lengths, separators per line and blank lines, with numpy over the block's bytes."""
        array = np.frombuffer(block, dtype=np.uint8)
        ends = np.flatnonzero(array == 10) + self.size
        separators = np.flatnonzero(array == ord(self.separator)) + self.size
        before = np.searchsorted(separators, ends)  # separators before each line end
        per_line = np.diff(before, prepend=0, append=len(separators))  # per line, and after the last end
        per_line[0] += self.carry_separators
        self.carry_separators = int(per_line[-1])
        if len(ends):
            starts = np.concatenate([[self.line_start], ends[:-1] + 1])
            self._complete(starts, ends, per_line[:-1], array)
            self.line_start = int(ends[-1]) + 1

    def _complete(self, starts, ends, separators, array) -> None:
        lengths = ends - starts
        self.longest = max(self.longest, int(lengths.max()))
        numbers = np.arange(self.lines + 1, self.lines + len(ends) + 1)
        # Blank: nothing, or only a CR, between two line ends (a CR just before the end is in this block).
        cr_before = np.zeros(len(ends), dtype=bool)
        inside = ends - self.size - 1 >= 0
        cr_before[inside] = array[ends[inside] - self.size - 1] == 13
        blank = (lengths == 0) | ((lengths == 1) & cr_before)
        self._count(numbers, blank, separators)

    def _count(self, numbers, blank, separators) -> None:
        blanks, filled = numbers[blank], numbers[~blank]
        if len(blanks) and not self.first_blank:
            self.first_blank = int(blanks[0])
        if len(filled):
            self.ragged |= bool(self.first_blank and self.first_blank < filled[-1])  # a blank line between rows
            self.ragged |= bool((separators[~blank] != self.width).any())
        self.lines = int(numbers[-1])

    def finish(self) -> _Shape:
        if self.size > self.line_start:  # a last line without a line end
            self.longest = max(self.longest, self.size - self.line_start)
            self._count(np.array([self.lines + 1]), np.array([False]), np.array([self.carry_separators]))
        return self

    def refuse_binary(self) -> None:
        """A NUL byte anywhere: no text file holds one (and PostgreSQL cannot store one in text)."""
        if self.nul_line is not None:
            raise UnreadableFile([Problem(self.nul_line, "", "", (
                "Dit is geen tekstbestand: deze regel bevat een NUL-teken (binaire gegevens). "
                "Sla het in Excel op als 'CSV (puntkomma-gescheiden)'."))])

    def encoding(self) -> str:
        """UTF-8 (with or without BOM), else Windows-1252; refuses binary data and mixtures."""
        self.refuse_binary()
        bom = self.head.startswith(codecs.BOM_UTF8)
        if self.utf8_error is None:
            return "utf-8-sig" if bom else "utf-8"
        if bom or self.utf8_seen:
            raise ImportRejected([Problem(self.utf8_error, "", "", (
                "Het bestand mengt tekensets (deels UTF-8, deels Windows-1252). Sla het opnieuw op "
                "in één tekenset, bij voorkeur 'CSV UTF-8'."))])
        return "cp1252"


class _Utf8(io.RawIOBase):
    """A Windows-1252 file as UTF-8 bytes, for the parsers that read UTF-8 only."""

    def __init__(self, raw):
        self.raw = raw

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        data = self.raw.read(len(buffer) // 3 or 1).decode("cp1252", errors="replace").encode("utf-8")
        buffer[:len(data)] = data
        return len(data)


class Table:
    """A CSV file opened for reading: dialect, header and hash known at once, rows in chunks.

    All cells are stripped text, headers lower-cased; `_line` holds each row's line in the file.
    The first chunks are read ahead until DECIMAL_SAMPLE values decide the decimal mark.
    """

    def __init__(self, source: bytes | Path, value_columns: tuple[str, ...] = (), chunk_rows: int = CHUNK_ROWS,
                 max_bytes: int | None = None):
        """`max_bytes`: the size cap, counted while reading (a file may grow, stat may say 0)."""
        self.source, self.chunk_rows = source, chunk_rows
        with _open(source) as stream:
            first = stream.read(_BLOCK)
            first_line = first.split(b"\n", 1)[0]
            shape = _Shape(first_line)
            while first:
                shape.feed(first)
                shape.refuse_binary()  # at the first NUL: the rest of a binary file is not read
                if max_bytes is not None and shape.size > max_bytes:
                    raise too_large(shape.size, max_bytes)
                first = stream.read(_BLOCK)
        self.shape = shape.finish()
        self.encoding = shape.encoding()
        self.sha256 = shape.hash.hexdigest()
        self.size = shape.size
        header = first_line.decode("cp1252" if self.encoding == "cp1252" else "utf-8", errors="replace")
        header = header.lstrip("\ufeff").rstrip("\r")
        if not shape.text:
            raise ImportRejected([Problem(1, "", "", "Het bestand is leeg. Kies een bestand met een kopregel en gegevens.")])
        if not header.strip():
            raise ImportRejected([Problem(1, "", "", "Het bestand begint met een lege regel; de kopregel moet op regel 1 staan.")])
        if len(header) > MAX_FIELD:
            raise ImportRejected([Problem(1, "", header[:40] + "…", (
                f"de kopregel is langer dan {number(MAX_FIELD)} tekens; dit is geen gegevensbestand."))])
        self.separator = shape.separator
        self.names = header.split(self.separator)
        self.fast = not (shape.quotes or shape.lone_cr or shape.ragged) and len(set(self.names)) == len(self.names)
        line_ending = "CRLF" if first_line.endswith(b"\r") else "LF"
        self._rows = self._chunks()
        self._ahead: list[pd.DataFrame] = []
        self.columns = self._read_ahead(value_columns)
        self.dialect = Dialect(self.encoding, self.separator, self._decimal, line_ending)

    def _read_ahead(self, value_columns: tuple[str, ...]) -> list[str]:
        sample, seen, columns = [], 0, None
        for frame in self._rows:
            self._ahead.append(frame)
            columns = [c for c in frame.columns if c != "_line"]
            numbers = [c for c in value_columns if c in frame] or _not_keys(columns)
            cells = pd.concat([frame[c] for c in numbers]) if numbers else pd.Series([], dtype=str)
            cells = cells[~cells.isin(EMPTY_VALUES)]
            sample.append(cells.head(DECIMAL_SAMPLE - seen))
            seen += len(sample[-1])
            if seen >= DECIMAL_SAMPLE:
                break
        self._decimal = decimal_mark(pd.concat(sample) if sample else pd.Series([], dtype=str), self.separator)
        return columns if columns is not None else [_header(n) for n in self.names]

    def __iter__(self) -> Iterator[pd.DataFrame]:
        """The chunks, each a frame of text cells with `_line`; blank rows left out (their lines counted).
        A second pass reads the file again from the top."""
        if self._rows is None:
            yield from self._chunks()
            return
        rows, self._rows = self._rows, None
        while self._ahead:
            yield self._ahead.pop(0)
        yield from rows

    def frame(self) -> pd.DataFrame:
        """The whole file as one frame (small files: gebieden, partijen, indicatoren)."""
        frames = list(self) or [pd.DataFrame({**{c: pd.Series(dtype="str") for c in self.columns}, "_line": []})]
        return pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]

    @property
    def lines(self) -> int:
        return self.shape.lines

    def _chunks(self) -> Iterator[pd.DataFrame]:
        if self.shape.lines <= 1:  # the header alone
            return
        stream = _open(self.source, self.size, _changed)  # the rows of the bytes the first pass saw, no more
        try:
            if self.encoding == "utf-8-sig":
                stream.read(3)
            elif self.encoding == "cp1252":
                stream = io.BufferedReader(_Utf8(stream), buffer_size=1 << 20)
            parts = _arrow_parts(stream, self) if self.fast else _csv_parts(stream, self)
            # Unquoted, a field is no longer than its line; a quoted one may run over several lines.
            yield from _clean(parts, self.chunk_rows, not self.fast or self.shape.longest > MAX_FIELD)
        finally:
            stream.close()


def _header(name: str) -> str:
    return str(name).strip().strip('"').strip().lower()


def _not_keys(columns: list[str]) -> list[str]:
    """Columns that hold numbers in a file without a known value column (breed, cbs)."""
    return [c for c in columns if c not in ("gebied", "periode", "partij", "id", "regios", "perioden")] or columns


def _arrow_parts(stream, table: Table) -> Iterator[tuple[pd.DataFrame, np.ndarray]]:
    """The fast path (pyarrow, streaming) for the usual export: one row per line, so lines count on."""
    reader = pacsv.open_csv(
        stream,
        read_options=pacsv.ReadOptions(block_size=max(1 << 22, 2 * table.shape.longest + 2), use_threads=False),
        parse_options=pacsv.ParseOptions(delimiter=table.separator, ignore_empty_lines=True),
        convert_options=pacsv.ConvertOptions(column_types={n: pa.string() for n in table.names},
                                             strings_can_be_null=False, quoted_strings_can_be_null=False))
    line = 2
    try:
        for batch in reader:
            trimmed = pa.RecordBatch.from_arrays([pc.utf8_trim_whitespace(c) for c in batch.columns],
                                                 names=batch.schema.names)
            frame = trimmed.to_pandas(types_mapper={pa.string(): pd.StringDtype("pyarrow", na_value=np.nan)}.get)
            yield frame, np.arange(line, line + len(frame))
            line += len(frame)
    except pa.ArrowInvalid as error:  # not expected after the first pass; said plainly all the same
        raise ImportRejected([Problem(line, "", "", f"Het bestand is geen leesbare CSV: {error}.")]) from error


def _csv_parts(stream, table: Table) -> Iterator[tuple[pd.DataFrame, np.ndarray]]:
    """Every other CSV (quotes, values over several lines, ragged rows), with the csv module, which
    says on which line each row starts. A row with too few cells is filled up, as Excel trims them."""
    text = io.TextIOWrapper(stream, encoding="utf-8", errors="replace", newline="")
    # After the file, a line no file has (it has no NUL): read as a row of its own, every quote was
    # closed; read into the last cell, a quote ran on to the end of the file.
    reader = csv.reader(itertools.chain(text, ["\n", _END + "\n"]), delimiter=table.separator,
                        skipinitialspace=True)
    try:
        names = next(reader)
        _refuse_open_quote(names, 1)
        width, rows, lines, previous = len(names), [], [], reader.line_num
        names = _unique(names)
        for row in reader:
            if row == [_END]:
                break
            if row:
                _refuse_open_quote(row, previous + 1)
                if len(row) > width:
                    raise ImportRejected([Problem(previous + 1, "", "", (
                        f"Het bestand is geen leesbare CSV: regel {previous + 1} heeft {len(row)} velden, de kopregel "
                        f"{width}. Controleer het aantal kolommen op die regel."))])
                rows.append([cell.strip() for cell in row] + [""] * (width - len(row)))
                lines.append(previous + 1)
            previous = reader.line_num
            if len(rows) >= 65536:
                yield pd.DataFrame(rows, columns=names, dtype="str"), np.array(lines)
                rows, lines = [], []
    except csv.Error as error:
        giant = "field larger than field limit" in str(error)
        raise ImportRejected([Problem(reader.line_num, "", "", (
            f"een veld is langer dan {number(csv.field_size_limit())} tekens; meer dan {number(MAX_FIELD)} past "
            "niet in een gegevensbestand." if giant else
            f"Het bestand is geen leesbare CSV: {error}. Controleer die regel."))]) from error
    if rows:
        yield pd.DataFrame(rows, columns=names, dtype="str"), np.array(lines)


_END = "\x00einde\x00"


def _refuse_open_quote(row: list[str], line: int) -> None:
    if row and _END in row[-1]:
        raise ImportRejected([Problem(line, "", "", (
            "een aanhalingsteken (\") op deze regel opent een veld dat tot het einde van het bestand niet wordt "
            "gesloten. Sluit het veld met een \", of verwijder het aanhalingsteken."))])


def _unique(names: list[str]) -> list[str]:
    """A repeated header gets a number, as pandas did: 'waarde', 'waarde.1'."""
    seen: dict[str, int] = {}
    out = []
    for name in names:
        count = seen.get(name, 0)
        seen[name] = count + 1
        out.append(name if not count else f"{name}.{count}")
    return out


def _clean(parts, chunk_rows: int, long_lines: bool = True) -> Iterator[pd.DataFrame]:
    """Parser output -> chunks of about `chunk_rows`: stripped text, lower-cased headers, `_line`,
    blank rows dropped, giant fields refused (looked for only where there can be one)."""
    buffer, size = [], 0
    for frame, lines in parts:
        buffer.append((frame, lines))
        size += len(frame)
        if size >= chunk_rows:  # whole chunks on, the rest waits for the next part (no small chunks between)
            whole = size // chunk_rows * chunk_rows
            frame = pd.concat([f for f, _ in buffer], ignore_index=True) if len(buffer) > 1 else buffer[0][0]
            lines = np.concatenate([lines for _, lines in buffer])
            buffer = [(frame.iloc[whole:].reset_index(drop=True), lines[whole:])] if whole < size else []
            size -= whole
            yield from _split([(frame.iloc[:whole], lines[:whole])], chunk_rows, long_lines)
    if buffer:
        yield from _split(buffer, chunk_rows, long_lines)


def _split(buffer, chunk_rows: int, long_lines: bool) -> Iterator[pd.DataFrame]:
    frame = pd.concat([f for f, _ in buffer], ignore_index=True) if len(buffer) > 1 else buffer[0][0]
    lines = np.concatenate([lines for _, lines in buffer])
    frame.columns = [_header(c) for c in frame.columns]  # the cells come stripped from either parser
    if long_lines:
        _refuse_giant_fields(frame, lines)
    frame["_line"] = lines
    blank = (frame.drop(columns="_line") == "").all(axis=1)
    if blank.any():
        frame = frame[~blank].reset_index(drop=True)
    for start in range(0, len(frame), chunk_rows):
        yield frame.iloc[start:start + chunk_rows].reset_index(drop=True)


def read_table(data: bytes | Path, value_columns: tuple[str, ...] = (),
               max_bytes: int | None = None) -> tuple[pd.DataFrame, Dialect]:
    """The whole file as one frame, and its dialect."""
    table = Table(data, value_columns, max_bytes=max_bytes)
    return table.frame(), table.dialect


def decimal_mark(cells: pd.Series, separator: str) -> str:
    """',' when the numbers are written the Dutch way, '.' otherwise; decided for the whole file.

    A tie ("1,234" alone could be either) goes to the comma in a semicolon file, the Dutch Excel way.
    """
    dutch = int(cells.str.fullmatch(r"-?\d{1,3}(\.\d{3})+(,\d+)?|-?\d+,\d+").sum())
    english = int(cells.str.fullmatch(r"-?\d{1,3}(,\d{3})+(\.\d+)?|-?\d+\.\d+").sum())
    if dutch == english:
        return "," if separator == ";" and dutch else "."
    return "," if dutch > english else "."


def _refuse_giant_fields(frame: pd.DataFrame, lines) -> None:
    problems = []
    for column in frame.columns:
        lengths = frame[column].str.len()
        if len(lengths) and lengths.max() > MAX_FIELD:
            row = int(lengths.to_numpy().argmax())
            problems.append(Problem(int(lines[row]), column, frame[column].iloc[row][:40] + "…", (
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
    return pd.Series(parse_numbers(pd.Series(uniques, dtype="str"), decimal)[codes], index=cells.index)


def parse_numbers(texts: pd.Series, decimal: str) -> np.ndarray:
    """Distinct texts to floats (NaN where a text is not a number in the file's style), vectorised."""
    cleaned = texts.str.replace(" ", "", regex=False).str.replace("\u00a0", "", regex=False)
    valid = cleaned.str.fullmatch(_NUMBER[decimal])
    thousands = "." if decimal == "," else ","
    cleaned = cleaned.str.replace(thousands, "", regex=False).str.replace(decimal, ".", regex=False)
    parsed = pd.to_numeric(cleaned.where(valid.fillna(False).astype(bool)), errors="coerce")
    return parsed.to_numpy("float64", na_value=np.nan)
