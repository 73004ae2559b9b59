"""A Streamlit viewer at the protocol level: what a browser tab asks and what it is shown, without a browser.

How a tab of Streamlit 1.67 talks to the server (Starlette + uvicorn, streamlit/web/server/starlette/
starlette_websocket.py and the frontend's `sendRerunBackMsg`):
- it opens the websocket `/_stcore/stream` with subprotocol `streamlit` (the header's second and
  third entries carry an XSRF token and a session id to resume; both are optional and only matter
  for st.login's cookie and reconnects). The handshake carries the tab's cookies, which the app
  reads as `st.context.cookies`;
- it sends one BackMsg `rerun_script` with a ClientState: `query_string` (without `?`),
  `page_name` (the URL path without the leading slash, "" for the home page), an empty
  `page_script_hash` and `context_info` (timezone, locale, url, colour scheme);
- it receives ForwardMsgs: `new_session` at the start of every script run, `delta`s with the
  elements (addressed by `metadata.delta_path`, a later delta at the same path replaces the
  element), `navigation` (the pages and the one being run), `page_not_found` (the frontend shows
  a "Page not found" dialog that stays), `script_finished`. A run that calls st.rerun finishes
  FINISHED_EARLY_FOR_RERUN and the next run follows on the same socket; the visit is done at the
  first script_finished that is not a rerun.
Messages only come as `ref_hash` references when the client lists `cached_message_hashes`; a viewer
lists none, but resolves references to messages it was sent anyway.

    results = open_many(server.url, "/dashboard", {"deel": token}, 20)
    assert not [r.failures for r in results if r.failures]
"""
from __future__ import annotations

import asyncio
import statistics
import time
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode, urlsplit

from streamlit.proto.Alert_pb2 import Alert
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from websockets.asyncio.client import connect
from websockets.typing import Subprotocol

FINISHED = ForwardMsg.ScriptFinishedStatus
# the English box a script error or an uncaught exception shows, in every language of the app
EXCEPTION_BOX = "This app has encountered an error"
# words of a Dutch message that says the database cannot serve right now (the product's wording may vary)
_BUSY_WORDS = ("database", "bezet", "druk", "niet beschikbaar", "probeer het", "even geduld")


@dataclass
class Result:
    """What one viewer was shown. `latency` runs from the connect to the last script_finished."""
    index: int
    latency: float | None = None  # seconds; None when the visit did not finish
    connect: float | None = None  # seconds until the websocket was open
    first: float | None = None  # seconds until the first ForwardMsg (the server started the run)
    status: str | None = None  # the last script_finished status name
    runs: int = 0  # script runs of this visit (a st.rerun makes two)
    page: str | None = None  # url path of the page the last run's navigation ran ("" = home)
    pages: list[str] = field(default_factory=list)  # url paths the navigation offered
    texts: list[str] = field(default_factory=list)  # markdown, headings, alerts, text, metrics shown
    headings: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # st.error bodies shown
    exceptions: list[str] = field(default_factory=list)  # "Type: message" of exception elements shown
    page_not_found: list[str] = field(default_factory=list)  # every page_not_found of the visit
    problem: str | None = None  # connection refused, closed early, timed out
    messages: int = 0
    bytes: int = 0

    @property
    def busy(self) -> list[str]:
        """Error alerts that speak of the database being unavailable or busy."""
        return [text for text in self.errors
                if "database" in text.lower() and any(word in text.lower() for word in _BUSY_WORDS[1:])]

    @property
    def failures(self) -> list[str]:
        """What a user would call a failure: no page, an error box, 'page not found', an error alert."""
        found = []
        if self.problem:
            found.append(self.problem)
        elif self.status != "FINISHED_SUCCESSFULLY":
            found.append(f"script finished {self.status}")
        found += [f"exception element: {text}" for text in self.exceptions]
        found += [f"page not found: {name!r}" for name in self.page_not_found]
        found += [f"error alert: {text}" for text in self.errors]
        return found

    def shows(self, text: str) -> bool:
        return any(text in shown for shown in self.texts)


class _Visit:
    """Folds the ForwardMsgs of one visit into a Result."""

    def __init__(self, result: Result):
        self.result = result
        self.cache: dict[str, ForwardMsg] = {}
        self.elements: dict[tuple[int, ...], Any] = {}
        self.navigation: Any = None

    def take(self, msg: ForwardMsg) -> bool:
        """Handle one message; True when the visit is done (a script_finished that is not a rerun)."""
        if msg.metadata.cacheable and msg.hash:
            self.cache[msg.hash] = msg
        kind = msg.WhichOneof("type")
        if kind == "ref_hash":
            original = self.cache.get(msg.ref_hash)
            if original is None:
                self.result.problem = f"reference to a message never sent ({msg.ref_hash})"
                return True
            resolved = ForwardMsg()
            resolved.CopyFrom(original)
            resolved.metadata.CopyFrom(msg.metadata)
            return self.take(resolved)
        if kind == "new_session":
            self.result.runs += 1
            self.elements.clear()
            self.navigation = None
        elif kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
            self.elements[tuple(msg.metadata.delta_path)] = msg.delta.new_element
        elif kind == "navigation":
            self.navigation = msg.navigation
        elif kind == "page_not_found":
            self.result.page_not_found.append(msg.page_not_found.page_name)
        elif kind == "script_finished":
            self.result.status = FINISHED.Name(msg.script_finished)
            if msg.script_finished in (FINISHED.FINISHED_EARLY_FOR_RERUN,
                                       FINISHED.FINISHED_FRAGMENT_RUN_SUCCESSFULLY):
                return False
            self._settle()
            return True
        return False

    def _settle(self) -> None:
        """What the screen shows after the last run: its elements in order, the page it ran."""
        result = self.result
        result.texts, result.headings, result.errors, result.exceptions = [], [], [], []
        for _, element in sorted(self.elements.items()):
            kind = element.WhichOneof("type")
            if kind == "exception":
                shown = element.exception
                if not shown.is_warning:  # the type is empty when showErrorDetails hides it
                    result.exceptions.append(f"{shown.type}: {shown.message}" if shown.type else shown.message)
                continue
            text = _text(element, kind)
            if text is None:
                continue
            result.texts.append(text)
            if kind == "heading":
                result.headings.append(text)
            if kind == "alert" and element.alert.format == Alert.ERROR:
                result.errors.append(text)
        if self.navigation is not None:
            result.pages = [page.url_pathname for page in self.navigation.app_pages]
            result.page = next((page.url_pathname for page in self.navigation.app_pages
                                if page.page_script_hash == self.navigation.page_script_hash), None)


def _text(element, kind: str) -> str | None:
    """The words an element shows, for the kinds that show words."""
    if kind in ("markdown", "heading", "alert", "text"):
        return getattr(element, kind).body
    if kind == "metric":
        return f"{element.metric.label} {element.metric.body}"
    return None


def _rerun_message(url: str, path: str, query: str) -> bytes:
    """The BackMsg a tab sends once its websocket is open: run the script for this address."""
    message = BackMsg()
    state = message.rerun_script
    state.query_string = query
    state.page_name = path.strip("/")
    state.page_script_hash = ""
    state.widget_states.SetInParent()
    info = state.context_info
    info.timezone, info.timezone_offset, info.locale = "Europe/Amsterdam", -60, "nl-NL"
    info.url = f"{url.rstrip('/')}/{path.lstrip('/')}" + (f"?{query}" if query else "")
    info.is_embedded, info.color_scheme = False, "light"
    return message.SerializeToString()


async def _one(index: int, url: str, path: str, query: str, headers: dict[str, str], timeout: float,
               go: asyncio.Event, done: asyncio.Event, release: asyncio.Event, finished: list[int],
               n: int) -> Result:
    result = Result(index)
    visit = _Visit(result)
    parts = urlsplit(url)
    stream = f"{'wss' if parts.scheme == 'https' else 'ws'}://{parts.netloc}/_stcore/stream"

    def report() -> None:
        if index not in finished:
            finished.append(index)
            if len(finished) == n:
                done.set()

    await go.wait()
    start = time.perf_counter()
    try:
        async with connect(stream, subprotocols=[Subprotocol("streamlit")], additional_headers=headers,
                           max_size=None, open_timeout=timeout, ping_interval=None) as socket:
            result.connect = time.perf_counter() - start
            try:
                async with asyncio.timeout(timeout):
                    await socket.send(_rerun_message(url, path, query))
                    async for frame in socket:
                        if result.first is None:
                            result.first = time.perf_counter() - start
                        result.messages += 1
                        result.bytes += len(frame)
                        msg = ForwardMsg()
                        msg.ParseFromString(frame)
                        if visit.take(msg):
                            break
                    else:
                        result.problem = "the server closed the websocket before the script finished"
            except TimeoutError:
                result.problem = f"no script_finished within {timeout:.0f} s"
            if result.status is not None and result.problem is None:
                result.latency = time.perf_counter() - start
            report()
            await release.wait()  # every viewer keeps its session open until all are done
    except Exception as error:  # refused, handshake rejected, connection reset
        if result.problem is None and result.latency is None:
            result.problem = f"websocket: {type(error).__name__}: {error}"
    finally:
        report()
    return result


async def _many(url: str, path: str, query: str, n: int, headers: dict[str, str], timeout: float,
                while_open: Callable[[], Any] | None) -> list[Result]:
    go, done, release, finished = asyncio.Event(), asyncio.Event(), asyncio.Event(), []
    tasks = [asyncio.create_task(_one(i, url, path, query, headers, timeout, go, done, release, finished, n))
             for i in range(n)]
    await asyncio.sleep(0)  # every viewer is waiting on `go`: they start in the same loop iteration
    go.set()
    await done.wait()
    try:
        if while_open is not None:
            await asyncio.to_thread(while_open)
    finally:
        release.set()
    return list(await asyncio.gather(*tasks))


def open_many(url: str, path: str = "/", query: str | Mapping[str, str] = "", n: int = 1,
              cookies: Mapping[str, str] | None = None, timeout: float = 180,
              while_open: Callable[[], Any] | None = None) -> list[Result]:
    """n viewers open url+path?query at the same moment; a Result each, in order.

    `cookies` go into every handshake (a signed login or share cookie). `while_open` is called
    once all viewers are done and before any socket closes (to read the server's memory with n
    sessions). Viewers run on one asyncio loop in a thread of their own; nothing is asserted here.
    """
    if not isinstance(query, str):
        query = urlencode(query)
    headers = {"Origin": url.rstrip("/")}
    if cookies:
        headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in cookies.items())
    # A thread of its own: pytest-playwright's sync API leaves an event loop running in this one.
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, _many(url, path, query.lstrip("?"), n, headers, timeout,
                                              while_open)).result()


def open_one(url: str, path: str = "/", query: str | Mapping[str, str] = "",
             cookies: Mapping[str, str] | None = None, timeout: float = 180) -> Result:
    return open_many(url, path, query, 1, cookies, timeout)[0]


def summary(results: list[Result]) -> dict[str, Any]:
    """p50, p95 and max of the finished viewers' latency (s), how many failed, and when the first
    message came (p50, max): late first messages mean the server started the runs one after another."""
    times = sorted(r.latency for r in results if r.latency is not None)
    firsts = sorted(r.first for r in results if r.first is not None)
    return {
        "first_p50": statistics.median(firsts) if firsts else None,
        "first_max": firsts[-1] if firsts else None,
        "n": len(results),
        "finished": len(times),
        "failed": sum(1 for r in results if r.failures),
        "p50": statistics.median(times) if times else None,
        "p95": _percentile(times, 0.95),
        "max": times[-1] if times else None,
    }


def _percentile(ordered: list[float], fraction: float) -> float | None:
    """Nearest-rank percentile (p95 of 20 is the 19th value)."""
    if not ordered:
        return None
    rank = max(1, -(-len(ordered) * fraction // 1))
    return ordered[int(rank) - 1]
