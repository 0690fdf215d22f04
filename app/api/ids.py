"""Relay global ids: base64("<Type>:<int>"), as W&B uses."""

from __future__ import annotations

import base64
import binascii

from app.domain.errors import BadInput


def encode(type_name: str, pk: int) -> str:
    return base64.b64encode(f"{type_name}:{pk}".encode()).decode()


MAX_PK = 2**63 - 1  # ids are 64-bit columns: a larger number names no row and no driver can send it


def decode(global_id: str) -> tuple[str, int]:
    try:
        type_name, _, text = base64.b64decode(global_id, validate=True).decode().partition(":")
        pk = int(text)
    except (binascii.Error, UnicodeDecodeError, ValueError):
        raise BadInput(f"invalid id {global_id!r}") from None
    if not 0 <= pk <= MAX_PK:
        raise BadInput(f"invalid id {global_id!r}: its number is outside the 64-bit range")
    return type_name, pk


def decode_as(global_id: str, *type_names: str) -> int:
    type_name, pk = decode(global_id)
    if type_name not in type_names:
        raise BadInput(f"id {global_id!r} is a {type_name} id, expected {' or '.join(type_names)}")
    return pk
