"""Run fields that read history and system metrics, in the forms the wandb client asks for."""

from __future__ import annotations

import strawberry
from strawberry.scalars import JSON

from app.api.context import Info
from app.api.scalars import Int64, JSONString
from app.db import tables
from app.domain import history_reads


@strawberry.type(description="Parquet exports of a run's history; Labbook has none, so the client pages history.")
class ParquetHistory:
    parquet_urls: list[str]
    live_data: JSON


@strawberry.type
class RunHistoryFields:
    row: strawberry.Private[tables.Run]

    @strawberry.field(
        description="History rows as JSON strings: at most `samples` rows sampled over the run (first and last "
        "step kept) or, with minStep/maxStep, the first `samples` rows with minStep <= _step < maxStep. "
        f"`samples` is {history_reads.DEFAULT_SAMPLES} when absent and at most {history_reads.MAX_SAMPLES:,}."
    )
    async def history(
        self, info: Info, samples: int | None = None, min_step: Int64 | None = None, max_step: Int64 | None = None
    ) -> list[JSONString]:
        async with info.context.read() as session:
            return await history_reads.history(session, self.row, samples=samples, min_step=min_step, max_step=max_step)

    @strawberry.field(
        description='One list per spec {"keys": [...], "samples": N, "minStep": a, "maxStep": b}: sampled rows '
        "having at least one of the keys, restricted to them and _step; maxStep is inclusive."
    )
    async def sampled_history(self, info: Info, specs: list[JSONString]) -> JSON:
        async with info.context.read() as session:
            return await history_reads.sampled_history(session, self.row, specs)

    @strawberry.field(description='{"lastStep": N, "keys": {"loss": {"typeCounts": [{"type": "number", "count": 5}]}}}')
    def history_keys(self) -> JSON:
        return history_reads.history_keys(self.row)

    @strawberry.field(description="System-metrics lines as JSON strings, at most `samples`, sampled over the run.")
    async def events(self, info: Info, samples: int | None = None) -> list[JSONString]:
        async with info.context.read() as session:
            return await history_reads.events(session, self.row, samples=samples)

    @strawberry.field(description="No Parquet export here: empty URLs and live data; read history pages instead.")
    def parquet_history(self, live_keys: list[str]) -> ParquetHistory:
        urls, live_data = history_reads.parquet_history(self.row, live_keys)
        return ParquetHistory(parquet_urls=urls, live_data=live_data)
