"""Observations and targets in the long format: validate every row, then upsert in bulk.

Validation is vectorised over the whole file so that every problem is reported at once;
writing uses INSERT ... ON CONFLICT in chunks (SQLite and PostgreSQL), no ORM object per row.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass

import numpy as np
import pandas as pd
from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from dashboard import periods
from dashboard.ingest import areas
from dashboard.ingest.problems import Problem
from dashboard.ingest.reader import EMPTY_VALUES, to_numbers
from dashboard.models import Gebied, Indicator, Observatie, Partij, Streefwaarde

KEY = ["indicator_id", "gebied_id", "partij_id", "periode"]
# The key index counts a NULL partij (all parties together) as 0; the conflict target names it.
UPSERT = ("ON CONFLICT (indicator_id, gebied_id, (coalesce(partij_id, 0)), periode) "
          "DO UPDATE SET waarde = excluded.waarde, batch_id = excluded.batch_id")
CHUNK = 50_000  # rows per step of the progress bar
ROWS_PER_STATEMENT = 100  # 900 parameters at most: below SQLite's oldest limit of 999
SQLITE_CACHE_KB = 131072  # 128 MB page cache while writing


@dataclass
class Prepared:
    """A validated file: rows to write, and how they compare with what is stored."""

    rows: pd.DataFrame  # KEY + jaar, periode_soort, volgnummer, waarde, status (new/changed/unchanged)
    skipped_empty: int
    problems: list[Problem]


def _lookup(cells: pd.Series, lookup, dtype=None) -> pd.Series:
    """`lookup(value)` for every cell, computed once per distinct value (a file has few)."""
    codes, uniques = pd.factorize(cells, use_na_sentinel=False)
    found = pd.array([lookup(u) for u in uniques], dtype=dtype)
    return pd.Series(found.take(codes), index=cells.index)


def _problems(mask: pd.Series, frame: pd.DataFrame, column: str, message, missing: str = "") -> list[Problem]:
    """One Problem per marked row; a melted (breed/cbs) value is reported under its own file column."""
    shown = frame.loc[mask, "_kolom"] if "_kolom" in frame and column in ("waarde", "indicator") \
        else [column] * int(mask.sum())
    return [
        Problem(int(line), str(where), str(value), message(value), missing)
        for line, where, value in zip(frame.loc[mask, "_line"], shown, frame.loc[mask, column])
    ]


def nearest(key: str, known: list[str]) -> str | None:
    """The known key closest to a misspelt one, if any is close."""
    close = difflib.get_close_matches(key.lower(), known, n=1, cutoff=0.6)
    return close[0] if close else None


def suggest(key: str, known: list[str]) -> str:
    """' Bedoelde u 'x'?' for the nearest known key, or nothing when none is close."""
    close = nearest(key, known)
    return f" Bedoelde u '{close}'?" if close else ""


def _partij_ids(session: Session) -> dict[str, int]:
    """Partijen by lower-cased name and by code, as a file may use either."""
    ids = {}
    for partij in session.scalars(select(Partij)):
        ids[partij.naam.lower()] = partij.id
        if partij.code:
            ids[partij.code.lower()] = partij.id
    return ids


def add_missing(session: Session, frame: pd.DataFrame) -> list[str]:
    """The deliberate step: add gebieden (well-formed CBS codes) and partijen the file names but
    the database lacks. A gebied is named after its code, a partij gets soort 'overig'; both can be
    corrected later with a gebieden- or partijenbestand. Returns what was added, for the report."""
    added = []
    known = set(session.scalars(select(Gebied.code)))
    codes = {areas.normalise(c) for c in frame["gebied"].unique()} - known
    for code in sorted((c for c in codes if areas.level(c)), key=lambda c: (areas.rank(areas.level(c)), c)):
        ouder = session.scalar(select(Gebied).where(Gebied.code == (areas.parent(code) or "")))
        session.add(Gebied(code=code, naam=code, niveau=areas.level(code), ouder=ouder))
        session.flush()
        added.append(f"gebied {code}")
    if "partij" in frame:
        partijen = _partij_ids(session)
        for naam in sorted(set(frame["partij"].unique()) - {""}):
            if naam.lower() not in partijen:
                session.add(Partij(naam=naam[:200], soort="overig"))
                partijen[naam.lower()] = -1
                added.append(f"partij {naam}")
    session.flush()
    return added


def prepare(session: Session, frame: pd.DataFrame, decimal: str, value_column: str,
            model: type[Observatie] | type[Streefwaarde]) -> Prepared:
    """Check every row against the catalogue, areas, parties and periods; compare with the database.

    Lookups run on the distinct values of a column and are mapped back, and the key is one integer
    per row, so a million rows cost a handful of vectorised passes, not a million Python calls.
    """
    if "_line" not in frame:
        frame = frame.assign(_line=range(2, len(frame) + 2))
    empty = _lookup(frame[value_column], lambda v: v.lower() in EMPTY_VALUES, "bool")
    skipped = int(empty.sum())
    if skipped:
        frame = frame[~empty]
    problems: list[Problem] = []

    indicators = {i.sleutel: i for i in session.scalars(select(Indicator))}
    indicator_id = _lookup(frame["indicator"], lambda k: getattr(indicators.get(k.lower()), "id", None), "Int64")
    unknown = indicator_id.isna()
    problems += _problems(unknown, frame, "indicator", lambda v: (
        f"onbekende indicator '{v}'.{suggest(v, list(indicators))}"))

    gebieden = dict(session.execute(select(Gebied.code, Gebied.id)).all())
    codes = _lookup(frame["gebied"], areas.normalise, "str")
    missing = ~codes.isin(gebieden.keys())
    malformed = codes.isin({c for c in codes[missing].unique() if areas.level(c) is None})
    problems += _problems(missing & ~malformed, frame, "gebied", lambda v: (
        f"onbekend gebied '{v}'. Voeg het toe met een gebiedenbestand, of met 'Ontbrekende toevoegen' "
        "(--add-missing)."), missing="gebied")
    problems += _problems(malformed, frame, "gebied", lambda v: (
        f"'{v}' is geen CBS-gebiedscode; gebruik {areas.FORMS} (bijvoorbeeld GM0505)."))
    gebied_id = _lookup(codes, gebieden.get, "Int64")

    partijen = _partij_ids(session)
    named = frame["partij"] if "partij" in frame else pd.Series("", index=frame.index)  # optional column
    partij_id = _lookup(named, lambda n: partijen.get(n.lower()), "Int64")
    if "partij" in frame:
        problems += _problems((named != "") & partij_id.isna(), frame, "partij", lambda v: (
            f"onbekende partij '{v}'. Laat leeg voor het totaal van alle partijen, voeg haar toe met een "
            "partijenbestand of met 'Ontbrekende toevoegen' (--add-missing)."), missing="partij")

    parsed = {raw: _period(raw) for raw in frame["periode"].unique()}
    bad_period = _lookup(frame["periode"], lambda raw: isinstance(parsed[raw], Exception), "bool")
    problems += _problems(bad_period, frame, "periode", lambda raw: str(parsed[raw]))

    getal = to_numbers(frame[value_column], decimal)
    unreadable = getal.isna()
    mark = "komma" if decimal == "," else "punt"
    problems += _problems(unreadable, frame, value_column, lambda v: (
        f"'{v}' is geen getal (dit bestand gebruikt een {mark} als decimaalteken)."))
    problems += _range_problems(frame, getal, indicator_id, indicators, value_column)

    ok = ~(unknown | unreadable | bad_period) & gebied_id.notna() & ((named == "") | partij_id.notna())

    def period(attribute: str, dtype: str) -> pd.Series:
        return _lookup(frame["periode"], lambda raw: None if isinstance(parsed[raw], Exception)
                       else getattr(parsed[raw], attribute), dtype)

    rows = pd.DataFrame({
        "indicator_id": indicator_id, "gebied_id": gebied_id, "partij_id": partij_id,
        "periode": period("code", "str"), "jaar": period("jaar", "Int64"),
        "periode_soort": period("soort", "str"), "volgnummer": period("nummer", "Int64"), "waarde": getal,
        "_line": frame["_line"], "indicator": frame["indicator"], "gebied": codes,
        **({"partij": frame["partij"]} if "partij" in frame else {}),
        **({"_kolom": frame["_kolom"]} if "_kolom" in frame else {}),
        "_tekst": frame[value_column],
    })
    if not ok.all():
        rows = rows[ok]
    key = _key_codes(rows)
    problems += _duplicate_problems(rows, key, value_column)
    if problems:
        problems.sort(key=lambda p: (p.line, p.column))
        return Prepared(rows, skipped, problems)
    repeated = key.duplicated()  # the same key and value twice: written once
    if repeated.any():
        rows, key = rows[~repeated.to_numpy()], key[~repeated]
    rows = rows.drop(columns=[c for c in ("_kolom", "_tekst") if c in rows])
    return Prepared(_compare(session, rows, model), skipped, [])


def _period(raw: str) -> periods.Periode | periods.InvalidPeriod:
    try:
        return periods.parse(raw)
    except periods.InvalidPeriod as error:
        return error


def _key_codes(rows: pd.DataFrame) -> pd.Series:
    """One integer per distinct natural key (a NULL partij counts as 0, as in the key index).

    Each column is numbered densely and combined with the next, then numbered again, so the
    combination never overflows however many distinct values a column has.
    """
    codes = np.zeros(len(rows), dtype=np.int64)
    for column in KEY:
        cells = rows[column].fillna(0) if column == "partij_id" else rows[column]
        part, uniques = pd.factorize(cells)
        codes = pd.factorize(codes * len(uniques) + part)[0]
    return pd.Series(codes, index=rows.index)


def _range_problems(frame: pd.DataFrame, getal: pd.Series, indicator_id: pd.Series, indicators: dict,
                    value_column: str) -> list[Problem]:
    """Values outside the indicator's min/max; a percentage is 0-100 unless the catalogue says otherwise."""
    bounds = {}
    for key, indicator in indicators.items():
        percent = indicator.eenheid == "%"
        low = indicator.min_waarde if indicator.min_waarde is not None else (0 if percent else None)
        high = indicator.max_waarde if indicator.max_waarde is not None else (100 if percent else None)
        if low is not None or high is not None:
            bounds[indicator.id] = (key, low, high, indicator.eenheid)
    ids = indicator_id.fillna(-1).astype("int64")
    low = ids.map({i: b[1] for i, b in bounds.items()}).astype("float64")
    high = ids.map({i: b[2] for i, b in bounds.items()}).astype("float64")
    outside = (getal < low) | (getal > high)
    problems = []
    for id_ in ids[outside].unique():
        key, low, high, unit = bounds[id_]
        if low is not None and high is not None:
            span = f"van {_fmt(low)} tot en met {_fmt(high)}"
        else:
            span = f"minimaal {_fmt(low)}" if low is not None else f"maximaal {_fmt(high)}"
        problems += _problems(outside & (ids == id_), frame, value_column, lambda v, k=key, s=span, u=unit: (
            f"{v} ligt buiten het bereik van {k} ({s} {u})."))
    return problems


def _fmt(number: float) -> str:
    return f"{number:g}".replace(".", ",")


def _duplicate_problems(rows: pd.DataFrame, key: pd.Series, value_column: str) -> list[Problem]:
    """The same key twice with different values; the same value twice is harmless."""
    twice = key.duplicated(keep=False)
    if not twice.any():
        return []
    rows, key = rows[twice.to_numpy()], key[twice]
    clash = rows.groupby(key)["waarde"].transform("nunique") > 1
    first_line = rows.groupby(key)["_line"].transform("min")
    shown = rows.loc[clash, "_kolom"] if "_kolom" in rows else [value_column] * int(clash.sum())
    return [
        Problem(int(line), str(where), str(value),
                f"dezelfde indicator, gebied, partij en periode staan ook op regel {int(first)} "
                "met een andere waarde.")
        for line, where, value, first in zip(rows.loc[clash, "_line"], shown, rows.loc[clash, "_tekst"],
                                             first_line[clash])
        if line != first
    ]


def _compare(session: Session, rows: pd.DataFrame, model) -> pd.DataFrame:
    """Mark each row new, changed or unchanged against what the database holds."""
    table = model.__table__.name
    ids = ", ".join(str(int(i)) for i in rows["indicator_id"].unique())
    cursor = session.connection().connection.cursor()  # the DBAPI cursor: plain tuples, no Row objects
    cursor.execute(f"SELECT indicator_id, gebied_id, partij_id, periode, waarde, batch_id FROM {table} "
                   f"WHERE indicator_id IN ({ids or 'NULL'})")
    stored = pd.DataFrame(cursor.fetchall(), columns=KEY + ["oud", "oude_batch_id"])
    cursor.close()
    rows = rows.astype({"indicator_id": "int64", "gebied_id": "int64"})
    if stored.empty:
        nothing = pd.arrays.IntegerArray(np.zeros(len(rows), dtype="int64"), np.ones(len(rows), dtype=bool))
        return rows.assign(oud=np.nan, oude_batch_id=nothing, status="new")
    both = pd.concat([stored[KEY].astype({"partij_id": "Int64"}), rows[KEY]], ignore_index=True)
    codes = _key_codes(both).to_numpy()
    found = pd.Index(codes[:len(stored)]).get_indexer(codes[len(stored):])
    hit = found >= 0
    oud = np.where(hit, stored["oud"].to_numpy("float64")[found], np.nan)
    batches = pd.array(stored["oude_batch_id"], dtype="Int64").take(found, allow_fill=True)
    status = np.where(~hit, "new", np.where(np.abs(oud - rows["waarde"].to_numpy()) <= 1e-9, "unchanged", "changed"))
    return rows.assign(oud=oud, oude_batch_id=batches, status=status)


def _key_order(frame: pd.DataFrame) -> np.ndarray:
    """Positions that put the rows in the key index's order (NULL partij as 0), sorted as integers."""
    periode = pd.factorize(frame["periode"], sort=True)[0]
    return np.lexsort((periode, frame["partij_id"].fillna(0).to_numpy("int64"),
                       frame["gebied_id"].to_numpy("int64"), frame["indicator_id"].to_numpy("int64")))


def _placeholder(session: Session) -> str:
    return "?" if session.get_bind().dialect.paramstyle == "qmark" else "%s"


def _grid(frame: pd.DataFrame) -> np.ndarray:
    """The rows as a 2-D object array of plain Python values (None for missing) for the driver."""
    grid = np.empty(frame.shape, dtype=object)
    for j, column in enumerate(frame.columns):
        cells = frame[column]
        if cells.hasnans:
            grid[:, j] = cells.astype(object).where(cells.notna(), None).to_numpy(dtype=object)
        elif pd.api.types.is_numeric_dtype(cells):
            grid[:, j] = cells.to_numpy().astype(object)  # numpy scalars become Python int/float
        else:
            codes, uniques = pd.factorize(cells)  # text repeats a few values: each becomes one str
            grid[:, j] = np.asarray(uniques, dtype=object)[codes]
    return grid


def _insert_sqlite(cursor, head: str, grid: np.ndarray) -> None:
    """`head` ("INSERT ... VALUES {values} ...") with ROWS_PER_STATEMENT rows per statement: SQLite
    then steps once per hundred rows, which halves the time of a bulk insert from Python."""
    width = grid.shape[1]
    row = f"({', '.join(['?'] * width)})"
    full = len(grid) // ROWS_PER_STATEMENT * ROWS_PER_STATEMENT
    if full:
        cursor.executemany(head.format(values=", ".join([row] * ROWS_PER_STATEMENT)),
                           grid[:full].reshape(-1, width * ROWS_PER_STATEMENT).tolist())
    if full < len(grid):
        cursor.executemany(head.format(values=row), grid[full:].tolist())


def _copy_upsert(cursor, table: str, values: pd.DataFrame, progress) -> None:
    """PostgreSQL: COPY the rows into a temporary table, then one INSERT ... SELECT ... ON CONFLICT.

    Row-by-row executemany is a network round trip per row there; COPY streams them.
    """
    columns = ", ".join(values.columns)
    cursor.execute(f"CREATE TEMP TABLE _import_rows AS SELECT {columns} FROM {table} WITH NO DATA")
    grid = _grid(values)
    with cursor.copy(f"COPY _import_rows ({columns}) FROM STDIN") as copy:
        for start in range(0, len(grid), CHUNK):
            for row in grid[start:start + CHUNK].tolist():
                copy.write_row(row)
            progress(len(grid[start:start + CHUNK]))
    cursor.execute(f"INSERT INTO {table} ({columns}) SELECT {columns} FROM _import_rows {UPSERT}")
    cursor.execute("DROP TABLE _import_rows")


def write(session: Session, rows: pd.DataFrame, batch_id: int, model, progress=None) -> None:
    """Upsert new and changed rows and remember what they overwrote (for undo).

    One INSERT ... ON CONFLICT on the key index, the same statement text on SQLite and PostgreSQL,
    inside the caller's transaction: on SQLite multi-row VALUES through the driver's cursor, in
    key order so the index grows at its end; on PostgreSQL fed by COPY.
    """
    table: Table = model.__table__
    todo = rows[rows["status"] != "unchanged"] if (rows["status"] == "unchanged").any() else rows
    values = todo[KEY + ["jaar", "periode_soort", "volgnummer", "waarde"]]
    values = values.iloc[_key_order(values)].assign(batch_id=batch_id)
    done, total = 0, max(len(values), 1)

    def advance(count: int) -> None:
        nonlocal done
        done += count
        if progress:
            progress(done / total)

    connection = session.connection()
    cursor = connection.connection.cursor()  # the driver's own: plain lists, no statement cache
    if session.get_bind().dialect.name == "postgresql":
        _copy_upsert(cursor, table.name, values, advance)
    else:
        previous = cursor.execute("PRAGMA cache_size").fetchone()[0]
        cursor.execute(f"PRAGMA cache_size=-{SQLITE_CACHE_KB}")  # the key index stays in memory
        head = f"INSERT INTO {table.name} ({', '.join(values.columns)}) VALUES {{values}} {UPSERT}"
        grid = _grid(values)
        for start in range(0, len(grid), CHUNK):
            _insert_sqlite(cursor, head, grid[start:start + CHUNK])
            advance(len(grid[start:start + CHUNK]))
        cursor.execute(f"PRAGMA cache_size={int(previous)}")
    changed = todo[todo["status"] == "changed"]
    if not changed.empty:
        record = changed[["indicator_id", "gebied_id", "partij_id", "periode", "oud", "oude_batch_id"]]
        mark = _placeholder(session)
        cursor.executemany(
            "INSERT INTO import_wijzigingen (indicator_id, gebied_id, partij_id, periode, oude_waarde, "
            f"oude_batch_id, batch_id, tabel) VALUES ({', '.join([mark] * 8)})",
            [(*row, batch_id, table.name) for row in _grid(record).tolist()])
    cursor.close()
