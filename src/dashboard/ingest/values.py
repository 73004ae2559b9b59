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
CHUNK = 5000
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
    codes = sorted({areas.normalise(c) for c in frame["gebied"].unique()} - known,
                   key=lambda c: ("GM", "WK", "BU").index(c[:2]) if c[:2] in ("GM", "WK", "BU") else 9)
    for code in codes:
        if areas.level(code) is None:
            continue
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

    Lookups run on the unique values of a column and are mapped back, so a million rows cost a
    handful of vectorised passes, not a million Python calls.
    """
    frame = frame.copy()
    if "_line" not in frame:
        frame["_line"] = range(2, len(frame) + 2)
    empty = frame[value_column].str.lower().isin(EMPTY_VALUES)
    skipped = int(empty.sum())
    frame = frame[~empty]
    problems: list[Problem] = []

    indicators = {i.sleutel: i for i in session.scalars(select(Indicator))}
    keys = frame["indicator"].str.lower()
    unknown = ~keys.isin(indicators.keys())
    problems += _problems(unknown, frame, "indicator", lambda v: (
        f"onbekende indicator '{v}'.{suggest(v, list(indicators))}"))
    frame["indicator_id"] = _lookup(keys, lambda k: indicators[k].id if k in indicators else None, "Int64")

    gebieden = dict(session.execute(select(Gebied.code, Gebied.id)).all())
    codes = _lookup(frame["gebied"], areas.normalise, "str")
    missing = ~codes.isin(gebieden.keys())
    malformed = codes.isin({c for c in codes[missing].unique() if areas.level(c) is None})
    problems += _problems(missing & ~malformed, frame, "gebied", lambda v: (
        f"onbekend gebied '{v}'. Voeg het toe met een gebiedenbestand, of met 'Ontbrekende toevoegen' "
        "(--add-missing)."), missing="gebied")
    problems += _problems(malformed, frame, "gebied", lambda v: (
        f"'{v}' is geen CBS-gebiedscode; gebruik GM + 4 cijfers, WK + 6 of BU + 8 (bijvoorbeeld GM0505)."))
    frame["gebied_id"] = _lookup(codes, gebieden.get, "Int64")

    partijen = _partij_ids(session)
    named = frame["partij"].str.lower() if "partij" in frame else pd.Series("", index=frame.index)
    problems += _problems((named != "") & ~named.isin(partijen.keys()), frame, "partij", lambda v: (
        f"onbekende partij '{v}'. Laat leeg voor het totaal van alle partijen, voeg haar toe met een "
        "partijenbestand of met 'Ontbrekende toevoegen' (--add-missing)."), missing="partij")
    frame["partij_id"] = _lookup(named, partijen.get, "Int64")

    parsed = {}
    for raw in frame["periode"].unique():
        try:
            parsed[raw] = periods.parse(raw)
        except periods.InvalidPeriod as error:
            parsed[raw] = error
    bad = {raw for raw, p in parsed.items() if isinstance(p, Exception)}
    bad_period = frame["periode"].isin(bad)
    problems += _problems(bad_period, frame, "periode", lambda v: str(parsed[v]))
    good = {raw: p for raw, p in parsed.items() if raw not in bad}
    frame["periode_code"] = _lookup(frame["periode"], lambda raw: good[raw].code if raw in good else None, "str")
    frame["jaar"] = _lookup(frame["periode"], lambda raw: good[raw].jaar if raw in good else None, "Int64")
    frame["periode_soort"] = _lookup(frame["periode"], lambda raw: good[raw].soort if raw in good else None, "str")
    frame["volgnummer"] = _lookup(frame["periode"], lambda raw: good[raw].nummer if raw in good else None, "Int64")

    frame["_getal"] = to_numbers(frame[value_column], decimal)
    unreadable = frame["_getal"].isna()
    mark = "komma" if decimal == "," else "punt"
    problems += _problems(unreadable, frame, value_column, lambda v: (
        f"'{v}' is geen getal (dit bestand gebruikt een {mark} als decimaalteken)."))
    problems += _range_problems(frame[~unreadable & ~unknown], indicators, value_column)

    ok = ~(unknown | unreadable | bad_period) & frame["gebied_id"].notna() \
        & ((named == "") | frame["partij_id"].notna())
    problems += _duplicate_problems(frame[ok], value_column)
    problems.sort(key=lambda p: (p.line, p.column))
    rows = frame.loc[ok, ["indicator_id", "gebied_id", "partij_id", "periode_code", "jaar",
                          "periode_soort", "volgnummer", "_getal", "_line", "indicator", "partij"]
                     if "partij" in frame else
                     ["indicator_id", "gebied_id", "partij_id", "periode_code", "jaar",
                      "periode_soort", "volgnummer", "_getal", "_line", "indicator"]]
    rows = rows.assign(gebied=codes[ok])
    rows = rows.rename(columns={"periode_code": "periode", "_getal": "waarde"})
    rows = rows.drop_duplicates(KEY)
    return Prepared(_compare(session, rows, model) if not problems else rows, skipped, problems)


def _range_problems(frame: pd.DataFrame, indicators: dict, value_column: str) -> list[Problem]:
    """Values outside the indicator's min/max; a percentage is 0-100 unless the catalogue says otherwise."""
    problems = []
    for key, group in frame.groupby(frame["indicator"].str.lower()):
        indicator = indicators[key]
        percent = indicator.eenheid == "%"
        low = indicator.min_waarde if indicator.min_waarde is not None else (0 if percent else None)
        high = indicator.max_waarde if indicator.max_waarde is not None else (100 if percent else None)
        if low is None and high is None:
            continue
        outside = pd.Series(False, index=group.index)
        if low is not None:
            outside |= group["_getal"] < low
        if high is not None:
            outside |= group["_getal"] > high
        if low is not None and high is not None:
            span = f"van {_fmt(low)} tot en met {_fmt(high)}"
        else:
            span = f"minimaal {_fmt(low)}" if low is not None else f"maximaal {_fmt(high)}"
        problems += _problems(outside, group, value_column, lambda v, k=key, s=span, u=indicator.eenheid: (
            f"{v} ligt buiten het bereik van {k} ({s} {u})."))
    return problems


def _fmt(number: float) -> str:
    return f"{number:g}".replace(".", ",")


def _duplicate_problems(frame: pd.DataFrame, value_column: str) -> list[Problem]:
    key = ["indicator_id", "gebied_id", "partij_id", "periode_code"]
    frame = frame[frame.duplicated(key, keep=False)]  # usually none: the grouping below is then free
    spread = frame.groupby(key, dropna=False)["_getal"].transform("nunique")
    clash = spread > 1
    first_line = frame.groupby(key, dropna=False)["_line"].transform("min")
    shown = frame.loc[clash, "_kolom"] if "_kolom" in frame else [value_column] * int(clash.sum())
    return [
        Problem(int(line), str(where), str(value),
                f"dezelfde indicator, gebied, partij en periode staan ook op regel {int(first)} "
                "met een andere waarde.")
        for line, where, value, first in zip(frame.loc[clash, "_line"], shown, frame.loc[clash, value_column],
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
    stored["partij_id"] = stored["partij_id"].astype("Int64")
    for column in ("indicator_id", "gebied_id"):
        stored[column] = stored[column].astype("int64")
        rows[column] = rows[column].astype("int64")
    merged = rows.merge(stored, on=KEY, how="left")
    merged["status"] = "changed"
    merged.loc[merged["oud"].isna(), "status"] = "new"
    merged.loc[(merged["oud"] - merged["waarde"]).abs() <= 1e-9, "status"] = "unchanged"
    return merged


def _placeholder(session: Session) -> str:
    return "?" if session.get_bind().dialect.paramstyle == "qmark" else "%s"


def _python(cells: pd.Series) -> list:
    """A column as plain Python values (no numpy scalars, None for missing)."""
    if cells.hasnans:
        return cells.astype(object).where(cells.notna(), None).tolist()
    if pd.api.types.is_numeric_dtype(cells):
        return cells.to_numpy().tolist()
    codes, uniques = pd.factorize(cells)  # text columns repeat a few values: convert those once
    return np.asarray(uniques, dtype=object)[codes].tolist()


def _tuples(frame: pd.DataFrame) -> list[tuple]:
    return list(zip(*(_python(frame[c]) for c in frame.columns)))


def _copy_upsert(connection, table: str, values: pd.DataFrame, conflict: str, progress) -> None:
    """PostgreSQL: COPY the rows into a temporary table, then one INSERT ... SELECT ... ON CONFLICT.

    Row-by-row executemany is a network round trip per row there; COPY streams them.
    """
    columns = ", ".join(values.columns)
    cursor = connection.connection.cursor()
    cursor.execute(f"CREATE TEMP TABLE _import_rows AS SELECT {columns} FROM {table} WITH NO DATA")
    with cursor.copy(f"COPY _import_rows ({columns}) FROM STDIN") as copy:
        for start in range(0, len(values), CHUNK):
            for row in _tuples(values.iloc[start:start + CHUNK]):
                copy.write_row(row)
            progress(len(values.iloc[start:start + CHUNK]))
    cursor.execute(f"INSERT INTO {table} ({columns}) SELECT {columns} FROM _import_rows {conflict}")
    cursor.execute("DROP TABLE _import_rows")
    cursor.close()


def write(session: Session, rows: pd.DataFrame, batch_id: int, model, progress=None) -> None:
    """Upsert new and changed rows and remember what they overwrote (for undo).

    INSERT ... ON CONFLICT on the two partial unique indexes (one for a partij, one for the
    total), the same statement text on SQLite and PostgreSQL, inside the caller's transaction:
    on SQLite a plain DBAPI executemany of tuples in chunks (rows new at comparison time by a
    plain INSERT), on PostgreSQL fed by COPY.
    """
    table: Table = model.__table__
    todo = rows[rows["status"] != "unchanged"].sort_values(KEY)  # B-tree friendly order
    connection = session.connection()
    mark = _placeholder(session)
    postgresql = session.get_bind().dialect.name == "postgresql"
    done, total = 0, max(len(todo), 1)

    def advance(count: int) -> None:
        nonlocal done
        done += count
        if progress:
            progress(done / total)

    if not postgresql:  # keep the indexes' pages in memory for the length of one import
        previous = connection.exec_driver_sql("PRAGMA cache_size").scalar()
        connection.exec_driver_sql(f"PRAGMA cache_size=-{SQLITE_CACHE_KB}")
    for has_party in (True, False):
        part = todo[todo["partij_id"].notna() == has_party]
        if part.empty:
            continue
        key = ["indicator_id", "gebied_id", "partij_id", "periode"] if has_party else \
            ["indicator_id", "gebied_id", "periode"]
        columns = key + ["jaar", "periode_soort", "volgnummer", "waarde"]
        values = part[columns].astype({c: "int64" for c in columns if c.endswith("_id") or c in ("jaar", "volgnummer")})
        values = values.assign(batch_id=batch_id)
        conflict = (f"ON CONFLICT ({', '.join(key)}) WHERE partij_id IS {'NOT ' if has_party else ''}NULL "
                    "DO UPDATE SET waarde = excluded.waarde, batch_id = excluded.batch_id")
        if postgresql:
            _copy_upsert(connection, table.name, values, conflict, advance)
            continue
        insert = (f"INSERT INTO {table.name} ({', '.join(values.columns)}) "
                  f"VALUES ({', '.join([mark] * len(values.columns))})")
        # New rows were absent when compared in this transaction: a plain INSERT is cheaper than an
        # upsert; should another writer have added one meanwhile, the unique index refuses it.
        for status, sql in (("new", insert), ("changed", f"{insert} {conflict}")):
            rows_of_status = values[part["status"] == status]
            for start in range(0, len(rows_of_status), CHUNK):
                chunk = rows_of_status.iloc[start:start + CHUNK]
                connection.exec_driver_sql(sql, _tuples(chunk))
                advance(len(chunk))
    if not postgresql:
        connection.exec_driver_sql(f"PRAGMA cache_size={int(previous)}")
    changed = todo[todo["status"] == "changed"]
    if not changed.empty:
        record = changed[["indicator_id", "gebied_id", "partij_id", "periode", "oud", "oude_batch_id"]]
        record = record.assign(batch_id=batch_id, tabel=table.name)
        sql = ("INSERT INTO import_wijzigingen (indicator_id, gebied_id, partij_id, periode, oude_waarde, "
               f"oude_batch_id, batch_id, tabel) VALUES ({', '.join([mark] * 8)})")
        for start in range(0, len(record), CHUNK):
            connection.exec_driver_sql(sql, _tuples(record.iloc[start:start + CHUNK]))
