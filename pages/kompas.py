"""Kompas (home): the shared story and the way in. The afspraken issue fills it."""
import streamlit as st

from dashboard import queries
from dashboard.ui import chrome, navigation, runtime

navigation.entered_through_app()
db = runtime.database()
st.title("Tellen & Vertellen")
st.markdown(
    "Een monitor voor de **prestatieafspraken** van gemeente, woningcorporaties en huurders. "
    "**Tellen**: de vaste volkshuisvestelijke cijfers, met trends en streefwaarden. "
    "**Vertellen**: per bijzondere afspraak de voortgang en de verhalen erachter."
)
with db.sessions() as session:
    demo, last_update = queries.demo_loaded(session), queries.last_update(session)
if demo:
    chrome.fictional_notice()
st.page_link("pages/dashboard.py", label="Naar het volkshuisvestelijk dashboard", icon=":material/monitoring:")
chrome.footer(last_update)
