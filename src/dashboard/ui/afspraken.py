"""Afspraken on screen: opgave cards with status counts, the board's attention list, the grouped
list, and the detail view that puts tellen (status, KPI, jaarschijf) beside vertellen (stories).

User text (titles, names, toelichtingen, the ambitie) is text: escaped or st.text (ui/tekst.py)."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import streamlit as st

from dashboard import afspraken, formatting
from dashboard.afspraken import ROL_LABELS, SOORT_LABELS, VELD_LABELS
from dashboard.gewone_taal import zinnen
from dashboard.ui import gewone_taal, made, navigation, raster, status, verhalen
from dashboard.ui import charts as show
from dashboard.ui.tekst import escaped, small
from dashboard.verhalen.verhalen import VerhaalInfo

LINK = "pages/afspraken.py"
# the Kompas's cards, from the held overview: counted once for every viewer of a link
status_counts = made.once(afspraken.status_counts)
card_descriptions = made.once(afspraken.card_descriptions)


def _link(row: dict, label: str | None = None) -> None:
    navigation.link(LINK, label=label or escaped(f"{row['nummer']} {row['titel']}"), icon=":material/arrow_forward:",
                 query_params={"afspraak": str(row["id"])})


def cards(counts: pd.DataFrame, omschrijvingen: dict[str, str]) -> None:
    """One card per opgave (or wettelijk veld): name, what it is about, its afspraken by status. A card
    is a container and one Markdown body, its name an h3 in it, under the section's h2 (on a phone
    ui/telefoon.py makes it smaller than that h2, as it does st.subheader's)."""
    with raster.grid("kaarten"):
        for groep in counts.index:
            totaal = int(counts.loc[groep].sum())
            omschrijving = omschrijvingen.get(groep)
            delen = [f"### {escaped(groep)}", small(escaped(omschrijving)) if omschrijving else "",
                     f"**{formatting.count(totaal, 'afspraak', 'afspraken')}** · "
                     + status.counts(counts.loc[groep].to_dict())]
            st.container(border=True, width=raster.CARD).markdown("\n\n".join(deel for deel in delen if deel),
                                                                   anchors=False)


def _attention_rows(rows: pd.DataFrame) -> list[dict]:
    """Each row's link and its written lines, status and toelichting in one body (made once from the
    held read, for every viewer)."""
    return [{"id": row["id"], "nummer": row["nummer"], "titel": row["titel"],
             "regels": (":violet-badge[:material/gavel: Dilemma voor het bestuur] " if row["dilemma"] else "")
             + status.text(row["status"]) + f" · bijgewerkt {formatting.day(row['datum'])}  \n"
             + small(escaped(row["toelichting"]))}
            for row in rows.to_dict("records")]


_attention_rows_once = made.once(_attention_rows)


def attention(rows: pd.DataFrame) -> None:
    if rows.empty:
        st.success("Er ligt nu niets dat bestuurlijke aandacht vraagt.", icon=":material/check_circle:")
        return
    for row in _attention_rows_once(rows):
        with st.container(border=True):
            _link(row)
            st.markdown(row["regels"])


def _procent(aandeel: float) -> str:
    return f"{formatting.number(round(aandeel * 100))}%"


def traject_text(traject: afspraken.Traject) -> str:
    """'302 van 450 woningen (67%) · 2 van de 4 jaar (50%)', or for a stock its way from the start to the target."""
    eenheid = traject.eenheid
    tijd = f"{traject.geteld} van de {traject.jaren} jaar ({_procent(traject.aandeel_tijd)})"
    if traject.soort == "opgeteld":
        stand = f"{formatting.number(traject.stand)} van {formatting.value(traject.doel, eenheid)}"
    else:
        stand = (f"van {formatting.value(traject.begin, eenheid)} naar {formatting.value(traject.doel, eenheid)}, "
                 f"nu {formatting.value(traject.stand, eenheid)}")
    if traject.aandeel is not None:
        stand += f" ({_procent(traject.aandeel)}{' van de weg' if traject.soort == 'stand' else ''})"
    return f"{stand} · {tijd}"


def traject_bar(traject: afspraken.Traject) -> None:
    """The progress as a bar with its figure beside the share of the looptijd passed."""
    aandeel = traject.aandeel if traject.aandeel is not None else 0.0
    st.progress(min(max(round(aandeel * 100), 0), 100), text=traject_text(traject))


def overview(rows: pd.DataFrame, trajecten: dict[int, afspraken.Traject] | None = None) -> None:
    """The list grouped by opgave or wettelijk veld; each afspraak with status, trekker and looptijd,
    and where it counts towards a target over its looptijd, a bar with how far it is."""
    trajecten = trajecten or {}
    if rows.empty:
        st.info("Geen afspraken met deze filters. Maak een filter leeg om meer te zien.")
        return
    for groep, group in rows.groupby("groep", sort=False):
        st.subheader(escaped(groep), anchor=False)
        for row in group.to_dict("records"):
            left, right = st.columns([3, 2])
            with left:
                _link(row)
            with right:
                dilemma = " :violet-badge[:material/gavel: dilemma]" if row["dilemma"] else ""
                st.markdown(status.text(row["status"]) + dilemma)
                st.caption(f"Trekker: {escaped(row['trekker'])} · {row['van_jaar']}–{row['tot_jaar']}")
                if row["id"] in trajecten:
                    traject_bar(trajecten[row["id"]])


def _derived(info: afspraken.AfspraakInfo, cijfer: afspraken.Cijfer | None) -> None:
    st.markdown("**Gemelde status** (door de partijen)")
    status.badge(info.status)
    if info.indicator is None:
        st.caption("Geen gekoppelde indicator: de status komt alleen van de partijen.")
        return
    if cijfer is None:
        st.caption("Er zijn nog geen cijfers voor deze indicator.")
        return
    afgeleid, traject = cijfer.afgeleid, cijfer.traject
    if traject is not None:
        st.markdown(f"**Over de hele looptijd** ({traject.van_jaar}–{traject.tot_jaar})")
        traject_bar(traject)
        if traject.ontbrekend:
            st.caption("Geen cijfer voor " + ", ".join(str(j) for j in traject.ontbrekend) + ": de afgeleide "
                       "status volgt daarom het cijfer van één jaar.")
    st.markdown("**Afgeleide status** (uit de cijfers)")
    if afgeleid is None:
        st.caption("De cijfers zeggen nog niets: geen recente waarde of geen streefwaarde.")
        return
    status.badge(afgeleid.status, prefix="Volgens de cijfers: ")
    st.metric(escaped(cijfer.naam), cijfer.kop)
    st.caption(escaped(cijfer.grondslag))  # it names the indicator
    verschil = afspraken.twee_statussen(info.status, afgeleid)
    if verschil:
        st.markdown(f":material/forum: **{verschil}**: dat verschil is het gesprek voor het bestuur.")
        st.caption(escaped(afspraken.verschil_uitleg(info, afgeleid)))  # it names the partij that reported


def detail(info: afspraken.AfspraakInfo, cijfer: afspraken.Cijfer | None, verhaallijst: list[VerhaalInfo],
           media_dir: Path) -> None:
    """Tellen on the left, vertellen on the right; the figures also in plain sentences."""
    st.title(escaped(f"{info.nummer} {info.titel}"))
    velden = ", ".join(VELD_LABELS[v] for v in info.velden)
    st.caption(f"{SOORT_LABELS[info.soort]} · opgave: {escaped(info.opgave)} · wettelijke velden: {velden} · "
               f"looptijd {info.van_jaar}–{info.tot_jaar}"
               + (f" · dient het doel: {escaped(info.doel[1])}" if info.doel else ""))
    if info.ambitie.strip():
        st.text(info.ambitie.strip())
    tellen, vertellen = st.columns([3, 2], gap="large")
    with tellen:
        st.header("Tellen", anchor=False)
        gewone_taal.panel([zinnen.afspraak(info, cijfer)], key="gewone_taal_afspraak")
        _derived(info, cijfer)
        if cijfer is not None:
            show.figure(show.trend(cijfer.reeks, cijfer.naam, cijfer.eenheid, cijfer.reeks_titel),
                        show.trend_table(cijfer.reeks), key="afspraak_trend", eenheid=cijfer.eenheid,
                        alt=f"Lijngrafiek van {cijfer.reeks_titel} met de streefwaarde gestippeld.")
        jaarschijf(info.activiteiten, key="jaarschijf")
        st.subheader("Wie doet wat", anchor=False)
        partijen = info.partijen.assign(rol=lambda f: f["rol"].map(ROL_LABELS))
        st.dataframe(partijen, hide_index=True, column_config={
            "partij": "Partij", "soort": "Soort", "rol": "Rol", "taak": "Taak"})
        st.subheader("Voortgang", anchor=False)
        for row in info.voortgang.to_dict("records"):
            with st.container(border=True):
                dilemma = " :violet-badge[:material/gavel: Dilemma voor het bestuur]" if row["dilemma"] else ""
                st.markdown(f"{formatting.day(row['datum'])} · {status.text(row['status'])}{dilemma}")
                st.caption(f"Door {escaped(row['auteur'] or 'onbekend')}"
                           + (f" · {escaped(row['gebruiker'])}" if row["gebruiker"] else ""))
                st.text(row["toelichting"])
                if row["geleerd"]:
                    st.markdown("**Wat we leerden**")
                    st.text(row["geleerd"])
        if info.voortgang.empty:
            st.caption("Nog geen voortgang gemeld.")
    with vertellen:
        st.header("Vertellen", anchor=False)
        if not verhaallijst:
            st.caption("Bij deze afspraak is nog geen verhaal verteld.")
        for verhaal in verhaallijst:
            with st.container(border=True):
                st.markdown(f"**{escaped(verhaal.titel)}**")
                verhalen.quote(verhaal)
                for item in verhaal.media:
                    verhalen.show_media(item, media_dir)
                navigation.link("pages/verhalen.py", label="Lees het hele verhaal", icon=":material/auto_stories:",
                             query_params={"verhaal": str(verhaal.id)})


def jaarschijf(activiteiten: pd.DataFrame, key: str) -> None:
    """The chosen year's SMART activities with their status."""
    st.subheader("Jaarschijf", anchor=False)
    if activiteiten.empty:
        st.caption("Nog geen activiteiten in een jaarschijf.")
        return
    beschikbaar = sorted(activiteiten["jaar"].unique().tolist())
    jaar = st.segmented_control("Jaar", beschikbaar, default=beschikbaar[min(1, len(beschikbaar) - 1)],
                                key=key, required=True)
    for row in activiteiten[activiteiten["jaar"] == jaar].to_dict("records"):
        st.markdown(f"{status.text(row['status'])} {escaped(row['omschrijving'])}")
        st.caption(f"Trekker: {escaped(row['trekker'] or 'nog niet bekend')}")

