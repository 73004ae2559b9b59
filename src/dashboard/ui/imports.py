"""The import screens of the Gegevens page: upload and preview, history with undo, templates and export."""
from __future__ import annotations

import hashlib

import pandas as pd
import streamlit as st

from dashboard import export, formatting, queries
from dashboard.db import Database
from dashboard.ingest import ImportRejected, import_file
from dashboard.ingest import importer, templates, undo
from dashboard.ingest.values import nearest
from dashboard.toegang import access
from dashboard.ui import visitor

IGNORE = "(kolom negeren)"
_PROBLEM_COLUMNS = {"line": "regel", "column": "kolom", "value": "waarde", "message": "probleem"}


def problems_table(problems) -> pd.DataFrame:
    return pd.DataFrame([p.as_dict() for p in problems], columns=list(_PROBLEM_COLUMNS)).rename(columns=_PROBLEM_COLUMNS)


def _show_rejection(problems, key: str) -> None:
    st.error(f"Dit bestand wordt zo niet geïmporteerd: {formatting.count(len(problems), 'probleem', 'problemen')}. "
             "Er is niets geschreven.",
             icon=":material/block:")
    table = problems_table(problems)
    st.dataframe(table, hide_index=True)
    st.download_button("Download de problemen (CSV)", export.csv_bytes(table), file_name="importproblemen.csv",
                       mime="text/csv", key=f"problemen_{key}", on_click="ignore", icon=":material/download:")


def mapping_form(db: Database, inspection: importer.Inspection) -> dict[str, str] | None:
    """Ask which indicator each unknown header holds; None when nothing needs mapping."""
    if not inspection.unknown_headers:
        return None
    with db.make_session() as session:
        keys = queries.catalogue_keys(session)
    st.warning("Een paar kolommen horen niet bij een bekende indicator. Kies wat erin staat; "
               "de keuze wordt onthouden voor bestanden met dezelfde kopregel.", icon=":material/table_view:")
    mapping = dict(inspection.mapping)
    for header in inspection.unknown_headers:
        guess = nearest(header, keys) or IGNORE
        options = [IGNORE, *keys]
        choice = st.selectbox(f"Kolom '{header}'", options, index=options.index(guess), key=f"map_{header}")
        mapping[header] = "" if choice == IGNORE else choice
    return mapping


def _preview(report) -> None:
    left, mid, right, last = st.columns(4)
    left.metric("Nieuw", report.rows_new)
    mid.metric("Gewijzigd", report.rows_changed)
    right.metric("Ongewijzigd", report.rows_unchanged)
    last.metric("Leeg, overgeslagen", report.rows_skipped_empty)
    if report.ignored_columns:
        st.caption("Genegeerde kolommen: " + ", ".join(report.ignored_columns))
    if report.changes is not None and not report.changes.empty:
        shown = report.changes.rename(columns={"_line": "regel", "oud": "oude waarde", "waarde": "nieuwe waarde"})
        columns = [c for c in ["regel", "indicator", "gebied", "partij", "periode", "status", "oude waarde",
                               "nieuwe waarde"] if c in shown]
        shown = shown[columns].replace({"status": {"new": "nieuw", "changed": "gewijzigd"}})
        st.dataframe(shown.head(1000), hide_index=True)
        st.download_button("Download het voorbeeld (CSV)", lambda: export.csv_bytes(shown),
                           file_name="importvoorbeeld.csv", mime="text/csv", key="voorbeeld",
                           on_click="ignore", icon=":material/download:")


_CACHE = "_import_voorbeelden"


def _once(*key, compute):
    """Inspection and dry run per file, options and mapping, kept for this session's reruns: a
    click on 'Importeren' should not parse a large file twice more. Cleared after every write;
    the commit itself always validates the whole file again."""
    cache = st.session_state.setdefault(_CACHE, {})
    if key not in cache:
        try:
            with st.spinner("Het bestand wordt gelezen en gecontroleerd…"):
                cache[key] = compute()
        except ImportRejected as rejected:
            cache[key] = rejected
    if isinstance(cache[key], ImportRejected):
        raise cache[key]
    return cache[key]


def forget_previews() -> None:
    st.session_state.pop(_CACHE, None)


def upload(db: Database, max_mb: int) -> None:
    """Upload, detect, map, preview (dry run), then commit on a deliberate click."""
    kind = st.selectbox("Soort gegevens", ["automatisch herkennen", *importer.KINDS], key="soort")
    fmt = st.selectbox("Vorm (observaties)", ["auto", "lang", "breed", "cbs"], key="vorm")
    uploaded = st.file_uploader(f"Kies een CSV- of GeoJSON-bestand (hoogstens {max_mb} MB)", key="bestand")
    if uploaded is None:
        return
    if uploaded.size > max_mb * 1_048_576:  # before reading a single byte of it
        st.error(f"Het bestand is groter dan {max_mb} MB en wordt niet gelezen. Splits het bestand.",
                 icon=":material/block:")
        return
    data = uploaded.getvalue()
    options = {"kind": None if kind == "automatisch herkennen" else kind, "format": fmt,
               "max_bytes": max_mb * 1_048_576}
    key = hashlib.sha256(data).hexdigest()[:12]
    try:
        inspection = _once("inspect", key, kind, fmt, compute=lambda: importer.inspect(db, data, **options))
    except ImportRejected as rejected:
        _show_rejection(rejected.problems, key)
        return
    st.info(f"Herkend: **{inspection.kind}**, vorm {inspection.format}; {inspection.dialect}.",
            icon=":material/fact_check:")
    mapping = mapping_form(db, inspection)
    add_missing = st.session_state.get(f"ontbrekend_{key}", False)
    try:
        report = _once("proef", key, kind, fmt, add_missing, repr(sorted((mapping or {}).items())),
                       compute=lambda: import_file(db, data, filename=uploaded.name, dry_run=True,
                                                   add_missing=add_missing, mapping=mapping, **options))
    except ImportRejected as rejected:
        _show_rejection(rejected.problems, key)
        if any(p.missing for p in rejected.problems) and st.button(
                "Ontbrekende gebieden en partijen toevoegen", key="ontbrekend", icon=":material/add_circle:",
                help="Voegt de onbekende gebieden (CBS-codes) en partijen toe bij het vastleggen."):
            st.session_state[f"ontbrekend_{key}"] = True
            st.rerun()
        return
    if report.added:
        st.caption("Wordt toegevoegd: " + ", ".join(report.added))
    _preview(report)
    if not (report.rows_new or report.rows_changed):
        st.success("Dit bestand verandert niets: alles staat er al zo in.", icon=":material/check_circle:")
        return
    if st.button("Importeren", type="primary", key="vastleggen", icon=":material/upload_file:"):
        if not access.may(visitor.current(), "importeren"):
            st.error("U mag geen gegevens importeren.")
            return
        bar = st.progress(0.0, text="Bezig met schrijven…")
        try:
            done = import_file(db, data, filename=uploaded.name, user=visitor.current().name,
                               add_missing=add_missing, mapping=mapping,
                               progress=lambda f: bar.progress(min(f, 1.0), text="Bezig met schrijven…"), **options)
        except ImportRejected as rejected:
            forget_previews()
            _show_rejection(rejected.problems, key + "_commit")
            return
        bar.empty()
        forget_previews()
        st.success(f"Vastgelegd als import {done.batch_id}: {done.rows_new} nieuw, {done.rows_changed} gewijzigd.",
                   icon=":material/check_circle:")


@st.dialog("Import ongedaan maken")
def _confirm_undo(db: Database, batch_id: int, name: str) -> None:
    st.write(f"Import {batch_id} ({name}) ongedaan maken? De waarden die hij overschreef komen terug; "
             "wat hij toevoegde verdwijnt.")
    yes, no = st.columns(2)
    if no.button("Annuleren", key="undo_nee"):
        del st.session_state["undo_vraag"]
        st.rerun()
    if yes.button("Ja, ongedaan maken", type="primary", key="undo_ja"):
        if not access.may(visitor.current(), "import_ongedaan_maken"):
            st.error("U mag geen imports ongedaan maken.")
            return
        try:
            undo.undo(db, batch_id)
        except undo.UndoRefused as refused:
            st.error(str(refused))
            return
        del st.session_state["undo_vraag"]
        forget_previews()
        st.session_state["undo_gedaan"] = batch_id
        st.rerun()


def history(db: Database) -> None:
    if "undo_gedaan" in st.session_state:
        st.success(f"Import {st.session_state.pop('undo_gedaan')} is ongedaan gemaakt.")
    batches = undo.history(db)
    if batches.empty:
        st.info("Nog geen imports.")
        return
    st.dataframe(batches.drop(columns=["sha256"]).rename(columns={
        "batch_id": "import", "rows_new": "nieuw", "rows_changed": "gewijzigd", "rows_unchanged": "ongewijzigd",
        "rows_skipped_empty": "leeg"}), hide_index=True)
    open_ = batches[(batches["status"] == "committed") & batches["soort"].isin(list(undo.MODELS))]
    if open_.empty:
        return
    labels = {row.batch_id: f"{row.batch_id}: {row.bestandsnaam}" for row in open_.itertuples()}
    chosen = st.selectbox("Import", list(labels), format_func=labels.get, key="undo_keuze")
    if st.button("Ongedaan maken…", key="undo", icon=":material/undo:"):
        st.session_state["undo_vraag"] = chosen
    asked = st.session_state.get("undo_vraag")
    if asked in labels:  # the dialog stays open across reruns until answered
        _confirm_undo(db, asked, labels[asked])


def templates_and_export(db: Database) -> None:
    st.subheader("Sjablonen")
    for name in templates.EXAMPLES:
        slug = name.replace(" (", "-").rstrip(")")
        st.download_button(f"Sjabloon {name}", templates.template(name), file_name=f"sjabloon-{slug}.csv",
                           mime="text/csv", key=f"sjabloon_{name}", on_click="ignore", icon=":material/download:")
    st.subheader("Export")
    st.caption("Alle observaties in het lange formaat, zoals Nederlandse Excel het opent en de import het terugleest.")

    def everything() -> bytes:
        with db.make_session() as session:
            return export.csv_bytes(queries.long_format(session))

    st.download_button("Download alle observaties (CSV)", everything, file_name="observaties.csv", mime="text/csv",
                       key="export", on_click="ignore", icon=":material/download:")
