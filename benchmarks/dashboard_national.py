"""The dashboard on a national data set: server-side runs, first render in Chromium, twenty viewers.

    python benchmarks/dashboard_national.py [--database-url URL] [--keep DIR] [--runs N] [--viewers N]

Without --database-url the national demo (`python -m dashboard demo --scale national`, about 1.4
million observations) is generated and imported into a fresh SQLite under --keep (reused when
that folder already holds it; neither step is measured). Then, each beside a one-line page
measured the same way in the same run:
- the dashboard's server-side run (AppTest): cold (empty caches), warm (median), and filter
  changes to gebieden not seen before (five provincies, then five gemeenten: new figures from
  SQL; the median and the slowest of each);
- the first render in Chromium of a fresh server: from navigation to the end of the script run,
  served by `streamlit run app.py` (the quick start) and by `deploy/serve.py` (warmed before its
  health check); then the same for a later visitor (a new browser) of the now warm server;
- twenty viewers of one share link at once (protocol level): p50, p95, failures, server memory.
Not a test: it prints figures, ratios and the issue's targets, and never fails on time.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from concurrent_viewers import TRIVIAL, measure as crowd, report
from harness import logged_in_app, measure, timed, trivial

from dashboard.testing.live_server import Server, environment, run_cli

ROOT = Path(__file__).resolve().parents[1]
SHOWN = ("document.querySelector('[data-testid=\"stApp\"]')?.dataset.testScriptState === 'notRunning'"
         " && document.querySelectorAll('[data-testid=\"stMain\"] [data-testid=\"stElementContainer\"]').length > 0")
CHROMIUM = "/usr/bin/chromium"
CHANGES = 5  # filter changes measured per level


def national_database(folder: Path) -> str:
    """The national demo imported into folder/national.db (made once, then reused)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "national.db"
    url = f"sqlite:///{path}"
    if path.exists():
        return url
    env = {**os.environ, "DASHBOARD_DATABASE_URL": url, "DASHBOARD_DEMO": "0"}
    files = folder / "bestanden"

    def cli(*args: str) -> None:
        done = subprocess.run([sys.executable, "-m", "dashboard", *args], cwd=ROOT, env=env,
                              capture_output=True, text=True)
        if done.returncode != 0:
            path.unlink(missing_ok=True)
            sys.exit(f"`dashboard {' '.join(args)}` failed: {done.stderr or done.stdout}")

    print(f"generating and importing the national demo into {path} (not measured) ...", flush=True)
    cli("demo", "--scale", "national", "--out", str(files))
    for kind in ("gebieden", "partijen", "observaties"):
        cli("import", str(files / f"{kind}.csv"))
    return url


def server_side(url: str, runs: int) -> dict[str, float]:
    """AppTest runs of the dashboard in this process: cold, warm, and two filter changes."""
    os.environ.update(DASHBOARD_DATABASE_URL=url, DASHBOARD_SECRET_KEY="benchmark", DASHBOARD_DEMO="0")
    os.chdir(ROOT)
    from dashboard import config, queries, startup

    db = startup.prepare(config.load(), demo=False)
    with db.make_session() as session:
        options = queries.options(session)
    gebieden = options.gebieden
    # the last five of each level (by name): gebieden no run has read yet, the largest provincies among them
    chosen = {niveau: gebieden[gebieden["niveau"] == niveau]["code"].iloc[-CHANGES:].tolist()
              for niveau in ("provincie", "gemeente")}
    app = logged_in_app(db)
    cold = timed(lambda: app.switch_page("pages/dashboard.py").run())
    if app.exception:
        sys.exit(f"dashboard failed: {app.exception[0].message}")
    warm = [timed(app.run) for _ in range(runs)]
    figures = {"cold": cold, "warm": statistics.median(warm), "warm_min": min(warm)}
    for niveau, codes in chosen.items():
        changes = [timed(lambda: app.selectbox(key="f_gebied").set_value(code).run()) for code in codes]
        figures[f"filter change to a {niveau} (median of {len(codes)})"] = statistics.median(changes)
        figures[f"filter change to a {niveau} (slowest: {codes[changes.index(max(changes))]})"] = max(changes)
    return figures


def first_render(server: Server, path: str) -> float:
    """Seconds from navigation to the end of the first script run, in a fresh Chromium context."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        options = {"args": ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                            "--disable-component-update", "--disable-sync", "--no-first-run"]}
        if Path(CHROMIUM).exists():
            options["executable_path"] = CHROMIUM
        browser = playwright.chromium.launch(**options)
        # bypass_csp: the page's Content-Security-Policy forbids eval, which wait_for_function uses
        page = browser.new_page(viewport={"width": 1280, "height": 800}, bypass_csp=True)
        start = time.perf_counter()
        page.goto(server.url + path)
        # the run has ended and drawn something (a warm server's one-line page ends before a
        # "running" state could be seen, so that is not waited for)
        page.wait_for_function(SHOWN, timeout=120_000)
        seconds = time.perf_counter() - start
        browser.close()
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", help="a national database (default: generate one under --keep)")
    parser.add_argument("--keep", default=str(Path(tempfile.gettempdir()) / "tellen-vertellen-national"),
                        help="folder for the generated national SQLite, reused between runs")
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--viewers", type=int, default=20)
    args = parser.parse_args()
    url = args.database_url or national_database(Path(args.keep))

    figures = server_side(url, args.runs)
    base_cold, base_warm, _ = measure(trivial(), args.runs)
    print(f"\nserver-side run (AppTest), database {url}")
    for name, ms in figures.items():
        print(f"  dashboard {name:48} {ms:8.1f} ms")
    print(f"  trivial page cold {base_cold:8.1f} ms, warm {base_warm:6.1f} ms;"
          f" dashboard warm / trivial warm {figures['warm'] / base_warm:.1f}x")

    folder = Path(tempfile.mkdtemp(prefix="bench-national-"))
    (folder / "app").mkdir()
    env = {"DASHBOARD_DATABASE_URL": url, "DASHBOARD_DEMO": "0"}
    # The link exists before the servers start, as links sent out before a restart do (making one
    # is an audited change: it raises the data version, so made after a start it would leave
    # that server's warm-up nothing to reuse).
    made = run_cli(environment(folder / "app", "http://127.0.0.1", env),
                   "share", "create", "--label", "Benchmark landelijk", "--json")
    token = parse_qs(urlsplit(made.stdout.strip().splitlines()[-1]).query)["deel"][0]
    renders = {}
    for entry in ("app.py", "deploy/serve.py"):
        app = Server(folder / "app", env, script=entry)
        try:
            renders[entry] = (first_render(app, f"/dashboard?deel={token}"),
                              first_render(app, f"/dashboard?deel={token}"))
            if entry == "app.py":
                viewers = crowd(app, "/dashboard", {"deel": token}, args.viewers, 3, 300)
        finally:
            app.stop()
    (folder / "trivial").mkdir()
    script = folder / "trivial" / "trivial.py"
    script.write_text(TRIVIAL)
    base = Server(folder / "trivial", {}, script=script)
    try:
        base_render = first_render(base, "/")
        base_later = first_render(base, "/")
        base_viewers = crowd(base, "/", {}, args.viewers, 3, 300)
    finally:
        base.stop()

    print(f"\nfirst render in Chromium, trivial page: fresh server {base_render:.2f} s, a later visitor {base_later:.2f} s")
    for entry, (render, later) in renders.items():
        print(f"  dashboard via {entry:16} fresh server {render:.2f} s ({render / base_render:.1f}x),"
              f" a later visitor {later:.2f} s ({later / base_later:.1f}x)")
    render = renders["deploy/serve.py"][0]
    report(f"dashboard, {args.viewers} viewers of one share link", viewers)
    report("trivial page", base_viewers)
    print("\ntargets: warm < 300 ms -> {}, cold < 1500 ms -> {}, filter change (median) < 300 ms -> {},"
          " first render (deploy/serve.py) <= 2x trivial -> {}".format(
              "ok" if figures["warm"] < 300 else "MISSED", "ok" if figures["cold"] < 1500 else "MISSED",
              "ok" if all(ms < 300 for name, ms in figures.items() if "median" in name) else "MISSED",
              "ok" if render <= 2 * base_render else "MISSED"))


if __name__ == "__main__":
    main()
