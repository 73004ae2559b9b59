"""Tellen & Vertellen: settings, database ready, the visitor's pages, shared chrome.

Streamlit reads this file in two ways. Each visit runs it as the page script (as `__main__`).
`streamlit run app.py` also imports it once at start (as the module `app`), finds the st.App
below and serves that: its lifespan warms the server before the first visitor, as for
deploy/serve.py (dashboard/ui/warm_up.py). That import must not run a visit's body outside a
session, hence the two branches.
"""
import streamlit as st

if __name__ == "__main__":
    from dashboard.ui import chrome, navigation, runtime, visitor

    runtime.configure_logging()
    # A picture of our own (ui/favicon.png), served by the app itself. Not the emoji 🏘️: Streamlit checks
    # an emoji against its whole catalogue, which cost the first run of every fresh server 1-2 s. Not a
    # Material icon either: the browser fetches that one from Google's font servers, which the
    # Content-Security-Policy keeps out (dashboard/ui/server.py), and which need not see who visits.
    st.set_page_config(page_title="Tellen & Vertellen", page_icon=runtime.FAVICON, layout="wide")
    chrome.dress()
    runtime.database()
    with runtime.database_errors():
        visitor.establish()
        navigation.run()
    runtime.settle()
else:
    from dashboard.ui import warm_up

    app = st.App(__file__, lifespan=warm_up.lifespan)
