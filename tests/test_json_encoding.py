"""orjson where it reads and writes the same values as json, json where it does not."""

from __future__ import annotations

import json
import math

from app.api.view import GraphQLApp
from app.domain.history_reads import _decode_restricted


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


def test_answers_encode_with_orjson_and_fall_back_to_json_past_64_bits():
    encode = GraphQLApp.encode_json.__get__(object.__new__(GraphQLApp))
    answer = {"data": {"history": ['{"a":1}', "é"], "n": 2**63 - 1, "x": 0.1, "ok": True, "none": None}}
    assert json.loads(encode(answer)) == answer
    big = {"data": {"n": 2**70}}
    assert encode(big) == json.dumps(big, separators=(",", ":"))
