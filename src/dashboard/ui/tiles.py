"""KPI tiles: value, change against the previous period, distance to target, coloured by direction."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import formatting
from dashboard.gewone_taal import zinnen
from dashboard.ui import gewone_taal as plain

COLUMNS = 4


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


def show(tiles: pd.DataFrame) -> None:
    """A grid of st.metric tiles; each says its period, its target and how it is doing."""
    if tiles.empty:
        st.info("Er zijn geen indicatoren in deze groep.")
        return
    records = tiles.to_dict("records")
    for start in range(0, len(records), COLUMNS):
        for column, tile in zip(st.columns(COLUMNS), records[start:start + COLUMNS]):
            with column.container(border=True):
                has_value = not pd.isna(tile["waarde"])
                # the name as a wrapped line of its own: st.metric cuts a long label off
                st.markdown(f"**{tile['naam']}**", help=f"{tile['omschrijving']} Bron: {tile['bron']}.")
                st.metric(
                    tile["naam"],
                    formatting.short(tile["waarde"], tile["eenheid"]) if has_value else "geen gegevens",
                    delta=formatting.change(tile["verschil"], tile["eenheid"]),
                    delta_color=_delta_colour(tile),
                    delta_arrow="off" if tile["verschil"] == 0 else "auto",  # no arrow up for "±0"
                    label_visibility="collapsed",
                )
                word = formatting.unit_word(tile["eenheid"])
                unit = f"{word} · " if word else ""
                period = tile["periode"] if has_value else f"Geen waarde in deze periode. {tile['elders']}"
                how = f"  \n:material/functions: {tile['berekend'].capitalize()}." if has_value and tile["berekend"] else ""
                st.caption(f"{unit}{period} · {_target_line(tile)}{how}")  # one element: each is a message


def in_gewone_taal(tiles: pd.DataFrame, soort: str) -> None:
    """The same tiles in short sentences (panel "In gewone taal")."""
    plain.panel(zinnen.tegels(tiles, soort), key="gewone_taal_tegels")
