"""Captions and a transcript for a story's video, added or replaced by whoever may edit the story."""
from __future__ import annotations

from pathlib import Path

import streamlit as st

from dashboard.db import Database
from dashboard.toegang import access
from dashboard.ui import navigation, runtime, visitor as bezoeker
from dashboard.ui.formulieren.basis import done, error, run
from dashboard.ui.tekst import escaped
from dashboard.verhalen import ondertitels
from dashboard.verhalen.verhalen import VerhaalInfo


def ondertitels_aanpassen(db: Database, visitor: access.Visitor, dit_verhaal: VerhaalInfo, media_dir: Path) -> None:
    """One small form per video file of the story; nothing shown to whoever may not edit it."""
    if not access.may_on(visitor, "verhaal_bewerken", {dit_verhaal.partij_id}):
        return
    for nummer, item in enumerate((m for m in dit_verhaal.media if m.soort == "video"), start=1):
        form = f"ot{item.id}"
        naam = escaped(item.bijschrift or f"video {nummer}")
        titel = f"Ondertitels en transcript: {naam}" if item.ondertitels else f"Ondertitels toevoegen: {naam}"
        with st.expander(titel, icon=":material/closed_caption:", expanded=bool(st.session_state.get(f"_fouten_{form}"))):
            done(form)
            error(form, "_")
            st.caption("Ondertitels maken de video te volgen voor wie niet (goed) hoort. Kies een .vtt- of "
                       ".srt-bestand (uit bijvoorbeeld YouTube Studio, Subtitle Edit of Amara)."
                       + (" Er zijn al ondertitels; een nieuw bestand vervangt ze." if item.ondertitels else ""))
            with st.form(form, border=False):
                st.file_uploader("Ondertitelbestand (.vtt of .srt)", type=["vtt", "srt"],
                                 key=f"{form}_bestand_{st.session_state.get(f'_{form}_n', 0)}")
                error(form, "ondertitels")
                st.text_area("Transcript: wat er in de video gezegd wordt en gebeurt", value=item.transcript,
                             height=140, key=f"{form}_transcript")
                error(form, "transcript")
                st.form_submit_button("Ondertitels en transcript opslaan", on_click=_save, args=(form, db, item.id, media_dir))


@runtime.guarded
def _save(form: str, db: Database, media_id: int, media_dir: Path) -> None:
    s = st.session_state
    n = s.get(f"_{form}_n", 0)
    bestand = s.get(f"{form}_bestand_{n}")
    if run(form, db, lambda session: ondertitels.save(session, bezoeker.afresh(), media_id,
                                                       bestand.getvalue() if bestand is not None else None,
                                                       s[f"{form}_transcript"], media_dir),
           "De ondertitels en het transcript zijn opgeslagen."):
        s[f"_{form}_n"] = n + 1  # a new, empty file field: the stored file is not sent again


def ontbrekend(missing: list[tuple[int, str]]) -> None:
    """For editors: how many videos still lack captions (ondertitels.zonder_ondertitels), with a link to each story."""
    if missing:
        wat = "video zonder ondertitels" if len(missing) == 1 else "video's zonder ondertitels"
        with st.container(border=True):
            st.markdown(f":material/closed_caption_disabled: **{len(missing)} {wat}.** Voeg ze toe bij het verhaal: "
                        "wie niet (goed) hoort, volgt de video dan ook.")
            for verhaal_id, titel in dict(missing).items():
                navigation.link("pages/verhalen.py", label=escaped(titel), icon=":material/closed_caption:",
                                query_params={"verhaal": str(verhaal_id)})
