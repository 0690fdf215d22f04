"""Bad input is refused with a clear error naming the problem, on both dialects; never a 500."""

import json

from sqlalchemy import func, select

from app.db import tables
from tests.support import make_account

UPSERT = """mutation($name: String, $config: JSONString) {
  upsertBucket(input: {name: $name, modelName: "p", config: $config}) { bucket { name config } }
}"""


async def _run_count(runtime) -> int:
    async with runtime.session_factory() as session:
        return await session.scalar(select(func.count()).select_from(tables.Run))


async def test_overlong_or_malformed_run_id_is_bad_input(gql, runtime):
    alice = await make_account(runtime, "alice")
    for name in ("a" * 129, "with/slash", "tab\there"):
        status, error = await gql.error(UPSERT, {"name": name}, key=alice.key)
        assert status == 400 and error["extensions"]["code"] == "BAD_USER_INPUT"
        assert "invalid run id" in error["message"]
    assert await _run_count(runtime) == 0


async def test_nul_characters_are_stored_as_replacement_characters(gql, runtime):
    alice = await make_account(runtime, "alice")
    config = json.dumps({"note": {"value": "a\u0000b"}})
    data = await gql.data(UPSERT, {"name": "r1", "config": config}, key=alice.key)
    assert json.loads(data["upsertBucket"]["bucket"]["config"])["note"]["value"] == "a\ufffdb"


async def test_int64_out_of_range_is_bad_input(gql, runtime):
    alice = await make_account(runtime, "alice")
    await gql.data(UPSERT, {"name": "r1"}, key=alice.key)
    query = '{ project(name: "p", entityName: "alice") { run(name: "r1") { history(minStep: 99999999999999999999, maxStep: 5, samples: 10) } } }'
    status, error = await gql.error(query, key=alice.key)
    assert error["extensions"]["code"] == "BAD_USER_INPUT" and "Int64" in error["message"]


async def _stream(gql, key: str, files: dict) -> tuple[int, dict]:
    response = await gql.http.post("/files/alice/p/r1/file_stream", json={"files": files}, auth=("api", key))
    return response.status_code, response.json()


async def test_file_stream_values_beyond_the_columns(gql, runtime):
    alice = await make_account(runtime, "alice")
    await gql.data(UPSERT, {"name": "r1"}, key=alice.key)

    status, body = await _stream(
        gql, alice.key, {"wandb-history.jsonl": {"offset": 2**70, "content": ['{"_step": 1}']}}
    )
    assert status == 400 and "offset must be a non-negative integer" in body["errors"][0]["message"]

    huge = '{"_step": 99999999999999999999999, "loss": 1}'
    status, body = await _stream(
        gql,
        alice.key,
        {"wandb-history.jsonl": {"offset": 0, "content": [huge]}, "output.log": {"offset": 0, "content": ["a\u0000b"]}},
    )
    assert status == 400 and "wandb-history.jsonl line 0: _step must be an integer" in body["errors"][0]["message"]
    status, _ = await _stream(
        gql,
        alice.key,
        {
            "wandb-history.jsonl": {"offset": 0, "content": ['{"_step": 0}']},
            "output.log": {"offset": 0, "content": ["a\u0000b"]},
        },
    )
    assert status == 200
    async with runtime.session_factory() as session:
        steps = (await session.scalars(select(tables.HistoryRow.step))).all()
        console = (await session.scalars(select(tables.ConsoleLine.text))).all()
    assert steps == [0] and console == ["a\ufffdb"]


async def test_filters_with_integers_past_64_bits_compare_as_floats(gql, runtime):
    alice = await make_account(runtime, "alice")
    await gql.data(UPSERT, {"name": "r1", "config": json.dumps({"big": {"value": 1e30}})}, key=alice.key)
    query = """query($f: JSONString) { project(name: "p", entityName: "alice") {
        runCount(filters: $f) runs(filters: $f) { edges { node { name } } } } }"""
    for filters, expected in (
        ({"config.big": {"$gt": 99999999999999999999999999}}, 1),
        ({"config.big": {"$in": [99999999999999999999999999]}}, 0),
    ):
        data = await gql.data(query, {"f": json.dumps(filters)}, key=alice.key)
        assert data["project"]["runCount"] == expected == len(data["project"]["runs"]["edges"])


def test_rest_routes_answer_refused_values_with_400_and_outages_with_503():
    from sqlalchemy.exc import DataError, OperationalError

    from app.rest.auth import database_error_response

    refused = database_error_response(DataError("INSERT", {}, Exception("value too long for type varchar(128)")))
    outage = database_error_response(OperationalError("SELECT 1", {}, Exception("connection refused")))
    assert refused.status_code == 400 and b"value too long" in refused.body
    assert outage.status_code == 503


async def test_global_ids_past_64_bits_name_nothing(gql, runtime):
    from app.api import ids

    alice = await make_account(runtime, "alice")
    huge = ids.encode("User", 2**70)
    data = await gql.data(
        "query($id: ID!, $ids: [ID!]!) { node(id: $id) { id } nodes(ids: $ids) { id } }",
        {"id": huge, "ids": [huge, ids.encode("Run", -1)]},
        key=alice.key,
    )
    assert data == {"node": None, "nodes": [None, None]}
    status, error = await gql.error(
        "mutation($id: String!) { deleteApiKey(input: {id: $id}) { success } }",
        {"id": ids.encode("ApiKey", 2**70)},
        key=alice.key,
    )
    assert error["extensions"]["code"] == "BAD_USER_INPUT" and "64-bit" in error["message"]
