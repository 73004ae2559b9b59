"""The stuurgroep's side of the app: the list of meetings with their decks and downloads, and the
besluiten beside an afspraak and on the Kompas (the agenda editor and the besluit form are in
ui/formulieren/vergadering.py).

User text is shown with st.text or escaped (ui/tekst.py).
"""
from __future__ import annotations

from pathlib import Path

import streamlit as st

from dashboard import clock, formatting
from dashboard.ui import navigation
from dashboard.ui.tekst import escaped, escaped_lines, small
from dashboard.vergadering import agenda, besluiten, export
from dashboard.vergadering.deck import Deck

PAGE = "pages/presentatie.py"
BADGE = {"aangenomen": ":green-badge[:material/check_circle: Aangenomen]",
         "aangehouden": ":orange-badge[:material/pause_circle: Aangehouden]"}
KIOSK_SECONDS = 20


# ---------------------------------------------------------------- meetings and their decks

def vergaderingen(rows: list[agenda.VergaderingRij], decks: dict[int, Deck], media_dir: Path, may_download: bool) -> None:
    """Every meeting with a link to present it, a kiosk link and (where allowed) PPTX and PDF downloads."""
    if not rows:
        st.info("Er is nog geen vergadering. Een redacteur of beheerder kan er hieronder een voorbereiden.",
                icon=":material/event:")
        return
    lacking = export.missing() if may_download else None
    for row in rows:
        with st.container(border=True):
            soon = " · komt eraan" if row.datum >= clock.today() else ""
            st.markdown(f"**{escaped(row.titel)}** · {formatting.day(row.datum)}{soon}")
            st.caption(f"{formatting.count(row.punten, 'agendapunt', 'agendapunten')} · "
                       f"{formatting.count(row.besluiten, 'besluit', 'besluiten')}")
            links = st.columns(4, vertical_alignment="center")
            with links[0]:
                navigation.link(PAGE, label="Presenteren", icon=":material/slideshow:",
                                query_params={"vergadering": str(row.id)})
            with links[1]:
                navigation.link(PAGE, label="Kiosk (loopt vanzelf)", icon=":material/autoplay:",
                                query_params={"vergadering": str(row.id), "kiosk": "1", "sec": str(KIOSK_SECONDS)})
            if not may_download:
                continue
            if lacking:
                links[2].caption(f":material/info: {lacking}")
                continue
            deck = decks[row.id]
            name = f"stuurgroep-{row.datum.isoformat()}"
            links[2].download_button("Download PowerPoint", lambda d=deck: export.pptx_bytes(d, media_dir),
                                     file_name=f"{name}.pptx", icon=":material/download:", on_click="ignore",
                                     mime="application/vnd.openxmlformats-officedocument.presentationml.presentation",
                                     key=f"pptx_{row.id}")
            links[3].download_button("Download PDF", lambda d=deck: export.pdf_bytes(d, media_dir),
                                     file_name=f"{name}.pdf", mime="application/pdf", icon=":material/download:",
                                     on_click="ignore", key=f"pdf_{row.id}")


def not_found(asked: str) -> None:
    st.warning(f"Vergadering {escaped(asked[:12])} bestaat niet (meer). Kies hieronder een vergadering.",
               icon=":material/event_busy:")


# ---------------------------------------------------------------- besluiten elsewhere in the app

def _besluit(besluit: besluiten.BesluitInfo, with_afspraak: bool) -> None:
    """A besluit in a container: one markdown (every element is a message to every viewer) with its
    outcome, the voorstel in its own lines, and the objections and what follows in small lines."""
    with st.container(border=True):
        wie = f"{escaped(besluit.afspraak or '')} {escaped(besluit.afspraak_titel)} · " if with_afspraak else ""
        regels = [f"Bezwaar van {escaped(bezwaar.partij)}: {escaped(bezwaar.reden)} · "
                  f"{escaped(bezwaar.verwerking or 'het bezwaar staat nog')}" for bezwaar in besluit.bezwaren]
        if besluiten.change_text(besluit):
            regels.append(f":material/edit_note: Wijziging: {escaped(besluiten.change_text(besluit))}")
        if besluit.vervolgstap:
            regels.append(f"Volgende stap: {escaped(besluit.vervolgstap)}")
        regels.append(f"Opnieuw bekijken op {formatting.day(besluit.evaluatie)}")
        st.markdown(f"{BADGE[besluit.uitkomst]} {wie}{formatting.day(besluit.datum)} · {escaped(besluit.vergadering)}"
                    f"\n\n{escaped_lines(besluit.voorstel)}\n\n" + "  \n".join(small(regel) for regel in regels))
        if with_afspraak and besluit.afspraak_id:
            navigation.link("pages/afspraken.py", label="Naar de afspraak", icon=":material/arrow_forward:",
                            query_params={"afspraak": str(besluit.afspraak_id)})


def for_afspraak(rows: list[besluiten.BesluitInfo], history: list[besluiten.HistorieRegel]) -> None:
    """On the afspraak page: what the stuurgroep decided about it, and what those decisions changed."""
    st.subheader("Besluiten van de stuurgroep", anchor=False)
    if not rows:
        st.caption("De stuurgroep heeft over deze afspraak nog niets besloten.")
    for besluit in rows:
        _besluit(besluit, with_afspraak=False)
    if history:
        st.markdown("**Gewijzigd door besluiten**")
        for line in history:
            st.caption(f"{formatting.day(line.datum)} · besluit {line.besluit} ({escaped(line.vergadering)}): "
                       f"{escaped(line.wijziging)}")


def latest(rows: list[besluiten.BesluitInfo]) -> None:
    """On the Kompas: the newest decisions, with the way to their afspraak and to the meetings."""
    st.header("Laatste besluiten van de stuurgroep", anchor=False)
    if not rows:
        st.caption("Nog geen besluiten.")
    for besluit in rows:
        _besluit(besluit, with_afspraak=True)
    navigation.link(PAGE, label="Vergaderingen en presentatie", icon=":material/co_present:")
