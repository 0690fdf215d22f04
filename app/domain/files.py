"""Run files: upload slots for the client, recorded uploads, listing and reading.

Blobs live under internal keys (``run-files/<random>``), never under an entity/project path,
so moving a run moves nothing on disk. The client PUTs to a signed URL for that key: Labbook's
``/storage`` route (``app.rest.storage``), whose PUT records size and md5 here, or a presigned URL of
an object store (``direct_uploads``), whose uploads Labbook learns of by asking the store
(``confirm_uploads``) before it lists or serves the run's files.
"""

from __future__ import annotations

import asyncio
import logging
import mimetypes
import posixpath
import unicodedata
import uuid
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.tables import Entity, Project, Run, RunFile
from app.db.types import utcnow
from app.db.unique import insert_or_get
from app.domain import audit, blobs, projects, runs, runs_view
from app.domain.actor import Actor
from app.domain.errors import BadInput, NotFound
from app.storage.base import BlobStore

log = logging.getLogger("labbook.files")

KEY_PREFIX = "run-files/"
MAX_FILES_PER_CALL = 1000


@dataclass
class UploadSlot:
    name: str
    storage_key: str


# Characters that reorder or hide text (bidirectional embeddings, overrides and isolates), which
# could make a listed name read as another one.
BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def check_file_name(name: str) -> str:
    """A path relative to the run root (e.g. ``code/train.py``); no absolute paths or ``..``, no
    control characters (newline, tab, NUL ...), line separators or bidirectional controls."""
    normalized = posixpath.normpath(name or "")
    if (
        not name
        or name.startswith("/")
        or "\\" in name
        or normalized.startswith("..")
        or normalized == "."
        or len(name) > 1024
    ):
        raise BadInput(f"invalid run file name {name!r}: use a relative path inside the run, like code/train.py")
    bad = next(
        (char for char in name if char in BIDI_CONTROLS or unicodedata.category(char) in ("Cc", "Zl", "Zp")), None
    )
    if bad is not None:
        raise BadInput(
            f"invalid run file name {name!r}: it contains the control character U+{ord(bad):04X} "
            f"({unicodedata.name(bad, 'control')}); use printable characters only"
        )
    return normalized


async def create_run_files(
    session: AsyncSession, actor: Actor, entity_name: str, project_name: str, run_name: str, names: list[str]
) -> tuple[Run, list[UploadSlot]]:
    """One upload slot per requested name, in order (the client drops the answer otherwise)."""
    if len(names) > MAX_FILES_PER_CALL:
        raise BadInput(f"too many files in one call: {len(names)}, the limit is {MAX_FILES_PER_CALL}")
    cleaned = [check_file_name(name) for name in names]
    context = await runs.loggable_run(session, actor, entity_name, project_name, run_name)
    run = context.run
    wanted = list(dict.fromkeys(cleaned))
    stored = {
        row.name: row
        for row in (
            await session.scalars(select(RunFile).where(RunFile.run_id == run.id, RunFile.name.in_(wanted)))
        ).all()
    }
    for row in stored.values():
        row.updated_at = utcnow()  # a new upload may follow: confirm_uploads looks again
    new = [
        RunFile(run_id=run.id, name=name, storage_key=f"{KEY_PREFIX}{uuid.uuid4().hex}", mimetype=guess_mimetype(name))
        for name in wanted
        if name not in stored
    ]
    for row, _ in await insert_or_get(session, new, ("run_id", "name")):
        stored[row.name] = row
    slots = [UploadSlot(requested, stored[name].storage_key) for requested, name in zip(names, cleaned, strict=True)]
    await session.flush()
    audit.record(
        session,
        actor,
        "run.files.create",
        entity_id=context.entity.id,
        target_type="run",
        target_id=run.id,
        name=run.name,
        files=cleaned[:50],
        count=len(cleaned),
    )
    return run, slots


def guess_mimetype(name: str) -> str:
    if name.endswith((".log", ".patch", ".yaml", ".yml", ".txt", ".jsonl")):
        return "text/plain"
    return mimetypes.guess_type(name)[0] or "application/octet-stream"


async def record_upload(session: AsyncSession, storage_key: str, size: int, md5: str) -> bool:
    """Note a finished PUT on the run file stored under ``storage_key``; False if none is."""
    result = await session.execute(
        update(RunFile)
        .where(RunFile.storage_key == storage_key)
        .values(size_bytes=size, md5=md5, uploaded=True, updated_at=utcnow())
    )
    return bool(result.rowcount)


async def live_keys(session: AsyncSession, keys: list[str]) -> set[str]:
    """The keys a run file row still references (the blob registry's question)."""
    found = await session.scalars(select(RunFile.storage_key).where(RunFile.storage_key.in_(set(keys))))
    return set(found.all())


blobs.register(blobs.BlobOwner(prefix=KEY_PREFIX, live=live_keys, on_upload=record_upload))


async def storage_keys_of_runs(session: AsyncSession, run_ids: list[int]) -> list[str]:
    """Every blob key of the runs' files (uploaded or not), to release once the runs are gone."""
    keys: list[str] = []
    ids = sorted(set(run_ids))
    for start in range(0, len(ids), 500):
        keys += (
            await session.scalars(select(RunFile.storage_key).where(RunFile.run_id.in_(ids[start : start + 500])))
        ).all()
    return keys


@dataclass(frozen=True)
class DirectUploads:
    """How to confirm uploads that went straight to an object store: the store, how long after a
    slot was handed out an upload may still arrive (the URL's lifetime), and the size limit, which a
    presigned PUT cannot enforce (an upload past it is removed, never listed)."""

    storage: BlobStore
    window_seconds: float
    max_bytes: int


async def confirm_uploads(session: AsyncSession, direct: DirectUploads, run_ids: list[int]) -> int:
    """With direct uploads: record size and md5 of run files whose upload slot was handed out within
    the window, as the store has them now; how many it holds."""
    if not direct.storage.direct_uploads or not run_ids:
        return 0
    cutoff = utcnow() - timedelta(seconds=direct.window_seconds)
    rows = (
        await session.scalars(select(RunFile).where(RunFile.run_id.in_(set(run_ids)), RunFile.updated_at >= cutoff))
    ).all()
    return await _record_stored(direct, list(rows))


async def confirm_reported_uploads(
    session: AsyncSession, direct: DirectUploads, entity_name: str, project_name: str, run_name: str, names: object
) -> int:
    """file_stream's ``uploaded`` list (the client's word that these PUTs finished), with direct
    uploads: record what the store holds for them. The caller has checked the actor may log there."""
    wanted = {name for name in names if isinstance(name, str)} if isinstance(names, list) else set()
    if not direct.storage.direct_uploads or not wanted:
        return 0
    rows = (
        await session.scalars(
            select(RunFile)
            .join(Run, Run.id == RunFile.run_id)
            .join(Project, Project.id == Run.project_id)
            .join(Entity, Entity.id == Project.entity_id)
            .where(
                Entity.name == entity_name, Project.name == project_name, Run.name == run_name, RunFile.name.in_(wanted)
            )
        )
    ).all()
    return await _record_stored(direct, list(rows))


async def _record_stored(direct: DirectUploads, rows: list[RunFile]) -> int:
    """Set size and md5 of each row from what the store holds; how many it holds within the limit."""
    if not rows:
        return 0
    limit = asyncio.Semaphore(8)

    async def stat(key: str):
        async with limit:
            return await direct.storage.stat(key)

    found = 0
    for row, info in zip(rows, await asyncio.gather(*(stat(row.storage_key) for row in rows)), strict=True):
        if info is None:
            continue
        if info.size > direct.max_bytes:
            log.warning("run file %s is %d bytes, past the limit of %d: removed", row.name, info.size, direct.max_bytes)
            await direct.storage.delete(row.storage_key)
            row.uploaded, row.size_bytes, row.md5 = False, None, None
            continue
        found += 1
        if (row.uploaded, row.size_bytes, row.md5) != (True, info.size, info.md5):
            row.uploaded, row.size_bytes, row.md5 = True, info.size, info.md5
            row.updated_at = utcnow()
    return found


async def readable_file(
    session: AsyncSession,
    actor: Actor,
    entity_name: str,
    project_name: str,
    run_name: str,
    name: str,
    *,
    direct: DirectUploads | None = None,
) -> RunFile:
    """An uploaded run file the actor may read; NotFound otherwise (existence never leaks). With a
    direct-upload store (``direct``), a recent upload is confirmed first."""
    query = (
        select(RunFile, Project, Entity)
        .join(Run, Run.id == RunFile.run_id)
        .join(Project, Project.id == Run.project_id)
        .join(Entity, Entity.id == Project.entity_id)
        .where(Entity.name == entity_name, Project.name == project_name, Run.name == run_name, RunFile.name == name)
    )
    row = (await session.execute(query)).first()
    missing = NotFound(f"file {name} of run {entity_name}/{project_name}/{run_name} not found")
    if row is None or not await projects.can_read(session, actor, row[2], row[1]):
        raise missing
    if direct is not None:
        await confirm_uploads(session, direct, [row[0].run_id])
    if not row[0].uploaded:
        raise missing
    return row[0]


async def count_by_run(session: AsyncSession, run_ids: list[int]) -> dict[int, int]:
    rows = await session.execute(
        select(RunFile.run_id, func.count())
        .where(RunFile.run_id.in_(set(run_ids)), RunFile.uploaded.is_(True))
        .group_by(RunFile.run_id)
    )
    return dict(rows.all())


async def page(
    session: AsyncSession,
    run_id: int,
    *,
    names: list[str] | None,
    pattern: str | None,
    after_name: str | None,
    limit: int,
) -> list[RunFile]:
    """Uploaded files of a run by name; ``names`` (exact) or ``pattern`` (SQL LIKE) narrow them."""
    query = select(RunFile).where(RunFile.run_id == run_id, RunFile.uploaded.is_(True))
    wanted = [n for n in (names or []) if n]
    if wanted:
        query = query.where(RunFile.name.in_(wanted))
    elif pattern:
        query = query.where(RunFile.name.like(pattern))
    if after_name is not None:
        query = query.where(RunFile.name > after_name)
    return list((await session.scalars(query.order_by(RunFile.name).limit(limit))).all())


async def readable_file_by_id(
    session: AsyncSession, actor: Actor, file_id: int
) -> tuple[RunFile, tuple[str, str, str]] | None:
    """An uploaded run file and its run's (entity, project, run) names, when the actor may read the
    run; None when missing, not uploaded yet or not readable."""
    row = await session.get(RunFile, file_id)
    if row is None or not row.uploaded:
        return None
    if await runs_view.readable_run_by_id(session, actor, row.run_id) is None:
        return None
    return row, await run_path(session, row.run_id)


async def run_path(session: AsyncSession, run_id: int) -> tuple[str, str, str]:
    """(entity, project, run) names of a run, for URLs."""
    found = await runs_view.run_with_place(session, run_id)
    if found is None:
        raise NotFound(f"run {run_id} not found")
    run, project, entity = found
    return entity.name, project.name, run.name
