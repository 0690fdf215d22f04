"""Loader factories for team membership fields (``info.context.loaders.get(factory)``)."""

from __future__ import annotations

from typing import Sequence

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from strawberry.dataloader import DataLoader

from app.api.loaders import Loaders, batch_loader
from app.db import tables


def invites(loaders: Loaders) -> DataLoader[int, tuple[tables.Invite, tables.Entity] | None]:
    """Invites by id, each with its team (who may see it depends on the viewer's access there)."""

    async def fetch(session: AsyncSession, ids: Sequence[int]) -> dict[int, tuple[tables.Invite, tables.Entity]]:
        rows = await session.execute(
            select(tables.Invite, tables.Entity)
            .join(tables.Entity, tables.Entity.id == tables.Invite.team_id)
            .where(tables.Invite.id.in_(set(ids)))
        )
        return {invite.id: (invite, team) for invite, team in rows.tuples()}

    return batch_loader(loaders.session_factory, fetch)
