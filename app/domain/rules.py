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
import secrets
import time
from collections import OrderedDict
from dataclasses import dataclass
from itertools import chain
from operator import itemgetter
from datetime import datetime, timedelta
from typing import Any, Mapping, Sequence

from sqlalchemy import delete, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from app.db import notify
from app.db.tables import Alert, Entity, HistoryRow, MetricRule, Project, Run, RuleState, RuleVerdict
from app.db.types import utcnow
from app.domain import audit, comparison, rule_engine, run_filters, webhooks
from app.domain.actor import Actor
from app.domain.errors import BadInput, Conflict, NotFound
from app.domain.kinds import RunState
from app.domain.policy import Access
from app.domain.rule_engine import Opened, RuleSpec, Series, State
from app.domain.run_moves import readable_place

ALERT_CHANNEL = "labbook_alerts"
OPEN, ACKNOWLEDGED, RESOLVED = "OPEN", "ACKNOWLEDGED", "RESOLVED"
ALERT_STATES = (OPEN, ACKNOWLEDGED, RESOLVED)
MAX_RULES = 100
MAX_WINDOW = 1000
MAX_GROUP_RUNS = 1000
GROUP_CACHE_SECONDS = 10.0
FAILED_STATES = (RunState.FAILED, RunState.CRASHED)
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


_SETTINGS = (
    "metric",
    "direction",
    "comparison",
    "threshold",
    "tolerance",
    "tolerance_kind",
    "window",
    "aggregate",
    "warmup_steps",
    "detect_non_finite",
    "detect_failed",
    "stall_minutes",
)


async def _managed_place(session: AsyncSession, actor: Actor, entity_name: str, project_name: str) -> Access:
    place = await readable_place(session, actor, entity_name, project_name)
    if not place.can_manage_rules:
        raise place.project_denied("manage the metric rules")
    return place


async def create_rule(session: AsyncSession, actor: Actor, data: RuleInput) -> MetricRule:
    place = await _managed_place(session, actor, data.entity, data.project)
    count = await session.scalar(
        select(func.count()).select_from(MetricRule).where(MetricRule.project_id == place.project.id)
    )
    if count >= MAX_RULES:
        raise BadInput(f"{place.path} has {MAX_RULES} metric rules already, the most a project may have")
    rule = MetricRule(
        project_id=place.project.id,
        name=_checked_name(data.name),
        created_by_id=actor.user.id if actor.user else None,
        metric="",
        direction="",
        comparison="",
    )
    _apply(rule, data, creating=True)
    session.add(rule)
    place.project.rules_version = new_rules_version()
    await _flush_unique(session, rule.name, place.path)
    audit.record(
        session,
        actor,
        "metric_rule.create",
        entity_id=place.entity.id,
        target_type="metric_rule",
        target_id=rule.id,
        path=place.path,
        **_described(rule),
    )
    return rule


async def update_rule(session: AsyncSession, actor: Actor, data: RuleInput) -> MetricRule:
    place = await _managed_place(session, actor, data.entity, data.project)
    rule = await _rule_named(session, place.project, data.name, place.path)
    if data.new_name is not None:
        rule.name = _checked_name(data.new_name)
    _apply(rule, data, creating=False)
    rule.updated_at = utcnow()  # a new revision: the runs' states of the rule start over
    place.project.rules_version = new_rules_version()
    await _flush_unique(session, rule.name, place.path)
    audit.record(
        session,
        actor,
        "metric_rule.update",
        entity_id=place.entity.id,
        target_type="metric_rule",
        target_id=rule.id,
        path=place.path,
        **_described(rule),
    )
    return rule


async def delete_rule(session: AsyncSession, actor: Actor, entity: str, project: str, name: str) -> MetricRule:
    place = await _managed_place(session, actor, entity, project)
    rule = await _rule_named(session, place.project, name, place.path)
    await session.delete(rule)
    place.project.rules_version = new_rules_version()
    audit.record(
        session,
        actor,
        "metric_rule.delete",
        entity_id=place.entity.id,
        target_type="metric_rule",
        target_id=rule.id,
        path=place.path,
        name=name,
    )
    await session.flush()
    return rule


async def project_rules(session: AsyncSession, project_id: int) -> list[MetricRule]:
    return list(
        (
            await session.scalars(
                select(MetricRule).where(MetricRule.project_id == project_id).order_by(MetricRule.name)
            )
        ).all()
    )


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
    return {
        "name": rule.name,
        **{setting: getattr(rule, setting) for setting in _SETTINGS},
        "baseline_filters": rule.baseline_filters,
        "scope": rule.scope,
    }


def spec_of(rule: Any) -> RuleSpec:
    return RuleSpec(
        direction=rule.direction,
        comparison=rule.comparison,
        tolerance=rule.tolerance,
        tolerance_kind=rule.tolerance_kind,
        window=rule.window,
        aggregate=rule.aggregate,
        warmup_steps=rule.warmup_steps,
        threshold=rule.threshold,
        detect_non_finite=rule.detect_non_finite,
    )


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
    rows = await session.execute(
        select(HistoryRow.step, HistoryRow.data).where(HistoryRow.run_id == baseline_id).order_by(HistoryRow.line_no)
    )
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
    rows = await session.execute(
        select(Run.id, Run.summary)
        .where(Run.project_id == rule.project_id, clause)
        .order_by(Run.id)
        .limit(MAX_GROUP_RUNS)
    )
    values = []
    for run_id, summary in rows.all():
        holder = Run(summary=summary)
        values.append((run_id, comparison.value_at(holder, rule.metric)))
    if len(_group_cache) > 1024:
        _group_cache.clear()
    _group_cache[key] = (time.monotonic() + GROUP_CACHE_SECONDS, values)
    return values


async def reference_for(session_of: Any, rule: Any, run_id: int, baseline: Mapping[str, Any] | None) -> tuple[Any, Any]:
    """For ``rule`` evaluated on run ``run_id``: a function step -> Reference | None, and one
    (first step, last step) -> the strictest limit over those steps (rule_engine.evaluate)."""
    spec = spec_of(rule)
    if rule.comparison in rule_engine.BASELINE_COMPARISONS:
        if baseline is None or baseline.get("id") is None or baseline["id"] == run_id:
            return (lambda step: None), None
        version = (baseline.get("history_line_count"), baseline.get("updated_at"))
        series = await baseline_series(await session_of(), baseline["id"], rule.metric, version)
        return rule_engine.baseline_reference(spec, series), rule_engine.baseline_bound(spec, series)
    if rule.comparison == rule_engine.GROUP:
        values = await group_values(await session_of(), rule)
        reference = rule_engine.group_reference([value for rid, value in values if rid != run_id])
        limit = None if reference is None else rule_engine.limit_of(spec, [reference.value], reference.sigma)
        return (lambda step: reference), (lambda first, last: limit)
    return (lambda step: None), None  # THRESHOLD and CHANGE need none


# --- evaluation on ingest ------------------------------------------------------------------------
#
# A run's rule states live in its row (``run.rule_states``: {rule id: document}), read with the
# run by file_stream's lookup and written with the run row's update: evaluating costs no statement
# of its own. The project's rules are cached per process by ``project.rules_version``, which every
# change of its rules replaces. ``rule_state`` keeps what an episode needs beyond the request: the
# open alert and the snooze.

_rules_cache: dict[int, tuple[int, list["CachedRule"]]] = {}


@dataclass(frozen=True)
class CachedRule:
    id: int
    project_id: int
    name: str
    metric: str
    direction: str
    comparison: str
    threshold: float | None
    tolerance: float
    tolerance_kind: str
    window: int
    aggregate: str
    warmup_steps: int
    baseline_filters: Any
    scope: Any
    detect_non_finite: bool
    detect_failed: bool
    stall_minutes: int | None
    updated_at: datetime
    revision: str = ""  # the revision of the rule a run's state was built by
    spec: RuleSpec | None = None
    threshold_limit: float | None = None

    @classmethod
    def of(cls, rule: MetricRule) -> "CachedRule":
        derived = ("revision", "spec", "threshold_limit")
        fields = {name: getattr(rule, name) for name in cls.__dataclass_fields__ if name not in derived}
        spec = spec_of(rule)
        limit = rule_engine.limit_of(spec, [rule.threshold]) if rule.threshold is not None else None
        return cls(**fields, revision=rule.updated_at.isoformat(), spec=spec, threshold_limit=limit)


async def rules_of_project(session_of: Any, project_id: int, version: int) -> list[CachedRule]:
    cached = _rules_cache.get(project_id)
    if cached is not None and cached[0] == version:
        return cached[1]
    session = await session_of()
    found = [
        CachedRule.of(rule)
        for rule in (
            await session.scalars(select(MetricRule).where(MetricRule.project_id == project_id).order_by(MetricRule.id))
        ).all()
    ]
    if len(_rules_cache) > 10_000:
        _rules_cache.clear()
    _rules_cache[project_id] = (version, found)
    return found


def new_rules_version() -> int:
    """A project's rules_version after a change of its rules: unique, so that no process's cache
    can take another set of rules (even of a project with a recycled id) for the current one."""
    return secrets.randbits(62) or 1


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


@dataclass
class IngestRun:
    """The run's columns the rules need, as file_stream's lookup read them."""

    place: RunPlace
    rules_version: int
    rule_states: Mapping[str, Any] | None
    baseline: Mapping[str, Any] | None


async def on_ingest(session_of: Any, run: IngestRun, incoming: Incoming) -> dict[str, Any] | None:
    """Evaluate the project's rules on what one file_stream request brought; the run's new
    ``rule_states``, or None when nothing changed."""
    project_rules_ = await rules_of_project(session_of, run.place.project_id, run.rules_version)
    if not project_rules_:
        return None
    states = dict(run.rule_states or {})
    changed = False
    columns = _columns(project_rules_, incoming)
    clean = columns is not None and _finite_numbers(columns.values())
    now = utcnow().isoformat()
    for rule in project_rules_:
        steps, values = _points(rule.metric, incoming, columns)
        if not values and incoming.finished_state is None:
            continue
        key = str(rule.id)
        document = states.get(key)
        if document is None or document.get("rev") != rule.revision:
            document = {
                "rev": rule.revision,
                "scope": await _in_scope(await session_of(), rule, run.place.run_id),
                "alert": (document or {}).get("alert"),
            }
        if document["scope"]:
            quick = None
            if clean and incoming.finished_state is None:
                quick = await _quick(session_of, rule, run, steps, values, document)
            if quick is not None:
                quick["t"] = now
                document = quick
            else:
                document = await _evaluate(session_of, rule, run, incoming, steps, values, document, now)
        states[key] = document
        changed = True
    known = {str(rule.id) for rule in project_rules_}
    for stale in [key for key in states if key not in known]:  # rules deleted meanwhile
        del states[stale]
        changed = True
    return states if changed else None


def _finite_numbers(columns: Any) -> bool:
    values = list(chain.from_iterable(columns))
    return set(map(type, values)) <= {float, int} and math.isfinite(sum(values))


async def _quick(
    session_of: Any, rule: CachedRule, run: IngestRun, steps: Sequence, values: Sequence, document: dict[str, Any]
) -> dict[str, Any] | None:
    """The common case at C speed: clean values that cannot violate the rule (rule_engine.quick_update)."""
    spec = rule.spec
    first, last = steps[0], steps[-1]
    if spec.comparison == rule_engine.THRESHOLD:
        return rule_engine.quick_update(spec, document, first, last, values, rule.threshold_limit, spec.threshold)
    if spec.comparison == rule_engine.CHANGE or first is None or last is None:
        return None
    reference_at, bound = await reference_for(session_of, rule, run.place.run_id, run.baseline)
    reference = reference_at(last)
    if bound is None or reference is None:
        return None
    return rule_engine.quick_update(spec, document, first, last, values, bound(first, last), reference.value)


async def _evaluate(
    session_of: Any,
    rule: CachedRule,
    run: IngestRun,
    incoming: Incoming,
    steps: Sequence,
    values: Sequence,
    document: dict[str, Any],
    now: str,
) -> dict[str, Any]:
    state = State.load(document)
    reference_at, bound = await reference_for(session_of, rule, run.place.run_id, run.baseline)
    outcome = rule_engine.evaluate(rule.spec, state, steps, values, reference_at, bound)
    alert_id = document.get("alert")
    if outcome.resolved or outcome.opened is not None or incoming.finished_state is not None:
        session = await session_of()
        alert_id = await _apply_outcome(session, rule, run.place, alert_id, outcome)
        if incoming.finished_state is not None:
            alert_id = await _finish(session, rule, run.place, state, alert_id, incoming.finished_state)
    new = {
        **state.dump(),
        "rev": rule.revision,
        "scope": True,
        "alert": alert_id,
        "t": now if values else document.get("t"),
    }
    return new


def _columns(project_rules_: Sequence[CachedRule], incoming: Incoming) -> dict[str, Sequence[Any]] | None:
    """Each rule metric's values, one a line, when every line carries every one of them (nearly always:
    a run logs the same keys each step); read in one pass at C speed. None otherwise."""
    metrics = list(dict.fromkeys(rule.metric for rule in project_rules_))
    if not incoming.lines:
        return None
    try:
        if len(metrics) == 1:
            return {metrics[0]: list(map(itemgetter(metrics[0]), incoming.lines))}
        return dict(zip(metrics, zip(*map(itemgetter(*metrics), incoming.lines), strict=True), strict=True))
    except (KeyError, TypeError):
        return None


def _points(
    metric: str, incoming: Incoming, columns: Mapping[str, Sequence[Any]] | None = None
) -> tuple[Sequence, Sequence]:
    """The steps and values of the lines carrying ``metric`` (a summary-only metric: its summary value)."""
    if columns is not None and metric in columns:
        return incoming.steps, columns[metric]
    pairs = [(step, line[metric]) for step, line in zip(incoming.steps, incoming.lines, strict=True) if metric in line]
    steps, values = [step for step, _ in pairs], [value for _, value in pairs]
    if not values and incoming.summary is not None and metric in incoming.summary:
        # A metric only ever in the summary (never logged as history) is checked as it changes.
        if not incoming.history_keys or metric not in incoming.history_keys:
            return [incoming.summary_step], [incoming.summary[metric]]
    return steps, values


async def _in_scope(session: AsyncSession, rule: Any, run_id: int) -> bool:
    if not rule.scope:
        return True
    clause = run_filters.filter_clause(rule.scope, session.get_bind().dialect.name, [rule.project_id])
    return await session.scalar(select(Run.id).where(Run.id == run_id, clause)) is not None


async def _episode(session: AsyncSession, rule_id: int, run_id: int) -> RuleState:
    found = await session.get(RuleState, (rule_id, run_id))
    if found is None:
        found = RuleState(rule_id=rule_id, run_id=run_id, in_scope=True, state={})
        session.add(found)
    return found


async def _apply_outcome(
    session: AsyncSession, rule: Any, place: RunPlace, alert_id: int | None, outcome: rule_engine.Outcome
) -> int | None:
    if outcome.resolved and alert_id is not None:
        await _resolve(session, place, alert_id)
        alert_id = None
    if outcome.opened is not None:
        episode = await _episode(session, rule.id, place.run_id)
        snoozed = episode.snoozed_until is not None and episode.snoozed_until > utcnow()
        alert = await _open(session, rule, place, outcome.opened, notify_now=not snoozed)
        alert_id = episode.open_alert_id = alert.id
        episode.last_value_at = utcnow()
    elif outcome.resolved:
        episode = await _episode(session, rule.id, place.run_id)
        episode.open_alert_id = None
    return alert_id


async def _finish(
    session: AsyncSession, rule: Any, place: RunPlace, state: State, alert_id: int | None, run_state: str
) -> None:
    """The run ended: a failed run raises the FAILED detector, the open alert resolves, the verdict is kept."""
    failed = run_state in FAILED_STATES
    if failed and rule.detect_failed and state.open_kind != rule_engine.FAILED:
        if alert_id is not None:
            await _resolve(session, place, alert_id)
        alert_id = (
            await _open(session, rule, place, Opened(rule_engine.FAILED, state.step, None, None), notify_now=True)
        ).id
        state.open_kind = rule_engine.FAILED
    if alert_id is not None:
        await _resolve(session, place, alert_id)
        state.open_kind = None
    episode = await _episode(session, rule.id, place.run_id)
    episode.open_alert_id, episode.state = None, state.dump()
    await save_verdict(session, rule, place.run_id, state, run_failed=failed)
    return None


async def save_verdict(session: AsyncSession, rule: Any, run_id: int, state: State, *, run_failed: bool) -> str:
    verdict, reason = rule_engine.verdict(spec_of(rule), state, run_failed=run_failed, detect_failed=rule.detect_failed)
    await session.execute(delete(RuleVerdict).where(RuleVerdict.rule_id == rule.id, RuleVerdict.run_id == run_id))
    session.add(
        RuleVerdict(
            rule_id=rule.id,
            run_id=run_id,
            verdict=verdict,
            value=_storable(state.value),
            baseline_value=_storable(state.reference),
            reason=reason,
        )
    )
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
    alert = Alert(
        run_id=place.run_id,
        rule_id=rule.id,
        kind=opened.kind,
        state=OPEN,
        title=title,
        text=text,
        severity="ERROR" if opened.kind in (rule_engine.RULE, rule_engine.FAILED) else "WARN",
        step=opened.step,
        value=_storable(opened.value),
        baseline_value=opened.reference,
        difference=opened.difference,
    )
    session.add(alert)
    await session.flush()
    if notify_now:
        await publish(session, "alert.opened", alert, place, rule_name=rule.name, metric=rule.metric)
    return alert


def _alert_text(rule: Any, opened: Opened) -> str:
    if opened.kind == rule_engine.RULE:
        return (
            f"{rule.metric} = {opened.value:g} at step {opened.step}, against {opened.reference:g} "
            f"({rule.comparison}, {rule.direction}, tolerance {rule.tolerance:g} {rule.tolerance_kind})"
        )
    if opened.kind == rule_engine.NON_FINITE:
        return f"{rule.metric} was {opened.value} at step {opened.step}"
    if opened.kind == rule_engine.STALLED:
        return f"the run logged no {rule.metric} for {rule.stall_minutes} minutes"
    return "the run ended with a failure"


async def _resolve(session: AsyncSession, place: RunPlace, alert_id: int) -> None:
    now = utcnow()
    await session.execute(
        update(Alert).where(Alert.id == alert_id, Alert.state != RESOLVED).values(state=RESOLVED, resolved_at=now)
    )
    alert = await session.get(Alert, alert_id)
    if alert is not None:
        await session.refresh(alert)
        await publish(session, "alert.resolved", alert, place, rule_name=None, metric=None)


def alert_document(alert: Alert, place: RunPlace, *, rule_name: str | None, metric: str | None) -> dict[str, Any]:
    return {
        "id": alert.id,
        "kind": alert.kind,
        "state": alert.state,
        "rule": rule_name,
        "metric": metric,
        "run": place.run_name,
        "project": place.project_name,
        "entity": place.entity_name,
        "step": alert.step,
        "value": alert.value,
        "baselineValue": alert.baseline_value,
        "difference": alert.difference,
        "title": alert.title,
        "url": place.url,
    }


async def publish(
    session: AsyncSession, event: str, alert: Alert, place: RunPlace, *, rule_name: str | None, metric: str | None
) -> None:
    """Tell subscribers and enqueue the webhooks' deliveries, when the transaction commits."""
    if rule_name is None and alert.rule_id is not None:
        rule = await session.get(MetricRule, alert.rule_id)
        rule_name, metric = (rule.name, rule.metric) if rule else (None, None)
    document = alert_document(alert, place, rule_name=rule_name or alert.title, metric=metric)
    await notify.notify(
        session, ALERT_CHANNEL, json.dumps({"event": event, "alert_id": alert.id, "project_id": place.project_id})
    )
    entity_id = place.entity_id
    if entity_id is None:
        entity_id = await session.scalar(select(Project.entity_id).where(Project.id == place.project_id))
    await webhooks.enqueue_for(session, entity_id, place.project_id, event, document)


async def place_of_run(session: AsyncSession, run_id: int, base_url: str | None = None) -> RunPlace:
    row = (
        await session.execute(
            select(Run.name, Run.project_id, Project.name, Entity.name, Entity.id)
            .join(Project, Project.id == Run.project_id)
            .join(Entity, Entity.id == Project.entity_id)
            .where(Run.id == run_id)
        )
    ).one()
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
    audit.record(
        session,
        actor,
        "alert.acknowledge",
        entity_id=place.entity.id,
        target_type="alert",
        target_id=alert.id,
        path=place.path,
    )
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
        await session.execute(
            update(RuleState)
            .where(RuleState.rule_id == alert.rule_id, RuleState.run_id == alert.run_id)
            .values(snoozed_until=until)
        )
    audit.record(
        session,
        actor,
        "alert.snooze",
        entity_id=place.entity.id,
        target_type="alert",
        target_id=alert.id,
        path=place.path,
        minutes=minutes,
    )
    await session.flush()
    return alert


@dataclass(frozen=True)
class AlertFilter:
    states: Sequence[str] | None = None
    kinds: Sequence[str] | None = None
    rule_name: str | None = None
    run_name: str | None = None


async def alerts(
    session: AsyncSession,
    filters: AlertFilter,
    *,
    project_id: int | None = None,
    run_id: int | None = None,
    before_id: int | None = None,
    limit: int,
) -> list[Alert]:
    """Up to ``limit`` alerts of a project's or a run's runs that ``filters`` keeps, newest first;
    ``before_id`` continues a page."""
    query = _alert_query(project_id, run_id, filters)
    if before_id is not None:
        query = query.where(Alert.id < before_id)
    return list((await session.scalars(query.order_by(Alert.id.desc()).limit(limit))).all())


async def alert_by_id(session: AsyncSession, alert_id: int) -> Alert | None:
    return await session.get(Alert, alert_id)


def _alert_query(project_id: int | None, run_id: int | None, filters: AlertFilter) -> Any:
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
    rows = await session.execute(
        select(RuleVerdict, MetricRule)
        .join(MetricRule, MetricRule.id == RuleVerdict.rule_id)
        .where(RuleVerdict.run_id == run_id)
        .order_by(MetricRule.name)
    )
    return [(verdict, rule) for verdict, rule in rows.all()]


async def run_by_path(session: AsyncSession, entity: str, project: str, run: str) -> Run | None:
    return await session.scalar(
        select(Run)
        .join(Project, Project.id == Run.project_id)
        .join(Entity, Entity.id == Project.entity_id)
        .where(Entity.name == entity, Project.name == project, Run.name == run)
    )


async def evaluate_existing(
    session: AsyncSession,
    actor: Actor,
    entity: str,
    project: str,
    name: str,
    run_names: Sequence[str] | None = None,
    *,
    base_url: str | None = None,
) -> int:
    """Run a rule over runs already logged (their whole history, from the start); finished runs get
    their verdict. Returns how many runs were evaluated."""
    place = await _managed_place(session, actor, entity, project)
    rule = CachedRule.of(await _rule_named(session, place.project, name, place.path))
    query = select(Run).where(Run.project_id == place.project.id).order_by(Run.id).with_for_update()
    if run_names:
        query = query.where(Run.name.in_(list(run_names)))
    runs = list((await session.scalars(query.limit(MAX_GROUP_RUNS))).all())
    baseline = await session.get(Run, place.project.baseline_run_id) if place.project.baseline_run_id else None
    baseline_info = (
        {"id": baseline.id, "history_line_count": baseline.history_line_count, "updated_at": baseline.updated_at}
        if baseline
        else None
    )

    async def session_of() -> AsyncSession:
        return session

    for run in runs:
        run_place = RunPlace(
            run.id, run.name, place.project.id, place.project.name, place.entity.name, base_url, place.entity.id
        )
        previous = (run.rule_states or {}).get(str(rule.id)) or {}
        document = {
            "rev": rule.revision,
            "scope": await _in_scope(session, rule, run.id),
            "alert": previous.get("alert"),
        }
        if document["scope"]:
            rows = await session.execute(
                select(HistoryRow.step, HistoryRow.data).where(HistoryRow.run_id == run.id).order_by(HistoryRow.line_no)
            )
            lines = [json.loads(d) if isinstance(d, str) else d for _, d in rows.all()]
            lines = [line for line in lines if isinstance(line, dict)]
            ended = run.state not in (RunState.RUNNING, RunState.PENDING, RunState.PREEMPTING)
            incoming = Incoming(
                lines=lines,
                steps=[line.get("_step") for line in lines],
                summary=run.summary or {},
                summary_step=run.last_step,
                history_keys=run.history_keys,
                finished_state=run.state if ended else None,
            )
            steps, values = _points(rule.metric, incoming)
            ingest_run = IngestRun(run_place, place.project.rules_version, run.rule_states, baseline_info)
            document = await _evaluate(
                session_of,
                rule,
                ingest_run,
                incoming,
                steps,
                values,
                {**document, "rev": rule.revision},
                utcnow().isoformat(),
            )
        run.rule_states = {**(run.rule_states or {}), str(rule.id): document}
    audit.record(
        session,
        actor,
        "metric_rule.evaluate",
        entity_id=place.entity.id,
        target_type="metric_rule",
        target_id=rule.id,
        path=place.path,
        name=name,
        runs=len(runs),
    )
    await session.flush()
    return len(runs)


# --- detectors that need a clock: stalled runs, crashed runs ------------------------------------


async def check_stalled(session: AsyncSession, *, now: datetime | None = None) -> int:
    """Open STALLED alerts for running runs without a rule's metric for its stallMinutes, and FAILED
    alerts for crashed runs under rules that detect failures. Returns how many alerts opened."""
    now = now or utcnow()
    opened = 0
    found = (
        await session.scalars(
            select(MetricRule)
            .where((MetricRule.stall_minutes.is_not(None)) | (MetricRule.detect_failed.is_(True)))
            .order_by(MetricRule.project_id, MetricRule.id)
        )
    ).all()
    for model in found:
        rule = CachedRule.of(model)
        runs = (
            await session.scalars(
                select(Run)
                .where(Run.project_id == rule.project_id, Run.state.in_((RunState.RUNNING, RunState.CRASHED)))
                .order_by(Run.id)
                .with_for_update()
            )
        ).all()
        for run in runs:
            if await _check_run(session, rule, run, now):
                opened += 1
    await session.flush()
    return opened


async def _check_run(session: AsyncSession, rule: CachedRule, run: Run, now: datetime) -> bool:
    key = str(rule.id)
    document = dict((run.rule_states or {}).get(key) or {})
    if document.get("rev") != rule.revision:
        document = {"rev": rule.revision, "scope": None, "alert": document.get("alert")}
    state = State.load(document)
    if state.open_kind in (rule_engine.STALLED, rule_engine.FAILED):
        return False
    if run.state == RunState.CRASHED:
        if not rule.detect_failed:
            return False
        kind = rule_engine.FAILED
    else:
        if rule.stall_minutes is None:
            return False
        last = datetime.fromisoformat(document["t"]) if document.get("t") else run.created_at
        if now - last < timedelta(minutes=rule.stall_minutes):
            return False
        kind = rule_engine.STALLED
    if document.get("scope") is None:
        document["scope"] = await _in_scope(session, rule, run.id)
    if not document["scope"]:
        run.rule_states = {**(run.rule_states or {}), key: document}
        return False
    place = await place_of_run(session, run.id)
    if document.get("alert") is not None:
        await _resolve(session, place, document["alert"])
    alert = await _open(session, rule, place, Opened(kind, state.step, None, None), notify_now=True)
    episode = await _episode(session, rule.id, run.id)
    episode.open_alert_id = alert.id
    state.open_kind = kind
    run.rule_states = {**(run.rule_states or {}), key: {**document, **state.dump(), "alert": alert.id}}
    return True
