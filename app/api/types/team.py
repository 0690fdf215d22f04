"""Team membership types: roles, members (with pending invites) and invites."""

from __future__ import annotations

from datetime import datetime

import strawberry

from app.api import ids
from app.api.context import Info
from app.api.loaders.teams import invites
from app.api.types.node import Node, register_node
from app.api.types.refs import UserRef, user_type_for
from app.db import tables
from app.domain import policy
from app.domain.kinds import AccountType, Role
from app.domain.policy import Access
from app.domain.teams import MemberEntry

HIDDEN_INVITEE = "an invited email address"  # the name of an email invite whose email the viewer may not see


TeamRole = strawberry.enum(Role, name="TeamRole", description="A role in a team (DESIGN.md §5).")


@strawberry.type(description="A member of an entity, or someone invited who has not accepted yet (pending).")
class Member:
    entry: strawberry.Private[MemberEntry]
    viewer: strawberry.Private[Access]  # the viewer's access at the entity whose members these are
    api_key: str | None = strawberry.field(
        description="A service account's API key; shown to team admins only, null otherwise."
    )

    @strawberry.field(description="What deleteInvite takes: the invite's id when pending, else the membership's.")
    def id(self) -> strawberry.ID:
        kind = {"member": "Member", "invite": "Invite", "owner": "User"}[self.entry.kind]
        return strawberry.ID(ids.encode(kind, self.entry.id))

    @strawberry.field
    def role(self) -> TeamRole:
        return TeamRole(self.entry.role)

    @strawberry.field(description="Team admin.")
    def admin(self) -> bool:
        return self.entry.role == Role.ADMIN

    @strawberry.field
    def pending(self) -> bool:
        return self.entry.pending

    @strawberry.field(
        description="Shown to the person, the entity's admins, instance admins and who sent the invite; else null."
    )
    def email(self, info: Info) -> str | None:
        user = self.entry.user
        if user is not None and user.account_type == AccountType.SERVICE:
            return None
        return self.entry.email if self._email_visible(info) else None

    @strawberry.field
    def username(self) -> str | None:
        return self.entry.user.username if self.entry.user else None

    @strawberry.field(
        description="The full name, else the username, else the invited email (when the viewer may see it)."
    )
    def name(self, info: Info) -> str:
        user = self.entry.user
        if user is not None:
            return user.full_name or user.username
        return (self.entry.email if self._email_visible(info) else None) or HIDDEN_INVITEE

    def _email_visible(self, info: Info) -> bool:
        user_id = self.entry.user.id if self.entry.user is not None else None
        return self.viewer.can_see_member_email(user_id, self.entry.inviter_id)

    @strawberry.field
    def photo_url(self) -> str | None:
        return None

    @strawberry.field(description="USER or SERVICE; null for an invite to an email with no account yet.")
    def account_type(self) -> str | None:
        return self.entry.user.account_type if self.entry.user else None

    @strawberry.field(description="When they joined (or were invited).")
    def created_at(self) -> datetime:
        return self.entry.since


@strawberry.type(description="An invitation to join a team.")
class Invite(Node):
    row: strawberry.Private[tables.Invite]

    @classmethod
    def from_row(cls, row: tables.Invite) -> "Invite":
        return cls(row=row, id=strawberry.ID(ids.encode("Invite", row.id)))

    @strawberry.field(
        description="The invitee's username, or the email (when the viewer may see it) when no account has it yet."
    )
    async def name(self, info: Info) -> str:
        user = await self._invitee(info)
        if user:
            return user.username
        return (await self._email_shown(info)) or HIDDEN_INVITEE

    @strawberry.field(
        description="Shown to the invitee, the inviter, the team's admins and instance admins; else null."
    )
    async def email(self, info: Info) -> str | None:
        return await self._email_shown(info)

    async def _email_shown(self, info: Info) -> str | None:
        team = await info.context.loaders.entity.load(self.row.team_id)
        viewer = await info.context.loaders.viewer_access(team)
        return self.row.email if viewer.can_see_invite_email(self.row) else None

    @strawberry.field
    def role(self) -> TeamRole:
        return TeamRole(self.row.role)

    @strawberry.field(description="PENDING, ACCEPTED or REVOKED.")
    def state(self) -> str:
        return self.row.state

    @strawberry.field
    def created_at(self) -> datetime:
        return self.row.created_at

    @strawberry.field(description="The team's name.")
    async def entity_name(self, info: Info) -> str:
        entity = await info.context.loaders.entity.load(self.row.team_id)
        return entity.name

    @strawberry.field(description="The invited account, when it exists.")
    async def to_user(self, info: Info) -> UserRef | None:
        return await user_type_for(info, await self._invitee(info))

    @strawberry.field(description="Who sent the invite.")
    async def from_user(self, info: Info) -> UserRef | None:
        if self.row.inviter_id is None:
            return None
        return await user_type_for(info, await info.context.loaders.user.load(self.row.inviter_id))

    async def _invitee(self, info: Info) -> tables.User | None:
        if self.row.invitee_id is None:
            return None
        return await info.context.loaders.user.load(self.row.invitee_id)


@register_node("Invite")
async def _invite_node(info: Info, pk: int) -> Invite | None:
    """Visible to the invitee and to those who may see the team's members."""
    found = await info.context.loaders.get(invites).load(pk)
    if found is None:
        return None
    row, team = found
    if policy.can_accept_invite(info.context.actor, row):
        return Invite.from_row(row)
    viewer = await info.context.loaders.viewer_access(team)
    return Invite.from_row(row) if viewer.can_see_members else None
