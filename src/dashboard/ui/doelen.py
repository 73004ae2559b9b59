"""The Kompas's view of the targets: what the gemeente's own figures add up to, against the
national targets and the Wet regie shares, with the EFG countdown per corporation."""
from __future__ import annotations

import streamlit as st

from dashboard.doelen.stand import Overzicht
from dashboard.ui.tekst import escaped, small

_ICOON = {True: ":material/check_circle:", False: ":material/error:", None: ":material/info:"}
_WOORD = {True: "Gehaald", False: "Nog niet gehaald", None: "Ter vergelijking"}


def overzicht(stand: Overzicht | None) -> None:
    """The introduction and every target (how it stands, then its name and source in small) in one
    markdown, a paragraph each: every element is a message to every viewer."""
    if stand is None or not (stand.standen or stand.efg):
        return
    st.header("Tegen de landelijke doelen", anchor=False)
    inleiding = small(f"De cijfers van {escaped(stand.gemeente)} naast de Nationale Prestatieafspraken en de Wet "
                      "versterking regie volkshuisvesting. Elk doel staat met zijn bron in de bibliotheek van doelen, "
                      "die de beheerder bijwerkt met een import op de pagina Gegevens.")
    doelen = [f"{_ICOON[s.gehaald]} **{_WOORD[s.gehaald]}** · {escaped(s.zin)}  \n"
              + small(f"{escaped(s.naam)} · bron: {escaped(s.bron)}") for s in stand.standen]
    st.markdown("\n\n".join([inleiding] + doelen))
    if len(stand.efg) > 1:
        with st.expander("Energielabel E, F en G: aftellen per corporatie", icon=":material/timer:"):
            st.markdown("\n".join(f"- {escaped(line)}" for line in stand.efg))
