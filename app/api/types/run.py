"""The Run type (W&B's legacy name: "bucket"). Field groups live in mixins, one module per concern:
``run_tracking`` (files, alerts, resume state) and ``run_history`` (history reads)."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Awaitable

import strawberry
from strawberry.dataloader import DataLoader

from app.api import ids
from app.api.context import Info
from app.api.scalars import JSONString
from app.api.types.artifact import RunArtifactFields
from app.api.types import refs
from app.api.types.entity import User
from app.api.types.node import Node, register_node
from app.api.types.refs import ProjectRef, user_type_for
from app.api.types.run_compat import RunCompatFields
from app.api.types.run_console import RunConsoleFields
from app.api.types.run_history import RunHistoryFields
from app.api.types.run_tracking import RunTrackingFields
from app.db import tables
from app.db.types import dumps, reader_dumps
from app.domain import runs_view


@refs.RUN.define
@strawberry.type(description="One run of a training script.")
class Run(RunTrackingFields, RunHistoryFields, RunConsoleFields, RunCompatFields, RunArtifactFields, Node):
    """The plain fields are attributes copied from the row once: a page of 50 runs answers about
    1,000 of them, and a method resolver each (an Info object, argument handling) cost more than
    the rest of the request. Fields that compute (JSON text) or load stay resolvers, declared in
    place so that the schema lists the fields in the same order."""

    row: strawberry.Private[tables.Run]
    # JSON texts for wandb-core's resume (Project.bucket), which Go's encoding/json parses: it refuses
    # NaN and Infinity literals, so there non-finite numbers keep their stored spelling as strings.
    for_wandb_core: strawberry.Private[bool] = False
    name: str = strawberry.field(description="The run id the client chose (the id in URLs).")
    display_name: str | None
    description: str | None
    notes: str | None
    state: str = strawberry.field(description="running, finished, failed, crashed, killed or preempted.")

    config: JSONString = strawberry.field(
        resolver=lambda self: self.json_text(self.row.config or {}),
        description='Config as a JSON string of {"key": {"value": ...}}.',
    )
    summary_metrics: JSONString = strawberry.field(
        resolver=lambda self: self.json_text(self.row.summary or {}), description="Summary metrics as a JSON string."
    )
    system_metrics: JSONString = strawberry.field(
        resolver=lambda self: self.json_text(self.row.system_metrics or {}),
        description="The latest system metrics as a JSON string.",
    )
    tags: list[str]
    group: str | None
    job_type: str | None
    sweep_name: str | None
    commit: str | None = strawberry.field(description="The git commit the run was started from.")
    git_remote: str | None = strawberry.field(description="The git remote URL.")
    host: str | None
    program: str | None
    exit_code: int | None
    read_only: bool
    created_at: datetime
    updated_at: datetime
    heartbeat_at: datetime
    history_line_count: int
    events_line_count: int
    log_line_count: int
    project_id: int = strawberry.field(description="The project's integer id (the wandb client calls int() on it).")

    def json_text(self, document: object) -> str:
        """A stored JSON document as the reader's parser takes it (see ``for_wandb_core``)."""
        return dumps(document) if self.for_wandb_core else reader_dumps(document)

    @classmethod
    def from_row(cls, row: tables.Run, *, for_wandb_core: bool = False) -> "Run":
        return cls(
            row=row,
            for_wandb_core=for_wandb_core,
            id=strawberry.ID(ids.encode("Run", row.id)),
            name=row.name,
            display_name=row.display_name,
            description=row.description,
            notes=row.notes,
            state=row.state,
            tags=list(row.tags or []),
            group=row.group_name,
            job_type=row.job_type,
            sweep_name=row.sweep_name,
            commit=row.git_commit,
            git_remote=row.git_remote,
            host=row.host,
            program=row.program,
            exit_code=row.exit_code,
            read_only=False,
            created_at=row.created_at,
            updated_at=row.updated_at,
            heartbeat_at=row.heartbeat_at,
            history_line_count=row.history_line_count,
            events_line_count=row.events_line_count,
            log_line_count=row.log_line_count,
            project_id=row.project_id,
        )

    @strawberry.field
    async def project(self, info: Info) -> ProjectRef | None:
        row = await info.context.loaders.project.load(self.row.project_id)
        return refs.PROJECT.type.from_row(row) if row else None

    @strawberry.field(description="The person the run is attributed to.")
    def user(self, info: Info) -> User | None:
        return _user_type(info, self.row.user_id)

    @strawberry.field(description="The service account that logged the run on the person's behalf, if any.")
    def service_account(self, info: Info) -> User | None:
        return _user_type(info, self.row.service_account_id)

    @strawberry.field(description="The account whose API key created the run.")
    def created_by(self, info: Info) -> User | None:
        return _user_type(info, self.row.created_by_id)


_NOT_LOADED = object()


def _user_type(info: Info, user_id: int | None) -> User | None | Awaitable[User | None]:
    """The account's User at once when this request already loaded it (``Project.runs`` loads the
    users of its page), else an awaitable: 50 runs then cost no 100 loader round trips through
    the event loop."""
    if user_id is None:
        return None
    loaders = info.context.loaders
    user = _loaded(loaders.user, user_id)
    if user is None:
        return None
    if user is not _NOT_LOADED:
        entity = _loaded(loaders.entity, user.entity_id)
        if entity is not _NOT_LOADED:
            return User.from_rows(user, entity) if entity else None
    return _load_user_type(info, user_id)


def _loaded(loader: DataLoader[int, Any], key: int) -> Any:
    future = loader.cache_map.get(key)
    if future is None or not future.done() or future.cancelled() or future.exception() is not None:
        return _NOT_LOADED
    return future.result()


async def _load_user_type(info: Info, user_id: int) -> User | None:
    return await user_type_for(info, await info.context.loaders.user.load(user_id))


@register_node("Run")
async def _run_node(info: Info, pk: int) -> Run | None:
    async with info.context.read() as session:
        row = await runs_view.readable_run_by_id(session, info.context.actor, pk)
    return Run.from_row(row) if row else None
