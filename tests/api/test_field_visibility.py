"""Who may read which field of a User, Team, Member and Invite (policy.can_see_*), as anonymous,
outsider, VIEWER, MEMBER, SERVICE, team ADMIN and instance admin: a hidden field reads null (or the
schema's safe value), never an error. Listing many users stays a constant number of statements."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Callable

import pytest
from sqlalchemy import select

from app.api import ids
from app.db import tables
from app.domain.kinds import ProjectAccess, Role
from app.domain.actor import Actor
from app.domain.invites import create_invite
from tests.support import moves
from tests.support import make_account, recorded_statements
from tests.support.teams import make_team
from tests.support.run_queries import make_project, make_runs

ACTORS = ("anonymous", "outsider", "viewer", "member", "service", "admin", "root")


@dataclass
class World:
    keys: dict[str, str | None]
    ids: dict[str, str]


async def _world(runtime) -> World:
    """Team acme (ada ADMIN, max MEMBER, vic VIEWER, a service account, otto outside), a teammate moe,
    the instance admin root, settings away from their defaults, and invites by email from max and ada."""
    team = await make_team(runtime)
    mo = await make_account(runtime, "moe")
    root = await make_account(runtime, "rooty", admin=True)
    async with runtime.session_factory.begin() as session:
        acme = await session.scalar(select(tables.Entity).where(tables.Entity.name == "acme"))
        session.add(tables.Membership(team_id=acme.id, user_id=mo.id, role=Role.MEMBER))
        acme.members_can_invite, acme.private_only = True, True
        acme.code_saving_enabled, acme.default_access = True, ProjectAccess.RESTRICTED
        mo_user = await session.get(tables.User, mo.id)
        mo_user.default_entity_id = acme.id
        users = {u.username: u for u in (await session.scalars(select(tables.User))).all()}
    async with runtime.session_factory.begin() as session:
        by_max = await create_invite(
            session, Actor(user=users["max"]), entity_name="acme", email="new@example.com", role=Role.MEMBER
        )
        await create_invite(
            session, Actor(user=users["ada"]), entity_name="acme", email="later@example.com", role=Role.MEMBER
        )
        await session.flush()
        invite_id = by_max.id
    keys = {actor: (team.by_role(actor).key if actor not in ("anonymous", "root") else None) for actor in ACTORS}
    keys["root"] = root.key
    return World(
        keys,
        {
            "moe": ids.encode("User", mo.id),
            "root": ids.encode("User", root.id),
            "acme": ids.encode("Team", acme.id),
            "invite": ids.encode("Invite", invite_id),
        },
    )


def _member(data: dict, name: str) -> dict | None:
    entity = data["entity"]
    members = entity["members"] if entity else []
    return next((m for m in members if m["username"] == name or m["name"] == name), None)


def _email_invite(data: dict) -> dict | None:
    entity = data["entity"]
    return next((m for m in entity["members"] if m["pending"] and m["username"] is None), None) if entity else None


# case: (query, variables from ids, what the answer shows, its value when visible, when hidden, row)
CASES: dict[str, tuple[str, Callable[[dict], dict], Callable[[dict], Any], Any, Any, str]] = {
    "User.email of a teammate (nodes)": (
        "query($ids: [ID!]!) { nodes(ids: $ids) { ... on User { username email } } }",
        lambda i: {"ids": [i["moe"]]},
        lambda d: d["nodes"][0]["email"],
        "moe@example.com",
        None,
        "- - - - - ok ok",
    ),
    "User.email of a teammate (entity)": (
        '{ entity(name: "moe") { ... on User { email } } }',
        lambda i: {},
        lambda d: d["entity"]["email"],
        "moe@example.com",
        None,
        "- - - - - ok ok",
    ),
    "User.admin (instance admin flag)": (
        "query($id: ID!) { node(id: $id) { ... on User { admin } } }",
        lambda i: {"id": i["root"]},
        lambda d: d["node"]["admin"],
        True,
        None,
        "- - - - - - ok",
    ),
    "User.entity and defaultEntity (where runs go)": (
        '{ entity(name: "moe") { ... on User { entity defaultEntity { name } } } }',
        lambda i: {},
        lambda d: (d["entity"]["entity"], d["entity"]["defaultEntity"]),
        ("acme", {"name": "acme"}),
        (None, None),
        "- - - - - - ok",
    ),
    "User.teams": (
        '{ entity(name: "moe") { ... on User { teams { edges { node { name } } } } } }',
        lambda i: {},
        lambda d: d["entity"]["teams"]["edges"],
        [{"node": {"name": "moe"}}, {"node": {"name": "acme"}}],
        [],
        "- - - - - - ok",
    ),
    "Team settings (node)": (
        "query($id: ID!) { node(id: $id) { ... on Team { privateOnly codeSavingEnabled defaultAccess storageRegion "
        "membersCanInvite } } }",
        lambda i: {"id": i["acme"]},
        lambda d: d["node"],
        {
            "privateOnly": True,
            "codeSavingEnabled": True,
            "defaultAccess": "RESTRICTED",
            "storageRegion": "default",
            "membersCanInvite": True,
        },
        {
            "privateOnly": False,
            "codeSavingEnabled": False,
            "defaultAccess": "PRIVATE",
            "storageRegion": None,
            "membersCanInvite": None,
        },
        "- - ok ok ok ok ok",
    ),
    "Team members": (
        '{ entity(name: "acme") { members { username name pending role } } }',
        lambda i: {},
        lambda d: sorted((m["username"] or "invite").split("-sa-")[0] for m in d["entity"]["members"]),
        sorted(["ada", "max", "vic", "moe", "acme", "invite", "invite"]),
        [],
        "- - ok ok ok ok ok",
    ),
    "Member.email of a teammate": (
        '{ entity(name: "acme") { members { username name pending email } } }',
        lambda i: {},
        lambda d: (_member(d, "moe") or {}).get("email"),
        "moe@example.com",
        None,
        "- - - - - ok ok",
    ),
    "Member.email of an invite (max sent it)": (
        '{ entity(name: "acme") { members { username name pending email } } }',
        lambda i: {},
        lambda d: ((_email_invite(d) or {}).get("email"), (_email_invite(d) or {}).get("name")),
        ("new@example.com", "new@example.com"),
        (None, None),
        "- - x ok x ok ok",
    ),
    "Invite.email (node)": (
        "query($id: ID!) { node(id: $id) { ... on Invite { email name entityName } } }",
        lambda i: {"id": i["invite"]},
        lambda d: d["node"] and (d["node"]["email"], d["node"]["name"]),
        ("new@example.com", "new@example.com"),
        None,
        "- - x ok x ok ok",
    ),
}

# "x": the object is visible but the field is hidden (an invite's email seen by a VIEWER or SERVICE member).
HIDDEN_FIELD_OF_VISIBLE = {
    "Member.email of an invite (max sent it)": (None, "an invited email address"),
    "Invite.email (node)": (None, "an invited email address"),
}
MATRIX = [
    (case, actor, cell) for case, (*_, row) in CASES.items() for actor, cell in zip(ACTORS, row.split(), strict=True)
]


@pytest.mark.parametrize(("case", "actor", "cell"), MATRIX, ids=[f"{c}-{a}" for c, a, _ in MATRIX])
async def test_field_visibility(gql, runtime, case, actor, cell):
    query, variables, shown, visible, hidden, _ = CASES[case]
    world = await _world(runtime)
    response = await gql.post(query, variables(world.ids), key=world.keys[actor])
    payload = response.json()
    assert response.status_code == 200 and not payload.get("errors"), payload
    expected = {"ok": visible, "-": hidden, "x": HIDDEN_FIELD_OF_VISIBLE.get(case)}[cell]
    assert shown(payload["data"]) == expected, payload


async def test_everyone_signed_in_reads_their_own_email_and_flag(gql, runtime):
    world = await _world(runtime)
    for actor in ("outsider", "viewer", "member", "admin", "root"):
        viewer = (await gql.data("{ viewer { username email admin entity } }", key=world.keys[actor]))["viewer"]
        assert viewer["email"] == f"{viewer['username']}@example.com" and viewer["admin"] is (actor == "root")
        assert viewer["entity"]
    service = (await gql.data("{ viewer { email admin } }", key=world.keys["service"]))["viewer"]
    assert service == {"email": None, "admin": False}  # service accounts show no email (PROTOCOL §5.3)


async def test_team_admins_read_their_people_s_emails_in_a_constant_number_of_statements(gql, runtime):
    alice = await make_account(runtime, "alice")
    people = [await make_account(runtime, f"user{i}") for i in range(4)]
    stranger = await make_account(runtime, "stranger")
    await moves.make_team(runtime, "lab", [(alice, "ADMIN")] + [(p, "MEMBER") for p in people])
    project = await make_project(runtime, alice)
    authors = people + [stranger]
    await make_runs(runtime, project, [dict(user_id=authors[i % 5].id) for i in range(100)])
    query = """query($n: Int) { project(name: "p", entityName: "alice") {
        runs(first: $n) { edges { node { user { username email admin } } } } } }"""
    await gql.data("{ viewer { id } }", key=alice.key)
    counts = []
    for first in (1, 100):
        with recorded_statements(runtime.engine) as statements:
            data = await gql.data(query, {"n": first}, key=alice.key)
        counts.append(len(statements))
    users = {e["node"]["user"]["username"]: e["node"]["user"] for e in data["project"]["runs"]["edges"]}
    assert {name: u["email"] for name, u in users.items()} == {
        **{p.username: p.email for p in people},
        "stranger": None,
    }
    assert all(u["admin"] is None for u in users.values())
    assert counts[0] == counts[1], counts


VISIBILITY_SCRIPT = r"""
import json
import wandb

api = wandb.Api()
viewer = api.viewer
team = api.team("acme")
print(json.dumps({
    "viewer": [viewer.username, viewer.email, viewer.admin, viewer.entity],
    "members": sorted([m.username or "invite", m.email] for m in team.members),
}))
"""


async def test_the_wandb_client_reads_what_each_may_see(live_server, tmp_path):
    from tests.support import run_python, wandb_env

    runtime = live_server.runtime
    team = await make_team(runtime)
    results = {}
    for who in ("admin", "member", "outsider"):
        account = team.by_role(who)
        completed = await run_python(VISIBILITY_SCRIPT, wandb_env(tmp_path / who, live_server.url, account.key))
        assert completed.returncode == 0, completed.stderr[-3000:]
        results[who] = json.loads(completed.stdout.strip().splitlines()[-1])
    assert results["admin"]["viewer"] == ["ada", "ada@example.com", False, "ada"]
    admin_sees = {name: email for name, email in results["admin"]["members"]}
    assert admin_sees["max"] == "max@example.com" and admin_sees["vic"] == "vic@example.com"
    member_sees = {name: email for name, email in results["member"]["members"]}
    assert member_sees["max"] == "max@example.com" and member_sees["vic"] is None and member_sees["ada"] is None
    assert results["outsider"]["viewer"] == ["otto", "otto@example.com", False, "otto"]
    assert results["outsider"]["members"] == []
