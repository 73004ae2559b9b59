"""What deploy/serve.py's server adds to Streamlit's HTTP answers (st.App middleware).

- The security headers on every answer: a Content-Security-Policy that Streamlit works with,
  no framing by other sites, no Referer, no MIME sniffing, no camera, microphone or location.
  deploy/nginx.conf.template sends the same (tests/test_security_headers.py keeps the two equal),
  so a server behind nginx and one on its own answer alike.
- The login and share-link cookies set by the server, HttpOnly (`routes`, below).
- A Dutch answer where Streamlit's own sign-on routes fail: /auth/login answers a provider it
  cannot reach with a bare English "Authentication error", and /oauth2callback answers a failed
  token exchange (a wrong client secret, a provider's error) with a silent return to the start
  page. Both now return to the start page with ?sso=onbereikbaar or ?sso=mislukt, where the
  login page says what happened (ui/sso.py). The cookies Streamlit clears on the way stay cleared.
"""
from __future__ import annotations

import logging
import secrets
import threading
import time
from urllib.parse import parse_qs

log = logging.getLogger(__name__)

# script-src needs 'unsafe-inline': Streamlit's index.html starts with an inline script, and the app
# writes its login cookie with one (ui/visitor.py); and 'wasm-unsafe-eval': Streamlit's protobuf
# decoder and the maps compile WebAssembly. No 'unsafe-eval' (JavaScript's eval): nothing needs it.
# No host of Google's: the page icon is the app's own (app.py).
# connect-src data: and worker-src blob: are for the maps (an inline map style, MapLibre's workers);
# frame-src for the video links of the stories (YouTube, Vimeo).
CONTENT_SECURITY_POLICY = "; ".join((
    "default-src 'self'",
    "script-src 'self' 'unsafe-inline' 'wasm-unsafe-eval'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self' data: blob:",
    "media-src 'self' data: blob:",
    "worker-src 'self' blob:",
    "frame-src 'self' https://www.youtube.com https://www.youtube-nocookie.com https://player.vimeo.com",
    "frame-ancestors 'self'",
    "form-action 'self'",
    "base-uri 'self'",
    "object-src 'none'",
))
HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Frame-Options": "SAMEORIGIN",  # frame-ancestors for browsers that predate it
    "Referrer-Policy": "no-referrer",  # a share link's token never leaves in a Referer
    "X-Content-Type-Options": "nosniff",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
}
_RAW = [(name.lower().encode(), value.encode()) for name, value in HEADERS.items()]
_SIGN_ON = ("/auth/login", "/oauth2callback")
_USER_COOKIE = b"_streamlit_user="


class Answers:
    """ASGI middleware: the security headers on every HTTP answer, a Dutch way back from a failed sign-on."""

    def __init__(self, app, base_path: str = ""):
        self.app = app
        self.base = "/" + base_path.strip("/") + "/" if base_path.strip("/") else "/"

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if scope["path"].endswith(_SIGN_ON):
            await self._sign_on(scope, receive, send)
            return

        async def with_headers(message):
            if message["type"] == "http.response.start":
                message = {**message, "headers": _secured(message.get("headers", []))}
            await send(message)

        await self.app(scope, receive, with_headers)

    async def _sign_on(self, scope, receive, send):
        """Streamlit's answer is small (a redirect or a line of text): kept whole, then judged."""
        answer = []

        async def keep(message):
            answer.append(message)

        await self.app(scope, receive, keep)
        start = answer[0]
        headers = list(start.get("headers", []))
        query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
        outcome = None
        if scope["path"].endswith("/auth/login") and start["status"] >= 400:
            outcome = "onbereikbaar"
        elif ("code" in query or "error" in query) and not _signs_in(headers):
            outcome = "mislukt"  # a real callback that signed nobody in; a logout's return has neither
        if outcome is None:
            await send({**start, "headers": _secured(headers)})
            for message in answer[1:]:
                await send(message)
            return
        log.warning("Inloggen met de organisatie %s (%s gaf HTTP %s); zie de regels van Streamlit hierboven.",
                    outcome, scope["path"], start["status"])
        kept = [(name, value) for name, value in headers if name.lower() == b"set-cookie"]
        location = f"{self.base}?sso={outcome}".encode()
        await send({"type": "http.response.start", "status": 302,
                    "headers": _secured([*kept, (b"location", location), (b"content-length", b"0")])})
        await send({"type": "http.response.body", "body": b""})


def _signs_in(headers) -> bool:
    """The answer sets Streamlit's user cookie to a value (clearing it sets it empty)."""
    for name, value in headers:
        if name.lower() == b"set-cookie" and value.startswith(_USER_COOKIE):
            if value[len(_USER_COOKIE):][:1] not in (b"", b";", b'"'):
                return True
    return False


def _secured(headers) -> list:
    present = {name.lower() for name, _ in headers}
    return [*headers, *((name, value) for name, value in _RAW if name not in present)]


# ------------------------------------------------------------------ the login cookie, HttpOnly

# Streamlit's script talks to the browser over a websocket and cannot answer with a Set-Cookie, so
# under `streamlit run app.py` the login and share-link cookies are written by a script in the page
# (ui/visitor.py), which a script can also read. Under deploy/serve.py this route sets them instead,
# HttpOnly: the page only fetches `_tv/cookie?code=...` with a one-time code the run left here, and
# never holds the signed token itself. Codes live in this process (nginx keeps a browser on one
# replica), are used once and expire after CODE_SECONDS.
COOKIE_ROUTE = "_tv/cookie"
CODE_SECONDS = 600
_codes: dict[str, tuple[str, str | None, int, float]] = {}  # code -> (name, value or None, max_age, expiry)
_codes_lock = threading.Lock()
_serving = False


def serving() -> bool:
    """True in a server started by deploy/serve.py, whose route sets the cookies HttpOnly."""
    return _serving


def routes(base_path: str = "") -> list:
    """The route for deploy/serve.py's st.App; from then on the cookies are set by the server."""
    from starlette.routing import Route

    global _serving
    _serving = True
    base = "/" + base_path.strip("/") if base_path.strip("/") else ""
    return [Route(f"{base}/{COOKIE_ROUTE}", _cookie, methods=["GET"])]


def hand_over(name: str, value: str | None, max_age: int) -> str:
    """Leave a cookie for the browser to fetch once; returns the code it asks with."""
    code = secrets.token_urlsafe(24)
    now = time.monotonic()
    with _codes_lock:
        for old in [c for c, (*_, expiry) in _codes.items() if expiry < now]:
            del _codes[old]
        _codes[code] = (name, value, max_age, now + CODE_SECONDS)
    return code


async def _cookie(request):
    from starlette.responses import Response

    with _codes_lock:
        found = _codes.pop(request.query_params.get("code", ""), None)
    if found is None or found[3] < time.monotonic():
        return Response(status_code=404, headers={"Cache-Control": "no-store"})
    name, value, max_age, _ = found
    response = Response(status_code=204, headers={"Cache-Control": "no-store"})
    secure = request.headers.get("x-forwarded-proto", request.url.scheme) == "https"
    response.set_cookie(name, value or "", max_age=max_age if value else 0, path="/", httponly=True,
                        samesite="strict", secure=secure)
    return response
