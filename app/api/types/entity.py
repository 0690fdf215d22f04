"""Entities: the ``Entity`` interface with ``User`` and ``Team`` behind it, and the viewer's view of a user."""

from __future__ import annotations

from datetime import datetime
import strawberry
from strawberry.scalars import JSON

from app.api import ids
from app.api.context import Info
from app.api.pagination import Connection, connection, decode_cursor, encode_cursor, page_size
from app.api.scalars import JSONString
from app.api.types.node import Node, register_node
from app.api.types import refs
from app.api.types.organization import Organization, organization_of_entity, organizations_of_user
from app.api.types.refs import EntityRef, ProjectRef, UserRef, entity_type_for, user_type_for
from app.api.types.team import Invite, Member
from app.db import tables
from app.db.types import dumps
from app.domain import api_keys as api_key_service
from app.domain import invites, policy, teams, users
from app.domain import projects as project_service
from app.domain.api_keys import readable_secret
from app.domain.errors import BadInput
from app.domain.kinds import AccountType, EntityKind, ProjectAccess


@strawberry.type
class ApiKey(Node):
    row: strawberry.Private[tables.ApiKey]
    name: str
    description: str | None
    created_at: datetime
    last_used_at: datetime | None
    revoked: bool

    @classmethod
    def from_row(cls, row: tables.ApiKey) -> "ApiKey":
        return cls(
            row=row,
            id=strawberry.ID(ids.encode("ApiKey", row.id)),
            name=row.prefix,
            description=row.description,
            created_at=row.created_at,
            last_used_at=row.last_used_at,
            revoked=row.revoked_at is not None,
        )


@strawberry.type(name="TeamRef")
class TeamName:
    """A team as the viewer's ``teams`` list shows it."""

    name: str


@strawberry.interface(description="A user's personal namespace or a team: one namespace of names.")
class Entity(Node):
    row: strawberry.Private[tables.Entity]
    name: str

    @strawberry.field
    def is_team(self) -> bool:
        return self.row.kind == EntityKind.TEAM

    @strawberry.field
    def entity_type(self) -> str:
        return self.row.kind

    @strawberry.field
    def available(self) -> bool:
        return True

    @strawberry.field
    def photo_url(self) -> str | None:
        return None

    @strawberry.field
    def read_only(self) -> bool:
        return False

    @strawberry.field
    def read_only_admin(self) -> bool:
        return False

    @strawberry.field(description="Projects may not be made public. False for those who are not members.")
    async def private_only(self, info: Info) -> bool:
        return self.row.private_only if await settings_visible(info, self.row) else False

    @strawberry.field(description="Runs save their code. False for those who are not members.")
    async def code_saving_enabled(self, info: Info) -> bool:
        return self.row.code_saving_enabled if await settings_visible(info, self.row) else False

    @strawberry.field(description="The access of new projects. PRIVATE for those who are not members.")
    async def default_access(self, info: Info) -> str:
        return self.row.default_access if await settings_visible(info, self.row) else ProjectAccess.PRIVATE

    @strawberry.field(description="Null for those who are not members.")
    async def storage_region(self, info: Info) -> str | None:
        return self.row.storage_region if await settings_visible(info, self.row) else None

    @strawberry.field
    def storage_bytes(self) -> int:
        return 0

    @strawberry.field
    def is_paid(self) -> bool:
        return False

    @strawberry.field
    def created_at(self) -> datetime:
        return self.row.created_at

    @strawberry.field(
        description="A team's organization (null for personal entities, teams outside one, and viewers outside it)."
    )
    async def organization(self, info: Info) -> Organization | None:
        return await organization_of_entity(info, self.row)

    @strawberry.field(description="The person whose personal entity this is; null for teams.")
    async def user(self, info: Info) -> UserRef | None:
        if self.row.kind != EntityKind.USER:
            return None
        return await user_type_for(info, await info.context.loaders.user_by_entity.load(self.row.id))

    @strawberry.field(description="One of the entity's projects by name, when the viewer may read it.")
    async def project(self, info: Info, name: str) -> ProjectRef | None:
        async with info.context.read() as session:
            row = await project_service.find(session, self.row, name)
            visible = row is not None and await project_service.can_read(session, info.context.actor, self.row, row)
        return refs.PROJECT.type.from_row(row) if visible else None

    @strawberry.field(description="Whether the client must hash artifact files with xxhash: no (MD5 is kept).")
    def xxhash_digests_enabled(self) -> bool:
        return False

    @strawberry.field
    async def viewer_role(self, info: Info) -> str | None:
        """The viewer's role here (ADMIN, MEMBER, VIEWER, SERVICE) or null."""
        return await info.context.loaders.viewer_role.load(self.row.id)

    @strawberry.field
    async def viewer_can_administer(self, info: Info) -> bool:
        return (await info.context.loaders.viewer_access(self.row)).can_admin

    @strawberry.field
    async def viewer_can_invite(self, info: Info) -> bool:
        return (await info.context.loaders.viewer_access(self.row)).can_invite

    @strawberry.field(description="Usage limits as a JSON string; this server sets none.")
    def limits(self) -> JSONString:
        return dumps({})

    @strawberry.field(
        description="Members and pending invites, in the order they joined, newest last. "
        "Empty for those who are not members."
    )
    async def members(self, info: Info) -> list[Member]:
        viewer = await info.context.loaders.viewer_access(self.row)
        if not viewer.can_see_members:
            return []
        async with info.context.read() as session:
            entries = await teams.list_members(session, self.row)
            service_ids = [
                e.user.id
                for e in entries
                if e.kind == "member" and e.user is not None and e.user.account_type == AccountType.SERVICE
            ]
            keys = await teams.service_account_keys(session, service_ids) if viewer.can_admin else {}
        secret = info.context.runtime.secret

        def api_key(entry: teams.MemberEntry) -> str | None:
            key = keys.get(entry.user.id) if entry.kind == "member" and entry.user is not None else None
            return readable_secret(key, secret) if key is not None else None

        return [Member(entry=e, api_key=api_key(e), viewer=viewer) for e in entries]

    @strawberry.field(description="The projects the viewer may read, newest first, each with its access.")
    async def projects(self, info: Info, first: int | None = None, after: str | None = None) -> Connection[ProjectRef]:
        return await project_page(info, self.row, first, after)


@refs.USER.define
@strawberry.type(description="A user's personal entity and account.")
class User(Entity):
    account: strawberry.Private[tables.User]  # not "user": Entity.user is a field

    @classmethod
    def from_rows(cls, user: tables.User, entity: tables.Entity) -> "User":
        return cls(row=entity, account=user, id=strawberry.ID(ids.encode("User", user.id)), name=user.username)

    @strawberry.field
    def username(self) -> str:
        return self.account.username

    @strawberry.field(description="The full name, or the username when none is set.")
    def full_name(self) -> str:
        return self.account.full_name or self.account.username

    @strawberry.field(description="Shown to its owner, instance admins and admins of the person's teams; else null.")
    async def email(self, info: Info) -> str | None:
        # Service accounts answer null so the client keeps sending X-WANDB-USER-EMAIL (PROTOCOL §5.3).
        if self.account.account_type == AccountType.SERVICE:
            return None
        return self.account.email if await email_visible(info, self.account) else None

    @strawberry.field(description="Instance administrator; shown to its owner and instance admins, else null.")
    def admin(self, info: Info) -> bool | None:
        return self.account.is_admin if _is_viewer(info, self.account) else None

    @strawberry.field
    def account_type(self) -> str:
        return self.account.account_type

    @strawberry.field
    def deleted_at(self) -> datetime | None:
        return self.account.deleted_at

    @strawberry.field
    def flags(self) -> JSON | None:
        return None

    @strawberry.field(
        name="entity",
        description="The name of the default entity: where runs go when none is "
        "given; shown to its owner and instance admins.",
    )
    async def default_entity_name(self, info: Info) -> str | None:
        entity = await self._default_entity(info)
        return entity.name if entity else None

    @strawberry.field(description="Where runs go when none is given; shown to its owner and instance admins.")
    async def default_entity(self, info: Info) -> EntityRef | None:
        entity = await self._default_entity(info)
        return await entity_type_for(info, entity) if entity else None

    async def _default_entity(self, info: Info) -> tables.Entity | None:
        if not _is_viewer(info, self.account):
            return None
        return await info.context.loaders.entity.load(self.account.default_entity_id or self.account.entity_id)

    @strawberry.field(
        description="The entities this user logs to: their own first (as W&B lists it), then "
        "their teams by name. Empty for other viewers."
    )
    async def teams(self, info: Info) -> Connection[TeamName]:
        if not _is_viewer(info, self.account):
            return connection([], [], has_next=False, total=0)
        async with info.context.read() as session:
            team_names = await users.team_names(session, self.account)
        names = [self.row.name, *team_names]
        return connection([TeamName(name=n) for n in names], names, has_next=False, total=len(names))

    @strawberry.field(description="The organizations this user belongs to (the user and instance admins only).")
    async def organizations(self, info: Info) -> list[Organization]:
        if not _is_viewer(info, self.account):
            return []
        return await organizations_of_user(info, self.account)

    @strawberry.field
    async def api_keys(self, info: Info) -> Connection[ApiKey]:
        if not _is_viewer(info, self.account):
            return connection([], [], has_next=False, total=0)
        async with info.context.read() as session:
            rows = await api_key_service.active_keys(session, self.account)
        return connection(
            [ApiKey.from_row(r) for r in rows], [str(r.id) for r in rows], has_next=False, total=len(rows)
        )

    @strawberry.field(description="Team invites waiting for this user to accept (acceptInvite takes their id).")
    async def pending_invites(self, info: Info) -> list[Invite]:
        if not _is_viewer(info, self.account):
            return []
        async with info.context.read() as session:
            rows = await invites.pending_invites_for(session, self.account)
        return [Invite.from_row(row) for row in rows]


@refs.TEAM.define
@strawberry.type(description="A team: its name is in every URL of its projects and never changes.")
class Team(Entity):
    @classmethod
    def from_row(cls, entity: tables.Entity) -> "Team":
        return cls(row=entity, id=strawberry.ID(ids.encode("Team", entity.id)), name=entity.name)

    @strawberry.field(description="Members (not only admins) may invite people. Null for those who are not members.")
    async def members_can_invite(self, info: Info) -> bool | None:
        return self.row.members_can_invite if await settings_visible(info, self.row) else None


async def project_page(info: Info, entity: tables.Entity, first: int | None, after: str | None) -> Connection:
    """One page of ``entity``'s projects readable by the viewer (keyset on id, newest first)."""
    cursor = decode_cursor(after)
    if cursor is not None and not (len(cursor) == 1 and isinstance(cursor[0], int)):
        raise BadInput(f"invalid cursor {after!r}")
    async with info.context.read() as session:
        rows, has_next, total = await project_service.readable_page(
            session, info.context.actor, entity, limit=page_size(first), before_id=cursor[0] if cursor else None
        )
    return connection(
        [refs.PROJECT.type.from_row(r) for r in rows],
        [encode_cursor([r.id]) for r in rows],
        has_next=has_next,
        total=total,
    )


def _is_viewer(info: Info, user: tables.User) -> bool:
    return policy.can_see_private_account_fields(info.context.actor, user.id)


async def email_visible(info: Info, user: tables.User) -> bool:
    """policy.can_see_email; whether the viewer administers a team of theirs is read (batched) only when it matters."""
    actor = info.context.actor
    visible = policy.can_see_email(actor, user.id, administers_a_team_of_theirs=False)
    if visible or actor.user is None:
        return visible
    administers = await info.context.loaders.viewer_administers_team_of.load(user.id)
    return policy.can_see_email(actor, user.id, administers_a_team_of_theirs=administers)


async def settings_visible(info: Info, entity: tables.Entity) -> bool:
    return (await info.context.loaders.viewer_access(entity)).can_see_settings


@register_node("User")
async def _user_node(info: Info, pk: int) -> User | None:
    return await user_type_for(info, await info.context.loaders.user.load(pk))


@register_node("Team")
async def _team_node(info: Info, pk: int) -> Team | None:
    entity = await info.context.loaders.entity.load(pk)
    return Team.from_row(entity) if entity and entity.kind == EntityKind.TEAM else None
