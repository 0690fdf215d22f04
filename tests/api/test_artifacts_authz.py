"""Artifacts follow their project's access: the authorization matrix of every artifact mutation and
read (anonymous, outsider, VIEWER, MEMBER, SERVICE, ADMIN), signed URLs that expire and cannot be
altered, authenticated downloads with ranges, and uploads whose bytes must match their digest."""

from __future__ import annotations

import hashlib
from typing import Awaitable, Callable

import pytest
from sqlalchemy import select

from app.api import ids
from app.db import tables
from app.storage.signing import signed_path
from tests.support.artifacts import Saved, artifact_row_counts, b64md5, link, save_artifact
from tests.support.moves import make_run
from tests.support.teams import ACTORS, TeamFixture, expect_outcome, make_team, matrix

FILES = {"data/train.csv": b"a,b\n1,2\n", "README": b"hello"}

CREATE_ARTIFACT = """mutation($input: CreateArtifactInput!) { createArtifact(input: $input) {
  artifact { id state artifactSequence { latestArtifact { id } } } } }"""
CREATE_TYPE = (
    """mutation($input: CreateArtifactTypeInput!) { createArtifactType(input: $input) { artifactType { id } } }"""
)
COMMIT = """mutation($id: ID!) { commitArtifact(input: {artifactID: $id}) { artifact { id digest } } }"""
ADD_ALIASES = """mutation($input: AddAliasesInput!) { result: addAliases(input: $input) { success } }"""
DELETE_ALIASES = """mutation($input: DeleteAliasesInput!) { result: deleteAliases(input: $input) { success } }"""
UPDATE = """mutation($input: UpdateArtifactInput!) { result: updateArtifact(input: $input) { artifact { id description } } }"""
DELETE = (
    """mutation($input: DeleteArtifactInput!) { result: deleteArtifact(input: $input) { artifact { id state } } }"""
)
LINK = """mutation($input: LinkArtifactInput!) { result: linkArtifact(input: $input) { versionIndex } }"""
UNLINK = """mutation($input: UnlinkArtifactInput!) { result: unlinkArtifact(input: $input) { success } }"""
UPDATE_SEQUENCE = """mutation($input: UpdateArtifactSequenceInput!) { result: updateArtifactSequence(input: $input) {
  artifactCollection { name } } }"""
DELETE_SEQUENCE = """mutation($id: ID!) { result: deleteArtifactSequence(input: {artifactSequenceID: $id}) {
  artifactCollection { state } } }"""
COMPLETE_MULTIPART = """mutation($action: CompleteMultipartAction!, $parts: [UploadPartsInput!]!, $artifactID: ID!,
  $storagePath: String!, $uploadID: String!) { result: completeMultipartUploadArtifact(input: {
  completeMultipartAction: $action, completedParts: $parts, artifactID: $artifactID, storagePath: $storagePath,
  uploadID: $uploadID}) { digest } }"""
CREATE_MANIFEST = """mutation($input: CreateArtifactManifestInput!) { result: createArtifactManifest(input: $input) {
  artifactManifest { id } } }"""
UPDATE_MANIFEST = """mutation($input: UpdateArtifactManifestInput!) { result: updateArtifactManifest(input: $input) {
  artifactManifest { id } } }"""
UPDATE_PORTFOLIO = """mutation($input: UpdateArtifactPortfolioInput!) { result: updateArtifactPortfolio(input: $input) {
  artifactCollection { name } } }"""
MOVE_SEQUENCE = """mutation($input: MoveArtifactSequenceInput!) { result: moveArtifactSequence(input: $input) {
  artifactCollection { name } } }"""
DELETE_PORTFOLIO = """mutation($input: DeleteArtifactPortfolioInput!) { result: deleteArtifactPortfolio(input: $input) {
  artifactCollection { name } } }"""
USE = """mutation($input: UseArtifactInput!) { result: useArtifact(input: $input) { artifact { id } } }"""
TAG_COLLECTION = """mutation($input: CreateArtifactCollectionTagAssignmentsInput!) {
  result: createArtifactCollectionTagAssignments(input: $input) { tags { name } } }"""
UNTAG_COLLECTION = """mutation($input: DeleteArtifactCollectionTagAssignmentsInput!) {
  result: deleteArtifactCollectionTagAssignments(input: $input) { success } }"""
FILES_QUERY = """mutation($input: CreateArtifactFilesInput!) { createArtifactFiles(input: $input) {
  files { edges { node { storagePath uploadUrl uploadHeaders artifact { id } } } } } }"""

Setup = Callable[[object, TeamFixture], Awaitable[dict]]


async def _committed(runtime, team) -> Saved:
    return await save_artifact(runtime, "ada", "acme", "vision", "dataset", FILES, aliases=("best",))


def _with_artifact(make_variables) -> Setup:
    async def setup(runtime, team):
        return make_variables(await _committed(runtime, team))

    return setup


async def _pending(runtime, team) -> dict:
    saved = await save_artifact(runtime, "ada", "acme", "vision", "dataset", FILES, commit=False)
    return {"id": saved.global_id}


async def _multipart(runtime, team) -> dict:
    saved = await save_artifact(runtime, "ada", "acme", "vision", "dataset", FILES, commit=False)
    key = saved.keys["README"]
    upload_id = await runtime.storage.create_multipart(key)
    return {"action": "Abort", "parts": [], "artifactID": saved.global_id, "storagePath": key, "uploadID": upload_id}


async def _linked(runtime, team) -> dict:
    saved = await _committed(runtime, team)
    portfolio = await link(runtime, "ada", saved, "acme", "vision", "registered")
    return {
        "input": {"artifactID": saved.global_id, "artifactPortfolioID": ids.encode("ArtifactCollection", portfolio)}
    }


async def _project_only(runtime, team) -> dict:
    await _committed(runtime, team)
    return {
        "input": {
            "entityName": "acme",
            "projectName": "vision",
            "artifactTypeName": "dataset",
            "artifactCollectionName": "fresh",
            "digest": "0" * 32,
            "aliases": [{"alias": "latest", "artifactCollectionName": "fresh"}],
        }
    }


async def _pending_manifest(runtime, team) -> dict:
    saved = await save_artifact(runtime, "ada", "acme", "vision", "dataset", FILES, commit=False)
    pk = ids.decode_as(saved.global_id, "Artifact")
    return {"input": {"artifactManifestID": ids.encode("ArtifactManifest", pk), "digest": b64md5(b"{}")}}


async def _portfolio(runtime, team) -> dict:
    saved = await _committed(runtime, team)
    portfolio = await link(runtime, "ada", saved, "acme", "vision", "registered")
    return {"input": {"artifactPortfolioID": ids.encode("ArtifactCollection", portfolio)}}


async def _used_by_admins_run(runtime, team) -> dict:
    """A version to record as an input of the admin's run: only who may log to that run may."""
    saved = await _committed(runtime, team)
    async with runtime.session_factory() as session:
        project_id = await session.scalar(select(tables.Project.id).where(tables.Project.name == "vision"))
    await make_run(runtime, project_id, "trainer", team.admin)
    return {
        "input": {"entityName": "acme", "projectName": "vision", "runName": "trainer", "artifactID": saved.global_id}
    }


def _tags(saved: Saved) -> dict:
    return {
        "input": {
            "entityName": "acme",
            "projectName": "vision",
            "artifactCollectionName": "dataset",
            "tags": [{"tagName": "keep"}],
        }
    }


def _alias(saved: Saved, alias: str = "gold") -> dict:
    return {
        "input": {
            "artifactID": saved.global_id,
            "aliases": [
                {"alias": alias, "artifactCollectionName": "dataset", "entityName": "acme", "projectName": "vision"}
            ],
        }
    }


# name: (query, setup, outcomes for anonymous outsider viewer member service admin)
CASES: dict[str, tuple[str, Setup, str]] = {
    "createArtifact": (CREATE_ARTIFACT, _project_only, "U F F ok ok ok"),
    "createArtifactType": (
        CREATE_TYPE,
        _with_artifact(lambda s: {"input": {"entityName": "acme", "projectName": "vision", "name": "model"}}),
        "U F F ok ok ok",
    ),
    "createArtifactFiles": (FILES_QUERY, _with_artifact(lambda s: None), "U N F B B B"),
    "commitArtifact": (COMMIT, _pending, "U N F ok ok ok"),
    "completeMultipartUploadArtifact": (COMPLETE_MULTIPART, _multipart, "U N F ok ok ok"),
    "addAliases": (ADD_ALIASES, _with_artifact(_alias), "U N F ok ok ok"),
    "addAliases/reserved": (ADD_ALIASES, _with_artifact(lambda s: _alias(s, "v7")), "U N F B B B"),
    "deleteAliases": (DELETE_ALIASES, _with_artifact(lambda s: _alias(s, "best")), "U N F ok ok ok"),
    "updateArtifact": (
        UPDATE,
        _with_artifact(lambda s: {"input": {"artifactID": s.global_id, "description": "new"}}),
        "U N F ok ok ok",
    ),
    "deleteArtifact": (
        DELETE,
        _with_artifact(lambda s: {"input": {"artifactID": s.global_id, "deleteAliases": True}}),
        "U N F ok ok ok",
    ),
    "deleteArtifact/with aliases": (
        DELETE,
        _with_artifact(lambda s: {"input": {"artifactID": s.global_id}}),
        "U N F C C C",
    ),
    "linkArtifact": (
        LINK,
        _with_artifact(
            lambda s: {
                "input": {
                    "artifactID": s.global_id,
                    "artifactPortfolioName": "registered",
                    "entityName": "acme",
                    "projectName": "vision",
                    "aliases": [{"alias": "production", "artifactCollectionName": "registered"}],
                }
            }
        ),
        "U N F ok ok ok",
    ),
    "unlinkArtifact": (UNLINK, _linked, "U N F ok ok ok"),
    "updateArtifactSequence": (
        UPDATE_SEQUENCE,
        _with_artifact(lambda s: {"input": {"artifactSequenceID": s.collection_global_id, "description": "d"}}),
        "U N F ok ok ok",
    ),
    "deleteArtifactSequence": (
        DELETE_SEQUENCE,
        _with_artifact(lambda s: {"id": s.collection_global_id}),
        "U N F ok ok ok",
    ),
    "useArtifact": (USE, _used_by_admins_run, "U N F F F ok"),
    "createArtifactManifest": (CREATE_MANIFEST, _with_artifact(lambda s: None), "U N F ok ok ok"),
    "updateArtifactManifest": (UPDATE_MANIFEST, _pending_manifest, "U N F ok ok ok"),
    "updateArtifactPortfolio": (UPDATE_PORTFOLIO, _portfolio, "U N F ok ok ok"),
    "moveArtifactSequence": (
        MOVE_SEQUENCE,
        _with_artifact(
            lambda s: {"input": {"artifactSequenceID": s.collection_global_id, "destinationArtifactTypeName": "model"}}
        ),
        "U N F ok ok ok",
    ),
    "deleteArtifactPortfolio": (DELETE_PORTFOLIO, _portfolio, "U N F ok ok ok"),
    "createArtifactCollectionTagAssignments": (TAG_COLLECTION, _with_artifact(_tags), "U F F ok ok ok"),
    "deleteArtifactCollectionTagAssignments": (UNTAG_COLLECTION, _with_artifact(_tags), "U F F ok ok ok"),
}
# The audit event each mutation writes when it succeeds (every artifact mutation is audited).
ACTIONS = {
    "createArtifact": "artifact.create",
    "createArtifactType": "artifact_type.create",
    "commitArtifact": "artifact.commit",
    "completeMultipartUploadArtifact": "artifact.multipart.abort",
    "addAliases": "artifact.aliases.add",
    "deleteAliases": "artifact.aliases.delete",
    "updateArtifact": "artifact.update",
    "deleteArtifact": "artifact.delete",
    "linkArtifact": "artifact.link",
    "unlinkArtifact": "artifact.unlink",
    "updateArtifactSequence": "artifact_collection.update",
    "deleteArtifactSequence": "artifact_collection.delete",
    "createArtifactManifest": "artifact.manifest",
    "updateArtifactManifest": "artifact.manifest",
    "useArtifact": "artifact.use",
    "updateArtifactPortfolio": "artifact_collection.update",
    "moveArtifactSequence": "artifact_collection.update",
    "deleteArtifactPortfolio": "artifact_collection.delete",
    "createArtifactCollectionTagAssignments": "artifact_collection.tags",
    "deleteArtifactCollectionTagAssignments": "artifact_collection.tags",
}
MATRIX = matrix(CASES)


@pytest.mark.parametrize(("case", "actor", "outcome"), MATRIX, ids=[f"{c}-{a}" for c, a, _ in MATRIX])
async def test_artifact_mutation_authorization(gql, runtime, case, actor, outcome):
    query, setup, _ = CASES[case]
    team = await make_team(runtime)
    variables = await setup(runtime, team)
    if case == "createArtifactManifest":
        pending = await save_artifact(runtime, "ada", "acme", "vision", "other", {"x": b"x"}, commit=False)
        variables = {
            "input": {
                "artifactID": pending.global_id,
                "name": "wandb_manifest.json",
                "digest": "",
                "entityName": "acme",
                "projectName": "vision",
            }
        }
    if case == "createArtifactFiles":
        pending = await save_artifact(runtime, "ada", "acme", "vision", "other", {"x": b"x"}, commit=False)
        variables = {"input": {"artifactFiles": [{"artifactID": pending.global_id, "name": "x", "md5": "bad"}]}}
    account = team.by_role(actor)
    await expect_outcome(
        gql, query, variables, account.key if account else None, outcome, lambda: artifact_row_counts(runtime)
    )
    if outcome == "ok":
        async with runtime.session_factory() as session:
            newest = await session.scalar(select(tables.AuditEvent).order_by(tables.AuditEvent.id.desc()).limit(1))
        assert (newest.action, newest.actor_id) == (ACTIONS[case.split("/")[0]], account.id), newest


READ = """query($entity: String!, $project: String!, $name: String!, $id: ID!) {
  project(name: $project, entityName: $entity) { artifactCollectionMembership(name: $name) { versionIndex
    artifact { id files { edges { node { name directUrl } } } } } }
  artifact(id: $id) { id digest }
  node(id: $id) { id }
}"""


@pytest.mark.parametrize("access", ["PRIVATE", "RESTRICTED", "USER_READ"])
@pytest.mark.parametrize("actor", ACTORS)
async def test_artifact_reads_follow_project_access(gql, runtime, access, actor):
    team = await make_team(runtime)
    saved = await _committed(runtime, team)
    async with runtime.session_factory.begin() as session:
        project = await session.scalar(select(tables.Project).where(tables.Project.name == "vision"))
        project.access = access
        if access == "RESTRICTED":
            session.add(tables.ProjectMember(project_id=project.id, user_id=team.member.id))
    account = team.by_role(actor)
    data = await gql.data(
        READ,
        {"entity": "acme", "project": "vision", "name": "dataset:best", "id": saved.global_id},
        key=account.key if account else None,
    )
    readers = {
        "PRIVATE": {"viewer", "member", "service", "admin"},
        "RESTRICTED": {"member", "admin"},
        "USER_READ": set(ACTORS),
    }[access]
    if actor in readers:
        assert data["project"]["artifactCollectionMembership"]["versionIndex"] == 0
        assert data["artifact"]["id"] == saved.global_id and data["node"]["id"] == saved.global_id
        files = data["project"]["artifactCollectionMembership"]["artifact"]["files"]["edges"]
        assert sorted(e["node"]["name"] for e in files) == sorted(FILES)
    else:
        assert data["project"] is None and data["artifact"] is None and data["node"] is None


async def test_direct_urls_expire_and_cannot_be_altered(gql, http, runtime):
    team = await make_team(runtime)
    saved = await _committed(runtime, team)
    data = await gql.data(
        READ, {"entity": "acme", "project": "vision", "name": "dataset:v0", "id": saved.global_id}, key=team.viewer.key
    )
    urls = {
        e["node"]["name"]: e["node"]["directUrl"]
        for e in data["project"]["artifactCollectionMembership"]["artifact"]["files"]["edges"]
    }
    url = urls["README"].removeprefix("http://testserver")
    assert (await http.get(url)).content == b"hello"  # no credentials needed while valid
    other_key = saved.keys["data/train.csv"]
    tampered = url.replace(saved.keys["README"].split("/")[-1], other_key.split("/")[-1])
    assert (await http.get(tampered)).status_code == 403
    assert (await http.get(url.replace("sig=", "sig=0"))).status_code == 403
    expired = signed_path(runtime.secret, "GET", saved.keys["README"], -10)
    assert (await http.get(expired)).status_code == 403


@pytest.mark.both_storages
async def test_authenticated_download_routes_with_ranges(http, runtime, storage_backend):
    team = await make_team(runtime)
    saved = await _committed(runtime, team)
    digest = hashlib.md5(FILES["data/train.csv"]).hexdigest()
    v2 = f"/artifactsV2/default/acme/vision/dataset/{saved.global_id}/{digest}/data/train.csv"
    whole = await http.get(v2, auth=("api", team.viewer.key))
    assert (whole.status_code, whole.content) == (200, FILES["data/train.csv"])
    part = await http.get(v2, auth=("api", team.viewer.key), headers={"range": "bytes=2-4"})
    assert (part.status_code, part.content, part.headers["content-range"]) == (206, b"b\n1", "bytes 2-4/8")
    tail = await http.get(f"/artifacts/acme/{digest}", auth=("api", team.member.key), headers={"range": "bytes=-2"})
    assert (tail.status_code, tail.content) == (206, b"2\n")
    assert (await http.get(v2, auth=("api", team.outsider.key))).status_code == 404
    assert (await http.get(v2)).status_code == 404
    assert (await http.get(v2, auth=("api", team.viewer.key), headers={"range": "bytes=50-"})).status_code == 416


async def test_an_upload_must_match_its_digest_and_held_content_needs_none(gql, http, runtime):
    team = await make_team(runtime)
    await _committed(runtime, team)
    pending = await save_artifact(runtime, "max", "acme", "vision", "dataset", {"new.bin": b"new"}, commit=False)
    content = b"fresh bytes"
    data = await gql.data(
        FILES_QUERY,
        {
            "input": {
                "artifactFiles": [
                    {"artifactID": pending.global_id, "name": "a.txt", "md5": b64md5(content)},
                    {"artifactID": pending.global_id, "name": "README", "md5": b64md5(FILES["README"])},
                ]
            }
        },
        key=team.member.key,
    )
    fresh, held = [e["node"] for e in data["createArtifactFiles"]["files"]["edges"]]
    assert held["uploadUrl"] is None and fresh["uploadUrl"]
    url = fresh["uploadUrl"].removeprefix("http://testserver")
    refused = await http.put(url, content=b"other bytes")
    assert refused.status_code == 400 and "md5" in refused.json()["errors"][0]["message"]
    assert await runtime.storage.size(fresh["storagePath"]) is None
    assert (await http.put(url, content=content)).status_code == 200
    assert await runtime.storage.size(fresh["storagePath"]) == len(content)
    async with runtime.session_factory() as session:
        blob = await session.scalar(select(tables.Blob).where(tables.Blob.storage_key == fresh["storagePath"]))
    assert blob.uploaded_at is not None and blob.size == len(content)


@pytest.mark.both_storages
async def test_commit_refuses_a_manifest_naming_content_never_uploaded(gql, runtime, storage_backend):
    team = await make_team(runtime)
    saved = await save_artifact(runtime, "max", "acme", "vision", "dataset", {"a": b"a"}, commit=False)
    async with runtime.session_factory.begin() as session:
        blob = await session.scalar(select(tables.Blob).where(tables.Blob.md5 == hashlib.md5(b"a").hexdigest()))
        blob.uploaded_at = None
        key = blob.storage_key
    await runtime.storage.delete(key)  # on S3 the commit would otherwise find the object and record it
    _, error = await gql.error(COMMIT, {"id": saved.global_id}, key=team.member.key)
    assert error["extensions"]["code"] == "BAD_USER_INPUT" and "never uploaded" in error["message"]
    async with runtime.session_factory() as session:
        assert (await session.get(tables.Artifact, saved.artifact_id)).state == "PENDING"


@pytest.mark.both_storages
async def test_released_content_is_swept_after_a_crash_and_can_come_back(runtime, storage_backend):
    from app.domain import artifact_blobs, artifact_changes
    from tests.support.artifacts import user_actor

    await make_team(runtime)
    gone = await save_artifact(runtime, "ada", "acme", "vision", "dataset", {"only-here": b"unique bytes"})
    back = await save_artifact(runtime, "ada", "acme", "vision", "other", {"returns": b"returning bytes"})
    for saved in (gone, back):  # deleted, and the process dies before deleting the bytes
        async with runtime.session_factory.begin() as session:
            deleted = await artifact_changes.delete_artifact(
                session, await user_actor(session, "ada"), saved.artifact_id, delete_aliases=True
            )
            assert [key for key, _ in deleted.freed if key in saved.keys.values()]
    old_key = back.keys["returns"]
    async with runtime.session_factory() as session:
        assert gone.keys["only-here"] not in await artifact_blobs.live_keys(session, [gone.keys["only-here"]])
    assert await runtime.storage.size(gone.keys["only-here"]) == len(b"unique bytes")
    # the same content logged again before the sweep: a new row key, uploaded anew
    again = await save_artifact(runtime, "max", "acme", "vision", "third", {"returns": b"returning bytes"})
    assert again.keys["returns"] != old_key
    freed = await artifact_blobs.sweep(runtime.storage, runtime.session_factory)
    assert freed >= len(b"unique bytes")
    assert await runtime.storage.size(gone.keys["only-here"]) is None
    assert await runtime.storage.size(again.keys["returns"]) == len(b"returning bytes")
    async with runtime.session_factory() as session:
        assert again.keys["returns"] in await artifact_blobs.live_keys(session, [again.keys["returns"]])
        assert await session.scalar(select(tables.Blob).where(tables.Blob.released_at.is_not(None))) is None
