"""Loaders for run listings: run counts of many projects in one statement per distinct filter."""

from __future__ import annotations

from collections import defaultdict
from typing import Sequence

from strawberry.dataloader import DataLoader

from app.api.loaders import Loaders
from app.domain import run_queries
from app.domain.errors import DomainError

RunCountKey = tuple[int, str | None]  # (project id, filters JSON text)


def run_counts(loaders: Loaders) -> DataLoader[RunCountKey, int]:
    """``Project.runCount(filters)`` for every project of a listing, one statement per filter text."""

    async def load(keys: Sequence[RunCountKey]) -> list[int | DomainError]:
        by_filters: dict[str | None, list[int]] = defaultdict(list)
        for project_id, filters in keys:
            by_filters[filters].append(project_id)
        counts: dict[str | None, dict[int, int] | DomainError] = {}
        async with loaders.session_factory() as session:
            for filters, project_ids in by_filters.items():
                try:
                    counts[filters] = await run_queries.count_runs(session, project_ids, filters)
                except DomainError as error:  # a malformed filter fails only the fields that use it
                    counts[filters] = error
        return [_count(counts[filters], project_id) for project_id, filters in keys]

    return DataLoader(load_fn=load)


def _count(found: dict[int, int] | DomainError, project_id: int) -> int | DomainError:
    return found if isinstance(found, DomainError) else found.get(project_id, 0)
