"""Tellen & Vertellen: settings, database ready, the visitor's pages, shared chrome."""
import streamlit as st

from dashboard.ui import chrome, navigation, runtime, visitor

runtime.configure_logging()
# The icon is our own file, served by this server: a Material icon as page_icon makes every browser
# fetch it from fonts.gstatic.com (a request to Google on each visit), and an emoji is checked
# against Streamlit's whole catalogue, which cost the first run of every fresh server 1-2 s.
st.set_page_config(page_title="Tellen & Vertellen", page_icon=chrome.FAVICON, layout="wide")
runtime.database()
with runtime.database_errors():
    visitor.establish()
    navigation.run()
runtime.settle()
