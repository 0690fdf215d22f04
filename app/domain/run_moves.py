"""Moving runs between projects and deleting them: all of the selected runs or none.

A run keeps its id when it moves, so everything keyed by the run id (history, events, console lines,
files, alerts, attribution) moves with it in the same UPDATE, and nothing is copied on disk.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Sequence

from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm.attributes import set_committed_value

from app.db.tables import AuditEvent, Entity, Project, Run
from app.db.types import utcnow
from app.domain import artifact_changes, audit, files, projects, run_filters, run_values
from app.domain.actor import Actor
from app.domain.errors import BadInput, Conflict, Forbidden, NotFound
from app.domain.policy import Access, runs_may_leave
from app.domain.users import entity_by_name

# Ids per IN (...) list: far below the bind-parameter limits of SQLite and asyncpg.
ID_CHUNK = 500
NAMES_SHOWN = 10


@dataclass(frozen=True)
class RunSelection:
    """Which runs of a project: the named ones, the ones matching W&B filters, or (neither) all of them."""

    run_names: Sequence[str] | None = None
    filters: str | None = None

    def check(self) -> None:
        if self.run_names is not None and self.filters is not None:
            raise BadInput("give either runNames or filters, not both")


@dataclass(frozen=True)
class MoveRequest:
    source_entity: str
    source_project: str
    destination_entity: str
    destination_project: str
    selection: RunSelection = RunSelection()
    create_destination: bool = False
    dry_run: bool = False

    @property
    def source_path(self) -> str:
        return f"{self.source_entity}/{self.source_project}"

    @property
    def destination_path(self) -> str:
        return f"{self.destination_entity}/{self.destination_project}"


@dataclass(frozen=True)
class MoveResult:
    runs: list[Run]
    dry_run: bool


# --- moving ------------------------------------------------------------------------------------


async def move_runs(session: AsyncSession, actor: Actor, request: MoveRequest) -> MoveResult:
    """Move the selected runs, or with ``dry_run`` only report which would move. Raises before any write
    when one run may not move, the destination refuses them, or a run name is taken there."""
    request.selection.check()
    if (request.source_entity, request.source_project) == (request.destination_entity, request.destination_project):
        raise BadInput(f"the runs are already in {request.source_path}: choose another destination project")
    source = await readable_place(session, actor, request.source_entity, request.source_project)
    if not runs_may_leave(source.project):
        raise Forbidden(f"runs cannot be moved out of {source.path}: it is a RESTRICTED project")
    runs = await select_runs(session, source.project, request.selection, source.path)
    require_editable(actor, source, runs, verb="move")
    destination_entity, destination = await _destination(session, actor, request)
    if destination is not None:
        await _refuse_taken_names(session, destination, runs, request.destination_path)
    if request.dry_run:
        return MoveResult(runs=runs, dry_run=True)
    if destination is None:
        destination = await projects.create_project(session, actor, destination_entity, request.destination_project)
    if destination is None:  # created by a concurrent request since _destination: check it as existing
        destination_entity, destination = await _destination(session, actor, request)
        if destination is None:
            raise Conflict(f"project {request.destination_path} was created and deleted concurrently; retry")
        await _refuse_taken_names(session, destination, runs, request.destination_path)
    await reassign_runs(session, source.project, runs, destination, request.destination_path)
    await clear_baselines(session, source.project, runs)
    details = dict(
        source=source.path,
        destination=request.destination_path,
        source_project_id=source.project.id,
        destination_project_id=destination.id,
        runs=[run.name for run in runs],
        count=len(runs),
    )
    # Each entity's audit log shows the move: one event, or one per side when it crosses entities.
    for entity_id, project_id in {source.entity.id: source.project.id, destination_entity.id: destination.id}.items():
        audit.record(
            session, actor, "runs.move", entity_id=entity_id, target_type="project", target_id=project_id, **details
        )
    return MoveResult(runs=runs, dry_run=False)


async def _destination(session: AsyncSession, actor: Actor, request: MoveRequest) -> tuple[Entity, Project | None]:
    """The destination entity and project (None when it is to be created); refuses before any write."""
    entity = await entity_by_name(session, request.destination_entity)
    if entity is None:
        raise NotFound(f"entity {request.destination_entity} not found")
    project = await projects.find(session, entity, request.destination_project)
    access = await Access.load(session, actor, entity, project)
    if not access.can_receive_runs:
        if not access.is_member:
            raise access.write_denied()
        raise Forbidden(f"permission denied: user {actor.label} cannot log runs to {request.destination_path}")
    if project is None and not request.create_destination:
        raise NotFound(f"project {request.destination_path} not found; set createDestinationProject to create it")
    return entity, project


async def _refuse_taken_names(session: AsyncSession, destination: Project, runs: list[Run], path: str) -> None:
    taken: list[str] = []
    for names in _chunks([run.name for run in runs]):
        taken += (
            await session.scalars(select(Run.name).where(Run.project_id == destination.id, Run.name.in_(names)))
        ).all()
    if taken:
        taken.sort()
        verb = "exists" if len(taken) == 1 else "exist"
        raise Conflict(f"{_runs_phrase(taken)} already {verb} in {path}; nothing was moved", runs=taken)


async def reassign_runs(
    session: AsyncSession, source: Project, runs: list[Run], destination: Project, path: str
) -> None:
    """Give the runs the destination's project id. A run that another request moved or deleted since it
    was selected (the UPDATE waits for its row lock, then no longer matches) refuses the whole move."""
    now = utcnow()
    changed = 0
    try:
        for ids in _chunks(sorted(run.id for run in runs)):
            result = await session.execute(
                update(Run)
                .where(Run.id.in_(ids), Run.project_id == source.id)
                .values(project_id=destination.id, updated_at=now),
                execution_options={"synchronize_session": False},
            )
            changed += result.rowcount
            await run_values.move(session, ids, destination.id)
    except IntegrityError:
        # A run of the same name was created in the destination after our check.
        raise Conflict(f"a run with one of these names was just created in {path}; nothing was moved") from None
    if changed != len(runs):
        raise _changed_meanwhile("moved")
    for run in runs:
        set_committed_value(run, "project_id", destination.id)
        set_committed_value(run, "updated_at", now)


# --- deleting ----------------------------------------------------------------------------------


@dataclass
class Deletion:
    """Deleted runs' names, the blob keys of their files, and the artifact content their deleted
    versions released: remove them (``blobs.release``, ``artifact_blobs.delete_bytes``) once the
    transaction has committed."""

    run_names: list[str]
    blob_keys: list[str]
    released_artifact_blobs: list[tuple[str, int]] = field(default_factory=list)


async def delete_runs(
    session: AsyncSession,
    actor: Actor,
    entity_name: str,
    project_name: str,
    selection: RunSelection,
    *,
    delete_artifacts: bool = False,
) -> Deletion:
    """Delete the selected runs (all or none); with ``delete_artifacts`` the versions they logged go
    too, otherwise those versions stay in their collections without a producing run. An empty selection is refused: deleting every run
    takes an explicit ``filters: "{}"``."""
    selection.check()
    if selection.run_names is None and selection.filters is None:
        raise BadInput('give runNames or filters (filters "{}" selects every run of the project)')
    place = await readable_place(session, actor, entity_name, project_name)
    runs = await select_runs(session, place.project, selection, place.path)
    require_editable(actor, place, runs, verb="delete")
    freed = (
        await artifact_changes.delete_outputs_of_runs(session, actor, [r.id for r in runs]) if delete_artifacts else []
    )
    keys = await remove_runs(session, place.project, runs)
    names = [run.name for run in runs]
    audit.record(
        session,
        actor,
        "runs.delete",
        entity_id=place.entity.id,
        target_type="project",
        target_id=place.project.id,
        path=place.path,
        runs=names,
        count=len(names),
        delete_artifacts=delete_artifacts,
    )
    return Deletion(names, keys, freed)


async def delete_run(session: AsyncSession, actor: Actor, run_id: int, *, delete_artifacts: bool = False) -> Deletion:
    """W&B's deleteRun: one run by its storage id (with ``delete_artifacts``, the versions it logged).
    Deleting again a run the actor deleted is not an error (W&B's client may repeat it): nothing is
    deleted, and nothing is written."""
    row = (
        await session.execute(
            select(Run, Project, Entity)
            .join(Project, Project.id == Run.project_id)
            .join(Entity, Entity.id == Project.entity_id)
            .where(Run.id == run_id)
        )
    ).first()
    if row is None and await _deleted_by(session, actor, run_id):
        return Deletion([], [])
    place = await Access.load(session, actor, row.Entity, row.Project) if row is not None else None
    if place is None or not place.can_read:
        raise NotFound("run not found")
    run, project, entity = row
    require_editable(actor, place, [run], verb="delete")
    freed = await artifact_changes.delete_outputs_of_runs(session, actor, [run.id]) if delete_artifacts else []
    keys = await remove_runs(session, project, [run])
    audit.record(
        session,
        actor,
        "run.delete",
        entity_id=entity.id,
        target_type="run",
        target_id=run.id,
        path=place.path,
        run=run.name,
        delete_artifacts=delete_artifacts,
    )
    return Deletion([run.name], keys, freed)


async def _deleted_by(session: AsyncSession, actor: Actor, run_id: int) -> bool:
    """Whether the actor deleted a run of this id (its audit event)."""
    if actor.user is None:
        return False
    found = await session.scalar(
        select(AuditEvent.id)
        .where(
            AuditEvent.target_type == "run",
            AuditEvent.target_id == run_id,
            AuditEvent.action == "run.delete",
            AuditEvent.actor_id == actor.user.id,
        )
        .limit(1)
    )
    return found is not None


async def remove_runs(session: AsyncSession, project: Project, runs: list[Run]) -> list[str]:
    """Delete the runs; one that another request moved or deleted since it was selected refuses them all.

    History, events, console lines, file rows and alerts go with each run by ON DELETE CASCADE. The
    stored blobs stay until the caller releases the returned keys after commit (a rollback could not
    bring a deleted blob back); a crash in between leaves them to the storage sweep."""
    keys = await files.storage_keys_of_runs(session, [run.id for run in runs])
    await clear_baselines(session, project, runs)
    removed = 0
    for ids in _chunks(sorted(run.id for run in runs)):
        result = await session.execute(
            delete(Run).where(Run.id.in_(ids), Run.project_id == project.id),
            execution_options={"synchronize_session": False},
        )
        removed += result.rowcount
    if removed != len(runs):
        raise _changed_meanwhile("deleted")
    for run in runs:
        if run in session:
            session.expunge(run)
    return keys


# --- shared ------------------------------------------------------------------------------------


async def readable_place(session: AsyncSession, actor: Actor, entity_name: str, project_name: str) -> Access:
    """The actor's access at the project; NotFound also when the actor may not read it."""
    entity = await entity_by_name(session, entity_name)
    project = await projects.find(session, entity, project_name) if entity else None
    place = await Access.load(session, actor, entity, project) if project is not None else None
    if place is None or not place.can_read:
        raise NotFound(f"project {entity_name}/{project_name} not found")
    return place


async def select_runs(session: AsyncSession, project: Project, selection: RunSelection, path: str) -> list[Run]:
    """The selected runs, oldest first; NotFound naming any unknown run name."""
    query = select(Run).where(Run.project_id == project.id).order_by(Run.created_at, Run.id)
    if selection.run_names is None:
        if selection.filters is not None:
            dialect = session.get_bind().dialect.name
            query = query.where(
                run_filters.filter_clause(run_filters.parse_filters(selection.filters), dialect, [project.id])
            )
        return list((await session.scalars(query)).all())
    wanted = list(dict.fromkeys(selection.run_names))
    runs: list[Run] = []
    for names in _chunks(wanted):
        runs += (await session.scalars(query.where(Run.name.in_(names)))).all()
    missing = sorted(set(wanted) - {run.name for run in runs})
    if missing:
        raise NotFound(f"{_runs_phrase(missing)} not found in {path}", runs=missing)
    return sorted(runs, key=lambda run: (run.created_at, run.id))


def require_editable(actor: Actor, place: Access, runs: list[Run], *, verb: str) -> None:
    refused = [run.name for run in runs if not place.can_edit(run)]
    if not refused:
        return
    why = place.edit_limit(verb)
    raise Forbidden(
        f"permission denied: user {actor.label} may not {verb} {_runs_phrase(refused)} in {place.path} "
        f"({why}); nothing was {verb}d",
        runs=refused,
    )


async def clear_baselines(session: AsyncSession, project: Project, runs: Iterable[Run]) -> None:
    """A run that leaves the project (moved or deleted) stops being its baseline. Decided by the UPDATE
    itself, so a baseline set by a concurrent request is seen too."""
    now = utcnow()
    for ids in _chunks(sorted(run.id for run in runs)):
        result = await session.execute(
            update(Project)
            .where(Project.id == project.id, Project.baseline_run_id.in_(ids))
            .values(baseline_run_id=None, updated_at=now),
            execution_options={"synchronize_session": False},
        )
        if result.rowcount:
            set_committed_value(project, "baseline_run_id", None)
            set_committed_value(project, "updated_at", now)


def _changed_meanwhile(past: str) -> Conflict:
    return Conflict(
        f"some of the runs were moved or deleted by another request meanwhile; nothing was {past}, try again"
    )


def _runs_phrase(names: Sequence[str]) -> str:
    shown = ", ".join(names[:NAMES_SHOWN])
    more = f" and {len(names) - NAMES_SHOWN} more" if len(names) > NAMES_SHOWN else ""
    return f"run{'s' if len(names) > 1 else ''} {shown}{more}"


def _chunks(values: list, size: int = ID_CHUNK) -> Iterable[list]:
    for start in range(0, len(values), size):
        yield values[start : start + size]
