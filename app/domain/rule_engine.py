"""Evaluating a metric rule over a run's values as they arrive: pure functions, no I/O.

A rule's state for one run is a small JSON document (``rule_state.state``): the recent values its
window (and, for CHANGE, the window before it) needs, how many values it has seen, and the last
evaluation. Each new value updates it in O(window); nothing re-reads the run's history.
"""

from __future__ import annotations

import bisect
import math
import statistics
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Sequence

LOWER_IS_BETTER, HIGHER_IS_BETTER = "LOWER_IS_BETTER", "HIGHER_IS_BETTER"
DIRECTIONS = (LOWER_IS_BETTER, HIGHER_IS_BETTER)
THRESHOLD, SAME_STEP, FINAL, BEST, GROUP, CHANGE = (
    "THRESHOLD",
    "BASELINE_SAME_STEP",
    "BASELINE_FINAL",
    "BASELINE_BEST",
    "BASELINE_GROUP",
    "CHANGE",
)
COMPARISONS = (THRESHOLD, SAME_STEP, FINAL, BEST, GROUP, CHANGE)
BASELINE_COMPARISONS = (SAME_STEP, FINAL, BEST)
ABSOLUTE, RELATIVE, SIGMA = "ABSOLUTE", "RELATIVE", "SIGMA"
TOLERANCE_KINDS = (ABSOLUTE, RELATIVE, SIGMA)
AGGREGATES = ("MEAN", "MIN", "MAX")
# Alert kinds: a rule's violation, or one of its detectors.
RULE, NON_FINITE, FAILED, STALLED = "RULE", "NON_FINITE", "FAILED", "STALLED"
PASS, FAIL, NO_DATA = "PASS", "FAIL", "NO_DATA"


@dataclass(frozen=True)
class Reference:
    """What a value is compared with: ``value`` and, for a baseline group, its spread."""

    value: float
    sigma: float = 0.0


@dataclass(frozen=True)
class RuleSpec:
    """A rule's settings the evaluation needs."""

    direction: str
    comparison: str
    tolerance: float = 0.0
    tolerance_kind: str = ABSOLUTE
    window: int = 1
    aggregate: str = "MEAN"
    warmup_steps: int = 0
    threshold: float | None = None
    detect_non_finite: bool = False


@dataclass
class Opened:
    kind: str
    step: int | None
    value: float | None
    reference: float | None

    @property
    def difference(self) -> float | None:
        if self.value is None or self.reference is None or not math.isfinite(self.value):
            return None
        return self.value - self.reference


@dataclass
class Outcome:
    """What a batch of values did: the alert to open, or that the open one recovered."""

    opened: Opened | None = None
    resolved: bool = False
    changed: bool = False


@dataclass
class State:
    values: list[float] = field(default_factory=list)
    count: int = 0
    step: int | None = None
    value: float | None = None
    reference: float | None = None
    violated: bool | None = None  # the last evaluation's outcome; None: never evaluated
    non_finite: bool = False
    open_kind: str | None = None  # the kind of the open alert, if one is open

    @classmethod
    def load(cls, document: dict | None) -> "State":
        document = document or {}
        return cls(
            values=list(document.get("values") or []),
            count=document.get("count", 0),
            step=document.get("step"),
            value=document.get("value"),
            reference=document.get("reference"),
            violated=document.get("violated"),
            non_finite=bool(document.get("non_finite")),
            open_kind=document.get("open_kind"),
        )

    def dump(self) -> dict[str, Any]:
        return {
            "values": self.values,
            "count": self.count,
            "step": self.step,
            "value": self.value,
            "reference": self.reference,
            "violated": self.violated,
            "non_finite": self.non_finite,
            "open_kind": self.open_kind,
        }


def is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def aggregate(name: str, values: Sequence[float]) -> float:
    if name == "MIN":
        return min(values)
    if name == "MAX":
        return max(values)
    return math.fsum(values) / len(values)


def allowance(spec: RuleSpec, reference: Reference) -> float:
    """How much worse than the reference is still fine."""
    if spec.tolerance_kind == RELATIVE:
        return spec.tolerance * abs(reference.value)
    if spec.tolerance_kind == SIGMA:
        return spec.tolerance * reference.sigma
    return spec.tolerance


def violates(spec: RuleSpec, value: float, reference: Reference) -> bool:
    limit = allowance(spec, reference)
    if spec.direction == LOWER_IS_BETTER:
        return value > reference.value + limit
    return value < reference.value - limit


def evaluate(
    spec: RuleSpec,
    state: State,
    steps: Sequence[int | None],
    values: Sequence[Any],
    reference_at: Callable[[int | None], Reference | None],
    bound: Callable[[int | None, int | None], float | None] | None = None,
) -> Outcome:
    """Feed the values (at ``steps``, in order) into ``state``; open at most one alert, or resolve the
    open one when the metric recovers. ``bound(first_step, last_step)`` (optional) is the strictest
    limit any reference of those steps allows: when no value can pass it and no alert is open, the
    values only update the window (the common case, at C speed)."""
    if not values:
        return Outcome()
    if state.open_kind is None and _all_fine(spec, state, steps, values, reference_at, bound):
        return Outcome(changed=True)
    return _evaluate_each(spec, state, zip(steps, values, strict=True), reference_at)


def quick_update(
    spec: RuleSpec,
    document: dict[str, Any],
    first: int | None,
    last: int | None,
    values: Sequence[float],
    limit: float | None,
    reference: float | None,
) -> dict[str, Any] | None:
    """``evaluate`` on a state document for finite numbers (the caller checked) that cannot violate
    ``limit`` while no alert is open: the new document, or None when the exact path must decide."""
    if (
        document.get("open_kind") is not None
        or spec.comparison == CHANGE
        or limit is None
        or first is None
        or last is None
        or first < spec.warmup_steps
    ):
        return None
    previous = document.get("values") or []
    if spec.direction == LOWER_IS_BETTER:
        if max(values) > limit or (previous and max(previous) > limit):
            return None
    elif min(values) < limit or (previous and min(previous) < limit):
        return None
    keep = spec.window
    recent = (previous + list(values[-keep:]))[-keep:]
    if len(recent) < keep:
        return None
    new = dict(document)
    new["values"], new["count"], new["step"] = recent, document.get("count", 0) + len(values), last
    if reference is not None:
        new["value"] = recent[-1] if keep == 1 else aggregate(spec.aggregate, recent)
        new["reference"], new["violated"] = reference, False
    return new


def _all_fine(
    spec: RuleSpec,
    state: State,
    steps: Sequence[int | None],
    values: Sequence[Any],
    reference_at: Callable[[int | None], Reference | None],
    bound: Callable[[int | None, int | None], float | None] | None,
) -> bool:
    """True (and the state updated) when the values are plain finite numbers past the warm-up that
    cannot violate the rule: every window's aggregate lies between the least and the greatest value."""
    if spec.comparison == CHANGE or not set(map(type, values)) <= {float, int}:
        return False
    first, last = steps[0], steps[-1]
    if first is None or last is None or first < spec.warmup_steps:
        return False
    if not math.isfinite(sum(values)):  # a NaN or infinity (or an overflow: the exact path decides)
        return False
    keep = spec.window
    recent = (state.values + [float(v) for v in values[-keep:]])[-keep:]
    if len(recent) < keep:
        return False
    if spec.comparison == THRESHOLD:
        limit = None if spec.threshold is None else spec.threshold + allowance(spec, Reference(spec.threshold))
    elif bound is not None:
        limit = bound(first, last)
    else:
        return False
    if limit is None:
        return False
    if spec.direction == LOWER_IS_BETTER:
        if max(values) > limit or (state.values and max(state.values) > limit):
            return False
    elif min(values) < limit or (state.values and min(state.values) < limit):
        return False
    current = aggregate(spec.aggregate, recent)
    reference = Reference(spec.threshold) if spec.comparison == THRESHOLD else reference_at(last)
    state.values, state.count, state.step = recent, state.count + len(values), last
    if reference is not None:
        state.value, state.reference, state.violated = current, reference.value, False
    return True


def _evaluate_each(
    spec: RuleSpec,
    state: State,
    points: Iterable[tuple[int | None, Any]],
    reference_at: Callable[[int | None], Reference | None],
) -> Outcome:
    outcome = Outcome()
    keep = spec.window * (2 if spec.comparison == CHANGE else 1)
    for step, value in points:
        if not is_number(value):
            continue
        value = float(value)
        if step is not None and step < spec.warmup_steps:
            continue
        outcome.changed = True
        if state.open_kind == STALLED:  # it logs again
            state.open_kind = None
            outcome.resolved = True
        state.step = step
        if not math.isfinite(value):
            state.non_finite = True
            if spec.detect_non_finite and state.open_kind is None:
                _open(state, outcome, Opened(NON_FINITE, step, value, None))
            continue
        state.values.append(value)
        if len(state.values) > keep:
            del state.values[:-keep]
        state.count += 1
        if len(state.values) < keep:
            continue
        current = aggregate(spec.aggregate, state.values[-spec.window :])
        if spec.comparison == CHANGE:
            reference: Reference | None = Reference(aggregate(spec.aggregate, state.values[: spec.window]))
        elif spec.comparison == THRESHOLD:
            reference = Reference(spec.threshold) if spec.threshold is not None else None
        else:
            reference = reference_at(step)
        if reference is None:
            continue
        state.value, state.reference = current, reference.value
        state.violated = violates(spec, current, reference)
        if state.violated and state.open_kind is None:
            _open(state, outcome, Opened(RULE, step, current, reference.value))
        elif not state.violated and state.open_kind in (RULE, NON_FINITE):
            state.open_kind = None
            outcome.resolved, outcome.opened = True, None
    return outcome


def limit_of(spec: RuleSpec, references: Sequence[float], sigma: float = 0.0) -> float | None:
    """The strictest limit among ``references``: the value past which a value violates."""
    if not references:
        return None
    if spec.tolerance_kind != RELATIVE or (spec.tolerance <= 1 and spec.direction == LOWER_IS_BETTER):
        # The limit grows with the reference (ABSOLUTE, SIGMA: by a constant): the extreme reference gives it.
        if spec.direction == LOWER_IS_BETTER:
            low = min(references)
            return low + allowance(spec, Reference(low, sigma))
        high = max(references)
        if spec.tolerance_kind != RELATIVE:
            return high - allowance(spec, Reference(high, sigma))
    if spec.direction == LOWER_IS_BETTER:
        return min(r + allowance(spec, Reference(r, sigma)) for r in references)
    return max(r - allowance(spec, Reference(r, sigma)) for r in references)


def _open(state: State, outcome: Outcome, opened: Opened) -> None:
    state.open_kind = opened.kind
    if outcome.resolved:
        # Recovered and regressed again within one batch: the open alert simply stays open.
        outcome.resolved = False
        return
    outcome.opened = opened


def verdict(spec: RuleSpec, state: State, *, run_failed: bool, detect_failed: bool) -> tuple[str, str]:
    """PASS, FAIL or NO_DATA for a finished run, and why."""
    if detect_failed and run_failed:
        return FAIL, "the run failed or crashed"
    if spec.detect_non_finite and state.non_finite:
        return FAIL, "the metric was NaN or infinite"
    if state.violated is None:
        return NO_DATA, "no value of the metric could be compared"
    if state.violated:
        return FAIL, f"{state.value} is worse than the reference {state.reference}"
    return PASS, f"{state.value} is within the tolerance of the reference {state.reference}"


# --- references from a baseline ----------------------------------------------------------------


@dataclass(frozen=True)
class Series:
    """A baseline run's values of one metric, by step."""

    steps: tuple[int, ...]
    values: tuple[float, ...]
    final: float | None

    @classmethod
    def of(cls, points: Iterable[tuple[int | None, Any]], final: Any) -> "Series":
        pairs = sorted(
            (step, float(value))
            for step, value in points
            if step is not None and is_number(value) and math.isfinite(value)
        )
        last = float(final) if is_number(final) and math.isfinite(final) else (pairs[-1][1] if pairs else None)
        return cls(tuple(s for s, _ in pairs), tuple(v for _, v in pairs), last)

    def nearest(self, step: int | None) -> float | None:
        """The value at the logged step nearest to ``step`` (the earlier one on a tie)."""
        if not self.steps:
            return None
        if step is None:
            return self.values[-1]
        index = bisect.bisect_left(self.steps, step)
        if index == 0:
            return self.values[0]
        if index == len(self.steps):
            return self.values[-1]
        before, after = self.steps[index - 1], self.steps[index]
        return self.values[index - 1] if step - before <= after - step else self.values[index]

    def around(self, first: int, last: int) -> Sequence[float]:
        """The values nearest() can answer for any step from ``first`` to ``last``."""
        low = max(0, bisect.bisect_left(self.steps, first) - 1)
        high = bisect.bisect_right(self.steps, last) + 1
        return self.values[low:high]

    def best_until(self, step: int | None, direction: str) -> float | None:
        """The baseline's best value up to ``step`` (all of it when ``step`` is None)."""
        end = len(self.steps) if step is None else bisect.bisect_right(self.steps, step)
        if end == 0:
            end = min(1, len(self.steps))
        window = self.values[:end]
        if not window:
            return None
        return min(window) if direction == LOWER_IS_BETTER else max(window)


def baseline_reference(spec: RuleSpec, series: Series | None) -> Callable[[int | None], Reference | None]:
    def reference_at(step: int | None) -> Reference | None:
        if series is None:
            return None
        if spec.comparison == SAME_STEP:
            found = series.nearest(step)
        elif spec.comparison == BEST:
            found = series.best_until(step, spec.direction)
        else:
            found = series.final
        return None if found is None else Reference(found)

    return reference_at


def baseline_bound(spec: RuleSpec, series: Series | None) -> Callable[[int | None, int | None], float | None]:
    def bound(first: int | None, last: int | None) -> float | None:
        if series is None or first is None or last is None:
            return None
        if spec.comparison == SAME_STEP:
            return limit_of(spec, series.around(first, last))
        if spec.comparison == BEST:
            # The best so far only gets stricter: the last step's is the strictest.
            found = series.best_until(last, spec.direction)
            return None if found is None else limit_of(spec, [found])
        return None if series.final is None else limit_of(spec, [series.final])

    return bound


def group_reference(values: Sequence[float]) -> Reference | None:
    """A baseline group's mean and sample standard deviation (0 for a group of one)."""
    finite = [float(v) for v in values if is_number(v) and math.isfinite(v)]
    if not finite:
        return None
    sigma = statistics.stdev(finite) if len(finite) > 1 else 0.0
    return Reference(statistics.fmean(finite), sigma)
