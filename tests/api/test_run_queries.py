"""Project.runs / runCount through GraphQL with the client's own query: filters, order, keyset pages."""

from __future__ import annotations

import json
import math

import pytest
from sqlalchemy import event

from tests.support import make_account, recorded_statements
from tests.support.run_queries import make_project, make_runs
from tests.support.wandb_queries import RUN_QUERY, RUNS_QUERY


def acc_of(index: int):
    """Summary accuracies with ties, strings and gaps: what a summary-metric sort must cope with."""
    if index % 7 == 3:
        return None  # no "acc" at all
    if index % 11 == 5:
        return "n/a"
    if index % 13 == 6:
        return "skipped"
    return round((index % 5) * 0.1, 1)  # five distinct values, many ties


def lr_of(index: int) -> float:
    return 0.001 if index % 4 == 0 else 0.05


@pytest.fixture
async def crowd(runtime):
    """alice's project "p" with 37 runs; every fourth run has lr=0.001 (filtered out below)."""
    alice = await make_account(runtime, "alice")
    project = await make_project(runtime, alice)
    specs = []
    for index in range(37):
        acc = acc_of(index)
        summary = {} if acc is None else {"acc": acc}
        specs.append(dict(config={"lr": lr_of(index)}, summary=summary, state="finished", user_id=alice.id))
    runs = await make_runs(runtime, project, specs)
    return alice, project, runs


def expected_order(runs, descending: bool) -> list[str]:
    """Numbers first (numerically), then strings, then runs without the key; ties by id; nulls last."""

    def rank(run):
        acc = (run.summary or {}).get("acc")
        sign = -1 if descending else 1
        if isinstance(acc, (int, float)):
            return (0, sign * acc, "", sign * run.id)
        if isinstance(acc, str):
            return (1, 0, acc, sign * run.id)
        return (2, 0, "", sign * run.id)

    numbers_and_missing = sorted(runs, key=rank)
    if not descending:
        return [r.name for r in numbers_and_missing]
    # For descending strings the text itself must sort backwards too.
    strings = sorted(
        (r for r in runs if isinstance((r.summary or {}).get("acc"), str)),
        key=lambda r: (r.summary["acc"], r.id),
        reverse=True,
    )
    head = [r for r in numbers_and_missing if rank(r)[0] == 0]
    tail = [r for r in numbers_and_missing if rank(r)[0] == 2]
    return [r.name for r in head + strings + tail]


async def walk(gql, key, variables, cursor: str | None = None) -> tuple[list[str], int, int]:
    """All pages of Runs from ``cursor`` on: (run names in order, runCount, number of pages)."""
    names, pages = [], 0
    while True:
        data = await gql.data(RUNS_QUERY, {**variables, "cursor": cursor}, key=key)
        project = data["project"]
        connection = project["runs"]
        names += [edge["node"]["name"] for edge in connection["edges"]]
        pages += 1
        assert all(edge["cursor"] for edge in connection["edges"])
        if not connection["pageInfo"]["hasNextPage"]:
            return names, project["runCount"], pages
        cursor = connection["pageInfo"]["endCursor"]


@pytest.mark.parametrize("order", ["-summary_metrics.acc", "+summary_metrics.acc", "-acc"])
async def test_pages_follow_a_summary_metric_with_ties_and_nulls(gql, crowd, order):
    alice, _, runs = crowd
    kept = [r for r in runs if lr_of(int(r.name[3:])) > 0.01]
    variables = {
        "project": "p",
        "entity": "alice",
        "perPage": 4,
        "order": order,
        "filters": json.dumps({"config.lr": {"$gt": 0.01}}),
    }
    names, count, pages = await walk(gql, alice.key, variables)
    assert names == expected_order(kept, descending=order.startswith("-"))
    assert count == len(kept) == 27
    assert pages == math.ceil(27 / 4)


@pytest.mark.parametrize(
    "order, reverse",
    [(None, False), ("+created_at", False), ("-createdAt", True), ("+name", False), ("-heartbeat_at", True)],
)
async def test_pages_by_run_columns(gql, crowd, order, reverse):
    alice, _, runs = crowd
    names, count, _ = await walk(gql, alice.key, {"project": "p", "entity": "alice", "perPage": 10, "order": order})
    assert names == sorted((r.name for r in runs), reverse=reverse)
    assert count == 37


async def test_a_cursor_stays_valid_while_runs_arrive(gql, runtime, crowd):
    alice, project, _ = crowd
    variables = {"project": "p", "entity": "alice", "perPage": 5, "order": "-summary_metrics.acc"}
    first = (await gql.data(RUNS_QUERY, variables, key=alice.key))["project"]["runs"]
    seen = [edge["node"]["name"] for edge in first["edges"]]
    # One newcomer sorts before the cursor (must not appear), one after it (must appear once).
    await make_runs(
        runtime, project, [dict(name="early", summary={"acc": 5.0}), dict(name="late", summary={"acc": -1.0})]
    )
    names, count, _ = await walk(gql, alice.key, variables, first["pageInfo"]["endCursor"])
    assert "early" not in names and names.count("late") == 1
    assert not set(seen) & set(names)
    assert len(seen) + len(names) == count - 1 == 38


async def test_page_size_defaults_to_50_and_is_capped_at_100(gql, runtime):
    alice = await make_account(runtime, "alice")
    project = await make_project(runtime, alice)
    await make_runs(runtime, project, [{} for _ in range(120)])
    query = """query($first: Int) { project(name: "p", entityName: "alice") {
        runs(first: $first) { edges { node { name } } pageInfo { hasNextPage } } } }"""
    default = (await gql.data(query, {}, key=alice.key))["project"]["runs"]
    capped = (await gql.data(query, {"first": 500}, key=alice.key))["project"]["runs"]
    assert len(default["edges"]) == 50 and default["pageInfo"]["hasNextPage"]
    assert len(capped["edges"]) == 100 and capped["pageInfo"]["hasNextPage"]


async def test_runs_answer_the_client_fragment(gql, runtime):
    alice = await make_account(runtime, "alice")
    project = await make_project(runtime, alice)
    await make_runs(
        runtime,
        project,
        [
            dict(
                name="abc",
                display_name="nice",
                tags=["x"],
                group_name="g",
                job_type="train",
                sweep_name="s",
                git_commit="c0ffee",
                user_id=alice.id,
            )
        ],
    )
    data = await gql.data(RUNS_QUERY, {"project": "p", "entity": "alice", "filters": "{}"}, key=alice.key)
    node = data["project"]["runs"]["edges"][0]["node"]
    assert node["projectId"] == project.id and isinstance(node["projectId"], int)
    assert (
        node["name"],
        node["displayName"],
        node["tags"],
        node["group"],
        node["jobType"],
        node["sweepName"],
        node["commit"],
    ) == ("abc", "nice", ["x"], "g", "train", "s", "c0ffee")
    assert node["user"] == {"name": "alice", "username": "alice"}
    assert data["project"]["runCount"] == 1


@pytest.mark.parametrize(
    "variables, message",
    [
        (
            {"filters": '{"summary_metrics.acc": {"$foo": 1}}'},
            "unknown operator $foo in filters at summary_metrics.acc",
        ),
        ({"filters": "{oops"}, "filters is not valid JSON"),
        ({"order": "+config."}, "invalid order '+config.'"),
        ({"cursor": "not-a-cursor"}, "invalid cursor"),
        ({"cursor": "WzEsIDJd", "order": "-summary_metrics.acc"}, "the cursor does not belong to order"),
    ],
)
async def test_bad_arguments_are_bad_user_input(gql, runtime, variables, message):
    alice = await make_account(runtime, "alice")
    await make_project(runtime, alice)
    status, error = await gql.error(RUNS_QUERY, {"project": "p", "entity": "alice", **variables}, key=alice.key)
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert message in error["message"]


async def test_counts_of_many_projects_with_different_filters(gql, runtime):
    alice = await make_account(runtime, "alice")
    for name, states in (("p1", ["finished", "running"]), ("p2", ["finished"] * 3), ("p3", [])):
        project = await make_project(runtime, alice, name)
        await make_runs(runtime, project, [dict(state=s) for s in states])
    query = """{ models(entityName: "alice") { edges { node { name
        all: runCount
        finished: runCount(filters: "{\\"state\\": \\"finished\\"}") } } } }"""
    edges = (await gql.data(query, key=alice.key))["models"]["edges"]
    assert {e["node"]["name"]: (e["node"]["all"], e["node"]["finished"]) for e in edges} == {
        "p1": (2, 1),
        "p2": (3, 3),
        "p3": (0, 0),
    }


GET_PROJECTS = """
    query GetProjects($entity: String, $cursor: String, $perPage: Int = 50) {
      models(entityName: $entity, after: $cursor, first: $perPage) {
        pageInfo {
          ...PageInfoFragment
        }
        edges {
          node {
            ...ProjectFragment
          }
        }
      }
    }

    fragment ApiKeyFragment on ApiKey {
      id
      name
      description
    }

    fragment PageInfoFragment on PageInfo {
      __typename
      endCursor
      hasNextPage
    }

    fragment ProjectFragment on Project {
      __typename
      id
      name
      entityName
      createdAt
      isBenchmark
      user {
        ...UserFragment
      }
    }

    fragment UserFragment on User {
      id
      name
      username
      email
      admin
      flags
      entity
      deletedAt
      apiKeys {
        edges {
          node {
            ...ApiKeyFragment
          }
        }
      }
      teams {
        edges {
          node {
            name
          }
        }
      }
    }"""


async def test_get_projects_pages_through_every_project(gql, runtime):
    alice = await make_account(runtime, "alice")
    for index in range(5):
        await make_project(runtime, alice, f"proj{index}")
    names, cursor = [], None
    while True:
        models = (await gql.data(GET_PROJECTS, {"entity": "alice", "cursor": cursor, "perPage": 2}, key=alice.key))[
            "models"
        ]
        names += [edge["node"]["name"] for edge in models["edges"]]
        assert all(edge["node"]["user"]["username"] == "alice" for edge in models["edges"])
        if not models["pageInfo"]["hasNextPage"]:
            break
        cursor = models["pageInfo"]["endCursor"]
    assert sorted(names) == [f"proj{i}" for i in range(5)] and len(names) == 5


async def test_run_query_answers_config_summary_and_history_keys(gql, runtime):
    alice = await make_account(runtime, "alice")
    project = await make_project(runtime, alice)
    await make_runs(
        runtime,
        project,
        [
            dict(
                name="abc",
                config={"lr": 0.1},
                summary={"acc": 0.5},
                last_step=4,
                history_keys={"loss": {"number": 5}},
                user_id=alice.id,
            )
        ],
    )
    data = await gql.data(RUN_QUERY, {"project": "p", "entity": "alice", "name": "abc"}, key=alice.key)
    run = data["project"]["run"]
    assert run["projectId"] == project.id
    assert json.loads(run["config"]) == {"lr": {"value": 0.1}}
    assert json.loads(run["summaryMetrics"]) == {"acc": 0.5}
    assert run["historyKeys"] == {"lastStep": 4, "keys": {"loss": {"typeCounts": [{"type": "number", "count": 5}]}}}


async def test_the_first_page_counts_the_matching_runs_in_its_own_statement(gql, runtime, crowd):
    alice, _, runs = crowd
    kept = [r for r in runs if lr_of(int(r.name[3:])) > 0.01]
    variables = {
        "project": "p",
        "entity": "alice",
        "perPage": 4,
        "order": "-summary_metrics.acc",
        "filters": json.dumps({"config.lr": {"$gt": 0.01}}),
    }
    with recorded_statements(runtime.engine) as statements:
        first = (await gql.data(RUNS_QUERY, variables, key=alice.key))["project"]
    on_runs = [s for s in statements if " FROM run " in f"{s} " or " FROM run JOIN" in s]
    assert first["runCount"] == len(kept) == 27
    assert len(on_runs) == 1 and "count(*)" in on_runs[0].lower()
    # Later pages (a cursor) count separately.
    cursor = first["runs"]["pageInfo"]["endCursor"]
    later = (await gql.data(RUNS_QUERY, {**variables, "cursor": cursor}, key=alice.key))["project"]
    assert later["runCount"] == 27 and len(later["runs"]["edges"]) == 4
    # A failing first page releases the count it promised (runCount counts for itself, no hang).
    _, error = await gql.error(RUNS_QUERY, {**variables, "order": "+config."}, key=alice.key)
    assert "invalid order" in error["message"]


async def test_a_first_page_without_matches_counts_zero(gql, crowd):
    alice, _, _ = crowd
    variables = {"project": "p", "entity": "alice", "filters": json.dumps({"config.lr": {"$gt": 1e9}})}
    project = (await gql.data(RUNS_QUERY, variables, key=alice.key))["project"]
    assert project["runCount"] == 0 and project["runs"]["edges"] == []


async def test_a_lightweight_page_leaves_the_documents_unread(gql, runtime, crowd):
    alice, _, runs = crowd
    statements: list[str] = []

    def record(conn, cursor, statement, *args):
        statements.append(" ".join(statement.split()))

    variables = {"project": "p", "entity": "alice", "perPage": 3, "order": "+name"}
    event.listen(runtime.engine.sync_engine, "before_cursor_execute", record)
    try:
        light = (await gql.data(RUNS_QUERY, variables, key=alice.key))["project"]["runs"]["edges"]
    finally:
        event.remove(runtime.engine.sync_engine, "before_cursor_execute", record)
    (page,) = [s for s in statements if " JOIN (SELECT" in s]
    assert "run.name" in page and "run.config" not in page and "run.summary" not in page
    # A selection that reads a document gets whole rows.
    full_query = RUNS_QUERY.replace("    historyLineCount\n", "    historyLineCount\n    config\n    summaryMetrics\n")
    full = (await gql.data(full_query, variables, key=alice.key))["project"]["runs"]["edges"]
    by_name = {r.name: r for r in runs}
    assert [e["node"]["name"] for e in full] == [e["node"]["name"] for e in light] == sorted(by_name)[:3]
    for edge in full:
        run = by_name[edge["node"]["name"]]
        assert json.loads(edge["node"]["config"]) == (run.config or {})
        assert json.loads(edge["node"]["summaryMetrics"]) == (run.summary or {})
