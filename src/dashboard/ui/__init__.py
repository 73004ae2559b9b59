"""Streamlit components shared by the pages: the only package besides app.py and pages/ that imports streamlit."""
