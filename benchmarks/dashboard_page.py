"""Server-side run time of the dashboard page on the demo data, beside a trivial Streamlit page.

Run: python benchmarks/dashboard_page.py [--runs N]
Prints cold (first run in this process: imports, database open, caches empty) and warm
(median of reruns) times for the dashboard, the same for a one-line page, and their ratios.
Both go through streamlit.testing.v1.AppTest, so the harness cost is in both and cancels out
of the ratio. Not a test: it never fails on time.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def timed(run) -> float:
    start = time.perf_counter()
    run()
    return (time.perf_counter() - start) * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bench-dashboard-"))
    os.environ["DASHBOARD_DATABASE_URL"] = f"sqlite:///{folder / 'demo.db'}"
    os.environ["DASHBOARD_SECRET_KEY"] = "benchmark"
    os.chdir(ROOT)

    from dashboard import config, startup

    startup.prepare(config.load(), demo=True).engine.dispose()  # the demo load is not what we measure

    from streamlit.testing.v1 import AppTest

    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    app.run()
    cold = timed(lambda: app.switch_page("pages/dashboard.py").run())
    if app.exception:
        sys.exit(f"dashboard failed: {app.exception[0].message}")
    warm = [timed(app.run) for _ in range(args.runs)]

    trivial_script = folder / "trivial.py"
    trivial_script.write_text("import streamlit as st\nst.write('Tellen & Vertellen')\n")
    trivial = AppTest.from_file(str(trivial_script))
    trivial_cold = timed(trivial.run)
    trivial_warm = [timed(trivial.run) for _ in range(args.runs)]

    warm_ms, trivial_ms = statistics.median(warm), statistics.median(trivial_warm)
    print(f"dashboard page  cold {cold:8.1f} ms   warm median {warm_ms:7.1f} ms "
          f"(min {min(warm):.1f}, max {max(warm):.1f}, n={len(warm)})")
    print(f"trivial page    cold {trivial_cold:8.1f} ms   warm median {trivial_ms:7.1f} ms")
    print(f"ratio dashboard/trivial (warm): {warm_ms / trivial_ms:.1f}x")
    print(f"targets: warm < 300 ms -> {'ok' if warm_ms < 300 else 'MISSED'}, "
          f"cold < 1000 ms -> {'ok' if cold < 1000 else 'MISSED'}")


if __name__ == "__main__":
    main()
