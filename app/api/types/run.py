"""The Run type (W&B's legacy name: "bucket"). Field groups live in mixins, one module per concern:
``run_tracking`` (files, alerts, resume state) and ``run_history`` (history reads)."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated

import strawberry

from app.api import ids
from app.api.context import Info
from app.api.scalars import JSONString
from app.api.types.entity import User, user_type_for
from app.api.types.node import Node, register_node
from app.api.types.run_history import RunHistoryFields
from app.api.types.run_tracking import RunTrackingFields
from app.db import tables
from app.db.types import dumps
from app.domain import runs_view

if TYPE_CHECKING:
    from app.api.types.project import Project


@strawberry.type(description="One run of a training script.")
class Run(RunTrackingFields, RunHistoryFields, Node):
    row: strawberry.Private[tables.Run]

    @classmethod
    def from_row(cls, row: tables.Run) -> "Run":
        return cls(row=row, id=strawberry.ID(ids.encode("Run", row.id)))

    @strawberry.field(description="The run id the client chose (the id in URLs).")
    def name(self) -> str:
        return self.row.name

    @strawberry.field
    def display_name(self) -> str | None:
        return self.row.display_name

    @strawberry.field
    def description(self) -> str | None:
        return self.row.description

    @strawberry.field
    def notes(self) -> str | None:
        return self.row.notes

    @strawberry.field(description="running, finished, failed, crashed, killed or preempted.")
    def state(self) -> str:
        return self.row.state

    @strawberry.field(description='Config as a JSON string of {"key": {"value": ...}}.')
    def config(self) -> JSONString:
        return dumps(self.row.config or {})

    @strawberry.field(description="Summary metrics as a JSON string.")
    def summary_metrics(self) -> JSONString:
        return dumps(self.row.summary or {})

    @strawberry.field(description="The latest system metrics as a JSON string.")
    def system_metrics(self) -> JSONString:
        return dumps(self.row.system_metrics or {})

    @strawberry.field
    def tags(self) -> list[str]:
        return list(self.row.tags or [])

    @strawberry.field
    def group(self) -> str | None:
        return self.row.group_name

    @strawberry.field
    def job_type(self) -> str | None:
        return self.row.job_type

    @strawberry.field
    def sweep_name(self) -> str | None:
        return self.row.sweep_name

    @strawberry.field(description="The git commit the run was started from.")
    def commit(self) -> str | None:
        return self.row.git_commit

    @strawberry.field(description="The git remote URL.")
    def git_remote(self) -> str | None:
        return self.row.git_remote

    @strawberry.field
    def host(self) -> str | None:
        return self.row.host

    @strawberry.field
    def program(self) -> str | None:
        return self.row.program

    @strawberry.field
    def exit_code(self) -> int | None:
        return self.row.exit_code

    @strawberry.field
    def read_only(self) -> bool:
        return False

    @strawberry.field
    def created_at(self) -> datetime:
        return self.row.created_at

    @strawberry.field
    def updated_at(self) -> datetime:
        return self.row.updated_at

    @strawberry.field
    def heartbeat_at(self) -> datetime:
        return self.row.heartbeat_at

    @strawberry.field
    def history_line_count(self) -> int:
        return self.row.history_line_count

    @strawberry.field
    def events_line_count(self) -> int:
        return self.row.events_line_count

    @strawberry.field
    def log_line_count(self) -> int:
        return self.row.log_line_count

    @strawberry.field(description="The project's integer id (the wandb client calls int() on it).")
    def project_id(self) -> int:
        return self.row.project_id

    @strawberry.field
    async def project(self, info: Info) -> Annotated["Project", strawberry.lazy("app.api.types.project")] | None:
        from app.api.types.project import Project

        row = await info.context.loaders.project.load(self.row.project_id)
        return Project.from_row(row) if row else None

    @strawberry.field(description="The person the run is attributed to.")
    async def user(self, info: Info) -> User | None:
        return await user_type_for(info, await _load_user(info, self.row.user_id))

    @strawberry.field(description="The service account that logged the run on the person's behalf, if any.")
    async def service_account(self, info: Info) -> User | None:
        return await user_type_for(info, await _load_user(info, self.row.service_account_id))

    @strawberry.field(description="The account whose API key created the run.")
    async def created_by(self, info: Info) -> User | None:
        return await user_type_for(info, await _load_user(info, self.row.created_by_id))


async def _load_user(info: Info, user_id: int | None) -> tables.User | None:
    return await info.context.loaders.user.load(user_id) if user_id else None


@register_node("Run")
async def _run_node(info: Info, pk: int) -> Run | None:
    async with info.context.read() as session:
        row = await runs_view.readable_run_by_id(session, info.context.actor, pk)
    return Run.from_row(row) if row else None
