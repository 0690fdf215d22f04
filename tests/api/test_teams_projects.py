"""Projects of an entity: upsertModel, Entity.projects / models visibility, and listing without N+1."""

from __future__ import annotations

import itertools

import pytest
from sqlalchemy import select

from app.db import tables
from app.domain.kinds import ProjectAccess
from app.domain.policy import Access
from app.domain.actor import Actor
from app.domain.projects import create_project
from tests.support import recorded_statements
from tests.support.teams import UPDATE_ENTITY, UPSERT_MODEL, make_team, row_counts

PROJECTS = """query($name: String!) { entity(name: $name) { projects(first: 50) { totalCount
  edges { node { name access } } } } }"""
MODELS = """query($entity: String, $first: Int, $after: String) { models(entityName: $entity, first: $first,
  after: $after) { pageInfo { hasNextPage endCursor } edges { node { name entityName user { username } } } } }"""


async def _projects(runtime, team_name: str, specs: list[tuple[str, str]], members: dict[str, list[int]] | None = None):
    """Create projects (name, access) in ``team_name`` as its first admin; add RESTRICTED members by user id."""
    async with runtime.session_factory.begin() as session:
        entity = await session.scalar(select(tables.Entity).where(tables.Entity.name == team_name))
        ada = await session.scalar(select(tables.User).where(tables.User.username == "ada"))
        for name, access in specs:
            project = await create_project(session, Actor(user=ada), entity, name, access=access)
            for user_id in (members or {}).get(name, []):
                session.add(tables.ProjectMember(project_id=project.id, user_id=user_id))


async def test_upsert_model_creates_with_the_entity_default_and_updates(gql, runtime):
    team = await make_team(runtime)
    created = (
        await gql.data(
            UPSERT_MODEL,
            {"input": {"entityName": "acme", "name": "vision", "views": "{}", "framework": "torch"}},
            key=team.member.key,
        )
    )["result"]
    assert created["inserted"] is True and created["project"]["access"] == "PRIVATE"
    assert created["project"]["entityName"] == "acme" and created["model"]["id"] == created["project"]["id"]

    await gql.data(UPDATE_ENTITY, {"entity": "acme", "defaultAccess": "RESTRICTED"}, key=team.admin.key)
    restricted = (
        await gql.data(UPSERT_MODEL, {"input": {"entityName": "acme", "name": "secret"}}, key=team.admin.key)
    )["result"]
    assert restricted["project"]["access"] == "RESTRICTED"

    updated = (
        await gql.data(
            UPSERT_MODEL,
            {"input": {"id": created["project"]["id"], "description": "cats", "access": "USER_READ"}},
            key=team.member.key,
        )
    )["result"]
    assert updated["inserted"] is False
    assert (updated["project"]["description"], updated["project"]["access"]) == ("cats", "USER_READ")
    same = (await gql.data(UPSERT_MODEL, {"input": {"entityName": "acme", "name": "vision"}}, key=team.service.key))[
        "result"
    ]
    assert same["inserted"] is False and same["project"]["description"] == "cats"


async def test_upsert_model_defaults_to_the_callers_default_entity(gql, runtime):
    team = await make_team(runtime)
    made = (await gql.data(UPSERT_MODEL, {"input": {"name": "mine"}}, key=team.service.key))["result"]
    assert made["project"]["entityName"] == "acme"


@pytest.mark.parametrize(
    ("given", "code", "words"),
    [
        ({"entityName": "acme", "name": "bad name!"}, "BAD_USER_INPUT", "invalid project name"),
        ({"entityName": "acme", "name": "x", "access": "EVERYONE"}, "BAD_USER_INPUT", "invalid project access"),
        ({"entityName": "nowhere", "name": "x"}, "NOT_FOUND", "entity nowhere not found"),
        ({"entityName": "acme"}, "BAD_USER_INPUT", "name (or id) is required"),
        ({"id": "UHJvamVjdDo5OTk=", "description": "x"}, "NOT_FOUND", "project 999 not found"),
    ],
)
async def test_bad_upserts_write_nothing(gql, runtime, given, code, words):
    team = await make_team(runtime)
    before = await row_counts(runtime)
    _, error = await gql.error(UPSERT_MODEL, {"input": given}, key=team.admin.key)
    assert error["extensions"]["code"] == code and words in error["message"], error
    assert await row_counts(runtime) == before


async def test_private_only_entities_refuse_public_projects(gql, runtime):
    team = await make_team(runtime)
    await gql.data(UPDATE_ENTITY, {"entity": "acme", "privateOnly": True}, key=team.admin.key)
    _, error = await gql.error(
        UPSERT_MODEL, {"input": {"entityName": "acme", "name": "p", "access": "USER_READ"}}, key=team.admin.key
    )
    assert error["extensions"]["code"] == "BAD_USER_INPUT" and "private-only" in error["message"]


async def test_projects_renames_are_refused(gql, runtime):
    team = await make_team(runtime)
    made = await gql.data(UPSERT_MODEL, {"input": {"entityName": "acme", "name": "one"}}, key=team.admin.key)
    _, error = await gql.error(
        UPSERT_MODEL, {"input": {"id": made["result"]["project"]["id"], "name": "two"}}, key=team.admin.key
    )
    assert error["extensions"]["code"] == "BAD_USER_INPUT" and "cannot be renamed" in error["message"]


async def test_entity_projects_show_what_each_viewer_may_read(gql, runtime):
    team = await make_team(runtime)
    await _projects(
        runtime,
        "acme",
        [
            ("private", "PRIVATE"),
            ("restricted", "RESTRICTED"),
            ("closed", "RESTRICTED"),
            ("public", "USER_READ"),
            ("open", "USER_WRITE"),
        ],
        members={"restricted": [team.member.id]},
    )

    async def seen(key):
        projects = (await gql.data(PROJECTS, {"name": "acme"}, key=key))["entity"]["projects"]
        assert projects["totalCount"] == len(projects["edges"])
        return {e["node"]["name"]: e["node"]["access"] for e in projects["edges"]}

    everything = await seen(team.admin.key)
    assert everything == {
        "private": "PRIVATE",
        "restricted": "RESTRICTED",
        "closed": "RESTRICTED",
        "public": "USER_READ",
        "open": "USER_WRITE",
    }
    assert set(await seen(team.member.key)) == {"private", "restricted", "public", "open"}
    assert set(await seen(team.viewer.key)) == {"private", "public", "open"}
    assert set(await seen(team.outsider.key)) == {"public", "open"}
    assert set(await seen(None)) == {"public", "open"}


async def test_models_pages_newest_first(gql, runtime):
    team = await make_team(runtime)
    await _projects(runtime, "acme", [(f"p{i}", "PRIVATE") for i in range(5)])
    first = (await gql.data(MODELS, {"entity": "acme", "first": 2}, key=team.viewer.key))["models"]
    assert [e["node"]["name"] for e in first["edges"]] == ["p4", "p3"] and first["pageInfo"]["hasNextPage"]
    rest = (
        await gql.data(
            MODELS, {"entity": "acme", "first": 10, "after": first["pageInfo"]["endCursor"]}, key=team.viewer.key
        )
    )["models"]
    assert [e["node"]["name"] for e in rest["edges"]] == ["p2", "p1", "p0"] and not rest["pageInfo"]["hasNextPage"]
    assert (await gql.data(MODELS, {"entity": "acme"}, key=team.outsider.key))["models"]["edges"] == []
    _, error = await gql.error(MODELS, {"entity": "acme", "after": "bm9wZQ=="}, key=team.viewer.key)
    assert error["extensions"]["code"] == "BAD_USER_INPUT"


async def test_models_costs_the_same_statements_for_1_or_40_projects(gql, runtime):
    team = await make_team(runtime)

    async def cost() -> int:
        with recorded_statements(runtime.engine) as statements:
            data = await gql.data(MODELS, {"entity": "acme", "first": 100}, key=team.member.key)
        return len(data["models"]["edges"]), len(statements)

    await _projects(runtime, "acme", [("p0", "RESTRICTED")], members={"p0": [team.member.id]})
    await cost()  # the key's first use records last_used_at
    one = await cost()
    await _projects(runtime, "acme", [(f"q{i}", ("PRIVATE", "RESTRICTED", "USER_READ")[i % 3]) for i in range(40)])
    many = await cost()
    assert one[0] == 1 and many[0] == 1 + 40 - 13  # the 13 RESTRICTED ones without max are hidden
    assert many[1] == one[1], (one, many)


async def test_sql_visibility_agrees_with_can_read_project(runtime):
    """Access.readable_projects_clause is the SQL twin of Access.can_read: same answers everywhere."""
    team = await make_team(runtime)
    accesses = tuple(ProjectAccess)
    specs = [(f"{a.lower()}-{m}", a) for a, m in itertools.product(accesses, ("in", "out"))]
    people = [team.admin, team.member, team.viewer, team.service, team.outsider]
    await _projects(
        runtime, "acme", specs, members={name: [p.id for p in people] for name, _ in specs if name.endswith("-in")}
    )
    async with runtime.session_factory() as session:
        entity = await session.scalar(select(tables.Entity).where(tables.Entity.name == "acme"))
        projects = (await session.scalars(select(tables.Project).where(tables.Project.entity_id == entity.id))).all()
        root = tables.User(id=-1, entity_id=-1, username="rooty", is_admin=True)
        actors = [Actor()] + [Actor(user=await session.get(tables.User, p.id)) for p in people] + [Actor(user=root)]
        for actor in actors:
            access = await Access.load(session, actor, entity)
            by_sql = set(
                (
                    await session.scalars(
                        select(tables.Project.name).where(
                            tables.Project.entity_id == entity.id, access.readable_projects_clause()
                        )
                    )
                ).all()
            )
            by_python = {p.name for p in projects if (await Access.load(session, actor, entity, p)).can_read}
            assert by_sql == by_python, (actor.label, access.role)
