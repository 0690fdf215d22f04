"""Teams: creation, members and roles, service accounts. Invites are ``domain/invites.py``, an
entity's settings ``domain/entity_settings.py``.

Every service takes (session, actor, ...), checks policy itself (GraphQL is not the only caller),
writes one audit event and raises a DomainError with a sentence naming the problem.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.tables import ApiKey, Entity, Invite, Membership, User
from app.db.types import utcnow
from app.domain import audit, policy
from app.domain.actor import Actor
from app.domain.api_keys import IssuedKey, issue_key
from app.domain.errors import BadInput, Conflict, Forbidden, NotFound
from app.domain.kinds import INVITABLE_ROLES, AccountType, EntityKind, InviteState, ProjectAccess, Role
from app.domain.names import check_entity_name
from app.domain.policy import Access
from app.domain.projects import normalize_access
from app.domain.users import create_user, ensure_name_free, name_taken, require_entity, user_by_username


@dataclass(frozen=True)
class MemberEntry:
    """A team member or a pending invite, as the team's member list shows it."""

    kind: str  # "member" | "invite" | "owner" (a personal entity's user)
    id: int
    role: str
    user: User | None
    email: str | None
    since: datetime
    inviter_id: int | None = None

    @property
    def pending(self) -> bool:
        return self.kind == "invite"


# --- lookups -------------------------------------------------------------------------------


def require_team_kind(entity: Entity) -> Entity:
    if entity.kind != EntityKind.TEAM:
        raise BadInput(f"{entity.name} is a personal entity; only teams have members and invites")
    return entity


async def require_team(session: AsyncSession, name: str) -> Entity:
    return require_team_kind(await require_entity(session, name))


async def administered_team(session: AsyncSession, actor: Actor, name: str, action: str) -> Entity:
    """The team named ``name`` if the actor administers it: NotFound, then the refusal naming
    ``action``, then BadInput for a personal entity, in that order."""
    entity = await require_entity(session, name)
    access = await Access.load(session, actor, entity)
    if not access.can_admin:
        raise access.denied(action)
    return require_team_kind(entity)


async def membership_of(session: AsyncSession, team: Entity, user: User) -> Membership | None:
    return await session.scalar(select(Membership).where(Membership.team_id == team.id, Membership.user_id == user.id))


async def list_members(session: AsyncSession, entity: Entity) -> list[MemberEntry]:
    """Members and pending invites in the order they joined or were invited, newest last."""
    if entity.kind == EntityKind.USER:
        owner = await session.scalar(select(User).where(User.entity_id == entity.id))
        return [MemberEntry("owner", owner.id, Role.ADMIN, owner, owner.email, owner.created_at)] if owner else []
    rows = (
        await session.execute(
            select(Membership, User).join(User, User.id == Membership.user_id).where(Membership.team_id == entity.id)
        )
    ).all()
    entries = [MemberEntry("member", m.id, m.role, u, u.email, m.created_at) for m, u in rows]
    invites = (
        await session.execute(
            select(Invite, User)
            .outerjoin(User, User.id == Invite.invitee_id)
            .where(Invite.team_id == entity.id, Invite.state == InviteState.PENDING)
        )
    ).all()
    entries += [MemberEntry("invite", i.id, i.role, u, i.email, i.created_at, i.inviter_id) for i, u in invites]
    return sorted(entries, key=lambda e: (e.since, e.kind == "member", e.id))


async def service_account_keys(session: AsyncSession, user_ids: list[int]) -> dict[int, ApiKey]:
    """The newest readable (derived, unrevoked) key of each service account."""
    if not user_ids:
        return {}
    keys = (
        await session.scalars(
            select(ApiKey)
            .where(ApiKey.user_id.in_(user_ids), ApiKey.derivation_nonce.is_not(None), ApiKey.revoked_at.is_(None))
            .order_by(ApiKey.id)
        )
    ).all()
    return {key.user_id: key for key in keys}


def check_entity_matches(team: Entity, entity_name: str | None) -> None:
    """An id given with an entity name (deleteInvite's input) must belong to that entity."""
    if entity_name and entity_name != team.name:
        raise BadInput(f"the id belongs to team {team.name}, not {entity_name}")


async def _admin_ids_locked(session: AsyncSession, team: Entity) -> list[int]:
    """The team's admin memberships, locked (PostgreSQL) so two concurrent demotions cannot both pass."""
    return list(
        (
            await session.scalars(
                select(Membership.id)
                .where(Membership.team_id == team.id, Membership.role == Role.ADMIN)
                .with_for_update()
            )
        ).all()
    )


async def _keep_an_admin(session: AsyncSession, team: Entity, membership: Membership, action: str) -> None:
    if membership.role != Role.ADMIN:
        return
    if await _admin_ids_locked(session, team) == [membership.id]:
        raise Conflict(f"cannot {action}: team {team.name} must keep at least one admin")


# --- teams ---------------------------------------------------------------------------------


async def create_team(
    session: AsyncSession,
    actor: Actor,
    name: str,
    *,
    admin_username: str | None = None,
    restricted_to_admins: bool = False,
    default_access: str | None = None,
) -> Entity:
    if not policy.can_create_team(actor, restricted_to_admins=restricted_to_admins):
        raise policy.team_creation_denied(actor)
    check_entity_name(name)
    admin = actor.user
    if admin is None and not admin_username:
        raise BadInput(f"name the first admin of team {name}")
    if admin_username and (admin is None or admin_username != admin.username):
        if not actor.is_instance_admin:
            raise Forbidden("permission denied: only instance admins may create a team for another user")
        admin = await user_by_username(session, admin_username)
        if admin is None:
            raise NotFound(f"user {admin_username} not found")
        if admin.account_type == AccountType.SERVICE:
            raise BadInput(f"{admin_username} is a service account and cannot administer a team")
    await ensure_name_free(session, name)
    access = normalize_access(default_access) if default_access else ProjectAccess.PRIVATE
    team = Entity(name=name, kind=EntityKind.TEAM, default_access=access)
    session.add(team)
    try:
        await session.flush()
    except IntegrityError:  # the same name taken by a concurrent request since ensure_name_free
        raise Conflict(f"the name {name} is already taken by a user or team") from None
    session.add(Membership(team_id=team.id, user_id=admin.id, role=Role.ADMIN))
    audit.record(
        session,
        actor,
        "team.create",
        entity_id=team.id,
        target_type="team",
        target_id=team.id,
        name=name,
        admin=admin.username,
    )
    return team


# --- members -------------------------------------------------------------------------------


async def authorize_removal(
    session: AsyncSession, actor: Actor, membership_id: int, *, entity_name: str | None
) -> tuple[Membership, Entity]:
    membership = await session.get(Membership, membership_id)
    team = await session.get(Entity, membership.team_id) if membership else None
    access = await Access.load(session, actor, team) if team else None
    if access is None or not access.can_see_members:
        raise NotFound(f"member {membership_id} not found")
    if not access.can_remove_member(membership.user_id):
        raise access.denied("remove members")
    check_entity_matches(team, entity_name)
    return membership, team


async def remove_member(session: AsyncSession, actor: Actor, membership_id: int, *, entity_name: str | None) -> None:
    """Remove a member (or leave). A removed service account is deactivated: it exists only for its team."""
    membership, team = await authorize_removal(session, actor, membership_id, entity_name=entity_name)
    await _keep_an_admin(session, team, membership, "remove the last admin")
    member = await session.get(User, membership.user_id)
    if member.default_entity_id == team.id:
        member.default_entity_id = member.entity_id
    if member.account_type == AccountType.SERVICE:
        member.deleted_at = utcnow()
        await session.execute(
            update(ApiKey).where(ApiKey.user_id == member.id, ApiKey.revoked_at.is_(None)).values(revoked_at=utcnow())
        )
    await session.delete(membership)
    audit.record(
        session,
        actor,
        "member.remove",
        entity_id=team.id,
        target_type="user",
        target_id=member.id,
        username=member.username,
        role=membership.role,
    )


async def add_member(session: AsyncSession, actor: Actor, *, entity_name: str, username: str, role: str) -> Membership:
    """Add an existing user to a team at once, without an invite (team and instance admins); like an
    accepted invite, the team becomes the user's default entity."""
    team = await administered_team(session, actor, entity_name, "add members")
    if role not in INVITABLE_ROLES:
        raise BadInput(f"unknown role {role}: use ADMIN, MEMBER or VIEWER")
    user = await user_by_username(session, username)
    if user is None:
        raise NotFound(f"user {username} not found")
    if user.account_type == AccountType.SERVICE:
        raise BadInput(f"{username} is a service account; service accounts belong to the team that created them")
    if await membership_of(session, team, user) is not None:
        raise Conflict(f"{username} is already a member of team {team.name}")
    membership = Membership(team_id=team.id, user_id=user.id, role=role)
    session.add(membership)
    user.default_entity_id = team.id
    try:
        await session.flush()
    except IntegrityError:  # added by a concurrent request since the check above
        raise Conflict(f"{username} is already a member of team {team.name}") from None
    audit.record(
        session,
        actor,
        "member.add",
        entity_id=team.id,
        target_type="user",
        target_id=user.id,
        username=username,
        role=role,
    )
    return membership


async def update_member(
    session: AsyncSession, actor: Actor, *, entity_name: str, username: str, role: str
) -> Membership:
    team = await administered_team(session, actor, entity_name, "change roles")
    member = await user_by_username(session, username)
    membership = await membership_of(session, team, member) if member else None
    if membership is None:
        raise NotFound(f"user {username} is not a member of team {team.name}")
    if member.account_type == AccountType.SERVICE or role == Role.SERVICE:
        raise BadInput("the service role belongs to service accounts only, and they keep it")
    if role not in INVITABLE_ROLES:
        raise BadInput(f"unknown role {role}: use ADMIN, MEMBER or VIEWER")
    if role != Role.ADMIN:
        await _keep_an_admin(session, team, membership, "demote the last admin")
    previous, membership.role = membership.role, role
    audit.record(
        session,
        actor,
        "member.update_role",
        entity_id=team.id,
        target_type="user",
        target_id=member.id,
        username=username,
        previous=previous,
        role=role,
    )
    return membership


# --- service accounts ------------------------------------------------------------------------


async def create_service_account(
    session: AsyncSession,
    actor: Actor,
    *,
    entity_name: str,
    description: str | None,
    server_secret: bytes,
) -> tuple[User, IssuedKey]:
    """A SERVICE user of ``entity_name`` with a key team admins can read back (members{apiKey})."""
    team = await administered_team(session, actor, entity_name, "create service accounts")
    description = (description or "").strip() or None
    if description and len(description) > 255:
        raise BadInput("the description is longer than 255 characters")
    username = await _service_username(session, team.name)
    user = await create_user(
        session, email=None, username=username, account_type=AccountType.SERVICE, full_name=description
    )
    user.default_entity_id = team.id
    session.add(Membership(team_id=team.id, user_id=user.id, role=Role.SERVICE))
    issued = issue_key(session, user, description=description, server_secret=server_secret)
    await session.flush()
    audit.record(
        session,
        actor,
        "service_account.create",
        entity_id=team.id,
        target_type="user",
        target_id=user.id,
        username=username,
    )
    return user, issued


async def _service_username(session: AsyncSession, team_name: str) -> str:
    while True:
        candidate = f"{team_name[:50]}-sa-{secrets.token_hex(4)}"
        if not await name_taken(session, candidate):
            return candidate
