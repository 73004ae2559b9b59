"""Open-data sync of one gemeente (GM0363) from the recorded CBS OData and PDOK answers in
tests/opendata/responses, served by a local HTTP server, into a fresh SQLite database.

Baseline, measured in the same run: the plain import of the same rows (the CBS tables as the
sync hands them to the importer, and the boundaries GeoJSON) into another fresh database. The
ratio is what fetching over HTTP, the dry run of every source and the checks add.

    PYTHONPATH=src python benchmarks/opendata_sync.py [--runs 5]
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "opendata"))

import httpx  # noqa: E402

from dashboard import bronnen, queries  # noqa: E402
from dashboard.db import open_database  # noqa: E402
from dashboard.ingest import import_file  # noqa: E402
from dashboard.opendata import kerncijfers, sync as opendata  # noqa: E402
from dashboard.startup import load_catalogue  # noqa: E402
from opendata_server import serving  # noqa: E402

DAY = date(2026, 12, 5)


def fresh(folder: Path, name: str):
    db = open_database(f"sqlite:///{folder / name}")
    load_catalogue(db)
    return db


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    folder = Path(tempfile.mkdtemp(prefix="opendata-bench-"))
    synced, plain = [], []
    with serving() as base:
        for run in range(runs):
            db = fresh(folder, f"sync{run}.db")
            start = time.perf_counter()
            opendata.sync(db, "GM0363", 2015, odata_url=f"{base}/odata", pdok_url=f"{base}/pdok", opgehaald=DAY)
            synced.append(time.perf_counter() - start)
            db.engine.dispose()

            db = fresh(folder, f"plain{run}.db")
            with db.make_session() as session:
                catalogue = queries.catalogue(session)
            kolommen = bronnen.odata_kolommen(catalogue)
            with httpx.Client() as client:  # the same bytes, fetched outside the clock
                files = [opendata._tabel(client, f"{base}/odata", t, kolommen[t], {}, "GM0363", 2015, DAY)[0]
                         for t in opendata.TABELLEN]
                files.append(opendata._grenzen(client, f"{base}/pdok", "GM0363", DAY))
                files += kerncijfers.haal(client, f"{base}/odata", "GM0363", 2015, set(catalogue["sleutel"]),
                                          DAY).gehaald
            start = time.perf_counter()
            for item in files:
                import_file(db, item.data, filename=item.naam, kind=item.kind, format=item.format, add_missing=True)
            plain.append(time.perf_counter() - start)
            db.engine.dispose()
    sync_s, plain_s = statistics.median(synced), statistics.median(plain)
    print(f"opendata sync GM0363 (3 CBS tables, Kerncijfers of 2 years, wijken and buurten): {sync_s:.2f} s (median of {runs})")
    print(f"baseline, plain import of the same rows:                  {plain_s:.2f} s")
    print(f"ratio: {sync_s / plain_s:.1f}x; limit 5 s: {'met' if sync_s < 5 else 'NOT met'}")


if __name__ == "__main__":
    main()
