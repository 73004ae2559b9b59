"""The pages of app.py served as st.App, warmed before the first visitor (dashboard/ui/warm_up.py).

    streamlit run deploy/serve.py [--server.port 8501 ...]    # from the repository's root

For a server that others use (deploy/replicas.sh starts its replicas this way): its health
check answers only once the imports, the database and the first view's figures are ready.
`streamlit run app.py` (the quick start) serves the same pages without the warm-up.
"""
import streamlit as st

from dashboard.ui import warm_up

app = st.App("../app.py", lifespan=warm_up.lifespan)
