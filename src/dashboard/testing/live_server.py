"""A real `streamlit run` on a free port with its own database and media folder.

Shared by the browser tests (tests/browser/conftest.py), the load tests and the benchmarks
(benchmarks/concurrent_viewers.py, benchmarks/dashboard_national.py). A plain module: test files
must not import conftest.
"""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
DATABASE = "dashboard.db"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def environment(folder: Path, base_url: str, extra: dict[str, str | None] | None = None) -> dict[str, str]:
    """The app's settings for a server (or a CLI call) whose state lives in `folder`.

    A value None in `extra` leaves that variable out, e.g. DASHBOARD_BASE_URL=None for a server
    whose links take the address of the browser that makes them."""
    env = {
        **os.environ,
        "DASHBOARD_DATABASE_URL": f"sqlite:///{folder / DATABASE}",
        "DASHBOARD_MEDIA_DIR": str(folder / "media"),
        "DASHBOARD_SECRET_KEY": "browser-test-" + folder.name,
        "DASHBOARD_BASE_URL": base_url,
        **(extra or {}),
    }
    return {name: value for name, value in env.items() if value is not None}


def run_cli(env: dict[str, str], *args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    """`python -m dashboard ...` with these settings."""
    return subprocess.run([sys.executable, "-m", "dashboard", *args], cwd=ROOT, env=env,
                          input=stdin, capture_output=True, text=True, timeout=300)


def demo_folder(folder: Path) -> Path:
    """`folder` with a database and media holding the demo data (`init --demo`), for copying."""
    folder.mkdir(parents=True, exist_ok=True)
    done = run_cli(environment(folder, "http://127.0.0.1"), "init", "--demo")
    if done.returncode != 0:
        raise RuntimeError(f"init --demo failed: {done.stderr}")
    return folder


def copy_state(source: Path, folder: Path) -> None:
    """The database and media of `source` (see demo_folder) into `folder`, before a server starts there."""
    folder.mkdir(parents=True, exist_ok=True)
    for item in source.iterdir():
        if item.name.startswith(DATABASE):
            shutil.copy2(item, folder / item.name)
    if (source / "media").is_dir():
        shutil.copytree(source / "media", folder / "media", dirs_exist_ok=True)


class Server:
    """A running Streamlit server with its own database and media folder.

    `script` is the app by default; a benchmark passes a one-line script for its baseline. `args` are
    extra `streamlit run` options; `port` is for a test that must know it before the start. `env`
    adds settings; DASHBOARD_BASE_URL is the server's own address unless `env` sets it (None: unset).
    """

    def __init__(self, folder: Path, env: dict[str, str | None] | None = None, script: str | Path = "app.py",
                 args: tuple[str, ...] = (), port: int | None = None):
        self.folder = folder
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = environment(folder, self.url, env)
        self.log_path = folder / "streamlit.log"
        self.log = open(self.log_path, "w")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", str(script), "--server.port", str(self.port),
             "--server.address", "127.0.0.1", "--server.headless", "true", *args],
            cwd=ROOT, env=self.env, stdout=self.log, stderr=subprocess.STDOUT)
        self._wait_healthy()

    def _wait_healthy(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"Streamlit stopped: {self.log_path.read_text()}")
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.3)
        raise RuntimeError("Streamlit did not become healthy in time")

    def cli(self, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
        """`python -m dashboard ...` against this server's database."""
        return run_cli(self.env, *args, stdin=stdin)

    def log_text(self) -> str:
        if not self.log.closed:
            self.log.flush()
        return self.log_path.read_text(errors="replace")

    def memory_kb(self) -> dict[str, int]:
        """VmRSS and VmHWM (peak) of the server and its child processes, in kB, from /proc."""
        return memory_kb(self.process.pid)

    def cpu_seconds(self) -> float:
        """Processor time the server and its child processes have used so far, from /proc."""
        return cpu_seconds(self.process.pid)

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log.close()


def memory_kb(*roots: int) -> dict[str, int]:
    """VmRSS and VmHWM (peak) of these processes and their children, added up, in kB, from /proc."""
    total = {"VmRSS": 0, "VmHWM": 0}
    for pid in (pid for root in roots for pid in _process_tree(root)):
        try:
            lines = Path(f"/proc/{pid}/status").read_text().splitlines()
        except OSError:
            continue
        for line in lines:
            key, _, value = line.partition(":")
            if key in total:
                total[key] += int(value.split()[0])
    return total


def cpu_seconds(*roots: int) -> float:
    """User and system time of these processes and their children (all their threads), in seconds."""
    ticks = 0
    for pid in (pid for root in roots for pid in _process_tree(root)):
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        ticks += int(fields[11]) + int(fields[12])  # utime, stime
    return ticks / os.sysconf("SC_CLK_TCK")


def _process_tree(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for status in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = status.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        children.setdefault(int(fields[1]), []).append(int(status.parent.name))
    tree, todo = [], [root]
    while todo:
        pid = todo.pop()
        tree.append(pid)
        todo.extend(children.get(pid, []))
    return tree
