"""rule_engine without a database: the quick path (ingest's common case) agrees with the exact one,
references from a baseline series, and verdicts."""

from __future__ import annotations

import math
import random

import pytest

from app.domain import rule_engine as engine
from app.domain.rule_engine import Reference, RuleSpec, Series, State


def _exact(spec: RuleSpec, document: dict, steps: list, values: list, reference: Reference | None):
    state = State.load(document)
    outcome = engine.evaluate(spec, state, steps, values, lambda step: reference)
    return state, outcome


def test_the_quick_path_agrees_with_the_exact_one():
    taken = sum(_compare_paths(seed) for seed in range(40))
    assert taken > 100  # the comparison means something only if the quick path was taken often


def _compare_paths(seed: int) -> int:
    rng = random.Random(seed)
    direction = rng.choice(engine.DIRECTIONS)
    spec = RuleSpec(
        direction=direction,
        comparison=engine.THRESHOLD,
        threshold=0.5,
        tolerance=rng.choice([0, 0.1]),
        tolerance_kind=rng.choice([engine.ABSOLUTE, engine.RELATIVE]),
        window=rng.choice([1, 2, 5]),
        aggregate=rng.choice(engine.AGGREGATES),
        warmup_steps=rng.choice([0, 3]),
    )
    document: dict = {}
    step = 0
    quick_taken = 0
    for _ in range(30):
        size = rng.randint(1, 6)
        values = [
            rng.uniform(0.0, 0.6) if direction == engine.LOWER_IS_BETTER else rng.uniform(0.4, 1.0) for _ in range(size)
        ]
        steps = list(range(step, step + size))
        step += size
        limit = engine.limit_of(spec, [spec.threshold])
        quick = engine.quick_update(spec, document, steps[0], steps[-1], values, limit, spec.threshold)
        state, outcome = _exact(spec, document, steps, values, None)
        exact = state.dump()
        if quick is not None:
            quick_taken += 1
            assert outcome.opened is None and not outcome.resolved
            for key in ("values", "count", "step", "violated", "open_kind"):
                assert quick.get(key) == exact.get(key), (key, quick, exact)
            assert quick.get("value") == pytest.approx(exact.get("value"))
        document = exact
    return quick_taken


def test_a_baseline_series_answers_the_nearest_step_and_the_best_so_far():
    series = Series.of([(0, 1.0), (10, 0.5), (20, 0.8), (30, "text"), (40, float("nan"))], final=0.7)
    assert series.nearest(4) == 1.0 and series.nearest(6) == 0.5 and series.nearest(15) == 0.5
    assert series.nearest(100) == 0.8 and series.final == 0.7
    assert series.best_until(15, engine.LOWER_IS_BETTER) == 0.5
    assert series.best_until(5, engine.HIGHER_IS_BETTER) == 1.0
    assert list(series.around(11, 19)) == [0.5, 0.8]


def test_a_group_reference_and_the_sigma_tolerance():
    reference = engine.group_reference([0.80, 0.82, 0.78, "n/a", None])
    assert math.isclose(reference.value, 0.80) and math.isclose(reference.sigma, 0.02)
    spec = RuleSpec(
        direction=engine.HIGHER_IS_BETTER, comparison=engine.GROUP, tolerance=2, tolerance_kind=engine.SIGMA
    )
    assert not engine.violates(spec, 0.765, reference) and engine.violates(spec, 0.755, reference)
    assert math.isclose(engine.limit_of(spec, [reference.value], reference.sigma), 0.76)


def test_verdicts():
    spec = RuleSpec(
        direction=engine.LOWER_IS_BETTER, comparison=engine.THRESHOLD, threshold=1.0, detect_non_finite=True
    )
    assert engine.verdict(spec, State(), run_failed=False, detect_failed=False)[0] == engine.NO_DATA
    assert engine.verdict(spec, State(violated=False), run_failed=True, detect_failed=True)[0] == engine.FAIL
    assert (
        engine.verdict(spec, State(violated=False, non_finite=True), run_failed=False, detect_failed=False)[0]
        == engine.FAIL
    )
    assert engine.verdict(spec, State(violated=True), run_failed=False, detect_failed=False)[0] == engine.FAIL
    assert engine.verdict(spec, State(violated=False), run_failed=False, detect_failed=False)[0] == engine.PASS


def test_webhook_bodies_and_their_signature():
    import hashlib
    import hmac
    import json

    from app.domain import webhooks

    alert = {
        "id": 1,
        "rule": "loss-vs-baseline",
        "metric": "loss",
        "run": "r1",
        "project": "p",
        "entity": "acme",
        "step": 5,
        "value": 0.4,
        "baselineValue": 0.2,
        "url": "https://labbook.example.com/acme/p/runs/r1",
    }
    body = webhooks.body_for("JSON", "alert.opened", alert)
    assert json.loads(body) == {"event": "alert.opened", "alert": alert}
    slack = json.loads(webhooks.body_for("SLACK", "alert.opened", alert))["text"]
    assert "<https://labbook.example.com/acme/p/runs/r1|acme/p/r1>" in slack
    assert "loss = 0.4 against the baseline's 0.2 at step 5" in slack
    header = webhooks.sign("k", 1700000000, body)
    expected = hmac.new(b"k", f"1700000000.{body}".encode(), hashlib.sha256).hexdigest()
    assert header == f"t=1700000000,v1={expected}"
