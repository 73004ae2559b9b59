"""Tellen & Vertellen: settings, database ready, the visitor's pages, shared chrome."""
import logging

import streamlit as st

from dashboard.ui import navigation, runtime, visitor

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
st.set_page_config(page_title="Tellen & Vertellen", page_icon="🏘️", layout="wide")
runtime.database()
with runtime.database_errors():
    visitor.establish()
    navigation.run()
