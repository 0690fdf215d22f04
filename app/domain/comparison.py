"""A project's baseline run, and comparing runs with it: does a new model version beat the reference?"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Sequence

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.tables import Project, Run
from app.db.types import utcnow
from app.domain import audit, runs_view
from app.domain.actor import Actor
from app.domain.errors import BadInput, NotFound
from app.domain.run_moves import RunSelection, readable_place, select_runs

MAX_COMPARED_RUNS = 100
MAX_KEYS = 100
SUMMARY_PREFIX = "summary_metrics."
CONFIG_PREFIX = "config."
_MISSING = object()


@dataclass(frozen=True)
class ComparisonRow:
    run: Run
    key: str
    value: Any
    baseline_value: Any
    difference: float | None
    relative_difference: float | None


@dataclass(frozen=True)
class Comparison:
    baseline: Run
    rows: list[ComparisonRow]


# --- baseline ----------------------------------------------------------------------------------


async def set_baseline(
    session: AsyncSession, actor: Actor, entity_name: str, project_name: str, run_name: str | None
) -> Project:
    """Make ``run_name`` the project's baseline, or clear the baseline when it is None."""
    place = await readable_place(session, actor, entity_name, project_name)
    project = place.project
    if not place.can_set_baseline:
        raise place.project_denied("set the baseline")
    run = None
    if run_name is not None:
        run = await runs_view.run_in_project(session, project, run_name)
        if run is None:
            raise NotFound(f"run {run_name} not found in {place.path}")
    previous = project.baseline_run_id
    project.baseline_run_id = run.id if run else None
    project.updated_at = utcnow()
    audit.record(
        session,
        actor,
        "project.set_baseline" if run else "project.clear_baseline",
        entity_id=place.entity.id,
        target_type="project",
        target_id=project.id,
        path=place.path,
        run=run_name,
        previous_run_id=previous,
    )
    await session.flush()
    return project


# --- comparison --------------------------------------------------------------------------------


async def compare_runs(
    session: AsyncSession,
    actor: Actor,
    entity_name: str,
    project_name: str,
    keys: Sequence[str],
    *,
    run_names: Sequence[str] | None = None,
    baseline_name: str | None = None,
) -> Comparison:
    """One row per (run, key): the run's value, the baseline's, and their differences.

    ``run_names`` None compares the project's most recent MAX_COMPARED_RUNS runs other than the baseline."""
    _check_keys(keys)
    place = await readable_place(session, actor, entity_name, project_name)
    baseline = await _baseline(session, place.project, baseline_name, place.path)
    if run_names is None:
        runs = await _recent_runs(session, place.project, exclude=baseline)
    else:
        if len(run_names) > MAX_COMPARED_RUNS:
            raise BadInput(f"compare at most {MAX_COMPARED_RUNS} runs at once, got {len(run_names)}")
        found = await select_runs(session, place.project, RunSelection(run_names=run_names), place.path)
        by_name = {run.name: run for run in found}
        runs = [by_name[name] for name in dict.fromkeys(run_names)]
    rows = [compare_value(run, baseline, key) for run in runs for key in keys]
    return Comparison(baseline=baseline, rows=rows)


def compare_value(run: Run, baseline: Run, key: str) -> ComparisonRow:
    value = value_at(run, key)
    baseline_value = value_at(baseline, key)
    difference = relative = None
    if _is_number(value) and _is_number(baseline_value):
        difference = float(value) - float(baseline_value)
        relative = difference / abs(baseline_value) if baseline_value != 0 else None
    return ComparisonRow(
        run=run,
        key=key,
        value=None if value is _MISSING else value,
        baseline_value=None if baseline_value is _MISSING else baseline_value,
        difference=difference,
        relative_difference=relative,
    )


def value_at(run: Run, key: str) -> Any:
    """The value a key addresses: ``config.X`` (its ``.value`` unwrapped) or ``summary_metrics.X`` (the
    default for a bare key); nested dicts are reached with dots. _MISSING when absent."""
    if key.startswith(CONFIG_PREFIX):
        return _config_value(run.config or {}, key[len(CONFIG_PREFIX) :].split("."))
    path = key[len(SUMMARY_PREFIX) :] if key.startswith(SUMMARY_PREFIX) else key
    return _dig(run.summary or {}, path.split("."))


def _config_value(config: dict, segments: list[str]) -> Any:
    # Config is stored as {"lr": {"value": 0.1, "desc": null}}; older scripts spell the key "config.lr.value".
    unwrapped = {
        key: entry["value"] if isinstance(entry, dict) and "value" in entry else entry for key, entry in config.items()
    }
    if len(segments) >= 2 and segments[-1] == "value":
        found = _dig(unwrapped, segments)
        return found if found is not _MISSING else _dig(unwrapped, segments[:-1])
    return _dig(unwrapped, segments)


def _dig(container: Any, segments: list[str]) -> Any:
    """Follow dotted segments, preferring the longest literal key (W&B keys may contain dots)."""
    if not segments:
        return container
    if not isinstance(container, dict):
        return _MISSING
    for cut in range(len(segments), 0, -1):
        key = ".".join(segments[:cut])
        if key in container:
            found = _dig(container[key], segments[cut:])
            if found is not _MISSING:
                return found
    return _MISSING


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def _check_keys(keys: Sequence[str]) -> None:
    if not keys:
        raise BadInput("keys is empty: name at least one summary_metrics.X or config.X key")
    if len(keys) > MAX_KEYS:
        raise BadInput(f"compare at most {MAX_KEYS} keys at once, got {len(keys)}")
    blank = [key for key in keys if not key.strip() or key in (SUMMARY_PREFIX, CONFIG_PREFIX)]
    if blank:
        raise BadInput(f"invalid comparison key {blank[0]!r}: use summary_metrics.X, config.X or a bare summary key")


async def _baseline(session: AsyncSession, project: Project, name: str | None, path: str) -> Run:
    if name is not None:
        run = await runs_view.run_in_project(session, project, name)
        if run is None:
            raise NotFound(f"baseline run {name} not found in {path}")
        return run
    if project.baseline_run_id is None:
        raise BadInput(f"{path} has no baseline run: set one with setProjectBaseline or pass baseline")
    run = await session.get(Run, project.baseline_run_id)
    if run is None or run.project_id != project.id:
        raise BadInput(f"{path} has no baseline run: set one with setProjectBaseline or pass baseline")
    return run


async def _recent_runs(session: AsyncSession, project: Project, *, exclude: Run) -> list[Run]:
    rows = await session.scalars(
        select(Run)
        .where(Run.project_id == project.id, Run.id != exclude.id)
        .order_by(Run.created_at.desc(), Run.id.desc())
        .limit(MAX_COMPARED_RUNS)
    )
    return list(rows.all())
