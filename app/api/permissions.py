"""Permission classes for root fields: each asks app.domain.policy and turns a denial into a DomainError.

A denial is FORBIDDEN with a sentence naming who may do what; anonymous callers get UNAUTHENTICATED;
an unknown entity is NOT_FOUND. The services check again inside their transaction (GraphQL is not
their only caller), so a permission here is the early, cheap refusal.

Reuse: subclass ``PolicyPermission`` and implement ``denial``, or ``EntityPermission`` and implement
``allows`` for decisions that depend on the caller's role in the entity named by the input.
"""

from __future__ import annotations

import abc
from typing import Any

from strawberry.permission import BasePermission

from app.api import ids
from app.db import tables
from app.domain import policy, projects, teams
from app.domain.actor import Actor
from app.domain.errors import DomainError, Forbidden, NotFound, Unauthenticated


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
    """Any caller with a valid API key."""


class EntityPermission(PolicyPermission):
    """A decision on the caller's role in the entity named by ``input.<entity_field>``."""

    entity_field = "entity_name"
    action = "do this"

    @abc.abstractmethod
    def allows(self, actor: Actor, role: str | None, entity: tables.Entity) -> bool:
        """The policy decision for the caller's ``role`` in ``entity``."""

    async def denial(self, info: Any, actor: Actor, **kwargs: Any) -> DomainError | None:
        name = getattr(kwargs["input"], self.entity_field)
        entity = await info.context.loaders.entity_by_name.load(name) if name else None
        if entity is None:
            return NotFound(f"entity {name} not found")
        role = await info.context.loaders.viewer_role.load(entity.id)
        if self.allows(actor, role, entity):
            return None
        return teams.denied(actor, entity, role, self.action)


class CanAdministerEntity(EntityPermission):
    action = "manage its members and settings"

    def allows(self, actor: Actor, role: str | None, entity: tables.Entity) -> bool:
        return policy.can_administer(actor, role)


class CanInviteToEntity(EntityPermission):
    action = "invite people (only admins can, or members when the team allows it)"

    def allows(self, actor: Actor, role: str | None, entity: tables.Entity) -> bool:
        return policy.can_invite(actor, role, entity)


class CanUpdateEntitySettings(CanAdministerEntity):
    entity_field = "entity"
    action = "change its settings"


class CanCreateTeam(PolicyPermission):
    async def denial(self, info: Any, actor: Actor, **kwargs: Any) -> DomainError | None:
        restricted = info.context.runtime.settings.restrict_team_creation
        if policy.can_create_team(actor, restricted_to_admins=restricted):
            return None
        if actor.is_service:
            return Forbidden("permission denied: service accounts cannot create teams")
        return Forbidden("permission denied: only instance admins may create teams on this server")


class CanManageInstance(PolicyPermission):
    async def denial(self, info: Any, actor: Actor, **kwargs: Any) -> DomainError | None:
        if policy.can_manage_instance(actor):
            return None
        return Forbidden(f"permission denied: user {actor.label} is not an instance admin")


class CanCreateApiKey(PolicyPermission):
    async def denial(self, info: Any, actor: Actor, **kwargs: Any) -> DomainError | None:
        if policy.can_create_api_key(actor):
            return None
        return Forbidden("permission denied: a service account's key is managed by its team's admins")


class CanRevokeApiKey(PolicyPermission):
    async def denial(self, info: Any, actor: Actor, **kwargs: Any) -> DomainError | None:
        key_id = ids.decode_as(kwargs["input"].id, "ApiKey")
        async with info.context.read() as session:
            key = await session.get(tables.ApiKey, key_id)
        if key is None or key.revoked_at is not None or not policy.can_revoke_api_key(actor, key):
            return NotFound(f"API key {key_id} not found")
        return None


class CanAcceptInvite(PolicyPermission):
    """Only the invitee (policy.can_accept_invite)."""

    async def denial(self, info: Any, actor: Actor, **kwargs: Any) -> DomainError | None:
        invite_id = ids.decode_as(kwargs["input"].id, "Invite")
        return await _domain_check(info, teams.authorize_accept, actor, invite_id)


class CanDeleteInviteOrMember(PolicyPermission):
    """deleteInvite takes an invite's id (revoke or decline) or a member's id (remove or leave)."""

    async def denial(self, info: Any, actor: Actor, **kwargs: Any) -> DomainError | None:
        data = kwargs["input"]
        kind, pk = ids.decode(data.id or "")
        checks = {"Invite": teams.authorize_revoke, "Member": teams.authorize_removal}
        if kind not in checks:
            return NotFound(f"no invite or member with id {data.id!r}")
        return await _domain_check(info, checks[kind], actor, pk, entity_name=data.entity_name)


async def _domain_check(info: Any, check: Any, *args: Any, **kwargs: Any) -> DomainError | None:
    """Run a domain ``authorize_*`` check in a short read session; its DomainError is the denial."""
    async with info.context.read() as session:
        try:
            await check(session, *args, **kwargs)
        except DomainError as error:
            return error
    return None


class CanUpdateUser(PolicyPermission):
    """Yourself; instance admins anyone (``input.id``)."""

    async def denial(self, info: Any, actor: Actor, **kwargs: Any) -> DomainError | None:
        given = kwargs["input"].id
        user_id = ids.decode_as(given, "User") if given else actor.user.id
        if policy.can_update_user(actor, user_id):
            return None
        return Forbidden("permission denied: you may only change your own account")


class CanUpsertProject(PolicyPermission):
    """Create with write access to the entity; change settings with ``can_administer_project``."""

    async def denial(self, info: Any, actor: Actor, **kwargs: Any) -> DomainError | None:
        data = kwargs["input"]
        return await _domain_check(
            info, projects.check_upsert, actor, entity_name=data.entity_name, name=data.name,
            project_id=upsert_project_id(data),
            changes=projects.ProjectChanges(description=data.description, access=data.access),
        )


def upsert_project_id(data: Any) -> int | None:
    return ids.decode_as(data.id, "Project", "ProjectInternalId") if data.id else None
