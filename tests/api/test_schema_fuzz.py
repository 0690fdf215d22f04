"""A bounded schema fuzz (hypothesis-graphql): a few hundred generated queries and mutations (and some
with one schema violation each), as a signed-in user and as anonymous, on each dialect. No answer is
a 5xx or an INTERNAL_SERVER_ERROR, and none shows a traceback or SQL. Deterministic (derandomized),
so CI never sees a new document."""

from __future__ import annotations

import functools
import json
import os
import re

from hypothesis import HealthCheck, Phase, given, settings, strategies as st
from hypothesis.errors import InvalidArgument
from hypothesis_graphql import Mode, nodes, strategies as gql_st

from app.api import ids
from app.api.schema import schema
from tests.support import moves
from tests.support import make_account
from tests.support.run_queries import add_history, make_project, make_runs

# Valid documents for each root field (about 370 in all), sent signed in and anonymous; a longer
# fuzz by hand: LABBOOK_FUZZ_PER_FIELD=100.
PER_ROOT_FIELD = int(os.environ.get("LABBOOK_FUZZ_PER_FIELD", "12"))
INVALID_PER_ROOT_FIELD = 3  # and documents with one schema violation each (wrong type, missing argument...)

JSON_TEXT = st.one_of(
    st.sampled_from(
        [
            "{}",
            "[]",
            '{"a": 1}',
            '{"lr": {"value": 0.1}}',
            '{"$and": [{"state": "finished"}]}',
            '{"keys": ["loss"], "samples": 3}',
            '{"keys": ["loss"], "samples": 99999999999}',
            '"x"',
            "null",
            "{",
            "[[[]]]",
            '{"a": NaN}',
            '{"config.lr": {"$gt": "x"}}',
            '{"$or": 5}',
            '{"summary_metrics.acc": {"$in": []}}',
            '{"name": {"$regex": "^r"}}',
            '{"tags": {"$nin": [1]}}',
            '{"a": "\\u0000"}',
            '{"_step": 1e400}',
            '{"createdAt": {"$lt": "not a date"}}',
        ]
    ),
    st.text(max_size=20),
).map(nodes.String)
# Names that exist in the fuzzed world, mixed with hostile text, so documents reach the services.
NAMES = st.one_of(
    st.sampled_from(
        [
            "alice",
            "bob",
            "acme",
            "p",
            "run000",
            "loss",
            "acc",
            "MEMBER",
            "alice@example.com",
            "",
            " ",
            "a" * 300,
            "x" * 5000,
            "a\u0000b",
            "%",
            "_",
            "'; DROP TABLE run; --",
            "../../etc",
            "ünï",
            "\u202e",
            "line\nbreak",
            "-summary_metrics.acc",
            "+config.lr",
            "created_at",
        ]
    ),
    st.text(max_size=12),
)
GLOBAL_IDS = st.one_of(
    st.builds(
        lambda kind, pk: ids.encode(kind, pk),
        st.sampled_from(["User", "Team", "Project", "Run", "Invite", "Member", "ApiKey", "Alert", "Nope"]),
        st.integers(min_value=-1, max_value=4) | st.just(2**70),
    ),
    st.sampled_from(["", "!!", "VXNlcjp4", "VXNlcg==", "e30="]),
    st.text(max_size=8),
)
CUSTOM_SCALARS = {
    "String": NAMES.map(nodes.String),
    "ID": GLOBAL_IDS.map(nodes.String),
    "JSONString": JSON_TEXT,
    "JSON": JSON_TEXT,
    "Int64": st.integers(min_value=-(2**63), max_value=2**63 - 1).map(nodes.Int),
    "Duration": st.integers(min_value=-(2**31), max_value=2**31 - 1).map(nodes.Int),
    "DateTime": st.one_of(
        st.sampled_from(["2024-01-01T00:00:00", "2024-13-01", "yesterday"]), st.text(max_size=10)
    ).map(nodes.String),
}
LEAKS = re.compile(
    r"Traceback|File \"/|sqlalchemy|asyncpg|sqlite3|psycopg|\bSELECT\b|\bINSERT INTO\b|"
    r"\bUPDATE \w+ SET\b|\bDELETE FROM\b|IntegrityError|ProgrammingError",
    re.IGNORECASE,
)


def _documents(strategy, count: int) -> list[str]:
    """``count`` documents drawn from ``strategy``, the same on every run."""
    drawn: list[str] = []

    @settings(
        max_examples=count,
        derandomize=True,
        database=None,
        deadline=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(strategy)
    def collect(document: str) -> None:
        drawn.append(document)

    collect()
    return drawn


@functools.cache
def generated_documents() -> tuple[str, ...]:
    """Documents for every root field of Query and Mutation (each strategy starts from one field)."""
    graphql_schema = schema._schema
    documents: list[str] = []
    for strategy, root in (
        (gql_st.queries, graphql_schema.query_type),
        (gql_st.mutations, graphql_schema.mutation_type),
    ):
        for field in root.fields:
            for mode, count in ((Mode.POSITIVE, PER_ROOT_FIELD), (Mode.NEGATIVE, INVALID_PER_ROOT_FIELD)):
                made = strategy(graphql_schema, fields=[field], custom_scalars=CUSTOM_SCALARS, mode=mode)
                try:
                    documents += _documents(made, count)
                except InvalidArgument:  # NEGATIVE: nothing of this field to violate (no arguments)
                    assert mode is Mode.NEGATIVE
    return tuple(documents)


def _problem(status: int, text: str) -> str | None:
    if status >= 500:
        return f"HTTP {status}"
    try:
        payload = json.loads(text)
    except ValueError:
        return "not JSON"
    for error in payload.get("errors") or []:
        if (error.get("extensions") or {}).get("code") == "INTERNAL_SERVER_ERROR":
            return "INTERNAL_SERVER_ERROR"
    leak = LEAKS.search(text)
    return f"leaks {leak.group(0)!r}" if leak else None


async def test_generated_documents_never_break_the_server(gql, runtime):
    alice, bob = await make_account(runtime, "alice"), await make_account(runtime, "bob")
    await moves.make_team(runtime, "acme", [(alice, "ADMIN"), (bob, "MEMBER")])
    project = await make_project(runtime, alice)
    (run,) = await make_runs(runtime, project, [dict(state="finished", summary={"acc": 0.5}, config={"lr": 0.1})])
    await add_history(runtime, run, [{"_step": step, "loss": 1 / (step + 1)} for step in range(5)])
    documents = generated_documents()
    assert len(set(documents)) > 250  # varied, not one document over and over
    failures = []
    for key in (alice.key, None):
        for document in documents:
            response = await gql.post(document, key=key)
            problem = _problem(response.status_code, response.text)
            if problem:
                failures.append((problem, "signed in" if key else "anonymous", document, response.text[:500]))
    assert not failures, f"{len(failures)} failures, first: {failures[:3]}"
