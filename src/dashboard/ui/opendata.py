"""The Gegevens page's open-data section (beheerder): a gemeente's CBS tables and PDOK boundaries."""
from __future__ import annotations

import streamlit as st

from dashboard import clock, config
from dashboard.db import Database
from dashboard.opendata import kerncijfers
from dashboard.opendata.fetch import SyncFailed
from dashboard.opendata.sync import TABELLEN, meldingen, sync
from dashboard.toegang import access
from dashboard.ui import visitor


def section(db: Database, settings: config.Settings) -> None:
    st.subheader("Open data van CBS en PDOK", anchor=False)
    st.caption(f"Haalt de CBS-tabellen {', '.join(TABELLEN)}, de {kerncijfers.NAAM} van elk jaar en de wijk- en "
               "buurtgrenzen van PDOK op voor één gemeente. Elke bron wordt een gewone import (Geschiedenis, "
               "ongedaan maken) die zegt waar en wanneer de cijfers zijn opgehaald; CBS en PDOK publiceren ze "
               "onder CC BY 4.0.")
    with st.form("opendata"):
        gemeente = st.text_input("Gemeentecode", placeholder="GM0363", key="opendata_gemeente")
        van = st.number_input("Vanaf jaar", min_value=1995, max_value=2100, value=2015, key="opendata_van")
        if not st.form_submit_button("Ophalen en importeren", icon=":material/cloud_download:", key="opendata_sync"):
            return
    access.require(visitor.current(), "open_data_ophalen")  # checked where it writes, not only in the menu
    try:
        with st.spinner("CBS en PDOK worden gevraagd…"):
            report = sync(db, gemeente, int(van), odata_url=settings.cbs_odata_url, pdok_url=settings.pdok_url,
                          opgehaald=clock.local(clock.now()).date(), user=visitor.current().name)
    except SyncFailed as failed:
        st.error(str(failed), icon=":material/cloud_off:")
        return
    lines = [f"- {naam}: " + (f"import {batch.batch_id}, {batch.rows_new} nieuw, {batch.rows_changed} gewijzigd"
                              if batch.status == "committed" else "niets veranderd")
             for naam, batch in report.batches]
    st.success(f"Opgehaald voor {report.gemeente}:\n" + "\n".join(lines), icon=":material/check_circle:")
    for line in meldingen(report):
        st.info(line, icon=":material/info:")
