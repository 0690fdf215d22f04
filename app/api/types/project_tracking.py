"""Project fields for run tracking: alerts (owned by the run-tracking work)."""

from __future__ import annotations

import strawberry

from app.api.context import Info
from app.api.pagination import Connection, connection, decode_cursor, encode_cursor, page_size
from app.api.types.alert import Alert, AlertKind, AlertState
from app.db import tables
from app.domain import rules
from app.domain.errors import BadInput


@strawberry.type
class ProjectTrackingFields:
    row: strawberry.Private[tables.Project]

    @strawberry.field(description="Alerts of the project's runs (raised by the runs and opened by metric rules), "
                                  "newest first; states, kinds, ruleName and runName narrow them.")
    async def alerts(self, info: Info, first: int | None = None, after: str | None = None,
                     states: list[AlertState] | None = None, kinds: list[AlertKind] | None = None,
                     rule_name: str | None = None, run_name: str | None = None) -> Connection[Alert]:
        limit = page_size(first)
        cursor = decode_cursor(after)
        query = rules.alert_query(self.row.id, None, alert_filter(states, kinds, rule_name, run_name))
        if cursor:
            query = query.where(tables.Alert.id < _alert_id(cursor[0]))
        async with info.context.read() as session:
            rows = (await session.scalars(query.order_by(tables.Alert.id.desc()).limit(limit + 1))).all()
        page = rows[:limit]
        return connection([Alert.from_row(r) for r in page], [encode_cursor([r.id]) for r in page],
                          has_next=len(rows) > limit)


def alert_filter(states: list[AlertState] | None, kinds: list[AlertKind] | None, rule_name: str | None,
                 run_name: str | None) -> rules.AlertFilter:
    return rules.AlertFilter(states=[s.value for s in states] if states else None,
                             kinds=[k.value for k in kinds] if kinds else None, rule_name=rule_name, run_name=run_name)


def _alert_id(value: object) -> int:
    try:
        return int(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise BadInput(f"invalid cursor value {value!r}") from None
