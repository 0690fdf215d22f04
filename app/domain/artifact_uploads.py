"""Getting artifact content into the blob store beyond the single signed PUT of ``app.rest.storage``.

- **Multipart uploads** (the client asks for them for files of 2 GiB or more): ``start_multipart``
  opens an upload in the store for the blob's key; the client PUTs each part to its own URL
  (Labbook's signed ``/storage`` part route, or a presigned URL of the bucket) and then asks to
  complete. ``complete_multipart`` joins the parts and checks the whole file's MD5 against the
  digest its key promises before the blob counts as uploaded: the local store checks the MD5 of
  what it joins before the file becomes visible; on S3 the multipart ETag is no MD5, so the object
  is read back once, in the bucket's network, and removed when it does not match (a concurrent
  correct upload of the same content could lose that race there: S3 shows a completed object at
  once, and staging it elsewhere would mean copying gigabytes). Content-addressed blobs are shared by the
  whole instance, so unverified bytes would reach everyone who logs the same digest later.
- **Direct uploads** (S3): the client PUTs straight to the bucket, so Labbook learns of it only by
  asking (``confirm_direct_uploads``, at commit): the object must exist, and its MD5 (a single PUT's
  ETag, else read back) must be the digest; a mismatch is removed and the commit refused.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import re
from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.tables import Blob
from app.db.types import utcnow
from app.domain import artifact_blobs, audit
from app.domain.actor import Actor
from app.domain.artifacts import PENDING, version_by_id
from app.domain.errors import BadInput, Conflict, NotFound
from app.storage.base import BlobStore, InvalidUpload, StorageUnavailable

log = logging.getLogger("labbook.artifacts")

MAX_PARTS = 10_000
PARALLEL_STATS = 16
_HEX = re.compile(r"^[0-9a-f]{32}$")


@dataclass(frozen=True)
class Part:
    number: int
    etag: str  # the part's hex MD5 (as announced), or the ETag its PUT answered


def check_parts(parts: list[Part], *, announced: bool) -> list[Part]:
    """Parts in ascending order, each once, numbered 1 to MAX_PARTS; ``announced`` parts carry the
    hex MD5 the client computed. BadInput otherwise."""
    if not parts:
        raise BadInput("a multipart upload needs at least one part")
    if len(parts) > MAX_PARTS:
        raise BadInput(f"too many parts: {len(parts)}, the limit is {MAX_PARTS}")
    ordered = sorted(parts, key=lambda p: p.number)
    numbers = [p.number for p in ordered]
    if len(set(numbers)) != len(numbers) or numbers[0] < 1 or numbers[-1] > MAX_PARTS:
        raise BadInput(f"part numbers must be distinct, from 1 to {MAX_PARTS}")
    for part in ordered:
        value = part.etag.strip('"').lower()
        if announced and not _HEX.match(value):
            raise BadInput(f"part {part.number} has an invalid hexMD5 {part.etag!r}")
        if not value:
            raise BadInput(f"part {part.number} has no ETag: send the ETag its upload answered")
    return ordered


async def start_multipart(storage: BlobStore, key: str, parts: list[Part]) -> str:
    """Open a multipart upload for ``key`` (the parts checked first); its upload id."""
    check_parts(parts, announced=True)
    return await storage.create_multipart(key)


async def _pending_blob(session: AsyncSession, actor: Actor, artifact_id: int, key: str) -> Blob:
    """The live blob under ``key``, for an upload into a pending version the actor may write."""
    version = await version_by_id(session, actor, artifact_id, write=True)
    if version.artifact.state != PENDING:
        raise Conflict(
            f"artifact {version.sequence.name}:v{version.artifact.version_index} is "
            f"{version.artifact.state.lower()} and can no longer change its files"
        )
    blob = None
    if artifact_blobs.key_digest(key) is not None:
        blob = await session.scalar(select(Blob).where(Blob.storage_key == key, Blob.released_at.is_(None)))
    if blob is None:
        raise NotFound(f"no artifact content waits for an upload at {key!r}; ask createArtifactFiles again")
    return blob


@dataclass
class Completed:
    digest: str  # base64 MD5 of the whole file
    size: int


async def complete_multipart(
    session_factory,
    storage: BlobStore,
    actor: Actor,
    artifact_id: int,
    key: str,
    upload_id: str,
    parts: list[Part],
    *,
    max_bytes: int,
) -> Completed:
    """Join the parts, verify the whole file against its key's digest and record the blob uploaded.
    Idempotent: content already recorded is answered as is (a retried call). No transaction is held
    while the store joins or reads back the bytes."""
    async with session_factory.begin() as session:
        blob = await _pending_blob(session, actor, artifact_id, key)
        expected = artifact_blobs.md5_b64(blob.md5)
        if blob.uploaded_at is not None:
            await _abort_quietly(storage, key, upload_id)
            return Completed(expected, blob.size or 0)
    ordered = check_parts(parts, announced=False)
    size, etag = await _join(storage, key, upload_id, ordered, expected)
    problem = None
    if size > max_bytes:
        problem = f"the file is {size} bytes, past the limit of {max_bytes} for one artifact file"
    elif await _md5_of(storage, key, etag) != expected:
        problem = f"the joined parts do not have md5 {expected}, the digest this upload was for"
    if problem:
        await storage.delete(key)
        raise BadInput(problem)
    async with session_factory.begin() as session:
        blob = await _pending_blob(session, actor, artifact_id, key)
        if not await _record_uploaded(session, blob, size):
            return Completed(expected, size)  # a concurrent call of the same completion recorded it
        version = await version_by_id(session, actor, artifact_id, write=True)
        audit.record(
            session,
            actor,
            "artifact.multipart.complete",
            entity_id=version.place.entity.id,
            target_type="artifact",
            target_id=artifact_id,
            size=size,
            parts=len(ordered),
        )
    return Completed(expected, size)


async def _join(storage: BlobStore, key: str, upload_id: str, ordered: list[Part], expected: str) -> tuple[int, str]:
    """Join the parts in the store: the joined size and the store's digest of it. A retried call
    that overlaps the first (the client timed out while the store joined gigabytes) finds the
    parts taken and the joined object there: that object is what the caller verifies."""
    try:
        return await storage.complete_multipart(
            key, upload_id, [(p.number, p.etag) for p in ordered], expected_md5=expected
        )
    except InvalidUpload as error:  # nothing was made visible: what the key holds (if anything) stays
        joined = await storage.stat(key)
        if joined is None:
            raise BadInput(f"the multipart upload of {key} cannot be completed: {error}") from None
        return joined.size, joined.md5


async def _record_uploaded(session: AsyncSession, blob: Blob, size: int) -> bool:
    """Mark the blob uploaded unless a concurrent completion did first; whether this call did."""
    marked = await session.execute(
        update(Blob)
        .where(Blob.id == blob.id, Blob.uploaded_at.is_(None))
        .values(size=size, uploaded_at=utcnow())
        .execution_options(synchronize_session=False)
    )
    return marked.rowcount == 1


async def abort_multipart(
    session_factory, storage: BlobStore, actor: Actor, artifact_id: int, key: str, upload_id: str
) -> None:
    async with session_factory.begin() as session:
        await _pending_blob(session, actor, artifact_id, key)
        version = await version_by_id(session, actor, artifact_id, write=True)
        audit.record(
            session,
            actor,
            "artifact.multipart.abort",
            entity_id=version.place.entity.id,
            target_type="artifact",
            target_id=artifact_id,
        )
    await _abort_quietly(storage, key, upload_id)


async def _abort_quietly(storage: BlobStore, key: str, upload_id: str) -> None:
    """Drop an upload's parts; one already completed or aborted has none, and parts a failure leaves
    are removed by the storage sweep."""
    try:
        await storage.abort_multipart(key, upload_id)
    except (InvalidUpload, StorageUnavailable):
        log.info("multipart upload %s of %s left for the storage sweep", upload_id, key)


async def _md5_of(storage: BlobStore, key: str, reported: str | None) -> str:
    """Base64 MD5 of the stored blob: what the store reported when that is an MD5 (the local store),
    else (S3's multipart ETag, ``"<hex>-<parts>"``) read back once."""
    try:
        artifact_blobs.md5_hex(reported or "")
        return reported
    except BadInput:
        return await read_back_md5(storage, key)


async def read_back_md5(storage: BlobStore, key: str) -> str:
    md5 = hashlib.md5()
    async for chunk in storage.open(key):
        await asyncio.to_thread(md5.update, chunk)
    return artifact_blobs.md5_b64(md5.hexdigest())


async def confirm_direct_uploads(session: AsyncSession, storage: BlobStore, blobs: list[Blob]) -> None:
    """With a direct-upload store: record the blobs among these that the client PUT to the bucket
    (size and MD5 as stored; a mismatch is removed). Blobs still missing stay unrecorded, for the
    caller's refusal."""
    waiting = [b for b in blobs if b.uploaded_at is None]
    if not storage.direct_uploads or not waiting:
        return
    limit = asyncio.Semaphore(PARALLEL_STATS)

    async def confirm(blob: Blob) -> None:
        async with limit:
            info = await storage.stat(blob.storage_key)
            if info is None:
                return
            expected = artifact_blobs.md5_b64(blob.md5)
            md5 = info.md5
            if md5 != expected:  # no ETag MD5 (multipart), or one that is none (SSE-KMS buckets): read back
                md5 = await read_back_md5(storage, blob.storage_key)
            if md5 != expected:
                await storage.delete(blob.storage_key)
                raise BadInput(
                    f"the content uploaded for md5 {expected} has md5 {md5}; it was removed: upload the file again"
                )
            blob.size, blob.uploaded_at = info.size, utcnow()

    await asyncio.gather(*(confirm(b) for b in waiting))
    await session.flush()
