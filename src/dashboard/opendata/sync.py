"""One gemeente's sync: fetch every CBS table and the PDOK boundaries first, check them all as a
dry run, then import each as an ordinary batch named for its source ("CBS 82900NED, opgehaald
5-12-2026 (CC BY 4.0)"), so history, undo and the figures' provenance work as for any file.
A network failure, a timeout or a table that lost a column the catalogue expects stops the sync
before anything is written."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date

import httpx

from dashboard import bronnen, queries
from dashboard.db import Database
from dashboard.ingest import ImportRejected, Report, import_file
from dashboard.opendata import herkomst, kerncijfers
from dashboard.opendata.fetch import TIMEOUT, SyncFailed, features, get_json, odata_rows
from dashboard.opendata.gehaald import Gehaald, cbs_csv, getal, schaal

# The standard housing tables, each with the one member of its other dimensions the catalogue's
# figures are about (by title, as StatLine lists it in the dimension's own table).
TABELLEN = {"82900NED": {}, "81955NED": {"Gebruiksfunctie": "Woning"}, "85036NED": {"Eigendom": "Totaal"}}
PDOK_COLLECTIES = ("wijken", "buurten")
_GEMEENTE = re.compile(r"^GM\d{4}$")


@dataclass
class SyncReport:
    gemeente: str
    batches: list[tuple[str, Report]] = field(default_factory=list)
    niet_gekoppeld: list[str] = field(default_factory=list)  # catalogue indicators the table has no column for
    aandelen: list[str] = field(default_factory=list)  # Kerncijfers shares the catalogue has no indicator for
    niet_bij_cbs: list[str] = field(default_factory=list)  # Kerncijfers tables of the list CBS did not have


def sync(db: Database, gemeente: str, van: int, *, odata_url: str, pdok_url: str, opgehaald: date,
         user: str = "") -> SyncReport:
    """Fetch, check and import one gemeente's open data. Raises SyncFailed (nothing written)."""
    gemeente = gemeente.strip().upper()
    if not _GEMEENTE.match(gemeente):
        raise SyncFailed(f"'{gemeente}' is geen gemeentecode. Gebruik de CBS-code, bijvoorbeeld GM0363 voor Amsterdam.")
    with db.make_session() as session:
        catalogue = queries.catalogue(session)
    kolommen = bronnen.odata_kolommen(catalogue)
    onderwerpen = _zonder_kolom(catalogue, kolommen)
    report = SyncReport(gemeente)
    with httpx.Client(timeout=TIMEOUT, follow_redirects=True) as client:
        # The tables first: their import adds the gemeente (from the gebiedsindeling), so the
        # wijken that follow find their parent at once and a second sync changes nothing; the
        # wijken's and buurten's own figures last, when PDOK has named them.
        gehaald = []
        for tabel in TABELLEN:
            if tabel in kolommen or tabel in onderwerpen:
                item, niet = _tabel(client, odata_url.rstrip("/"), tabel, kolommen.get(tabel, {}),
                                    onderwerpen.get(tabel, {}), gemeente, van, opgehaald)
                gehaald.append(item)
                report.niet_gekoppeld += niet
        gehaald.append(_grenzen(client, pdok_url.rstrip("/"), gemeente, opgehaald))
        wijken = kerncijfers.haal(client, odata_url.rstrip("/"), gemeente, van, set(catalogue["sleutel"]), opgehaald)
    gehaald += wijken.gehaald
    report.aandelen, report.niet_bij_cbs = wijken.aandelen, wijken.niet_bij_cbs
    for dry_run in (True, False):
        for item in gehaald:
            try:
                result = import_file(db, item.data, filename=item.naam, kind=item.kind, format=item.format,
                                     dry_run=dry_run, user=user, add_missing=True)
            except ImportRejected as rejected:
                raise SyncFailed(f"{item.naam} is geweigerd: " + " ".join(str(p) for p in rejected.problems[:3])
                                 + " Er is niets geschreven.") from rejected
            if not dry_run:
                report.batches.append((item.naam, result))
    return report


def meldingen(report: SyncReport) -> list[str]:
    """What the sync left out, one Dutch sentence each, for the command line and the page."""
    lines = []
    if report.niet_gekoppeld:
        lines.append("Niet opgehaald, want de CBS-tabel heeft geen kolom voor het onderwerp uit de catalogus: "
                     + ", ".join(report.niet_gekoppeld) + ".")
    if report.aandelen:
        lines.append(f"Niet overgenomen uit {kerncijfers.NAAM}, want de catalogus heeft geen indicator voor "
                     "dit aandeel (%): " + ", ".join(report.aandelen) + ".")
    if report.niet_bij_cbs:
        lines.append(f"CBS had deze tabellen van {kerncijfers.NAAM} niet (lijst in data/kerncijfers/tabellen.csv): "
                     + ", ".join(report.niet_bij_cbs) + ".")
    return lines


def _zonder_kolom(catalogue, kolommen: dict[str, dict[str, str]]) -> dict[str, dict[str, str]]:
    """table -> {onderwerp -> indicator key} for the indicators of a synced table whose source names
    no OData column: the sync finds the column by the onderwerp's title in the table's DataProperties."""
    found: dict[str, dict[str, str]] = {}
    for key, bron in zip(catalogue["sleutel"], catalogue["bron"]):
        source = bronnen.cbs(bron)
        if source and source.onderwerp and source.tabel in TABELLEN and key not in kolommen.get(source.tabel, {}).values():
            found.setdefault(source.tabel, {})[source.onderwerp] = key
    return found


def _tabel(client: httpx.Client, base: str, tabel: str, kolommen: dict[str, str], onderwerpen: dict[str, str],
           gemeente: str, van: int, opgehaald: date) -> tuple[Gehaald, list[str]]:
    """One StatLine table's yearly figures for the gemeente, as a CBS open-data CSV (RegioS, Perioden),
    and the indicators whose onderwerp the table has no column for."""
    bron, url = f"CBS-tabel {tabel}", f"{base}/{tabel}"
    properties = [p for p in get_json(client, f"{url}/DataProperties", None, bron)["value"] if "Key" in p]
    units = {p["Key"]: p.get("Unit") or "" for p in properties}
    titles = {str(p.get("Title", "")).strip().lower(): p["Key"] for p in properties if p.get("Type") == "Topic"}
    kolommen, niet = dict(kolommen), []
    for onderwerp, key in onderwerpen.items():
        if titles.get(onderwerp.strip().lower()):
            kolommen[titles[onderwerp.strip().lower()]] = key
        else:
            niet.append(key)
    missing = [column for column in kolommen if column not in units]
    if missing:
        raise SyncFailed(f"{bron} is veranderd: de kolom {', '.join(missing)} die de catalogus verwacht "
                         f"(indicator {', '.join(kolommen[c] for c in missing)}) bestaat niet meer. Pas de bron "
                         "in de catalogus aan; er is niets geschreven.")
    filters = [f"RegioS eq '{gemeente}'"]
    for dimensie, titel in TABELLEN[tabel].items():
        members = get_json(client, f"{url}/{dimensie}", None, bron).get("value", [])
        key = next((m["Key"] for m in members if str(m.get("Title", "")).strip() == titel), None)
        if key is None:
            raise SyncFailed(f"{bron} is veranderd: de dimensie {dimensie} heeft geen '{titel}' meer; "
                             "er is niets geschreven.")
        filters.append(f"{dimensie} eq '{key}'")
    rows = odata_rows(client, f"{url}/TypedDataSet", {
        "$filter": " and ".join(filters), "$select": ",".join(["RegioS", "Perioden", *kolommen]),
        "$format": "json"}, bron)
    rows = [r for r in rows if "JJ" in str(r.get("Perioden", "")) and int(str(r["Perioden"])[:4]) >= van]
    if not rows:
        raise SyncFailed(f"{bron} heeft geen jaarcijfers voor {gemeente} vanaf {van}: klopt de gemeentecode? "
                         "Er is niets geschreven.")
    # CBS marks a year it may still revise in its Perioden dimension ("2023*", Status Voorlopig): so do we
    voorlopig = {m["Key"] for m in get_json(client, f"{url}/Perioden", None, bron).get("value", [])
                 if str(m.get("Status") or "Definitief").lower() != "definitief" or str(m.get("Title", "")).endswith("*")}
    rijen = [[str(row["RegioS"]).strip(), str(row["Perioden"]) + ("*" if row["Perioden"] in voorlopig else ""),
              *(getal(row.get(c), schaal(units[c])) for c in kolommen)] for row in rows]
    return cbs_csv(herkomst.naam(f"CBS {tabel}", opgehaald), list(kolommen.values()), rijen), niet


def _grenzen(client: httpx.Client, base: str, gemeente: str, opgehaald: date) -> Gehaald:
    """The gemeente's wijken and buurten with their boundaries, as one GeoJSON FeatureCollection."""
    found = []
    for collectie in PDOK_COLLECTIES:
        found += features(client, f"{base}/collections/{collectie}/items",
                          {"gemeentecode": gemeente, "f": "json", "limit": 1000}, f"PDOK ({collectie})")
    if not found:
        raise SyncFailed(f"PDOK kent geen wijken of buurten van {gemeente}: klopt de gemeentecode? "
                         "Er is niets geschreven.")
    document = {"type": "FeatureCollection", "features": found}
    return Gehaald(herkomst.naam("PDOK CBS wijken en buurten", opgehaald), json.dumps(document).encode())
