"""orjson where it reads and writes the same values as json, json where it does not."""

from __future__ import annotations

import json
import math

from app.domain.history_reads import _decode_restricted
from tests.test_run_queries_support import add_history, make_project, make_runs


def test_history_lines_decode_as_json_reads_them():
    lines = ['{"_step":0,"loss":0.5,"name":"é","h":{"bins":[1,2]}}',
             '{"_step":1,"loss":0.00012345678901234567,"h":{"bins":[18446744073709551616]}}',
             '{"_step":2,"loss":-123456789012345678901,"name":"\\ud800"}']
    keys = ["_step", "loss", "h", "name"]
    for count in (1, 2, 3):
        assert _decode_restricted(lines[:count], keys) == json.loads(f"[{','.join(lines[:count])}]")
    decoded = _decode_restricted(lines, keys)
    assert type(decoded[1]["h"]["bins"][0]) is int and type(decoded[2]["loss"]) is int  # orjson reads floats
    assert math.isnan(_decode_restricted(['{"v":NaN}'], ["v"])[0]["v"])  # orjson refuses NaN; json reads it
    assert _decode_restricted(['{"_step":3,"a":1,"b":2}'], ["_step", "b"]) == [{"_step": 3, "b": 2}]


async def test_answers_keep_integers_past_64_bits_and_non_ascii_text(gql, runtime, alice):
    """orjson writes the answer unless it cannot (an integer past 64 bits: json writes it)."""
    project = await make_project(runtime, alice)
    [run] = await make_runs(runtime, project, [dict()])
    await add_history(runtime, run, [{"_step": 0, "big": 2**70, "name": "é"}, {"_step": 1, "big": 1, "name": "ü"}])
    spec = json.dumps({"keys": ["big", "name"], "samples": 10})
    query = """query ($spec: JSONString!) { project(name: "p", entityName: "alice") {
        run(name: "run000") { sampledHistory(specs: [$spec]) history } } }"""
    data = await gql.data(query, {"spec": spec}, key=alice.key)
    assert data["project"]["run"]["sampledHistory"] == [
        [{"_step": 0, "big": 2**70, "name": "é"}, {"_step": 1, "big": 1, "name": "ü"}]]
    assert [json.loads(line)["name"] for line in data["project"]["run"]["history"]] == ["é", "ü"]
    plain = await gql.data('{ project(name: "p", entityName: "alice") { run(name: "run000") { history } } }',
                           key=alice.key)
    assert json.loads(plain["project"]["run"]["history"][0])["big"] == 2**70
