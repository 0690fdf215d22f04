"""Run files: upload slots for the client, recorded uploads, listing and reading.

Blobs live under internal keys (``run-files/<random>``), never under an entity/project path,
so moving a run moves nothing on disk. The client PUTs to a signed URL for that key
(``app.rest.storage``); the PUT records size and md5 here.
"""

from __future__ import annotations

import mimetypes
import posixpath
import uuid
from dataclasses import dataclass

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.tables import Entity, Project, Run, RunFile
from app.db.types import utcnow
from app.db.unique import insert_or_get
from app.domain import audit, projects, runs, runs_view
from app.domain.actor import Actor
from app.domain.errors import BadInput, NotFound

KEY_PREFIX = "run-files/"
MAX_FILES_PER_CALL = 1000


@dataclass
class UploadSlot:
    name: str
    storage_key: str


def check_file_name(name: str) -> str:
    """A path relative to the run root (e.g. ``code/train.py``); no absolute paths or ``..``."""
    normalized = posixpath.normpath(name or "")
    if (not name or name.startswith("/") or "\\" in name or normalized.startswith("..")
            or normalized == "." or len(name) > 1024 or "\x00" in name):
        raise BadInput(f"invalid run file name {name!r}: use a relative path inside the run, like code/train.py")
    return normalized


async def create_run_files(session: AsyncSession, actor: Actor, entity_name: str, project_name: str,
                           run_name: str, names: list[str]) -> tuple[Run, list[UploadSlot]]:
    """One upload slot per requested name, in order (the client drops the answer otherwise)."""
    if len(names) > MAX_FILES_PER_CALL:
        raise BadInput(f"too many files in one call: {len(names)}, the limit is {MAX_FILES_PER_CALL}")
    cleaned = [check_file_name(name) for name in names]
    context = await runs.loggable_run(session, actor, entity_name, project_name, run_name)
    run = context.run
    wanted = list(dict.fromkeys(cleaned))
    stored = {
        row.name: row
        for row in (await session.scalars(
            select(RunFile).where(RunFile.run_id == run.id, RunFile.name.in_(wanted))
        )).all()
    }
    new = [RunFile(run_id=run.id, name=name, storage_key=f"{KEY_PREFIX}{uuid.uuid4().hex}",
                   mimetype=guess_mimetype(name)) for name in wanted if name not in stored]
    for row, _ in await insert_or_get(session, new, ("run_id", "name")):
        stored[row.name] = row
    slots = [UploadSlot(requested, stored[name].storage_key) for requested, name in zip(names, cleaned)]
    await session.flush()
    audit.record(session, actor, "run.files.create", entity_id=context.entity.id, target_type="run",
                 target_id=run.id, name=run.name, files=cleaned[:50], count=len(cleaned))
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


async def readable_file(session: AsyncSession, actor: Actor, entity_name: str, project_name: str, run_name: str,
                        name: str) -> RunFile:
    """An uploaded run file the actor may read; NotFound otherwise (existence never leaks)."""
    row = (
        await session.execute(
            select(RunFile, Project, Entity)
            .join(Run, Run.id == RunFile.run_id)
            .join(Project, Project.id == Run.project_id)
            .join(Entity, Entity.id == Project.entity_id)
            .where(Entity.name == entity_name, Project.name == project_name, Run.name == run_name,
                   RunFile.name == name, RunFile.uploaded.is_(True))
        )
    ).first()
    if row is None or not await projects.can_read(session, actor, row[2], row[1]):
        raise NotFound(f"file {name} of run {entity_name}/{project_name}/{run_name} not found")
    return row[0]


async def count_by_run(session: AsyncSession, run_ids: list[int]) -> dict[int, int]:
    rows = await session.execute(
        select(RunFile.run_id, func.count())
        .where(RunFile.run_id.in_(set(run_ids)), RunFile.uploaded.is_(True))
        .group_by(RunFile.run_id)
    )
    return dict(rows.all())


async def page(session: AsyncSession, run_id: int, *, names: list[str] | None, pattern: str | None,
               after_name: str | None, limit: int) -> list[RunFile]:
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


async def run_path(session: AsyncSession, run_id: int) -> tuple[str, str, str]:
    """(entity, project, run) names of a run, for URLs."""
    found = await runs_view.run_with_place(session, run_id)
    if found is None:
        raise NotFound(f"run {run_id} not found")
    run, project, entity = found
    return entity.name, project.name, run.name
