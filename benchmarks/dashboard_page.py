"""Server-side run time of the dashboard page on the demo data, beside a trivial Streamlit page.

    python benchmarks/dashboard_page.py [--runs N]

Cold is the dashboard's first run in this process (its queries, figures and caches all new);
warm the median of the reruns after it. Not a test: it never fails on time.
"""
from __future__ import annotations

import argparse
import sys

from harness import logged_in_app, measure, prepare_demo, trivial


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    app = logged_in_app(prepare_demo("bench-dashboard-"))
    first = True

    def dashboard():
        nonlocal first
        (app.switch_page("pages/dashboard.py") if first else app).run()
        first = False

    cold, warm_ms, warm = measure(dashboard, args.runs)
    if app.exception:
        sys.exit(f"dashboard failed: {app.exception[0].message}")
    base_cold, base_ms, _ = measure(trivial(), args.runs)
    print(f"dashboard page  cold {cold:8.1f} ms   warm median {warm_ms:7.1f} ms "
          f"(min {min(warm):.1f}, max {max(warm):.1f}, n={len(warm)})")
    print(f"trivial page    cold {base_cold:8.1f} ms   warm median {base_ms:7.1f} ms")
    print(f"ratio dashboard/trivial (warm): {warm_ms / base_ms:.1f}x")
    print(f"targets: warm < 300 ms -> {'ok' if warm_ms < 300 else 'MISSED'}, "
          f"cold < 1000 ms -> {'ok' if cold < 1000 else 'MISSED'}")


if __name__ == "__main__":
    main()
