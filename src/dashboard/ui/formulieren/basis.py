"""What the editing forms share: the problems per field, the success message, one write in one transaction.

`confirm` is the one way a save is confirmed: a toast naming what was saved. A message at the form
lay out of view after the rerun (on a phone far below); a toast shows in view wherever one scrolled.

Each form saves in a button callback, so the core's Dutch message for a field can be shown right
under that field on the next run. A callback writes as the visitor asked of the database at that
moment (`visitor.afresh`), not as the one the form was drawn for, and the core asks
`access.require` again, with the afspraak's parties read from the database, before it writes;
pages only show a form when `access.may`/`may_on` says yes.
"""
from __future__ import annotations

import logging

import streamlit as st

from dashboard import afspraken
from dashboard.db import Database
from dashboard.diagnosis import DatabaseProblem, diagnose
from dashboard.toegang import access
from dashboard.ui.tekst import escaped

GEEN = ""
log = logging.getLogger(__name__)


def problems(form: str) -> dict[str, str]:
    return st.session_state.get(f"_fouten_{form}", {})


def error(form: str, field: str) -> None:
    message = problems(form).get(field)
    if message:  # it may quote what was typed (a number, a partij's name): text, not Markdown
        st.error(escaped(message), icon=":material/error:")


def confirm(message: str) -> None:
    """Say a save succeeded, naming what was saved, in view."""
    st.toast(message, icon=":material/check_circle:", duration="long")


def done(form: str) -> None:
    message = st.session_state.pop(f"_gelukt_{form}", None)
    if message:
        confirm(message)


def run(form: str, db: Database, write, success: str) -> bool:
    """Call write(session) in one transaction; keep the problems per field, or the success message."""
    try:
        with db.session() as session:
            write(session)
    except afspraken.Invalid as invalid:
        st.session_state[f"_fouten_{form}"] = invalid.problems
        return False
    except access.NotAllowed as refused:  # also said at the top: the form may be gone on the next run
        st.session_state[f"_fouten_{form}"] = {"_": str(refused)}
        st.error(escaped(str(refused)), icon=":material/block:")
        return False
    except (DatabaseProblem, OSError) as problem:  # full, read-only, busy, a clash; a photo on a full disk
        found = diagnose(problem, db.engine.url)
        log.error("Opslaan van %s mislukt: %s", form, found.for_beheerder)
        st.session_state[f"_fouten_{form}"] = {"_": found.message}
        st.error(f"**{found.headline}** {found.advice}", icon=":material/database:")
        return False
    st.session_state[f"_fouten_{form}"] = {}
    st.session_state[f"_gelukt_{form}"] = success
    return True

