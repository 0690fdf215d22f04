"""Run fields for tracking: files, alerts, resume state (owned by the run-tracking work)."""

from __future__ import annotations

import strawberry

from app.api.context import Info
from app.api.loaders.runs import alerts_by_run, confirmed_uploads, file_counts
from app.api.pagination import Connection, connection, decode_cursor, encode_cursor, page_size
from app.api.scalars import JSONString
from app.api.types.alert import Alert, AlertKind, AlertState, alert_filter
from app.api.types.rules import RuleVerdict
from app.api.types.file import File
from app.db import tables
from app.db.types import dumps
from app.domain import files as files_service
from app.domain import history_reads, rules

TAIL_LINES = 10
MAX_RUN_ALERTS = 1000


@strawberry.type
class RunTrackingFields:
    row: strawberry.Private[tables.Run]

    @strawberry.field(description="How many files the run has uploaded.")
    async def file_count(self, info: Info) -> int:
        await info.context.loaders.get(confirmed_uploads).load(self.row.id)
        return await info.context.loaders.get(file_counts).load(self.row.id)

    @strawberry.field(description="The run's uploaded files by name; names (exact) or pattern (SQL LIKE) narrow them.")
    async def files(
        self,
        info: Info,
        names: list[str | None] | None = None,
        after: str | None = None,
        first: int | None = None,
        pattern: str | None = None,
    ) -> Connection[File]:
        limit = page_size(first)
        cursor = decode_cursor(after)
        await info.context.loaders.get(confirmed_uploads).load(self.row.id)
        async with info.context.read() as session:
            rows = await files_service.page(
                session,
                self.row.id,
                names=[n for n in names or [] if n],
                pattern=pattern,
                after_name=str(cursor[0]) if cursor else None,
                limit=limit + 1,
            )
            path = await files_service.run_path(session, self.row.id) if rows else None
        page = rows[:limit]
        return connection(
            [File.from_run_file(r, *path) for r in page],
            [encode_cursor([r.name]) for r in page],
            has_next=len(rows) > limit,
            total=await info.context.loaders.get(file_counts).load(self.row.id),
        )

    @strawberry.field(
        description="The run's alerts (raised by the run and opened by metric rules), newest first; "
        "states, kinds and ruleName narrow them."
    )
    async def alerts(
        self,
        info: Info,
        states: list[AlertState] | None = None,
        kinds: list[AlertKind] | None = None,
        rule_name: str | None = None,
    ) -> list[Alert]:
        if not (states or kinds or rule_name is not None):
            return [Alert.from_row(a) for a in await info.context.loaders.get(alerts_by_run).load(self.row.id)]
        filters = alert_filter(states, kinds, rule_name, None)
        async with info.context.read() as session:
            found = await rules.alerts(session, filters, run_id=self.row.id, limit=MAX_RUN_ALERTS)
        return [Alert.from_row(a) for a in found]

    @strawberry.field(
        description="Each metric rule's verdict on the run, given when it finished: PASS, FAIL or "
        "NO_DATA. A CI step fails the build when any is FAIL."
    )
    async def rule_verdicts(self, info: Info) -> list[RuleVerdict]:
        async with info.context.read() as session:
            found = await rules.verdicts_of_run(session, self.row.id)
        return [RuleVerdict.from_rows(verdict, rule) for verdict, rule in found]

    @strawberry.field(description="The last history lines: a JSON string of a list of JSON strings (resume).")
    async def history_tail(self, info: Info) -> JSONString:
        return await _tail(info, tables.HistoryRow, self.row.id)

    @strawberry.field(description="The last system-metrics lines: a JSON string of a list of JSON strings (resume).")
    async def events_tail(self, info: Info) -> JSONString:
        return await _tail(info, tables.EventRow, self.row.id)

    @strawberry.field(
        description="The requested keys of the client's internal config (config._wandb.value), "
        "as a JSON string; all of them when keys is omitted."
    )
    def wandb_config(self, keys: list[str] | None = None) -> JSONString:
        internal = ((self.row.config or {}).get("_wandb") or {}).get("value") or {}
        if not isinstance(internal, dict):
            internal = {}
        if keys is not None:
            internal = {key: internal[key] for key in keys if key in internal}
        return dumps(internal)

    @strawberry.field(description="Whether a stop was requested; the client stops at its next file_stream call.")
    def stop_requested(self) -> bool:
        return self.row.stop_requested


async def _tail(info: Info, model: type[tables.HistoryRow] | type[tables.EventRow], run_id: int) -> str:
    async with info.context.read() as session:
        lines = await history_reads.last_lines(session, model, run_id, TAIL_LINES)
    return dumps([dumps(data) for data in lines])
