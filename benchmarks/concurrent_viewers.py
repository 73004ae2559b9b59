"""Viewers opening one share link at once: latency per viewer, failures and server memory, beside a trivial page.

    python benchmarks/concurrent_viewers.py [--viewers 20] [--rounds 5] [--single 5] [--path /dashboard]
                                            [--database-url URL] [--timeout 300] [--env NAME=VALUE]...

A real `streamlit run app.py` on a free port (on a fresh copy of the demo data unless
--database-url names another database), a share link made with `share create`, then:
- the first visit of the fresh server: the share URL as handed out (`/?deel=TOKEN`);
- one viewer of PATH?deel=TOKEN at a time (--single runs, median);
- --viewers viewers of PATH?deel=TOKEN at the same moment, --rounds times: p50, p95, max of the
  median round, failures of all rounds, processor time per viewer, and the server's memory (VmRSS, and VmHWM the peak, of the process and its children) while all those
  sessions are still open.
The same is measured for a one-line Streamlit script served on its own, after the app's server
has stopped, and for Streamlit's floor (as many one-line markdowns as the app's page sent
messages), so the ratios say what Streamlit alone makes of such a page and what our pages add,
whatever this machine's speed. Each viewer is a protocol-level Streamlit client
(dashboard.testing.protocol): the websocket and messages a browser tab uses, no rendering.
Latency runs from the websocket connect to the script's last script_finished. `--env` passes a setting to both servers, to try one without editing a file
(e.g. --env STREAMLIT_RUNNER_POST_SCRIPT_GC=false). Not a test: it prints figures, ratios and
the issue's targets, and never fails on time.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from collections import Counter
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from dashboard.testing.live_server import Server, demo_folder
from dashboard.testing.protocol import Result, open_many, open_one, summary

TRIVIAL = "import streamlit as st\nst.write('Tellen & Vertellen')\n"
# The framework's cost of a page's messages alone: the trivial page plus one-line markdowns, as many
# messages as the app's page sent, and no work of ours behind them.
FLOOR = "import streamlit as st\nst.write('Tellen & Vertellen')\nfor line in range({n}):\n    st.markdown(f'regel {{line}}')\n"
TARGET_P95, TARGET_RATIO, TARGET_RSS_KB = 2.0, 2.0, 1024 * 1024


def measure(server: Server, path: str, query: dict[str, str], viewers: int, single: int,
            timeout: float, rounds: int = 1) -> dict:
    """`rounds` crowds one after the other: the figures of the round with the median p95 (one
    round on a two-core machine varies by a third), processor time over all of them."""
    first = open_one(server.url, "/", query, timeout=timeout)
    alone = [open_one(server.url, path, query, timeout=timeout) for _ in range(single)]
    crowds, memory = [], {}
    cpu = server.cpu_seconds()
    for _ in range(rounds):
        crowds.append(open_many(server.url, path, query, viewers, timeout=timeout,
                                while_open=lambda: memory.update(server.memory_kb())))
    cpu = (server.cpu_seconds() - cpu) / viewers / rounds
    crowds.sort(key=lambda crowd: summary(crowd)["p95"] or float("inf"))
    return {"first": first, "alone": alone, "crowd": crowds[len(crowds) // 2], "p95s": [summary(c)["p95"] for c in crowds],
            "failed": sum(summary(c)["failed"] for c in crowds), "memory": memory, "after": server.memory_kb(), "cpu": cpu}


def _s(value: float | None) -> str:
    return "   -   " if value is None else f"{value:7.2f}"


def report(name: str, figures: dict) -> None:
    first: Result = figures["first"]
    alone = [r.latency for r in figures["alone"] if r.latency is not None]
    crowd = summary(figures["crowd"])
    print(f"\n{name}")
    print(f"  first visit of the fresh server   {_s(first.latency)} s"
          + (f"   FAILED: {'; '.join(first.failures)}" if first.failures else ""))
    print(f"  1 viewer, median of {len(figures['alone'])}          {_s(statistics.median(alone) if alone else None)} s"
          f"   (min {_s(min(alone) if alone else None)}, max {_s(max(alone) if alone else None)};"
          f" failed {sum(1 for r in figures['alone'] if r.failures)})")
    rounds = figures["p95s"]
    print(f"  {crowd['n']} viewers at once, {len(rounds)} rounds: p95 per round "
          + " ".join(f"{p95:.2f}" if p95 else "-" for p95 in rounds)
          + f" s; failed {figures['failed']} of {crowd['n'] * len(rounds)}")
    print(f"    the median round               p50 {_s(crowd['p50'])} s   p95 {_s(crowd['p95'])} s"
          f"   max {_s(crowd['max'])} s   (unfinished {crowd['n'] - crowd['finished']})")
    print(f"    first message after connect      p50 {_s(crowd['first_p50'])} s   max {_s(crowd['first_max'])} s")
    print(f"    server processor time per viewer {figures['cpu'] * 1000:7.1f} ms")
    memory, after = figures["memory"], figures["after"]
    print(f"  server memory with {crowd['n']} sessions   VmRSS {memory.get('VmRSS', 0) / 1024:7.1f} MB"
          f"   VmHWM (peak) {memory.get('VmHWM', 0) / 1024:7.1f} MB"
          f"   (VmRSS after they closed {after.get('VmRSS', 0) / 1024:.1f} MB)")
    failures = Counter(text[:160] for r in figures["crowd"] + figures["alone"] for text in r.failures)
    for text, count in failures.most_common(6):
        print(f"    {count:3d} x {text}")


def within_target(p95: float | None, baseline: float | None) -> str:
    """The issue's target for a crowd's p95 against a baseline served the same way (both scripts)."""
    return "ok" if p95 and baseline and p95 / baseline <= TARGET_RATIO else "MISSED"


def messages_sent(figures: dict) -> int:
    return int(statistics.median(r.messages for r in figures["alone"]))


def _served(folder: Path, source: str, env: dict[str, str], query: dict[str, str], args) -> dict:
    """A one-file script on a server of its own, measured as the app was."""
    folder.mkdir()
    script = folder / "script.py"
    script.write_text(source)
    server = Server(folder, env, script=script)
    try:
        return measure(server, "/", query, args.viewers, args.single, args.timeout, args.rounds)
    finally:
        server.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--viewers", type=int, default=20, help="viewers at the same moment (20)")
    parser.add_argument("--rounds", type=int, default=5, help="crowds one after the other, median p95 (5)")
    parser.add_argument("--single", type=int, default=5, help="one-at-a-time visits for the median (5)")
    parser.add_argument("--path", default="/dashboard", help="page the share link opens (/dashboard)")
    parser.add_argument("--database-url", help="serve this database instead of a fresh demo copy")
    parser.add_argument("--timeout", type=float, default=300, help="seconds a viewer waits for its page")
    parser.add_argument("--env", action="append", default=[], metavar="NAME=VALUE",
                        help="environment for both servers, e.g. STREAMLIT_RUNNER_POST_SCRIPT_GC=false")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bench-viewers-"))

    extra = dict(item.split("=", 1) for item in args.env)
    env = {**extra, **({"DASHBOARD_DATABASE_URL": args.database_url} if args.database_url else {})}
    if not args.database_url:
        demo_folder(folder / "app")  # the demo load is not measured
    (folder / "app").mkdir(exist_ok=True)
    app = Server(folder / "app", env)
    try:
        made = app.cli("share", "create", "--label", "Benchmark gemeenteraad", "--json")
        if made.returncode != 0:
            sys.exit(f"share create failed: {made.stderr}")
        token = parse_qs(urlsplit(made.stdout.strip().splitlines()[-1]).query)["deel"][0]
        ours = measure(app, args.path, {"deel": token}, args.viewers, args.single, args.timeout, args.rounds)
    finally:
        app.stop()
    errors = [line for line in app.log_text().splitlines() if "Error" in line or "Traceback" in line]

    base = _served(folder / "trivial", TRIVIAL, extra, {"deel": token}, args)
    lines = max(0, messages_sent(ours) - messages_sent(base))
    floor = _served(folder / "floor", FLOOR.format(n=lines), extra, {"deel": token}, args)

    print(f"database: {args.database_url or 'a fresh copy of the demo data'}; page {args.path}?deel=…;"
          f" server state and logs in {folder}" + (f"; environment {extra}" if extra else ""))
    report(f"app ({args.path} through the share link)", ours)
    report("trivial one-line page", base)
    report(f"Streamlit's floor for the app's {messages_sent(ours)} messages: one-line markdowns, no work behind them", floor)
    if errors:
        print(f"\n  app server log: {len(errors)} error lines, the first different ones:")
        for line in list(dict.fromkeys(line[:200] for line in errors))[:5]:
            print(f"    {line}")

    ours_alone = statistics.median([r.latency for r in ours["alone"] if r.latency] or [float("nan")])
    base_alone = statistics.median([r.latency for r in base["alone"] if r.latency] or [float("nan")])
    ours_crowd, base_crowd = summary(ours["crowd"]), summary(base["crowd"])
    floor_p95 = summary(floor["crowd"])["p95"]
    print("\nratios")
    print(f"  1 viewer, app/trivial:                    {ours_alone / base_alone:6.1f}x")
    if ours_crowd["p95"] and base_crowd["p95"]:
        print(f"  {args.viewers} viewers p95, app/trivial:              {ours_crowd['p95'] / base_crowd['p95']:6.1f}x")
        print(f"  app, {args.viewers} viewers p95 / 1 viewer median:    {ours_crowd['p95'] / ours_alone:6.1f}x")
        if floor_p95:
            print(f"  {args.viewers} viewers p95, floor of {messages_sent(ours)} messages/trivial: {floor_p95 / base_crowd['p95']:6.1f}x"
                  f"   (what Streamlit alone makes of that many messages)")
            print(f"  {args.viewers} viewers p95, app/floor of its messages: {ours_crowd['p95'] / floor_p95:6.1f}x"
                  f"   (what the app's own work adds)")
    print(f"  {args.viewers} viewers, processor time per viewer, app/trivial: {ours['cpu'] / base['cpu']:6.1f}x")
    peak = ours["memory"].get("VmHWM", 0)
    fast = ours_crowd["p95"] is not None and ours_crowd["p95"] < TARGET_P95
    print(f"targets: {args.viewers} viewers p95 <= {TARGET_RATIO:.0f}x trivial"
          f" -> {within_target(ours_crowd['p95'], base_crowd['p95'])}"
          f", <= {TARGET_RATIO:.0f}x the floor of its messages -> {within_target(ours_crowd['p95'], floor_p95)}"
          f", p95 < {TARGET_P95:.0f} s -> {'ok' if fast else 'MISSED'}"
          f", none failed -> {'ok' if not ours['failed'] else 'MISSED'}"
          f", server peak memory < 1 GB -> {'ok' if peak < TARGET_RSS_KB else 'MISSED'}")


if __name__ == "__main__":
    main()
