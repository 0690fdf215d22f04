"""Projects by name (``project`` and its legacy twin ``model``) and an entity's projects."""

from __future__ import annotations

import strawberry
from sqlalchemy import select

from app.api.context import Info
from app.api.pagination import Connection, connection, decode_cursor, encode_cursor, page_size
from app.api.types.project import Project
from app.db import tables
from app.domain import projects
from app.domain.users import entity_by_name


async def _project(info: Info, name: str | None, entity_name: str | None) -> Project | None:
    if not name:
        return None
    actor = info.context.actor
    if entity_name is None and actor.user is not None:
        default = await info.context.loaders.entity.load(actor.user.default_entity_id or actor.user.entity_id)
        entity_name = default.name if default else None
    async with info.context.read() as session:
        row = await projects.readable(session, actor, entity_name, name)
    return Project.from_row(row) if row else None


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
        limit = page_size(first)
        cursor = decode_cursor(after)
        async with info.context.read() as session:
            entity = await entity_by_name(session, entity_name) if entity_name else (
                await session.get(tables.Entity, actor.user.default_entity_id or actor.user.entity_id)
                if actor.user else None
            )
            if entity is None:
                return connection([], [], has_next=False)
            query = select(tables.Project).where(tables.Project.entity_id == entity.id)
            if cursor:
                query = query.where(tables.Project.id < int(cursor[0]))
            rows = (await session.scalars(query.order_by(tables.Project.id.desc()))).all()
            visible = [row for row in rows if await projects.can_read(session, actor, entity, row)]
        page = visible[:limit]
        return connection(
            [Project.from_row(r) for r in page], [encode_cursor([r.id]) for r in page], has_next=len(visible) > limit
        )
