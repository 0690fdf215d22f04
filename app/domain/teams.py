"""Teams: creation, invites, members and roles, service accounts, entity settings.

Every service takes (session, actor, ...), checks policy itself (GraphQL is not the only caller),
writes one audit event and raises a DomainError with a sentence naming the problem.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.tables import ApiKey, Entity, Invite, Membership, User
from app.db.types import utcnow
from app.db.unique import insert_or_get
from app.domain import audit, policy
from app.domain.actor import Actor
from app.domain.api_keys import IssuedKey, issue_key
from app.domain.errors import BadInput, Conflict, DomainError, Forbidden, NotFound
from app.domain.names import check_entity_name
from app.domain.projects import normalize_access
from app.domain.users import (
    create_user, ensure_name_free, name_taken, require_entity, user_by_email, user_by_username,
)

INVITABLE_ROLES = (policy.ADMIN, policy.MEMBER, policy.VIEWER)
PENDING, ACCEPTED, REVOKED = "PENDING", "ACCEPTED", "REVOKED"
STORAGE_REGION = re.compile(r"^[a-z0-9][a-z0-9_.-]{0,63}$")


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

async def require_team(session: AsyncSession, name: str) -> Entity:
    entity = await require_entity(session, name)
    if entity.kind != "team":
        raise BadInput(f"{name} is a personal entity; only teams have members and invites")
    return entity


async def membership_of(session: AsyncSession, team: Entity, user: User) -> Membership | None:
    return await session.scalar(
        select(Membership).where(Membership.team_id == team.id, Membership.user_id == user.id)
    )


async def list_members(session: AsyncSession, entity: Entity) -> list[MemberEntry]:
    """Members and pending invites in the order they joined or were invited, newest last."""
    if entity.kind == "user":
        owner = await session.scalar(select(User).where(User.entity_id == entity.id))
        return [MemberEntry("owner", owner.id, policy.ADMIN, owner, owner.email, owner.created_at)] if owner else []
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
            .where(Invite.team_id == entity.id, Invite.state == PENDING)
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


async def pending_invites_for(session: AsyncSession, user: User) -> list[Invite]:
    """Invites waiting for ``user`` to accept, oldest first."""
    condition = Invite.invitee_id == user.id
    if user.email:
        condition = condition | (Invite.invitee_id.is_(None) & (func.lower(Invite.email) == user.email.lower()))
    return list(
        (await session.scalars(select(Invite).where(Invite.state == PENDING, condition).order_by(Invite.id))).all()
    )


async def _admin_ids_locked(session: AsyncSession, team: Entity) -> list[int]:
    """The team's admin memberships, locked (PostgreSQL) so two concurrent demotions cannot both pass."""
    return list(
        (
            await session.scalars(
                select(Membership.id)
                .where(Membership.team_id == team.id, Membership.role == policy.ADMIN)
                .with_for_update()
            )
        ).all()
    )


async def _keep_an_admin(session: AsyncSession, team: Entity, membership: Membership, action: str) -> None:
    if membership.role != policy.ADMIN:
        return
    if await _admin_ids_locked(session, team) == [membership.id]:
        raise Conflict(f"cannot {action}: team {team.name} must keep at least one admin")


def denied(actor: Actor, entity: Entity, role: str | None, action: str) -> Forbidden:
    """The sentence for a refusal: not a member, or a role that cannot do ``action``."""
    if role is None and entity.kind == "team":
        return Forbidden(f"permission denied: user {actor.label} is not a member of team {entity.name}")
    if role is None:
        return Forbidden(f"permission denied: {entity.name} is another user's personal entity")
    return Forbidden(f"permission denied: user {actor.label} has role {role.lower()} in {entity.name} and cannot {action}")


# --- teams ---------------------------------------------------------------------------------

async def create_team(
    session: AsyncSession, actor: Actor, name: str, *, admin_username: str | None = None,
    restricted_to_admins: bool = False, default_access: str | None = None,
) -> Entity:
    if not policy.can_create_team(actor, restricted_to_admins=restricted_to_admins):
        if actor.is_service:
            raise Forbidden("permission denied: service accounts cannot create teams")
        raise Forbidden("permission denied: only instance admins may create teams on this server")
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
        if admin.account_type == "SERVICE":
            raise BadInput(f"{admin_username} is a service account and cannot administer a team")
    await ensure_name_free(session, name)
    team = Entity(name=name, kind="team", default_access=normalize_access(default_access) if default_access else policy.PRIVATE)
    session.add(team)
    try:
        await session.flush()
    except IntegrityError:  # the same name taken by a concurrent request since ensure_name_free
        raise Conflict(f"the name {name} is already taken by a user or team") from None
    session.add(Membership(team_id=team.id, user_id=admin.id, role=policy.ADMIN))
    audit.record(session, actor, "team.create", entity_id=team.id, target_type="team", target_id=team.id,
                 name=name, admin=admin.username)
    return team


def invite_role(admin: bool | None, role: str | None) -> str:
    """The role an invite grants: ``role`` if given, else ADMIN when ``admin``, else MEMBER."""
    if role is None:
        return policy.ADMIN if admin else policy.MEMBER
    if admin and role != policy.ADMIN:
        raise BadInput(f"admin: true contradicts role {role}; give one of them")
    if role not in INVITABLE_ROLES:
        raise BadInput(f"role {role} cannot be given by invite; service accounts are created with createServiceAccount")
    return role


async def create_invite(
    session: AsyncSession, actor: Actor, *, entity_name: str, email: str | None = None,
    username: str | None = None, role: str,
) -> Invite:
    team = await require_team(session, entity_name)
    actor_role = await policy.role_in(session, actor, team)
    if not policy.can_invite(actor, actor_role, team):
        raise denied(actor, team, actor_role, "invite people")
    if role == policy.ADMIN and not policy.can_administer(actor, actor_role):
        raise denied(actor, team, actor_role, "invite admins")
    invitee, email = await _invitee(session, email, username)
    if invitee is not None and await membership_of(session, team, invitee) is not None:
        raise Conflict(f"{invitee.username} is already a member of team {team.name}")
    await _refuse_duplicate_invite(session, team, invitee, email)
    invite = Invite(team_id=team.id, email=email, invitee_id=invitee.id if invitee else None, role=role,
                    inviter_id=actor.user_id)
    session.add(invite)
    await session.flush()
    audit.record(session, actor, "invite.create", entity_id=team.id, target_type="invite", target_id=invite.id,
                 invitee=invitee.username if invitee else None, email=email, role=role)
    return invite


async def _invitee(session: AsyncSession, email: str | None, username: str | None) -> tuple[User | None, str | None]:
    """The invited account (None for an email with no account yet) and the email to record."""
    if bool(email) == bool(username):
        raise BadInput("give exactly one of email or username to invite someone")
    if username:
        user = await user_by_username(session, username)
        if user is None:
            raise NotFound(f"user {username} not found")
        email = None
    else:
        email = email.strip()
        if "@" not in email or len(email) > 320:
            raise BadInput(f"invalid email address {email!r}")
        user = await user_by_email(session, email)
    if user is not None and user.account_type == "SERVICE":
        raise BadInput(f"{user.username} is a service account; service accounts belong to one team only")
    return user, email


async def _refuse_duplicate_invite(session: AsyncSession, team: Entity, invitee: User | None, email: str | None) -> None:
    query = select(Invite.id).where(Invite.team_id == team.id, Invite.state == PENDING)
    if invitee is not None:
        query = query.where(Invite.invitee_id == invitee.id)
        who = invitee.username
    else:
        query = query.where(func.lower(Invite.email) == email.lower())
        who = email
    if await session.scalar(query) is not None:
        raise Conflict(f"{who} already has a pending invite to team {team.name}")


async def _pending_invite(session: AsyncSession, invite_id: int, *, lock: bool) -> tuple[Invite, Entity]:
    # Locked (PostgreSQL) when about to change it: a concurrent accept or revoke of the same invite waits.
    invite = await session.get(Invite, invite_id, with_for_update=lock)
    if invite is None or invite.state != PENDING:
        raise NotFound(f"invite {invite_id} not found or no longer pending")
    return invite, await session.get(Entity, invite.team_id)


async def _hidden_or_forbidden(session: AsyncSession, actor: Actor, team: Entity, what: str, why: str) -> DomainError:
    """Those who cannot see the team's members learn nothing (NOT_FOUND); others learn why (FORBIDDEN)."""
    if policy.can_see_entity_members(actor, await policy.role_in(session, actor, team)):
        return Forbidden(why)
    return NotFound(f"{what} not found or no longer pending")


async def authorize_accept(session: AsyncSession, actor: Actor, invite_id: int, *, lock: bool = False
                           ) -> tuple[Invite, Entity]:
    invite, team = await _pending_invite(session, invite_id, lock=lock)
    if not policy.can_accept_invite(actor, invite):
        raise await _hidden_or_forbidden(
            session, actor, team, f"invite {invite_id}",
            f"permission denied: invite {invite_id} was sent to someone else; only its invitee can accept it",
        )
    return invite, team


async def authorize_revoke(session: AsyncSession, actor: Actor, invite_id: int, *, entity_name: str | None,
                           lock: bool = False) -> tuple[Invite, Entity]:
    invite, team = await _pending_invite(session, invite_id, lock=lock)
    role = await policy.role_in(session, actor, team)
    if not policy.can_revoke_invite(actor, role, team, invite):
        if policy.can_see_entity_members(actor, role):
            raise denied(actor, team, role, "revoke this invite")
        raise NotFound(f"invite {invite_id} not found or no longer pending")
    _check_entity_matches(team, entity_name)
    return invite, team


async def authorize_removal(session: AsyncSession, actor: Actor, membership_id: int, *, entity_name: str | None
                            ) -> tuple[Membership, Entity]:
    membership = await session.get(Membership, membership_id)
    team = await session.get(Entity, membership.team_id) if membership else None
    role = await policy.role_in(session, actor, team) if team else None
    if membership is None or not policy.can_see_entity_members(actor, role):
        raise NotFound(f"member {membership_id} not found")
    if not policy.can_remove_member(actor, role, membership.user_id):
        raise denied(actor, team, role, "remove members")
    _check_entity_matches(team, entity_name)
    return membership, team


async def accept_invite(session: AsyncSession, actor: Actor, invite_id: int) -> Membership:
    """The invitee joins with the invite's role; the team becomes their default entity."""
    invite, team = await authorize_accept(session, actor, invite_id, lock=True)
    user = await session.get(User, actor.user.id)
    # Two invites to one team accepted at once: the second finds the first's membership here.
    [(membership, inserted)] = await insert_or_get(
        session, [Membership(team_id=team.id, user_id=user.id, role=invite.role)], ("team_id", "user_id"))
    if not inserted:
        raise Conflict(f"{user.username} is already a member of team {team.name}")
    invite.state, invite.invitee_id, invite.updated_at = ACCEPTED, user.id, utcnow()
    user.default_entity_id = team.id
    await session.flush()
    audit.record(session, actor, "invite.accept", entity_id=team.id, target_type="invite", target_id=invite.id,
                 role=invite.role)
    return membership


def _check_entity_matches(team: Entity, entity_name: str | None) -> None:
    if entity_name and entity_name != team.name:
        raise BadInput(f"the id belongs to team {team.name}, not {entity_name}")


async def revoke_invite(session: AsyncSession, actor: Actor, invite_id: int, *, entity_name: str | None) -> Invite:
    """Revoke (admins, the inviter) or decline (the invitee) a pending invite."""
    invite, team = await authorize_revoke(session, actor, invite_id, entity_name=entity_name, lock=True)
    invite.state, invite.updated_at = REVOKED, utcnow()
    audit.record(session, actor, "invite.revoke", entity_id=team.id, target_type="invite", target_id=invite.id)
    return invite


async def remove_member(session: AsyncSession, actor: Actor, membership_id: int, *, entity_name: str | None) -> None:
    """Remove a member (or leave). A removed service account is deactivated: it exists only for its team."""
    membership, team = await authorize_removal(session, actor, membership_id, entity_name=entity_name)
    await _keep_an_admin(session, team, membership, "remove the last admin")
    member = await session.get(User, membership.user_id)
    if member.default_entity_id == team.id:
        member.default_entity_id = member.entity_id
    if member.account_type == "SERVICE":
        member.deleted_at = utcnow()
        await session.execute(
            update(ApiKey).where(ApiKey.user_id == member.id, ApiKey.revoked_at.is_(None)).values(revoked_at=utcnow())
        )
    await session.delete(membership)
    audit.record(session, actor, "member.remove", entity_id=team.id, target_type="user", target_id=member.id,
                 username=member.username, role=membership.role)


async def add_member(session: AsyncSession, actor: Actor, *, entity_name: str, username: str, role: str) -> Membership:
    """Add an existing user to a team at once, without an invite (team and instance admins); like an
    accepted invite, the team becomes the user's default entity."""
    team = await require_team(session, entity_name)
    actor_role = await policy.role_in(session, actor, team)
    if not policy.can_administer(actor, actor_role):
        raise denied(actor, team, actor_role, "add members")
    if role not in INVITABLE_ROLES:
        raise BadInput(f"unknown role {role}: use ADMIN, MEMBER or VIEWER")
    user = await user_by_username(session, username)
    if user is None:
        raise NotFound(f"user {username} not found")
    if user.account_type == "SERVICE":
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
    audit.record(session, actor, "member.add", entity_id=team.id, target_type="user", target_id=user.id,
                 username=username, role=role)
    return membership


async def update_member(session: AsyncSession, actor: Actor, *, entity_name: str, username: str, role: str) -> Membership:
    team = await require_team(session, entity_name)
    actor_role = await policy.role_in(session, actor, team)
    if not policy.can_administer(actor, actor_role):
        raise denied(actor, team, actor_role, "change roles")
    member = await user_by_username(session, username)
    membership = await membership_of(session, team, member) if member else None
    if membership is None:
        raise NotFound(f"user {username} is not a member of team {team.name}")
    if member.account_type == "SERVICE" or role == policy.SERVICE:
        raise BadInput("the service role belongs to service accounts only, and they keep it")
    if role not in INVITABLE_ROLES:
        raise BadInput(f"unknown role {role}: use ADMIN, MEMBER or VIEWER")
    if role != policy.ADMIN:
        await _keep_an_admin(session, team, membership, "demote the last admin")
    previous, membership.role = membership.role, role
    audit.record(session, actor, "member.update_role", entity_id=team.id, target_type="user", target_id=member.id,
                 username=username, previous=previous, role=role)
    return membership


async def create_service_account(
    session: AsyncSession, actor: Actor, *, entity_name: str, description: str | None, server_secret: bytes,
) -> tuple[User, IssuedKey]:
    """A SERVICE user of ``entity_name`` with a key team admins can read back (members{apiKey})."""
    team = await require_team(session, entity_name)
    actor_role = await policy.role_in(session, actor, team)
    if not policy.can_administer(actor, actor_role):
        raise denied(actor, team, actor_role, "create service accounts")
    description = (description or "").strip() or None
    if description and len(description) > 255:
        raise BadInput("the description is longer than 255 characters")
    username = await _service_username(session, team.name)
    user = await create_user(session, email=None, username=username, account_type="SERVICE", full_name=description)
    user.default_entity_id = team.id
    session.add(Membership(team_id=team.id, user_id=user.id, role=policy.SERVICE))
    issued = issue_key(session, user, description=description, server_secret=server_secret)
    await session.flush()
    audit.record(session, actor, "service_account.create", entity_id=team.id, target_type="user", target_id=user.id,
                 username=username)
    return user, issued


async def _service_username(session: AsyncSession, team_name: str) -> str:
    while True:
        candidate = f"{team_name[:50]}-sa-{secrets.token_hex(4)}"
        if not await name_taken(session, candidate):
            return candidate


# --- entity settings -------------------------------------------------------------------------

@dataclass(frozen=True)
class EntitySettings:
    default_access: str | None = None
    private_only: bool | None = None
    code_saving_enabled: bool | None = None
    storage_region: str | None = None
    members_can_invite: bool | None = None


async def update_entity(session: AsyncSession, actor: Actor, entity_name: str, changes: EntitySettings) -> Entity:
    entity = await require_entity(session, entity_name)
    role = await policy.role_in(session, actor, entity)
    if not policy.can_administer(actor, role):
        raise denied(actor, entity, role, "change its settings")
    if changes.members_can_invite is not None and entity.kind != "team":
        raise BadInput("membersCanInvite applies to teams only")
    if changes.storage_region is not None and not STORAGE_REGION.match(changes.storage_region):
        raise BadInput(f"invalid storage region {changes.storage_region!r}")
    applied = {k: v for k, v in vars(changes).items() if v is not None}
    if "default_access" in applied:
        applied["default_access"] = normalize_access(applied["default_access"])
    for key, value in applied.items():
        setattr(entity, key, value)
    if entity.private_only and entity.default_access in (policy.PUBLIC, policy.OPEN):
        raise BadInput(f"{entity.name} is private-only, so its default project access cannot be {entity.default_access}")
    audit.record(session, actor, "entity.update", entity_id=entity.id, target_type="entity", target_id=entity.id,
                 **applied)
    return entity
