"""Where an indicator's figures come from: a CBS table and onderwerp, or the party that delivers them.

The catalogue says it in one text per indicator, `bron`: "CBS 82900NED: Eigendom woningcorporatie"
(table and onderwerp as StatLine names them, then after " · " a note), or a party ("Corporatie").
A StatLine import maps onderwerpen to indicators with it; the dashboard says who fills a gap.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

_CBS = re.compile(r"^CBS (?P<tabel>\d{5}[A-Z]{3})(?::\s*(?P<onderwerp>[^·]+?))?\s*(?:·\s*(?P<noot>.+))?$")
_ODATA = re.compile(r"^OData (?P<kolom>\w+)")
# The parties a catalogue names as bron, as a sentence names them.
LEVERANCIERS = {"Corporatie": "de corporaties", "Gemeente": "de gemeente",
                "Woonruimteverdeling": "de woonruimteverdeling", "Aedes-benchmark": "de corporaties (Aedes-benchmark)"}
SJABLOON = "observaties (lang)"  # the import template a party fills (ingest.templates)


@dataclass(frozen=True)
class CbsBron:
    tabel: str  # "82900NED"
    onderwerp: str | None  # "Eigendom woningcorporatie"; None where the figure is derived from the table
    noot: str | None = None


def cbs(bron: str) -> CbsBron | None:
    """The CBS table and onderwerp a catalogue `bron` names, or None for a party's own figure."""
    found = _CBS.match((bron or "").strip())
    return CbsBron(found["tabel"], found["onderwerp"], found["noot"]) if found else None


def tekst(bron: str) -> str:
    """The source as a reader is told it: "CBS-tabel 82900NED, Eigendom woningcorporatie" without the
    note for importers; a party's name as it is."""
    source = cbs(bron)
    if source is None:
        return bron
    return f"CBS-tabel {source.tabel}" + (f", {source.onderwerp}" if source.onderwerp else "")


def cbs_onderwerpen(catalogue: pd.DataFrame) -> dict[tuple[str, str], str]:
    """(table, onderwerp) -> indicator key, for every indicator a CBS onderwerp fills directly."""
    found = {}
    for key, bron in zip(catalogue["sleutel"], catalogue["bron"]):
        source = cbs(bron)
        if source and source.onderwerp:
            found[(source.tabel, source.onderwerp)] = key
    return found


def odata_kolommen(catalogue: pd.DataFrame) -> dict[str, dict[str, str]]:
    """table -> {OData column -> indicator key}, from the notes ("OData EigendomWoningcorporatie_4")
    of the indicators a CBS table fills; the open-data sync fetches these columns, and for an
    indicator without such a note the column titled as its onderwerp (opendata.sync)."""
    found: dict[str, dict[str, str]] = {}
    for key, bron in zip(catalogue["sleutel"], catalogue["bron"]):
        source = cbs(bron)
        column = _ODATA.search(source.noot or "") if source else None
        if column:
            found.setdefault(source.tabel, {})[column["kolom"]] = key
    return found


def _names(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " en " + names[-1]


def nog_zonder_cijfers(tiles: pd.DataFrame) -> list[str]:
    """For the tiles without a value: one Dutch line per origin that names them and says who fills them.

    Measured here in another period, measured only in other gebieden, from a CBS table, or
    delivered by a party with the import template; in that order, each indicator once."""
    empty = tiles[tiles["waarde"].isna()]
    elders: dict[str, list[str]] = {"hier": [], "elders": []}
    cbs_tables: dict[str, list[str]] = {}
    parties: dict[str, list[str]] = {}
    for tile in empty.to_dict("records"):
        hint = tile.get("elders") or ""
        if hint.startswith("Hier het laatst gemeten in"):
            elders["hier"].append(f"{tile['naam']} ({hint.removeprefix('Hier het laatst gemeten in ').split(':')[0]})")
        elif hint.startswith("Wel cijfers elders"):
            elders["elders"].append(tile["naam"])
        elif source := cbs(tile["bron"]):
            cbs_tables.setdefault(source.tabel, []).append(tile["naam"])
        else:
            parties.setdefault(LEVERANCIERS.get(tile["bron"], tile["bron"] or "de partijen"), []).append(tile["naam"])
    lines = []
    if elders["hier"]:
        lines.append(f"**In een ander jaar gemeten**, kies dat jaar: {_names(elders['hier'])}.")
    if elders["elders"]:
        lines.append(f"**Alleen in andere gebieden gemeten**: {_names(elders['elders'])}.")
    for tabel, names in cbs_tables.items():
        lines.append(f"**Uit CBS-tabel {tabel}** (StatLine, importeren op de pagina Gegevens): {_names(names)}.")
    for party, names in parties.items():
        lines.append(f"**Aan te leveren door {party}** met het sjabloon ‘{SJABLOON}’ van de pagina Gegevens: "
                     f"{_names(names)}.")
    return lines
