"""The address a link (share link, invitation) starts with, as it will work for whoever gets it.

DASHBOARD_BASE_URL when set; otherwise the address the beheerder's own browser uses for this app
(`st.context.url`, or the Host and X-Forwarded-* headers of its connection), so a link made on
another port, host or behind a proxy is not a dead `http://localhost:8501` link. When the set
address is not the one this browser uses, or no address is known at all, the page says so.
The core only glues base and token together (`share_links.url`, `uitnodigingen.url`).
"""
from __future__ import annotations

import ipaddress
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

import streamlit as st

from dashboard import config, site

_PAGE_PATHS = {page.path for page in site.PAGES if page.path}
_DEFAULT_PORTS = {"http": 80, "https": 443}


@dataclass(frozen=True)
class Adres:
    base: str  # what the link starts with
    browser: str | None  # the address this browser uses for the app; None when unknown
    configured: bool  # base is DASHBOARD_BASE_URL

    def warning(self) -> str | None:
        """Dutch, naming both addresses, when the link may not be the address that works."""
        if self.configured and self.browser and _origin(self.base) != _origin(self.browser):
            return (f"De link begint met {self.base} (DASHBOARD_BASE_URL), maar deze browser gebruikt "
                    f"{self.browser}. Controleer dat {self.base} werkt voor wie de link krijgt; zo niet, pas "
                    "DASHBOARD_BASE_URL aan of laat hem weg (dan geldt het adres van deze browser).")
        if not self.configured and not self.browser:
            return (f"Het adres van deze browser is niet bekend en DASHBOARD_BASE_URL is niet gezet; de link "
                    f"gaat uit van {self.base}. Zet DASHBOARD_BASE_URL op het adres waarop anderen de app openen.")
        return None

    def local_only(self) -> str | None:
        """Dutch, when the link names this computer itself (localhost), so it works nowhere else."""
        if not _loopback(urlsplit(self.base).hostname):
            return None
        return (f"Dit adres ({self.base}) werkt alleen op deze computer. Open de app via het adres dat anderen "
                "gebruiken, of zet DASHBOARD_BASE_URL, voordat u de link doorgeeft.")


def _origin(url: str) -> tuple[str, str, int | None]:
    """Scheme, host and port: what decides whether two addresses reach the same server."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    return scheme, (parts.hostname or "").lower(), parts.port or _DEFAULT_PORTS.get(scheme)


def _loopback(host: str | None) -> bool:
    if not host:
        return False
    if host.lower() == "localhost" or host.lower().endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _first(value: str | None) -> str:
    """The first of a comma-separated header (a proxy chain adds its own after the client's)."""
    return (value or "").split(",")[0].strip()


def browser_address(url: str | None, headers: Mapping[str, str]) -> str | None:
    """The app's address as this browser uses it, without the page: from the page URL the browser
    reports, else from the headers of its connection (X-Forwarded-Proto/-Host behind a proxy)."""
    if url:
        parts = urlsplit(url)
        path = parts.path.rstrip("/")
        head, _, last = path.rpartition("/")
        if last in _PAGE_PATHS:
            path = head
        return f"{parts.scheme}://{parts.netloc}{path}"
    host = _first(headers.get("X-Forwarded-Host")) or _first(headers.get("Host"))
    if not host:
        return None
    return f"{_first(headers.get('X-Forwarded-Proto')) or 'http'}://{host}"


def choose(configured: str | None, url: str | None, headers: Mapping[str, str]) -> Adres:
    """The rules: a set DASHBOARD_BASE_URL wins; else this browser's address; else localhost."""
    browser = browser_address(url, headers)
    if configured:
        return Adres(configured.rstrip("/"), browser, configured=True)
    return Adres(browser or config.DEFAULT_BASE_URL, browser, configured=False)


def current() -> Adres:
    """The address for links made in this script run, from the settings and this browser."""
    headers = st.context.headers
    return choose(config.load().base_url, st.context.url, {name: headers.get(name) for name in
                                                           ("Host", "X-Forwarded-Host", "X-Forwarded-Proto")})


def show_link(make: Callable[[str, str], str], token: str) -> None:
    """The link exactly as it will be used (once), with a warning where it may not work."""
    here = current()
    st.code(make(here.base, token), language=None)
    if warning := here.warning():
        st.warning(warning, icon=":material/warning:")
    elif note := here.local_only():
        st.info(note, icon=":material/info:")
