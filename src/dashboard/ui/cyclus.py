"""The cycle page's views: the five phases of a year, the bods beside the afspraken, who signed,
the geschillen; and on the Kompas, what the cycle asks now. User text is escaped (ui/tekst.py)."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import streamlit as st

from dashboard import formatting
from dashboard.cyclus import bod as bod_core
from dashboard.cyclus.dossier import Dossier
from dashboard.cyclus.fasen import NAMEN, STATUS, Cyclus
from dashboard.cyclus.geschil import STATUS_LABELS
from dashboard.ui import navigation
from dashboard.ui.tekst import escaped

STYLE = {"klaar": ("green", ":material/task_alt:"), "loopt": ("blue", ":material/schedule:"),
         "te_laat": ("red", ":material/warning:"), "nog_niet": ("gray", ":material/hourglass_empty:")}
SOORTEN = {"gemeente": "Gemeente", "corporatie": "Corporatie", "huurdersorganisatie": "Huurdersorganisatie"}


def fasen(cyclus: Cyclus) -> None:
    """Five cards in a row (stacked on a phone): phase, deadline, status as icon, word and colour."""
    for column, fase in zip(st.columns(len(cyclus.fasen)), cyclus.fasen):
        with column.container(border=True):
            st.markdown(f"**{NAMEN[fase.fase]}**")
            colour, icon = STYLE[fase.status]
            st.badge(STATUS[fase.status], icon=icon, color=colour)
            if fase.termijn:
                st.caption(f"{'Tot en met' if fase.fase == 'uitvoering' else 'Voor'} {formatting.day(fase.termijn)}")
            st.markdown(escaped(fase.uitleg))


def bods(cyclus: Cyclus, naast: list[str], media_dir: Path, may_download: bool) -> None:
    st.header("Bods van de corporaties", anchor=False)
    termijn = cyclus.fasen[0].termijn
    st.caption(f"Voor de afspraken van {cyclus.jaar} brengt elke corporatie voor {formatting.day(termijn)} een bod "
               "uit: haar bijdrage aan het volkshuisvestingsbeleid (art. 44 Woningwet).")
    for info in cyclus.bods:
        with st.container(border=True):
            if info.ontvangen_op is None:
                st.markdown(f"**{escaped(info.partij)}** · :gray-badge[:material/hourglass_empty: Nog niet ontvangen]")
                continue
            late = (f" · :red-badge[:material/warning: {formatting.count(info.dagen_te_laat, 'dag', 'dagen')} te laat]"
                    if info.dagen_te_laat else " · :green-badge[:material/check: Op tijd]")
            st.markdown(f"**{escaped(info.partij)}** · ontvangen op {formatting.day(info.ontvangen_op)}{late}")
            if info.samenvatting:
                st.text(info.samenvatting)
            if info.cijfers:
                st.markdown("\n".join(f"- {escaped(formatting.capital(o))}: {formatting.value(w, e)}"
                                       for o, w, e, _ in info.cijfers))
            found = bod_core.document(info.document, media_dir) if may_download else None
            if found:
                st.download_button(f"Bod als PDF ({escaped(info.document_naam or 'bod.pdf')})", found.read_bytes(),
                                   file_name=info.document_naam or "bod.pdf", mime="application/pdf",
                                   icon=":material/download:", on_click="ignore", key=f"bod_{cyclus.jaar}_{info.partij}")
    if naast:
        st.subheader("Bod naast de afspraken", anchor=False)
        st.markdown("\n".join(f"- {escaped(line)}" for line in naast))


def handtekeningen(cyclus: Cyclus) -> None:
    st.header("Ondertekening", anchor=False)
    st.caption(f"De afspraken voor {cyclus.jaar} horen voor {formatting.day(cyclus.fasen[2].termijn)} getekend te zijn "
               "door de gemeente, elke corporatie en elke huurdersorganisatie.")
    if not cyclus.handtekeningen:
        st.caption("Er zijn nog geen partijen vastgelegd.")
        return
    st.markdown("\n".join(  # a list, not a table: on a phone every signature stays in view
        f"- **{escaped(h.partij)}** ({SOORTEN[h.soort].lower()}): "
        + (f"getekend op {formatting.day(h.datum)} door {escaped(h.naam)}, {escaped(h.functie)}" if h.datum
           else ":orange-badge[nog niet getekend]") for h in cyclus.handtekeningen))


def geschillen(cyclus: Cyclus) -> None:
    if not cyclus.geschillen:
        return
    st.header("Geschillen", anchor=False)
    for _, status, punt in cyclus.geschillen:
        st.markdown(f":orange-badge[:material/balance: {STATUS_LABELS[status]}] {escaped(punt)}")


def te_doen(lines: list[str]) -> None:
    """On the Kompas: what the cycle asks now, with a link to the cycle page."""
    if not lines:
        return
    st.header("Wat de cyclus nu vraagt", anchor=False)
    st.markdown("\n".join(f"- {escaped(line)}" for line in lines))
    navigation.link("pages/cyclus.py", label="Naar de cyclus", icon=":material/event_repeat:")


def documenten(cyclus: Cyclus, dossier: Dossier | None, publicatie: Callable[[], bytes]) -> None:
    """For redacteuren and beheerders: the geschil dossier for the minister and the publication for
    the website, each made when its button is pressed."""
    st.header("Documenten", anchor=False)
    if dossier is not None:
        st.download_button("Geschildossier voor de minister (PDF)", dossier.pdf, mime="application/pdf",
                           file_name=f"geschildossier-{cyclus.jaar}.pdf", icon=":material/download:",
                           on_click="ignore", key=f"dossier_{cyclus.jaar}")
        if dossier.ontbreekt:
            st.caption(f"Nog aan te vullen voordat het verzoek weg kan: {escaped(', '.join(dossier.ontbreekt))}.")
    st.download_button("Publicatie voor de website (PDF en CSV in een ZIP)", publicatie, mime="application/zip",
                       file_name=f"prestatieafspraken-{cyclus.jaar}.zip", icon=":material/download:",
                       on_click="ignore", key=f"publicatie_{cyclus.jaar}")
    st.caption("De afspraken, de besluitenlijst en de voortgang, met in datapackage.json de titel, de datum, de "
               "partijen en de licentie.")
