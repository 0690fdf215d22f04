"""The Project type (W&B's legacy name: "model"). Field groups live in mixins, one module per
concern: ``project_runs`` (listing runs), ``project_tracking`` (alerts), ``project_comparison``
(baseline)."""

from __future__ import annotations

from datetime import datetime

import strawberry

from app.api import ids
from app.api.context import Info
from app.api.types.artifact import ProjectArtifactFields
from app.api.types import refs
from app.api.types.entity import Entity, User
from app.api.types.node import Node, register_node
from app.api.types.project_comparison import ProjectComparisonFields
from app.api.types.project_compat import ProjectCompatFields
from app.api.types.project_runs import ProjectRunFields
from app.api.types.project_tracking import ProjectTrackingFields
from app.api.types.refs import entity_type_for, user_type_for
from app.api.types.run import Run
from app.db import tables
from app.domain import projects, runs_view


@refs.PROJECT.define
@strawberry.type(description="A project: runs of one entity grouped under a name.")
class Project(
    ProjectRunFields, ProjectTrackingFields, ProjectComparisonFields, ProjectCompatFields, ProjectArtifactFields, Node
):
    row: strawberry.Private[tables.Project]
    # Runs by name read with the project (None: a run not found), so that run(name:) reads no more.
    runs_by_name: strawberry.Private[dict[str, tables.Run | None] | None] = None

    @classmethod
    def from_row(cls, row: tables.Project, runs: dict[str, tables.Run | None] | None = None) -> "Project":
        return cls(row=row, id=strawberry.ID(ids.encode("Project", row.id)), runs_by_name=runs)

    @strawberry.field
    def internal_id(self) -> str:
        return str(self.row.id)

    @strawberry.field
    def name(self) -> str:
        return self.row.name

    @strawberry.field
    def description(self) -> str | None:
        return self.row.description

    @strawberry.field(description="PRIVATE, RESTRICTED, USER_READ (public read) or USER_WRITE (open).")
    def access(self) -> str:
        return self.row.access

    @strawberry.field
    def created_at(self) -> datetime:
        return self.row.created_at

    @strawberry.field
    def updated_at(self) -> datetime:
        return self.row.updated_at

    @strawberry.field
    def is_benchmark(self) -> bool:
        return False

    @strawberry.field
    def read_only(self) -> bool:
        return False

    @strawberry.field
    def views(self) -> str:
        return "{}"

    @strawberry.field
    async def entity_name(self, info: Info) -> str:
        entity = await info.context.loaders.entity.load(self.row.entity_id)
        return entity.name

    @strawberry.field
    async def entity(self, info: Info) -> Entity:
        entity = await info.context.loaders.entity.load(self.row.entity_id)
        return await entity_type_for(info, entity)

    @strawberry.field(description="The user who created the project.")
    async def user(self, info: Info) -> User | None:
        if self.row.created_by_id is None:
            return None
        return await user_type_for(info, await info.context.loaders.user.load(self.row.created_by_id))

    @strawberry.field(description="A run by its name (run id); desc (sent by older clients) is ignored.")
    async def run(self, info: Info, name: str, desc: str | None = None) -> Run | None:
        if self.runs_by_name is not None and name in self.runs_by_name:
            row = self.runs_by_name[name]
        else:
            async with info.context.read() as session:
                row = await runs_view.run_in_project(session, self.row, name)
        return Run.from_row(row) if row else None

    @strawberry.field(
        description="Legacy name of run(name:), which wandb-core asks when it resumes a run; "
        'its JSON strings spell NaN and infinities as strings ("NaN", "Infinity").'
    )
    async def bucket(
        self, info: Info, name: str, missing_ok: bool | None = None, desc: str | None = None
    ) -> Run | None:
        run = await self.run(info, name)
        return Run.from_row(run.row, for_wandb_core=True) if run else None


@register_node("Project")
async def _project_node(info: Info, pk: int) -> Project | None:
    async with info.context.read() as session:
        row = await projects.readable_by_id(session, info.context.actor, pk)
    return Project.from_row(row) if row else None
