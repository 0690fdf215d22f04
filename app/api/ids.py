"""Relay global ids: base64("<Type>:<int>"), as W&B uses."""

from __future__ import annotations

import base64
import binascii

from app.domain.errors import BadInput


def encode(type_name: str, pk: int) -> str:
    return base64.b64encode(f"{type_name}:{pk}".encode()).decode()


def decode(global_id: str) -> tuple[str, int]:
    try:
        type_name, _, pk = base64.b64decode(global_id, validate=True).decode().partition(":")
        return type_name, int(pk)
    except (binascii.Error, UnicodeDecodeError, ValueError):
        raise BadInput(f"invalid id {global_id!r}") from None


def decode_as(global_id: str, *type_names: str) -> int:
    type_name, pk = decode(global_id)
    if type_name not in type_names:
        raise BadInput(f"id {global_id!r} is a {type_name} id, expected {' or '.join(type_names)}")
    return pk
