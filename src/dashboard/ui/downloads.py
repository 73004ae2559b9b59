"""Download buttons for what a page shows: CSV for Dutch Excel and an .xlsx workbook."""
from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st

from dashboard import export
from dashboard.toegang import access
from dashboard.ui import visitor


def table(frame: pd.DataFrame | Callable[[], pd.DataFrame], name: str) -> None:
    """The buttons, only for visitors who may download (a share link can switch them off). `frame` may
    be a function that reads the table: then it is read only when a button is pressed."""
    if not access.may(visitor.current(), "downloaden"):
        return
    make = frame if callable(frame) else (lambda: frame)
    row = st.container(horizontal=True)  # side by side, and on a phone under each other when they do not fit
    row.download_button("Download CSV", lambda: export.csv_bytes(make()), file_name=f"{name}.csv",
                         mime="text/csv", icon=":material/download:", key=f"csv_{name}", on_click="ignore")
    row.download_button("Download Excel", lambda: export.xlsx_bytes(make()), file_name=f"{name}.xlsx",
                          mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                          icon=":material/download:", key=f"xlsx_{name}", on_click="ignore")
