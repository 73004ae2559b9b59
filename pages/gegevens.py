"""Gegevens: data officers import files (preview first, all or nothing), undo imports, export."""
import streamlit as st

from dashboard import config
from dashboard.ui import imports, navigation, runtime

navigation.entered_through_app()
db = runtime.database()
st.title("Gegevens")
upload, history, templates = st.tabs(["Importeren", "Geschiedenis", "Sjablonen en export"])
with upload:
    imports.upload(db, config.load().max_upload_mb)
with history:
    imports.history(db)
with templates:
    imports.templates_and_export(db)
