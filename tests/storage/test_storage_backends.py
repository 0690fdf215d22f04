"""The BlobStore interface on both backends (local directory, S3 on a moto server): streaming puts,
byte ranges, multipart uploads through the URLs a client is given, and the sweep of stale parts."""

from __future__ import annotations

import asyncio
import base64
import hashlib

import httpx
import pytest

from app.storage import urls
from app.storage.base import InvalidUpload
from tests.support.storage import send

pytestmark = pytest.mark.both_storages


async def _stream(data: bytes, size: int = 64 * 1024):
    for start in range(0, len(data), size):
        yield data[start : start + size]


def _md5(data: bytes) -> str:
    return base64.b64encode(hashlib.md5(data).digest()).decode()


async def _read(store, key: str, start: int = 0, end: int | None = None) -> bytes:
    return b"".join([chunk async for chunk in store.open(key, start, end)])


async def test_put_streams_and_reads_back_whole_and_in_ranges(runtime, storage_backend):
    store = runtime.storage
    data = bytes(range(256)) * 40_000  # ~10 MiB: past one S3 part, so the S3 put goes multipart
    assert await store.put("run-files/big", _stream(data), max_bytes=len(data)) == (len(data), _md5(data))
    assert await _read(store, "run-files/big") == data
    assert await _read(store, "run-files/big", 5, 9) == data[5:10]
    assert await _read(store, "run-files/big", len(data) - 3) == data[-3:]
    info = await store.stat("run-files/big")
    assert info.size == len(data) and await store.size("run-files/big") == len(data)
    assert await store.delete("run-files/big") == len(data)
    assert await store.delete("run-files/big") == 0 and await store.size("run-files/big") is None
    with pytest.raises(FileNotFoundError):
        await _read(store, "run-files/big")


async def test_multipart_upload_through_the_client_urls(runtime, http, storage_backend):
    store, settings = runtime.storage, runtime.settings
    first, last = b"a" * (5 * 1024 * 1024), b"the end"  # S3 parts but the last are 5 MiB at least
    key = "run-files/multi"
    upload_id = await store.create_multipart(key)
    etags = []
    for number, body in ((1, first), (2, last)):
        url = urls.part_upload_url(
            store,
            runtime.secret,
            "http://testserver",
            key,
            upload_id,
            number,
            expires_in=settings.signed_url_ttl_seconds,
        )
        response = await send(http, "PUT", url, content=body)
        assert response.status_code == 200
        assert response.headers["etag"] == f'"{hashlib.md5(body).hexdigest()}"'
        etags.append((number, response.headers["etag"]))
    size, _ = await store.complete_multipart(key, upload_id, etags)
    assert size == len(first) + len(last)
    assert await _read(store, key, len(first)) == last
    assert await store.delete(key) == size


async def test_aborted_and_stale_multipart_uploads_leave_nothing(runtime, http, storage_backend):
    store = runtime.storage
    aborted = await store.create_multipart("run-files/aborted")
    await store.abort_multipart("run-files/aborted", aborted)
    stale = await store.create_multipart("run-files/stale")
    url = urls.part_upload_url(store, runtime.secret, "http://testserver", "run-files/stale", stale, 1, expires_in=60)
    assert (await send(http, "PUT", url, content=b"left by a crash")).status_code == 200
    if storage_backend == "local":  # (moto dates every multipart upload in 2010: always stale there)
        assert await store.sweep() == 0  # not stale yet
    store.stale_after_seconds = -1
    assert await store.sweep() >= len(b"left by a crash")  # the part (and, locally, its upload's record)
    if storage_backend == "local":
        with pytest.raises(InvalidUpload):
            await store.complete_multipart("run-files/stale", stale, [(1, '"x"')])
    else:  # (moto answers a complete of an aborted upload with a 500; ask the bucket instead)
        listed = store.client.list_multipart_uploads(Bucket=store.bucket, Prefix=store.prefix)
        assert listed.get("Uploads", []) == []
    assert [key async for key, _ in store.keys("run-files/")] == []


async def test_local_part_urls_are_signed_for_their_part_and_checked_on_complete(runtime, http, storage_backend):
    if storage_backend != "local":
        pytest.skip("parts go straight to the bucket on S3")
    store = runtime.storage
    upload_id = await store.create_multipart("run-files/m")
    url = urls.part_upload_url(store, runtime.secret, "http://testserver", "run-files/m", upload_id, 1, expires_in=60)
    assert (await send(http, "PUT", url.replace("partNumber=1", "partNumber=2"), content=b"x")).status_code == 403
    etag = (await send(http, "PUT", url, content=b"part one")).headers["etag"]
    with pytest.raises(InvalidUpload, match="does not match"):
        await store.complete_multipart("run-files/m", upload_id, [(1, '"0123"')])
    with pytest.raises(InvalidUpload, match="ascending"):
        await store.complete_multipart("run-files/m", upload_id, [(1, etag), (1, etag)])
    assert await store.complete_multipart("run-files/m", upload_id, [(1, etag)]) == (8, _md5(b"part one"))


async def test_local_completions_racing_each_other_and_an_abort_join_or_refuse(runtime, storage_backend):
    # a retried completion overlaps the first: the one that loses finds the parts gone mid-way
    if storage_backend != "local":
        pytest.skip("parts go straight to the bucket on S3")
    store, body = runtime.storage, b"racing part" * 1000

    async def one_part():
        yield body

    for attempt in range(20):
        key = f"run-files/race-{attempt}"
        upload_id = await store.create_multipart(key)
        etag = await store.put_part(key, upload_id, 1, one_part(), max_bytes=len(body))
        calls = [store.complete_multipart(key, upload_id, [(1, etag)]) for _ in range(3)]
        if attempt % 2:
            calls.append(store.abort_multipart(key, upload_id))
        for outcome in await asyncio.gather(*calls, return_exceptions=True):
            assert outcome in (None, (len(body), _md5(body))) or isinstance(outcome, InvalidUpload), outcome


async def test_range_requests_on_the_storage_and_files_routes(gql, runtime, http, storage_backend):
    from tests.support import make_account
    from tests.support.tracking import CREATE_RUN_FILES, RUN_FILES, UPSERT_BUCKET

    alice = await make_account(runtime, "alice")
    await gql.data(UPSERT_BUCKET, {"name": "r1", "project": "p"}, key=alice.key)
    slot = (
        await gql.data(
            CREATE_RUN_FILES, {"entity": "alice", "project": "p", "run": "r1", "files": ["d.txt"]}, key=alice.key
        )
    )["createRunFiles"]["files"][0]
    assert (await send(http, "PUT", slot["uploadUrl"], content=b"0123456789")).status_code == 200
    node = (await gql.data(RUN_FILES, {"project": "p", "entity": "alice", "name": "r1"}, key=alice.key))["project"][
        "run"
    ]["files"]["edges"][0]["node"]
    for url, auth in ((node["directUrl"], None), (node["url"], ("api", alice.key))):
        part = await send(http, "GET", url, headers={"range": "bytes=2-4"}, auth=auth)
        assert (part.status_code, part.content, part.headers["content-range"]) == (206, b"234", "bytes 2-4/10")
        tail = await send(http, "GET", url, headers={"range": "bytes=-3"}, auth=auth)
        assert (tail.status_code, tail.content) == (206, b"789")
        assert (await send(http, "GET", url, headers={"range": "bytes=20-"}, auth=auth)).status_code == 416
        whole = await send(http, "GET", url, auth=auth)
        assert (whole.status_code, whole.content) == (200, b"0123456789")


def test_presigned_urls_use_the_public_endpoint(settings, storage_backend):
    if storage_backend != "s3":
        pytest.skip("only S3 presigns")
    from app.storage.s3 import S3BlobStore

    settings.s3_public_endpoint_url = "https://files.example.com"
    store = S3BlobStore.from_settings(settings)
    url = store.direct_download_url("run-files/k", expires_in=60, filename="notes.txt")
    split = httpx.URL(url)
    assert split.host == "files.example.com" and split.path == f"/{settings.s3_bucket}/{settings.s3_prefix}run-files/k"
    assert "attachment" in split.params["response-content-disposition"]


async def test_an_unreachable_bucket_is_a_503_the_client_retries(runtime, http, storage_backend, monkeypatch):
    if storage_backend != "s3":
        pytest.skip("a bucket's outage")
    import boto3
    from botocore.config import Config

    from app.storage.base import StorageUnavailable
    from app.storage.s3 import S3BlobStore
    from tests.support.storage import free_port

    closed = boto3.client(
        "s3",
        endpoint_url=f"http://127.0.0.1:{free_port()}",
        region_name="us-east-1",
        aws_access_key_id="t",
        aws_secret_access_key="t",
        config=Config(retries={"max_attempts": 1}, connect_timeout=1),
    )
    down = S3BlobStore(closed, runtime.settings.s3_bucket)
    with pytest.raises(StorageUnavailable):
        await down.stat("run-files/x")
    monkeypatch.setattr(runtime, "storage", down)
    from app.storage.signing import signed_path

    response = await http.put(signed_path(runtime.secret, "PUT", "run-files/x", 60), content=b"x")
    assert response.status_code == 503 and response.headers["retry-after"]


async def test_reads_across_blocks_and_a_reader_that_stops_early(runtime, storage_backend):
    """Local reads come in blocks, the next read while the current is consumed: ranges that
    start, end or span block boundaries come back exact, and a reader that stops after the first
    block (a download cut short) leaves the blob readable and deletable."""
    store = runtime.storage
    block = 1024 * 1024  # local.READ_CHUNK
    data = hashlib.sha256(b"seed").digest() * ((2 * block + 12345) // 32)
    await store.put("run-files/blocks", _stream(data, 1024 * 1024), max_bytes=len(data))
    for start, end in [
        (0, block - 1),
        (block - 1, block),
        (block - 10, 2 * block + 10),
        (block, None),
        (2 * block, len(data) - 1),
        (len(data) - 1, None),
    ]:
        assert await _read(store, "run-files/blocks", start, end) == data[start : None if end is None else end + 1]
    reader = store.open("run-files/blocks")
    first = await reader.__anext__()
    assert data.startswith(first) and len(first) >= 64 * 1024
    await reader.aclose()
    assert await _read(store, "run-files/blocks") == data
    assert await store.delete("run-files/blocks") == len(data)


def test_signed_paths_quote_unusual_keys_and_verify():
    from urllib.parse import parse_qs, quote, unquote, urlsplit

    from app.storage.signing import quote_key, signed_path, verify

    for key in ["blobs/md5/0123abcd/ef56", "run-files/a b/ü?#%.txt", "x/~tilde", "plain-_.key"]:
        assert quote_key(key) == quote(key)
        url = urlsplit(signed_path(b"secret", "GET", key, 60, extra={"uploadId": "u p", "partNumber": "2"}))
        query = {name: values[0] for name, values in parse_qs(url.query).items()}
        assert unquote(url.path) == f"/storage/{key}" and query["uploadId"] == "u p"
        assert verify(b"secret", "GET", key, query["expires"], query["sig"], {"uploadId": "u p", "partNumber": "2"})
        assert not verify(b"secret", "PUT", key, query["expires"], query["sig"], {"uploadId": "u p", "partNumber": "2"})
        assert not verify(b"other", "GET", key, query["expires"], query["sig"], {"uploadId": "u p", "partNumber": "2"})
