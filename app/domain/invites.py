"""Team invites: create (by username or email), accept, revoke or decline.

Every service takes (session, actor, ...), checks policy itself (GraphQL is not the only caller),
writes one audit event and raises a DomainError with a sentence naming the problem.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.tables import Entity, Invite, Membership, User
from app.db.types import utcnow
from app.db.unique import insert_or_get
from app.domain import audit, policy
from app.domain.actor import Actor
from app.domain.errors import BadInput, Conflict, DomainError, Forbidden, NotFound
from app.domain.kinds import INVITABLE_ROLES, AccountType, InviteState, Role
from app.domain.policy import Access
from app.domain.teams import check_entity_matches, membership_of, require_team_kind
from app.domain.users import require_entity, user_by_email, user_by_username


async def pending_invites_for(session: AsyncSession, user: User) -> list[Invite]:
    """Invites waiting for ``user`` to accept, oldest first."""
    condition = Invite.invitee_id == user.id
    if user.email:
        condition = condition | (Invite.invitee_id.is_(None) & (func.lower(Invite.email) == user.email.lower()))
    query = select(Invite).where(Invite.state == InviteState.PENDING, condition).order_by(Invite.id)
    return list((await session.scalars(query)).all())


def invite_role(admin: bool | None, role: str | None) -> Role:
    """The role an invite grants: ``role`` if given, else ADMIN when ``admin``, else MEMBER."""
    if role is None:
        return Role.ADMIN if admin else Role.MEMBER
    if admin and role != Role.ADMIN:
        raise BadInput(f"admin: true contradicts role {role}; give one of them")
    if role not in INVITABLE_ROLES:
        raise BadInput(f"role {role} cannot be given by invite; service accounts are created with createServiceAccount")
    return Role(role)


async def create_invite(
    session: AsyncSession,
    actor: Actor,
    *,
    entity_name: str,
    email: str | None = None,
    username: str | None = None,
    role: str | None = None,
    admin: bool | None = None,
) -> Invite:
    """Invite an account or an email to the team with ``role`` (or ADMIN when ``admin``, else MEMBER)."""
    entity = await require_entity(session, entity_name)
    access = await Access.load(session, actor, entity)
    if not access.can_invite:
        raise access.denied("invite people (only admins can, or members when the team allows it)")
    role = invite_role(admin, role)
    team = require_team_kind(entity)
    if role == Role.ADMIN and not access.can_admin:
        raise access.denied("invite admins")
    invitee, email = await _invitee(session, email, username)
    if invitee is not None and await membership_of(session, team, invitee) is not None:
        raise Conflict(f"{invitee.username} is already a member of team {team.name}")
    await _refuse_duplicate_invite(session, team, invitee, email)
    invite = Invite(
        team_id=team.id, email=email, invitee_id=invitee.id if invitee else None, role=role, inviter_id=actor.user_id
    )
    session.add(invite)
    await session.flush()
    audit.record(
        session,
        actor,
        "invite.create",
        entity_id=team.id,
        target_type="invite",
        target_id=invite.id,
        invitee=invitee.username if invitee else None,
        email=email,
        role=role,
    )
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
    if user is not None and user.account_type == AccountType.SERVICE:
        raise BadInput(f"{user.username} is a service account; service accounts belong to one team only")
    return user, email


async def _refuse_duplicate_invite(
    session: AsyncSession, team: Entity, invitee: User | None, email: str | None
) -> None:
    query = select(Invite.id).where(Invite.team_id == team.id, Invite.state == InviteState.PENDING)
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
    if invite is None or invite.state != InviteState.PENDING:
        raise NotFound(f"invite {invite_id} not found or no longer pending")
    return invite, await session.get(Entity, invite.team_id)


async def _hidden_or_forbidden(session: AsyncSession, actor: Actor, team: Entity, what: str, why: str) -> DomainError:
    """Those who cannot see the team's members learn nothing (NOT_FOUND); others learn why (FORBIDDEN)."""
    if (await Access.load(session, actor, team)).can_see_members:
        return Forbidden(why)
    return NotFound(f"{what} not found or no longer pending")


async def authorize_accept(
    session: AsyncSession, actor: Actor, invite_id: int, *, lock: bool = False
) -> tuple[Invite, Entity]:
    invite, team = await _pending_invite(session, invite_id, lock=lock)
    if not policy.can_accept_invite(actor, invite):
        raise await _hidden_or_forbidden(
            session,
            actor,
            team,
            f"invite {invite_id}",
            f"permission denied: invite {invite_id} was sent to someone else; only its invitee can accept it",
        )
    return invite, team


async def authorize_revoke(
    session: AsyncSession, actor: Actor, invite_id: int, *, entity_name: str | None, lock: bool = False
) -> tuple[Invite, Entity]:
    invite, team = await _pending_invite(session, invite_id, lock=lock)
    access = await Access.load(session, actor, team)
    if not access.can_revoke_invite(invite):
        if access.can_see_members:
            raise access.denied("revoke this invite")
        raise NotFound(f"invite {invite_id} not found or no longer pending")
    check_entity_matches(team, entity_name)
    return invite, team


async def accept_invite(session: AsyncSession, actor: Actor, invite_id: int) -> Membership:
    """The invitee joins with the invite's role; the team becomes their default entity."""
    invite, team = await authorize_accept(session, actor, invite_id, lock=True)
    user = await session.get(User, actor.user.id)
    # Two invites to one team accepted at once: the second finds the first's membership here.
    [(membership, inserted)] = await insert_or_get(
        session, [Membership(team_id=team.id, user_id=user.id, role=invite.role)], ("team_id", "user_id")
    )
    if not inserted:
        raise Conflict(f"{user.username} is already a member of team {team.name}")
    invite.state, invite.invitee_id, invite.updated_at = InviteState.ACCEPTED, user.id, utcnow()
    user.default_entity_id = team.id
    await session.flush()
    audit.record(
        session, actor, "invite.accept", entity_id=team.id, target_type="invite", target_id=invite.id, role=invite.role
    )
    return membership


async def revoke_invite(session: AsyncSession, actor: Actor, invite_id: int, *, entity_name: str | None) -> Invite:
    """Revoke (admins, the inviter) or decline (the invitee) a pending invite."""
    invite, team = await authorize_revoke(session, actor, invite_id, entity_name=entity_name, lock=True)
    invite.state, invite.updated_at = InviteState.REVOKED, utcnow()
    audit.record(session, actor, "invite.revoke", entity_id=team.id, target_type="invite", target_id=invite.id)
    return invite
