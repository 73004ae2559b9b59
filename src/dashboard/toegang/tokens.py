"""Tokens for login sessions and share links: random, stored as sha256, carried in signed cookies.

The cookie carries the random token; the signature (itsdangerous, the app's secret key) keeps
forged or altered cookies out before the database is asked, and the salt per cookie name keeps
a session cookie from passing as a share cookie. Revocation is server-side: a valid signature
alone never grants access.
"""
from __future__ import annotations

import hashlib
import secrets

from itsdangerous import BadSignature, URLSafeTimedSerializer

SESSION = "tv_sessie"
SHARE = "tv_deel"


def new() -> str:
    """256 random bits, URL-safe."""
    return secrets.token_urlsafe(32)


def digest(token: str) -> str:
    """What the database keeps instead of the token."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _serializer(name: str, secret: str) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(secret, salt=f"tellen-vertellen:{name}")


def sign(name: str, token: str, secret: str) -> str:
    return _serializer(name, secret).dumps(token)


def unsign(name: str, value: str | None, secret: str, max_age_seconds: int) -> str | None:
    """The token inside a cookie value, or None when it is forged, altered, too old or not a string."""
    if not value:
        return None
    try:
        token = _serializer(name, secret).loads(value, max_age=max_age_seconds)
    except BadSignature:  # includes SignatureExpired
        return None
    return token if isinstance(token, str) else None
