"""Loader factories for run tracking fields (``info.context.loaders.get(factory)``)."""

from __future__ import annotations

import logging
from typing import Sequence

from sqlalchemy.ext.asyncio import AsyncSession
from strawberry.dataloader import DataLoader

from app.api.loaders import Loaders, batch_loader, grouped_loader
from app.db import tables
from app.domain import files

log = logging.getLogger("labbook.files")


def file_counts(loaders: Loaders) -> DataLoader[int, int]:
    """Uploaded files per run id."""

    async def fetch(session: AsyncSession, run_ids: Sequence[int]) -> dict[int, int]:
        return await files.count_by_run(session, list(run_ids))

    return batch_loader(loaders.session_factory, fetch, default=0)


def confirmed_uploads(loaders: Loaders) -> DataLoader[int, None]:
    """Once per request and run, in one batch: with direct uploads (object storage), record the files
    the client uploaded straight to the store since it got their URLs (files.confirm_uploads)."""
    runtime = loaders.runtime

    async def load(run_ids: Sequence[int]) -> list[None]:
        direct = runtime.direct_uploads if runtime is not None else None
        if direct is not None:
            try:
                async with runtime.session_factory.begin() as session:
                    await files.confirm_uploads(session, direct, list(run_ids))
            except Exception:  # noqa: BLE001 - the store unreachable: list what is known, confirm next time
                log.warning("could not confirm direct uploads of runs %s", list(run_ids)[:10], exc_info=True)
        return [None] * len(run_ids)

    return DataLoader(load_fn=load)


def alerts_by_run(loaders: Loaders) -> DataLoader[int, list[tables.Alert]]:
    """Alerts per run id, newest first."""
    return grouped_loader(
        loaders.session_factory,
        tables.Alert,
        tables.Alert.run_id,
        tables.Alert.created_at.desc(),
        tables.Alert.id.desc(),
    )
