"""KPI tiles: value, change against the previous period, distance to target, coloured by direction."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import bronnen, clock, formatting
from dashboard.gewone_taal import zinnen
from dashboard.ui import gewone_taal as plain
from dashboard.ui import made, raster
from dashboard.ui.tekst import escaped

GRID = "tegels"  # the tiles' grid (ui/raster.py; its CSS class st-key-raster_tegels)
# A tile is one st.metric with its border, its "?" and, as the delta's description, the line of
# period and target: one message a tile, where a container, a metric and a caption were three, for
# every viewer of a link. Streamlit shows a delta's description on the delta's own line, cut off;
# here it wraps on a line of its own. A label wraps before its "?" and a value shrinks with its
# tile, rather than ending in "…" or running under the "?". `!important` beats Streamlit's own
# rules, which come later. Part of the app's one stylesheet (ui/chrome.py), for the tiles only.
_T = f".st-key-{raster.PREFIX}{GRID}"
CSS = f"""{_T} [data-testid="stMetricLabel"] p {{ font-weight: 600; }}
{_T} [data-testid="stMetric"] {{ container-type: inline-size; }}
{_T} [data-testid="stMetricLabel"] {{ grid-template-columns: minmax(0, max-content) auto; }}
{_T} [data-testid="stMetricLabel"] *, {_T} [data-testid="stMetricDeltaDescription"] * {{
  white-space: normal !important; overflow: visible !important; text-overflow: clip !important; }}
{_T} [data-testid="stMetric"] div:has(> [data-testid="stMetricDeltaDescription"]) {{ flex-wrap: wrap; row-gap: 0.75rem; }}
{_T} [data-testid="stMetricDeltaDescription"] {{ flex-basis: 100%; margin-left: 0; }}
{_T} [data-testid="stMetricValue"] {{ font-size: min(2.25rem, 17cqi); }}
{_T} [data-testid="stMetricValue"] * {{ white-space: normal; overflow: visible; text-overflow: clip; overflow-wrap: anywhere; }}
"""


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
    mark = "op koers" if tile["op_koers"] else "nog niet"
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
        how = f"  \n{tile['berekend'].capitalize()}." if tile["berekend"] else ""
        if isinstance(tile.get("deels"), str):  # a newer period only partly delivered: said, never the figure
            how += f"  \nNog niet compleet: {tile['deels']}."
        written.append({
            "naam": escaped(tile["naam"]), "help": escaped(f"{tile['omschrijving']} Bron: {bronnen.tekst(tile['bron'])}."
                                                           + _opgehaald(tile)),
            "waarde": formatting.short(tile["waarde"], tile["eenheid"]),
            "verschil": formatting.change(tile["verschil"], tile["eenheid"]),
            "kleur": _delta_colour(tile), "pijl": "off" if tile["verschil"] == 0 else "auto",  # no arrow up for "±0"
            "onderschrift": f"{unit}{formatting.periode(tile['periode'], bool(tile.get('voorlopig')))} · "
                            f"{_target_line(tile)}{how}",  # words only: the browser shows it as raw text on hover too
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
    written = _written_once(tiles)
    with raster.grid(GRID):
        for tile in written:
            st.metric(tile["naam"], tile["waarde"], delta=tile["verschil"], delta_color=tile["kleur"],
                      delta_arrow=tile["pijl"], help=tile["help"], border=True, width=raster.CARD,
                      delta_description=tile["onderschrift"])
    missing = len(tiles) - len(written)
    if missing:
        with st.expander(f":material/hourglass_empty: Nog geen cijfers voor "
                         f"{formatting.count(missing, 'indicator', 'indicatoren')}: waar ze vandaan komen",
                         expanded=not written):
            st.markdown("\n".join(f"- {line}" for line in _missing_once(tiles)))


def in_gewone_taal(tiles: pd.DataFrame, soort: str) -> None:
    """The same tiles in short sentences (panel "In gewone taal")."""
    plain.panel(_sentences_once(tiles, soort, clock.today()), key="gewone_taal_tegels")
