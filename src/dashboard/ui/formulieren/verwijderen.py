"""Deleting a story, or one photo, video or link of it, by whoever may edit the story; asked twice."""
from __future__ import annotations

import textwrap
from pathlib import Path

import streamlit as st

from dashboard.db import Database
from dashboard.toegang import access
from dashboard.ui import runtime, visitor as bezoeker
from dashboard.ui.formulieren.basis import confirm, done, error, run
from dashboard.ui.tekst import escaped
from dashboard.verhalen import verhalen
from dashboard.verhalen.verhalen import MEDIA_LABELS, VerhaalInfo


def verwijderen(db: Database, visitor: access.Visitor, dit_verhaal: VerhaalInfo, media_dir: Path) -> None:
    """An expander to delete a photo, video or link, or the whole story; nothing shown to whoever may not edit it."""
    if not access.may_on(visitor, "verhaal_bewerken", {dit_verhaal.partij_id}):
        return
    form = f"vw{dit_verhaal.id}"
    with st.expander("Verwijderen", icon=":material/delete:"):
        done(form)
        error(form, "_")
        st.caption("Wat u verwijdert, is meteen weg: uit de verhalen, de presentaties en de downloads, "
                   "en de bestanden worden van de server gewist.")
        for item in dit_verhaal.media:
            naam = item.alt_tekst if item.soort == "foto" else item.bijschrift or item.url or ""
            st.button(f"{MEDIA_LABELS[item.soort]} verwijderen: {escaped(textwrap.shorten(naam, 50, placeholder=' …'))}", key=f"{form}_m{item.id}",
                      icon=":material/delete:", on_click=_media, args=(form, db, item.id, item.soort, media_dir))
        zeker = st.checkbox("Ja, verwijder dit verhaal met al zijn foto's en video's", key=f"{form}_zeker")
        st.button("Verhaal verwijderen", key=f"{form}_verhaal", type="primary", icon=":material/delete_forever:",
                  disabled=not zeker, on_click=_verhaal, args=(form, db, dit_verhaal.id, dit_verhaal.titel, media_dir))


@runtime.guarded
def _media(form: str, db: Database, media_id: int, soort: str, media_dir: Path) -> None:
    run(form, db, lambda session: verhalen.delete_media(session, bezoeker.afresh(), media_id, media_dir),
        f"De {MEDIA_LABELS[soort].lower()} is verwijderd.")


@runtime.guarded
def _verhaal(form: str, db: Database, verhaal_id: int, titel: str, media_dir: Path) -> None:
    if run(form, db, lambda session: verhalen.delete_verhaal(session, bezoeker.afresh(), verhaal_id, media_dir),
           f"Het verhaal «{escaped(titel)}» is verwijderd."):
        st.session_state.pop(f"_gelukt_{form}", None)  # the story's page is gone: say it on the gallery
        confirm(f"Het verhaal «{escaped(titel)}» is verwijderd.")
        st.query_params.pop("verhaal", None)
