"""The closed sets of values the domain compares against: roles, project access levels, entity and
account kinds, invite and run states.

Each is a ``StrEnum`` whose values are the strings stored in the database and shown by the GraphQL
schema, so a member compares equal to the column's value (``membership.role == Role.ADMIN``) and
binds as that string in SQL; nothing stored or served changes.
"""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    """A role in an entity (DESIGN.md §5); a user is ADMIN of their own personal entity."""

    ADMIN = "ADMIN"
    MEMBER = "MEMBER"
    VIEWER = "VIEWER"
    SERVICE = "SERVICE"  # a team's service account; never given by invite


WRITER_ROLES = frozenset({Role.ADMIN, Role.MEMBER, Role.SERVICE})
INVITABLE_ROLES = (Role.ADMIN, Role.MEMBER, Role.VIEWER)


class ProjectAccess(StrEnum):
    """Who may read and log to a project. The stored values are W&B's names."""

    PRIVATE = "PRIVATE"  # the owning entity's members (the default)
    RESTRICTED = "RESTRICTED"  # people added to the project, plus the entity's admins
    PUBLIC = "USER_READ"  # anyone reads, also anonymous; members write
    OPEN = "USER_WRITE"  # anyone signed in reads and logs


PUBLICLY_READABLE = frozenset({ProjectAccess.PUBLIC, ProjectAccess.OPEN})


class EntityKind(StrEnum):
    """What owns projects: a person's personal entity, or a team."""

    USER = "user"
    TEAM = "team"


class AccountType(StrEnum):
    USER = "USER"
    SERVICE = "SERVICE"  # a team's service account


class InviteState(StrEnum):
    PENDING = "PENDING"
    ACCEPTED = "ACCEPTED"
    REVOKED = "REVOKED"


class RunState(StrEnum):
    """A run's state as the wandb client reports it (and the crash watcher sets it)."""

    RUNNING = "running"
    FINISHED = "finished"
    FAILED = "failed"
    CRASHED = "crashed"
    KILLED = "killed"
    PREEMPTING = "preempting"
    PREEMPTED = "preempted"
    PENDING = "pending"
