"""Listing artifact collections and versions with the filters, order and pages the client sends:
through wandb.Api() (ArtifactType.collections, Project.collections, Artifacts) and the raw GraphQL."""

from __future__ import annotations

import httpx
from sqlalchemy import select

from app.db import tables
from tests.support.api import differences, live_account, run_client
from tests.support.artifacts import save_artifact
from tests.support.moves import make_run
from tests.support.teams import make_team

LOG_AND_LIST = r"""
import json, pathlib, wandb
from wandb.apis.public import Artifacts

with wandb.init(entity=ENTITY, project=PROJECT, id="lister1") as run:
    for epoch in range(4):
        pathlib.Path("data.txt").write_text(f"epoch {epoch}")
        art = wandb.Artifact("data", type="dataset", metadata={"epoch": epoch, "split": "val" if epoch % 2 else "train",
                                                                "scores": {"f1": epoch / 10}})
        art.add_file("data.txt")
        logged = run.log_artifact(art, aliases={1: ["best"], 3: ["candidate"]}.get(epoch, []))
        logged.wait()
        if epoch in (1, 2):
            logged.tags = ["clean"]
            logged.save()
    for name in ("model-b", "model-a", "other"):
        pathlib.Path("m.bin").write_text(name)
        art = wandb.Artifact(name, type="model")
        art.add_file("m.bin")
        run.log_artifact(art).wait()

api = wandb.Api()
tagged = api.artifact_collection("model", f"{ENTITY}/{PROJECT}/model-a")
tagged.tags = ["keep"]
tagged.save()

results = {}
def check(name, fn):
    try:
        results[name] = fn()
    except Exception as error:
        results[name] = {"error": f"{type(error).__name__}: {error}"}

model = api.artifact_type("model", f"{ENTITY}/{PROJECT}")
check("collections by regex, by name", lambda: [c.name for c in model.collections(
    filters={"name": {"$regex": "^model-"}}, order="+name")])
check("collections newest first", lambda: [c.name for c in model.collections()])
check("collections by tag", lambda: [c.name for c in api.project(PROJECT, ENTITY).collections(filters={"tag": "keep"})])
check("collections by type", lambda: sorted(c.name for c in api.project(PROJECT, ENTITY).collections(
    filters={"type": "dataset"})))

def versions(filters=None, order=None, per_page=50):
    return [a.version for a in Artifacts(api._service_api, ENTITY, PROJECT, "data", "dataset", filters=filters,
                                         order=order, per_page=per_page)]
check("all", lambda: versions())
check("oldest first in pages of 2", lambda: versions(order="+versionIndex", per_page=2))
check("by created, in pages of 3", lambda: versions(order="-createdAt", per_page=3))
check("metadata range", lambda: versions({"metadata.epoch": {"$gte": 2}}, "+versionIndex"))
check("nested metadata", lambda: versions({"metadata.scores.f1": {"$lt": 0.15}}, "+versionIndex"))
check("metadata string", lambda: versions({"metadata.split": "val"}, "+versionIndex"))
check("alias", lambda: versions({"alias": "best"}))
check("aliases in", lambda: versions({"alias": {"$in": ["best", "candidate"]}}, "+versionIndex"))
check("tag", lambda: versions({"tag": "clean"}, "+versionIndex"))
check("version in", lambda: versions({"version": {"$in": ["v0", "v2"]}}, "+versionIndex"))
check("or and not", lambda: versions({"$or": [{"alias": "latest"}, {"$not": {"metadata.epoch": {"$gt": 0}}}]},
                                     "+versionIndex"))
check("state committed", lambda: versions({"state": "COMMITTED", "metadata.split": "train"}, "+versionIndex"))
check("tags client-side", lambda: [a.version for a in api.artifacts("dataset", f"{ENTITY}/{PROJECT}/data",
                                                                   tags=["clean"])])
def refused(filters=None, order=None):
    try:
        versions(filters, order)
        return "accepted"
    except Exception as error:
        return str(error)
results["unknown key"] = refused({"colour": "red"})
results["unknown order"] = refused(order="+colour")
results["bad state"] = refused({"state": "GONE"})
def collection_refused():
    try:
        list(model.collections(filters={"owner": "me"}))
        return "accepted"
    except Exception as error:
        return str(error)
results["unknown collection key"] = collection_refused()
print(json.dumps(results))
"""

EXPECTED = {
    "collections by regex, by name": ["model-a", "model-b"],
    "collections newest first": ["other", "model-a", "model-b"],
    "collections by tag": ["model-a"],
    "collections by type": ["data"],
    "all": ["v3", "v2", "v1", "v0"],
    "oldest first in pages of 2": ["v0", "v1", "v2", "v3"],
    "by created, in pages of 3": ["v3", "v2", "v1", "v0"],
    "metadata range": ["v2", "v3"],
    "nested metadata": ["v0", "v1"],
    "metadata string": ["v1", "v3"],
    "alias": ["v1"],
    "aliases in": ["v1", "v3"],
    "tag": ["v1", "v2"],
    "version in": ["v0", "v2"],
    "or and not": ["v0", "v3"],
    "state committed": ["v0", "v2"],
    "tags client-side": ["v2", "v1"],
}

MEMBERSHIPS = """query($e: String!, $p: String!, $filters: JSONString, $order: String, $first: Int, $after: String) {
  project(name: $p, entityName: $e) { artifactCollection(name: "data") {
    artifactMemberships(filters: $filters, order: $order, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } edges { cursor node { versionIndex aliases { alias } } } } } } }"""


async def test_collections_and_versions_filtered_ordered_and_paged_through_the_client(live_server, tmp_path):
    alice = await live_account(live_server, "alice")
    results = await run_client(tmp_path, live_server.url, alice.key, LOG_AND_LIST, ENTITY="alice", PROJECT="lists")
    problems = differences(results, EXPECTED)
    assert not problems, problems
    assert "unknown artifact version filter key 'colour'" in results["unknown key"], results["unknown key"]
    assert "invalid order '+colour'" in results["unknown order"] and "versionIndex" in results["unknown order"]
    assert "state is one of PENDING, COMMITTED, DELETED" in results["bad state"], results["bad state"]
    assert "unknown artifact collection filter key 'owner'" in results["unknown collection key"]

    async with httpx.AsyncClient(base_url=live_server.url, auth=("api", alice.key)) as http:

        async def members(**variables):
            payload = (
                await http.post(
                    "/graphql", json={"query": MEMBERSHIPS, "variables": {"e": "alice", "p": "lists", **variables}}
                )
            ).json()
            return payload

        seen, after = [], None
        while True:  # keyset pages by (updatedAt, id), oldest first
            page = (await members(order="+updatedAt", first=1, after=after))["data"]["project"]
            connection = page["artifactCollection"]["artifactMemberships"]
            assert connection["totalCount"] == 4
            seen += [edge["node"]["versionIndex"] for edge in connection["edges"]]
            if not connection["pageInfo"]["hasNextPage"]:
                break
            after = connection["pageInfo"]["endCursor"]
        assert seen == [0, 1, 2, 3]
        tagged = (await members(filters='{"alias": "candidate"}'))["data"]["project"]["artifactCollection"]
        assert [sorted(a["alias"] for a in e["node"]["aliases"]) for e in tagged["artifactMemberships"]["edges"]] == [
            ["candidate", "latest"]
        ]
        for variables, message in (
            ({"filters": "[1]"}, "filters must be a JSON object"),
            ({"filters": '{"metadata.x": {"$near": 1}}'}, "unknown operator $near"),
            ({"filters": '{"version": "latest"}'}, 'a version such as "v3" or 3'),
            ({"filters": '{"metadata.a\\"b": 1}'}, "invalid metadata key"),
            ({"filters": '{"alias": {"$regex": "("}}'}, "$regex"),
            ({"order": "-createdAt", "after": "bm90IGEgY3Vyc29y"}, "invalid cursor"),
            ({"order": "name"}, "invalid order 'name'"),
        ):
            payload = await members(**variables)
            assert payload.get("errors") and message in payload["errors"][0]["message"], (variables, payload)
            assert payload["errors"][0].get("extensions", {}).get("code") != "INTERNAL_SERVER_ERROR", payload


PAGES = """query($after: String, $aliasesAfter: String, $typesAfter: String) {
  project(entityName: "acme", name: "vision") {
    artifactTypes(first: 1, after: $typesAfter) { edges { node { name } } pageInfo { endCursor hasNextPage } }
    artifactCollection(name: "data") {
      aliases(first: 2, after: $aliasesAfter) { edges { node { alias } } pageInfo { endCursor hasNextPage } } }
    run(name: "maker") {
      outputArtifacts(first: 2, after: $after) { edges { node { versionIndex } } pageInfo { endCursor hasNextPage } }
      inputArtifacts(first: 2) { edges { node { versionIndex artifactType { name } } } } } } }"""


async def _all_pages(gql, key: str, path: list[str], variable: str) -> list[list[str]]:
    """Every page of the connection at ``path``, following its end cursor in ``variable``."""
    pages, after = [], None
    for _ in range(5):  # more would mean a cursor that does not move on
        node = (await gql.data(PAGES, {variable: after}, key=key))["project"]
        for step in path:
            node = node[step]
        pages.append([next(iter(edge["node"].values())) for edge in node["edges"]])
        if not node["pageInfo"]["hasNextPage"]:
            return pages
        after = node["pageInfo"]["endCursor"]
    raise AssertionError(f"{path} pages on past {pages}")


async def test_type_alias_and_run_artifact_connections_page_by_their_cursors(gql, runtime):
    team = await make_team(runtime)
    versions = [
        await save_artifact(runtime, "max", "acme", "vision", "data", {"f": str(i).encode()}, aliases=(f"a{i}",))
        for i in range(3)
    ]
    used = await save_artifact(runtime, "max", "acme", "vision", "weights", {"w": b"1"}, type_name="model")
    async with runtime.session_factory.begin() as session:
        project = await session.scalar(select(tables.Project).where(tables.Project.name == "vision"))
    run_id = await make_run(runtime, project.id, "maker", team.member)
    async with runtime.session_factory.begin() as session:
        for saved in versions:
            (await session.get(tables.Artifact, saved.artifact_id)).run_id = run_id
        session.add(tables.ArtifactUse(run_id=run_id, artifact_id=used.artifact_id))
    key = team.viewer.key
    assert await _all_pages(gql, key, ["run", "outputArtifacts"], "after") == [[0, 1], [2]]
    assert await _all_pages(gql, key, ["artifactTypes"], "typesAfter") == [["dataset"], ["model"]]
    aliases = await _all_pages(gql, key, ["artifactCollection", "aliases"], "aliasesAfter")
    assert sorted(sum(aliases, [])) == ["a0", "a1", "a2", "latest"] and [len(p) for p in aliases] == [2, 2]
    run = (await gql.data(PAGES, {}, key=key))["project"]["run"]
    assert run["inputArtifacts"]["edges"] == [{"node": {"versionIndex": 0, "artifactType": {"name": "model"}}}]
    # an outsider of the private project reads none of it
    assert (await gql.data(PAGES, {}, key=team.outsider.key))["project"] is None
