"""Team life cycle over GraphQL: create, invite, accept, roles, removal, service accounts, settings, audit."""

from __future__ import annotations

import asyncio

import pytest

from tests.support import make_account
from tests.support.teams import (
    ACCEPT_INVITE,
    AUDIT,
    CREATE_INVITE,
    CREATE_SERVICE_ACCOUNT,
    CREATE_TEAM,
    DELETE_INVITE,
    MEMBERS,
    UPDATE_ENTITY,
    UPDATE_MEMBER,
    UPDATE_USER,
    VIEWER,
    make_team,
    row_counts,
)


async def members_of(gql, team: str, key: str) -> list[dict]:
    return (await gql.data(MEMBERS, {"name": team}, key=key))["entity"]["members"]


async def test_invite_accept_switch_default_change_role_and_remove(gql, runtime):
    ada = await make_account(runtime, "ada")
    bob = await make_account(runtime, "bob")
    created = await gql.data(CREATE_TEAM, {"name": "acme"}, key=ada.key)
    assert created["result"]["entity"]["name"] == "acme" and created["result"]["entity"]["limits"] == "{}"

    invite = (await gql.data(CREATE_INVITE, {"entity": "acme", "username": "bob"}, key=ada.key))["result"]["invite"]
    assert invite["name"] == "bob" and invite["toUser"] == {"name": "bob"} and invite["role"] == "MEMBER"
    listed = await members_of(gql, "acme", ada.key)
    assert [(m["username"], m["pending"], m["role"]) for m in listed] == [
        ("ada", False, "ADMIN"),
        ("bob", True, "MEMBER"),
    ]
    assert listed[1]["id"] == invite["id"]

    viewer = (await gql.data(VIEWER, key=bob.key))["viewer"]
    assert viewer["pendingInvites"] == [{"id": invite["id"], "entityName": "acme", "role": "MEMBER"}]
    assert viewer["entity"] == "bob"

    accepted = await gql.data(ACCEPT_INVITE, {"id": invite["id"]}, key=bob.key)
    assert accepted["acceptInvite"] == {"entity": {"name": "acme"}, "role": "MEMBER"}
    viewer = (await gql.data(VIEWER, key=bob.key))["viewer"]
    assert viewer["entity"] == "acme" and viewer["defaultEntity"] == {"name": "acme"}
    assert viewer["pendingInvites"] == [] and viewer["teams"]["edges"] == [
        {"node": {"name": "bob"}},
        {"node": {"name": "acme"}},
    ]

    switched = await gql.data(UPDATE_USER, {"defaultEntity": "bob", "name": "Bob B"}, key=bob.key)
    assert switched["updateUser"]["user"] == {"username": "bob", "entity": "bob", "fullName": "Bob B"}

    promoted = await gql.data(UPDATE_MEMBER, {"entity": "acme", "username": "bob", "role": "ADMIN"}, key=ada.key)
    assert promoted["updateMember"]["member"] == {"username": "bob", "role": "ADMIN", "admin": True}

    bob_member = [m for m in await members_of(gql, "acme", ada.key) if m["username"] == "bob"][0]
    assert bob_member["name"] == "Bob B" and bob_member["pending"] is False
    assert (await gql.data(DELETE_INVITE, {"id": bob_member["id"], "entity": "acme"}, key=ada.key))["result"] == {
        "success": True
    }
    assert [m["username"] for m in await members_of(gql, "acme", ada.key)] == ["ada"]
    assert (await gql.data(MEMBERS, {"name": "acme"}, key=bob.key))["entity"]["members"] == []

    actions = [
        e["node"]["action"] for e in (await gql.data(AUDIT, {"entity": "acme"}, key=ada.key))["auditEvents"]["edges"]
    ]
    assert actions == ["member.remove", "member.update_role", "invite.accept", "invite.create", "team.create"]


async def test_invite_by_email_is_claimed_by_the_new_account(gql, runtime):
    ada = await make_account(runtime, "ada")
    await gql.data(CREATE_TEAM, {"name": "acme"}, key=ada.key)
    invite = (
        await gql.data(CREATE_INVITE, {"entity": "acme", "email": "new@example.com", "role": "VIEWER"}, key=ada.key)
    )["result"]["invite"]
    assert invite["toUser"] is None and invite["email"] == "new@example.com"
    assert (await members_of(gql, "acme", ada.key))[1]["name"] == "new@example.com"
    newcomer = await make_account(runtime, "nina", email="New@Example.com")
    assert (await gql.data(VIEWER, key=newcomer.key))["viewer"]["pendingInvites"][0]["id"] == invite["id"]
    assert (await gql.data(ACCEPT_INVITE, {"id": invite["id"]}, key=newcomer.key))["acceptInvite"]["role"] == "VIEWER"


async def test_last_admin_can_neither_leave_nor_be_demoted(gql, runtime):
    team = await make_team(runtime)
    ada_id = [m["id"] for m in await members_of(gql, "acme", team.admin.key) if m["username"] == "ada"][0]
    before = await row_counts(runtime)
    status, error = await gql.error(DELETE_INVITE, {"id": ada_id, "entity": "acme"}, key=team.admin.key)
    assert (status, error["extensions"]["code"]) == (409, "CONFLICT") and "at least one admin" in error["message"]
    status, error = await gql.error(
        UPDATE_MEMBER, {"entity": "acme", "username": "ada", "role": "MEMBER"}, key=team.admin.key
    )
    assert error["extensions"]["code"] == "CONFLICT" and "last admin" in error["message"]
    assert await row_counts(runtime) == before
    # With a second admin, the first may step down.
    await gql.data(UPDATE_MEMBER, {"entity": "acme", "username": "max", "role": "ADMIN"}, key=team.admin.key)
    await gql.data(UPDATE_MEMBER, {"entity": "acme", "username": "ada", "role": "VIEWER"}, key=team.admin.key)


async def test_members_see_the_list_and_only_admins_see_service_keys(gql, runtime):
    team = await make_team(runtime)
    as_admin = await members_of(gql, "acme", team.admin.key)
    assert [m["role"] for m in as_admin] == ["ADMIN", "MEMBER", "VIEWER", "SERVICE"]
    service = as_admin[-1]
    assert service["apiKey"] == team.service.key and service["accountType"] == "SERVICE" and service["email"] is None
    assert service["name"] == "ci"
    as_member = await members_of(gql, "acme", team.member.key)
    assert [m["username"] for m in as_member] == [m["username"] for m in as_admin]
    assert all(m["apiKey"] is None for m in as_member)
    assert await members_of(gql, "acme", team.outsider.key) == []
    assert (await gql.data(MEMBERS, {"name": "acme"}))["entity"]["members"] == []
    own = await members_of(gql, "otto", team.outsider.key)
    assert [(m["username"], m["role"], m["admin"]) for m in own] == [("otto", "ADMIN", True)]
    assert await members_of(gql, "otto", team.admin.key) == []


async def test_service_account_key_authenticates_as_that_account(gql, runtime):
    team = await make_team(runtime)
    created = await gql.data(CREATE_SERVICE_ACCOUNT, {"entity": "acme", "description": "nightly"}, key=team.admin.key)
    newest = (await members_of(gql, "acme", team.admin.key))[-1]
    assert newest["name"] == "nightly" and newest["id"] != created["result"]["user"]["id"]
    viewer = (await gql.data(VIEWER, key=newest["apiKey"]))["viewer"]
    assert viewer["accountType"] == "SERVICE" and viewer["email"] is None and viewer["entity"] == "acme"
    assert viewer["username"] == newest["username"] and viewer["username"].startswith("acme-sa-")
    # Removing a service account deactivates it: its key stops working.
    await gql.data(DELETE_INVITE, {"id": newest["id"], "entity": "acme"}, key=team.admin.key)
    status, _ = await gql.error(VIEWER, key=newest["apiKey"])
    assert status == 401


async def test_members_can_invite_only_when_the_team_allows_it(gql, runtime):
    team = await make_team(runtime)
    await make_account(runtime, "zed")
    status, error = await gql.error(CREATE_INVITE, {"entity": "acme", "username": "zed"}, key=team.member.key)
    assert (status, error["extensions"]["code"]) == (403, "FORBIDDEN") and "role member" in error["message"]
    await gql.data(UPDATE_ENTITY, {"entity": "acme", "membersCanInvite": True}, key=team.admin.key)
    await gql.data(CREATE_INVITE, {"entity": "acme", "username": "zed"}, key=team.member.key)
    status, error = await gql.error(
        CREATE_INVITE, {"entity": "acme", "email": "x@example.com", "admin": True}, key=team.member.key
    )
    assert error["extensions"]["code"] == "FORBIDDEN" and "invite admins" in error["message"]


@pytest.mark.parametrize(
    ("variables", "code", "words"),
    [
        ({"entity": "nope", "username": "zed"}, "NOT_FOUND", "entity nope not found"),
        ({"entity": "acme", "username": "max"}, "CONFLICT", "already a member"),
        ({"entity": "acme", "username": "ghost"}, "NOT_FOUND", "user ghost not found"),
        ({"entity": "acme", "email": "not-an-email"}, "BAD_USER_INPUT", "invalid email"),
        ({"entity": "acme"}, "BAD_USER_INPUT", "exactly one of email or username"),
        ({"entity": "acme", "username": "zed", "role": "SERVICE"}, "BAD_USER_INPUT", "createServiceAccount"),
        ({"entity": "ada", "username": "zed"}, "BAD_USER_INPUT", "personal entity"),
    ],
)
async def test_bad_invites_are_refused_and_write_nothing(gql, runtime, variables, code, words):
    team = await make_team(runtime)
    await make_account(runtime, "zed")
    before = await row_counts(runtime)
    _, error = await gql.error(CREATE_INVITE, variables, key=team.admin.key)
    assert error["extensions"]["code"] == code and words in error["message"], error
    assert await row_counts(runtime) == before


async def test_duplicate_invite_is_a_conflict(gql, runtime):
    team = await make_team(runtime)
    await gql.data(CREATE_INVITE, {"entity": "acme", "email": "x@example.com"}, key=team.admin.key)
    _, error = await gql.error(CREATE_INVITE, {"entity": "acme", "email": "X@example.com"}, key=team.admin.key)
    assert error["extensions"]["code"] == "CONFLICT" and "pending invite" in error["message"]


async def test_only_the_invitee_accepts(gql, runtime):
    team = await make_team(runtime)
    zed = await make_account(runtime, "zed")
    invite = await gql.data(CREATE_INVITE, {"entity": "acme", "username": "zed"}, key=team.admin.key)
    invite_id = invite["result"]["invite"]["id"]
    before = await row_counts(runtime)
    status, error = await gql.error(ACCEPT_INVITE, {"id": invite_id}, key=team.outsider.key)
    assert (status, error["extensions"]["code"]) == (404, "NOT_FOUND")
    status, error = await gql.error(ACCEPT_INVITE, {"id": invite_id}, key=team.member.key)
    assert (status, error["extensions"]["code"]) == (403, "FORBIDDEN") and "someone else" in error["message"]
    assert await row_counts(runtime) == before
    await gql.data(ACCEPT_INVITE, {"id": invite_id}, key=zed.key)
    _, error = await gql.error(ACCEPT_INVITE, {"id": invite_id}, key=zed.key)
    assert error["extensions"]["code"] == "NOT_FOUND" and "no longer pending" in error["message"]


async def test_members_may_leave_and_invitees_may_decline(gql, runtime):
    team = await make_team(runtime)
    zed = await make_account(runtime, "zed")
    invite_id = (await gql.data(CREATE_INVITE, {"entity": "acme", "username": "zed"}, key=team.admin.key))["result"][
        "invite"
    ]["id"]
    assert (await gql.data(DELETE_INVITE, {"id": invite_id}, key=zed.key))["result"]["success"] is True
    assert (await gql.data(VIEWER, key=zed.key))["viewer"]["pendingInvites"] == []
    listed = await members_of(gql, "acme", team.member.key)
    max_id, vic_id = (next(m["id"] for m in listed if m["username"] == name) for name in ("max", "vic"))
    _, error = await gql.error(DELETE_INVITE, {"id": vic_id, "entity": "acme"}, key=team.member.key)
    assert error["extensions"]["code"] == "FORBIDDEN"
    await gql.data(DELETE_INVITE, {"id": max_id, "entity": "acme"}, key=team.member.key)
    assert await members_of(gql, "acme", team.member.key) == []


@pytest.mark.parametrize(
    ("name", "code", "words"),
    [
        ("acme", "CONFLICT", "already taken"),
        ("ada", "CONFLICT", "already taken"),
        ("Bad Name", "BAD_USER_INPUT", "invalid name"),
        ("ab", "BAD_USER_INPUT", "invalid name"),
        ("graphql", "BAD_USER_INPUT", "reserved"),
    ],
)
async def test_bad_team_names_are_refused(gql, runtime, name, code, words):
    team = await make_team(runtime)
    before = await row_counts(runtime)
    _, error = await gql.error(CREATE_TEAM, {"name": name}, key=team.member.key)
    assert error["extensions"]["code"] == code and words in error["message"], error
    assert await row_counts(runtime) == before


async def test_team_admin_user_name_needs_an_instance_admin(gql, runtime):
    root = await make_account(runtime, "rooty", admin=True)
    bob = await make_account(runtime, "bob")
    _, error = await gql.error(CREATE_TEAM, {"name": "bobs", "admin": "rooty"}, key=bob.key)
    assert error["extensions"]["code"] == "FORBIDDEN"
    await gql.data(CREATE_TEAM, {"name": "bobs", "admin": "bob"}, key=root.key)
    assert [(m["username"], m["role"]) for m in await members_of(gql, "bobs", bob.key)] == [("bob", "ADMIN")]


async def test_team_creation_can_be_restricted_to_instance_admins(gql, runtime):
    runtime.settings.restrict_team_creation = True
    root = await make_account(runtime, "rooty", admin=True)
    bob = await make_account(runtime, "bob")
    status, error = await gql.error(CREATE_TEAM, {"name": "bobs"}, key=bob.key)
    assert (status, error["extensions"]["code"]) == (403, "FORBIDDEN") and "instance admins" in error["message"]
    await gql.data(CREATE_TEAM, {"name": "roots"}, key=root.key)


async def test_default_entity_must_be_one_the_user_belongs_to(gql, runtime):
    team = await make_team(runtime)
    before = await row_counts(runtime)
    _, error = await gql.error(UPDATE_USER, {"defaultEntity": "acme"}, key=team.outsider.key)
    assert error["extensions"]["code"] == "BAD_USER_INPUT" and "not a member of acme" in error["message"]
    _, error = await gql.error(UPDATE_USER, {"defaultEntity": "nowhere"}, key=team.outsider.key)
    assert error["extensions"]["code"] == "NOT_FOUND"
    assert await row_counts(runtime) == before
    await gql.data(UPDATE_USER, {"defaultEntity": "acme"}, key=team.viewer.key)


async def test_entity_settings(gql, runtime):
    team = await make_team(runtime)
    changed = await gql.data(
        UPDATE_ENTITY, {"entity": "acme", "defaultAccess": "RESTRICTED", "privateOnly": True}, key=team.admin.key
    )
    assert changed["updateEntity"]["entity"] == {"name": "acme", "defaultAccess": "RESTRICTED", "privateOnly": True}
    _, error = await gql.error(UPDATE_ENTITY, {"entity": "acme", "defaultAccess": "USER_READ"}, key=team.admin.key)
    assert error["extensions"]["code"] == "BAD_USER_INPUT" and "private-only" in error["message"]
    _, error = await gql.error(UPDATE_ENTITY, {"entity": "otto", "membersCanInvite": True}, key=team.outsider.key)
    assert error["extensions"]["code"] == "BAD_USER_INPUT" and "teams only" in error["message"]
    own = await gql.data(UPDATE_ENTITY, {"entity": "otto", "defaultAccess": "USER_READ"}, key=team.outsider.key)
    assert own["updateEntity"]["entity"]["defaultAccess"] == "USER_READ"


async def test_audit_log_pages_and_access(gql, runtime):
    team = await make_team(runtime)
    root = await make_account(runtime, "rooty", admin=True)
    first = (await gql.data(AUDIT, {"entity": "acme", "first": 1}, key=team.admin.key))["auditEvents"]
    event = first["edges"][0]["node"]
    assert event["action"] == "service_account.create" and event["actorUsername"] == "ada"
    assert event["entityName"] == "acme" and event["details"]["username"] == team.service.username
    second = (
        await gql.data(
            AUDIT, {"entity": "acme", "first": 5, "after": first["pageInfo"]["endCursor"]}, key=team.admin.key
        )
    )["auditEvents"]
    assert [e["node"]["action"] for e in second["edges"]] == ["team.create"]
    assert second["pageInfo"]["hasNextPage"] is False
    for who in (team.member, team.viewer, team.service, team.outsider):
        status, error = await gql.error(AUDIT, {"entity": "acme"}, key=who.key)
        assert (status, error["extensions"]["code"]) == (403, "FORBIDDEN")
    _, error = await gql.error(AUDIT, {}, key=team.admin.key)
    assert error["extensions"]["code"] == "FORBIDDEN"
    everything = (await gql.data(AUDIT, {}, key=root.key))["auditEvents"]["edges"]
    assert {e["node"]["entityName"] for e in everything} == {"acme"}
    status, error = await gql.error(AUDIT, {"entity": "acme"})
    assert (status, error["extensions"]["code"]) == (401, "UNAUTHENTICATED")


async def test_two_admins_demoting_each_other_at_once_leave_one_admin(gql, runtime):
    team = await make_team(runtime)
    await gql.data(UPDATE_MEMBER, {"entity": "acme", "username": "max", "role": "ADMIN"}, key=team.admin.key)
    responses = await asyncio.gather(
        gql.post(UPDATE_MEMBER, {"entity": "acme", "username": "max", "role": "MEMBER"}, key=team.admin.key),
        gql.post(UPDATE_MEMBER, {"entity": "acme", "username": "ada", "role": "MEMBER"}, key=team.member.key),
    )
    outcomes = sorted(
        r.json()["errors"][0]["extensions"]["code"] if r.json().get("errors") else "ok" for r in responses
    )
    assert outcomes in (["CONFLICT", "ok"], ["FORBIDDEN", "ok"])  # FORBIDDEN: the loser was demoted first
    admins = [m["username"] for m in await members_of(gql, "acme", team.viewer.key) if m["role"] == "ADMIN"]
    assert len(admins) == 1


async def test_invite_nodes_are_visible_to_the_invitee_and_the_team_only(gql, runtime):
    team = await make_team(runtime)
    zed = await make_account(runtime, "zed")
    invite_id = (
        await gql.data(CREATE_INVITE, {"entity": "acme", "username": "zed", "role": "VIEWER"}, key=team.admin.key)
    )["result"]["invite"]["id"]
    query = "query($id: ID!) { node(id: $id) { ... on Invite { entityName role state fromUser { username } } } }"
    expected = {"entityName": "acme", "role": "VIEWER", "state": "PENDING", "fromUser": {"username": "ada"}}
    for key in (zed.key, team.admin.key, team.viewer.key):
        assert (await gql.data(query, {"id": invite_id}, key=key))["node"] == expected
    for key in (team.outsider.key, None):
        assert (await gql.data(query, {"id": invite_id}, key=key))["node"] is None
