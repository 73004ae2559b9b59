"""Import speed of a StatLine export as downloaded: 342 gemeenten by name x 10 years x 5 onderwerpen
(periods in a header row, title, units row, footer, UTF-8 with BOM) into a fresh SQLite database.

The baseline, measured in the same run on the same file: `pyarrow.csv.read_csv` of its data rows
(reading the text, nothing recognised, resolved, checked or written). The first import adds the
gemeenten with --add-missing (as a data officer's first import does); the second finds them there.

    python benchmarks/import_statline.py
"""
from __future__ import annotations

import io
import tempfile
import time
from pathlib import Path

import pyarrow.csv as pacsv

from dashboard.db import open_database
from dashboard.ingest import gebiedsindeling, import_file
from dashboard.startup import load_catalogue

ONDERWERPEN = ("Totale woningvoorraad", "Eigendom woningcorporatie", "Eigendom overige verhuurders",
               "Koopwoningen", "Sloop")
YEARS = [str(year) for year in range(2015, 2025)]


def export() -> bytes:
    """The file as StatLine writes it, with the names of the 342 gemeenten of 2024 as CBS writes them."""
    gemeenten = sorted((g for g in gebiedsindeling.gemeenten().values() if g.bestaat_in(2024) and not g.einde),
                       key=lambda g: g.naam)
    names = [g.namen[-1] if "(" in g.namen[-1] else g.naam for g in gemeenten]
    years = [y + ("*" if y == YEARS[-1] else "") for y in YEARS]
    lines = ['"Woningvoorraad; eigendom, regio"', "",
             ';"Onderwerp";' + ";".join(f'"{o}"' for o in ONDERWERPEN for _ in years),
             ';"Perioden";' + ";".join(f'"{y}"' for _ in ONDERWERPEN for y in years),
             '"Regio\'s";"";' + ";".join('"aantal"' for _ in ONDERWERPEN for _ in years)]
    for i, name in enumerate(names):
        lines.append(f'"{name}";;' + ";".join(f'"{1000 + i * 7 + k}"' for k in range(len(ONDERWERPEN) * len(years))))
    lines += ['"Gemeenten; niet in te delen";;' + ";".join('""' for _ in ONDERWERPEN for _ in years), "",
              '"Bron: CBS"']
    return ("\ufeff" + "\n".join(lines) + "\n").encode()


def main() -> None:
    data = export()
    rows = data.decode("utf-8-sig").splitlines()[5:-3]
    start = time.perf_counter()
    pacsv.read_csv(io.BytesIO("\n".join(rows).encode()), read_options=pacsv.ReadOptions(autogenerate_column_names=True),
                   parse_options=pacsv.ParseOptions(delimiter=";"))
    baseline = time.perf_counter() - start
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "statline.csv"
        path.write_bytes(data)
        db = open_database(f"sqlite:///{Path(folder) / 'bench.db'}")
        load_catalogue(db)
        timings = []
        for add_missing in (True, False):
            start = time.perf_counter()
            report = import_file(db, path, user="benchmark", add_missing=add_missing, mapping={"Sloop": "sloop"})
            timings.append((time.perf_counter() - start, report))
        db.engine.dispose()
    (first, report), (again, second) = timings
    print(f"StatLine-export: {len(rows)} regels, {report.rows_new} waarden, {len(data) / 1e6:.1f} MB")
    print(f"pyarrow read_csv van dezelfde regels: {baseline * 1000:.0f} ms")
    print(f"import (gemeenten erbij): {first:.2f} s  ({first / baseline:.0f}x pyarrow)  status {report.status}")
    print(f"nogmaals (niets veranderd): {again:.2f} s  ({again / baseline:.0f}x pyarrow)  status {second.status}")


if __name__ == "__main__":
    main()
