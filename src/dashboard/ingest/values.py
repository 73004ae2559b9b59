"""Observations and targets in the long format: validate every row, then upsert in bulk.

Validation is vectorised over the whole file so that every problem is reported at once;
writing uses INSERT ... ON CONFLICT in chunks (SQLite and PostgreSQL), no ORM object per row.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass

import pandas as pd
from sqlalchemy import Table, select, text
from sqlalchemy.orm import Session

from dashboard import periods
from dashboard.ingest import areas
from dashboard.ingest.problems import Problem
from dashboard.ingest.reader import EMPTY_VALUES, to_numbers
from dashboard.models import Gebied, Indicator, Observatie, Partij, Streefwaarde

KEY = ["indicator_id", "gebied_id", "partij_id", "periode"]
CHUNK = 5000


@dataclass
class Prepared:
    """A validated file: rows to write, and how they compare with what is stored."""

    rows: pd.DataFrame  # KEY + jaar, periode_soort, volgnummer, waarde, status (new/changed/unchanged)
    skipped_empty: int
    problems: list[Problem]


def _problems(mask: pd.Series, frame: pd.DataFrame, column: str, message) -> list[Problem]:
    return [
        Problem(int(line), column, str(value), message(value))
        for line, value in zip(frame.loc[mask, "_line"], frame.loc[mask, column])
    ]


def _suggest(key: str, known: list[str]) -> str:
    close = difflib.get_close_matches(key.lower(), known, n=1, cutoff=0.6)
    return f" Bedoelde u '{close[0]}'?" if close else ""


def prepare(session: Session, frame: pd.DataFrame, decimal: str, value_column: str,
            model: type[Observatie] | type[Streefwaarde]) -> Prepared:
    """Check every row against the catalogue, areas, parties and periods; compare with the database."""
    frame = frame.copy()
    frame["_line"] = range(2, len(frame) + 2)
    empty = frame[value_column].str.lower().isin(EMPTY_VALUES)
    skipped = int(empty.sum())
    frame = frame[~empty]
    problems: list[Problem] = []

    indicators = {i.sleutel: i for i in session.scalars(select(Indicator))}
    keys = frame["indicator"].str.lower()
    unknown = ~keys.isin(indicators.keys())
    problems += _problems(unknown, frame, "indicator", lambda v: (
        f"onbekende indicator '{v}'.{_suggest(v, list(indicators))}"))
    frame["indicator_id"] = keys.map({k: i.id for k, i in indicators.items()})

    gebieden = dict(session.execute(select(Gebied.code, Gebied.id)).all())
    codes = frame["gebied"].map(areas.normalise)
    problems += _problems(~codes.isin(gebieden.keys()), frame, "gebied", lambda v: (
        f"onbekend gebied '{v}'. Voeg het eerst toe via een gebiedenbestand."))
    frame["gebied_id"] = codes.map(gebieden)

    partijen = {}
    for partij in session.scalars(select(Partij)):
        partijen[partij.naam.lower()] = partij.id
        if partij.code:
            partijen[partij.code.lower()] = partij.id
    named = frame["partij"].str.lower() if "partij" in frame else pd.Series("", index=frame.index)
    problems += _problems((named != "") & ~named.isin(partijen.keys()), frame, "partij", lambda v: (
        f"onbekende partij '{v}'. Laat leeg voor het totaal van alle partijen."))
    frame["partij_id"] = named.map(partijen).astype("Int64")

    parsed = {}
    for raw in frame["periode"].unique():
        try:
            parsed[raw] = periods.parse(raw)
        except periods.InvalidPeriod as error:
            parsed[raw] = error
    bad_period = frame["periode"].map(lambda raw: isinstance(parsed[raw], Exception))
    problems += _problems(bad_period, frame, "periode", lambda v: str(parsed[v]))
    good = {raw: p for raw, p in parsed.items() if not isinstance(p, Exception)}
    frame["periode_code"] = frame["periode"].map(lambda raw: good[raw].code if raw in good else None)
    frame["jaar"] = frame["periode"].map(lambda raw: good[raw].jaar if raw in good else None)
    frame["periode_soort"] = frame["periode"].map(lambda raw: good[raw].soort if raw in good else None)
    frame["volgnummer"] = frame["periode"].map(lambda raw: good[raw].nummer if raw in good else None)

    frame["_getal"] = to_numbers(frame[value_column], decimal)
    unreadable = frame["_getal"].isna()
    mark = "komma" if decimal == "," else "punt"
    problems += _problems(unreadable, frame, value_column, lambda v: (
        f"'{v}' is geen getal (dit bestand gebruikt een {mark} als decimaalteken)."))
    problems += _range_problems(frame[~unreadable & ~unknown], indicators, value_column)

    ok = ~(unknown | unreadable | bad_period) & frame["gebied_id"].notna()
    problems += _duplicate_problems(frame[ok], value_column)
    problems.sort(key=lambda p: (p.line, p.column))
    rows = frame.loc[ok, ["indicator_id", "gebied_id", "partij_id", "periode_code", "jaar",
                          "periode_soort", "volgnummer", "_getal"]]
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
    spread = frame.groupby(key, dropna=False)["_getal"].transform("nunique")
    clash = spread > 1
    first_line = frame.groupby(key, dropna=False)["_line"].transform("min")
    return [
        Problem(int(line), value_column, str(value),
                f"dezelfde indicator, gebied, partij en periode staan ook op regel {int(first)} "
                "met een andere waarde.")
        for line, value, first in zip(frame.loc[clash, "_line"], frame.loc[clash, value_column],
                                      first_line[clash])
        if line != first
    ]


def _compare(session: Session, rows: pd.DataFrame, model) -> pd.DataFrame:
    """Mark each row new, changed or unchanged against what the database holds."""
    stored = pd.DataFrame(
        session.execute(
            select(model.indicator_id, model.gebied_id, model.partij_id, model.periode,
                   model.waarde.label("oud"))
            .where(model.indicator_id.in_(rows["indicator_id"].unique().tolist()))
        ).all(),
        columns=KEY + ["oud"],
    )
    stored["partij_id"] = stored["partij_id"].astype("Int64")
    for column in ("indicator_id", "gebied_id"):
        stored[column] = stored[column].astype("int64")
        rows[column] = rows[column].astype("int64")
    merged = rows.merge(stored, on=KEY, how="left")
    merged["status"] = "changed"
    merged.loc[merged["oud"].isna(), "status"] = "new"
    merged.loc[(merged["oud"] - merged["waarde"]).abs() <= 1e-9, "status"] = "unchanged"
    return merged


def write(session: Session, rows: pd.DataFrame, batch_id: int, model) -> None:
    """Upsert new and changed rows in chunks; the two partial unique indexes split the work."""
    table: Table = model.__table__
    todo = rows[rows["status"] != "unchanged"].copy()
    todo["batch_id"] = batch_id
    columns = KEY + ["jaar", "periode_soort", "volgnummer", "waarde", "batch_id"]
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    for has_party in (True, False):
        part = todo[todo["partij_id"].notna() == has_party][columns]
        if part.empty:
            continue
        elements = ["indicator_id", "gebied_id", "partij_id", "periode"] if has_party else \
            ["indicator_id", "gebied_id", "periode"]
        where = text("partij_id IS NOT NULL" if has_party else "partij_id IS NULL")
        statement = insert(table)
        statement = statement.on_conflict_do_update(
            index_elements=elements, index_where=where,
            set_={"waarde": statement.excluded.waarde, "batch_id": statement.excluded.batch_id},
        )
        records = part.astype(object).where(part.notna(), None).to_dict("records")
        for start in range(0, len(records), CHUNK):
            session.execute(statement, records[start:start + CHUNK])
