"""Capability URLs: an HMAC over method, key, expiry (and, for multipart parts, the upload id and
part number), so the client needs no auth header."""

from __future__ import annotations

import hashlib
import hmac
import time
from typing import Mapping
from urllib.parse import quote, urlencode

# Query parameters that the signature covers besides expires (a part URL must not upload another part).
SIGNED_PARAMS = ("uploadId", "partNumber")


def signature(secret: bytes, method: str, key: str, expires: int, extra: Mapping[str, str] | None = None) -> str:
    message = f"{method.upper()}\n{key}\n{expires}"
    for name in SIGNED_PARAMS:
        if extra and extra.get(name) is not None:
            message += f"\n{name}={extra[name]}"
    return hmac.new(secret, message.encode(), hashlib.sha256).hexdigest()


def signed_path(secret: bytes, method: str, key: str, ttl_seconds: int, *, now: float | None = None,
                extra: Mapping[str, str] | None = None) -> str:
    expires = int((now if now is not None else time.time()) + ttl_seconds)
    params = {name: extra[name] for name in SIGNED_PARAMS if extra and extra.get(name) is not None}
    query = urlencode({**params, "expires": expires, "sig": signature(secret, method, key, expires, params)})
    return f"/storage/{quote(key)}?{query}"


def verify(secret: bytes, method: str, key: str, expires: str | None, sig: str | None,
           extra: Mapping[str, str] | None = None) -> bool:
    if not expires or not sig or not expires.isdigit():
        return False
    if int(expires) < time.time():
        return False
    return hmac.compare_digest(signature(secret, method, key, int(expires), extra), sig)
