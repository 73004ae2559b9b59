"""The cycle's forms for redacteuren and beheerders: a bod received, a signature, a geschil.

Each saves in a button callback through the core (which asks `access.require` and writes the
audit line), as the visitor asked afresh. User text is shown escaped (ui/tekst.py).
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import streamlit as st

from dashboard import clock
from dashboard.cyclus import bod, geschil, ondertekening
from dashboard.cyclus.fasen import Cyclus
from dashboard.db import Database
from dashboard.models.cyclus import GESCHIL_ONDERWERPEN, GESCHIL_STATUSSEN
from dashboard.ui import runtime, visitor
from dashboard.ui.formulieren.basis import GEEN, done, error, run

ACTIE = "cyclus_bewerken"


def _write(form: str, db: Database, write, success: str) -> None:
    """The core write, as the visitor asked afresh and only while still allowed, in one transaction."""
    if visitor.allowed(ACTIE):
        run(form, db, lambda session: write(session, visitor.afresh()), success)


def bod_form(db: Database, cyclus: Cyclus, afspraken: dict[int, str], media_dir: Path, max_bytes: int) -> None:
    """A corporation's bod: when it came in, what it says, the PDF, and its key figures."""
    form = f"bod{cyclus.jaar}"
    done(form)
    error(form, "_")
    with st.form(form, border=True):
        st.subheader(f"Bod voor {cyclus.jaar} vastleggen", anchor=False)
        st.selectbox("Corporatie", [b.partij for b in cyclus.bods], key=f"{form}_partij")
        error(form, "partij")
        st.date_input("Ontvangen op", value=clock.today(), format="DD-MM-YYYY", key=f"{form}_ontvangen")
        error(form, "ontvangen_op")
        st.text_area("Samenvatting", key=f"{form}_samenvatting", max_chars=2000)
        st.file_uploader("Het bod als PDF", type=["pdf"], key=f"{form}_document")
        error(form, "document")
        keuzes = [GEEN, *afspraken]
        st.data_editor(pd.DataFrame({"onderwerp": pd.Series(dtype=str), "waarde": pd.Series(dtype=float),
                                     "eenheid": pd.Series(dtype=str), "afspraak": pd.Series(dtype=str)}),
                       num_rows="dynamic", key=f"{form}_cijfers", hide_index=True, column_config={
                           "onderwerp": st.column_config.TextColumn("Onderwerp", help="Bijvoorbeeld: sociale "
                                                                    "huurwoningen nieuwbouw"),
                           "waarde": st.column_config.NumberColumn("Waarde"),
                           "eenheid": st.column_config.TextColumn("Eenheid", help="Bijvoorbeeld: woningen"),
                           "afspraak": st.column_config.SelectboxColumn("Afspraak", options=keuzes)})
        for field in [f for f in _problem_fields(form) if f.startswith("cijfer")]:
            error(form, field)
        st.form_submit_button("Bod opslaan", type="primary", icon=":material/save:", on_click=_save_bod,
                              args=(form, db, cyclus.jaar, {v: k for k, v in afspraken.items()}, media_dir, max_bytes))


def _problem_fields(form: str) -> list[str]:
    return list(st.session_state.get(f"_fouten_{form}", {}))


def _rows(edited: dict) -> list[dict]:
    """The rows of a data_editor's state: only what was added (the editor starts empty)."""
    return [row for row in edited.get("added_rows", []) if any(v not in (None, "") for v in row.values())]


@runtime.guarded
def _save_bod(form: str, db: Database, jaar: int, afspraak_ids: dict[str, int], media_dir: Path,
              max_bytes: int) -> None:
    s = st.session_state
    upload = s[f"{form}_document"]
    cijfers = [bod.Cijfer(str(r.get("onderwerp") or ""), float(r.get("waarde") or 0), str(r.get("eenheid") or ""),
                          afspraak_ids.get(r.get("afspraak") or "")) for r in _rows(s[f"{form}_cijfers"])]
    invoer = bod.BodInvoer(partij=s[f"{form}_partij"], jaar=jaar, ontvangen_op=s[f"{form}_ontvangen"],
                           samenvatting=s[f"{form}_samenvatting"], document=upload.getvalue() if upload else None,
                           document_naam=upload.name if upload else "", cijfers=cijfers)
    _write(form, db, lambda session, wie: bod.opslaan(session, wie, invoer, media_dir, max_bytes),
           f"Het bod van {invoer.partij} voor {jaar} is opgeslagen.")


def teken_form(db: Database, cyclus: Cyclus) -> None:
    form = f"teken{cyclus.jaar}"
    done(form)
    error(form, "_")
    with st.form(form, border=True):
        st.subheader(f"Ondertekening voor {cyclus.jaar} vastleggen", anchor=False)
        st.selectbox("Partij", [h.partij for h in cyclus.handtekeningen], key=f"{form}_partij")
        error(form, "partij")
        st.date_input("Getekend op", value=clock.today(), format="DD-MM-YYYY", key=f"{form}_datum")
        error(form, "datum")
        st.text_input("Getekend door", placeholder="Bijvoorbeeld: M. de Vries", max_chars=200, key=f"{form}_naam")
        error(form, "naam")
        st.text_input("Als", placeholder="Bijvoorbeeld: wethouder Wonen of directeur-bestuurder", max_chars=200,
                      key=f"{form}_functie")
        error(form, "functie")
        st.form_submit_button("Ondertekening opslaan", type="primary", icon=":material/draw:", on_click=_sign,
                              args=(form, db, cyclus.jaar))


@runtime.guarded
def _sign(form: str, db: Database, jaar: int) -> None:
    s = st.session_state
    invoer = ondertekening.TekenInvoer(s[f"{form}_partij"], jaar, s[f"{form}_datum"], s[f"{form}_naam"],
                                       s[f"{form}_functie"])
    _write(form, db, lambda session, wie: ondertekening.tekenen(session, wie, invoer),
           f"De ondertekening door {invoer.partij} voor {jaar} is opgeslagen.")


def geschil_form(db: Database, cyclus: Cyclus, afspraken: dict[int, str]) -> None:
    form = f"geschil{cyclus.jaar}"
    done(form)
    error(form, "_")
    with st.form(form, border=True):
        st.subheader(f"Geschil over {cyclus.jaar} vastleggen", anchor=False)
        st.selectbox("Verzoeker", [h.partij for h in cyclus.handtekeningen], key=f"{form}_verzoeker")
        error(form, "verzoeker")
        st.radio("Waarover", GESCHIL_ONDERWERPEN, format_func=geschil.ONDERWERP_LABELS.get, key=f"{form}_onderwerp")
        keuzes = [None, *afspraken]
        st.selectbox("Over de afspraak (optioneel)", keuzes, format_func=lambda i: afspraken.get(i, "het hele jaar"),
                     key=f"{form}_afspraak")
        st.text_area("Het geschilpunt", key=f"{form}_punt", max_chars=4000)
        error(form, "geschilpunt")
        st.text_area("De standpunten van de partijen", key=f"{form}_standpunten", max_chars=4000)
        st.text_input("Het volkshuisvestingsbeleid (woonvisie of volkshuisvestingsprogramma)", max_chars=300,
                      key=f"{form}_beleid")
        st.selectbox("Status", GESCHIL_STATUSSEN, format_func=geschil.STATUS_LABELS.get, key=f"{form}_status")
        st.date_input("Ingediend bij de minister op", value=None, format="DD-MM-YYYY", key=f"{form}_ingediend")
        error(form, "ingediend_op")
        st.form_submit_button("Geschil opslaan", type="primary", icon=":material/balance:", on_click=_geschil,
                              args=(form, db, cyclus.jaar))


@runtime.guarded
def _geschil(form: str, db: Database, jaar: int) -> None:
    s = st.session_state
    invoer = geschil.GeschilInvoer(jaar=jaar, verzoeker=s[f"{form}_verzoeker"], geschilpunt=s[f"{form}_punt"],
                                   onderwerp=s[f"{form}_onderwerp"], afspraak_id=s[f"{form}_afspraak"],
                                   standpunten=s[f"{form}_standpunten"], beleid=s[f"{form}_beleid"],
                                   status=s[f"{form}_status"], ingediend_op=s[f"{form}_ingediend"])
    _write(form, db, lambda session, wie: geschil.vastleggen(session, wie, invoer),
           f"Het geschil over {jaar} is opgeslagen.")
