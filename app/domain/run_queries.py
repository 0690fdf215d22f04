"""Listing and counting a project's runs with the public API's filters and order.

Pages are cut by keyset: the cursor is the sort values of the last run of the page, so a page
never repeats or skips a run when new runs arrive between requests (an offset would).
Callers have already checked that the viewer may read the project.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import defer
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.tables import Run
from app.domain.run_filters import filter_clause, parse_filters
from app.domain.run_order import parse_order


@dataclass(frozen=True)
class RunPage:
    runs: list[Run]
    cursors: list[list[Any]]  # each run's sort values, JSON-ready
    has_next: bool
    total: int | None = None  # how many runs match the filters, when asked for (first pages only)


# The run's JSON documents: large, and not read by a listing that shows names, states and times.
DOCUMENTS = (Run.config, Run.summary, Run.system_metrics, Run.history_keys)


def dialect_of(session: AsyncSession) -> str:
    return session.get_bind().dialect.name


async def list_runs(
    session: AsyncSession,
    project_id: int,
    *,
    filters: str | None,
    order: str | None,
    limit: int,
    after: Sequence[Any] | None = None,
    with_total: bool = False,
    without_documents: bool = False,
) -> RunPage:
    """Up to ``limit`` runs of the project that match ``filters``, sorted by ``order``, after a cursor.
    ``with_total`` (first pages only) also counts the matching runs, in the same scan.
    ``without_documents`` leaves config, summary, system metrics and history keys unloaded (reading
    them then raises): decoding them is most of the cost of reading a page the caller does not need."""
    if with_total and after is not None:
        raise ValueError("with_total counts all matching runs: it needs the first page")
    dialect = dialect_of(session)
    spec = parse_order(order, dialect, [project_id])
    # Sort only ids and sort values, then read the page's whole rows: sorting thousands of
    # matching runs with every column (about 2 KB each) cost more than finding them.
    matching = spec.join_to(select(Run.id.label("run_id"), *spec.columns()).select_from(Run)).where(
        Run.project_id == project_id,
        filter_clause(parse_filters(filters), dialect, [project_id]),
    )
    if after is not None:
        matching = matching.where(spec.after(after))
    total = None
    if with_total:
        # Referenced twice, the CTE is computed once (both dialects materialize it): the count
        # costs no second evaluation of the filters over the project's runs.
        found = matching.cte("matching")
        ranked = select(found).order_by(*spec.order_by([found.c[c.name] for c in spec.columns()]))
        total = select(func.count()).select_from(found).scalar_subquery().label("total")
    else:
        ranked = matching.order_by(*spec.order_by())
    page_ids = ranked.limit(limit + 1).subquery("page")
    sort_values = [page_ids.c[column.name] for column in spec.columns()]
    query = (
        select(Run, *sort_values, *([total] if total is not None else []))
        .join(page_ids, Run.id == page_ids.c.run_id)
        .order_by(*spec.order_by(sort_values))
    )
    if without_documents:
        query = query.options(*(defer(column, raiseload=True) for column in DOCUMENTS))
    rows = (await session.execute(query)).all()
    page = rows[:limit]
    values = len(sort_values)
    return RunPage(
        runs=[row[0] for row in page],
        cursors=[spec.cursor(row[1 : 1 + values]) for row in page],
        has_next=len(rows) > limit,
        total=(rows[0][-1] if rows else 0) if with_total else None,
    )


async def count_runs(session: AsyncSession, project_ids: Sequence[int], filters: str | None) -> dict[int, int]:
    """How many runs of each project match ``filters`` (projects without any are left out)."""
    clause = filter_clause(parse_filters(filters), dialect_of(session), list(set(project_ids)))
    counts = await session.execute(
        select(Run.project_id, func.count())
        .where(Run.project_id.in_(set(project_ids)), clause)
        .group_by(Run.project_id)
    )
    return {project_id: count for project_id, count in counts.all()}
