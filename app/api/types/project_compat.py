"""Project fields older wandb clients (0.22-0.31) select, answered truthfully for a server without
sweeps, launch queues or docker images."""

from __future__ import annotations

from datetime import datetime
import strawberry

from app.api.context import Info
from app.api.pagination import Connection, connection
from app.api.scalars import JSONString
from app.api.types.run import Run
from app.db import tables


@strawberry.type(
    description="A hyperparameter sweep; Labbook runs none, so no project has one (the fields are "
    "those the client's SweepFragment selects)."
)
class Sweep:
    id: strawberry.ID
    name: str
    display_name: str | None
    method: str
    state: str
    description: str | None
    best_loss: float | None
    config: str
    created_at: datetime
    updated_at: datetime | None
    run_count: int
    run_count_expected: int | None


@strawberry.type
class ProjectCompatFields:
    row: strawberry.Private[tables.Project]

    @strawberry.field(description="The git repository the project's code came from; Labbook records it per run.")
    def repo(self) -> str | None:
        return None

    @strawberry.field(description="Labbook keeps no docker image per project.")
    def docker_image(self) -> str | None:
        return None

    @strawberry.field(description="Legacy name of runs (W&B's buckets).")
    async def buckets(
        self,
        info: Info,
        filters: JSONString | None = None,
        order: str | None = None,
        first: int | None = None,
        after: str | None = None,
    ) -> Connection[Run]:
        return await self.runs(info, filters=filters, order=order, first=first, after=after)  # type: ignore[attr-defined]

    @strawberry.field(description="Sweeps of the project: none (Labbook runs no sweeps).")
    def sweeps(
        self, first: int | None = None, after: str | None = None, filters: JSONString | None = None
    ) -> Connection[Sweep]:
        return connection([], [], has_next=False, total=0)

    @strawberry.field(description="How many sweeps the project has: 0.")
    def total_sweeps(self) -> int:
        return 0

    @strawberry.field(description="A sweep by name: always null (Labbook runs no sweeps).")
    def sweep(self, sweep_name: str) -> Sweep | None:
        return None
