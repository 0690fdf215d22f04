"""DataLoaders: a listing of N runs (or projects) costs as many SQL statements as a listing of one."""

from __future__ import annotations

from sqlalchemy import select

from app.api import ids
from app.db import tables
from tests.support import make_account, recorded_statements
from tests.support.teams import make_team
from tests.support.run_queries import make_project, make_runs

RUNS_WITH_RELATIONS = """
query Listing($perPage: Int) {
  project(name: "p", entityName: "alice") {
    runCount
    runs(first: $perPage, order: "-summary_metrics.acc", filters: "{\\"state\\": \\"finished\\"}") {
      edges {
        node {
          id name projectId fileCount historyKeys
          project { name entityName entity { name } }
          user { name username }
          serviceAccount { username }
          createdBy { username }
        }
        cursor
      }
      pageInfo { endCursor hasNextPage }
    }
  }
}"""

PROJECTS_WITH_COUNTS = """
{ models(entityName: "alice", first: 100) { edges { node { name runCount
  finished: runCount(filters: "{\\"state\\": \\"finished\\"}") } } } }"""


async def statements_for(gql, runtime, key, query, variables=None) -> tuple[int, dict]:
    await gql.data("{ viewer { id } }", key=key)  # a key's first use also records it was used
    with recorded_statements(runtime.engine) as statements:
        data = await gql.data(query, variables, key=key)
    return len(statements), data


async def test_listing_runs_with_their_relations_costs_the_same_for_1_or_100(gql, runtime):
    alice = await make_account(runtime, "alice")
    people = [alice] + [await make_account(runtime, f"user{i}") for i in range(4)]
    project = await make_project(runtime, alice)
    await make_runs(
        runtime,
        project,
        [
            dict(
                state="finished",
                summary={"acc": i % 7},
                user_id=people[i % 5].id,
                service_account_id=people[(i + 1) % 5].id,
                created_by_id=people[(i + 2) % 5].id,
            )
            for i in range(100)
        ],
    )
    one, data_one = await statements_for(gql, runtime, alice.key, RUNS_WITH_RELATIONS, {"perPage": 1})
    hundred, data = await statements_for(gql, runtime, alice.key, RUNS_WITH_RELATIONS, {"perPage": 100})
    nodes = [edge["node"] for edge in data["project"]["runs"]["edges"]]
    assert len(data_one["project"]["runs"]["edges"]) == 1 and len(nodes) == 100
    assert {node["user"]["username"] for node in nodes} == {p.username for p in people}
    assert all(node["project"]["entity"]["name"] == "alice" for node in nodes)
    assert hundred == one, (one, hundred)


async def test_run_counts_of_many_projects_cost_the_same_as_of_one(gql, runtime):
    alice = await make_account(runtime, "alice")
    project = await make_project(runtime, alice, "p0")
    await make_runs(runtime, project, [dict(state="finished"), dict(state="running")])
    one, _ = await statements_for(gql, runtime, alice.key, PROJECTS_WITH_COUNTS)
    for index in range(1, 20):
        project = await make_project(runtime, alice, f"p{index}")
        await make_runs(runtime, project, [dict(state="finished") for _ in range(index % 3)])
    twenty, data = await statements_for(gql, runtime, alice.key, PROJECTS_WITH_COUNTS)
    counts = {
        edge["node"]["name"]: (edge["node"]["runCount"], edge["node"]["finished"]) for edge in data["models"]["edges"]
    }
    assert counts["p0"] == (2, 1) and counts["p4"] == (1, 1) and counts["p3"] == (0, 0)
    assert len(counts) == 20 and twenty == one, (one, twenty)


async def test_invites_by_node_id_cost_the_same_for_1_or_10_and_only_members_see_them(gql, runtime):
    team = await make_team(runtime)
    async with runtime.session_factory.begin() as session:
        team_id = await session.scalar(select(tables.Entity.id).where(tables.Entity.name == team.name))
        invites = [
            tables.Invite(
                team_id=team_id, email=f"p{i}@example.com", role="MEMBER", state="PENDING", inviter_id=team.admin.id
            )
            for i in range(10)
        ]
        session.add_all(invites)
        await session.flush()
        invite_ids = [ids.encode("Invite", invite.id) for invite in invites]

    def lookup(count: int) -> str:
        return (
            "{ "
            + " ".join(f'i{n}: node(id: "{invite_ids[n]}") {{ ... on Invite {{ id role }} }}' for n in range(count))
            + " }"
        )

    one, _ = await statements_for(gql, runtime, team.member.key, lookup(1))
    ten, data = await statements_for(gql, runtime, team.member.key, lookup(10))
    assert [data[f"i{n}"]["id"] for n in range(10)] == invite_ids
    # The key, the invites in one statement and the viewer's roles in another (each invite read its team
    # and the role in statements of its own before).
    assert ten == one <= 3, (one, ten)
    _, hidden = await statements_for(gql, runtime, team.outsider.key, lookup(10))
    assert all(hidden[f"i{n}"] is None for n in range(10))
