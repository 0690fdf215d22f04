"""Adding and removing tags on a selection of runs (the Table tab's tag editing): all of the
selected runs or none, in the caller's transaction, with one audit event.

The selection is moveRuns' and deleteRuns' (run names, or the filter language, which the table's
"select every run matching the filter" sends). Each run's tags keep their order: removed tags go,
added tags not already there are appended. Runs whose tags would not change are not written.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.tables import Run
from app.db.types import utcnow
from app.domain import audit
from app.domain.actor import Actor
from app.domain.errors import BadInput, Conflict, Forbidden
from app.domain.run_moves import ID_CHUNK, RunSelection, readable_place, select_runs

MAX_TAG_LENGTH = 256
MAX_TAGS_PER_REQUEST = 100
NAMES_SHOWN = 10


@dataclass(frozen=True)
class TagChange:
    matched: list[Run]  # every selected run, oldest first, with its tags as they now are
    changed: list[str]  # the names of the runs whose tags changed


def _tags(values: Sequence[str] | None, name: str) -> list[str]:
    tags: list[str] = []
    for value in values or ():
        tag = value.strip()
        if not tag:
            raise BadInput(f"{name} holds an empty tag; a tag needs at least one character besides spaces")
        if len(tag) > MAX_TAG_LENGTH:
            raise BadInput(
                f"the tag {tag[:40]!r}… in {name} is {len(tag)} characters long; tags have at most {MAX_TAG_LENGTH}"
            )
        if tag not in tags:
            tags.append(tag)
    if len(tags) > MAX_TAGS_PER_REQUEST:
        raise BadInput(f"{name} holds {len(tags)} tags; give at most {MAX_TAGS_PER_REQUEST} at once")
    return tags


async def update_run_tags(
    session: AsyncSession,
    actor: Actor,
    entity_name: str,
    project_name: str,
    selection: RunSelection,
    *,
    add: Sequence[str] | None = None,
    remove: Sequence[str] | None = None,
) -> TagChange:
    """Add ``add`` and remove ``remove`` on every selected run. Raises before any write when a run is
    unknown or the actor may not edit one of them (policy.Access.can_edit, run by run)."""
    selection.check()
    if selection.run_names is None and selection.filters is None:
        raise BadInput('give runNames or filters (filters "{}" selects every run of the project)')
    added, removed = _tags(add, "addTags"), _tags(remove, "removeTags")
    if not added and not removed:
        raise BadInput("give addTags or removeTags (at least one tag to add or remove)")
    both = sorted(set(added) & set(removed))
    if both:
        raise BadInput(f"the tag{'s' if len(both) > 1 else ''} {', '.join(both)} cannot be both added and removed")
    place = await readable_place(session, actor, entity_name, project_name)
    runs = await select_runs(session, place.project, selection, place.path)
    runs = await _locked(session, runs)
    refused = [run.name for run in runs if not place.can_edit(run)]
    if refused:
        why = place.edit_limit("edit")
        raise Forbidden(
            f"permission denied: user {actor.label} may not change the tags of {_phrase(refused)} in "
            f"{place.path} ({why}); no tags were changed",
            runs=refused,
        )
    changed: list[str] = []
    now = utcnow()
    for run in runs:
        current = list(run.tags or [])
        tags = [tag for tag in current if tag not in removed] + [tag for tag in added if tag not in current]
        if tags != current:
            run.tags = tags
            run.updated_at = now
            changed.append(run.name)
    if changed:
        await session.flush()
    audit.record(
        session,
        actor,
        "runs.tags",
        entity_id=place.entity.id,
        target_type="project",
        target_id=place.project.id,
        path=place.path,
        runs=changed,
        count=len(changed),
        matched=len(runs),
        added=added,
        removed=removed,
    )
    return TagChange(runs, changed)


async def _locked(session: AsyncSession, runs: list[Run]) -> list[Run]:
    """The runs re-read under a row lock (PostgreSQL), so that two tag edits at once both count."""
    ids = sorted(run.id for run in runs)
    found = 0
    for start in range(0, len(ids), ID_CHUNK):
        found += len(
            (
                await session.scalars(
                    select(Run)
                    .where(Run.id.in_(ids[start : start + ID_CHUNK]))
                    .with_for_update()
                    .execution_options(populate_existing=True)
                )
            ).all()
        )
    if found != len(ids):
        raise Conflict(
            "some of the runs were moved or deleted by another request meanwhile; no tags were changed, try again"
        )
    return runs


def _phrase(names: Sequence[str]) -> str:
    shown = ", ".join(names[:NAMES_SHOWN])
    more = f" and {len(names) - NAMES_SHOWN} more" if len(names) > NAMES_SHOWN else ""
    return f"run{'s' if len(names) > 1 else ''} {shown}{more}"
