"""Builders for the run-query tests: projects, runs and history rows inserted directly with the tables."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any, Iterable

from sqlalchemy import insert

from app.db import tables
from app.db.types import dumps
from tests.support import Account, index_run_values

T0 = datetime(2026, 1, 1, tzinfo=timezone.utc)


async def make_project(runtime, owner: Account, name: str = "p") -> tables.Project:
    async with runtime.session_factory.begin() as session:
        project = tables.Project(entity_id=owner.entity_id, name=name, created_by_id=owner.id, access="PRIVATE")
        session.add(project)
    return project


async def make_runs(runtime, project: tables.Project, specs: Iterable[dict[str, Any]]) -> list[tables.Run]:
    """Runs from dicts of Run columns; ``config`` is given plain and stored as {"k": {"value": v}}.

    Without ``created_at``, the n-th run is created n minutes after T0.
    """
    runs = []
    async with runtime.session_factory.begin() as session:
        for index, spec in enumerate(specs):
            values = dict(spec)
            values.setdefault("name", f"run{index:03d}")
            values.setdefault("created_at", T0 + timedelta(minutes=index))
            values.setdefault("heartbeat_at", values["created_at"] + timedelta(hours=1))
            values["config"] = {key: {"value": value} for key, value in values.get("config", {}).items()}
            values.setdefault("summary", {})
            run = tables.Run(project_id=project.id, **values)
            session.add(run)
            runs.append(run)
        for run in runs:
            await index_run_values(session, run)
    return runs


async def add_history(runtime, run: tables.Run, rows: list[dict[str, Any]], *, table=tables.HistoryRow) -> None:
    """History (or event) lines 0..n-1, in one multi-row insert."""
    values = []
    for line_no, row in enumerate(rows):
        value = {"run_id": run.id, "line_no": line_no, "data": row}
        if table is tables.HistoryRow:
            value["step"] = row.get("_step")
        values.append(value)
    async with runtime.session_factory.begin() as session:
        for start in range(0, len(values), 5000):
            await session.execute(insert(table), values[start : start + 5000])


def as_json_lines(rows: list[dict[str, Any]]) -> list[str]:
    return [dumps(row) for row in rows]
