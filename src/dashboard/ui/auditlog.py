"""The audit log on the page Beheer: who did what, when and from which address, filtered by action,
user and period, as a table and as CSV or Excel (ui/downloads.py, export.py)."""
from __future__ import annotations

from datetime import datetime, time, timedelta, timezone

import pandas as pd
import streamlit as st

from dashboard import audit, clock, formatting
from dashboard.db import Database
from dashboard.ui import downloads

SHOWN = 500  # rows on the page; the download has them all
DEFAULT_DAYS = 30
HEADINGS = {"tijdstip": f"Tijdstip ({clock.ZONE_NAME})", "gebruiker": "Gebruiker", "actie": "Actie",
            "object": "Object", "adres": "Adres", "details": "Details"}


def _moment(day, days_later: int = 0) -> datetime:
    """The start of a Dutch day, in UTC (how the log stores its moments)."""
    return datetime.combine(day + timedelta(days=days_later), time.min, tzinfo=clock.ZONE).astimezone(timezone.utc)


def chosen_filter(acties, gebruiker: str, periode) -> audit.Filter:
    """The filter of the widgets: a period of whole Dutch days, from the first to the last inclusive."""
    days = [d for d in (periode if isinstance(periode, (tuple, list)) else (periode,)) if d]
    van = _moment(days[0]) if days else None
    tot = _moment(days[-1], 1) if days else None
    return audit.Filter(tuple(acties or ()), gebruiker or "", van, tot)


def _frame(db: Database, chosen: audit.Filter, limit: int | None = None) -> pd.DataFrame:
    with db.make_session() as session:
        return audit.rows(session, chosen, limit).rename(columns=HEADINGS)


def section(db: Database) -> None:
    st.subheader("Auditlog")
    st.caption("Wie wat deed, wanneer en vanaf welk netwerkadres: wijzigingen, inloggen (ook mislukt of vertraagd), "
               "uitloggen, wachtwoorden wijzigen, herstellinks en uitschakelen.")
    with db.make_session() as session:
        options = audit.acties(session)
    today = clock.today()
    left, middle, right = st.columns(3)
    acties = left.multiselect("Actie", options, key="audit_acties", placeholder="alle acties")
    gebruiker = middle.text_input("Gebruiker", key="audit_gebruiker", placeholder="iedereen",
                                  help="Een deel van de naam is genoeg; hoofdletters tellen niet.")
    periode = right.date_input("Periode", value=(today - timedelta(days=DEFAULT_DAYS), today), key="audit_periode",
                               format="DD-MM-YYYY", help="Van de eerste tot en met de laatste dag (Nederlandse tijd).")
    chosen = chosen_filter(acties, gebruiker, periode)
    with db.make_session() as session:
        total = audit.count(session, chosen)
    shown = _frame(db, chosen, SHOWN)
    st.caption(formatting.count(total, "regel", "regels")
               + (f"; hieronder de nieuwste {formatting.number(SHOWN)}, de download bevat ze allemaal."
                  if total > SHOWN else "."))
    st.dataframe(shown, hide_index=True, key="audit_tabel")
    downloads.table(lambda: _frame(db, chosen), "auditlog")
