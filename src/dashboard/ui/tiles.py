"""KPI tiles: value, change against the previous period, distance to target, coloured by direction."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import bronnen, clock, formatting
from dashboard.gewone_taal import zinnen
from dashboard.ui import gewone_taal as plain
from dashboard.ui import made
from dashboard.ui.tekst import escaped

GRID = "tegels"  # the tiles' wrapping row (its CSS class st-key-tegels)
# One wrapping row of tiles, four or so abreast on a laptop and one on a phone, in reading order: a
# row of st.columns per four tiles cost five messages more per row, for each viewer of a link. A tile
# grows from 15rem (the flex rule; without it, Streamlit's own width of 240 px still wraps). A label
# wraps before its "?" and a value shrinks with its tile, rather than ending in "…" or running under
# the "?" (st.metric keeps a label on one line: `!important` beats its own rule, which comes later).
STYLE = """<style>
.st-key-tegels > div { flex: 1 1 15rem; }
[data-testid="stMetric"] { container-type: inline-size; }
[data-testid="stMetricLabel"] { grid-template-columns: minmax(0, max-content) auto; }
[data-testid="stMetricLabel"] * { white-space: normal !important; overflow: visible !important; text-overflow: clip !important; }
.st-key-tegels [data-testid="stMetricLabel"] p { font-weight: 600; }
[data-testid="stMetricValue"] { font-size: min(2.25rem, 17cqi); }
[data-testid="stMetricValue"] * { white-space: normal; overflow: visible; text-overflow: clip; overflow-wrap: anywhere; }
</style>"""


def _delta_colour(tile: dict) -> str:
    # Streamlit colours a rise green under "normal"; "inverse" makes a fall the good news.
    if not tile["verschil"]:
        return "off"
    return {"hoger": "normal", "lager": "inverse"}.get(tile["richting"], "off")


def _target_line(tile: dict) -> str:
    if pd.isna(tile["streefwaarde"]):
        return "Geen streefwaarde"
    doel = formatting.value(tile["streefwaarde"], tile["eenheid"])
    if tile["op_koers"] is None:
        return f"Streefwaarde {doel}"
    afstand = formatting.change(tile["tot_doel"], tile["eenheid"])
    mark = ":material/check_circle: op koers" if tile["op_koers"] else ":material/error: nog niet"
    return f"Streefwaarde {doel} ({afstand}) · {mark}"


def _opgehaald(tile: dict) -> str:
    """The open-data batch the figure came from (name, date, licence), where a sync wrote it."""
    return f" Dit cijfer: {tile['herkomst']}." if isinstance(tile.get("herkomst"), str) else ""


def _written(tiles: pd.DataFrame) -> list[dict]:
    """Each tile's texts (tiles with a value), made once for every session (made.once): the numbers
    formatted in Python. Given all tiles, the held frame each run hands over, so made.once finds it
    by identity without a digest."""
    written = []
    for tile in tiles[tiles["waarde"].notna()].to_dict("records"):
        word = formatting.unit_word(tile["eenheid"])
        unit = f"{word} · " if word else ""
        how = f"  \n:material/functions: {tile['berekend'].capitalize()}." if tile["berekend"] else ""
        if isinstance(tile.get("deels"), str):  # a newer period only partly delivered: said, never the figure
            how += f"  \n:material/hourglass_top: Nog niet compleet: {tile['deels']}."
        written.append({
            "naam": escaped(tile["naam"]), "help": escaped(f"{tile['omschrijving']} Bron: {bronnen.tekst(tile['bron'])}."
                                                           + _opgehaald(tile)),
            "waarde": formatting.short(tile["waarde"], tile["eenheid"]),
            "verschil": formatting.change(tile["verschil"], tile["eenheid"]),
            "kleur": _delta_colour(tile), "pijl": "off" if tile["verschil"] == 0 else "auto",  # no arrow up for "±0"
            "onderschrift": f"{unit}{formatting.periode(tile['periode'], bool(tile.get('voorlopig')))} · "
                            f"{_target_line(tile)}{how}",  # one element: each is a message
        })
    return written


_written_once = made.once(_written)
_sentences_once = made.once(zinnen.tegels)
_missing_once = made.once(bronnen.nog_zonder_cijfers)


def show(tiles: pd.DataFrame) -> None:
    """A grid of st.metric tiles for the indicators with a value; each says its period, its target and
    how it is doing. Those without one fold into one expander that says where their figures come from."""
    if tiles.empty:
        st.info("Er zijn geen indicatoren in deze groep.")
        return
    st.html(STYLE)
    written = _written_once(tiles)
    with st.container(horizontal=True, key=GRID):
        for tile in written:  # three messages a tile: its border, the metric, the line under it
            with st.container(border=True, width=240):
                st.metric(tile["naam"], tile["waarde"], delta=tile["verschil"], delta_color=tile["kleur"],
                          delta_arrow=tile["pijl"], help=tile["help"])
                st.caption(tile["onderschrift"])
    missing = len(tiles) - len(written)
    if missing:
        with st.expander(f":material/hourglass_empty: Nog geen cijfers voor "
                         f"{formatting.count(missing, 'indicator', 'indicatoren')}: waar ze vandaan komen",
                         expanded=not written):
            st.markdown("\n".join(f"- {line}" for line in _missing_once(tiles)))


def in_gewone_taal(tiles: pd.DataFrame, soort: str) -> None:
    """The same tiles in short sentences (panel "In gewone taal")."""
    plain.panel(_sentences_once(tiles, soort, clock.today()), key="gewone_taal_tegels")
