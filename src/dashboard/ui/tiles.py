"""KPI tiles: value, change against the previous period, distance to target, coloured by direction."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import clock, formatting
from dashboard.gewone_taal import zinnen
from dashboard.ui import gewone_taal as plain
from dashboard.ui import made
from dashboard.ui.tekst import escaped

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


def _written(tiles: pd.DataFrame) -> list[dict]:
    """Each tile's texts, made once for every session (made.once): the numbers formatted in Python."""
    written = []
    for tile in tiles.to_dict("records"):
        has_value = not pd.isna(tile["waarde"])
        word = formatting.unit_word(tile["eenheid"])
        unit = f"{word} · " if word else ""
        period = tile["periode"] if has_value else f"Geen waarde in deze periode. {tile['elders']}"
        how = f"  \n:material/functions: {tile['berekend'].capitalize()}." if has_value and tile["berekend"] else ""
        if isinstance(tile.get("deels"), str):  # a newer period only partly delivered: said, never the figure
            how += f"  \n:material/hourglass_top: Nog niet compleet: {tile['deels']}."
        written.append({
            "naam": escaped(tile["naam"]), "help": escaped(f"{tile['omschrijving']} Bron: {tile['bron']}."),
            "waarde": formatting.short(tile["waarde"], tile["eenheid"]) if has_value else "geen gegevens",
            "verschil": formatting.change(tile["verschil"], tile["eenheid"]),
            "kleur": _delta_colour(tile), "pijl": "off" if tile["verschil"] == 0 else "auto",  # no arrow up for "±0"
            "onderschrift": f"{unit}{period} · {_target_line(tile)}{how}",  # one element: each is a message
        })
    return written


_written_once = made.once(_written)
_sentences_once = made.once(zinnen.tegels)


def show(tiles: pd.DataFrame) -> None:
    """A grid of st.metric tiles; each says its period, its target and how it is doing."""
    if tiles.empty:
        st.info("Er zijn geen indicatoren in deze groep.")
        return
    written = _written_once(tiles)
    for start in range(0, len(written), COLUMNS):
        for column, tile in zip(st.columns(COLUMNS), written[start:start + COLUMNS]):
            with column.container(border=True):
                # the name as a wrapped line of its own: st.metric cuts a long label off
                st.markdown(f"**{tile['naam']}**", help=tile["help"])
                st.metric(tile["naam"], tile["waarde"], delta=tile["verschil"], delta_color=tile["kleur"],
                          delta_arrow=tile["pijl"], label_visibility="collapsed")
                st.caption(tile["onderschrift"])


def in_gewone_taal(tiles: pd.DataFrame, soort: str) -> None:
    """The same tiles in short sentences (panel "In gewone taal")."""
    plain.panel(_sentences_once(tiles, soort, clock.today()), key="gewone_taal_tegels")
