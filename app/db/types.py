"""Column types that behave the same on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import math
from datetime import datetime, timezone
from typing import Any

import orjson
from sqlalchemy import BigInteger, DateTime, Integer
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.types import JSON, TypeDecorator

# SQLite only auto-increments INTEGER PRIMARY KEY, so big ids are INTEGER there.
BigIntId = BigInteger().with_variant(Integer(), "sqlite")

_NON_FINITE = {"NaN": math.nan, "Infinity": math.inf, "-Infinity": -math.inf}


def encode_non_finite(value: Any) -> Any:
    """Replace NaN and infinities (not valid JSON, refused by JSONB) with their string names."""
    if isinstance(value, float) and not math.isfinite(value):
        return "NaN" if math.isnan(value) else ("Infinity" if value > 0 else "-Infinity")
    if isinstance(value, dict):
        return {k: encode_non_finite(v) for k, v in value.items()}
    if isinstance(value, list):
        return [encode_non_finite(v) for v in value]
    return value


def storable_json(value: Any) -> Any:
    """``value`` as both dialects can store it: non-finite floats as strings, and NUL characters
    (which PostgreSQL refuses in JSONB and text) replaced by U+FFFD."""
    if isinstance(value, str):
        return value.replace("\x00", "\ufffd") if "\x00" in value else value
    if isinstance(value, float) and not math.isfinite(value):
        return encode_non_finite(value)
    if isinstance(value, dict):
        return {storable_json(k): storable_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [storable_json(v) for v in value]
    return value


def dumps(value: Any) -> str:
    """Strict JSON text of ``value``, with non-finite floats spelled as strings."""
    return json.dumps(encode_non_finite(value), separators=(",", ":"), allow_nan=False)


# --- non-finite numbers for readers --------------------------------------------------------------
# Stored documents spell NaN and the infinities as strings (the only JSON both dialects keep).
# Readers of JSON text inside a JSONString (summary, config, history lines) get the literals NaN,
# Infinity and -Infinity, which Python's json (the wandb client's) reads as floats. A GraphQL
# answer itself stays strict JSON: wandb-core parses it with Go's encoding/json, which refuses them.


def revive_non_finite(value: Any) -> Any:
    """``value`` (a stored document) with the strings "NaN", "Infinity" and "-Infinity" as floats."""
    if isinstance(value, str):
        return _NON_FINITE.get(value, value)
    if isinstance(value, dict):
        return {key: revive_non_finite(item) for key, item in value.items()}
    if isinstance(value, list):
        return [revive_non_finite(item) for item in value]
    return value


def may_spell_non_finite(text: str) -> bool:
    """Whether JSON text may hold a stored non-finite number (else it reads back as it is)."""
    return '"NaN"' in text or 'Infinity"' in text


def reader_dumps(value: Any) -> str:
    """JSON text of a stored document for readers: non-finite numbers as literals."""
    try:
        text = orjson.dumps(value).decode()
    except TypeError:  # an integer past 64 bits
        text = None
    if text is not None and not may_spell_non_finite(text):
        return text
    return json.dumps(revive_non_finite(value), separators=(",", ":"), ensure_ascii=False)


def reader_json_text(text: str) -> str:
    """Stored JSON text (a history line) for readers: non-finite numbers as literals."""
    if not may_spell_non_finite(text):
        return text
    return json.dumps(revive_non_finite(json.loads(text)), separators=(",", ":"), ensure_ascii=False)


class UTCDateTime(TypeDecorator):
    """Timezone-aware UTC datetimes on both dialects (SQLite hands back naive values)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(timezone.utc)

    def process_result_value(self, value: datetime | None, dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=timezone.utc)
        return value.astimezone(timezone.utc)


class JSONValue(TypeDecorator):
    """JSON on SQLite, JSONB on PostgreSQL; NaN and infinities are stored as strings."""

    impl = JSON
    cache_ok = True

    def load_dialect_impl(self, dialect):
        if dialect.name == "postgresql":
            return dialect.type_descriptor(JSONB())
        return dialect.type_descriptor(JSON())

    def process_bind_param(self, value: Any, dialect) -> Any:
        return storable_json(value)


class JSONText(JSONValue):
    """JSON on both dialects: on PostgreSQL ``json``, validated text kept as written, for documents
    written in bulk and read back whole (history lines): storing one skips JSONB's parse into its
    binary form (about a quarter of the database's work for a history chunk), reading it as text skips
    JSONB's output; operators that need JSONB cast to it."""

    cache_ok = True

    def load_dialect_impl(self, dialect):
        return dialect.type_descriptor(JSON())


def utcnow() -> datetime:
    return datetime.now(timezone.utc)
