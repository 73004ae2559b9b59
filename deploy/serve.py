"""The pages of app.py served as st.App, warmed before the first visitor (dashboard/ui/warm_up.py).

    streamlit run deploy/serve.py [--server.port 8501 ...]    # from the repository's root

For a server that others use (deploy/replicas.sh starts its replicas this way): its health
check answers only once the imports, the database and the first view's figures are ready, every
answer carries the security headers (Content-Security-Policy and the rest), the login cookie is
set by the server, HttpOnly, and a failed sign-on with the organisation's account comes back as a
Dutch message (dashboard/ui/server.py). `streamlit run app.py` (the quick start) serves the same
pages, warmed the same way, without the other three.
"""
import streamlit as st
from starlette.middleware import Middleware

from dashboard.ui import server, warm_up

BASE_PATH = st.get_option("server.baseUrlPath") or ""
app = st.App("../app.py", lifespan=warm_up.lifespan, routes=server.routes(BASE_PATH),
             middleware=[Middleware(server.Answers, base_path=BASE_PATH)])
