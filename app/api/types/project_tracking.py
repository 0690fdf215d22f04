"""Project fields for run tracking: alerts (owned by the run-tracking work)."""

from __future__ import annotations

import strawberry

from app.api.context import Info
from app.api.pagination import Connection, connection, decode_cursor, encode_cursor, page_size
from app.api.types.alert import Alert, AlertKind, AlertState, alert_filter
from app.db import tables
from app.domain import rules
from app.domain.errors import BadInput


@strawberry.type
class ProjectTrackingFields:
    row: strawberry.Private[tables.Project]

    @strawberry.field(
        description="Alerts of the project's runs (raised by the runs and opened by metric rules), "
        "newest first; states, kinds, ruleName and runName narrow them."
    )
    async def alerts(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        states: list[AlertState] | None = None,
        kinds: list[AlertKind] | None = None,
        rule_name: str | None = None,
        run_name: str | None = None,
    ) -> Connection[Alert]:
        limit = page_size(first)
        cursor = decode_cursor(after)
        filters = alert_filter(states, kinds, rule_name, run_name)
        before_id = _alert_id(cursor[0]) if cursor else None
        async with info.context.read() as session:
            rows = await rules.alerts(session, filters, project_id=self.row.id, before_id=before_id, limit=limit + 1)
        page = rows[:limit]
        return connection(
            [Alert.from_row(r) for r in page], [encode_cursor([r.id]) for r in page], has_next=len(rows) > limit
        )


def _alert_id(value: object) -> int:
    try:
        return int(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise BadInput(f"invalid cursor value {value!r}") from None
