"""orjson where it reads and writes the same values as json, json where it does not; on PostgreSQL,
asyncpg connections read and write JSON with Labbook's codec (app/db/engine.py)."""

from __future__ import annotations

import json
import math

import pytest
from sqlalchemy import select, text

from app.db import engine as engine_module
from app.db import tables
from app.db.engine import make_engine
from app.db.types import dumps, revive_non_finite
from app.domain.history_reads import _decode_restricted
from tests.support.run_queries import add_history, make_project, make_runs
from tests.support.tracking import UPSERT_BUCKET, lines, one, post_stream


def test_history_lines_decode_as_json_reads_them():
    lines = [
        '{"_step":0,"loss":0.5,"name":"é","h":{"bins":[1,2]}}',
        '{"_step":1,"loss":0.00012345678901234567,"h":{"bins":[18446744073709551616]}}',
        '{"_step":2,"loss":-123456789012345678901,"name":"\\ud800"}',
    ]
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
        [{"_step": 0, "big": 2**70, "name": "é"}, {"_step": 1, "big": 1, "name": "ü"}]
    ]
    assert [json.loads(line)["name"] for line in data["project"]["run"]["history"]] == ["é", "ü"]
    plain = await gql.data(
        '{ project(name: "p", entityName: "alice") { run(name: "run000") { history } } }', key=alice.key
    )
    assert json.loads(plain["project"]["run"]["history"][0])["big"] == 2**70


# --- JSON on PostgreSQL's asyncpg connections: Labbook's codec, not SQLAlchemy's ---------------------

STORED = '{"big":123456789012345678901234567890,"v":"NaN","w":"-Infinity","s":"é"}'
READ_BACK = {"big": 123456789012345678901234567890, "v": "NaN", "w": "-Infinity", "s": "é"}


def _refuse(text):
    raise AssertionError(f"SQLAlchemy's JSON decoder was asked to decode {text!r}")


async def test_pooled_asyncpg_connections_read_json_with_labbooks_codec(database_url):
    """The raw asyncpg connection under a pooled connection (the file_stream hot path's) and the
    session on it read json and jsonb with app.db.engine's codec, even with SQLAlchemy's own decoder
    broken: integers past 64 bits stay exact, stored spellings of NaN and infinities stay strings."""
    if not database_url.startswith("postgresql"):
        pytest.skip("asyncpg codecs are PostgreSQL's")
    engine = make_engine(database_url)
    engine.dialect._json_deserializer = _refuse  # what SQLAlchemy's own codecs (json_deserializer=) would call
    try:
        async with engine.connect() as connection:
            driver = (await connection.get_raw_connection()).driver_connection
            assert await driver.fetchval("SELECT $1::jsonb", STORED) == READ_BACK
            assert await driver.fetchval("SELECT $1::json", STORED) == READ_BACK
            assert await driver.fetchval("SELECT $1::json[]", [STORED, "[1]"]) == [READ_BACK, [1]]
            assert await driver.fetchval("SELECT $1::jsonb", STORED) == engine_module.decode_jsonb(
                engine_module.encode_jsonb(STORED)
            )
            assert await connection.scalar(text("SELECT CAST(:v AS jsonb)"), {"v": STORED}) == READ_BACK
            read = await driver.fetchval("SELECT $1::jsonb", dumps({"v": math.nan, "big": 2**70}))
            assert type(read["big"]) is int and math.isnan(revive_non_finite(read)["v"])
            with pytest.raises(TypeError, match="a JSON parameter must be JSON text"):
                engine_module.encode_jsonb({"not": "text"})
    finally:
        await engine.dispose()


async def test_labbooks_codec_survives_a_renewed_pool(database_url):
    """bulk renews the pool after the server dropped a connection; the new pool's connections get
    the codec too."""
    if not database_url.startswith("postgresql"):
        pytest.skip("asyncpg codecs are PostgreSQL's")
    engine = make_engine(database_url)
    engine.dialect._json_deserializer = _refuse
    try:
        await engine.dispose(close=False)
        async with engine.connect() as connection:
            driver = (await connection.get_raw_connection()).driver_connection
            assert await driver.fetchval("SELECT $1::jsonb", STORED) == READ_BACK
    finally:
        await engine.dispose()


async def test_file_stream_round_trips_big_integers_and_non_finite_numbers(http, gql, runtime, alice):
    """Through the hot path's writes (summary, history key counts) and the lookup's reads (the run's
    history keys), on both dialects."""
    await gql.data(UPSERT_BUCKET, {"name": "r1", "project": "p", "entity": "alice"}, key=alice.key)
    line = '{"_step": 0, "big": 123456789012345678901234567890, "v": NaN}'
    for offset in (0, 1):
        files = {
            **lines("wandb-history.jsonl", offset, [line.replace('"_step": 0', f'"_step": {offset}')]),
            **lines("wandb-summary.json", 0, [line]),
        }
        response = await post_stream(http, "alice/p/r1", {"files": files}, key=alice.key)
        assert response.status_code == 200, response.text
    run = await one(runtime, select(tables.Run).where(tables.Run.name == "r1"))
    assert run.summary == {"_step": 0, "big": 123456789012345678901234567890, "v": "NaN"}
    assert type(run.summary["big"]) is int
    assert run.history_keys["big"] == {"number": 2} and run.history_keys["v"] == {"number": 2}
