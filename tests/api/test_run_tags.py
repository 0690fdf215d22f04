"""updateRunTags: tags added and removed on runs selected by name or by the filter language (the Table
tab's selection), all or none, audited, with policy.Access.can_edit deciding run by run; both dialects."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from app.db.tables import Run
from tests.support.moves import audit_events, build_team, make_run

UPDATE_TAGS = """
mutation Tags($input: UpdateRunTagsInput!) {
  updateRunTags(input: $input) { matchedCount updatedCount updatedRunNames clientMutationId }
}"""


@pytest.fixture
async def team(runtime):
    return await build_team(runtime)


def tags_input(**extra):
    return {"input": {"entityName": "vision", "projectName": "source", **extra}}


async def tags_of(runtime) -> dict[str, list[str]]:
    async with runtime.session_factory() as session:
        return {name: tags for name, tags in (await session.execute(select(Run.name, Run.tags))).all()}


async def test_adding_and_removing_by_name_keeps_order_and_writes_one_audit_event(runtime, gql, team):
    await make_run(runtime, team.source_id, "b3", team.bob, tags=["old", "keep"])
    data = await gql.data(
        UPDATE_TAGS,
        tags_input(runNames=["b1", "b3"], addTags=["best", " keep "], removeTags=["old"], clientMutationId="m1"),
        key=team.bob.key,
    )
    assert data["updateRunTags"] == {
        "matchedCount": 2,
        "updatedCount": 2,
        "updatedRunNames": ["b1", "b3"],
        "clientMutationId": "m1",
    }
    tags = await tags_of(runtime)
    assert tags["b1"] == ["best", "keep"] and tags["b3"] == ["keep", "best"] and tags["b2"] == []
    # Nothing to change: the runs are not written, the answer says so.
    again = await gql.data(UPDATE_TAGS, tags_input(runNames=["b1"], addTags=["best"]), key=team.bob.key)
    assert again["updateRunTags"]["updatedCount"] == 0
    (first, second) = await audit_events(runtime, "runs.tags")
    assert first.actor_id == team.bob.id and first.details["runs"] == ["b1", "b3"]
    assert first.details["added"] == ["best", "keep"] and first.details["removed"] == ["old"]
    assert second.details["count"] == 0
    # The runs table reads the new tags (the filter language's tags).
    filtered = await gql.data(
        'query { project(entityName: "vision", name: "source") { '
        'runs(filters: "{\\"tags\\": \\"best\\"}") { edges { node { name tags } } } } }',
        key=team.bob.key,
    )
    assert [e["node"]["name"] for e in filtered["project"]["runs"]["edges"]] == ["b1", "b3"]


async def test_every_run_matching_a_filter_is_tagged_as_select_all_sends_it(runtime, gql, team):
    data = await gql.data(
        UPDATE_TAGS,
        tags_input(filters=json.dumps({"summary_metrics.acc": {"$gte": 0.75}}), addTags=["good"]),
        key=team.alice.key,
    )
    assert data["updateRunTags"]["updatedRunNames"] == ["b1", "b2", "s1"]
    tags = await tags_of(runtime)
    assert {name for name, t in tags.items() if "good" in t} == {"b1", "b2", "s1"}
    removed = await gql.data(UPDATE_TAGS, tags_input(filters="{}", removeTags=["good"]), key=team.alice.key)
    assert removed["updateRunTags"] == {
        "matchedCount": 4,
        "updatedCount": 3,
        "updatedRunNames": ["b1", "b2", "s1"],
        "clientMutationId": None,
    }
    assert all(t == [] for t in (await tags_of(runtime)).values())


# Who changes the tags of which runs -> allowed, or the error code (nothing written when refused).
MATRIX = [
    ("alice", ["b1", "c1", "s1"], None),
    ("bob", ["b1", "b2"], None),
    ("bob", ["b1", "c1"], "FORBIDDEN"),
    ("carol", ["c1", "s1"], None),
    ("service", ["s1"], None),
    ("service", ["s1", "c1"], "FORBIDDEN"),
    ("victor", ["b1"], "FORBIDDEN"),
    ("oscar", ["b1"], "NOT_FOUND"),
    (None, ["b1"], "UNAUTHENTICATED"),
]


@pytest.mark.parametrize("who,names,code", MATRIX)
async def test_policy_decides_run_by_run_and_a_refusal_changes_nothing(runtime, gql, team, who, names, code):
    key = getattr(team, who).key if who else None
    variables = tags_input(runNames=names, addTags=["x"])
    if code is None:
        data = await gql.data(UPDATE_TAGS, variables, key=key)
        assert data["updateRunTags"]["updatedRunNames"] == names
        assert [n for n, t in (await tags_of(runtime)).items() if t == ["x"]] == names
        return
    status, error = await gql.error(UPDATE_TAGS, variables, key=key)
    assert error["extensions"]["code"] == code
    if code == "FORBIDDEN" and who != "victor":
        assert "c1" in error["message"] and "no tags were changed" in error["message"]
    assert all(t == [] for t in (await tags_of(runtime)).values())
    assert await audit_events(runtime, "runs.tags") == []


@pytest.mark.parametrize(
    "extra,words",
    [
        ({"runNames": ["b1"]}, "give addTags or removeTags"),
        ({"runNames": ["b1"], "addTags": ["  "]}, "empty tag"),
        ({"runNames": ["b1"], "addTags": ["t" * 257]}, "at most 256"),
        ({"runNames": ["b1"], "addTags": ["a"], "removeTags": ["a"]}, "both added and removed"),
        ({"addTags": ["a"]}, "give runNames or filters"),
        ({"runNames": ["b1"], "filters": "{}", "addTags": ["a"]}, "not both"),
        ({"runNames": ["b1", "nope"], "addTags": ["a"]}, "run nope not found"),
        ({"filters": '{"tags": 3}', "addTags": ["a"]}, "tags are compared"),
    ],
)
async def test_bad_input_is_refused_by_name(runtime, gql, team, extra, words):
    status, error = await gql.error(UPDATE_TAGS, tags_input(**extra), key=team.alice.key)
    assert words in error["message"], error
    assert error["extensions"]["code"] in ("BAD_USER_INPUT", "NOT_FOUND")
    assert all(t == [] for t in (await tags_of(runtime)).values())
