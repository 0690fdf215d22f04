"""Custom scalars the wandb client declares in its variables (registered via ``SCALAR_MAP``)."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import Any, NewType

import strawberry

from app.db.types import dumps

JSONString = NewType("JSONString", str)
Int64 = NewType("Int64", int)
Duration = NewType("Duration", int)


def _serialize_json_string(value: Any) -> str:
    return value if isinstance(value, str) else dumps(value)


def _parse_json_string(value: Any) -> str:
    # Kept as text: services parse it and report malformed JSON with the argument's name.
    return value if isinstance(value, str) else json.dumps(value)


INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1


def _parse_int64(value: Any) -> int:
    number = int(value)
    if not INT64_MIN <= number <= INT64_MAX:
        raise ValueError(f"Int64 cannot represent {value}: out of the 64-bit range")
    return number


def _serialize_datetime(value: datetime) -> str:
    # W&B's format: UTC, second precision, no offset.
    return value.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S")


def _parse_datetime(value: Any) -> datetime:
    parsed = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)


SCALAR_MAP = {
    JSONString: strawberry.scalar(
        name="JSONString",
        description="JSON serialised into a string.",
        serialize=_serialize_json_string,
        parse_value=_parse_json_string,
    ),
    Int64: strawberry.scalar(name="Int64", description="A 64-bit integer.", serialize=int, parse_value=_parse_int64),
    Duration: strawberry.scalar(
        name="Duration", description="A duration in milliseconds.", serialize=int, parse_value=int
    ),
    datetime: strawberry.scalar(
        name="DateTime",
        description="A UTC timestamp, ISO-8601 (YYYY-MM-DDTHH:MM:SS).",
        serialize=_serialize_datetime,
        parse_value=_parse_datetime,
    ),
}
