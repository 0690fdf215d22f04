"""Team mutations: createTeam, invites (create, accept, delete), roles, service accounts, entity settings.

Names and inputs follow what the wandb SDK sends (PROTOCOL.md §6.6); deleteInvite also removes a
member when given a member's id, as the SDK's Member.delete() does.
"""

from __future__ import annotations

import strawberry

from app.api import ids
from app.api.context import Info
from app.api.permissions import CanCreateTeam, IsSignedIn
from app.api.types.entity import Entity, Team, User
from app.api.types.refs import entity_type_for, user_type_for
from app.api.types.team import Invite, Member, TeamRole
from app.db import tables
from app.domain import entity_settings, invites, organizations, teams
from app.domain.errors import NotFound


@strawberry.input
class CreateTeamInput:
    team_name: str
    team_admin_user_name: str | None = None
    default_access: str | None = None
    organization_id: strawberry.ID | None = strawberry.field(
        default=None, description="The organization the team belongs to (its admins may put teams in it)."
    )
    client_mutation_id: str | None = None


@strawberry.type
class CreateTeamPayload:
    entity: Team
    client_mutation_id: str | None = None


@strawberry.input
class CreateInviteInput:
    entity_name: str
    email: str | None = None
    username: str | None = None
    admin: bool | None = None
    role: TeamRole | None = strawberry.field(default=None, description="Wins over admin; ADMIN, MEMBER or VIEWER.")
    client_mutation_id: str | None = None


@strawberry.type
class CreateInvitePayload:
    invite: Invite
    client_mutation_id: str | None = None


@strawberry.input
class AcceptInviteInput:
    id: strawberry.ID
    client_mutation_id: str | None = None


@strawberry.type
class AcceptInvitePayload:
    entity: Team
    role: TeamRole
    client_mutation_id: str | None = None


@strawberry.input
class DeleteInviteInput:
    id: str | None = strawberry.field(default=None, description="An invite's id, or a member's id to remove them.")
    entity_name: str | None = None
    client_mutation_id: str | None = None


@strawberry.type
class DeleteInvitePayload:
    success: bool
    client_mutation_id: str | None = None


@strawberry.input
class UpdateMemberInput:
    entity_name: str
    username: str
    role: TeamRole
    client_mutation_id: str | None = None


@strawberry.type
class UpdateMemberPayload:
    member: Member
    client_mutation_id: str | None = None


@strawberry.input
class CreateServiceAccountInput:
    entity_name: str
    description: str | None = None
    client_mutation_id: str | None = None


@strawberry.type
class CreateServiceAccountPayload:
    user: User
    client_mutation_id: str | None = None


@strawberry.input
class UpdateEntityInput:
    entity: str
    default_access: str | None = None
    private_only: bool | None = None
    code_saving_enabled: bool | None = None
    storage_region: str | None = None
    members_can_invite: bool | None = None
    client_mutation_id: str | None = None


@strawberry.type
class UpdateEntityPayload:
    entity: Entity
    client_mutation_id: str | None = None


@strawberry.type
class Mutation:
    @strawberry.mutation(
        permission_classes=[CanCreateTeam],
        description="Create a team; the caller (or, for "
        "instance admins, teamAdminUserName) becomes its admin. Team names never change.",
    )
    async def create_team(self, info: Info, input: CreateTeamInput) -> CreateTeamPayload:
        async with info.context.transaction() as session:
            team = await teams.create_team(
                session,
                info.context.actor,
                input.team_name,
                admin_username=input.team_admin_user_name or None,
                restricted_to_admins=info.context.runtime.settings.restrict_team_creation,
                default_access=input.default_access,
            )
            if input.organization_id:
                organization = await session.get(
                    tables.Organization, ids.decode_as(input.organization_id, "Organization")
                )
                if organization is None:
                    raise NotFound(f"no organization with id {input.organization_id!r}")
                await organizations.attach_team(session, info.context.actor, organization, team)
        return CreateTeamPayload(entity=Team.from_row(team), client_mutation_id=input.client_mutation_id)

    @strawberry.mutation(
        permission_classes=[IsSignedIn],
        description="Invite an account (by username or "
        "email) or an email with no account yet (claimed when that account is created).",
    )
    async def create_invite(self, info: Info, input: CreateInviteInput) -> CreateInvitePayload:
        async with info.context.transaction() as session:
            invite = await invites.create_invite(
                session,
                info.context.actor,
                entity_name=input.entity_name,
                email=input.email,
                username=input.username,
                role=input.role.value if input.role else None,
                admin=input.admin,
            )
        return CreateInvitePayload(invite=Invite.from_row(invite), client_mutation_id=input.client_mutation_id)

    @strawberry.mutation(
        permission_classes=[IsSignedIn],
        description="The invitee joins the team with the invite's role; the team becomes their default entity.",
    )
    async def accept_invite(self, info: Info, input: AcceptInviteInput) -> AcceptInvitePayload:
        invite_id = ids.decode_as(input.id, "Invite")
        async with info.context.transaction() as session:
            membership = await invites.accept_invite(session, info.context.actor, invite_id)
            team = await session.get(tables.Entity, membership.team_id)
        return AcceptInvitePayload(
            entity=Team.from_row(team), role=TeamRole(membership.role), client_mutation_id=input.client_mutation_id
        )

    @strawberry.mutation(
        permission_classes=[IsSignedIn],
        description="Revoke (or decline) an "
        "invite, or, given a member's id, remove that member. A team always keeps an admin.",
    )
    async def delete_invite(self, info: Info, input: DeleteInviteInput) -> DeleteInvitePayload:
        kind, pk = ids.decode(input.id or "")
        async with info.context.transaction() as session:
            if kind == "Invite":
                await invites.revoke_invite(session, info.context.actor, pk, entity_name=input.entity_name)
            elif kind == "Member":
                await teams.remove_member(session, info.context.actor, pk, entity_name=input.entity_name)
            else:
                raise NotFound(f"no invite or member with id {input.id!r}")
        return DeleteInvitePayload(success=True, client_mutation_id=input.client_mutation_id)

    @strawberry.mutation(
        permission_classes=[IsSignedIn],
        description="Change a member's role (team admins only); the last admin cannot be demoted.",
    )
    async def update_member(self, info: Info, input: UpdateMemberInput) -> UpdateMemberPayload:
        async with info.context.transaction() as session:
            membership = await teams.update_member(
                session,
                info.context.actor,
                entity_name=input.entity_name,
                username=input.username,
                role=input.role.value,
            )
            user = await session.get(tables.User, membership.user_id)
        entry = teams.MemberEntry("member", membership.id, membership.role, user, user.email, membership.created_at)
        team = await info.context.loaders.entity.load(membership.team_id)
        member = Member(entry=entry, api_key=None, viewer=await info.context.loaders.viewer_access(team))
        return UpdateMemberPayload(member=member, client_mutation_id=input.client_mutation_id)

    @strawberry.mutation(
        permission_classes=[IsSignedIn],
        description="A service account of the team "
        "with its own API key, which team admins read back through members { apiKey }.",
    )
    async def create_service_account(self, info: Info, input: CreateServiceAccountInput) -> CreateServiceAccountPayload:
        async with info.context.transaction() as session:
            user, _issued = await teams.create_service_account(
                session,
                info.context.actor,
                entity_name=input.entity_name,
                description=input.description,
                server_secret=info.context.runtime.secret,
            )
        return CreateServiceAccountPayload(
            user=await user_type_for(info, user), client_mutation_id=input.client_mutation_id
        )

    @strawberry.mutation(
        permission_classes=[IsSignedIn],
        description="Change an entity's settings (team admins, or the user for their own entity).",
    )
    async def update_entity(self, info: Info, input: UpdateEntityInput) -> UpdateEntityPayload:
        changes = entity_settings.EntitySettings(
            default_access=input.default_access,
            private_only=input.private_only,
            code_saving_enabled=input.code_saving_enabled,
            storage_region=input.storage_region,
            members_can_invite=input.members_can_invite,
        )
        async with info.context.transaction() as session:
            entity = await entity_settings.update_entity(session, info.context.actor, input.entity, changes)
        info.context.loaders.entity.prime(entity.id, entity, force=True)
        info.context.loaders.entity_by_name.prime(entity.name, entity, force=True)
        return UpdateEntityPayload(
            entity=await entity_type_for(info, entity), client_mutation_id=input.client_mutation_id
        )
