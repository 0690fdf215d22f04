"""The GraphQL cost budget (app/api/cost.py): every operation the wandb client sends fits with the
client's own arguments; a request that would read millions of rows is refused before it runs, with
the limit and its cost; samples are capped."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from graphql import parse

from app.api.cost import MAX_COST, request_cost
from app.api.schema import schema
from app.domain.history_reads import MAX_SAMPLES
from tests.support import make_account, recorded_statements
from tests.support.run_queries import add_history, make_project, make_runs

CATALOG = Path(__file__).resolve().parents[3] / "shared" / "wandb" / "operations_catalog.txt"
if not CATALOG.exists():
    CATALOG = Path("/work/shared/wandb/operations_catalog.txt")

# The largest arguments the client sends on its own, or that its public API lets a user choose:
# Api().runs(per_page=...), scan_history's page_size 1,000, run.history(samples=...) up to the cap,
# the 5,000 artifact file URLs per page it asks for, and projects 200 per page.
REALISTIC = {
    "Runs": [{"perPage": 50}, {"perPage": 1000}, {"perPage": 100_000}],
    "HistoryPage": [{"pageSize": 1000}],
    "RunFullHistory": [{"samples": 500}, {"samples": MAX_SAMPLES}],
    "SampledHistoryPage": [
        {"spec": json.dumps({"keys": ["_step", "loss"], "samples": 500})},
        {"spec": json.dumps({"keys": ["_step", "loss"], "samples": MAX_SAMPLES})},
    ],
    "GetArtifactMembershipFileUrls": [{"perPage": 5000}],
    "ArtifactMembershipFiles": [{"perPage": 1000}],
    "GetProjects": [{"perPage": 200}],
    "RunFiles": [{"fileLimit": 1000}],
}


def catalog_operations() -> list[tuple[str, str, dict]]:
    """(operation name, query text, example variables) for every variant in the client's catalogue."""
    operations = []
    for block in CATALOG.read_text().split("#" * 100)[1:]:
        found = re.search(r"^OPERATION (\S+)", block, re.MULTILINE)
        if not found:
            continue
        parts = re.split(r"\n  --- (.*?):\n", block)
        variants, variables = [], {}
        for title, body in zip(parts[1::2], parts[2::2], strict=True):
            text = "\n".join(line[4:] for line in body.splitlines())
            if title.startswith("query text"):
                variants.append(text)
            elif title == "example variables":
                variables = json.loads(text.strip() or "null") or {}
        operations += [(found.group(1), text, variables) for text in variants]
    return operations


OPERATIONS = catalog_operations()


def test_the_catalogue_is_read_whole():
    names = {name for name, _, _ in OPERATIONS}
    assert len(names) >= 30 and {"Runs", "HistoryPage", "GetArtifactMembershipFileUrls", "UpsertBucket"} <= names


@pytest.mark.parametrize(("name", "query", "variables"), OPERATIONS, ids=[o[0] for o in OPERATIONS])
def test_every_client_operation_fits_the_budget(name, query, variables):
    document = parse(query)
    for overrides in [{}] + REALISTIC.get(name, []):
        cost = request_cost(schema._schema, document, {**variables, **overrides})
        assert 0 < cost <= MAX_COST, (name, overrides, cost)


def test_costs_follow_the_list_sizes():
    def cost(query: str, variables: dict | None = None) -> int:
        return request_cost(schema._schema, parse(query), variables)

    one_run = '{ project(name: "p") { run(name: "r") { history(samples: 1000) } } }'
    assert cost(one_run) == 1 + 1 + 1000
    assert (
        cost('query($n: Int) { project(name: "p") { run(name: "r") { history(samples: $n) } } }', {"n": 10})
        == 1 + 1 + 10
    )
    assert cost('{ project(name: "p") { run(name: "r") { history(samples: 999999999) } } }') == 2 + MAX_SAMPLES
    assert cost('{ project(name: "p") { run(name: "r") { history } } }') == 2 + 500  # the default sample
    paged = "query($n: Int) { models(first: $n) { edges { node { name } } } }"
    assert cost(paged, {"n": 100}) == 1 + 100 * 3 and cost(paged) == 1 + 50 * 3  # edges, node, name
    assert cost(paged, {"n": 100_000}) == 1 + 100 * 3  # a page holds at most 100 projects
    assert (
        cost(
            '{ project(name: "p") { run(name: "r") { ...H a: history(samples: 5) } } } '
            "fragment H on Run { history(samples: 7) }"
        )
        == 2 + 12
    )


async def test_thirty_aliases_of_a_hundred_thousand_samples_are_refused_before_running(gql, runtime):
    aliases = " ".join(f"h{i}: history(samples: 100000)" for i in range(30))
    query = f'{{ project(name: "p", entityName: "alice") {{ run(name: "r") {{ {aliases} }} }} }}'
    with recorded_statements(runtime.engine) as statements:
        response = await gql.post(query)
    assert response.status_code == 400, response.text
    error = response.json()["errors"][0]
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert error["extensions"]["maxCost"] == MAX_COST and error["extensions"]["cost"] == 2 + 30 * 100_000
    assert f"{MAX_COST:,}" in error["message"] and "3,000,002" in error["message"]
    assert statements == []


async def test_nested_pages_multiply(gql, runtime):
    alice = await make_account(runtime, "alice")
    query = """{ models(entityName: "alice", first: 100) { edges { node {
        runs(first: 100) { edges { node { history(samples: 1000) } } } } } } }"""
    status, error = await gql.error(query, key=alice.key)
    assert status == 400 and error["extensions"]["cost"] > 1_000_000


async def test_one_large_sample_runs_and_is_capped(gql, runtime):
    alice = await make_account(runtime, "alice")
    project = await make_project(runtime, alice)
    (run,) = await make_runs(runtime, project, [dict()])
    await add_history(runtime, run, [{"_step": step, "loss": 1 / (step + 1)} for step in range(20)])
    query = (
        'query($n: Int) { project(name: "p", entityName: "alice") { run(name: "run000") { history(samples: $n) } } }'
    )
    for samples in (MAX_SAMPLES, 2**31 - 1):
        rows = (await gql.data(query, {"n": samples}, key=alice.key))["project"]["run"]["history"]
        assert [json.loads(row)["_step"] for row in rows] == list(range(20))


async def test_the_client_s_catalogue_passes_the_server_s_budget(gql, runtime):
    alice = await make_account(runtime, "alice")
    for name, query, variables in OPERATIONS:
        for overrides in [{}] + REALISTIC.get(name, []):
            response = await gql.post(query, {**variables, **overrides}, key=alice.key)
            assert response.status_code < 500, (name, response.text)
            for error in response.json().get("errors") or []:
                assert "maxCost" not in (error.get("extensions") or {}), (name, overrides, error)
