"""Import speed: a 1,000,000-row long-format CSV (~40 MB) validated and committed into a fresh SQLite.

Prints rows/s, peak memory of the importing process, and the ratio to a plain
`pandas.read_csv(engine="pyarrow")` of the same file measured in the same run (the floor: reading
the text without validating or writing anything). Target: >= 100,000 rows/s, peak < 1.5 GB.

    python benchmarks/import_1m.py [REPEATS]
"""
from __future__ import annotations

import csv
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROWS = 1_000_000


def generate(path: Path, rows: int, quoted: bool = False) -> None:
    """Unique keys: every catalogue indicator x demo gebied x (total + 3 corporations) x month.

    `quoted` puts every cell in quotes, as some exporters do; the reader then takes its full path."""
    from dashboard.demo import stad

    catalogue = stad.lees_catalogus()
    keys = list(catalogue)
    low = np.array([float(catalogue[k]["min"] or 0) for k in keys])
    high = np.array([float(catalogue[k]["max"] or 100) for k in keys])
    gebieden = [stad.GEMEENTE_CODE, *stad.WIJK_CODES]
    partijen = ["", *(code for _, soort, code in stad.PARTIJEN if soort == "corporatie")]
    per_month = len(keys) * len(gebieden) * len(partijen)
    months = -(-rows // per_month)
    periods = [f"{1950 + m // 12}-{m % 12 + 1:02d}" for m in range(months)]
    index = np.arange(rows)
    rng = np.random.default_rng(1)
    frame = pd.DataFrame({
        "indicator": np.array(keys)[index % len(keys)],
        "gebied": np.array(gebieden)[(index // len(keys)) % len(gebieden)],
        "partij": np.array(partijen, dtype=object)[(index // (len(keys) * len(gebieden))) % len(partijen)],
        "periode": np.array(periods)[index // per_month],
        "waarde": np.char.replace(np.round(rng.uniform(low[index % len(keys)], high[index % len(keys)]), 1)
                                  .astype(str), ".", ","),
    })
    frame.to_csv(path, sep=";", index=False, encoding="utf-8", quoting=csv.QUOTE_ALL if quoted else csv.QUOTE_MINIMAL)


def child(csv: Path, database: Path) -> None:
    """Runs in its own process so its peak memory is the import's alone."""
    from dashboard.db import open_database
    from dashboard.demo.stad import DEMO_FOLDER
    from dashboard.ingest import import_file
    from dashboard.startup import load_catalogue

    db = open_database(f"sqlite:///{database}")
    load_catalogue(db)
    for name in ("partijen.csv", "gebieden.csv"):
        import_file(db, DEMO_FOLDER / name)
    start = time.perf_counter()
    report = import_file(db, csv, user="benchmark")
    elapsed = time.perf_counter() - start
    assert report.status == "committed", report.as_dict()
    start = time.perf_counter()
    again = import_file(db, csv, dry_run=True)  # read + validate + compare, nothing to write
    validate = time.perf_counter() - start
    assert again.rows_unchanged == report.rows_new
    print(f"{report.rows_new} {elapsed} {validate}")


def run(csv_path: Path, folder: Path) -> tuple[float, float, float]:
    """One import into a fresh database in a child process: (seconds, dry-run seconds, peak MB)."""
    database = folder / f"bench-{time.monotonic_ns()}.db"
    result = subprocess.run([sys.executable, __file__, "--child", str(csv_path), str(database)],
                            capture_output=True, text=True)
    if result.returncode:
        raise SystemExit(f"import failed:\n{result.stderr[-3000:]}")
    written, elapsed, validate = result.stdout.split()
    assert int(written) == ROWS
    return float(elapsed), float(validate), resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def main(repeats: int = 3) -> None:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        plain, quoted = folder / "lang.csv", folder / "lang-quoted.csv"
        generate(plain, ROWS)
        generate(quoted, ROWS, quoted=True)
        start = time.perf_counter()
        baseline = pd.read_csv(plain, sep=";", engine="pyarrow", dtype=str)
        floor = time.perf_counter() - start
        assert len(baseline) == ROWS
        del baseline
        runs = [run(plain, folder) for _ in range(repeats)]
        quoted_run = run(quoted, folder)
        size_mb = plain.stat().st_size / 1e6
    imports = sorted(r[0] for r in runs)
    middle = statistics.median(imports)
    dry = statistics.median(r[1] for r in runs)
    print(f"file: {ROWS:,} rows, {size_mb:.1f} MB")
    print(f"import (read, validate, commit), median of {repeats}: {middle:.2f} s = {ROWS / middle:,.0f} rows/s "
          f"(runs {', '.join(f'{t:.2f}' for t in imports)} s; target >= 100,000 rows/s)")
    print(f"the same file again as a dry run (read, validate, compare with the 1,000,000 stored): {dry:.2f} s = "
          f"{ROWS / dry:,.0f} rows/s")
    print(f"every cell quoted (the reader's full path): {quoted_run[0]:.2f} s = {ROWS / quoted_run[0]:,.0f} rows/s")
    print(f"peak memory of an importing process: {max(r[2] for r in runs + [quoted_run]):,.0f} MB (target < 1,500)")
    print(f"pandas.read_csv(engine='pyarrow') alone: {floor:.2f} s; import / read_csv = {middle / floor:.1f}x")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        child(Path(sys.argv[2]), Path(sys.argv[3]))
    else:
        main(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
