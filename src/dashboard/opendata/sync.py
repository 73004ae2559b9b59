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
from dashboard.opendata import herkomst
from dashboard.opendata.fetch import TIMEOUT, SyncFailed, features, get_json, odata_rows

# The standard housing tables, each with the one member of its other dimensions the catalogue's
# figures are about (by title, as StatLine lists it in the dimension's own table).
TABELLEN = {"82900NED": {}, "81955NED": {"Gebruiksfunctie": "Woning"}, "85036NED": {"Eigendom": "Totaal"}}
PDOK_COLLECTIES = ("wijken", "buurten")
_GEMEENTE = re.compile(r"^GM\d{4}$")


@dataclass
class Gehaald:
    """A fetched source as the importer takes it: the batch name, the bytes, how to read them."""

    naam: str
    data: bytes
    kind: str | None = None
    format: str | None = None


@dataclass
class SyncReport:
    gemeente: str
    batches: list[tuple[str, Report]] = field(default_factory=list)
    niet_gekoppeld: list[str] = field(default_factory=list)  # catalogue indicators of a table without OData column


def sync(db: Database, gemeente: str, van: int, *, odata_url: str, pdok_url: str, opgehaald: date,
         user: str = "") -> SyncReport:
    """Fetch, check and import one gemeente's open data. Raises SyncFailed (nothing written)."""
    gemeente = gemeente.strip().upper()
    if not _GEMEENTE.match(gemeente):
        raise SyncFailed(f"'{gemeente}' is geen gemeentecode. Gebruik de CBS-code, bijvoorbeeld GM0363 voor Amsterdam.")
    with db.make_session() as session:
        catalogue = queries.catalogue(session)
    kolommen = bronnen.odata_kolommen(catalogue)
    report = SyncReport(gemeente)
    for key, bron in zip(catalogue["sleutel"], catalogue["bron"]):
        source = bronnen.cbs(bron)
        fetched = kolommen.get(source.tabel, {}).values() if source else ()
        if source and source.onderwerp and source.tabel in TABELLEN and key not in fetched:
            report.niet_gekoppeld.append(key)
    with httpx.Client(timeout=TIMEOUT, follow_redirects=True) as client:
        # The tables first: their import adds the gemeente (from the gebiedsindeling), so the
        # wijken that follow find their parent at once and a second sync changes nothing.
        gehaald = [_tabel(client, odata_url.rstrip("/"), tabel, kolommen[tabel], gemeente, van, opgehaald)
                   for tabel in TABELLEN if tabel in kolommen]
        gehaald.append(_grenzen(client, pdok_url.rstrip("/"), gemeente, opgehaald))
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


def _tabel(client: httpx.Client, base: str, tabel: str, kolommen: dict[str, str], gemeente: str, van: int,
           opgehaald: date) -> Gehaald:
    """One StatLine table's yearly figures for the gemeente, as a CBS open-data CSV (RegioS, Perioden)."""
    bron, url = f"CBS-tabel {tabel}", f"{base}/{tabel}"
    units = {p["Key"]: p.get("Unit") or "" for p in get_json(client, f"{url}/DataProperties", None, bron)["value"]
             if "Key" in p}
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
    scale = {c: 1000 if units[c].replace("\u00a0", " ").startswith("1 000") else 1 for c in kolommen}
    lines = [";".join(["ID", "RegioS", "Perioden", *kolommen.values()])]
    for number, row in enumerate(rows):
        values = [_getal(row.get(c), scale[c]) for c in kolommen]
        lines.append(";".join([str(number), str(row["RegioS"]).strip(), str(row["Perioden"]), *values]))
    return Gehaald(herkomst.naam(f"CBS {tabel}", opgehaald), ("\n".join(lines) + "\n").encode(), "observaties", "cbs")


def _getal(value, scale: int) -> str:
    if value is None:
        return "."
    number = float(value) * scale
    return str(int(number)) if number.is_integer() else str(number).replace(".", ",")


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
