"""Import speed and memory for the national data set (`demo --scale national`): gebieden, partijen
and about 1.4 million observations into a fresh SQLite (and PostgreSQL when a server is given).

Each import runs in a process of its own, so its peak memory (its own ru_maxrss) is the
import's alone. The baseline, measured in the same run on the same file: `pyarrow.csv.read_csv`
of the observaties in a process of its own (reading the text, nothing checked or written).
CPU seconds are printed beside wall seconds: on a shared machine the wall clock also counts the
other processes.

    python benchmarks/import_national.py [--years 46] [--postgres URL]

`--years 46` makes the 5.7 million-row file, `--years 126` (back to 1900) 15.3 million rows. `--postgres` takes a server URL whose user may create
databases (as DASHBOARD_TEST_POSTGRES_URL); a database is created for the run and dropped after.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path


def child_import(folder: Path, url: str) -> None:
    """Runs in its own process: catalogue, gebieden and partijen, then the observaties, timed."""
    import resource

    from dashboard.db import open_database
    from dashboard.ingest import import_file
    from dashboard.startup import load_catalogue

    def cpu() -> float:
        usage = resource.getrusage(resource.RUSAGE_SELF)
        return usage.ru_utime + usage.ru_stime

    db = open_database(url)
    load_catalogue(db)
    start, used = time.perf_counter(), cpu()
    for name in ("gebieden.csv", "partijen.csv"):
        import_file(db, folder / name, user="benchmark")
    reference = time.perf_counter() - start
    start, used = time.perf_counter(), cpu()
    report = import_file(db, folder / "observaties.csv", user="benchmark")
    seconds, used, peak_kb = time.perf_counter() - start, cpu() - used, _peak_kb()
    print(json.dumps({"rows": report.rows_new, "status": report.status, "seconds": seconds, "cpu": used,
                      "reference_seconds": reference, "undo_seconds": _undo_a_correction(db, folder),
                      "again_seconds": _import_again(db, folder), "peak_kb": peak_kb}))


def _undo_a_correction(db, folder: Path) -> float:
    """A correction of 1,000 values imported on top, then undone: the seconds the undo takes."""
    from dashboard.ingest import import_file
    from dashboard.ingest.undo import undo

    with (folder / "observaties.csv").open(encoding="utf-8") as lines:
        header, rows = next(lines), [next(lines).rstrip("\n").rsplit(";", 1) for _ in range(1000)]
    correction = header + "".join(f"{key};{float(value) + 1:g}\n" for key, value in rows)
    batch = import_file(db, correction.encode(), filename="correctie.csv", user="benchmark").batch_id
    start = time.perf_counter()
    undo(db, batch)
    return time.perf_counter() - start


def _import_again(db, folder: Path) -> float:
    """The whole file once more with its first 1,000 values changed, as a yearly delivery that
    repeats the years before: the seconds it takes (nearly every row confirms a stored value)."""
    from dashboard.ingest import import_file

    lines = (folder / "observaties.csv").read_bytes().split(b"\n")
    for i in range(1, 1001):
        key, value = lines[i].rsplit(b";", 1)
        lines[i] = key + b";" + f"{float(value) + 1:g}".encode()
    path = folder / "observaties-opnieuw.csv"
    path.write_bytes(b"\n".join(lines))
    del lines
    import resource

    usage = resource.getrusage(resource.RUSAGE_SELF)
    start, used = time.perf_counter(), usage.ru_utime + usage.ru_stime
    report = import_file(db, path, filename="opnieuw.csv", user="benchmark")
    seconds = time.perf_counter() - start
    usage = resource.getrusage(resource.RUSAGE_SELF)
    assert (report.status, report.rows_changed) == ("committed", 1000), report
    return f"{seconds:.2f} s (CPU {usage.ru_utime + usage.ru_stime - used:.1f} s)"


def child_reject(folder: Path, url: str) -> None:
    """The same file with one bad value near its end, into a fresh database: refused whole."""
    from sqlalchemy import func, select

    from dashboard.db import open_database
    from dashboard.ingest import ImportRejected, import_file
    from dashboard.models import Observatie
    from dashboard.startup import load_catalogue

    db = open_database(url)
    load_catalogue(db)
    for name in ("gebieden.csv", "partijen.csv"):
        import_file(db, folder / name, user="benchmark")
    lines = (folder / "observaties.csv").read_bytes().split(b"\n")
    bad = len(lines) - 3  # 0-based: the file's line len(lines) - 2, the one before the last
    lines[bad] = lines[bad].rsplit(b";", 1)[0] + b";veel"
    path = folder / "observaties-fout.csv"
    path.write_bytes(b"\n".join(lines))
    del lines
    start = time.perf_counter()
    try:
        import_file(db, path, user="benchmark")
        problems = []
    except ImportRejected as rejected:
        problems = [p.line for p in rejected.problems]
    with db.make_session() as session:
        stored = session.scalar(select(func.count()).select_from(Observatie))
    print(json.dumps({"problems": problems, "expected": bad + 1, "stored": stored,
                      "seconds": time.perf_counter() - start, "peak_kb": _peak_kb()}))


def child_read(path: Path) -> None:
    """The baseline: pyarrow reads the whole file as text columns."""
    import pyarrow as pa
    import pyarrow.csv as pacsv

    start = time.perf_counter()
    names = path.open(encoding="utf-8").readline().strip().split(";")
    table = pacsv.read_csv(path, parse_options=pacsv.ParseOptions(delimiter=";"),
                           convert_options=pacsv.ConvertOptions(column_types={n: pa.string() for n in names}))
    print(json.dumps({"rows": table.num_rows, "seconds": time.perf_counter() - start, "peak_kb": _peak_kb()}))


def run(*argv: str) -> tuple[dict, float]:
    """A child process of this script: (what it printed, its peak resident memory in MB)."""
    result = subprocess.run([sys.executable, __file__, *argv], capture_output=True, text=True)
    if result.returncode:
        raise SystemExit(f"{argv[0]} failed:\n{result.stderr[-3000:]}")
    printed = json.loads(result.stdout.strip().splitlines()[-1])
    return printed, printed.pop("peak_kb") / 1024


def _peak_kb() -> int:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def postgres_database(server: str):
    """A fresh database on `server`, and a function that drops it."""
    from sqlalchemy import create_engine, make_url

    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    name = f"bench_{uuid.uuid4().hex[:10]}"
    with admin.connect() as connection:
        connection.exec_driver_sql(f'CREATE DATABASE "{name}"')

    def drop() -> None:
        with admin.connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()

    return make_url(server).set(database=name).render_as_string(hide_password=False), drop


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--years", type=int, default=10, help="years of observations (46: about 5.7 million rows)")
    parser.add_argument("--postgres", metavar="URL", help="also import into a fresh database on this server")
    args = parser.parse_args()
    from dashboard.demo import landelijk

    with tempfile.TemporaryDirectory(prefix="national-") as name:
        folder = Path(name)
        start = time.perf_counter()
        paths = landelijk.write(folder, args.years)
        generated = time.perf_counter() - start
        size = paths["observaties"].stat().st_size / 1e6
        read, read_peak = run("--read", str(paths["observaties"]))
        rows = read["rows"]
        print(f"file: {rows:,} observation rows, {size:.1f} MB ({args.years} years); generated in {generated:.0f} s")
        print(f"baseline pyarrow.csv.read_csv of the file: {read['seconds']:.2f} s, peak memory {read_peak:,.0f} MB")
        targets = [("SQLite", f"sqlite:///{folder / 'national.db'}", None)]
        if args.postgres:
            targets.append(("PostgreSQL", *postgres_database(args.postgres)))
        for label, url, drop in targets:
            try:
                result, peak = run("--import", str(folder), url)
            finally:
                if drop:
                    drop()
            assert (result["status"], result["rows"]) == ("committed", rows), result
            seconds = result["seconds"]
            if label == "SQLite":
                refused, _ = run("--reject", str(folder), f"sqlite:///{folder / 'refused.db'}")
                print(f"the same file with a bad value on line {refused['expected']:,} (near the end): refused in "
                      f"{refused['seconds']:.1f} s naming line(s) {refused['problems']}; rows stored: {refused['stored']}")
            print(f"{label}: observaties {seconds:.2f} s = {rows / seconds:,.0f} rows/s "
                  f"(CPU {result['cpu']:.1f} s = {rows / result['cpu']:,.0f} rows per CPU second); "
                  f"peak memory {peak:,.0f} MB; import / read = {seconds / read['seconds']:.1f}x; "
                  f"gebieden and partijen before it {result['reference_seconds']:.1f} s; "
                  f"undo of a 1,000-value correction after it {result['undo_seconds']:.2f} s; "
                  f"the whole file again with 1,000 values changed {result['again_seconds']}")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--import"]:
        child_import(Path(sys.argv[2]), sys.argv[3])
    elif sys.argv[1:2] == ["--reject"]:
        child_reject(Path(sys.argv[2]), sys.argv[3])
    elif sys.argv[1:2] == ["--read"]:
        child_read(Path(sys.argv[2]))
    else:
        main()
