"""Helpers the browser tests share (a plain module: test files must not import conftest)."""
READY = '[data-testid="stApp"][data-test-script-state="notRunning"]'


def wait_ready(page) -> None:
    """Wait until the script run is over and the page has settled."""
    page.wait_for_selector(READY, timeout=60_000)
    page.wait_for_load_state("networkidle")
    page.wait_for_selector(READY, timeout=60_000)
