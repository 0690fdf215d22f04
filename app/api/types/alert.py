"""Alerts: raised by a run (``run.alert(...)``) or opened by a metric rule for one episode of a run."""

from __future__ import annotations

from datetime import datetime
from enum import Enum
import strawberry

from app.api import ids
from app.api.context import Info
from app.api.types import refs
from app.api.types.node import Node
from app.api.types.refs import RunRef
from app.api.types.rules import MetricRule, rule_loader
from app.db import tables
from app.domain import rules


@strawberry.enum
class AlertSeverity(Enum):
    INFO = "INFO"
    WARN = "WARN"
    ERROR = "ERROR"


@strawberry.enum(description="Who raised the alert: the run's code, a rule, or one of a rule's detectors.")
class AlertKind(Enum):
    CLIENT = "CLIENT"
    RULE = "RULE"
    NON_FINITE = "NON_FINITE"
    FAILED = "FAILED"
    STALLED = "STALLED"


@strawberry.enum
class AlertState(Enum):
    OPEN = "OPEN"
    ACKNOWLEDGED = "ACKNOWLEDGED"
    RESOLVED = "RESOLVED"


@strawberry.type(description="An alert raised by a run, or opened by a metric rule.")
class Alert(Node):
    row: strawberry.Private[tables.Alert]
    title: str
    text: str
    severity: AlertSeverity
    created_at: datetime

    @strawberry.field(description="Repeats of this title within this many milliseconds were suppressed.")
    def wait_duration(self) -> int | None:
        return self.row.wait_duration_ms

    @strawberry.field
    def kind(self) -> AlertKind:
        return AlertKind(self.row.kind)

    @strawberry.field(
        description="OPEN until the metric recovers or the run ends (RESOLVED); ACKNOWLEDGED by a person."
    )
    def state(self) -> AlertState:
        return AlertState(self.row.state)

    @strawberry.field(description="The step of the first violating value.")
    def step(self) -> int | None:
        return self.row.step

    @strawberry.field(description="The violating value (the window's aggregate).")
    def value(self) -> float | None:
        return self.row.value

    @strawberry.field(description="What the value was compared with: the threshold, or the baseline's value.")
    def baseline_value(self) -> float | None:
        return self.row.baseline_value

    @strawberry.field(description="value - baselineValue.")
    def difference(self) -> float | None:
        return self.row.difference

    @strawberry.field
    def resolved_at(self) -> datetime | None:
        return self.row.resolved_at

    @strawberry.field
    def acknowledged_at(self) -> datetime | None:
        return self.row.acknowledged_at

    @strawberry.field(description="Notifications of this rule for this run are held until then.")
    def snoozed_until(self) -> datetime | None:
        return self.row.snoozed_until

    @strawberry.field(description="The rule that opened the alert; null for alerts the run raised itself.")
    async def rule(self, info: Info) -> MetricRule | None:
        if self.row.rule_id is None:
            return None
        rule = await info.context.loaders.get(rule_loader).load(self.row.rule_id)
        return MetricRule.from_row(rule) if rule is not None else None

    @strawberry.field
    async def run(self, info: Info) -> RunRef | None:
        run = await info.context.loaders.run.load(self.row.run_id)
        return refs.RUN.type.from_row(run) if run is not None else None

    @classmethod
    def from_row(cls, row: tables.Alert) -> "Alert":
        return cls(
            row=row,
            id=strawberry.ID(ids.encode("Alert", row.id)),
            title=row.title,
            text=row.text,
            severity=AlertSeverity(row.severity),
            created_at=row.created_at,
        )


def alert_filter(
    states: list[AlertState] | None, kinds: list[AlertKind] | None, rule_name: str | None, run_name: str | None
) -> rules.AlertFilter:
    """What the alerts fields' arguments keep."""
    return rules.AlertFilter(
        states=[s.value for s in states] if states else None,
        kinds=[k.value for k in kinds] if kinds else None,
        rule_name=rule_name,
        run_name=run_name,
    )
