"""The samenwerkingsmonitor's questionnaire."""
from __future__ import annotations

import streamlit as st

from dashboard.db import Database
from dashboard.samenwerking import antwoorden, vragenlijst
from dashboard.toegang import access
from dashboard.ui import runtime, visitor as bezoeker
from dashboard.ui.formulieren.basis import done, error, run
from dashboard.ui.tekst import escaped


# ---------------------------------------------------------------- samenwerkingsmonitor

def samenwerking(db: Database, visitor: access.Visitor, jaar: int, eigen: antwoorden.Antwoord | None) -> None:
    """The yearly questionnaire for an account of a partij; an earlier answer this year is shown back to change."""
    form = f"sw{jaar}"
    done(form)
    error(form, "_")
    scores = eigen.scores if eigen else {}
    keuzes = [1, 2, 3, 4, 5, None]
    with st.form(form, border=True):
        st.caption(f"U antwoordt namens **{escaped(visitor.partij)}**. Niemand ziet uw eigen antwoorden; de uitkomst per partij "
                   f"verschijnt pas als minstens drie mensen van die partij hebben geantwoord."
                   + (" U vulde de vragenlijst dit jaar al in: wat u nu opslaat, vervangt uw eerdere antwoord." if eigen else ""))
        for stelling in vragenlijst.STELLINGEN:
            st.radio(stelling.tekst, keuzes, index=keuzes.index(scores.get(stelling.key)), horizontal=True,
                     key=f"{form}_{stelling.key}",
                     format_func=lambda k: f"{k} {vragenlijst.SCHAAL[k]}" if k else "weet ik niet")
            error(form, stelling.key)
        st.text_area("Wat wilt u nog kwijt over de samenwerking? (wordt zonder naam getoond)",
                     value=eigen.opmerking if eigen else "", key=f"{form}_opmerking", max_chars=antwoorden.MAX_OPMERKING)
        error(form, "opmerking")
        st.form_submit_button("Antwoord opslaan", type="primary", on_click=_save_samenwerking, args=(form, db, jaar))


@runtime.guarded
def _save_samenwerking(form: str, db: Database, jaar: int) -> None:
    s = st.session_state
    antwoord = antwoorden.Antwoord(jaar=jaar, scores={st_.key: s[f"{form}_{st_.key}"] for st_ in vragenlijst.STELLINGEN},
                                   opmerking=s[f"{form}_opmerking"])
    run(form, db, lambda session: antwoorden.save(session, bezoeker.afresh(), antwoord),
         f"Dank u wel! Uw antwoord voor {jaar} is opgeslagen.")
