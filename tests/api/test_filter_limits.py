"""Run filters cannot stall or crash the server: $regex runs in linear time (RE2) with a bounded
pattern, invalid patterns and deep nesting are BAD_USER_INPUT naming the problem, on both dialects."""

from __future__ import annotations

import asyncio
import json

import pytest

from app.db.regex import MAX_PATTERN_LENGTH
from app.domain.run_filters import MAX_NESTING
from tests.support import make_account
from tests.support.run_queries import make_project, make_runs
from tests.support.wandb_queries import RUNS_QUERY


# Against 30 a's and a '!', ^(a|a)+$ took Python's backtracking re 54 s inside SQLite's thread; against
# 40 it would take some 2**10 times longer, so a stall cannot pass for a slow machine.
LONG = "a" * 40 + "!"
HANG_GUARD_SECONDS = 60


@pytest.fixture
async def alice_runs(runtime):
    alice = await make_account(runtime, "alice")
    project = await make_project(runtime, alice)
    await make_runs(
        runtime,
        project,
        [
            dict(name="long", display_name=LONG, tags=[LONG], summary={"note": LONG}),
            dict(name="short", display_name="aaa", tags=["aaa"], summary={"note": "aaa"}),
        ],
    )
    return alice


async def run_names(gql, alice, filters) -> set[str]:
    data = await gql.data(
        RUNS_QUERY, {"project": "p", "entity": "alice", "filters": json.dumps(filters)}, key=alice.key
    )
    return {edge["node"]["name"] for edge in data["project"]["runs"]["edges"]}


async def refusal(gql, alice, filters: str) -> str:
    """The message of a refused filter (runs sits under project, so the answer's status stays 200)."""
    status, error = await gql.error(RUNS_QUERY, {"project": "p", "entity": "alice", "filters": filters}, key=alice.key)
    assert error["extensions"]["code"] == "BAD_USER_INPUT" and error["path"][0] == "project", error
    return error["message"]


@pytest.mark.parametrize("key", ["displayName", "tags", "summary_metrics.note"])
async def test_a_catastrophic_pattern_matches_in_linear_time(gql, alice_runs, key):
    catastrophic = run_names(gql, alice_runs, {key: {"$regex": "^(a|a)+$"}})
    assert await asyncio.wait_for(catastrophic, HANG_GUARD_SECONDS) == {"short"}
    assert await run_names(gql, alice_runs, {key: {"$regex": "^A+!$", "$options": "i"}}) == {"long"}


async def test_a_pattern_at_the_length_limit_runs_and_a_longer_one_is_refused(gql, alice_runs):
    at_limit = "a" * (MAX_PATTERN_LENGTH - 5) + "(!|x)"
    assert len(at_limit) == MAX_PATTERN_LENGTH
    assert await run_names(gql, alice_runs, {"displayName": {"$regex": at_limit}}) == set()
    assert await run_names(gql, alice_runs, {"displayName": {"$regex": "a" * 39 + "a!"}}) == {"long"}
    message = await refusal(gql, alice_runs, json.dumps({"displayName": {"$regex": "a" * (MAX_PATTERN_LENGTH + 1)}}))
    assert f"is {MAX_PATTERN_LENGTH + 1} characters long; the limit is {MAX_PATTERN_LENGTH}" in message


@pytest.mark.parametrize(
    "pattern, reason",
    [
        ("(", "missing )"),
        ("a{2,1}", "invalid repetition size"),
        ("(a)\\1", "invalid escape sequence"),  # backreferences would need backtracking
        ("((a{100}){100}){100}", "invalid repetition size"),  # a program of 10**6 states,
    ],
)
async def test_invalid_patterns_are_refused_with_the_reason(gql, alice_runs, pattern, reason):
    message = await refusal(gql, alice_runs, json.dumps({"summary_metrics.note": {"$regex": pattern}}))
    assert "in filters at summary_metrics.note is not a valid regular expression (RE2 syntax)" in message
    assert reason in message


async def test_a_pattern_only_the_database_refuses_is_bad_input(gql, alice_runs, runtime):
    # RE2 takes Python-style named groups; PostgreSQL's engine does not ("invalid embedded option").
    filters = {"displayName": {"$regex": "(?P<run>a+)!"}}
    if runtime.dialect == "sqlite":
        assert await run_names(gql, alice_runs, filters) == {"long"}
        return
    message = await refusal(gql, alice_runs, json.dumps(filters))
    assert "the database refused a value in the request: invalid regular expression" in message


def nested(depth: int) -> dict:
    """A filter of ``depth`` $and levels around one condition (2 objects/lists per level)."""
    filters: dict = {"name": "short"}
    for _ in range(depth):
        filters = {"$and": [filters]}
    return filters


async def test_filters_nested_up_to_the_limit_run(gql, alice_runs):
    depth = (MAX_NESTING - 2) // 2  # the innermost {"name": ...} is one level, plus its own
    assert await run_names(gql, alice_runs, nested(depth)) == {"short"}


@pytest.mark.parametrize("depth", [MAX_NESTING // 2 + 1, 500, 100_000])
async def test_filters_nested_too_deep_are_refused_naming_the_limit(gql, alice_runs, depth):
    text = '{"$and": [' * depth + '{"name": "short"}' + "]}" * depth  # json.dumps would recurse too deep
    assert depth > 100 or json.loads(text) == nested(depth)
    message = await refusal(gql, alice_runs, text)
    assert f"filters nest objects and lists more than {MAX_NESTING} levels deep; the limit is {MAX_NESTING}" in message
