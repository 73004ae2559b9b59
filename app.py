"""Tellen & Vertellen: settings, database ready, the visitor's pages, shared chrome."""
import streamlit as st

from dashboard.ui import nederlands, navigation, runtime, visitor

runtime.configure_logging()
# A picture of our own (ui/favicon.png), served by the app itself. Not the emoji 🏘️: Streamlit checks
# an emoji against its whole catalogue, which cost the first run of every fresh server 1-2 s. Not a
# Material icon either: the browser fetches that one from Google's font servers, which the
# Content-Security-Policy keeps out (dashboard/ui/server.py), and which need not see who visits.
st.set_page_config(page_title="Tellen & Vertellen", page_icon=runtime.FAVICON, layout="wide")
nederlands.inject()
runtime.database()
with runtime.database_errors():
    visitor.establish()
    navigation.run()
runtime.settle()
