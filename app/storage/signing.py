"""Capability URLs: an HMAC over method, key and expiry, so the client needs no auth header."""

from __future__ import annotations

import hashlib
import hmac
import time
from urllib.parse import quote, urlencode


def signature(secret: bytes, method: str, key: str, expires: int) -> str:
    message = f"{method.upper()}\n{key}\n{expires}".encode()
    return hmac.new(secret, message, hashlib.sha256).hexdigest()


def signed_path(secret: bytes, method: str, key: str, ttl_seconds: int, *, now: float | None = None) -> str:
    expires = int((now if now is not None else time.time()) + ttl_seconds)
    query = urlencode({"expires": expires, "sig": signature(secret, method, key, expires)})
    return f"/storage/{quote(key)}?{query}"


def verify(secret: bytes, method: str, key: str, expires: str | None, sig: str | None) -> bool:
    if not expires or not sig or not expires.isdigit():
        return False
    if int(expires) < time.time():
        return False
    return hmac.compare_digest(signature(secret, method, key, int(expires)), sig)
