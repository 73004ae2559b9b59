"""CBS Kerncijfers wijken en buurten: a gemeente's wijken and buurten, one StatLine table per year.

CBS publishes the figures as a new table every year (data/kerncijfers/tabellen.csv) and numbers
its columns anew (`Woningvoorraad_34`, later `Woningvoorraad_37`), so a column is known by its
name without the suffix. Only the wijken and buurten are fetched: the gemeente's own figures
come from the tables that have every year in one (82900NED, 85036NED)."""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from datetime import date

import httpx

from dashboard.config import DATA_DIR
from dashboard.opendata import herkomst
from dashboard.opendata.fetch import SyncFailed, get_json, odata_rows
from dashboard.opendata.gehaald import Gehaald, cbs_csv, getal, schaal

TABELLEN = DATA_DIR / "kerncijfers" / "tabellen.csv"
NAAM = "Kerncijfers wijken en buurten"
# column name without suffix -> the catalogue indicator that means the same thing
KOLOMMEN = {"Woningvoorraad": "woningvoorraad_totaal", "GemiddeldeWOZWaardeVanWoningen": "woz_waarde"}
# shares of the woningvoorraad (%): the catalogue counts woningen per eigendom, it has no share to put them in
AANDELEN = ("Koopwoningen", "HuurwoningenTotaal", "InBezitWoningcorporatie", "InBezitOverigeVerhuurders")
_SUFFIX = re.compile(r"_\d+$")


@dataclass
class Kerncijfers:
    gehaald: list[Gehaald] = field(default_factory=list)
    aandelen: list[str] = field(default_factory=list)  # titles of the shares not taken over
    niet_bij_cbs: list[str] = field(default_factory=list)  # "86165NED (2025)": the table CBS did not have


def tabellen(van: int) -> dict[int, str]:
    """year -> table id, from the shipped list, for the years from `van` on."""
    with TABELLEN.open(encoding="utf-8") as rows:
        return {int(row["jaar"]): row["tabel"] for row in csv.DictReader(rows, delimiter=";")
                if int(row["jaar"]) >= van}


def stam(key: str) -> str:
    """'Woningvoorraad_34' -> 'Woningvoorraad'."""
    return _SUFFIX.sub("", key)


def haal(client: httpx.Client, base: str, gemeente: str, van: int, indicatoren: set[str],
         opgehaald: date) -> Kerncijfers:
    """Every year's table for the gemeente's wijken and buurten, each as a CBS CSV of the catalogue's
    indicators. A table that lost a column the catalogue fills raises SyncFailed."""
    found = Kerncijfers()
    wanted = {s: key for s, key in KOLOMMEN.items() if key in indicatoren}
    if not wanted:
        return found
    nummer = gemeente[2:]
    for jaar, tabel in tabellen(van).items():
        bron, url = f"CBS-tabel {tabel} ({NAAM} {jaar})", f"{base}/{tabel}"
        properties = get_json(client, f"{url}/DataProperties", None, bron, ontbreken_mag=True)
        if properties is None:
            found.niet_bij_cbs.append(f"{tabel} ({jaar})")
            continue
        topics = {stam(p["Key"]): p for p in properties.get("value", []) if p.get("Type") == "Topic"}
        missing = [s for s in wanted if s not in topics]
        if missing:
            raise SyncFailed(f"{bron} is veranderd: de kolom {', '.join(missing)} die de indicator "
                             f"{', '.join(wanted[s] for s in missing)} vult, bestaat niet meer. Er is niets geschreven.")
        found.aandelen += [topics[s]["Title"] for s in AANDELEN if s in topics and topics[s]["Title"] not in found.aandelen]
        columns = [topics[s]["Key"] for s in wanted]
        rows = odata_rows(client, f"{url}/TypedDataSet", {
            "$filter": f"startswith(WijkenEnBuurten,'WK{nummer}') or startswith(WijkenEnBuurten,'BU{nummer}')",
            "$select": ",".join(["WijkenEnBuurten", *columns]), "$format": "json"}, bron)
        scale = [schaal(topics[s].get("Unit")) for s in wanted]
        rijen = [[str(row["WijkenEnBuurten"]).strip(), f"{jaar}JJ00",
                  *(getal(row.get(c), f) for c, f in zip(columns, scale))] for row in rows]
        if rijen:
            found.gehaald.append(cbs_csv(herkomst.naam(f"CBS {tabel}", opgehaald), list(wanted.values()), rijen))
    return found
