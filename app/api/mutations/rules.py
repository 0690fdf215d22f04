"""Metric rules, alerts (acknowledge, snooze), webhooks: mutations, queries and the alertEvents subscription."""

from __future__ import annotations

import json
from typing import AsyncGenerator

import strawberry

from app.api import ids
from app.api.context import Info
from app.api.permissions import IsSignedIn
from app.api.scalars import JSONString
from app.api.types.alert import Alert
from app.api.types.rules import (
    MetricDirection,
    MetricRule,
    RuleComparison,
    ToleranceKind,
    WebhookDelivery,
    WebhookFormat,
    Webhook,
    WindowAggregate,
)
from app.domain import rules, webhooks
from app.domain.run_moves import readable_place


@strawberry.input(description="A metric rule of a project.")
class CreateMetricRuleInput:
    entity_name: str
    project_name: str
    name: str
    metric: str = strawberry.field(
        description="A history key; for BASELINE_FINAL compared with the baseline's summary value."
    )
    direction: MetricDirection
    comparison: RuleComparison
    threshold: float | None = strawberry.field(default=None, description="THRESHOLD: the limit.")
    tolerance: float | None = strawberry.field(default=0.0, description="How much worse than the reference is fine.")
    tolerance_kind: ToleranceKind | None = ToleranceKind.ABSOLUTE
    window: int | None = strawberry.field(default=1, description="Compare the aggregate of the last N values.")
    aggregate: WindowAggregate | None = WindowAggregate.MEAN
    warmup_steps: int | None = strawberry.field(default=0, description="No check before this step.")
    baseline_filters: JSONString | None = strawberry.field(
        default=None, description="BASELINE_GROUP: the runs of the group, in the runs filter language."
    )
    scope: JSONString | None = strawberry.field(
        default=None, description='Only runs matching this filter are checked, e.g. {"config.dataset": "imagenet"}.'
    )
    detect_non_finite: bool | None = strawberry.field(default=False, description="Alert on NaN or ±Infinity.")
    detect_failed: bool | None = strawberry.field(default=False, description="Alert when the run fails or crashes.")
    stall_minutes: int | None = strawberry.field(
        default=None, description="Alert when the metric stops arriving for this many minutes."
    )
    client_mutation_id: str | None = None


@strawberry.input(description="Change a metric rule (fields left null stay); its runs' states start over.")
class UpdateMetricRuleInput:
    entity_name: str
    project_name: str
    name: str
    new_name: str | None = None
    metric: str | None = None
    direction: MetricDirection | None = None
    comparison: RuleComparison | None = None
    threshold: float | None = None
    tolerance: float | None = None
    tolerance_kind: ToleranceKind | None = None
    window: int | None = None
    aggregate: WindowAggregate | None = None
    warmup_steps: int | None = None
    baseline_filters: JSONString | None = None
    scope: JSONString | None = None
    detect_non_finite: bool | None = None
    detect_failed: bool | None = None
    stall_minutes: int | None = None
    client_mutation_id: str | None = None


@strawberry.type
class CreateMetricRulePayload:
    rule: MetricRule
    client_mutation_id: str | None = None


@strawberry.type
class UpdateMetricRulePayload:
    rule: MetricRule
    client_mutation_id: str | None = None


@strawberry.input
class DeleteMetricRuleInput:
    entity_name: str
    project_name: str
    name: str
    client_mutation_id: str | None = None


@strawberry.type
class DeleteMetricRulePayload:
    success: bool
    client_mutation_id: str | None = None


@strawberry.input(description="Run a rule over runs already logged (all of the project's, or the named ones).")
class EvaluateMetricRuleInput:
    entity_name: str
    project_name: str
    name: str
    run_names: list[str] | None = None
    client_mutation_id: str | None = None


@strawberry.type
class EvaluateMetricRulePayload:
    evaluated_runs: int
    client_mutation_id: str | None = None


@strawberry.input
class AcknowledgeAlertInput:
    id: strawberry.ID
    client_mutation_id: str | None = None


@strawberry.input
class SnoozeAlertInput:
    id: strawberry.ID
    minutes: int
    client_mutation_id: str | None = None


@strawberry.type
class AlertPayload:
    alert: Alert
    client_mutation_id: str | None = None


@strawberry.input(description="A webhook of a team (projectName null: for all its projects) or of one project.")
class CreateWebhookInput:
    entity_name: str
    project_name: str | None = None
    url: str
    secret: str = strawberry.field(
        description='Signs each body: X-Labbook-Signature: t=<unix>,v1=<hex HMAC-SHA256 of "<t>.<body>">.'
    )
    format: WebhookFormat | None = WebhookFormat.JSON
    event_kinds: list[str] | None = strawberry.field(
        default=None, description="alert.opened (the default), alert.resolved."
    )
    client_mutation_id: str | None = None


@strawberry.type
class CreateWebhookPayload:
    webhook: Webhook
    client_mutation_id: str | None = None


@strawberry.input
class DeleteWebhookInput:
    id: strawberry.ID
    client_mutation_id: str | None = None


@strawberry.type
class DeleteWebhookPayload:
    success: bool
    client_mutation_id: str | None = None


def _rule_input(input: CreateMetricRuleInput | UpdateMetricRuleInput) -> rules.RuleInput:
    def value(enum_value):
        return enum_value.value if enum_value is not None else None

    return rules.RuleInput(
        entity=input.entity_name,
        project=input.project_name,
        name=input.name,
        metric=input.metric,
        direction=value(input.direction),
        comparison=value(input.comparison),
        threshold=input.threshold,
        tolerance=input.tolerance,
        tolerance_kind=value(input.tolerance_kind),
        window=input.window,
        aggregate=value(input.aggregate),
        warmup_steps=input.warmup_steps,
        baseline_filters=input.baseline_filters,
        scope=input.scope,
        detect_non_finite=input.detect_non_finite,
        detect_failed=input.detect_failed,
        stall_minutes=input.stall_minutes,
        new_name=getattr(input, "new_name", None),
    )


@strawberry.type
class Mutation:
    @strawberry.mutation(
        permission_classes=[IsSignedIn], description="Add a metric rule to a project. Needs write access as a member."
    )
    async def create_metric_rule(self, info: Info, input: CreateMetricRuleInput) -> CreateMetricRulePayload:
        async with info.context.transaction() as session:
            rule = await rules.create_rule(session, info.context.actor, _rule_input(input))
        return CreateMetricRulePayload(rule=MetricRule.from_row(rule), client_mutation_id=input.client_mutation_id)

    @strawberry.mutation(permission_classes=[IsSignedIn], description="Change a metric rule.")
    async def update_metric_rule(self, info: Info, input: UpdateMetricRuleInput) -> UpdateMetricRulePayload:
        async with info.context.transaction() as session:
            rule = await rules.update_rule(session, info.context.actor, _rule_input(input))
        return UpdateMetricRulePayload(rule=MetricRule.from_row(rule), client_mutation_id=input.client_mutation_id)

    @strawberry.mutation(
        permission_classes=[IsSignedIn],
        description="Delete a metric rule with its runs' states and verdicts (its alerts stay).",
    )
    async def delete_metric_rule(self, info: Info, input: DeleteMetricRuleInput) -> DeleteMetricRulePayload:
        async with info.context.transaction() as session:
            await rules.delete_rule(session, info.context.actor, input.entity_name, input.project_name, input.name)
        return DeleteMetricRulePayload(success=True, client_mutation_id=input.client_mutation_id)

    @strawberry.mutation(
        permission_classes=[IsSignedIn],
        description="Run a rule over runs already logged, from their first line; finished runs get "
        "their verdict, regressions open alerts (and notify).",
    )
    async def evaluate_metric_rule(self, info: Info, input: EvaluateMetricRuleInput) -> EvaluateMetricRulePayload:
        async with info.context.transaction() as session:
            count = await rules.evaluate_existing(
                session,
                info.context.actor,
                input.entity_name,
                input.project_name,
                input.name,
                input.run_names,
                base_url=info.context.base_url,
            )
        return EvaluateMetricRulePayload(evaluated_runs=count, client_mutation_id=input.client_mutation_id)

    @strawberry.mutation(permission_classes=[IsSignedIn], description="Acknowledge an alert: someone is on it.")
    async def acknowledge_alert(self, info: Info, input: AcknowledgeAlertInput) -> AlertPayload:
        async with info.context.transaction() as session:
            alert = await rules.acknowledge(session, info.context.actor, ids.decode_as(input.id, "Alert"))
        return AlertPayload(alert=Alert.from_row(alert), client_mutation_id=input.client_mutation_id)

    @strawberry.mutation(
        permission_classes=[IsSignedIn],
        description="Hold the notifications of the alert's rule for its run for some minutes.",
    )
    async def snooze_alert(self, info: Info, input: SnoozeAlertInput) -> AlertPayload:
        async with info.context.transaction() as session:
            alert = await rules.snooze(session, info.context.actor, ids.decode_as(input.id, "Alert"), input.minutes)
        return AlertPayload(alert=Alert.from_row(alert), client_mutation_id=input.client_mutation_id)

    @strawberry.mutation(
        permission_classes=[IsSignedIn],
        description="Add a webhook: a project's (members with write access) or a team's (its admins).",
    )
    async def create_webhook(self, info: Info, input: CreateWebhookInput) -> CreateWebhookPayload:
        data = webhooks.WebhookInput(
            entity=input.entity_name,
            project=input.project_name,
            url=input.url,
            secret=input.secret,
            format=(input.format or WebhookFormat.JSON).value,
            event_kinds=input.event_kinds,
        )
        async with info.context.transaction() as session:
            webhook = await webhooks.create(session, info.context.actor, data)
        return CreateWebhookPayload(webhook=Webhook.from_row(webhook), client_mutation_id=input.client_mutation_id)

    @strawberry.mutation(permission_classes=[IsSignedIn], description="Delete a webhook.")
    async def delete_webhook(self, info: Info, input: DeleteWebhookInput) -> DeleteWebhookPayload:
        async with info.context.transaction() as session:
            await webhooks.delete(session, info.context.actor, ids.decode_as(input.id, "Webhook"))
        return DeleteWebhookPayload(success=True, client_mutation_id=input.client_mutation_id)


@strawberry.type
class Query:
    @strawberry.field(
        permission_classes=[IsSignedIn],
        description="The webhooks of a project (with its team's) or, projectName null, of a team.",
    )
    async def webhooks(self, info: Info, entity_name: str, project_name: str | None = None) -> list[Webhook]:
        async with info.context.read() as session:
            found = await webhooks.listed(session, info.context.actor, entity_name, project_name)
        return [Webhook.from_row(hook) for hook in found]

    @strawberry.field(
        permission_classes=[IsSignedIn], description="Every attempt to deliver to a webhook, newest first."
    )
    async def webhook_deliveries(
        self, info: Info, webhook_id: strawberry.ID, first: int | None = 100
    ) -> list[WebhookDelivery]:
        limit = max(1, min(first or 100, 1000))
        async with info.context.read() as session:
            found = await webhooks.deliveries(session, info.context.actor, ids.decode_as(webhook_id, "Webhook"), limit)
        return [WebhookDelivery.from_row(row) for row in found]


@strawberry.type
class Subscription:
    @strawberry.subscription(
        description="The project's alerts as they open and resolve (graphql-transport-ws); "
        "anyone who may read the project may subscribe."
    )
    async def alert_events(self, info: Info, entity_name: str, project_name: str) -> AsyncGenerator[Alert, None]:
        context = info.context
        async with context.read() as session:
            place = await readable_place(session, context.actor, entity_name, project_name)
        project_id = place.project.id
        with context.runtime.hub.subscribe(rules.ALERT_CHANNEL) as events:
            while True:
                event = json.loads(await events.get())
                if event.get("project_id") != project_id:
                    continue
                async with context.read() as session:
                    alert = await rules.alert_by_id(session, event["alert_id"])
                if alert is not None:
                    yield Alert.from_row(alert)
