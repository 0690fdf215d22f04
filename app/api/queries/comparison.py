"""compareRuns: the custom query that tells whether a new model version beats the reference run."""

from __future__ import annotations

import strawberry

from app.api.context import Info
from app.api.types.comparison import RunComparison
from app.domain import comparison


@strawberry.type
class Query:
    @strawberry.field(
        description=(
            "Compare runs of a project with a baseline run (by default the project's baselineRun; an error when "
            "there is none). Keys are summary_metrics.X (the default for a bare key) or config.X. With runNames "
            f"null, the project's {comparison.MAX_COMPARED_RUNS} most recent runs other than the baseline are "
            f"compared, newest first; at most {comparison.MAX_COMPARED_RUNS} runs and {comparison.MAX_KEYS} keys."
        )
    )
    async def compare_runs(
        self,
        info: Info,
        entity_name: str,
        project_name: str,
        keys: list[str],
        run_names: list[str] | None = None,
        baseline: str | None = None,
    ) -> RunComparison:
        async with info.context.read() as session:
            result = await comparison.compare_runs(
                session,
                info.context.actor,
                entity_name,
                project_name,
                keys,
                run_names=run_names,
                baseline_name=baseline,
            )
        return RunComparison.from_result(result)
