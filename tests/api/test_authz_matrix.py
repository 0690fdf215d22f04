"""Authorization matrix (DESIGN.md §7): each team mutation and the audit query as anonymous, outsider,
VIEWER, MEMBER, SERVICE and ADMIN; allowed, or denied with the right code and status and nothing written."""

from __future__ import annotations

from typing import Awaitable, Callable

import pytest
from sqlalchemy import select

from app.api import ids
from app.db import tables
from app.domain import organizations
from app.domain.actor import Actor
from app.domain.api_keys import issue_key
from app.domain.projects import create_project
from app.domain.invites import create_invite
from tests.support import make_account
from tests.support.teams import (
    ACCEPT_INVITE,
    AUDIT,
    CREATE_INVITE,
    CREATE_SERVICE_ACCOUNT,
    CREATE_TEAM,
    CREATE_USER,
    DELETE_INVITE,
    DELETE_KEY,
    GENERATE_KEY,
    UPDATE_ENTITY,
    UPDATE_MEMBER,
    UPDATE_USER,
    UPSERT_MODEL,
    TeamFixture,
    expect_outcome,
    make_team,
    matrix,
    row_counts,
)


Setup = Callable[[object, TeamFixture], Awaitable[dict]]


async def _as_ada(runtime, fn):
    async with runtime.session_factory.begin() as session:
        ada = await session.scalar(select(tables.User).where(tables.User.username == "ada"))
        return await fn(session, Actor(user=ada))


async def invite_for_zed(runtime, team: TeamFixture) -> dict:
    await make_account(runtime, "zed")
    invite = await _as_ada(runtime, lambda s, a: create_invite(s, a, entity_name="acme", username="zed", role="MEMBER"))
    return {"id": ids.encode("Invite", invite.id), "entity": "acme"}


async def viewer_membership(runtime, team: TeamFixture) -> dict:
    async with runtime.session_factory() as session:
        membership = await session.scalar(select(tables.Membership).where(tables.Membership.user_id == team.viewer.id))
    return {"id": ids.encode("Member", membership.id), "entity": "acme"}


async def admins_extra_key(runtime, team: TeamFixture) -> dict:
    async with runtime.session_factory.begin() as session:
        issued = issue_key(session, await session.get(tables.User, team.admin.id))
        await session.flush()
        return {"id": ids.encode("ApiKey", issued.record.id)}


async def existing_project(runtime, team: TeamFixture) -> dict:
    async def make(session, actor):
        entity = await session.scalar(select(tables.Entity).where(tables.Entity.name == "acme"))
        await create_project(session, actor, entity, "existing")

    await _as_ada(runtime, make)
    return {"input": {"entityName": "acme", "name": "existing", "description": "changed"}}


async def members_may_invite(runtime, team: TeamFixture) -> dict:
    async with runtime.session_factory.begin() as session:
        entity = await session.scalar(select(tables.Entity).where(tables.Entity.name == "acme"))
        entity.members_can_invite = True
    await make_account(runtime, "zed")
    return {"entity": "acme", "username": "zed"}


async def zed_exists(runtime, team: TeamFixture) -> dict:
    await make_account(runtime, "zed")
    return {"entity": "acme", "username": "zed"}


CREATE_ORGANIZATION = """mutation($name: String!) { createOrganization(input: {name: $name}) {
  organization { name } } }"""
ADD_ORGANIZATION_MEMBER = """mutation($org: String!, $username: String!) {
  addOrganizationMember(input: {organizationName: $org, username: $username, role: VIEWER}) {
    organization { name } } }"""


async def org_of_team_admin(runtime, team: TeamFixture) -> dict:
    """An organization whose only admin is the team's admin, and zed to add to it."""
    rooty = await make_account(runtime, "rooty", admin=True)
    await make_account(runtime, "zed")
    async with runtime.session_factory.begin() as session:
        await organizations.create(
            session,
            Actor(user=await session.get(tables.User, rooty.id)),
            "acme-org",
            admin=await session.get(tables.User, team.admin.id),
        )
    return {"org": "acme-org", "username": "zed"}


def fixed(variables: dict) -> Setup:
    async def setup(runtime, team):
        return variables

    return setup


# name: (query, setup, outcomes for anonymous outsider viewer member service admin)
CASES: dict[str, tuple[str, Setup, str]] = {
    "createTeam": (CREATE_TEAM, fixed({"name": "newteam"}), "U ok ok ok F ok"),
    "createInvite": (CREATE_INVITE, zed_exists, "U F F F F ok"),
    "createInvite/membersCanInvite": (CREATE_INVITE, members_may_invite, "U F F ok F ok"),
    "acceptInvite/someone-else's": (ACCEPT_INVITE, invite_for_zed, "U N F F F F"),
    "deleteInvite/invite": (DELETE_INVITE, invite_for_zed, "U N F F F ok"),
    "deleteInvite/member(viewer leaves)": (DELETE_INVITE, viewer_membership, "U N ok F F ok"),
    "updateMember": (UPDATE_MEMBER, fixed({"entity": "acme", "username": "max", "role": "VIEWER"}), "U F F F F ok"),
    "createServiceAccount": (CREATE_SERVICE_ACCOUNT, fixed({"entity": "acme", "description": "x"}), "U F F F F ok"),
    "updateEntity": (UPDATE_ENTITY, fixed({"entity": "acme", "membersCanInvite": True}), "U F F F F ok"),
    "upsertModel/create": (UPSERT_MODEL, fixed({"input": {"entityName": "acme", "name": "fresh"}}), "U F F ok ok ok"),
    "upsertModel/update": (UPSERT_MODEL, existing_project, "U F F ok F ok"),
    "generateApiKey": (GENERATE_KEY, fixed({"description": "laptop"}), "U ok ok ok F ok"),
    "deleteApiKey/admin's key": (DELETE_KEY, admins_extra_key, "U N N N N ok"),
    "createUser": (CREATE_USER, fixed({"email": "new@example.com"}), "U F F F F F"),
    "updateUser": (UPDATE_USER, fixed({"name": "New Name"}), "U ok ok ok ok ok"),
    "auditEvents": (AUDIT, fixed({"entity": "acme"}), "U F F F F ok"),
    "users": (
        "query($q: String) { users(query: $q) { edges { node { username } } } }",
        fixed({"q": "a"}),
        "U F F F F F",
    ),
    "createOrganization": (CREATE_ORGANIZATION, fixed({"name": "neworg"}), "U F F F F F"),
    "addOrganizationMember": (ADD_ORGANIZATION_MEMBER, org_of_team_admin, "U N N N N ok"),
}

MATRIX = matrix(CASES)


@pytest.mark.parametrize(("case", "actor", "outcome"), MATRIX, ids=[f"{c}-{a}" for c, a, _ in MATRIX])
async def test_authorization(gql, runtime, case, actor, outcome):
    query, setup, _ = CASES[case]
    team = await make_team(runtime)
    variables = await setup(runtime, team)
    account = team.by_role(actor)
    await expect_outcome(gql, query, variables, account.key if account else None, outcome, lambda: row_counts(runtime))


async def test_instance_admin_may_create_users(gql, runtime):
    root = await make_account(runtime, "rooty", admin=True)
    created = await gql.data(CREATE_USER, {"email": "new@example.com", "admin": False}, key=root.key)
    user = created["result"]["user"]
    assert (user["username"], user["email"], user["admin"], user["name"]) == (
        "new-user",
        "new@example.com",
        False,
        "new-user",
    )
    viewer = await gql.data("{ viewer { username } }", key=created["result"]["secret"])
    assert viewer["viewer"]["username"] == "new-user"
