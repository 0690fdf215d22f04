"""Organizations: W&B's layer above teams (app/domain/organizations.py)."""

from __future__ import annotations

from datetime import datetime
from enum import Enum
from typing import Annotated

import strawberry

from app.api import ids
from app.api.context import Info
from app.api.types import refs
from app.api.types.node import Node, register_node
from app.api.types.refs import EntityRef, UserRef, user_type_for
from app.db import tables
from app.domain import organizations


@strawberry.enum(description="What a feature ramp is keyed by.")
class RampIDType(Enum):
    OrgName = "OrgName"
    UserName = "UserName"


@strawberry.type(description="A feature ramped on for an organization.")
class FeatureFlag:
    ramp_key: str
    is_enabled: bool


@strawberry.type(description="A person in an organization, with their role there.")
class OrganizationMember:
    member: strawberry.Private[organizations.OrgMember]

    @strawberry.field
    def id(self) -> strawberry.ID:
        return strawberry.ID(ids.encode("OrganizationMember", self.member.membership.id))

    @strawberry.field
    def username(self) -> str:
        return self.member.user.username

    @strawberry.field
    def name(self) -> str:
        return self.member.user.full_name or self.member.user.username

    @strawberry.field(description="admin, member or viewer, as W&B spells organization roles.")
    def role(self) -> str:
        return self.member.membership.role.lower()

    @strawberry.field
    async def user(self, info: Info) -> UserRef | None:
        return await user_type_for(info, self.member.user)


@strawberry.type(description="An organization: the layer above teams. Org admins see all of its teams.")
class Organization(Node):
    row: strawberry.Private[tables.Organization]
    role: strawberry.Private[str | None]
    name: str
    created_at: datetime

    @classmethod
    def from_row(cls, row: tables.Organization, role: str | None) -> "Organization":
        return cls(
            row=row,
            role=role,
            id=strawberry.ID(ids.encode("Organization", row.id)),
            name=row.name,
            created_at=row.created_at,
        )

    @strawberry.field(description="Always null: Labbook runs on no CoreWeave organization.")
    def core_weave_organization_id(self) -> str | None:
        return None

    @strawberry.field(description="W&B's organization entity, which holds registries; Labbook has none (null).")
    def org_entity(self) -> EntityRef | None:
        return None

    @strawberry.field(
        description="The viewer's role here: admin, member or viewer (null for instance admins who are not members)."
    )
    def viewer_role(self) -> str | None:
        return self.role.lower() if self.role else None

    @strawberry.field(description="Ramped features: none (Labbook has no feature ramps).")
    def feature_flags(
        self,
        ramp_id_type: Annotated[RampIDType | None, strawberry.argument(name="rampIDType")] = None,
    ) -> list[FeatureFlag]:
        return []

    @strawberry.field(description="Its teams: all of them for org admins, else those the viewer belongs to.")
    async def teams(self, info: Info) -> list[EntityRef]:
        async with info.context.read() as session:
            rows = await organizations.teams(session, info.context.actor, self.row, self.role)
        return [refs.TEAM.type.from_row(row) for row in rows]

    @strawberry.field
    async def members(self, info: Info) -> list[OrganizationMember]:
        async with info.context.read() as session:
            rows = await organizations.members(session, self.row)
        return [OrganizationMember(member=m) for m in rows]


async def organization_by_name(info: Info, name: str) -> Organization | None:
    async with info.context.read() as session:
        found = await organizations.readable(session, info.context.actor, name)
    return Organization.from_row(*found) if found else None


async def organization_of_entity(info: Info, entity: tables.Entity) -> Organization | None:
    """A team's organization, when the viewer may see it."""
    if entity.organization_id is None:
        return None
    async with info.context.read() as session:
        found = await organizations.readable_by_id(session, info.context.actor, entity.organization_id)
    return Organization.from_row(*found) if found else None


async def organizations_of_user(info: Info, user: tables.User) -> list[Organization]:
    async with info.context.read() as session:
        rows = await organizations.of_user(session, user)
        roles = [await organizations.role_of(session, info.context.actor, row) for row in rows]
    return [Organization.from_row(row, role) for row, role in zip(rows, roles, strict=True)]


@register_node("Organization")
async def _organization_node(info: Info, pk: int) -> Organization | None:
    async with info.context.read() as session:
        found = await organizations.readable_by_id(session, info.context.actor, pk)
    return Organization.from_row(*found) if found else None
