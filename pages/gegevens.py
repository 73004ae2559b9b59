"""Gegevens: data officers import files (preview first, all or nothing), undo imports, export;
the beheerder also fetches a gemeente's open data."""
import streamlit as st

from dashboard import config
from dashboard.toegang import access
from dashboard.ui import imports, navigation, opendata, runtime, visitor

navigation.entered_through_app()
db = runtime.database()
settings = config.load()
st.title("Gegevens")
names = ["Importeren", "Geschiedenis", "Sjablonen en export"]
syncs = access.may(visitor.current(), "open_data_ophalen")
upload, history, templates, *open_data = st.tabs(names + (["Open data"] if syncs else []))
with upload:
    imports.upload(db, settings.max_upload_mb)
with history:
    imports.history(db)
with templates:
    imports.templates_and_export(db)
if open_data:
    with open_data[0]:
        opendata.section(db, settings)
