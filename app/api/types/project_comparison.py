"""Project fields for comparing runs: the baseline run (the reference new runs are compared with)."""

from __future__ import annotations

import strawberry

from app.api.context import Info
from app.api.types.rules import MetricRule
from app.api.types.run import Run
from app.db import tables
from app.domain import rules


@strawberry.type
class ProjectComparisonFields:
    row: strawberry.Private[tables.Project]

    @strawberry.field(
        description="The reference run that compareRuns compares with by default; set with setProjectBaseline."
    )
    async def baseline_run(self, info: Info) -> Run | None:
        if self.row.baseline_run_id is None:
            return None
        run = await info.context.loaders.run.load(self.row.baseline_run_id)
        return Run.from_row(run) if run is not None and run.project_id == self.row.id else None

    @strawberry.field(description="The project's metric rules, by name.")
    async def metric_rules(self, info: Info) -> list[MetricRule]:
        async with info.context.read() as session:
            return [MetricRule.from_row(rule) for rule in await rules.project_rules(session, self.row.id)]

    @strawberry.field(description="Whether the viewer may change the baseline run (setProjectBaseline).")
    async def viewer_can_set_baseline(self, info: Info) -> bool:
        return (await info.context.loaders.viewer_project_access(self.row)).can_set_baseline

    @strawberry.field(
        description="Whether the viewer may create, change and delete the project's metric rules and "
        "acknowledge or snooze its alerts."
    )
    async def viewer_can_manage_rules(self, info: Info) -> bool:
        return (await info.context.loaders.viewer_project_access(self.row)).can_manage_rules
