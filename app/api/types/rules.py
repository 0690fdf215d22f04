"""Metric rules, their verdicts on runs, and webhooks with their deliveries."""

from __future__ import annotations

from datetime import datetime
from enum import Enum

import strawberry
from strawberry.dataloader import DataLoader

from app.api import ids
from app.api.loaders import Loaders, by_key_loader
from app.api.scalars import JSONString
from app.api.types.node import Node
from app.db import tables
from app.db.types import dumps


@strawberry.enum
class MetricDirection(Enum):
    LOWER_IS_BETTER = "LOWER_IS_BETTER"
    HIGHER_IS_BETTER = "HIGHER_IS_BETTER"


@strawberry.enum(description="What a value is compared with.")
class RuleComparison(Enum):
    THRESHOLD = strawberry.enum_value("THRESHOLD", description="A fixed threshold.")
    BASELINE_SAME_STEP = strawberry.enum_value(
        "BASELINE_SAME_STEP", description="The project's baseline run at the same step (nearest logged)."
    )
    BASELINE_FINAL = strawberry.enum_value("BASELINE_FINAL", description="The baseline run's final (summary) value.")
    BASELINE_BEST = strawberry.enum_value("BASELINE_BEST", description="The baseline run's best value so far.")
    BASELINE_GROUP = strawberry.enum_value(
        "BASELINE_GROUP",
        description="The mean of the final values of the runs baselineFilters chooses (σ: their "
        "sample standard deviation).",
    )
    CHANGE = strawberry.enum_value("CHANGE", description="The previous window of the same run.")


@strawberry.enum
class ToleranceKind(Enum):
    ABSOLUTE = "ABSOLUTE"
    RELATIVE = strawberry.enum_value("RELATIVE", description="A fraction of the reference.")
    SIGMA = strawberry.enum_value("SIGMA", description="k × the baseline group's σ.")


@strawberry.enum
class WindowAggregate(Enum):
    MEAN = "MEAN"
    MIN = "MIN"
    MAX = "MAX"


@strawberry.enum
class Verdict(Enum):
    PASS = "PASS"
    FAIL = "FAIL"
    NO_DATA = "NO_DATA"


@strawberry.enum
class WebhookFormat(Enum):
    JSON = "JSON"
    SLACK = strawberry.enum_value("SLACK", description='A Slack incoming-webhook body: {"text": ...}.')


def rule_loader(loaders: Loaders) -> DataLoader[int, tables.MetricRule | None]:
    return by_key_loader(loaders.session_factory, tables.MetricRule, tables.MetricRule.id)


@strawberry.type(description="A check of one metric of a project's runs, evaluated as lines arrive.")
class MetricRule(Node):
    row: strawberry.Private[tables.MetricRule]
    name: str
    metric: str
    direction: MetricDirection
    comparison: RuleComparison
    threshold: float | None
    tolerance: float
    tolerance_kind: ToleranceKind
    window: int
    aggregate: WindowAggregate
    warmup_steps: int
    detect_non_finite: bool
    detect_failed: bool
    stall_minutes: int | None
    created_at: datetime
    updated_at: datetime

    @strawberry.field(description="The filter choosing a BASELINE_GROUP's runs, as a JSON string.")
    def baseline_filters(self) -> JSONString | None:
        return dumps(self.row.baseline_filters) if self.row.baseline_filters else None

    @strawberry.field(description="The filter choosing which runs the rule checks, as a JSON string (null: all).")
    def scope(self) -> JSONString | None:
        return dumps(self.row.scope) if self.row.scope else None

    @classmethod
    def from_row(cls, row: tables.MetricRule) -> "MetricRule":
        return cls(
            row=row,
            id=strawberry.ID(ids.encode("MetricRule", row.id)),
            name=row.name,
            metric=row.metric,
            direction=MetricDirection(row.direction),
            comparison=RuleComparison(row.comparison),
            threshold=row.threshold,
            tolerance=row.tolerance,
            tolerance_kind=ToleranceKind(row.tolerance_kind),
            window=row.window,
            aggregate=WindowAggregate(row.aggregate),
            warmup_steps=row.warmup_steps,
            detect_non_finite=row.detect_non_finite,
            detect_failed=row.detect_failed,
            stall_minutes=row.stall_minutes,
            created_at=row.created_at,
            updated_at=row.updated_at,
        )


@strawberry.type(description="A rule's verdict on a finished run.")
class RuleVerdict:
    rule: MetricRule
    verdict: Verdict
    value: float | None = strawberry.field(description="The run's last compared value.")
    baseline_value: float | None = strawberry.field(description="What it was compared with.")
    reason: str | None
    created_at: datetime

    @classmethod
    def from_rows(cls, verdict: tables.RuleVerdict, rule: tables.MetricRule) -> "RuleVerdict":
        return cls(
            rule=MetricRule.from_row(rule),
            verdict=Verdict(verdict.verdict),
            value=verdict.value,
            baseline_value=verdict.baseline_value,
            reason=verdict.reason,
            created_at=verdict.created_at,
        )


@strawberry.type(description="Where alert events are POSTed, signed with the webhook's secret.")
class Webhook(Node):
    row: strawberry.Private[tables.Webhook]
    url: str
    format: WebhookFormat
    event_kinds: list[str]
    created_at: datetime

    @strawberry.field(description="Null: the team's webhook, for all of its projects.")
    def project_id(self) -> int | None:
        return self.row.project_id

    @classmethod
    def from_row(cls, row: tables.Webhook) -> "Webhook":
        return cls(
            row=row,
            id=strawberry.ID(ids.encode("Webhook", row.id)),
            url=row.url,
            format=WebhookFormat(row.format),
            event_kinds=list(row.event_kinds or []),
            created_at=row.created_at,
        )


@strawberry.type(description="One attempt to deliver one event to a webhook.")
class WebhookDelivery:
    id: strawberry.ID
    event: str
    attempt: int
    status_code: int | None
    error: str | None
    delivered: bool
    duration_ms: float | None
    next_attempt_at: datetime | None
    created_at: datetime
    alert_id: strawberry.ID | None

    @classmethod
    def from_row(cls, row: tables.WebhookDelivery) -> "WebhookDelivery":
        return cls(
            id=strawberry.ID(ids.encode("WebhookDelivery", row.id)),
            event=row.event,
            attempt=row.attempt,
            status_code=row.status_code,
            error=row.error,
            delivered=row.delivered,
            duration_ms=row.duration_ms,
            next_attempt_at=row.next_attempt_at,
            created_at=row.created_at,
            alert_id=strawberry.ID(ids.encode("Alert", row.alert_id)) if row.alert_id else None,
        )
