"""Content-addressed blobs behind artifact files and manifests.

One blob row per distinct content (MD5) in the whole instance, whatever the artifact, project or
entity. Its storage key is built from the digest and a per-row suffix (``blobs/md5/<hex>/<suffix>``),
never from entity or project names, so moving runs or renaming collections moves nothing. A blob
row lives while an artifact file or manifest references it. Deleting versions marks the rows
nothing references any more released; once that transaction has committed their bytes go, then the
rows (``delete_bytes``); ``sweep`` (at start) finishes releases a crash interrupted. Content asked
for again while released comes back under a new key.

The suffix keeps a freed blob's delayed storage delete from ever touching bytes uploaded again
for the same content under a new row.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import hashlib
import re
import uuid
from typing import AsyncIterator, Iterable

from sqlalchemy import delete, exists, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from app.db import dialect
from app.db.tables import Artifact, ArtifactFile, Blob
from app.db.types import utcnow
from app.domain import blobs
from app.domain.errors import BadInput

KEY_PREFIX = "blobs/md5/"
_HEX = re.compile(r"^[0-9a-f]{32}$")
IN_CHUNK = 500
WRITE_CHUNK = 4 * 1024 * 1024


class DigestMismatch(Exception):
    """The uploaded bytes do not have the digest their key promises."""


def md5_hex(b64_digest: str) -> str:
    """The hex form of a base64 MD5 as W&B sends it; BadInput for anything else."""
    try:
        raw = base64.b64decode(b64_digest or "", validate=True)
    except (binascii.Error, ValueError):
        raw = b""
    if len(raw) != 16:
        raise BadInput(f"invalid md5 digest {b64_digest!r}: expected the base64 MD5 of the file's content")
    return raw.hex()


def md5_b64(hex_digest: str) -> str:
    return base64.b64encode(bytes.fromhex(hex_digest)).decode()


def new_key(hex_digest: str) -> str:
    return f"{KEY_PREFIX}{hex_digest}/{uuid.uuid4().hex[:12]}"


def key_digest(key: str) -> str | None:
    """The hex MD5 a blob key promises, or None when ``key`` is no blob key."""
    if not key.startswith(KEY_PREFIX):
        return None
    digest = key[len(KEY_PREFIX) :].split("/", 1)[0]
    return digest if _HEX.match(digest) else None


async def verified(chunks: AsyncIterator[bytes], hex_digest: str) -> AsyncIterator[bytes]:
    """The chunks (regrouped into large blocks); raises DigestMismatch after the last one when their
    MD5 differs, so that the store never makes the upload visible. Each block is hashed in a thread
    while the store writes it."""
    md5 = hashlib.md5()
    pending = bytearray()
    hashing: asyncio.Future | None = None
    async for chunk in chunks:  # the server hands the body over in small pieces
        pending += chunk
        if len(pending) >= WRITE_CHUNK:
            block = bytes(pending)
            pending.clear()
            if hashing is not None:
                await hashing
            hashing = asyncio.ensure_future(asyncio.to_thread(md5.update, block))
            yield block
    if hashing is not None:
        await hashing
    if pending:
        md5.update(pending)
        yield bytes(pending)
    if md5.hexdigest() != hex_digest:
        raise DigestMismatch(
            f"the uploaded content has md5 {md5_b64(md5.hexdigest())}, not {md5_b64(hex_digest)} as announced"
        )


async def ensure(session: AsyncSession, hex_digests: Iterable[str]) -> dict[str, Blob]:
    """The blob rows of these digests, created (not yet uploaded) where missing."""
    wanted = sorted(set(hex_digests))
    found = await by_digest(session, wanted, include_released=True)
    for blob in found.values():
        if blob.released_at is not None:  # its old bytes are on their way out: upload again, elsewhere
            blob.released_at, blob.uploaded_at, blob.size = None, None, None
            blob.storage_key = new_key(blob.md5)
    missing = [digest for digest in wanted if digest not in found]
    if missing:
        statement = dialect.insert_unless_taken(Blob.__table__, ["md5"], session.bind.dialect.name)
        now = utcnow()
        for start in range(0, len(missing), IN_CHUNK):
            rows = [{"md5": d, "storage_key": new_key(d), "created_at": now} for d in missing[start : start + IN_CHUNK]]
            await session.execute(statement, rows)
        found.update(await by_digest(session, missing))
    return found


async def by_digest(
    session: AsyncSession, hex_digests: list[str], *, include_released: bool = False
) -> dict[str, Blob]:
    found: dict[str, Blob] = {}
    for start in range(0, len(hex_digests), IN_CHUNK):
        query = select(Blob).where(Blob.md5.in_(hex_digests[start : start + IN_CHUNK]))
        if not include_released:
            query = query.where(Blob.released_at.is_(None))
        found.update({b.md5: b for b in (await session.scalars(query)).all()})
    return found


async def record_upload(session: AsyncSession, key: str, size: int) -> bool:
    """Mark the blob under ``key`` uploaded; False if no blob row has that key."""
    blob = await session.scalar(select(Blob).where(Blob.storage_key == key, Blob.released_at.is_(None)))
    if blob is None:
        return False
    blob.size = size
    blob.uploaded_at = utcnow()
    return True


async def is_uploaded(session: AsyncSession, key: str) -> bool:
    blob = await session.scalar(select(Blob).where(Blob.storage_key == key, Blob.released_at.is_(None)))
    return blob is not None and blob.uploaded_at is not None


async def live_keys(session: AsyncSession, keys: list[str]) -> set[str]:
    """The keys among these whose blob is not released (blobs are released when nothing references
    them): the signed storage GET serves only those, and the storage sweep removes the rest."""
    return set(
        await session.scalars(select(Blob.storage_key).where(Blob.storage_key.in_(keys), Blob.released_at.is_(None)))
    )


blobs.register(blobs.BlobOwner(prefix=KEY_PREFIX, live=live_keys))


async def release_unreferenced(session: AsyncSession, blob_ids: Iterable[int]) -> list[tuple[str, int]]:
    """Release the blobs among these that no artifact file or manifest references any more;
    (storage key, size) of each, for deleting their bytes after commit (``delete_bytes``)."""
    candidates = sorted({b for b in blob_ids if b is not None})
    freed: list[tuple[str, int]] = []
    for start in range(0, len(candidates), IN_CHUNK):
        part = candidates[start : start + IN_CHUNK]
        referenced = or_(
            exists().where(ArtifactFile.blob_id == Blob.id),
            exists().where(Artifact.manifest_blob_id == Blob.id),
        )
        rows = (
            await session.execute(
                select(Blob.id, Blob.storage_key, Blob.size).where(
                    Blob.id.in_(part), ~referenced, Blob.released_at.is_(None)
                )
            )
        ).all()
        if rows:
            await session.execute(update(Blob).where(Blob.id.in_([r.id for r in rows])).values(released_at=utcnow()))
            freed.extend((r.storage_key, r.size or 0) for r in rows)
    return freed


async def delete_bytes(storage, session_factory, freed: list[tuple[str, int]]) -> int:
    """Remove released blobs' bytes (once their release committed), then their rows; the bytes freed.
    A key asked for again meanwhile has a new row and key, which this never touches."""
    total = 0
    for key, _ in freed:
        total += await storage.delete(key)
        async with session_factory.begin() as session:
            await session.execute(delete(Blob).where(Blob.storage_key == key, Blob.released_at.is_not(None)))
    return total


async def sweep(storage, session_factory) -> int:
    """Finish releases a crash interrupted (bytes and rows of released blobs); the bytes freed."""
    async with session_factory() as session:
        keys = (await session.execute(select(Blob.storage_key, Blob.size).where(Blob.released_at.is_not(None)))).all()
    return await delete_bytes(storage, session_factory, [(k, s or 0) for k, s in keys])
