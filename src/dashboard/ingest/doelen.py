"""The library of targets as an import: data/doelen.csv at the start, the beheerder's edits after.

Each row is compared and written by its code, like the indicator catalogue, so an edited file
is an ordinary import batch (history, audit) and a target's source and date travel with it.
"""
from __future__ import annotations

from datetime import date

import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import Session

from dashboard.ingest.problems import Problem
from dashboard.ingest.reference import Counts, _apply, _fits, _numbers, _require
from dashboard.ingest.values import suggest
from dashboard.models import Doel, Indicator
from dashboard.models.doelen import DOEL_NIVEAUS, DOEL_SOORTEN

HEADERS = ("code", "naam", "niveau", "soort", "waarde", "peiljaar", "bron")
_TEXT = ("code", "naam", "thema", "eenheid", "indicator", "gebied", "bron", "vervangen_door")


def _year(line: int, column: str, cell: str, problems: list[Problem]) -> int | None:
    if not cell:
        return None
    if not (cell.isdigit() and 1990 <= int(cell) <= 2100):
        problems.append(Problem(line, column, cell, "geen jaartal (bijvoorbeeld 2030)."))
        return None
    return int(cell)


def _day(line: int, cell: str, problems: list[Problem]) -> date | None:
    for parse in (date.fromisoformat, lambda c: pd.to_datetime(c, format="%d-%m-%Y").date()):
        try:
            return parse(cell)
        except ValueError:
            continue
    problems.append(Problem(line, "bron_datum", cell, "geen datum; schrijf 2022-06-30 of 30-06-2022."))
    return None


def _indicators(line: int, cell: str, known: set[str], problems: list[Problem]) -> None:
    """An indicator key, or "teller/noemer" for a share; each must be in the catalogue."""
    for key in filter(None, cell.split("/")):
        if key not in known:
            problems.append(Problem(line, "indicator", cell, f"onbekende indicator '{key}'.{suggest(key, sorted(known))}"))
    if cell.count("/") > 1:
        problems.append(Problem(line, "indicator", cell, "een aandeel is teller/noemer: twee sleutels."))


def doelen(session: Session, frame: pd.DataFrame, decimal: str, problems: list[Problem]) -> Counts:
    counts: Counts = Counts()
    frame = frame.assign(niveau=frame["niveau"].str.lower(), soort=frame["soort"].str.lower(),
                         code=frame["code"].str.lower())
    _require(frame, "niveau", DOEL_NIVEAUS, problems)
    _require(frame, "soort", DOEL_SOORTEN, problems)
    _fits(frame, Doel, tuple(c for c in _TEXT if c in frame), problems)
    waarde = _numbers(frame, ("waarde",), decimal, problems)["waarde"]
    known = set(session.scalars(select(Indicator.sleutel)))
    codes = set(frame["code"])
    rows = frame.to_dict("records")
    checked = []
    for i, row in enumerate(rows):
        line = int(row["_line"])
        if not row["code"] or not row["naam"] or not row["bron"]:
            problems.append(Problem(line, "code" if not row["code"] else "naam" if not row["naam"] else "bron", "",
                                    "mag niet leeg zijn."))
        if waarde[i] is None:
            problems.append(Problem(line, "waarde", row["waarde"], "mag niet leeg zijn."))
        peiljaar = _year(line, "peiljaar", row["peiljaar"], problems)
        if peiljaar is None and row["peiljaar"] == "":
            problems.append(Problem(line, "peiljaar", "", "mag niet leeg zijn."))
        vanaf = _year(line, "vanaf", row.get("vanaf", ""), problems)
        if vanaf and peiljaar and vanaf > peiljaar:
            problems.append(Problem(line, "vanaf", row["vanaf"], f"ligt na het peiljaar {peiljaar}."))
        _indicators(line, row.get("indicator", ""), known, problems)
        later = row.get("vervangen_door", "").lower()
        if later and later not in codes and session.scalar(select(Doel.id).where(Doel.code == later)) is None:
            problems.append(Problem(line, "vervangen_door", later, "geen doel met die code in dit bestand of de bibliotheek."))
        bron_datum = _day(line, row.get("bron_datum", ""), problems) if row.get("bron_datum") else None
        if not row.get("bron_datum"):
            problems.append(Problem(line, "bron_datum", "", "mag niet leeg zijn: wanneer is de bron gepubliceerd?"))
        checked.append({"naam": row["naam"], "niveau": row["niveau"], "thema": row.get("thema", ""),
                        "soort": row["soort"], "waarde": waarde[i], "eenheid": row.get("eenheid", ""),
                        "vanaf": vanaf, "peiljaar": peiljaar, "indicator": row.get("indicator", ""),
                        "gebied": row.get("gebied", ""), "bron": row["bron"], "bron_datum": bron_datum,
                        "vervangen_door": later, "toelichting": row.get("toelichting", "")})
    if problems:
        return counts
    existing = {d.code: d for d in session.scalars(select(Doel))}
    for row, values in zip(rows, checked):
        doel = existing.get(row["code"])
        if is_new := doel is None:
            doel = existing[row["code"]] = Doel(code=row["code"])
            session.add(doel)
        _apply(doel, values, counts, is_new)
    session.flush()
    return counts
