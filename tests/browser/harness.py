"""Helpers the browser tests share (a plain module: test files must not import conftest)."""
import socket

from playwright.sync_api import TimeoutError as PlaywrightTimeout

READY = '[data-testid="stApp"][data-test-script-state="notRunning"]'


def wait_ready(page) -> None:
    """Wait until the script run is over and the page has settled.

    A page with video players may keep fetching media ranges, so the network never goes fully
    idle; the script state is what decides, the idle network only lets a rerun start first.
    """
    page.wait_for_selector(READY, timeout=60_000)
    try:
        page.wait_for_load_state("networkidle", timeout=5_000)
    except PlaywrightTimeout:
        pass
    page.wait_for_selector(READY, timeout=60_000)


def free_port() -> int:
    """A TCP port on loopback that nothing listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
