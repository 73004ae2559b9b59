"""The import screens of the Gegevens page: upload and preview, history with undo, templates and export."""
from __future__ import annotations

import hashlib
import logging

import pandas as pd
import streamlit as st

from dashboard import export, formatting, queries
from dashboard.db import Database
from dashboard.diagnosis import DatabaseProblem
from dashboard.ingest import ImportRejected, import_file
from dashboard.ingest import importer, templates, undo
from dashboard.ingest import report as reports
from dashboard.ingest.missing import NameChoices, UnknownName, unknown_names
from dashboard.ingest.values import nearest
from dashboard.toegang import access
from dashboard.ui import runtime, visitor
from dashboard.ui.tekst import escaped, escaped_table

log = logging.getLogger(__name__)
IGNORE = "(kolom negeren)"
_PROBLEM_COLUMNS = {"line": "regel", "column": "kolom", "value": "waarde", "message": "probleem"}
SHOWN_PROBLEMS = 200  # on the page; the download has them all
SHOWN_NAMES = 50  # unknown names offered one by one; beyond, one box for all new ones


def problems_table(problems) -> pd.DataFrame:
    return pd.DataFrame([p.as_dict() for p in problems], columns=list(_PROBLEM_COLUMNS)).rename(columns=_PROBLEM_COLUMNS)


def _show_rejection(problems, key: str, choices: NameChoices | None = None) -> None:
    """What is wrong, in this order: the count, the unknown names with what to do about them (the
    one button that changes anything), then every problem in a table whose text wraps."""
    st.error(f"Dit bestand wordt zo niet geïmporteerd: {formatting.count(len(problems), 'probleem', 'problemen')}. "
             "Er is niets geschreven.",
             icon=":material/block:")
    if choices is not None:
        _names_form(unknown_names(problems), key, choices)
    table = problems_table(problems)
    st.subheader("Problemen", anchor=False)
    if len(table) > SHOWN_PROBLEMS:
        st.caption(f"De eerste {SHOWN_PROBLEMS} van {formatting.number(len(table))}; de download bevat ze allemaal.")
    st.table(escaped_table(table.head(SHOWN_PROBLEMS).astype({"regel": str})), hide_index=True)  # it quotes the file
    st.download_button("Download de problemen (CSV)", export.csv_bytes(table), file_name="importproblemen.csv",
                       mime="text/csv", key=f"problemen_{key}", on_click="ignore", icon=":material/download:")


def _label(name: UnknownName) -> str:
    wat = "Partij" if name.soort == "partij" else "Gebied"
    return f"{wat} '{escaped(name.naam)}'"


def _names_form(names: list[UnknownName], key: str, choices: NameChoices) -> None:
    """Per unknown gebied or partij: read it as the existing one it looks like, or add it as new;
    each only when ticked, and nothing happens before the button."""
    if not names:
        return
    with st.container(border=True):
        st.subheader("Onbekende gebieden en partijen", anchor=False)
        st.caption("Kies per naam wat ermee moet; er verandert niets tot u op de knop drukt. Een naam die bijna "
                   "gelijk is aan een bestaande wordt niet nieuw toegevoegd: kies dan de bestaande, of verbeter "
                   "het bestand.")
        add, same_as = set(choices.add), set(choices.same_as)
        new = [n for n in names if n.may_add]
        all_new = len(new) > SHOWN_NAMES and st.checkbox(
            f"Alle {formatting.number(len(new))} nieuwe namen toevoegen", key=f"alle_nieuw_{key}",
            help="De lijst staat in de download van de problemen.")
        for name in names[:SHOWN_NAMES] if len(new) <= SHOWN_NAMES else [n for n in names if not n.may_add]:
            tag = hashlib.sha256(f"{name.soort}|{name.naam}".encode()).hexdigest()[:10]
            if name.lookalikes:
                st.markdown(f"**{_label(name)}** bestaat niet. Bedoelt u "
                            + " of ".join(f"**{escaped(alike)}**" for alike in name.lookalikes) + "?")
                if len(name.lookalikes) == 1:
                    chosen = name.lookalikes[0] if st.checkbox(
                        f"Ja, lees '{escaped(name.naam)}' als {escaped(name.lookalikes[0])}", key=f"zelfde_{key}_{tag}") else None
                else:
                    chosen = st.radio(f"Lees '{escaped(name.naam)}' als", name.lookalikes, index=None, format_func=escaped,
                                      key=f"zelfde_{key}_{tag}")
                if chosen:
                    same_as.add((name.soort, name.naam, chosen))
            elif st.checkbox(f"Nieuw{'e partij' if name.soort == 'partij' else ' gebied'} '{escaped(name.naam)}' toevoegen"
                             + (" (soort overig)" if name.soort == "partij" else " (genoemd naar de code)"),
                             key=f"nieuw_{key}_{tag}"):
                add.add((name.soort, name.naam))
        if all_new:
            add |= {(n.soort, n.naam) for n in new}
        chosen = NameChoices(add=frozenset(add), same_as=frozenset(same_as))
        if st.button("Keuzes toepassen en opnieuw controleren", key="ontbrekend", icon=":material/add_circle:",
                     disabled=chosen == choices,
                     help="Controleert het bestand opnieuw met deze keuzes; vastleggen doet u daarna met 'Importeren'."):
            st.session_state[f"namen_{key}"] = chosen
            st.rerun()


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
        choice = st.selectbox(f"Kolom '{escaped(header)}'", options, index=options.index(guess), key=f"map_{header}")
        mapping[header] = "" if choice == IGNORE else choice
    return mapping


def _preview(report) -> None:
    left, mid, right, last = st.columns(4)
    left.metric("Nieuw", report.rows_new)
    mid.metric("Gewijzigd", report.rows_changed)
    right.metric("Ongewijzigd", report.rows_unchanged)
    last.metric("Leeg, overgeslagen", report.rows_skipped_empty)
    if report.ignored_columns:
        st.caption("Genegeerde kolommen: " + escaped(", ".join(report.ignored_columns)))
    if report.changes is not None and not report.changes.empty:
        changes = report.changes.head(1000)
        st.dataframe(reports.preview(changes), hide_index=True, column_config={
            column: st.column_config.TextColumn(alignment="right") for column in ("oude waarde", "nieuwe waarde")})
        st.download_button("Download het voorbeeld (CSV)",
                           lambda: export.csv_bytes(reports.preview(report.changes, as_text=False)),
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
    add_missing = st.session_state.get(f"namen_{key}", NameChoices())
    try:
        report = _once("proef", key, kind, fmt, repr(sorted(add_missing.add)), repr(sorted(add_missing.same_as)),
                       repr(sorted((mapping or {}).items())),
                       compute=lambda: import_file(db, data, filename=uploaded.name, dry_run=True,
                                                   add_missing=add_missing, mapping=mapping, **options))
    except ImportRejected as rejected:
        _show_rejection(rejected.problems, key, add_missing)
        return
    if report.added:
        st.caption("Wordt toegevoegd: " + escaped(", ".join(report.added)))
    if report.notes:
        st.info("Gelezen:\n" + "\n".join(f"- {escaped(note)}" for note in report.notes), icon=":material/info:")
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
        except DatabaseProblem as problem:  # full, read-only, busy: rolled back, said in Dutch
            bar.empty()
            log.error("Import van %s mislukt: %s", uploaded.name, problem.diagnosis.for_beheerder)
            runtime.show(problem.diagnosis, beheerder=visitor.known_role() == "beheerder")
            return
        bar.empty()
        forget_previews()
        st.success(f"Vastgelegd als import {done.batch_id}: {done.rows_new} nieuw, {done.rows_changed} gewijzigd.",
                   icon=":material/check_circle:")


@st.dialog("Import ongedaan maken")
def _confirm_undo(db: Database, batch_id: int, name: str) -> None:
    st.write(f"Import {batch_id} ({escaped(name)}) ongedaan maken? De waarden die hij overschreef komen terug en "
             "wat hij toevoegde verdwijnt, behalve waar een latere import dezelfde waarde opnieuw leverde "
             "of veranderde: daar blijft die van de latere import staan.")
    yes, no = st.columns(2)
    if no.button("Annuleren", key="undo_nee"):
        del st.session_state["undo_vraag"]
        st.rerun()
    if yes.button("Ja, ongedaan maken", type="primary", key="undo_ja"):
        if not access.may(visitor.current(), "import_ongedaan_maken"):
            st.error("U mag geen imports ongedaan maken.")
            return
        try:
            undo.undo(db, batch_id, visitor.current().name, visitor.client_address())
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
    shown = batches.drop(columns=["sha256"]).assign(tijdstip=batches["tijdstip"].map(formatting.moment))
    st.dataframe(shown.rename(columns={
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
