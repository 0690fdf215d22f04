"""Loader factories for run tracking fields (``info.context.loaders.get(factory)``)."""

from __future__ import annotations

from typing import Sequence

from sqlalchemy.ext.asyncio import AsyncSession
from strawberry.dataloader import DataLoader

from app.api.loaders import Loaders, batch_loader, grouped_loader
from app.db import tables
from app.domain import files


def file_counts(loaders: Loaders) -> DataLoader[int, int]:
    """Uploaded files per run id."""

    async def fetch(session: AsyncSession, run_ids: Sequence[int]) -> dict[int, int]:
        return await files.count_by_run(session, list(run_ids))

    return batch_loader(loaders.session_factory, fetch, default=0)


def alerts_by_run(loaders: Loaders) -> DataLoader[int, list[tables.Alert]]:
    """Alerts per run id, newest first."""
    return grouped_loader(loaders.session_factory, tables.Alert, tables.Alert.run_id,
                          tables.Alert.created_at.desc(), tables.Alert.id.desc())
