"""The official client's multipart upload (files of 2 GiB or more) on the S3 backend: the parts go
straight to the bucket through presigned UploadPart URLs, Labbook completes the upload, reads the
joined object back once to check its MD5, and the client's download of it comes back byte for byte."""

from __future__ import annotations

import asyncio
import hashlib
import shutil

import pytest
from sqlalchemy import select

from app.db import tables
from tests.support.api import live_account, run_client
from tests.support import postgres_reachable
from tests.e2e.test_wandb_artifacts import LARGE_FILE


@pytest.mark.parametrize("storage_backend", ["s3"], indirect=True)
async def test_the_clients_multipart_upload_goes_to_the_bucket_and_round_trips(
    live_server, tmp_path, database_url, storage_backend
):
    if database_url.startswith("sqlite") and postgres_reachable():
        pytest.skip("run once, on PostgreSQL (gigabytes through the S3 test server)")
    db = live_server.runtime
    store = db.storage
    alice = await live_account(live_server, "alice")
    size = 2 * 1024**3 + 1024**2  # past the client's 2 GiB threshold (a sparse file on the client's side)
    expected = hashlib.md5()
    expected.update(b"head" * 1024)
    zeros = bytes(16 * 1024 * 1024)
    remaining = size - 8192
    while remaining:
        chunk = zeros[: min(len(zeros), remaining)]
        expected.update(chunk)
        remaining -= len(chunk)
    expected.update(b"tail" * 1024)
    results = await run_client(
        tmp_path, live_server.url, alice.key, LARGE_FILE, ENTITY="alice", PROJECT="big", SIZE=size, timeout=1500
    )
    blob = None
    try:
        assert (results["size"], results["md5"]) == (size, expected.hexdigest()), results
        async with db.session_factory() as session:
            blob = await session.scalar(select(tables.Blob).where(tables.Blob.md5 == expected.hexdigest()))
            multipart = (
                await session.scalars(
                    select(tables.AuditEvent.details).where(tables.AuditEvent.action == "artifact.multipart.complete")
                )
            ).all()
        assert blob.size == size
        # the object is in the bucket under the blob's key, joined from the client's 100 MiB parts
        head = await asyncio.to_thread(
            store.client.head_object, Bucket=store.bucket, Key=store.prefix + blob.storage_key
        )
        assert head["ContentLength"] == size and head["ETag"].strip('"').endswith("-21"), head
        assert [(d["size"], d["parts"]) for d in multipart] == [(size, 21)], multipart
        pending = await asyncio.to_thread(store.client.list_multipart_uploads, Bucket=store.bucket, Prefix=store.prefix)
        assert pending.get("Uploads", []) == []  # nothing left half-done in the bucket
    finally:  # gigabytes: do not leave them in the test server's memory or pytest's kept temp dirs
        if blob is not None:
            await store.delete(blob.storage_key)
        shutil.rmtree(tmp_path, ignore_errors=True)
