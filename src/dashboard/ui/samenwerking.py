"""The samenwerkingsmonitor's results on screen: per party side by side, the gaps in words, over the
years, and the open remarks; each chart with its table. Never a single person's answer."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import charts, formatting
from dashboard.samenwerking.uitslag import MIN_RESPONDENTEN
from dashboard.samenwerking.vragenlijst import BY_KEY
from dashboard.ui import charts as show
from dashboard.ui.tekst import escaped


def _table(frame: pd.DataFrame, rows: str, columns: str) -> pd.DataFrame:
    """Means as a text table (a chart's alternative): one row per `rows`, one column per `columns`."""
    wide = frame.pivot(index=rows, columns=columns, values="gemiddelde")
    wide = wide.map(lambda v: formatting.number(v, 1))
    wide.columns = [str(c) for c in wide.columns]
    return wide.reset_index().rename(columns={"kort": "Stelling", "partij": "Partij", "jaar": "Jaar"}).astype(str)


def respondents(uitslag: dict) -> None:
    partijen = uitslag["partijen"]
    te_weinig = partijen[~partijen["getoond"]]
    mensen, aantal = uitslag["respondenten"], len(partijen)
    st.markdown(f"**{formatting.count(mensen, 'persoon', 'mensen')}** van {formatting.count(aantal, 'partij', 'partijen')} "
                f"{'vulde' if mensen == 1 else 'vulden'} de vragenlijst {uitslag['jaar']} in.")
    for row in te_weinig.to_dict("records"):
        n = row["respondenten"]
        st.info(f"Van {escaped(row['partij'])} {'antwoordde 1 persoon' if n == 1 else f'antwoordden {n} mensen'}: "
                f"de uitkomst van een partij verschijnt pas "
                f"vanaf {MIN_RESPONDENTEN} mensen, zodat niemands antwoord te herleiden is.", icon=":material/group:")


def gaps(uitslag: dict) -> None:
    st.subheader("Waar de partijen het verschillend zien", anchor=False)
    if uitslag["partijen"]["getoond"].sum() < 2:
        st.caption(f"Vergelijken kan zodra van twee partijen elk minstens {MIN_RESPONDENTEN} mensen antwoordden.")
        return
    if not uitslag["verschillen"]:
        st.success("Bij geen enkele stelling liggen de partijen een punt of meer uit elkaar.", icon=":material/check_circle:")
        return
    st.caption("Stellingen waarop partijen gemiddeld een punt of meer uit elkaar liggen, het grootste verschil eerst. "
               "Dit is het gesprek dat de stuurgroep moet voeren.")
    for gap in uitslag["verschillen"]:
        st.warning(escaped(gap["tekst"]), icon=":material/compare_arrows:")  # it names the parties


def side_by_side(uitslag: dict, partijen: list[str]) -> None:
    scores = uitslag["scores"]
    if scores.empty:
        st.info(f"Er is nog geen partij met {MIN_RESPONDENTEN} of meer antwoorden in {uitslag['jaar']}.")
        return
    show.figure(charts.scores_per_party(scores, f"Per stelling, per partij ({uitslag['jaar']})", partijen),
                _table(scores, "kort", "partij"), key="samenwerking_partijen",
                alt="Stippen per stelling op een schaal van 1 tot 5, één kleur en vorm per partij; "
                    "hoe verder de stippen uit elkaar liggen, hoe meer de partijen verschillen.")


def over_the_years(verloop: pd.DataFrame, stelling: str | None, per_stelling: pd.DataFrame, partijen: list[str]) -> None:
    st.subheader("Door de jaren heen", anchor=False)
    if verloop["jaar"].nunique() < 2:
        st.caption("Na een tweede jaar is hier te zien hoe de samenwerking zich ontwikkelt.")
        return
    show.figure(charts.scores_over_years(verloop, "Gemiddelde over alle stellingen, per partij", partijen),
                _table(verloop, "partij", "jaar"), key="samenwerking_jaren",
                alt="Lijnen per partij: de gemiddelde score over alle stellingen, per jaar.")
    if stelling and not per_stelling.empty:
        kort = BY_KEY[stelling].kort
        show.figure(charts.scores_over_years(per_stelling, f"{kort}: per partij door de jaren", partijen),
                    _table(per_stelling, "partij", "jaar"), key="samenwerking_stelling",
                    alt=f"Lijnen per partij: de score op '{kort}' per jaar. Gaat het verschil dicht?")


def remarks(uitslag: dict) -> None:
    st.subheader("Open opmerkingen", anchor=False)
    if not uitslag["opmerkingen"]:
        st.caption("Geen opmerkingen (of te weinig antwoorden om ze zonder naam te kunnen tonen).")
        return
    st.caption("Zonder naam en zonder partij, op alfabet.")
    for text in uitslag["opmerkingen"]:
        st.text(f"“{text}”")
