"""Project fields for comparing runs: the baseline run (the reference new runs are compared with)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import strawberry

from app.api.context import Info
from app.db import tables

if TYPE_CHECKING:
    from app.api.types.run import Run


@strawberry.type
class ProjectComparisonFields:
    row: strawberry.Private[tables.Project]

    @strawberry.field(description="The reference run that compareRuns compares with by default; set with setProjectBaseline.")
    async def baseline_run(self, info: Info) -> Annotated["Run", strawberry.lazy("app.api.types.run")] | None:
        from app.api.types.run import Run

        if self.row.baseline_run_id is None:
            return None
        run = await info.context.loaders.run.load(self.row.baseline_run_id)
        return Run.from_row(run) if run is not None and run.project_id == self.row.id else None
