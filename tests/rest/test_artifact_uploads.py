"""Artifact content beyond the single signed PUT, on both storage backends: multipart uploads through
the part URLs the client is given (joined, checked against the digest, downloaded back), and on S3
the presigned PUTs Labbook learns of at commit (missing or wrong content refused, never recorded)."""

from __future__ import annotations

import asyncio
import hashlib
import json

import pytest
from sqlalchemy import select

from app.db import tables
from app.domain import artifact_saving
from tests.support.artifacts import _store, b64md5, save_artifact, user_actor
from tests.support.storage import send
from tests.support.teams import make_team

FILES_QUERY = """mutation($input: CreateArtifactFilesInput!) { createArtifactFiles(input: $input) {
  files { edges { node { storagePath uploadUrl uploadHeaders
    uploadMultipartUrls { uploadID uploadUrlParts { partNumber uploadUrl } } artifact { id } } } } } }"""
COMPLETE = """mutation($action: CompleteMultipartAction!, $parts: [UploadPartsInput!]!, $artifactID: ID!,
  $storagePath: String!, $uploadID: String!) {
  completeMultipartUploadArtifact(input: {completeMultipartAction: $action, completedParts: $parts,
    artifactID: $artifactID, storagePath: $storagePath, uploadID: $uploadID}) { digest } }"""
COMMIT = """mutation($id: ID!) { commitArtifact(input: {artifactID: $id}) { artifact { id state } } }"""
DIRECT_URLS = """query($id: ID!) { artifact(id: $id) { state files { edges { node { name directUrl } } } } }"""

PART = 5 * 1024 * 1024  # S3's smallest part but the last


def _parts(data: bytes) -> list[bytes]:
    return [data[start : start + PART] for start in range(0, len(data), PART)]


async def _pending(runtime):
    """The team, and a pending version of acme/vision/weights its member is saving."""
    team = await make_team(runtime)
    return team, await save_artifact(runtime, "max", "acme", "vision", "weights", {"small": b"s"}, commit=False)


async def _declare_manifest(runtime, artifact_id: int, files: dict[str, bytes]) -> None:
    """The version's manifest names ``files`` (stored by the server, as a client's PUT would)."""
    manifest = {
        "version": 1,
        "storagePolicy": "wandb-storage-policy-v1",
        "storagePolicyConfig": {"storageLayout": "V2"},
        "contents": {p: {"digest": b64md5(d), "size": len(d)} for p, d in files.items()},
    }
    data = json.dumps(manifest).encode()
    async with runtime.session_factory.begin() as session:
        await _store(runtime, session, data)
        await artifact_saving.set_manifest(session, await user_actor(session, "max"), artifact_id, digest=b64md5(data))


async def _multipart_slot(gql, key: str, artifact_global_id: str, name: str, announced: bytes) -> dict:
    parts = [{"partNumber": n, "hexMD5": hashlib.md5(p).hexdigest()} for n, p in enumerate(_parts(announced), 1)]
    data = await gql.data(
        FILES_QUERY,
        {
            "input": {
                "artifactFiles": [
                    {
                        "artifactID": artifact_global_id,
                        "name": name,
                        "md5": b64md5(announced),
                        "uploadPartsInput": parts,
                    }
                ]
            }
        },
        key=key,
    )
    return data["createArtifactFiles"]["files"]["edges"][0]["node"]


async def _put_parts(http, node: dict, data: bytes) -> list[dict]:
    """PUT each part to its URL as wandb-core does; the ETags it answered, as the client sends them back."""
    completed = []
    for part, body in zip(node["uploadMultipartUrls"]["uploadUrlParts"], _parts(data), strict=True):
        response = await send(http, "PUT", part["uploadUrl"], content=body, headers={"content-md5": b64md5(body)})
        assert response.status_code == 200, response.text
        completed.append({"partNumber": part["partNumber"], "hexMD5": response.headers["etag"]})
    return completed


def _complete(node: dict, artifact_global_id: str, parts: list[dict], action: str = "Complete") -> dict:
    return {
        "action": action,
        "parts": parts,
        "artifactID": artifact_global_id,
        "storagePath": node["storagePath"],
        "uploadID": node["uploadMultipartUrls"]["uploadID"],
    }


@pytest.mark.both_storages
async def test_a_multipart_upload_is_joined_checked_committed_and_downloads_back(gql, http, runtime, storage_backend):
    team, pending = await _pending(runtime)
    member = team.member.key
    content = bytes(range(256)) * (PART // 256) + b"the last part"
    node = await _multipart_slot(gql, member, pending.global_id, "model.bin", content)
    assert node["uploadUrl"] and [p["partNumber"] for p in node["uploadMultipartUrls"]["uploadUrlParts"]] == [1, 2]
    completed = await _put_parts(http, node, content)
    done = await gql.data(COMPLETE, _complete(node, pending.global_id, completed), key=member)
    assert done["completeMultipartUploadArtifact"]["digest"] == b64md5(content)
    # a retried completion (the client's request timed out) answers the same
    again = await gql.data(COMPLETE, _complete(node, pending.global_id, completed), key=member)
    assert again["completeMultipartUploadArtifact"]["digest"] == b64md5(content)
    async with runtime.session_factory() as session:
        blob = await session.scalar(select(tables.Blob).where(tables.Blob.storage_key == node["storagePath"]))
    assert blob.uploaded_at is not None and blob.size == len(content)

    # content held now needs no upload, multipart or not
    held = await _multipart_slot(gql, member, pending.global_id, "copy.bin", content)
    assert held["uploadUrl"] is None and held["uploadMultipartUrls"] is None

    await _declare_manifest(runtime, pending.artifact_id, {"small": b"s", "model.bin": content})
    assert (await gql.data(COMMIT, {"id": pending.global_id}, key=member))["commitArtifact"]["artifact"][
        "state"
    ] == "COMMITTED"
    files = (await gql.data(DIRECT_URLS, {"id": pending.global_id}, key=member))["artifact"]["files"]["edges"]
    url = next(e["node"]["directUrl"] for e in files if e["node"]["name"] == "model.bin")
    downloaded = await send(http, "GET", url)
    assert (
        downloaded.status_code == 200
        and hashlib.md5(downloaded.content).hexdigest() == hashlib.md5(content).hexdigest()
    )


@pytest.mark.both_storages
async def test_overlapping_completions_of_one_upload_answer_alike_and_record_it_once(
    gql, http, runtime, storage_backend
):
    # the client retries a completion that outlasts its request timeout while the first still joins
    team, pending = await _pending(runtime)
    member = team.member.key
    content = b"w" * PART + b"the rest"
    node = await _multipart_slot(gql, member, pending.global_id, "model.bin", content)
    completed = await _put_parts(http, node, content)
    answers = await asyncio.gather(
        *(gql.data(COMPLETE, _complete(node, pending.global_id, completed), key=member) for _ in range(3))
    )
    assert [a["completeMultipartUploadArtifact"]["digest"] for a in answers] == [b64md5(content)] * 3
    async with runtime.session_factory() as session:
        blob = await session.scalar(select(tables.Blob).where(tables.Blob.storage_key == node["storagePath"]))
        recorded = (
            await session.scalars(
                select(tables.AuditEvent.details).where(tables.AuditEvent.action == "artifact.multipart.complete")
            )
        ).all()
    assert (blob.size, [d["size"] for d in recorded]) == (len(content), [len(content)])
    assert await runtime.storage.size(node["storagePath"]) == len(content)


@pytest.mark.both_storages
async def test_joined_parts_that_miss_their_digest_are_removed_and_refused(gql, http, runtime, storage_backend):
    team, pending = await _pending(runtime)
    member = team.member.key
    announced = b"a" * PART + b"promised"
    node = await _multipart_slot(gql, member, pending.global_id, "model.bin", announced)
    completed = await _put_parts(http, node, b"b" * PART + b"sent bad")
    status, error = await gql.error(COMPLETE, _complete(node, pending.global_id, completed), key=member)
    assert (status, error["extensions"]["code"]) == (400, "BAD_USER_INPUT") and "md5" in error["message"]
    assert await runtime.storage.size(node["storagePath"]) is None
    async with runtime.session_factory() as session:
        blob = await session.scalar(select(tables.Blob).where(tables.Blob.storage_key == node["storagePath"]))
    assert blob.uploaded_at is None

    # an aborted upload leaves nothing either; an outsider can neither complete nor abort
    node = await _multipart_slot(gql, member, pending.global_id, "model.bin", announced)
    outsider = team.outsider.key
    _, error = await gql.error(COMPLETE, _complete(node, pending.global_id, [], "Abort"), key=outsider)
    assert error["extensions"]["code"] == "NOT_FOUND"
    aborted = await gql.data(COMPLETE, _complete(node, pending.global_id, [], "Abort"), key=member)
    assert aborted["completeMultipartUploadArtifact"]["digest"] is None
    if storage_backend == "s3":
        return  # the test server answers 500 (S3: 404 NoSuchUpload) for a completion after the abort
    _, error = await gql.error(
        COMPLETE, _complete(node, pending.global_id, [{"partNumber": 1, "hexMD5": '"x"'}]), key=member
    )
    assert error["extensions"]["code"] == "BAD_USER_INPUT" and "cannot be completed" in error["message"]


@pytest.mark.parametrize("storage_backend", ["s3"], indirect=True)
async def test_presigned_puts_are_confirmed_at_commit(gql, http, runtime, storage_backend):
    team, pending = await _pending(runtime)
    member = team.member.key
    content = b"straight to the bucket"
    data = await gql.data(
        FILES_QUERY,
        {"input": {"artifactFiles": [{"artifactID": pending.global_id, "name": "direct.txt", "md5": b64md5(content)}]}},
        key=member,
    )
    node = data["createArtifactFiles"]["files"]["edges"][0]["node"]
    assert not node["uploadUrl"].startswith("http://testserver/")  # the bucket's own presigned URL
    assert node["uploadHeaders"] == [f"Content-MD5:{b64md5(content)}"]  # signed into that URL
    await _declare_manifest(runtime, pending.artifact_id, {"small": b"s", "direct.txt": content})

    _, error = await gql.error(COMMIT, {"id": pending.global_id}, key=member)
    assert error["extensions"]["code"] == "BAD_USER_INPUT" and "never uploaded" in error["message"]
    headers = dict(h.split(":", 1) for h in node["uploadHeaders"])
    # the test server does not check Content-MD5 as S3 does: the commit finds the wrong bytes itself
    assert (await send(http, "PUT", node["uploadUrl"], content=b"other bytes", headers=headers)).status_code == 200
    _, error = await gql.error(COMMIT, {"id": pending.global_id}, key=member)
    assert error["extensions"]["code"] == "BAD_USER_INPUT" and "removed" in error["message"]
    assert await runtime.storage.size(node["storagePath"]) is None

    assert (await send(http, "PUT", node["uploadUrl"], content=content, headers=headers)).status_code == 200
    committed = await gql.data(COMMIT, {"id": pending.global_id}, key=member)
    assert committed["commitArtifact"]["artifact"]["state"] == "COMMITTED"
    async with runtime.session_factory() as session:
        blob = await session.scalar(select(tables.Blob).where(tables.Blob.storage_key == node["storagePath"]))
    assert blob.uploaded_at is not None and blob.size == len(content)
    files = (await gql.data(DIRECT_URLS, {"id": pending.global_id}, key=member))["artifact"]["files"]["edges"]
    url = next(e["node"]["directUrl"] for e in files if e["node"]["name"] == "direct.txt")
    assert (await send(http, "GET", url)).content == content


@pytest.mark.parametrize("storage_backend", ["s3"], indirect=True)
async def test_a_commit_while_the_bucket_is_down_is_a_503_the_client_retries(
    gql, runtime, storage_backend, monkeypatch
):
    import boto3
    from botocore.config import Config

    from app.storage.s3 import S3BlobStore
    from tests.support.storage import free_port

    team, pending = await _pending(runtime)
    closed = boto3.client(
        "s3",
        endpoint_url=f"http://127.0.0.1:{free_port()}",
        region_name="us-east-1",
        aws_access_key_id="t",
        aws_secret_access_key="t",
        config=Config(retries={"max_attempts": 1}, connect_timeout=1),
    )
    monkeypatch.setattr(runtime, "storage", S3BlobStore(closed, runtime.settings.s3_bucket))
    response = await gql.post(COMMIT, {"id": pending.global_id}, key=team.member.key)
    error = response.json()["errors"][0]
    assert (response.status_code, error["extensions"]["code"]) == (503, "UNAVAILABLE") and response.headers[
        "retry-after"
    ]
    async with runtime.session_factory() as session:
        assert (await session.get(tables.Artifact, pending.artifact_id)).state == "PENDING"


async def test_create_artifact_files_answers_many_specs_in_order_and_names_bad_ones(gql, runtime):
    team, pending = await _pending(runtime)
    member = team.member.key
    contents = {f"data/{i:03d}.txt": f"row {i}".encode() for i in range(300)}
    specs = [
        {"artifactID": pending.global_id, "name": p, "md5": b64md5(d), "mimetype": None, "uploadPartsInput": None}
        for p, d in contents.items()
    ]
    edges = (await gql.data(FILES_QUERY, {"input": {"artifactFiles": specs, "storageLayout": "V2"}}, key=member))[
        "createArtifactFiles"
    ]["files"]["edges"]
    assert len(edges) == 300 and {e["node"]["artifact"]["id"] for e in edges} == {pending.global_id}
    assert all(e["node"]["uploadUrl"] and e["node"]["uploadMultipartUrls"] is None for e in edges)
    assert [e["node"]["storagePath"].split("/")[2] for e in edges] == [
        hashlib.md5(d).hexdigest() for d in contents.values()
    ]

    async def refused(spec_changes: dict) -> list[str]:
        bad = [dict(specs[0]), {**specs[1], **spec_changes}]
        payload = (await gql.post(FILES_QUERY, {"input": {"artifactFiles": bad}}, key=member)).json()
        assert payload.get("data") is None or payload["data"].get("createArtifactFiles") is None, payload
        return [error["message"] for error in payload["errors"]]

    assert "invalid md5 digest 'nope'" in (await refused({"md5": "nope"}))[0]
    assert "invalid artifact file name '../escape'" in (await refused({"name": "../escape"}))[0]
    messages = await refused({"md5": None})
    assert "md5" in messages[0] and "artifactFiles" in messages[0]
    messages = await refused({"uploadPartsInput": [{"partNumber": 1, "hexMD5": "zz"}]})
    assert "part 1 has an invalid hexMD5 'zz'" in messages[0]


async def test_file_url_pages_read_every_file_once_with_working_direct_urls(gql, http, runtime):
    team, _ = await _pending(runtime)
    files = {f"f/{i}.bin": f"content {i}".encode() for i in range(7)} | {"a dir/ü name.txt": b"unicode"}
    saved = await save_artifact(runtime, "max", "acme", "vision", "many", files)
    query = """query($id: ID!, $after: String) { artifact(id: $id) { files(first: 3, after: $after) {
      pageInfo { endCursor hasNextPage } edges { node { name directUrl digest sizeBytes } } } } }"""
    seen, after = [], None
    while True:
        answer = await gql.data(query, {"id": saved.global_id, "after": after}, key=team.member.key)
        page = answer["artifact"]["files"]
        seen += [edge["node"] for edge in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert [node["name"] for node in seen] == sorted(files)
    for node in seen:
        assert node["digest"] == b64md5(files[node["name"]]) and node["sizeBytes"] == len(files[node["name"]])
        response = await send(http, "GET", node["directUrl"])  # no credentials: the URL is the capability
        assert response.status_code == 200 and response.content == files[node["name"]]
