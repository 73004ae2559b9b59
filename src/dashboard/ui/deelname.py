"""The growing circle on screen: per year who took part (parties, new ones marked, and how many wrote),
as a chart with its table. Pages call `kring` with an afspraak id, or None for the whole set."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import charts, formatting
from dashboard.ui import made, reads
from dashboard.ui import charts as show
from dashboard.ui.tekst import escaped


def _regels(jaren: pd.DataFrame, partijen: pd.DataFrame) -> str:
    """Per year, newest first, its parties (the new ones marked), writers and contributions: one text."""
    regels = []
    for row in jaren.to_dict("records")[::-1]:
        namen = [f"{escaped(p)} :orange-badge[nieuw]" if n else escaped(p) for p, n in
                 partijen[partijen["jaar"] == row["jaar"]][["partij", "nieuw"]].itertuples(index=False)]
        regels.append(f"**{row['jaar']}** · {formatting.count(row['partijen'], 'partij', 'partijen')}, "
                      f"{formatting.count(row['schrijvers'], 'schrijver', 'schrijvers')}, "
                      f"{formatting.count(row['bijdragen'], 'bijdrage', 'bijdragen')}: " + ", ".join(namen))
    return "\n\n".join(regels)


def _tabel(partijen: pd.DataFrame) -> pd.DataFrame:
    tabel = partijen.assign(jaar=partijen["jaar"].astype(str), nieuw=partijen["nieuw"].map({True: "ja", False: "nee"}))
    return tabel.rename(columns={"jaar": "Jaar", "partij": "Partij", "soort": "Soort", "voortgang": "Voortgang",
                                 "verhalen": "Verhalen", "nieuw": "Nieuw"})


# from the held read: made once for every viewer (the Kompas of a share link)
_regels_once, _tabel_once, _circle_once = made.once(_regels), made.once(_tabel), made.once(charts.circle)


def kring(afspraak_id: int | None, key: str) -> None:
    data = reads.deelname.per_jaar(afspraak_id)
    if afspraak_id:
        st.subheader("Wie deed mee", anchor=False)
    else:
        st.header("De groeiende kring: wie deed mee", anchor=False)
    if data["jaren"].empty:
        st.caption("Nog niemand schreef voortgang of een verhaal" + (" bij deze afspraak." if afspraak_id else "."))
        return
    st.caption("Partijen die voortgang of een verhaal schreven, per jaar; **nieuw** is het eerste jaar dat een partij "
               + ("bij deze afspraak " if afspraak_id else "") + "meedeed.")
    st.markdown(_regels_once(data["jaren"], data["partijen"]))  # one element for all the years
    if len(data["jaren"]) > 1:
        show.figure(_circle_once(data["jaren"]), _tabel_once(data["partijen"]), key=key,
                    alt="Gestapelde staven per jaar: partijen die al eerder meededen en partijen die nieuw meededen.")
