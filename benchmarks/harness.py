"""What the page benchmarks share: a demo database, a logged-in AppTest, a trivial baseline, timing.

Pages run under AppTest (the script run Streamlit does per visit, without a browser). A trivial
page is measured the same way in the same run, so a ratio says how much our own work adds,
whatever this machine's speed.
"""
from __future__ import annotations

import os
import statistics
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def prepare_demo(prefix: str):
    """A fresh demo database in a temporary folder, set as the app's; the load is not measured."""
    folder = Path(tempfile.mkdtemp(prefix=prefix))
    os.environ.update(DASHBOARD_DATABASE_URL=f"sqlite:///{folder / 'demo.db'}",
                      DASHBOARD_MEDIA_DIR=str(folder / "media"), DASHBOARD_SECRET_KEY="benchmark")
    os.chdir(ROOT)
    from dashboard import config, startup

    return startup.prepare(config.load(), demo=True)


def logged_in_app(db, role: str = "lezer"):
    """app.py under AppTest after its first run, logged in the way the app keeps a login."""
    from streamlit.testing.v1 import AppTest

    from dashboard.toegang import accounts
    from dashboard.ui import visitor

    name = f"benchmark-{role}"
    if name not in {user.naam for user in accounts.list_users(db)}:
        accounts.add_user(db, name, role, "benchmark-wachtwoord", door="benchmark")
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.session_state[visitor.LOGIN_KEY] = accounts.start_session(db, name)
    at.run()
    return at


def trivial():
    """A one-line page: the baseline."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_string("import streamlit as st\nst.write('Tellen & Vertellen')", default_timeout=120)
    return at.run


def timed(run) -> float:
    start = time.perf_counter()
    run()
    return (time.perf_counter() - start) * 1000


def measure(run, runs: int) -> tuple[float, float, list[float]]:
    """(cold ms, warm median ms, warm runs) for a callable that runs a page once."""
    cold = timed(run)
    warm = [timed(run) for _ in range(runs)]
    return cold, statistics.median(warm), warm
