"""Loaders for run listings: run counts of many projects in one statement per distinct filter."""

from __future__ import annotations

import asyncio
from collections import defaultdict
from typing import Sequence

from strawberry.dataloader import DataLoader

from app.api.loaders import Loaders
from app.domain import run_queries
from app.domain.errors import DomainError

RunCountKey = tuple[int, str | None]  # (project id, filters JSON text)
# Counts that a first page of runs computes in its own statement; None: count separately after all.
PageCounts = dict[RunCountKey, "asyncio.Future[int | None]"]


def page_counts(loaders: Loaders) -> PageCounts:
    """The request's counts promised by ``Project.runs`` (the client asks runCount and the first
    page with the same filters in one query: one scan answers both)."""
    return {}


def run_counts(loaders: Loaders) -> DataLoader[RunCountKey, int]:
    """``Project.runCount(filters)`` for every project of a listing, one statement per filter text."""

    async def load(keys: Sequence[RunCountKey]) -> list[int | DomainError]:
        promised: PageCounts = loaders.get(page_counts)  # type: ignore[arg-type]
        found: dict[RunCountKey, int | DomainError] = {}
        for key in keys:
            if key in promised and (count := await promised[key]) is not None:
                found[key] = count
        by_filters: dict[str | None, list[int]] = defaultdict(list)
        for project_id, filters in keys:
            if (project_id, filters) not in found:
                by_filters[filters].append(project_id)
        if by_filters:
            async with loaders.session_factory() as session:
                for filters, project_ids in by_filters.items():
                    try:
                        counts = await run_queries.count_runs(session, project_ids, filters)
                    except DomainError as error:  # a malformed filter fails only the fields that use it
                        found.update({(project_id, filters): error for project_id in project_ids})
                    else:
                        found.update({(project_id, filters): counts.get(project_id, 0) for project_id in project_ids})
        return [found[key] for key in keys]

    return DataLoader(load_fn=load)


def promise_page_count(loaders: Loaders, key: RunCountKey) -> "asyncio.Future[int | None] | None":
    """A future for ``key``'s count when runCount with the same filters is waiting for its batch
    (it was asked earlier in the query), else None. The promiser must settle it."""
    pending = loaders.get(run_counts).cache_map.get(key)
    if pending is None or pending.done():
        return None
    promised: PageCounts = loaders.get(page_counts)  # type: ignore[arg-type]
    if key in promised:
        return None
    future: asyncio.Future[int | None] = asyncio.get_running_loop().create_future()
    promised[key] = future
    return future
