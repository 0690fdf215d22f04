"""Entity and project names: the shared namespace's rules."""

from __future__ import annotations

import re

from app.domain.errors import BadInput

# Entity (user, team) and organization names: kept as given, unique ignoring case (the entity table's
# index on lower(name)), looked up as stored. W&B's clients make names such as
# ``user-gw0-<40+ random characters>`` and accept uppercase letters, so both are allowed.
NAME_MAX = 128
ENTITY_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{2,127}$")
PROJECT_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$")
RESERVED = frozenset(
    {
        "api",
        "anonymous",
        "artifacts",
        "artifactsv2",
        "files",
        "graphql",
        "healthz",
        "readyz",
        "ready",
        "health",
        "metrics",
        "storage",
        "login",
        "logout",
        "settings",
        "signup",
        "static",
        "system",
        "root",
        "support",
        "team",
        "teams",
        "user",
        "users",
        "wandb",
        "labbook",
        "new",
        "null",
        "none",
        "undefined",
        "me",
        "viewer",
        "www",
    }
)


def check_entity_name(name: str) -> str:
    if not ENTITY_NAME.match(name or ""):
        raise BadInput(
            f"invalid name {name[:140]!r}: use 3 to {NAME_MAX} letters, digits, '-', '_' or '.', "
            "starting with a letter or digit"
        )
    if name.lower() in RESERVED:
        raise BadInput(f"the name {name!r} is reserved")
    return name


def check_project_name(name: str) -> str:
    if not PROJECT_NAME.match(name or ""):
        raise BadInput(
            f"invalid project name {name!r}: use up to 128 letters, digits, '-', '_' or '.', starting with a letter or digit"
        )
    return name


RUN_NAME_FORBIDDEN = set("/\\#?%:")


def check_run_name(name: str) -> str:
    """A run id as the client allows it (no ``/\\#?%:``), at most 128 characters."""
    if not name or len(name) > 128 or any(c in RUN_NAME_FORBIDDEN or ord(c) < 32 for c in name):
        raise BadInput(
            f"invalid run id {name[:140]!r}: use 1 to 128 characters without / \\ # ? % : or control characters"
        )
    return name
