"""For the tests and benchmarks only: drives the app from outside, as a real `streamlit run` server
(live_server) visited over its websocket protocol (protocol), with throw-away PostgreSQL databases
(postgres). The app never imports this package (like streamlit.testing or django.test)."""
