"""Organizations: W&B's layer above teams. An instance holds none, one or several; a team belongs to
at most one; people are members with a role (ADMIN, MEMBER, VIEWER). Org admins see all its teams.

Every service checks policy itself, writes one audit event and raises a DomainError."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete as sa_delete, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.tables import Entity, Membership, Organization, OrganizationMember, User
from app.domain import audit, policy
from app.domain.actor import Actor
from app.domain.errors import BadInput, Conflict, Forbidden, NotFound
from app.domain.kinds import AccountType, EntityKind, Role
from app.domain.policy import Access
from app.domain.names import check_entity_name

ORG_ROLES = (Role.ADMIN, Role.MEMBER, Role.VIEWER)


@dataclass(frozen=True)
class OrgMember:
    membership: OrganizationMember
    user: User


async def by_name(session: AsyncSession, name: str) -> Organization | None:
    return await session.scalar(select(Organization).where(func.lower(Organization.name) == name.lower()))


async def role_of(session: AsyncSession, actor: Actor, organization: Organization) -> str | None:
    if actor.user is None:
        return None
    return await session.scalar(
        select(OrganizationMember.role).where(
            OrganizationMember.organization_id == organization.id, OrganizationMember.user_id == actor.user.id
        )
    )


async def readable(session: AsyncSession, actor: Actor, name: str) -> tuple[Organization, str | None] | None:
    """The organization and the actor's role in it, or None when missing or not visible to the actor."""
    return await _visible(session, actor, await by_name(session, name))


async def readable_by_id(
    session: AsyncSession, actor: Actor, organization_id: int
) -> tuple[Organization, str | None] | None:
    """``readable`` for an organization's id."""
    return await _visible(session, actor, await session.get(Organization, organization_id))


async def _visible(
    session: AsyncSession, actor: Actor, organization: Organization | None
) -> tuple[Organization, str | None] | None:
    if organization is None:
        return None
    role = await role_of(session, actor, organization)
    return (organization, role) if policy.can_read_organization(actor, role) else None


async def of_user(session: AsyncSession, user: User) -> list[Organization]:
    return list(
        (
            await session.scalars(
                select(Organization)
                .join(OrganizationMember, OrganizationMember.organization_id == Organization.id)
                .where(OrganizationMember.user_id == user.id)
                .order_by(Organization.name)
            )
        ).all()
    )


async def teams(session: AsyncSession, actor: Actor, organization: Organization, role: str | None) -> list[Entity]:
    """The organization's teams the actor may see: all of them for org admins, else the actor's own."""
    statement = select(Entity).where(Entity.organization_id == organization.id, Entity.kind == EntityKind.TEAM)
    if not policy.can_see_all_organization_teams(actor, role):
        if actor.user is None:
            return []
        statement = statement.join(Membership, Membership.team_id == Entity.id).where(
            Membership.user_id == actor.user.id
        )
    return list((await session.scalars(statement.order_by(Entity.name))).all())


async def members(session: AsyncSession, organization: Organization) -> list[OrgMember]:
    rows = (
        await session.execute(
            select(OrganizationMember, User)
            .join(User, User.id == OrganizationMember.user_id)
            .where(OrganizationMember.organization_id == organization.id)
            .order_by(OrganizationMember.id)
        )
    ).all()
    return [OrgMember(m, u) for m, u in rows]


def _check_role(role: str) -> str:
    role = role.upper()
    if role not in ORG_ROLES:
        raise BadInput(f"invalid organization role {role.lower()!r}: use admin, member or viewer")
    return role


async def create(
    session: AsyncSession, actor: Actor, name: str, *, admin: User | None = None, fixture: bool = False
) -> Organization:
    """A new organization (instance admins), with ``admin`` as its first admin when given."""
    if not policy.can_create_organization(actor):
        raise Forbidden("permission denied: only instance admins may create organizations")
    check_entity_name(name)
    if await by_name(session, name) is not None:
        raise Conflict(f"an organization named {name} already exists")
    organization = Organization(name=name, fixture=fixture)
    session.add(organization)
    try:
        await session.flush()
    except IntegrityError:
        raise Conflict(f"an organization named {name} already exists") from None
    if admin is not None:
        session.add(OrganizationMember(organization_id=organization.id, user_id=admin.id, role=Role.ADMIN))
    audit.record(
        session,
        actor,
        "organization.create",
        target_type="organization",
        target_id=organization.id,
        name=name,
        admin=admin.username if admin else None,
    )
    return organization


async def add_member(
    session: AsyncSession, actor: Actor, organization: Organization, user: User, role: str
) -> OrganizationMember:
    """Add ``user`` with ``role``, or change the role of a member already there (org admins)."""
    if not policy.can_manage_organization(actor, await role_of(session, actor, organization)):
        raise Forbidden(f"permission denied: only admins of organization {organization.name} may add members")
    role = _check_role(role)
    if user.account_type == AccountType.SERVICE:
        raise BadInput(f"{user.username} is a service account; service accounts belong to one team only")
    member = await session.scalar(
        select(OrganizationMember).where(
            OrganizationMember.organization_id == organization.id, OrganizationMember.user_id == user.id
        )
    )
    if member is None:
        member = OrganizationMember(organization_id=organization.id, user_id=user.id, role=role)
        session.add(member)
    else:
        member.role = role
    await session.flush()
    audit.record(
        session,
        actor,
        "organization.add_member",
        target_type="organization",
        target_id=organization.id,
        username=user.username,
        role=role,
    )
    return member


async def attach_team(session: AsyncSession, actor: Actor, organization: Organization, team: Entity) -> None:
    """Put a team in the organization (org admins who also administer the team)."""
    org_role = await role_of(session, actor, organization)
    if not policy.can_read_organization(actor, org_role):
        raise NotFound(f"organization {organization.id} not found")
    if not (policy.can_manage_organization(actor, org_role) and (await Access.load(session, actor, team)).can_admin):
        raise Forbidden(
            f"permission denied: putting team {team.name} in organization {organization.name} takes an admin of both"
        )
    if team.kind != EntityKind.TEAM:
        raise BadInput(f"{team.name} is a personal entity; only teams belong to organizations")
    if team.organization_id not in (None, organization.id):
        raise Conflict(f"team {team.name} already belongs to another organization")
    team.organization_id = organization.id
    audit.record(
        session,
        actor,
        "organization.attach_team",
        entity_id=team.id,
        target_type="organization",
        target_id=organization.id,
        team=team.name,
    )


async def delete(session: AsyncSession, actor: Actor, organization: Organization) -> None:
    """Delete the organization (instance admins); its teams stay, outside any organization."""
    if not policy.can_create_organization(actor):
        raise Forbidden("permission denied: only instance admins may delete organizations")
    audit.record(
        session,
        actor,
        "organization.delete",
        target_type="organization",
        target_id=organization.id,
        name=organization.name,
    )
    await session.execute(update(Entity).where(Entity.organization_id == organization.id).values(organization_id=None))
    await session.execute(sa_delete(Organization).where(Organization.id == organization.id))


async def require(session: AsyncSession, name: str) -> Organization:
    organization = await by_name(session, name)
    if organization is None:
        raise NotFound(f"organization {name} not found")
    return organization
