"""Types of run comparison: each run's value of each key next to the baseline's."""

from __future__ import annotations

import strawberry
from strawberry.scalars import JSON

from app.api.types.run import Run
from app.domain.comparison import Comparison


@strawberry.type(description="One run's value of one key, next to the baseline's value of that key.")
class RunComparisonRow:
    run: Run
    key: str = strawberry.field(description="The key as asked: summary_metrics.X (or bare X) or config.X.")
    value: JSON | None = strawberry.field(description="The run's value; null when the run lacks the key.")
    baseline_value: JSON | None = strawberry.field(description="The baseline's value; null when it lacks the key.")
    difference: float | None = strawberry.field(
        description="value - baselineValue; null unless both are finite numbers."
    )
    relative_difference: float | None = strawberry.field(
        description="difference / |baselineValue|; null when there is no difference or the baseline value is 0."
    )


@strawberry.type(description="Runs compared with a baseline run: one row per run and key, runs in order.")
class RunComparison:
    baseline: Run
    rows: list[RunComparisonRow]

    @classmethod
    def from_result(cls, comparison: Comparison) -> "RunComparison":
        runs: dict[int, Run] = {}
        rows = []
        for row in comparison.rows:
            # One Run object per run, shared by its rows.
            run = runs.setdefault(row.run.id, Run.from_row(row.run))
            rows.append(
                RunComparisonRow(
                    run=run,
                    key=row.key,
                    value=row.value,
                    baseline_value=row.baseline_value,
                    difference=row.difference,
                    relative_difference=row.relative_difference,
                )
            )
        return cls(baseline=Run.from_row(comparison.baseline), rows=rows)
