"""Permission classes for root fields: each asks app.domain.policy and turns a denial into a DomainError.

A denial is FORBIDDEN with a sentence naming who may do what; anonymous callers get UNAUTHENTICATED;
an unknown entity is NOT_FOUND. The services check again inside their transaction (GraphQL is not
their only caller), so a permission here is the early, cheap refusal.

Reuse: subclass ``PolicyPermission`` and implement ``denial``, or ``EntityPermission`` and implement
``allows`` for decisions that depend on the caller's role in the entity named by the input.
"""

from __future__ import annotations

from typing import Any

from strawberry.permission import BasePermission

from app.api import ids
from app.db import tables
from app.domain import policy
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

    def allows(self, actor: Actor, role: str | None, entity: tables.Entity) -> bool:
        raise NotImplementedError

    async def denial(self, info: Any, actor: Actor, **kwargs: Any) -> DomainError | None:
        name = getattr(kwargs["input"], self.entity_field)
        entity = await info.context.loaders.entity_by_name.load(name) if name else None
        if entity is None:
            return NotFound(f"entity {name} not found")
        role = await info.context.loaders.viewer_role.load(entity.id)
        if self.allows(actor, role, entity):
            return None
        return forbidden(actor, entity, role, self.action)


def forbidden(actor: Actor, entity: tables.Entity, role: str | None, action: str) -> Forbidden:
    if role is None:
        kind = "team" if entity.kind == "team" else "entity"
        return Forbidden(f"permission denied: user {actor.label} is not a member of {kind} {entity.name}")
    return Forbidden(f"permission denied: user {actor.label} has role {role.lower()} in {entity.name} and cannot {action}")


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
    async def denial(self, info: Any, actor: Actor, **kwargs: Any) -> DomainError | None:
        invite_id = ids.decode_as(kwargs["input"].id, "Invite")
        async with info.context.read() as session:
            invite = await session.get(tables.Invite, invite_id)
            if invite is None or invite.state != "PENDING":
                return NotFound(f"invite {invite_id} not found or no longer pending")
            if policy.can_accept_invite(actor, invite):
                return None
            team = await session.get(tables.Entity, invite.team_id)
            role = await policy.role_in(session, actor, team)
        if policy.can_see_entity_members(actor, role):
            return Forbidden(f"permission denied: invite {invite_id} was sent to someone else; only its invitee can accept it")
        return NotFound(f"invite {invite_id} not found or no longer pending")


class CanDeleteInviteOrMember(PolicyPermission):
    """deleteInvite takes an invite's id (revoke or decline) or a member's id (remove or leave)."""

    async def denial(self, info: Any, actor: Actor, **kwargs: Any) -> DomainError | None:
        given = kwargs["input"].id or ""
        kind, pk = ids.decode(given)
        async with info.context.read() as session:
            if kind == "Invite":
                invite = await session.get(tables.Invite, pk)
                team = await session.get(tables.Entity, invite.team_id) if invite else None
                role = await policy.role_in(session, actor, team) if team else None
                if invite is not None and policy.can_revoke_invite(actor, role, team, invite):
                    return None
                what, found = f"invite {pk}", invite is not None and invite.state == "PENDING"
            elif kind == "Member":
                membership = await session.get(tables.Membership, pk)
                team = await session.get(tables.Entity, membership.team_id) if membership else None
                role = await policy.role_in(session, actor, team) if team else None
                if membership is not None and policy.can_remove_member(actor, role, membership.user_id):
                    return None
                what, found = f"member {pk}", membership is not None
            else:
                return NotFound(f"no invite or member with id {given!r}")
        if found and policy.can_see_entity_members(actor, role):
            return forbidden(actor, team, role, "remove members or revoke invites")
        return NotFound(f"{what} not found")


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
        from app.domain import projects

        data = kwargs["input"]
        async with info.context.read() as session:
            try:
                await projects.check_upsert(
                    session, actor, entity_name=data.entity_name, name=data.name, project_id=upsert_project_id(data),
                    changes=projects.ProjectChanges(description=data.description, access=data.access),
                )
            except DomainError as error:
                return error
        return None


def upsert_project_id(data: Any) -> int | None:
    return ids.decode_as(data.id, "Project", "ProjectInternalId") if data.id else None
