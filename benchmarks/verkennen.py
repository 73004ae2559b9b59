"""Server-side run time of Verkennen over every gemeente and over every wijk of a national data set,
beside a trivial page. Target: under 500 ms warm.

    python benchmarks/verkennen.py [--database-url URL] [--runs N] [--keep DIR]

With --database-url the explorer reads that database (for example one filled from
`python -m dashboard demo --scale national --out DIR`). Without it, a synthetic national set is
built first through the import path users have: 342 gemeenten with 5 to 15 wijken each (about
3,400), eight indicators for 2020-2025, some only per corporation (so the explorer adds them up),
written as gebieden, partijen and lang CSV files and imported; building it is not measured.
Cold is the explorer's first run in this process, warm the median of the runs after it.
"""
from __future__ import annotations

import argparse
import csv
import os
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from harness import ROOT, logged_in_app, measure, trivial

GEMEENTEN = 342
JAREN = range(2020, 2026)
CORPORATIES = ("Corporatie Noord", "Corporatie Zuid")
# indicator -> (low, high) of the synthetic values per wijk; per_partij: stored per corporation only
INDICATOREN = {"woningvoorraad_totaal": (400, 12_000), "aandeel_sociale_huur": (5, 60), "betaalrisico": (2, 20),
               "leegstand": (0.1, 4), "gemiddelde_huur": (500, 900), "huurdersoordeel": (6.5, 8.3),
               "nieuwbouw_sociaal": (0, 80), "label_efg": (0, 900)}
PER_PARTIJ = {"label_efg", "nieuwbouw_sociaal"}


def write_national(folder: Path) -> list[Path]:
    """Deterministic gebieden, partijen and observaties files in the import formats."""
    rng = np.random.default_rng(342)
    gebieden = [("code", "naam", "niveau", "ouder", "lat", "lon")]
    wijken: list[str] = []
    for g in range(1, GEMEENTEN + 1):
        lat, lon = 50.8 + 2.6 * rng.random(), 3.4 + 3.6 * rng.random()
        gebieden.append((f"GM{g:04d}", f"Gemeente {g}", "gemeente", "", f"{lat:.4f}", f"{lon:.4f}"))
        for w in range(int(rng.integers(5, 16))):
            code = f"WK{g:04d}{w:02d}"
            wijken.append(code)
            gebieden.append((code, f"Wijk {w + 1} van gemeente {g}", "wijk", f"GM{g:04d}",
                             f"{lat + rng.normal(0, 0.02):.4f}", f"{lon + rng.normal(0, 0.02):.4f}"))
    rows = [("indicator", "gebied", "partij", "periode", "waarde")]
    by_gemeente: dict[str, list[str]] = {}
    for code in wijken:
        by_gemeente.setdefault("GM" + code[2:6], []).append(code)
    for key, (low, high) in INDICATOREN.items():
        for jaar in JAREN:
            values = dict(zip(wijken, rng.uniform(low, high, len(wijken)).round(1)))
            for gemeente, codes in by_gemeente.items():
                total = sum(values[c] for c in codes) if key in ("woningvoorraad_totaal", "nieuwbouw_sociaal",
                                                                  "label_efg") else np.mean([values[c] for c in codes])
                for code, value in [(c, values[c]) for c in codes] + [(gemeente, round(float(total), 1))]:
                    if key in PER_PARTIJ:
                        share = round(value * 0.6, 1)
                        rows += [(key, code, CORPORATIES[0], str(jaar), f"{share:.1f}"),
                                 (key, code, CORPORATIES[1], str(jaar), f"{value - share:.1f}")]
                    else:
                        rows.append((key, code, "", str(jaar), f"{value:.1f}"))
    files = {"gebieden.csv": gebieden, "partijen.csv": [("naam", "soort")] + [(c, "corporatie") for c in CORPORATIES],
             "observaties.csv": rows}
    for name, content in files.items():
        with (folder / name).open("w", encoding="utf-8", newline="") as handle:
            csv.writer(handle, delimiter=";", lineterminator="\n").writerows(content)
    print(f"synthetische landelijke set: {GEMEENTEN} gemeenten, {len(wijken)} wijken, {len(rows) - 1:,} waarden")
    return [folder / name for name in files]


def prepare(database_url: str | None, keep: str | None):
    folder = Path(keep or tempfile.mkdtemp(prefix="bench-verkennen-"))
    folder.mkdir(parents=True, exist_ok=True)
    url = database_url or f"sqlite:///{folder / 'landelijk.db'}"
    os.environ.update(DASHBOARD_DATABASE_URL=url, DASHBOARD_MEDIA_DIR=str(folder / "media"),
                      DASHBOARD_SECRET_KEY="benchmark", DASHBOARD_DEMO="0")
    os.chdir(ROOT)
    from dashboard import config, startup
    from dashboard.ingest import import_file

    db = startup.prepare(config.load(), demo=False)
    if database_url is None and not (folder / "observaties.csv").exists():
        start = time.perf_counter()
        for path in write_national(folder):
            import_file(db, path, user="benchmark")
        print(f"geïmporteerd in {time.perf_counter() - start:.1f} s (niet gemeten)")
    return db


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", help="an existing (national) database instead of the synthetic set")
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--keep", help="build or reuse the synthetic set in this folder")
    args = parser.parse_args()
    db = prepare(args.database_url, args.keep)
    from dashboard.verkennen.keuze import GEMEENTEN as ALLE_GEMEENTEN
    from dashboard.verkennen.keuze import WIJKEN as ALLE_WIJKEN

    def explorer(binnen: str):
        at = logged_in_app(db)
        at.query_params.update({"binnen": binnen, "x": "aandeel_sociale_huur", "y": "betaalrisico",
                                "grootte": "label_efg", "jaar": "2025"})
        first = True

        def run():
            nonlocal first
            (at.switch_page("pages/verkennen.py") if first else at).run()
            first = False
            if at.exception:
                sys.exit(f"verkennen failed: {at.exception[0].message}")
            points = len(at.dataframe[0].value) if at.dataframe else 0
            assert points, "no points: the data set lacks these indicators"
        return run

    rows = [("triviale pagina (st.write)", measure(trivial(), args.runs)),
            ("Verkennen, alle gemeenten", measure(explorer(ALLE_GEMEENTEN), args.runs)),
            ("Verkennen, alle wijken", measure(explorer(ALLE_WIJKEN), args.runs))]
    base = rows[0][1][1]
    print(f"{'pagina':30} {'koud ms':>9} {'warm ms':>9} {'warm / triviaal':>16}")
    for name, (cold, warm, _) in rows:
        print(f"{name:30} {cold:9.0f} {warm:9.0f} {warm / base:15.1f}x")
    print(f"(warm = mediaan van {args.runs} runs; doel: onder 500 ms warm -> "
          + ", ".join(f"{name.split(', ')[1]}: {'ok' if warm < 500 else 'GEMIST'}" for name, (_, warm, _) in rows[1:])
          + ")")


if __name__ == "__main__":
    main()
