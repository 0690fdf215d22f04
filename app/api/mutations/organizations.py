"""Organizations: create one (instance admins) and add people to it (its admins)."""

from __future__ import annotations

from enum import Enum

import strawberry

from app.api.context import Info
from app.api.permissions import CanManageInstance, IsSignedIn
from app.api.types.organization import Organization
from app.domain import organizations
from app.domain.errors import NotFound
from app.domain.users import user_by_username


@strawberry.enum(description="A role in an organization: admins see all of its teams and add people.")
class OrganizationRole(Enum):
    ADMIN = "ADMIN"
    MEMBER = "MEMBER"
    VIEWER = "VIEWER"


@strawberry.input
class CreateOrganizationInput:
    name: str
    admin_username: str | None = strawberry.field(default=None, description="Its first admin; default: no one.")
    client_mutation_id: str | None = None


@strawberry.type
class CreateOrganizationPayload:
    organization: Organization
    client_mutation_id: str | None = None


@strawberry.input
class AddOrganizationMemberInput:
    organization_name: str
    username: str
    role: OrganizationRole = OrganizationRole.MEMBER
    client_mutation_id: str | None = None


@strawberry.type
class AddOrganizationMemberPayload:
    organization: Organization
    client_mutation_id: str | None = None


async def _user(session, username: str):
    user = await user_by_username(session, username)
    if user is None:
        raise NotFound(f"user {username} not found")
    return user


@strawberry.type
class Mutation:
    @strawberry.mutation(
        permission_classes=[CanManageInstance],
        description="A new organization, the layer above teams (instance admins).",
    )
    async def create_organization(self, info: Info, input: CreateOrganizationInput) -> CreateOrganizationPayload:
        async with info.context.transaction() as session:
            admin = await _user(session, input.admin_username) if input.admin_username else None
            row = await organizations.create(session, info.context.actor, input.name, admin=admin)
            role = await organizations.role_of(session, info.context.actor, row)
        return CreateOrganizationPayload(
            organization=Organization.from_row(row, role), client_mutation_id=input.client_mutation_id
        )

    @strawberry.mutation(
        permission_classes=[IsSignedIn],
        description="Add a person to an organization, or change their role there (its admins).",
    )
    async def add_organization_member(
        self, info: Info, input: AddOrganizationMemberInput
    ) -> AddOrganizationMemberPayload:
        async with info.context.transaction() as session:
            found = await organizations.readable(session, info.context.actor, input.organization_name)
            if found is None:
                raise NotFound(f"organization {input.organization_name} not found")
            row, role = found
            await organizations.add_member(
                session, info.context.actor, row, await _user(session, input.username), input.role.value
            )
        return AddOrganizationMemberPayload(
            organization=Organization.from_row(row, role), client_mutation_id=input.client_mutation_id
        )
