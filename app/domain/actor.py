"""Who is making a request: the key's owner and, for service accounts, the person they act for."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import NamedTuple

from app.db.tables import Entity, User
from app.domain.kinds import AccountType


class Account(NamedTuple):
    """The columns of a user that checks and refusals read (policy, ``Actor.label``), for a request
    that reads them without the ORM: file_stream's lookup (``runs.stream_target``), where building
    a ``User`` would cost ~30 µs, more than the statement."""

    id: int
    entity_id: int
    username: str
    account_type: str
    is_admin: bool
    deleted_at: datetime | None


@dataclass(frozen=True)
class Actor:
    user: User | Account | None = None
    # Attribution hints from X-WANDB-USERNAME / X-WANDB-USER-EMAIL; honoured only for service
    # accounts acting inside a team the named person belongs to (see domain.runs).
    claimed_username: str | None = None
    claimed_email: str | None = None
    api_key_id: int | None = field(default=None, compare=False)
    key_use_stale: bool = field(default=False, compare=False)  # last_used_at wants refreshing
    entity: Entity | None = field(default=None, compare=False)  # the user's own entity, when read with the key
    # The server's operator on its command line (python -m app ...): no user, an instance admin's
    # powers; audit events name no actor and say via "cli".
    operator: bool = False

    @property
    def is_anonymous(self) -> bool:
        return self.user is None

    @property
    def user_id(self) -> int | None:
        return self.user.id if self.user else None

    @property
    def is_service(self) -> bool:
        return self.user is not None and self.user.account_type == AccountType.SERVICE

    @property
    def is_instance_admin(self) -> bool:
        return self.operator or (self.user is not None and self.user.is_admin)

    @property
    def label(self) -> str:
        if self.operator:
            return "the operator (command line)"
        return self.user.username if self.user else "anonymous"


ANONYMOUS = Actor()
OPERATOR = Actor(operator=True)
