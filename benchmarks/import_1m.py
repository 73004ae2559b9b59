"""Import speed: a 1,000,000-row long-format CSV (~40 MB) validated and committed into a fresh SQLite.

Prints rows/s, peak memory of the importing process, and the ratio to a plain
`pandas.read_csv(engine="pyarrow")` of the same file measured in the same run (the floor: reading
the text without validating or writing anything). Target: >= 100,000 rows/s, peak < 1.5 GB.

    PYTHONPATH=src python benchmarks/import_1m.py [ROWS]
"""
from __future__ import annotations

import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd


def generate(path: Path, rows: int) -> None:
    """Unique keys: every catalogue indicator x demo gebied x (total + 3 corporations) x month."""
    from dashboard import demo

    catalogue = demo.lees_catalogus()
    keys = list(catalogue)
    low = np.array([float(catalogue[k]["min"] or 0) for k in keys])
    high = np.array([float(catalogue[k]["max"] or 100) for k in keys])
    gebieden = [demo.GEMEENTE_CODE, *demo.WIJK_CODES]
    partijen = ["", *(code for _, soort, code in demo.PARTIJEN if soort == "corporatie")]
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
    frame.to_csv(path, sep=";", index=False, encoding="utf-8")


def child(csv: Path, database: Path) -> None:
    """Runs in its own process so its peak memory is the import's alone."""
    from dashboard.db import open_database
    from dashboard.demo import DEMO_FOLDER
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


def main(rows: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        csv = Path(folder) / "lang.csv"
        generate(csv, rows)
        size_mb = csv.stat().st_size / 1e6
        start = time.perf_counter()
        baseline = pd.read_csv(csv, sep=";", engine="pyarrow", dtype=str)
        floor = time.perf_counter() - start
        assert len(baseline) == rows
        del baseline
        result = subprocess.run([sys.executable, __file__, "--child", str(csv), str(Path(folder) / "bench.db")],
                                capture_output=True, text=True)
        if result.returncode:
            raise SystemExit(f"import failed:\n{result.stderr[-3000:]}")
        written, elapsed, validate = result.stdout.split()
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    assert int(written) == rows
    print(f"file: {rows:,} rows, {size_mb:.1f} MB")
    print(f"import (read, validate, commit): {float(elapsed):.2f} s = {rows / float(elapsed):,.0f} rows/s "
          f"(target >= 100,000)")
    print(f"of which read + validate + compare (a dry run of the same file): {float(validate):.2f} s = "
          f"{rows / float(validate):,.0f} rows/s")
    print(f"peak memory of the importing process: {peak_mb:,.0f} MB (target < 1,500)")
    print(f"pandas.read_csv(engine='pyarrow') alone: {floor:.2f} s; import / read_csv = {float(elapsed) / floor:.1f}x")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        child(Path(sys.argv[2]), Path(sys.argv[3]))
    else:
        main(int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000)
