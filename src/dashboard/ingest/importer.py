"""One entry point for every import: detect kind and format, validate all, write all or nothing."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

from dashboard.db import Database
from dashboard.ingest import reference, values
from dashboard.ingest.problems import ImportRejected, Problem
from dashboard.ingest.reader import decode, read_table
from dashboard.ingest.report import Report
from dashboard.models import ImportBatch, Observatie, Streefwaarde

KINDS = ("observaties", "streefwaarden", "gebieden", "partijen", "indicatoren")
# Required headers per kind (lang is the canonical observaties format).
HEADERS = {
    "observaties": ("indicator", "gebied", "periode", "waarde"),
    "streefwaarden": ("indicator", "gebied", "periode", "streefwaarde"),
    "gebieden": ("code", "naam", "niveau"),
    "partijen": ("naam", "soort"),
    "indicatoren": ("sleutel", "naam", "eenheid", "richting", "aggregatie"),
}
VALUE_COLUMNS = ("waarde", "streefwaarde", "lat", "lon", "min", "max")


def detect_kind(columns: list[str]) -> str | None:
    for kind in ("streefwaarden", "observaties", "indicatoren", "gebieden", "partijen"):
        if set(HEADERS[kind]) <= set(columns):
            return kind
    return None


def _header_problem(columns: list[str], kind: str | None) -> Problem:
    if kind:
        missing = [c for c in HEADERS[kind] if c not in columns]
        return Problem(1, "", ";".join(columns), f"kolom(men) {', '.join(missing)} ontbreken voor {kind}.")
    expected = " | ".join(";".join(h) for h in HEADERS.values())
    return Problem(1, "", ";".join(columns)[:200],
                   f"onbekende kopregel. Verwacht een van: {expected}.")


def import_file(db: Database, data: bytes | Path, *, filename: str = "", kind: str | None = None,
                dry_run: bool = False, user: str = "") -> Report:
    """Import one file. Raises ImportRejected (nothing written) when any row is wrong."""
    if isinstance(data, Path):
        filename = filename or data.name
        data = data.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    if data.lstrip()[:1] == b"{":
        return _import_geojson(db, data, filename, digest, dry_run, user)
    frame, dialect = read_table(data, VALUE_COLUMNS)
    detected = detect_kind(list(frame.columns))
    kind = kind or detected
    if kind is None or not set(HEADERS[kind]) <= set(frame.columns):
        raise ImportRejected([_header_problem(list(frame.columns), kind)])
    if frame.empty:
        raise ImportRejected([Problem(2, "", "", "het bestand heeft een kopregel maar geen gegevens.")])
    report = Report(status="rejected", kind=kind, format="lang" if kind in ("observaties", "streefwaarden") else "csv",
                    dialect=dialect.describe())
    with db.sessions() as session, session.begin():
        if kind in ("observaties", "streefwaarden"):
            model = Observatie if kind == "observaties" else Streefwaarde
            column = "waarde" if kind == "observaties" else "streefwaarde"
            prepared = values.prepare(session, frame, dialect.decimal, column, model)
            if prepared.problems:
                raise ImportRejected(prepared.problems)
            counts = prepared.rows["status"].value_counts().to_dict()
            report.rows_skipped_empty = prepared.skipped_empty
        else:
            problems: list[Problem] = []
            if kind == "gebieden":
                counts = reference.gebieden_csv(session, frame, dialect.decimal, problems)
            elif kind == "partijen":
                counts = reference.partijen(session, frame, problems)
            else:
                counts = reference.indicatoren(session, frame, dialect.decimal, problems)
            if problems:
                raise ImportRejected(problems)
        batch = _finish(session, report, counts, filename, digest, user, dry_run)
        if batch and kind in ("observaties", "streefwaarden"):
            values.write(session, prepared.rows, batch.id, model)
    return report


def _import_geojson(db: Database, data: bytes, filename: str, digest: str, dry_run: bool,
                    user: str) -> Report:
    try:
        document = json.loads(decode(data)[0])
    except json.JSONDecodeError as error:
        raise ImportRejected([Problem(error.lineno, "", "", f"geen geldige JSON: {error.msg}.")]) from error
    report = Report(status="rejected", kind="gebieden", format="geojson", dialect="GeoJSON")
    with db.sessions() as session, session.begin():
        problems: list[Problem] = []
        counts = reference.gebieden_geojson(session, document, problems)
        if problems:
            raise ImportRejected(problems)
        _finish(session, report, counts, filename, digest, user, dry_run)
    return report


def _finish(session, report: Report, counts, filename: str, digest: str, user: str,
            dry_run: bool) -> ImportBatch | None:
    """Record the batch, or roll back a dry run and a file that changes nothing."""
    report.rows_new = int(counts.get("new", 0))
    report.rows_changed = int(counts.get("changed", 0))
    report.rows_unchanged = int(counts.get("unchanged", 0))
    if dry_run or not (report.rows_new or report.rows_changed):
        report.status = "valid" if dry_run else "unchanged"
        session.rollback()
        return None
    batch = ImportBatch(bestandsnaam=filename[:255] or "(zonder naam)", sha256=digest, soort=report.kind,
                        formaat=report.format, gebruiker=user, rows_new=report.rows_new,
                        rows_changed=report.rows_changed, rows_unchanged=report.rows_unchanged,
                        rows_skipped_empty=report.rows_skipped_empty)
    session.add(batch)
    session.flush()
    report.batch_id = batch.id
    report.status = "committed"
    return batch
