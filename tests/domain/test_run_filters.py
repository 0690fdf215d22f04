"""The filter language compiled to SQL, executed against real runs on both dialects."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from sqlalchemy import select

from app.db import tables
from app.domain.errors import BadInput
from app.domain.run_filters import filter_clause, parse_filters
from app.domain.run_order import parse_order
from tests.support import make_account
from tests.support.run_queries import T0, make_project, make_runs


@pytest.fixture
async def catalog(runtime):
    alice = await make_account(runtime, "alice")
    bob = await make_account(runtime, "bob")
    project = await make_project(runtime, alice)
    await make_runs(
        runtime,
        project,
        [
            dict(
                name="r0",
                display_name="Alpha",
                state="finished",
                group_name="g1",
                job_type="train",
                user_id=alice.id,
                tags=["baseline", "a"],
                config={
                    "lr": 0.01,
                    "batch": 32,
                    "opt": {"name": "adam", "beta": 0.9},
                    "flag": True,
                    "layers": [64, 32],
                    "a.b": 5,
                },
                summary={"acc": 0.9, "loss": 0.5, "eval.acc": 0.7, "val": {"acc": 0.8}, "best": "NaN"},
            ),
            dict(
                name="r1",
                display_name="beta",
                state="running",
                group_name="g1",
                job_type="eval",
                user_id=bob.id,
                tags=["b"],
                config={"lr": 0.05, "batch": 64, "flag": False, "layers": [64]},
                summary={"acc": 0.95, "loss": 9},
            ),
            dict(name="r2", display_name=None, state="crashed", tags=[], config={"lr": "0.1"}, summary={"acc": "n/a"}),
            dict(
                name="r3",
                display_name="gamma",
                state="finished",
                tags=None,
                config={"lr": 0.1},
                summary={"acc": None, "loss": 10},
            ),
            dict(
                name="r4",
                display_name="delta",
                state="finished",
                sweep_name="sw1",
                tags=["baseline"],
                created_at=T0 + timedelta(days=30),
                history_keys={"loss": {"number": 3}},
            ),
        ],
    )
    return project


async def matching(runtime, project, filters, *, scoped: bool = True) -> set[str]:
    """The runs ``filters`` selects, the index ranges confined to the project (as queries do) or not."""
    dialect = runtime.engine.dialect.name
    clause = filter_clause(parse_filters(json.dumps(filters)), dialect, [project.id] if scoped else None)
    async with runtime.session_factory() as session:
        names = await session.scalars(select(tables.Run.name).where(tables.Run.project_id == project.id, clause))
        return set(names)


ALL = {"r0", "r1", "r2", "r3", "r4"}

CASES = [
    # bare values and $eq on columns
    ({}, ALL),
    ({"state": "finished"}, {"r0", "r3", "r4"}),
    ({"state": {"$eq": "running"}}, {"r1"}),
    ({"state": {"$ne": "finished"}}, {"r1", "r2"}),
    ({"state": {"$in": ["running", "crashed"]}}, {"r1", "r2"}),
    ({"state": {"$nin": ["running", "crashed"]}}, {"r0", "r3", "r4"}),
    ({"name": {"$gt": "r2"}}, {"r3", "r4"}),
    ({"name": {"$gte": "r2", "$lt": "r4"}}, {"r2", "r3"}),
    ({"displayName": None}, {"r2"}),
    ({"display_name": {"$exists": True}}, {"r0", "r1", "r3", "r4"}),
    ({"displayName": {"$regex": "^[ab]"}}, {"r1"}),
    ({"displayName": {"$regex": "^[ab]", "$options": "i"}}, {"r0", "r1"}),
    ({"group": "g1", "jobType": "eval"}, {"r1"}),
    ({"sweep": "sw1"}, {"r4"}),
    # numbers compare as numbers, strings as strings; other JSON types never match
    ({"config.lr": {"$gt": 0.02}}, {"r1", "r3"}),
    ({"config.lr.value": {"$gt": 0.02}}, {"r1", "r3"}),
    ({"config.lr": "0.1"}, {"r2"}),
    ({"config.lr": 0.1}, {"r3"}),
    ({"config.lr": {"$lte": 0.05}}, {"r0", "r1"}),
    ({"summary_metrics.loss": {"$gt": 9}}, {"r3"}),
    ({"summary_metrics.loss": {"$gte": 9}}, {"r1", "r3"}),
    ({"summary_metrics.acc": {"$gt": "a"}}, {"r2"}),
    ({"summary_metrics.acc": {"$lt": 1}}, {"r0", "r1"}),
    ({"summary_metrics.acc": {"$ne": 0.9}}, {"r1", "r2", "r3", "r4"}),
    ({"summary_metrics.acc": {"$in": [0.9, "n/a"]}}, {"r0", "r2"}),
    ({"summary_metrics.acc": {"$nin": [0.9, "n/a"]}}, {"r1", "r3", "r4"}),
    ({"summary_metrics.acc": None}, {"r3", "r4"}),
    ({"summary_metrics.acc": {"$exists": True}}, {"r0", "r1", "r2", "r3"}),
    ({"summary_metrics.acc": {"$exists": False}}, {"r4"}),
    ({"summary_metrics.acc": {"$regex": "/"}}, {"r2"}),
    ({"summary_metrics.best": float("nan")}, {"r0"}),
    ({"config.flag": True}, {"r0"}),
    ({"config.flag": False}, {"r1"}),
    ({"config.layers": [64, 32]}, {"r0"}),
    # nested dotted paths, and flat keys that contain a dot
    ({"config.opt.name": "adam"}, {"r0"}),
    ({"config.opt.value.beta": {"$gte": 0.9}}, {"r0"}),
    ({"config.a.b": 5}, {"r0"}),
    ({"summary_metrics.val.acc": 0.8}, {"r0"}),
    ({"summary_metrics.eval.acc": {"$lt": 0.75}}, {"r0"}),
    ({"keys_info.keys.loss": {"$exists": True}}, {"r4"}),
    # tags
    ({"tags": "baseline"}, {"r0", "r4"}),
    ({"tags": {"$in": ["a", "b"]}}, {"r0", "r1"}),
    ({"tags": {"$nin": ["baseline"]}}, {"r1", "r2", "r3"}),
    ({"tags": {"$ne": "baseline"}}, {"r1", "r2", "r3"}),
    ({"tags": None}, {"r2", "r3"}),
    ({"tags": {"$exists": True}}, {"r0", "r1", "r4"}),
    ({"tags": {"$regex": "^base"}}, {"r0", "r4"}),
    ({"tags.baseline": True}, {"r0", "r4"}),
    ({"tags.baseline": False}, {"r1", "r2", "r3"}),
    ({"tags.a": {"$exists": True}}, {"r0"}),
    ({"$or": [{"tags": None}, {"tags": {"$ne": "b"}}]}, {"r0", "r2", "r3", "r4"}),
    # the user the run is attributed to
    ({"username": "alice"}, {"r0"}),
    ({"username": {"$in": ["alice", "bob"]}}, {"r0", "r1"}),
    ({"username": {"$ne": "alice"}}, {"r1", "r2", "r3", "r4"}),
    ({"username": {"$regex": "^b"}}, {"r1"}),
    # times
    ({"createdAt": {"$gte": (T0 + timedelta(minutes=1)).isoformat(), "$lt": "2026-01-01T00:03:00"}}, {"r1", "r2"}),
    ({"createdAt": {"$gt": "2026-01-15T00:00:00Z"}}, {"r4"}),
    ({"heartbeatAt": {"$lt": "2026-01-01T01:00:30"}}, {"r0"}),
    # logic
    ({"$and": [{"state": "finished"}, {"summary_metrics.loss": {"$exists": True}}]}, {"r0", "r3"}),
    ({"$or": [{"name": "r1"}, {"config.lr": 0.1}]}, {"r1", "r3"}),
    ({"$nor": [{"name": "r1"}, {"config.lr": 0.1}]}, {"r0", "r2", "r4"}),
    ({"$not": {"state": "finished"}}, {"r1", "r2"}),
    ({"summary_metrics.acc": {"$not": {"$gt": 0.92}}}, {"r0", "r2", "r3", "r4"}),
    ({"$and": []}, ALL),
    ({"$or": []}, set()),
    ({"$or": [{"$and": []}]}, ALL),
]


@pytest.mark.parametrize("filters, expected", CASES, ids=[json.dumps(c[0]) for c in CASES])
async def test_filter_selects(runtime, catalog, filters, expected):
    assert await matching(runtime, catalog, filters) == expected
    assert await matching(runtime, catalog, filters, scoped=False) == expected


async def test_long_in_lists_are_one_sql_in(runtime, catalog):
    # 2,000 OR-ed comparisons would exceed SQLite's expression depth (1,000).
    names = [f"x{i}" for i in range(2000)]
    assert await matching(runtime, catalog, {"name": {"$in": names + ["r1"]}}) == {"r1"}
    assert await matching(runtime, catalog, {"config.lr": {"$in": [i / 1000 for i in range(2000)] + ["0.1"]}}) == {
        "r0",
        "r1",
        "r2",
        "r3",
    }
    assert await matching(runtime, catalog, {"tags": {"$nin": names + ["b", None]}}) == {"r0", "r4"}
    assert await matching(runtime, catalog, {"createdAt": {"$in": [T0.isoformat()] * 1500}}) == {"r0"}


ERRORS = [
    ({"summary_metrics.acc": {"$foo": 1}}, "unknown operator $foo in filters at summary_metrics.acc"),
    ({"$or": [{"state": "x"}, {"config.lr": {"$bar": 1}}]}, "unknown operator $bar in filters at $or[1].config.lr"),
    ({"$where": "1"}, "unknown operator $where in filters"),
    ({"state": {"$in": "running"}}, '$in takes a list in filters at state, got "running"'),
    ({"tags": {"$nin": "a"}}, "$nin takes a list in filters at tags"),
    ({"$and": {"state": "x"}}, "$and takes a list of filters in filters"),
    ({"$or": ["state"]}, "expected a JSON object in filters at $or[0]"),
    ({"$or": [{"name": str(i)} for i in range(501)]}, "$or takes at most 500 filters in filters, got 501; "),
    ({"bogus": 1}, "unknown filter key 'bogus' in filters at bogus"),
    ({"config.": 1}, "key 'config.' has an empty name part in filters at config."),
    ({"summary_metrics.acc": {"$gt": True}}, "$gt compares numbers or strings in filters at summary_metrics.acc"),
    ({"summary_metrics.acc": {"$exists": 1}}, "$exists takes true or false in filters at summary_metrics.acc"),
    (
        {"summary_metrics.acc": {"$regex": "("}},
        '$regex "(" in filters at summary_metrics.acc is not a valid regular expression (RE2 syntax): missing )',
    ),
    ({"name": {"$regex": "a", "$options": "x"}}, "$options supports only 'i'"),
    ({"state": 3}, "state is compared with strings in filters at state, got 3"),
    ({"createdAt": {"$gt": "yesterday"}}, "createdAt is compared with ISO-8601 times in filters at createdAt"),
    ({"createdAt": {"$regex": "2026"}}, "$regex does not apply to createdAt in filters at createdAt"),
    ({"tags": {"$gt": "a"}}, "$gt does not apply to tags in filters at tags"),
    ({"tags": ["a", "b"]}, "tags are compared with one tag"),
    ({"tags": {"$in": ["a", 1]}}, "tags are compared with strings in filters at tags, got 1"),
    ({"state": {"$gt": "a", "x": 1}}, "may not mix operators and keys in filters at state"),
]


async def test_five_hundred_branches_run_on_both_dialects(runtime, catalog):
    branches = [{"name": f"x{i}"} for i in range(499)] + [{"config.lr": {"$gte": 0.05}}]
    assert await matching(runtime, catalog, {"$or": branches}) == {"r1", "r3"}


@pytest.mark.parametrize("filters, message", ERRORS, ids=[e[1][:40] for e in ERRORS])
def test_malformed_filters_name_the_problem(filters, message):
    with pytest.raises(BadInput) as raised:
        filter_clause(filters, "sqlite")
    assert message in raised.value.message


@pytest.mark.parametrize(
    "text, message",
    [
        ("{not json", "filters is not valid JSON: "),
        ("[1, 2]", "filters must be a JSON object, got [1, 2]"),
        ('"state"', "filters must be a JSON object"),
    ],
)
def test_filters_must_be_a_json_object(text, message):
    with pytest.raises(BadInput) as raised:
        parse_filters(text)
    assert message in raised.value.message


def test_absent_filters_select_everything():
    assert parse_filters(None) is None and parse_filters("") is None and parse_filters("null") is None
    assert parse_filters("{}") == {}


@pytest.mark.parametrize(
    "order, message",
    [
        ("+", "order '+' names no key"),
        ("-", "order '-' names no key"),
        ("+config.", "invalid order '+config.': key 'config.' has an empty name part"),
        ("-summary_metrics..acc", "invalid order '-summary_metrics..acc': key 'summary_metrics..acc' has an empty"),
    ],
)
def test_bad_order_keys(order, message):
    with pytest.raises(BadInput) as raised:
        parse_order(order, "sqlite")
    assert message in raised.value.message


async def sorted_names(runtime, project, order: str) -> list[str]:
    spec = parse_order(order, runtime.engine.dialect.name, [project.id])
    async with runtime.session_factory() as session:
        names = await session.scalars(
            spec.join_to(select(tables.Run.name).select_from(tables.Run))
            .where(tables.Run.project_id == project.id)
            .order_by(*spec.order_by())
        )
        return list(names)


@pytest.mark.parametrize(
    "order, expected",
    [
        (None, ["r0", "r1", "r2", "r3", "r4"]),
        ("-createdAt", ["r4", "r3", "r2", "r1", "r0"]),
        ("+name", ["r0", "r1", "r2", "r3", "r4"]),
        ("-display_name", ["r3", "r4", "r1", "r0", "r2"]),  # "gamma" > "delta" > "beta" > "Alpha", null last
        # numbers first (numerically), then strings, then runs without a value, in both directions
        ("+summary_metrics.loss", ["r0", "r1", "r3", "r2", "r4"]),
        ("-summary_metrics.loss", ["r3", "r1", "r0", "r4", "r2"]),
        ("+summary_metrics.acc", ["r0", "r1", "r2", "r3", "r4"]),
        ("-acc", ["r1", "r0", "r2", "r4", "r3"]),
        ("-config.lr", ["r3", "r1", "r0", "r2", "r4"]),
        ("+config.lr.value", ["r0", "r1", "r3", "r2", "r4"]),
    ],
)
async def test_order(runtime, catalog, order, expected):
    assert await sorted_names(runtime, catalog, order) == expected
