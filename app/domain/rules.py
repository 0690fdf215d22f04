"""Metric rules: a project's checks of its runs' metrics, evaluated as file_stream lines arrive.

A rule names a history key, which direction is better and one comparison (app.domain.rule_engine).
On ingest a project's rules and their states for the run are read with one statement (only when
the project has rules: the run's lookup says so), each rule sees only the chunk's lines that carry
its metric, and changed states are written back with one statement in the same transaction.
Opening or resolving an alert is rare: it writes the alert, notifies subscribers and enqueues the
webhook deliveries (jobs), all in the request's transaction; nothing is sent from the request.
"""

from __future__ import annotations

import json
import math
import time
from collections import OrderedDict
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Mapping, Sequence

from sqlalchemy import and_, bindparam, delete, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from app.db import bulk, notify
from app.db.tables import Alert, Entity, HistoryRow, MetricRule, Project, Run, RuleState, RuleVerdict
from app.db.types import utcnow
from app.domain import audit, comparison, policy, rule_engine, run_filters, webhooks
from app.domain.actor import Actor
from app.domain.errors import BadInput, Conflict, Forbidden, NotFound
from app.domain.rule_engine import Opened, Reference, RuleSpec, Series, State
from app.domain.run_moves import readable_place

ALERT_CHANNEL = "labbook_alerts"
OPEN, ACKNOWLEDGED, RESOLVED = "OPEN", "ACKNOWLEDGED", "RESOLVED"
ALERT_STATES = (OPEN, ACKNOWLEDGED, RESOLVED)
MAX_RULES = 100
MAX_WINDOW = 1000
MAX_GROUP_RUNS = 1000
GROUP_CACHE_SECONDS = 10.0
FAILED_STATES = ("failed", "crashed")
STALL_CHECK = "rules.stall_check"
STALL_CHECK_SECONDS = 30.0


# --- managing rules ------------------------------------------------------------------------------

@dataclass
class RuleInput:
    entity: str
    project: str
    name: str
    metric: str | None = None
    direction: str | None = None
    comparison: str | None = None
    threshold: float | None = None
    tolerance: float | None = None
    tolerance_kind: str | None = None
    window: int | None = None
    aggregate: str | None = None
    warmup_steps: int | None = None
    baseline_filters: str | None = None
    scope: str | None = None
    detect_non_finite: bool | None = None
    detect_failed: bool | None = None
    stall_minutes: int | None = None
    new_name: str | None = None


_SETTINGS = ("metric", "direction", "comparison", "threshold", "tolerance", "tolerance_kind", "window", "aggregate",
             "warmup_steps", "detect_non_finite", "detect_failed", "stall_minutes")


async def _managed_place(session: AsyncSession, actor: Actor, entity_name: str, project_name: str) -> Any:
    place = await readable_place(session, actor, entity_name, project_name)
    project = place.project
    in_restricted = project.access == policy.RESTRICTED and await policy.in_restricted_project(session, actor, project)
    if not policy.can_manage_rules(actor, place.role, project, in_restricted=in_restricted):
        raise Forbidden(f"permission denied: user {actor.label} may not manage the metric rules of {place.path}")
    return place


async def create_rule(session: AsyncSession, actor: Actor, data: RuleInput) -> MetricRule:
    place = await _managed_place(session, actor, data.entity, data.project)
    count = await session.scalar(select(func.count()).select_from(MetricRule)
                                 .where(MetricRule.project_id == place.project.id))
    if count >= MAX_RULES:
        raise BadInput(f"{place.path} has {MAX_RULES} metric rules already, the most a project may have")
    rule = MetricRule(project_id=place.project.id, name=_checked_name(data.name),
                      created_by_id=actor.user.id if actor.user else None,
                      metric="", direction="", comparison="")
    _apply(rule, data, creating=True)
    session.add(rule)
    await _flush_unique(session, rule.name, place.path)
    audit.record(session, actor, "metric_rule.create", entity_id=place.entity.id, target_type="metric_rule",
                 target_id=rule.id, path=place.path, **_described(rule))
    return rule


async def update_rule(session: AsyncSession, actor: Actor, data: RuleInput) -> MetricRule:
    place = await _managed_place(session, actor, data.entity, data.project)
    rule = await _rule_named(session, place.project, data.name, place.path)
    if data.new_name is not None:
        rule.name = _checked_name(data.new_name)
    _apply(rule, data, creating=False)
    rule.updated_at = utcnow()
    # The window and reference may mean something else now: runs start over.
    await session.execute(delete(RuleState).where(RuleState.rule_id == rule.id))
    await _flush_unique(session, rule.name, place.path)
    audit.record(session, actor, "metric_rule.update", entity_id=place.entity.id, target_type="metric_rule",
                 target_id=rule.id, path=place.path, **_described(rule))
    return rule


async def delete_rule(session: AsyncSession, actor: Actor, entity: str, project: str, name: str) -> MetricRule:
    place = await _managed_place(session, actor, entity, project)
    rule = await _rule_named(session, place.project, name, place.path)
    await session.delete(rule)
    audit.record(session, actor, "metric_rule.delete", entity_id=place.entity.id, target_type="metric_rule",
                 target_id=rule.id, path=place.path, name=name)
    await session.flush()
    return rule


async def project_rules(session: AsyncSession, project_id: int) -> list[MetricRule]:
    return list((await session.scalars(select(MetricRule).where(MetricRule.project_id == project_id)
                                      .order_by(MetricRule.name))).all())


async def _rule_named(session: AsyncSession, project: Project, name: str, path: str) -> MetricRule:
    rule = await session.scalar(select(MetricRule).where(MetricRule.project_id == project.id, MetricRule.name == name))
    if rule is None:
        raise NotFound(f"metric rule {name!r} not found in {path}")
    return rule


async def _flush_unique(session: AsyncSession, name: str, path: str) -> None:
    try:
        async with session.begin_nested():
            await session.flush()
    except IntegrityError:
        raise Conflict(f"{path} already has a metric rule named {name!r}") from None


def _checked_name(name: str) -> str:
    name = (name or "").strip()
    if not name or len(name) > 128:
        raise BadInput("a metric rule needs a name of 1 to 128 characters")
    return name


def _apply(rule: MetricRule, data: RuleInput, *, creating: bool) -> None:
    for setting in _SETTINGS:
        value = getattr(data, setting)
        if value is not None:
            setattr(rule, setting, value)
    if creating:
        rule.tolerance = data.tolerance or 0.0
        rule.tolerance_kind = data.tolerance_kind or rule_engine.ABSOLUTE
        rule.window = data.window or 1
        rule.aggregate = data.aggregate or "MEAN"
        rule.warmup_steps = data.warmup_steps or 0
        rule.detect_non_finite = bool(data.detect_non_finite)
        rule.detect_failed = bool(data.detect_failed)
    if data.baseline_filters is not None:
        rule.baseline_filters = _filters(data.baseline_filters, "baselineFilters") or None
    if data.scope is not None:
        rule.scope = _filters(data.scope, "scope") or None
    _check(rule)


def _filters(text: str, field: str) -> dict | None:
    try:
        parsed = run_filters.parse_filters(text)
        run_filters.filter_clause(parsed, "sqlite")  # refuses unknown operators now, not on ingest
    except BadInput as error:
        raise BadInput(f"{field}: {error.message}") from None
    return parsed


def _check(rule: MetricRule) -> None:
    if not rule.metric or not rule.metric.strip() or len(rule.metric) > 512:
        raise BadInput("a metric rule needs the metric: a history key of 1 to 512 characters")
    if rule.direction not in rule_engine.DIRECTIONS:
        raise BadInput(f"invalid direction {rule.direction!r}: use LOWER_IS_BETTER or HIGHER_IS_BETTER")
    if rule.comparison not in rule_engine.COMPARISONS:
        raise BadInput(f"invalid comparison {rule.comparison!r}: use one of {', '.join(rule_engine.COMPARISONS)}")
    if rule.comparison == rule_engine.THRESHOLD and not _finite(rule.threshold):
        raise BadInput("a THRESHOLD rule needs a finite threshold")
    if rule.comparison == rule_engine.GROUP and not rule.baseline_filters:
        raise BadInput("a BASELINE_GROUP rule needs baselineFilters choosing the runs of the group")
    if not _finite(rule.tolerance) or rule.tolerance < 0:
        raise BadInput("tolerance must be a finite number, 0 or more")
    if rule.tolerance_kind not in rule_engine.TOLERANCE_KINDS:
        raise BadInput(f"invalid toleranceKind {rule.tolerance_kind!r}: use ABSOLUTE, RELATIVE or SIGMA")
    if rule.tolerance_kind == rule_engine.SIGMA and rule.comparison != rule_engine.GROUP:
        raise BadInput("toleranceKind SIGMA needs a BASELINE_GROUP comparison (the group's σ)")
    if not 1 <= rule.window <= MAX_WINDOW:
        raise BadInput(f"window must be between 1 and {MAX_WINDOW} values")
    if rule.aggregate not in rule_engine.AGGREGATES:
        raise BadInput(f"invalid aggregate {rule.aggregate!r}: use MEAN, MIN or MAX")
    if rule.warmup_steps < 0:
        raise BadInput("warmupSteps must not be negative")
    if rule.stall_minutes is not None and rule.stall_minutes < 1:
        raise BadInput("stallMinutes must be at least 1")


def _finite(value: Any) -> bool:
    return isinstance(value, (int, float)) and math.isfinite(value)


def _described(rule: MetricRule) -> dict[str, Any]:
    return {"name": rule.name, **{setting: getattr(rule, setting) for setting in _SETTINGS},
            "baseline_filters": rule.baseline_filters, "scope": rule.scope}


def spec_of(rule: Any) -> RuleSpec:
    return RuleSpec(direction=rule.direction, comparison=rule.comparison, tolerance=rule.tolerance,
                    tolerance_kind=rule.tolerance_kind, window=rule.window, aggregate=rule.aggregate,
                    warmup_steps=rule.warmup_steps, threshold=rule.threshold,
                    detect_non_finite=rule.detect_non_finite)


# --- references ----------------------------------------------------------------------------------

_series_cache: OrderedDict[tuple, Series] = OrderedDict()
_group_cache: dict[tuple, tuple[float, list[tuple[int, Any]]]] = {}
SERIES_CACHE_SIZE = 64


async def baseline_series(session: AsyncSession, baseline_id: int, metric: str, version: tuple) -> Series:
    """The baseline run's values of ``metric``; kept per process while the baseline is unchanged."""
    key = (baseline_id, metric, version)
    found = _series_cache.get(key)
    if found is not None:
        _series_cache.move_to_end(key)
        return found
    rows = await session.execute(select(HistoryRow.step, HistoryRow.data).where(HistoryRow.run_id == baseline_id)
                                 .order_by(HistoryRow.line_no))
    points = []
    for step, data in rows.all():
        line = json.loads(data) if isinstance(data, str) else data
        if isinstance(line, dict) and metric in line:
            points.append((step, line[metric]))
    baseline = await session.get(Run, baseline_id)
    final = comparison.value_at(baseline, metric) if baseline is not None else None
    series = Series.of(points, final)
    _series_cache[key] = series
    while len(_series_cache) > SERIES_CACHE_SIZE:
        _series_cache.popitem(last=False)
    return series


async def group_values(session: AsyncSession, rule: Any) -> list[tuple[int, Any]]:
    """(run id, final value) of the runs the rule's baseline filters choose; cached for a few seconds."""
    key = (rule.id, rule.updated_at)
    cached = _group_cache.get(key)
    if cached is not None and cached[0] > time.monotonic():
        return cached[1]
    dialect = session.get_bind().dialect.name
    clause = run_filters.filter_clause(rule.baseline_filters, dialect, [rule.project_id])
    rows = await session.execute(select(Run.id, Run.summary).where(Run.project_id == rule.project_id, clause)
                                 .order_by(Run.id).limit(MAX_GROUP_RUNS))
    values = []
    for run_id, summary in rows.all():
        holder = Run(summary=summary)
        values.append((run_id, comparison.value_at(holder, rule.metric)))
    if len(_group_cache) > 1024:
        _group_cache.clear()
    _group_cache[key] = (time.monotonic() + GROUP_CACHE_SECONDS, values)
    return values


async def reference_for(session_of: Any, rule: Any, run_id: int, baseline: Mapping[str, Any] | None) -> Any:
    """A function step -> Reference | None for ``rule`` evaluated on run ``run_id``."""
    spec = spec_of(rule)
    if rule.comparison in rule_engine.BASELINE_COMPARISONS:
        if baseline is None or baseline.get("id") is None or baseline["id"] == run_id:
            return lambda step: None
        version = (baseline.get("history_line_count"), baseline.get("updated_at"))
        series = await baseline_series(await session_of(), baseline["id"], rule.metric, version)
        return rule_engine.baseline_reference(spec, series)
    if rule.comparison == rule_engine.GROUP:
        values = await group_values(await session_of(), rule)
        reference = rule_engine.group_reference([value for rid, value in values if rid != run_id])
        return lambda step: reference
    return lambda step: None  # THRESHOLD and CHANGE need none


# --- evaluation on ingest ------------------------------------------------------------------------

_BASELINE = Run.__table__.alias("baseline")
_RULE_COLUMNS = ("id", "project_id", "name", "metric", "direction", "comparison", "threshold", "tolerance",
                 "tolerance_kind", "window", "aggregate", "warmup_steps", "baseline_filters", "scope",
                 "detect_non_finite", "detect_failed", "stall_minutes", "updated_at")
_RULES_AND_STATES = (
    select(
        *(MetricRule.__table__.c[name].label("rule_" + name) for name in _RULE_COLUMNS),
        RuleState.rule_id.label("state_rule_id"), RuleState.in_scope.label("state_in_scope"),
        RuleState.state.label("state_state"), RuleState.open_alert_id.label("state_open_alert_id"),
        RuleState.snoozed_until.label("state_snoozed_until"),
        _BASELINE.c.id.label("baseline_id"), _BASELINE.c.history_line_count.label("baseline_history_line_count"),
        _BASELINE.c.updated_at.label("baseline_updated_at"),
    )
    .select_from(MetricRule)
    .join(Project, Project.id == MetricRule.project_id)
    .outerjoin(_BASELINE, and_(_BASELINE.c.id == Project.baseline_run_id, _BASELINE.c.project_id == Project.id))
    .outerjoin(RuleState, and_(RuleState.rule_id == MetricRule.id, RuleState.run_id == bindparam("run_id")))
    .where(MetricRule.project_id == bindparam("project_id"))
    .order_by(MetricRule.id)
)


class _Prefixed:
    __slots__ = ("_row", "_prefix")

    def __init__(self, row: Mapping[str, Any], prefix: str) -> None:
        self._row, self._prefix = row, prefix

    def __getattr__(self, name: str) -> Any:
        try:
            return self._row[self._prefix + name]
        except KeyError:
            raise AttributeError(name) from None

    def get(self, name: str, default: Any = None) -> Any:
        return self._row.get(self._prefix + name, default)


@dataclass
class RunPlace:
    """Who the evaluated run is, for the alerts' texts and links."""

    run_id: int
    run_name: str
    project_id: int
    project_name: str
    entity_name: str
    base_url: str | None = None
    entity_id: int | None = None

    @property
    def url(self) -> str:
        path = f"/{self.entity_name}/{self.project_name}/runs/{self.run_name}"
        return (self.base_url or "").rstrip("/") + path


@dataclass
class Incoming:
    """What one request brought for the rules: history lines with their steps, a summary, the end."""

    lines: Sequence[dict[str, Any]] = ()
    steps: Sequence[int | None] = ()
    summary: dict[str, Any] | None = None
    summary_step: int | None = None
    history_keys: Mapping[str, Any] | None = None  # the run's history keys before this request
    finished_state: str | None = None  # the run's state when this request ends it


async def on_ingest(transaction: bulk.Transaction, place: RunPlace, incoming: Incoming) -> None:
    """Evaluate the project's rules on what one file_stream request brought, in its transaction."""
    rows = await transaction.all_rows(_RULES_AND_STATES, {"project_id": place.project_id, "run_id": place.run_id})
    if not rows:
        return
    saved: list[dict[str, Any]] = []
    for row in rows:
        rule = _Prefixed(row, "rule_")
        has_state = row["state_rule_id"] is not None
        points = _points(rule.metric, incoming)
        if not points and incoming.finished_state is None:
            continue
        if has_state:
            in_scope = row["state_in_scope"]
        else:
            in_scope = await _in_scope(await transaction.session(), rule, place.run_id)
        state = State.load(row["state_state"] if has_state else None)
        record = {"rule_id": rule.id, "run_id": place.run_id, "in_scope": in_scope,
                  "open_alert_id": row["state_open_alert_id"], "snoozed_until": row["state_snoozed_until"],
                  "last_value_at": None}
        if in_scope:
            baseline = {"id": row["baseline_id"], "history_line_count": row["baseline_history_line_count"],
                        "updated_at": row["baseline_updated_at"]}
            reference_at = await reference_for(transaction.session, rule, place.run_id, baseline)
            outcome = rule_engine.evaluate(spec_of(rule), state, points, reference_at)
            session_of = transaction.session
            await _apply_outcome(session_of, rule, place, state, record, outcome)
            if incoming.finished_state is not None:
                await _finish(await transaction.session(), rule, place, state, record, incoming.finished_state)
            if points:
                record["last_value_at"] = utcnow()
        record["state"] = state.dump()
        saved.append(record)
    if saved:
        await transaction.execute_many(bulk.rule_state_upsert(transaction.dialect_name), saved)


def _points(metric: str, incoming: Incoming) -> list[tuple[int | None, Any]]:
    points = [(step, line[metric]) for step, line in zip(incoming.steps, incoming.lines) if metric in line]
    if not points and incoming.summary is not None and metric in incoming.summary:
        # A metric only ever in the summary (never logged as history) is checked as it changes.
        if not incoming.history_keys or metric not in incoming.history_keys:
            points = [(incoming.summary_step, incoming.summary[metric])]
    return points


async def _in_scope(session: AsyncSession, rule: Any, run_id: int) -> bool:
    if not rule.scope:
        return True
    clause = run_filters.filter_clause(rule.scope, session.get_bind().dialect.name, [rule.project_id])
    return await session.scalar(select(Run.id).where(Run.id == run_id, clause)) is not None


async def _apply_outcome(session_of: Any, rule: Any, place: RunPlace, state: State, record: dict[str, Any],
                         outcome: rule_engine.Outcome) -> None:
    if outcome.resolved and record["open_alert_id"] is not None:
        await _resolve(await session_of(), place, record["open_alert_id"])
        record["open_alert_id"] = None
    if outcome.opened is not None:
        snoozed = record["snoozed_until"] is not None and record["snoozed_until"] > utcnow()
        alert = await _open(await session_of(), rule, place, outcome.opened, notify_now=not snoozed)
        record["open_alert_id"] = alert.id


async def _finish(session: AsyncSession, rule: Any, place: RunPlace, state: State, record: dict[str, Any],
                  run_state: str) -> None:
    """The run ended: a failed run raises the FAILED detector, the open alert resolves, the verdict is kept."""
    failed = run_state in FAILED_STATES
    if failed and rule.detect_failed and state.open_kind != rule_engine.FAILED:
        if record["open_alert_id"] is not None:
            await _resolve(session, place, record["open_alert_id"])
        alert = await _open(session, rule, place, Opened(rule_engine.FAILED, state.step, None, None), notify_now=True)
        record["open_alert_id"] = alert.id
        state.open_kind = rule_engine.FAILED
    if record["open_alert_id"] is not None:
        await _resolve(session, place, record["open_alert_id"])
        record["open_alert_id"] = None
        state.open_kind = None
    await save_verdict(session, rule, place.run_id, state, run_failed=failed)


async def save_verdict(session: AsyncSession, rule: Any, run_id: int, state: State, *, run_failed: bool) -> str:
    verdict, reason = rule_engine.verdict(spec_of(rule), state, run_failed=run_failed, detect_failed=rule.detect_failed)
    await session.execute(delete(RuleVerdict).where(RuleVerdict.rule_id == rule.id, RuleVerdict.run_id == run_id))
    session.add(RuleVerdict(rule_id=rule.id, run_id=run_id, verdict=verdict, value=_storable(state.value),
                            baseline_value=_storable(state.reference), reason=reason))
    await session.flush()
    return verdict


def _storable(value: float | None) -> float | None:
    return value if value is None or math.isfinite(value) else None


# --- alerts --------------------------------------------------------------------------------------

_TITLES = {
    rule_engine.RULE: "{rule}: {metric} regressed",
    rule_engine.NON_FINITE: "{rule}: {metric} is not a finite number",
    rule_engine.FAILED: "{rule}: the run failed",
    rule_engine.STALLED: "{rule}: no {metric} for {minutes} minutes",
}


async def _open(session: AsyncSession, rule: Any, place: RunPlace, opened: Opened, *, notify_now: bool) -> Alert:
    title = _TITLES[opened.kind].format(rule=rule.name, metric=rule.metric, minutes=rule.stall_minutes)
    text = _alert_text(rule, opened)
    alert = Alert(run_id=place.run_id, rule_id=rule.id, kind=opened.kind, state=OPEN, title=title, text=text,
                  severity="ERROR" if opened.kind in (rule_engine.RULE, rule_engine.FAILED) else "WARN",
                  step=opened.step, value=_storable(opened.value), baseline_value=opened.reference,
                  difference=opened.difference)
    session.add(alert)
    await session.flush()
    if notify_now:
        await publish(session, "alert.opened", alert, place, rule_name=rule.name, metric=rule.metric)
    return alert


def _alert_text(rule: Any, opened: Opened) -> str:
    if opened.kind == rule_engine.RULE:
        return (f"{rule.metric} = {opened.value:g} at step {opened.step}, against {opened.reference:g} "
                f"({rule.comparison}, {rule.direction}, tolerance {rule.tolerance:g} {rule.tolerance_kind})")
    if opened.kind == rule_engine.NON_FINITE:
        return f"{rule.metric} was {opened.value} at step {opened.step}"
    if opened.kind == rule_engine.STALLED:
        return f"the run logged no {rule.metric} for {rule.stall_minutes} minutes"
    return "the run ended with a failure"


async def _resolve(session: AsyncSession, place: RunPlace, alert_id: int) -> None:
    now = utcnow()
    await session.execute(update(Alert).where(Alert.id == alert_id, Alert.state != RESOLVED)
                          .values(state=RESOLVED, resolved_at=now))
    alert = await session.get(Alert, alert_id)
    if alert is not None:
        await session.refresh(alert)
        await publish(session, "alert.resolved", alert, place, rule_name=None, metric=None)


def alert_document(alert: Alert, place: RunPlace, *, rule_name: str | None, metric: str | None) -> dict[str, Any]:
    return {"id": alert.id, "kind": alert.kind, "state": alert.state, "rule": rule_name, "metric": metric,
            "run": place.run_name, "project": place.project_name, "entity": place.entity_name,
            "step": alert.step, "value": alert.value, "baselineValue": alert.baseline_value,
            "difference": alert.difference, "title": alert.title, "url": place.url}


async def publish(session: AsyncSession, event: str, alert: Alert, place: RunPlace, *, rule_name: str | None,
                  metric: str | None) -> None:
    """Tell subscribers and enqueue the webhooks' deliveries, when the transaction commits."""
    if rule_name is None and alert.rule_id is not None:
        rule = await session.get(MetricRule, alert.rule_id)
        rule_name, metric = (rule.name, rule.metric) if rule else (None, None)
    document = alert_document(alert, place, rule_name=rule_name or alert.title, metric=metric)
    await notify.notify(session, ALERT_CHANNEL, json.dumps({"event": event, "alert_id": alert.id,
                                                           "project_id": place.project_id}))
    entity_id = place.entity_id
    if entity_id is None:
        entity_id = await session.scalar(select(Project.entity_id).where(Project.id == place.project_id))
    await webhooks.enqueue_for(session, entity_id, place.project_id, event, document)


async def place_of_run(session: AsyncSession, run_id: int, base_url: str | None = None) -> RunPlace:
    row = (await session.execute(
        select(Run.name, Run.project_id, Project.name, Entity.name, Entity.id)
        .join(Project, Project.id == Run.project_id).join(Entity, Entity.id == Project.entity_id)
        .where(Run.id == run_id)
    )).one()
    return RunPlace(run_id, row[0], row[1], row[2], row[3], base_url, row[4])


async def _alert_in_readable_project(session: AsyncSession, actor: Actor, alert_id: int) -> tuple[Alert, Any]:
    alert = await session.get(Alert, alert_id)
    if alert is None:
        raise NotFound("alert not found")
    run = await session.get(Run, alert.run_id)
    project = await session.get(Project, run.project_id)
    entity = await session.get(Entity, project.entity_id)
    try:
        place = await _managed_place(session, actor, entity.name, project.name)
    except NotFound:
        raise NotFound("alert not found") from None
    return alert, place


async def acknowledge(session: AsyncSession, actor: Actor, alert_id: int) -> Alert:
    alert, place = await _alert_in_readable_project(session, actor, alert_id)
    if alert.state == OPEN:
        alert.state = ACKNOWLEDGED
    alert.acknowledged_at = utcnow()
    alert.acknowledged_by_id = actor.user.id if actor.user else None
    audit.record(session, actor, "alert.acknowledge", entity_id=place.entity.id, target_type="alert",
                 target_id=alert.id, path=place.path)
    await session.flush()
    return alert


async def snooze(session: AsyncSession, actor: Actor, alert_id: int, minutes: int) -> Alert:
    """No notifications of this rule for this run until the snooze ends (alerts are still recorded)."""
    if not 1 <= minutes <= 60 * 24 * 30:
        raise BadInput("snooze for 1 minute to 30 days")
    alert, place = await _alert_in_readable_project(session, actor, alert_id)
    until = utcnow() + timedelta(minutes=minutes)
    alert.snoozed_until = until
    if alert.rule_id is not None:
        await session.execute(update(RuleState).where(RuleState.rule_id == alert.rule_id,
                                                      RuleState.run_id == alert.run_id).values(snoozed_until=until))
    audit.record(session, actor, "alert.snooze", entity_id=place.entity.id, target_type="alert", target_id=alert.id,
                 path=place.path, minutes=minutes)
    await session.flush()
    return alert


@dataclass(frozen=True)
class AlertFilter:
    states: Sequence[str] | None = None
    kinds: Sequence[str] | None = None
    rule_name: str | None = None
    run_name: str | None = None


def alert_query(project_id: int | None, run_id: int | None, filters: AlertFilter) -> Any:
    query = select(Alert).join(Run, Run.id == Alert.run_id)
    if project_id is not None:
        query = query.where(Run.project_id == project_id)
    if run_id is not None:
        query = query.where(Alert.run_id == run_id)
    if filters.states:
        unknown = [s for s in filters.states if s not in ALERT_STATES]
        if unknown:
            raise BadInput(f"invalid alert state {unknown[0]!r}: use OPEN, ACKNOWLEDGED or RESOLVED")
        query = query.where(Alert.state.in_(filters.states))
    if filters.kinds:
        query = query.where(Alert.kind.in_(filters.kinds))
    if filters.rule_name is not None:
        query = query.join(MetricRule, MetricRule.id == Alert.rule_id).where(MetricRule.name == filters.rule_name)
    if filters.run_name is not None:
        query = query.where(Run.name == filters.run_name)
    return query


# --- verdicts, and rules run over existing runs ---------------------------------------------------

async def verdicts_of_run(session: AsyncSession, run_id: int) -> list[tuple[RuleVerdict, MetricRule]]:
    rows = await session.execute(select(RuleVerdict, MetricRule).join(MetricRule, MetricRule.id == RuleVerdict.rule_id)
                                 .where(RuleVerdict.run_id == run_id).order_by(MetricRule.name))
    return [(verdict, rule) for verdict, rule in rows.all()]


async def run_by_path(session: AsyncSession, entity: str, project: str, run: str) -> Run | None:
    return await session.scalar(
        select(Run).join(Project, Project.id == Run.project_id).join(Entity, Entity.id == Project.entity_id)
        .where(Entity.name == entity, Project.name == project, Run.name == run)
    )


async def evaluate_existing(session: AsyncSession, actor: Actor, entity: str, project: str, name: str,
                            run_names: Sequence[str] | None = None, *, base_url: str | None = None) -> int:
    """Run a rule over runs already logged (their whole history, from the start); finished runs get
    their verdict. Returns how many runs were evaluated."""
    place = await _managed_place(session, actor, entity, project)
    rule = await _rule_named(session, place.project, name, place.path)
    query = select(Run).where(Run.project_id == place.project.id).order_by(Run.id)
    if run_names:
        query = query.where(Run.name.in_(list(run_names)))
    runs = list((await session.scalars(query.limit(MAX_GROUP_RUNS))).all())
    baseline = await session.get(Run, place.project.baseline_run_id) if place.project.baseline_run_id else None
    baseline_info = {"id": baseline.id, "history_line_count": baseline.history_line_count,
                     "updated_at": baseline.updated_at} if baseline else None
    await session.execute(delete(RuleState).where(RuleState.rule_id == rule.id,
                                                  RuleState.run_id.in_([run.id for run in runs])))

    async def session_of() -> AsyncSession:
        return session

    for run in runs:
        run_place = RunPlace(run.id, run.name, place.project.id, place.project.name, place.entity.name, base_url,
                             place.entity.id)
        in_scope = await _in_scope(session, rule, run.id)
        state = State()
        record = {"rule_id": rule.id, "run_id": run.id, "in_scope": in_scope, "open_alert_id": None,
                  "snoozed_until": None, "last_value_at": None}
        if in_scope:
            rows = await session.execute(select(HistoryRow.step, HistoryRow.data).where(HistoryRow.run_id == run.id)
                                         .order_by(HistoryRow.line_no))
            lines = [json.loads(d) if isinstance(d, str) else d for _, d in rows.all()]
            steps = [line.get("_step") if isinstance(line, dict) else None for line in lines]
            incoming = Incoming(lines=lines, steps=steps, summary=run.summary or {}, summary_step=run.last_step,
                                history_keys=run.history_keys)
            reference_at = await reference_for(session_of, rule, run.id, baseline_info)
            outcome = rule_engine.evaluate(spec_of(rule), state, _points(rule.metric, incoming), reference_at)
            await _apply_outcome(session_of, rule, run_place, state, record, outcome)
            if run.state not in ("running", "pending", "preempting"):
                await _finish(session, rule, run_place, state, record, run.state)
        session.add(RuleState(**record, state=state.dump()))
    audit.record(session, actor, "metric_rule.evaluate", entity_id=place.entity.id, target_type="metric_rule",
                 target_id=rule.id, path=place.path, name=name, runs=len(runs))
    await session.flush()
    return len(runs)


# --- detectors that need a clock: stalled runs, crashed runs ------------------------------------

async def check_stalled(session: AsyncSession, *, now: datetime | None = None) -> int:
    """Open STALLED alerts for running runs without a rule's metric for its stallMinutes, and FAILED
    alerts for crashed runs under rules that detect failures. Returns how many alerts opened."""
    now = now or utcnow()
    opened = 0
    rules = (await session.scalars(select(MetricRule).where(
        (MetricRule.stall_minutes.is_not(None)) | (MetricRule.detect_failed.is_(True))
    ))).all()
    for rule in rules:
        runs = (await session.execute(
            select(Run, RuleState).outerjoin(RuleState, and_(RuleState.rule_id == rule.id, RuleState.run_id == Run.id))
            .where(Run.project_id == rule.project_id, Run.state.in_(("running", "crashed")))
        )).all()
        for run, state_row in runs:
            if state_row is not None and not state_row.in_scope:
                continue
            state = State.load(state_row.state if state_row else None)
            if state.open_kind in (rule_engine.STALLED, rule_engine.FAILED):
                continue
            if run.state == "crashed":
                if not rule.detect_failed:
                    continue
                kind = rule_engine.FAILED
            else:
                if rule.stall_minutes is None:
                    continue
                last = (state_row.last_value_at if state_row and state_row.last_value_at else run.created_at)
                if now - last < timedelta(minutes=rule.stall_minutes):
                    continue
                kind = rule_engine.STALLED
            if state_row is None and not await _in_scope(session, rule, run.id):
                continue
            place = await place_of_run(session, run.id)
            if state_row is not None and state_row.open_alert_id is not None:
                await _resolve(session, place, state_row.open_alert_id)
            alert = await _open(session, rule, place, Opened(kind, state.step, None, None), notify_now=True)
            state.open_kind = kind
            if state_row is None:
                session.add(RuleState(rule_id=rule.id, run_id=run.id, in_scope=True, state=state.dump(),
                                      open_alert_id=alert.id))
            else:
                state_row.state, state_row.open_alert_id = state.dump(), alert.id
            opened += 1
    await session.flush()
    return opened
