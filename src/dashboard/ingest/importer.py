"""One entry point for every import: detect kind and format, validate all, write all or nothing."""
from __future__ import annotations

import hashlib
import json
import os
import queue
import threading
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from sqlalchemy import select

from dashboard import data_version
from dashboard.db import Database
from dashboard.formatting import count
from dashboard.ingest import doelen, formats, mappings, missing, reference, statline, values
from dashboard.ingest.problems import ImportRejected, Problem
from dashboard.ingest.reader import CHUNK_ROWS, Table, decode, open_file, read_all, too_large
from dashboard.ingest.report import Report
from dashboard.models import ImportBatch, Indicator, Observatie, Streefwaarde

KINDS = ("observaties", "streefwaarden", "gebieden", "partijen", "indicatoren", "doelen")
# Required headers per kind (lang is the canonical observaties format).
HEADERS = {
    "observaties": ("indicator", "gebied", "periode", "waarde"),
    "streefwaarden": ("indicator", "gebied", "periode", "streefwaarde"),
    "gebieden": ("code", "naam", "niveau"),
    "partijen": ("naam", "soort"),
    "indicatoren": ("sleutel", "naam", "eenheid", "richting", "aggregatie"),
    "doelen": doelen.HEADERS,
}
VALUE_COLUMNS = ("waarde", "streefwaarde", "lat", "lon", "min", "max")
SAMPLE = 10
PREVIEW = 10_000  # new and changed rows kept for the page's preview table
MAX_PROBLEMS = 10_000  # problems kept in full; beyond this they are counted


def detect_kind(columns: list[str]) -> str | None:
    for kind in ("streefwaarden", "observaties", "indicatoren", "doelen", "gebieden", "partijen"):
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


def _source(data: bytes | Path, filename: str, max_bytes: int | None) -> tuple[bytes | Path, str]:
    """The file as it is (a path is read in chunks later, never whole), after the checks that need
    no reading: a regular file (no device, FIFO or folder), not larger than the cap by its size.
    The cap is counted again while reading: a file's size as stat gives it is not trusted."""
    if isinstance(data, Path):
        with open_file(data) as stream:
            size = os.fstat(stream.fileno()).st_size
        if max_bytes is not None and size > max_bytes:
            raise too_large(size, max_bytes)
        return data, filename or data.name
    if max_bytes is not None and len(data) > max_bytes:
        raise too_large(len(data), max_bytes)
    return data, filename


def _head(source: bytes | Path) -> bytes:
    if isinstance(source, Path):
        with open_file(source) as stream:
            return stream.read(65536)
    return source[:65536]


def _is_json(source: bytes | Path) -> bool:
    return _head(source).lstrip()[:1] == b"{"


class _StatLine:
    """A StatLine export as the value import reads a table: one chunk, already in the long shape."""

    columns = ["indicator", "gebied", "partij", "periode", "waarde"]

    def __init__(self, db: Database, source: bytes | Path, mapping: dict[str, str] | None, max_bytes: int | None,
                 remember: bool):
        """Reads and maps the export; ImportRejected for a layout, onderwerp or region it cannot read.
        A mapping given is remembered for exports with the same onderwerpen (not on a dry run)."""
        data = read_all(source, max_bytes)
        self.sha256 = hashlib.sha256(data).hexdigest()
        self.export, problems = statline.read(data)
        if problems:
            raise ImportRejected(problems)
        self.dialect, self.lines = self.export.dialect, self.export.rows[-1][0]
        self.layout = formats.layout(self.export.onderwerpen)
        with db.make_session() as session:
            catalogue = pd.DataFrame(session.execute(select(Indicator.sleutel, Indicator.bron)).all(),
                                     columns=["sleutel", "bron"])
            if mapping is None:
                mapping = mappings.remembered(session, self.layout)
            elif remember:
                mappings.remember(session, self.layout, {k.strip().lower(): v for k, v in mapping.items()})
                session.commit()
        self.mapping = mapping
        self.keys, self.unknown = statline.indicators(self.export, catalogue, mapping)

    def load(self) -> None:
        """The values in the long shape; ImportRejected for an onderwerp or region not known."""
        self.frame, problems = statline.to_long(self.export, self.keys)
        if self.unknown or problems:
            raise ImportRejected(self.unknown + problems)

    def __iter__(self):
        yield self.frame

    @property
    def ignored(self) -> list[str]:
        return [onderwerp for onderwerp, key in self.keys.items() if not key]


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
    source, _ = _source(data, "", max_bytes)
    if _is_json(source):
        return Inspection("gebieden", "geojson", "GeoJSON", [], "")
    if statline.recognise(_head(source)):
        export = _StatLine(db, source, None, max_bytes, remember=False)
        onderwerpen = export.export.onderwerpen
        return Inspection("observaties", "statline", export.dialect.describe(), onderwerpen, export.layout,
                          [p.value for p in export.unknown], export.mapping, rows=len(export.export.rows))
    table = Table(source, VALUE_COLUMNS, max_bytes=max_bytes)
    columns = table.columns
    kind, fmt = _resolve(db, columns, kind, format)
    inspection = Inspection(kind, fmt or "csv", table.dialect.describe(), columns, formats.layout(columns),
                            rows=sum(len(chunk) for chunk in table))
    if fmt in ("breed", "cbs"):
        with db.make_session() as session:
            keys = set(session.scalars(select(Indicator.sleutel)))
            inspection.mapping = mappings.remembered(session, inspection.layout)
        inspection.unknown_headers = formats.unknown_headers(columns, keys, inspection.mapping)
    return inspection


def import_file(db: Database, data: bytes | Path, *, filename: str = "", kind: str | None = None,
                format: str | None = None, dry_run: bool = False, user: str = "",
                add_missing: bool | missing.NameChoices = False, mapping: dict[str, str] | None = None,
                max_bytes: int | None = None, progress=None, chunk_rows: int = CHUNK_ROWS) -> Report:
    """Import one file. Raises ImportRejected (nothing written) when any row is wrong.

    `add_missing`: True adds every unknown gebied (well-formed code) and partij that looks like none
    already there; a `missing.NameChoices` adds the ones chosen and reads others as an existing one.
    `mapping` ({column: indicator key, or "" to ignore}) is remembered for the header layout;
    without one, the mapping remembered earlier for the same layout is used. `progress(fraction)`
    is called while the rows are written. Observaties and streefwaarden are read, checked and
    written `chunk_rows` at a time, all in one transaction.
    """
    source, filename = _source(data, filename, max_bytes)
    if _is_json(source):
        return _import_geojson(db, source, filename, dry_run, user, max_bytes)
    if statline.recognise(_head(source)):
        export = _StatLine(db, source, mapping, max_bytes, remember=not dry_run)
        export.load()
        report = Report(status="rejected", kind="observaties", format="statline", dialect=export.dialect.describe(),
                        ignored_columns=export.ignored, notes=export.export.notes)
        return _import_values(db, export, report, filename, user, dry_run, add_missing, None, progress)
    table = Table(source, VALUE_COLUMNS, chunk_rows, max_bytes)
    columns = table.columns
    kind, fmt = _resolve(db, columns, kind, format)
    report = Report(status="rejected", kind=kind, format=fmt or "csv", dialect=table.dialect.describe())
    if kind in ("observaties", "streefwaarden"):
        return _import_values(db, table, report, filename, user, dry_run, add_missing, mapping, progress)
    frame, dialect = table.frame(), table.dialect
    if frame.empty:
        raise ImportRejected([Problem(2, "", "", "het bestand heeft een kopregel maar geen gegevens.")])
    with db.import_session() as session:
        problems: list[Problem] = []
        if kind == "gebieden":
            counts = reference.gebieden_csv(session, frame, dialect.decimal, problems, report.notes)
        elif kind == "partijen":
            counts = reference.partijen(session, frame, problems)
        elif kind == "doelen":
            counts = doelen.doelen(session, frame, dialect.decimal, problems)
        else:
            counts = reference.indicatoren(session, frame, dialect.decimal, problems)
        if problems:
            raise ImportRejected(problems)
        _finish(session, report, counts, _batch(session, report, filename, table.sha256, user, dry_run))
    return report


def _import_values(db: Database, table: Table, report: Report, filename: str, user: str, dry_run: bool,
                   add_missing, mapping: dict[str, str] | None, progress) -> Report:
    """Chunk after chunk: check (in a thread, one chunk ahead), compare, write; all or nothing.

    After the first problem nothing more is written, but every chunk is still checked, so the
    report lists the problems of the whole file; the transaction then rolls back.
    """
    model = Observatie if report.kind == "observaties" else Streefwaarde
    column = "waarde" if report.kind == "observaties" else "streefwaarde"
    with db.import_session() as session:
        melt = _melter(session, table.columns, report, mapping)
        choices = missing.NameChoices.of(add_missing)
        if choices.add_all or choices.add:  # a pass of its own: the check then knows every gebied and partij
            for chunk in table:
                report.added += missing.add(session, chunk.rename(columns={"regios": "gebied"}), choices)
        checker = values.Checker(session, table.dialect.decimal, column,
                                 stored_kinds=lambda id_: values.stored_kinds(db, id_),
                                 same_as={c: choices.mapping(c) for c in missing.SOORTEN})
        batch = _batch(session, report, filename, table.sha256, user, dry_run)
        nothing_stored = values.is_empty(session, model)
        writer = values.Writer(session, model, batch.id, empty=nothing_stored) if batch else None
        problems: list[Problem] = []
        beyond, seen_rows, counts = 0, 0, {}
        years: tuple[int, int] | None = None  # the file's first and last year, kept on the batch
        changed: list[pd.DataFrame] = []
        new: list[pd.DataFrame] = []

        def checked(chunk: pd.DataFrame):  # in the second thread; nothing is prepared once a problem was found
            rows, found = checker.check(melt(chunk))
            return chunk, rows, found, writer.prepare(rows) if writer and not (found or problems or beyond) else None

        try:  # the checker lets go of its keys (and their file) whatever happens
            for chunk, rows, found, prepared in _ahead(checked(chunk) for chunk in table):
                seen_rows += len(chunk)
                if found or problems or beyond:
                    # Past MAX_PROBLEMS problems are counted, not kept: a wholly wrong file of millions
                    # of rows would otherwise need more memory for its report than for its rows.
                    kept = found[:max(0, MAX_PROBLEMS - len(problems))]
                    problems += kept
                    beyond += len(found) - len(kept)
                    continue
                if len(rows):
                    low, high = int(rows["jaar"].min()), int(rows["jaar"].max())
                    years = (low, high) if years is None else (min(years[0], low), max(years[1], high))
                rows = values.compare(session, rows, model, nothing_stored)
                status = rows["status"]
                for state, aantal in status.value_counts().items():
                    counts[state] = counts.get(state, 0) + int(aantal)
                _keep(changed, rows, status == "changed", PREVIEW)
                _keep(new, rows, status == "new", PREVIEW)
                if writer:
                    writer.write(rows, prepared)
                if progress:
                    progress(int(chunk["_line"].iloc[-1]) / max(table.lines, 1))
        finally:
            checker.close()
        if writer:
            writer.close(complete=not (problems or beyond))
        report.rows_skipped_empty = checker.skipped
        report.notes = report.notes + choices.notes() + checker.notes()
        if not seen_rows:
            raise ImportRejected([Problem(2, "", "", "het bestand heeft een kopregel maar geen gegevens.")])
        if problems:
            more = [Problem(0, "", "", f"en nog {count(beyond, 'probleem', 'problemen')}.")] if beyond else []
            raise ImportRejected(sorted(problems, key=lambda p: (p.line, p.column)) + more)
        if changed or new:
            changes = pd.concat(changed + new, ignore_index=True).sort_values("_line", kind="stable")
            units = {key: indicator.eenheid for key, indicator in checker.indicators.items()}
            changes["eenheid"] = changes["indicator"].str.lower().map(units).fillna("")
            report.changes, report.sample = changes.head(PREVIEW), _sample(changes)
        if batch and years:
            batch.jaar_van, batch.jaar_tot = years
        _finish(session, report, counts, batch)
    return report


def _keep(kept: list[pd.DataFrame], rows: pd.DataFrame, mask: pd.Series, limit: int) -> None:
    """The first `limit` rows of a kind, for the preview: a file of any size keeps no more."""
    room = limit - sum(len(k) for k in kept)
    if room > 0 and mask.any():
        rows = rows[mask]
        rows = rows if len(rows) <= room else rows.nsmallest(room, "_line")
        kept.append(rows.astype({c: "str" for c in rows if isinstance(rows[c].dtype, pd.CategoricalDtype)}))


def _ahead(items, depth: int = 1):
    """`items` produced in a thread, `depth` ahead of the consumer: checking the next chunk (pandas
    and pyarrow, mostly outside the GIL) overlaps writing this one (SQLite steps outside it too)."""
    channel: queue.Queue = queue.Queue(maxsize=depth)
    stop, end = threading.Event(), object()

    def put(item) -> bool:
        while not stop.is_set():
            try:
                channel.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def run() -> None:
        try:
            for item in items:
                if not put((None, item)):
                    return
            put((None, end))
        except BaseException as error:  # handed to the consumer, raised there
            put((error, None))

    worker = threading.Thread(target=run, name="import-check", daemon=True)
    worker.start()
    try:
        while True:
            error, item = channel.get()
            if error is not None:
                raise error
            if item is end:
                return
            yield item
    finally:
        stop.set()
        worker.join()


def _melter(session, columns: list[str], report: Report, mapping: dict[str, str] | None):
    """Chunk -> long shape: identity for lang; for breed and cbs the mapping is settled once."""
    fmt = report.format
    if fmt not in ("breed", "cbs"):
        return lambda chunk: chunk
    known = list(session.scalars(select(Indicator.sleutel)))
    layout = formats.layout(columns)
    if mapping is None:
        mapping = mappings.remembered(session, layout)
    else:
        mapping = {k.strip().lower(): v for k, v in mapping.items()}
        mappings.remember(session, layout, mapping)
    header = pd.DataFrame(columns=[*columns, "_line"], dtype="str")
    _, problems, report.ignored_columns = formats.to_long(
        header, fmt, set(known), mapping, lambda column: values.suggest(column, known))
    if problems:
        raise ImportRejected(problems)
    return lambda chunk: formats.to_long(chunk, fmt, set(known), mapping, lambda column: "")[0]


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


def _import_geojson(db: Database, source: bytes | Path, filename: str, dry_run: bool, user: str,
                    max_bytes: int | None) -> Report:
    data = read_all(source, max_bytes)
    try:
        document = json.loads(decode(data)[0])
    except json.JSONDecodeError as error:
        raise ImportRejected([Problem(error.lineno, "", "", f"geen geldige JSON: {error.msg}.")]) from error
    except RecursionError as error:
        raise ImportRejected([Problem(1, "", "", "geen bruikbare JSON: de gegevens zijn te diep genest.")]) from error
    report = Report(status="rejected", kind="gebieden", format="geojson", dialect="GeoJSON")
    with db.import_session() as session:
        problems: list[Problem] = []
        counts = reference.gebieden_geojson(session, document, problems, report.notes)
        if problems:
            raise ImportRejected(problems)
        _finish(session, report, counts, _batch(session, report, filename, hashlib.sha256(data).hexdigest(), user,
                                                dry_run))
    return report


def _batch(session, report: Report, filename: str, digest: str, user: str, dry_run: bool) -> ImportBatch | None:
    """The batch row, first thing in the transaction, so chunks can be written under its id."""
    if dry_run:
        return None
    batch = ImportBatch(bestandsnaam=filename[:255] or "(zonder naam)", sha256=digest, soort=report.kind,
                        formaat=report.format, gebruiker=user)
    session.add(batch)
    session.flush()
    return batch


def _finish(session, report: Report, counts, batch: ImportBatch | None) -> None:
    """Record the counts on the batch, or roll back a dry run and a file that changes nothing."""
    report.rows_new = int(counts.get("new", 0))
    report.rows_changed = int(counts.get("changed", 0))
    report.rows_unchanged = int(counts.get("unchanged", 0))
    if batch is None or not (report.rows_new or report.rows_changed):
        report.status = "unchanged" if batch else "valid"
        session.rollback()
        return
    batch.rows_new, batch.rows_changed = report.rows_new, report.rows_changed
    batch.rows_unchanged, batch.rows_skipped_empty = report.rows_unchanged, report.rows_skipped_empty
    session.flush()
    data_version.bump(session)
    report.batch_id = batch.id
    report.status = "committed"
