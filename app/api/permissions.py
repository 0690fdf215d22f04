"""Permission classes for root fields: guards that need no database, each asking app.domain.policy.

Anonymous callers get UNAUTHENTICATED; the few decisions on the caller alone (an instance admin,
not a service account, team creation under the server's setting) are FORBIDDEN here with the
sentence the service uses too. Everything that depends on a role, a project or a row is checked
once, by the service, inside its transaction (GraphQL is not its only caller).

Reuse: subclass ``PolicyPermission`` and implement ``denial``.
"""

from __future__ import annotations

from typing import Any

from strawberry.permission import BasePermission

from app.domain import policy
from app.domain.actor import Actor
from app.domain.errors import DomainError, Forbidden, Unauthenticated


class PolicyPermission(BasePermission):
    """Base: signed-in callers only (unless ``allow_anonymous``), then ``denial`` decides."""

    allow_anonymous = False

    async def has_permission(self, source: Any, info: Any, **kwargs: Any) -> bool:
        actor: Actor = info.context.actor
        if actor.is_anonymous and not self.allow_anonymous:
            raise Unauthenticated("authentication required: send an API key (Basic api:<key> or Bearer <key>)")
        problem = await self.denial(info, actor, **kwargs)
        if problem is not None:
            raise problem
        return True

    async def denial(self, info: Any, actor: Actor, **kwargs: Any) -> DomainError | None:
        """The error to raise, or None to allow."""
        return None


class IsSignedIn(PolicyPermission):
    """Any caller with a valid API key; the service decides the rest."""


class CanLogRuns(PolicyPermission):
    """The tracking and artifact mutations: signed-in callers; the services then check the project and run."""


class CanCreateTeam(PolicyPermission):
    async def denial(self, info: Any, actor: Actor, **kwargs: Any) -> DomainError | None:
        restricted = info.context.runtime.settings.restrict_team_creation
        if policy.can_create_team(actor, restricted_to_admins=restricted):
            return None
        return policy.team_creation_denied(actor)


class CanManageInstance(PolicyPermission):
    async def denial(self, info: Any, actor: Actor, **kwargs: Any) -> DomainError | None:
        if policy.can_manage_instance(actor):
            return None
        return Forbidden(f"permission denied: user {actor.label} is not an instance admin")


class CanCreateApiKey(PolicyPermission):
    """Not a service account (policy.can_create_api_key)."""

    async def denial(self, info: Any, actor: Actor, **kwargs: Any) -> DomainError | None:
        if policy.can_create_api_key(actor):
            return None
        return Forbidden(policy.API_KEY_CREATION_DENIED)
