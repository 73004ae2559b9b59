"""Tellen & Vertellen: settings, database ready, the visitor's pages, shared chrome."""
import streamlit as st

from dashboard.ui import navigation, runtime, visitor

runtime.configure_logging()
# A Material icon, not the emoji 🏘️: Streamlit checks an emoji against its whole catalogue, which
# cost the first run of every fresh server 1-2 s (importing streamlit.emojis, compiling its pattern).
st.set_page_config(page_title="Tellen & Vertellen", page_icon=":material/holiday_village:", layout="wide")
runtime.database()
with runtime.database_errors():
    visitor.establish()
    navigation.run()
runtime.settle()
