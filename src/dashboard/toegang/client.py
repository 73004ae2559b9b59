"""The client's network address: who is knocking, for the login throttle and the audit log.

Streamlit hands the app the TCP peer of the browser's websocket and the headers of its handshake.
Behind a reverse proxy the peer is the proxy, and the client's own address is in X-Forwarded-For
(or X-Real-IP). Anybody can send those headers, so they are believed only when the peer is a
configured proxy (DASHBOARD_TRUSTED_PROXIES: addresses or networks, default the loopback
addresses, where the nginx of deploy/ runs): X-Forwarded-For is read from the right, past every
trusted proxy, to the first address that is not one; without it, X-Real-IP. From any other peer
the headers are ignored.

The throttle counts failures per `throttle_key`: the address itself for IPv4, its /64 network for
IPv6 (one household or machine gets a whole /64 and can pick any address in it). An address that
is unknown, or that is a trusted proxy itself (a proxy that forwarded no client address), has no
key: then only the per-name throttle applies, so one anonymous client can never slow down
everybody behind the same proxy.
"""
from __future__ import annotations

import functools
import ipaddress
import logging
from collections.abc import Iterable, Mapping

log = logging.getLogger(__name__)
Network = ipaddress.IPv4Network | ipaddress.IPv6Network
DEFAULT_TRUSTED = ("127.0.0.1", "::1")
NONE = "none"  # DASHBOARD_TRUSTED_PROXIES=none: believe no forwarded header
MAX_LENGTH = 64


def parse_trusted(value: str | None) -> tuple[Network, ...]:
    """DASHBOARD_TRUSTED_PROXIES: addresses and networks (CIDR) separated by commas or spaces; unset:
    the loopback addresses; `none`: nobody. ValueError (Dutch) names a part that is neither."""
    text = (value or "").strip()
    if not text:
        parts: Iterable[str] = DEFAULT_TRUSTED
    elif text.lower() == NONE:
        return ()
    else:
        parts = [part for part in text.replace(",", " ").split() if part]
    networks = []
    for part in parts:
        try:
            networks.append(ipaddress.ip_network(part, strict=False))
        except ValueError as error:
            raise ValueError(f"DASHBOARD_TRUSTED_PROXIES: {part!r} is geen IP-adres of netwerk (zoals 10.0.0.5 of "
                             "10.0.0.0/24). Scheid ze met komma's, of zet `none` om geen proxy te vertrouwen.") from error
    return tuple(networks)


def trusted() -> tuple[Network, ...]:
    """The configured proxies; a setting that cannot be read trusts nobody (and says so in the log)."""
    from dashboard import config

    return _trusted_setting(config.load().trusted_proxies)


@functools.lru_cache(maxsize=8)
def _trusted_setting(value: str) -> tuple[Network, ...]:
    try:
        return parse_trusted(value)
    except ValueError as error:
        log.error("%s Tot dat verbeterd is, wordt geen proxy vertrouwd.", error)
        return ()


def _address(text: str | None) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    """An address as written in a header or by the server: bare, `1.2.3.4:5678` or `[::1]:5678`."""
    text = (text or "").strip().strip('"')
    if not text or len(text) > MAX_LENGTH:
        return None
    if text.startswith("["):
        text = text[1:].split("]", 1)[0]
    elif text.count(":") == 1:  # IPv4 with a port
        text = text.split(":", 1)[0]
    try:
        found = ipaddress.ip_address(text.split("%", 1)[0])
    except ValueError:
        return None
    mapped = getattr(found, "ipv4_mapped", None)
    return mapped or found


def _trusted(address, trusted: tuple[Network, ...]) -> bool:
    return address is not None and any(address in network for network in trusted)


def _header(headers: Mapping[str, str] | Iterable[tuple[str, str]], name: str) -> list[str]:
    """Every value of a header (it may be repeated), case-insensitive."""
    pairs = headers.items() if isinstance(headers, Mapping) else headers
    return [value for key, value in pairs if key.lower() == name.lower() and value]


def address(peer: str | None, headers: Mapping[str, str] | Iterable[tuple[str, str]],
            trusted: tuple[Network, ...]) -> str | None:
    """The client's address as text, or None when not known. `peer` is the direct TCP peer."""
    found = _address(peer)
    if not _trusted(found, trusted):
        return str(found) if found else None
    forwarded = [part for value in _header(headers, "X-Forwarded-For") for part in value.split(",")]
    for hop in reversed(forwarded):
        hop_address = _address(hop)
        if hop_address is None:  # garbage in the chain: stop, and believe nothing further left
            break
        found = hop_address
        if not _trusted(hop_address, trusted):
            return str(hop_address)
    if not forwarded:
        real = _address(next(iter(_header(headers, "X-Real-IP")), None))
        if real is not None:
            return str(real)
    return str(found) if found else None


def throttle_key(address: str | None, trusted: tuple[Network, ...] = ()) -> str | None:
    """What the per-address throttle counts: the IPv4 address, the /64 of an IPv6 address; None for
    an unknown address or a trusted proxy's own (no client address was forwarded)."""
    found = _address(address)
    if found is None or _trusted(found, trusted):
        return None
    if found.version == 6:
        return str(ipaddress.ip_network(f"{found}/64", strict=False))
    return str(found)
