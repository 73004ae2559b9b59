"""One entry point for every import: detect kind and format, validate all, write all or nothing."""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select

from dashboard import data_version
from dashboard.db import Database
from dashboard.formatting import number
from dashboard.ingest import formats, mappings, reference, values
from dashboard.ingest.problems import ImportRejected, Problem, UnreadableFile
from dashboard.ingest.reader import decode, read_table
from dashboard.ingest.report import Report
from dashboard.models import ImportBatch, Indicator, Observatie, Streefwaarde

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
SAMPLE = 10


def detect_kind(columns: list[str]) -> str | None:
    for kind in ("streefwaarden", "observaties", "indicatoren", "gebieden", "partijen"):
        if set(HEADERS[kind]) <= set(columns):
            return kind
    if formats.detect(columns):  # breed or cbs
        return "observaties"
    return None


def _header_problem(columns: list[str], kind: str | None, fmt: str | None) -> Problem:
    columns = [c for c in columns if c != "_line"]
    if kind:
        needed = formats.required(fmt) if kind == "observaties" and fmt else HEADERS[kind]
        missing = [c for c in needed if c not in columns]
        what = f"{kind} ({fmt})" if kind == "observaties" and fmt else kind
        return Problem(1, "", ";".join(columns)[:200], f"kolom(men) {', '.join(missing)} ontbreken voor {what}.")
    expected = " | ".join(";".join(h) for h in HEADERS.values())
    return Problem(1, "", ";".join(columns)[:200], (
        f"onbekende kopregel. Verwacht een van: {expected}; of breed (gebied;periode;<indicator>...) "
        "of een CBS-bestand (ID;RegioS;Perioden;...)."))


@dataclass
class Inspection:
    """What the page shows before anything is validated: the file as the importer sees it."""

    kind: str | None
    format: str | None
    dialect: str
    columns: list[str]
    layout: str
    unknown_headers: list[str] = field(default_factory=list)
    mapping: dict[str, str] = field(default_factory=dict)
    rows: int = 0


def _check_size(size: int, max_bytes: int | None) -> None:
    if max_bytes is not None and size > max_bytes:
        raise UnreadableFile([Problem(1, "", "", (
            f"Het bestand is {number(size / 1_048_576, 1)} MB; de grens is {number(max_bytes / 1_048_576)} MB. "
            "Splits het bestand, of vraag de beheerder de grens (DASHBOARD_MAX_UPLOAD_MB) te verhogen."))])


def _bytes(data: bytes | Path, filename: str, max_bytes: int | None) -> tuple[bytes, str]:
    if isinstance(data, Path):
        try:
            _check_size(data.stat().st_size, max_bytes)
            return data.read_bytes(), filename or data.name
        except OSError as error:
            raise UnreadableFile([Problem(1, "", "", f"Het bestand {data} kan niet worden gelezen: {error.strerror}.")]) from error
    _check_size(len(data), max_bytes)
    return data, filename


def _resolve(db: Database, columns: list[str], kind: str | None, fmt: str | None) -> tuple[str, str | None]:
    """Kind and format: forced ones are checked against the header, missing ones detected from it."""
    fmt = None if fmt in (None, "auto") else fmt
    kind = kind or ("observaties" if fmt else detect_kind(columns))
    if kind == "observaties":
        fmt = fmt or formats.detect(columns)
        if fmt is None or not set(formats.required(fmt)) <= set(columns):
            raise ImportRejected([_header_problem(columns, kind, fmt or "lang")])
    elif kind is None or not set(HEADERS[kind]) <= set(columns):
        raise ImportRejected([_header_problem(columns, kind, None)])
    return kind, fmt


def inspect(db: Database, data: bytes | Path, *, kind: str | None = None, format: str | None = None,
            max_bytes: int | None = None) -> Inspection:
    """Detect kind, format and dialect, and list headers that need a mapping. Raises ImportRejected."""
    data, _ = _bytes(data, "", max_bytes)
    if data.lstrip()[:1] == b"{":
        return Inspection("gebieden", "geojson", "GeoJSON", [], "")
    frame, dialect = read_table(data, VALUE_COLUMNS)
    columns = [c for c in frame.columns if c != "_line"]
    kind, fmt = _resolve(db, columns, kind, format)
    inspection = Inspection(kind, fmt or "csv", dialect.describe(), columns, formats.layout(columns), rows=len(frame))
    if fmt in ("breed", "cbs"):
        with db.sessions() as session:
            keys = set(session.scalars(select(Indicator.sleutel)))
            inspection.mapping = mappings.remembered(session, inspection.layout)
        inspection.unknown_headers = formats.unknown_headers(columns, keys, inspection.mapping)
    return inspection


def import_file(db: Database, data: bytes | Path, *, filename: str = "", kind: str | None = None,
                format: str | None = None, dry_run: bool = False, user: str = "",
                add_missing: bool = False, mapping: dict[str, str] | None = None,
                max_bytes: int | None = None, progress=None) -> Report:
    """Import one file. Raises ImportRejected (nothing written) when any row is wrong.

    `mapping` ({column: indicator key, or "" to ignore}) is remembered for the header layout;
    without one, the mapping remembered earlier for the same layout is used. `progress(fraction)`
    is called while the rows are written.
    """
    data, filename = _bytes(data, filename, max_bytes)
    digest = hashlib.sha256(data).hexdigest()
    if data.lstrip()[:1] == b"{":
        return _import_geojson(db, data, filename, digest, dry_run, user)
    frame, dialect = read_table(data, VALUE_COLUMNS)
    columns = [c for c in frame.columns if c != "_line"]
    kind, fmt = _resolve(db, columns, kind, format)
    if frame.empty:
        raise ImportRejected([Problem(2, "", "", "het bestand heeft een kopregel maar geen gegevens.")])
    report = Report(status="rejected", kind=kind, format=fmt or "csv", dialect=dialect.describe())
    with db.import_session() as session:
        if kind in ("observaties", "streefwaarden"):
            model = Observatie if kind == "observaties" else Streefwaarde
            column = "waarde" if kind == "observaties" else "streefwaarde"
            if fmt in ("breed", "cbs"):
                frame = _melt(session, frame, fmt, formats.layout(columns), mapping, report)
            if add_missing:
                report.added = values.add_missing(session, frame)
            prepared = values.prepare(session, frame, dialect.decimal, column, model)
            if prepared.problems:
                raise ImportRejected(prepared.problems)
            counts = prepared.rows["status"].value_counts().to_dict()
            report.rows_skipped_empty = prepared.skipped_empty
            report.changes = prepared.rows[prepared.rows["status"] != "unchanged"]
            report.sample = _sample(report.changes)
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
            values.write(session, prepared.rows, batch.id, model, progress)
    return report


def _melt(session, frame, fmt: str, layout: str, mapping: dict[str, str] | None, report: Report):
    """breed/cbs to the long shape, with the chosen (and then remembered) or remembered mapping."""
    known = list(session.scalars(select(Indicator.sleutel)))
    if mapping is None:
        mapping = mappings.remembered(session, layout)
    else:
        mapping = {k.strip().lower(): v for k, v in mapping.items()}
        mappings.remember(session, layout, mapping)
    long, problems, report.ignored_columns = formats.to_long(
        frame, fmt, set(known), mapping, lambda column: values.suggest(column, known))
    if problems:
        raise ImportRejected(problems)
    return long


def _sample(changes) -> list[dict]:
    """A few of the rows that would change, changed ones first (old -> new), for the report."""
    if changes is None or changes.empty:
        return []
    ordered = changes.sort_values("status", kind="stable")  # changed before new
    rows = []
    for row in ordered.head(SAMPLE).to_dict("records"):
        partij = row.get("partij") or ""
        rows.append({"line": int(row["_line"]), "indicator": row["indicator"].lower(), "gebied": row["gebied"],
                     "partij": partij, "periode": row["periode"], "status": row["status"],
                     "old": None if row["status"] == "new" else float(row["oud"]), "new": float(row["waarde"])})
    return rows


def _import_geojson(db: Database, data: bytes, filename: str, digest: str, dry_run: bool,
                    user: str) -> Report:
    try:
        document = json.loads(decode(data)[0])
    except json.JSONDecodeError as error:
        raise ImportRejected([Problem(error.lineno, "", "", f"geen geldige JSON: {error.msg}.")]) from error
    report = Report(status="rejected", kind="gebieden", format="geojson", dialect="GeoJSON")
    with db.import_session() as session:
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
    data_version.bump(session)
    report.batch_id = batch.id
    report.status = "committed"
    return batch
