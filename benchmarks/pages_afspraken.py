"""Server-side run time of Kompas, the afspraken list and an afspraak detail on the demo data.

Runs each page under AppTest (the script run Streamlit does per visit, without the browser):
cold is the first run of the page in this process, warm the median of the runs after it. A
trivial page (one st.write) is measured the same way in the same run, so the ratio says how
much our own work adds, whatever this machine's speed. Target: under 300 ms warm.

    PYTHONPATH=src python benchmarks/pages_afspraken.py [--runs 10]
"""
from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _time(run) -> float:
    start = time.perf_counter()
    run()
    return (time.perf_counter() - start) * 1000


def measure(make, runs: int) -> tuple[float, float]:
    """(cold ms, warm median ms) for a page: make() returns a callable that runs it once."""
    run = make()
    cold = _time(run)
    return cold, statistics.median(_time(run) for _ in range(runs))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bench-afspraken-"))
    os.environ.update(DASHBOARD_DATABASE_URL=f"sqlite:///{folder / 'demo.db'}", DASHBOARD_MEDIA_DIR=str(folder / "media"),
                      DASHBOARD_SECRET_KEY="benchmark")
    os.chdir(ROOT)
    from streamlit.testing.v1 import AppTest

    from dashboard import afspraken, config, startup

    db = startup.prepare(replace(config.load()), demo=True)  # the demo loads outside the measurement
    with db.sessions() as session:
        detail_id = str(afspraken.overview(session).set_index("nummer").loc["5.1", "id"])

    def trivial():
        at = AppTest.from_string("import streamlit as st\nst.write('Hallo')", default_timeout=120)
        return lambda: at.run()

    def page(script: str | None, params: dict[str, str] | None = None):
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
        at.run()  # every visit starts at app.py; the page is switched to below
        if params:
            at.query_params.update(params)
        if script is None:
            return lambda: at.run()
        return lambda: at.switch_page(script).run()

    rows = [
        ("triviale pagina (st.write)", measure(trivial, args.runs)),
        ("Kompas", measure(lambda: page(None), args.runs)),
        ("Afspraken (lijst)", measure(lambda: page("pages/afspraken.py"), args.runs)),
        ("Afspraak 5.1 (detail)", measure(lambda: page("pages/afspraken.py", {"afspraak": detail_id}), args.runs)),
    ]
    base_warm = rows[0][1][1]
    print(f"{'pagina':30} {'koud ms':>9} {'warm ms':>9} {'warm / triviaal':>16}")
    for name, (cold, warm) in rows:
        print(f"{name:30} {cold:9.0f} {warm:9.0f} {warm / base_warm:15.1f}x")
    print(f"(warm = mediaan van {args.runs} runs; doel: onder 300 ms warm)")


if __name__ == "__main__":
    main()
