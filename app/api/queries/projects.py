"""Projects by name (``project`` and its legacy twin ``model``) and an entity's projects."""

from __future__ import annotations

import strawberry
from strawberry.types.nodes import SelectedField

from app.api.context import Info
from app.api.pagination import Connection, connection
from app.api.types.entity import project_page
from app.api.types.project import Project
from app.domain import projects


async def _project(info: Info, name: str | None, entity_name: str | None) -> Project | None:
    if not name:
        return None
    actor = info.context.actor
    if entity_name is None and actor.user is not None:
        default = await info.context.loaders.entity.load(actor.user.default_entity_id or actor.user.entity_id)
        entity_name = default.name if default else None
    run_name = _asked_run_name(info)
    async with info.context.read() as session:
        found = await projects.readable(session, actor, entity_name, name, run_name=run_name)
    if found is None:
        return None
    info.context.loaders.entity.prime(found.entity.id, found.entity)  # the project's fields and runs ask for it
    return Project.from_row(found.project, runs=None if run_name is None else {run_name: found.run})


def _asked_run_name(info: Info) -> str | None:
    """The name in ``run(name:)`` (or ``bucket``) under this field, when it asks for exactly one run:
    the project's statement then reads it too."""
    names = {
        selection.arguments.get("name")
        for field in info.selected_fields
        for selection in field.selections
        if isinstance(selection, SelectedField) and selection.name in ("run", "bucket")
    }
    name = names.pop() if len(names) == 1 else None
    return name if isinstance(name, str) else None


@strawberry.type
class Query:
    @strawberry.field(description="A project by entity and name; null when missing or not visible.")
    async def project(self, info: Info, name: str | None = None, entity_name: str | None = None) -> Project | None:
        return await _project(info, name, entity_name)

    @strawberry.field(description="Legacy name of project(name:, entityName:).")
    async def model(self, info: Info, name: str | None = None, entity_name: str | None = None) -> Project | None:
        return await _project(info, name, entity_name)

    @strawberry.field(description="The projects of an entity that the viewer may read, newest first.")
    async def models(
        self, info: Info, entity_name: str | None = None, first: int | None = None, after: str | None = None
    ) -> Connection[Project]:
        actor = info.context.actor
        if entity_name:
            entity = await info.context.loaders.entity_by_name.load(entity_name)
        elif actor.user is not None:
            entity = await info.context.loaders.entity.load(actor.user.default_entity_id or actor.user.entity_id)
        else:
            entity = None
        if entity is None:
            return connection([], [], has_next=False, total=0)
        return await project_page(info, entity, first, after)
