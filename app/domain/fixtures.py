"""The test-fixture service's operations: what wandb's system tests ask of a W&B test backend
(users whose API key is their username, teams, organizations), for test instances only.

These bypass the policy on purpose: the service runs only behind an explicit switch, bound to
loopback (app/rest/fixtures.py). What they make is marked ``fixture``, and they delete only what is
so marked, never a real account, team or organization. Keys equal to a username are guessable:
they are usable only while the service is on (``revoke_fixture_keys`` runs when a server starts
without it). Every change writes an audit event with ``via="test-fixtures"``.
"""

from __future__ import annotations

from sqlalchemy import delete, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.tables import ApiKey, Entity, Membership, Organization, OrganizationMember, User
from app.db.types import utcnow
from app.domain import audit, organizations
from app.domain.actor import Actor
from app.domain.api_keys import hash_key
from app.domain.errors import BadInput, Conflict, NotFound
from app.domain.kinds import EntityKind, Role
from app.domain.names import check_entity_name
from app.domain.users import create_user, ensure_name_free, user_by_username

SERVICE = Actor()  # recorded as no user; details say via="test-fixtures"
FIXTURE_EMAIL_DOMAIN = "fixtures.labbook.invalid"


def _audit(session: AsyncSession, action: str, **details: object) -> None:
    audit.record(session, SERVICE, action, via="test-fixtures", **details)


async def _fixture_user(session: AsyncSession, username: str | None) -> User:
    if not username:
        raise BadInput("username is required")
    user = await session.scalar(
        select(User).join(Entity, Entity.id == User.entity_id).where(User.username == username, Entity.fixture)
    )
    if user is None:
        raise NotFound(f"no fixture user {username}: the fixture service manages only the users it made")
    return user


async def _set_key(session: AsyncSession, user: User, secret: str) -> None:
    """The user's one fixture key becomes ``secret`` (its visible prefix is the secret's start)."""
    if not secret:
        raise BadInput("password is required")
    await session.execute(delete(ApiKey).where(ApiKey.user_id == user.id, ApiKey.fixture))
    taken = await session.scalar(select(ApiKey.id).where(ApiKey.secret_hash == hash_key(secret)))
    if taken is not None:
        raise Conflict("another account already uses that key")
    session.add(
        ApiKey(
            user_id=user.id,
            prefix=secret[:12],
            secret_hash=hash_key(secret),
            fixture=True,
            description="test fixture key",
        )
    )


async def user_up(session: AsyncSession, username: str | None, *, admin: bool = False) -> User:
    """A user (instance admin when ``admin``) whose API key is the username."""
    if not username:
        raise BadInput("username is required")
    check_entity_name(username)
    if await user_by_username(session, username) is not None:
        raise Conflict(f"the name {username} is already taken by a user")
    user = await create_user(
        session, email=f"{username.lower()}@{FIXTURE_EMAIL_DOMAIN}", username=username, admin=admin
    )
    entity = await session.get(Entity, user.entity_id)
    entity.fixture = True
    await _set_key(session, user, username)
    await session.flush()
    _audit(session, "fixture.user.up", username=username, admin=admin)
    return user


async def user_password(session: AsyncSession, username: str | None, password: str | None) -> None:
    """W&B's fixture sets a password that the tests then use as the API key: so it is here."""
    user = await _fixture_user(session, username)
    await _set_key(session, user, password or "")
    _audit(session, "fixture.user.password", username=user.username)


async def user_down(session: AsyncSession, username: str | None) -> None:
    user = await _fixture_user(session, username)
    await _delete_users(session, [user])


async def users_down_all(session: AsyncSession) -> int:
    users = list(
        (await session.scalars(select(User).join(Entity, Entity.id == User.entity_id).where(Entity.fixture))).all()
    )
    await _delete_users(session, users)
    return len(users)


async def _delete_users(session: AsyncSession, users: list[User]) -> None:
    """Delete fixture users with everything of theirs (their entity's projects and runs go by cascade)."""
    for user in users:
        _audit(session, "fixture.user.down", username=user.username)
        await session.execute(delete(Entity).where(Entity.id == user.entity_id, Entity.fixture))


async def team_up(
    session: AsyncSession, username: str | None, team_name: str | None, organization_name: str | None
) -> Entity:
    """A team administered by the fixture user, inside the organization (made when missing)."""
    user = await _fixture_user(session, username)
    if not team_name:
        raise BadInput("fixtureData.team.name is required")
    check_entity_name(team_name)
    await ensure_name_free(session, team_name)
    organization = None
    if organization_name:
        organization = await organizations.by_name(session, organization_name) or await organization_up(
            session, organization_name, username
        )
    team = Entity(
        name=team_name, kind=EntityKind.TEAM, fixture=True, organization_id=organization.id if organization else None
    )
    session.add(team)
    await session.flush()
    session.add(Membership(team_id=team.id, user_id=user.id, role=Role.ADMIN))
    if organization is not None:
        await _add_org_member(session, organization, user, Role.ADMIN, keep_higher=True)
    _audit(session, "fixture.team.up", team=team_name, admin=user.username, organization=organization_name)
    return team


async def team_down(session: AsyncSession, team_name: str | None) -> None:
    if not team_name:
        raise BadInput("fixtureData.team.name is required")
    found = await session.scalar(
        select(Entity.id).where(Entity.name == team_name, Entity.kind == EntityKind.TEAM, Entity.fixture)
    )
    if found is None:
        raise NotFound(f"no fixture team {team_name}")
    await session.execute(delete(Entity).where(Entity.id == found))
    _audit(session, "fixture.team.down", team=team_name)


async def organization_up(session: AsyncSession, name: str | None, username: str | None) -> Organization:
    """An organization with the fixture user as its admin."""
    if not name:
        raise BadInput("orgName is required")
    check_entity_name(name)
    if await organizations.by_name(session, name) is not None:
        raise Conflict(f"an organization named {name} already exists")
    organization = Organization(name=name, fixture=True)
    session.add(organization)
    await session.flush()
    if username:
        await _add_org_member(session, organization, await _fixture_user(session, username), Role.ADMIN)
    _audit(session, "fixture.organization.up", organization=name, admin=username)
    return organization


async def organization_add_members(session: AsyncSession, name: str | None, members: list[tuple[str, str]]) -> None:
    organization = await _fixture_organization(session, name)
    for username, role in members:
        role = role.upper()
        if role not in organizations.ORG_ROLES:
            raise BadInput(f"invalid organization role {role.lower()!r}: use admin, member or viewer")
        await _add_org_member(session, organization, await _fixture_user(session, username), role)
    _audit(
        session,
        "fixture.organization.add_members",
        organization=organization.name,
        members=[f"{u}:{r.lower()}" for u, r in members],
    )


async def organization_down(session: AsyncSession, name: str | None) -> None:
    """Delete a fixture organization and the fixture teams in it."""
    organization = await _fixture_organization(session, name)
    await session.execute(
        delete(Entity).where(Entity.organization_id == organization.id, Entity.kind == EntityKind.TEAM, Entity.fixture)
    )
    await session.execute(update(Entity).where(Entity.organization_id == organization.id).values(organization_id=None))
    await session.execute(delete(Organization).where(Organization.id == organization.id))
    _audit(session, "fixture.organization.down", organization=organization.name)


async def _fixture_organization(session: AsyncSession, name: str | None) -> Organization:
    if not name:
        raise BadInput("orgName is required")
    organization = await session.scalar(
        select(Organization).where(func.lower(Organization.name) == name.lower(), Organization.fixture)
    )
    if organization is None:
        raise NotFound(f"no fixture organization {name}")
    return organization


async def _add_org_member(
    session: AsyncSession, organization: Organization, user: User, role: str, *, keep_higher: bool = False
) -> None:
    member = await session.scalar(
        select(OrganizationMember).where(
            OrganizationMember.organization_id == organization.id, OrganizationMember.user_id == user.id
        )
    )
    if member is None:
        session.add(OrganizationMember(organization_id=organization.id, user_id=user.id, role=role))
    elif not (keep_higher and member.role == Role.ADMIN):
        member.role = role
    await session.flush()


async def revoke_fixture_keys(session: AsyncSession) -> int:
    """Revoke every fixture key (a server started without the fixture service): guessable keys never
    outlive the service."""
    result = await session.execute(
        update(ApiKey).where(ApiKey.fixture, ApiKey.revoked_at.is_(None)).values(revoked_at=utcnow())
    )
    if result.rowcount:
        _audit(session, "fixture.keys.revoke", count=result.rowcount)
    return result.rowcount or 0
