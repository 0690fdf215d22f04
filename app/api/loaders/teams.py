"""Loader factories for team membership fields (``info.context.loaders.get(factory)``)."""

from __future__ import annotations

from strawberry.dataloader import DataLoader

from app.api.loaders import Loaders, by_key_loader
from app.db import tables


def invites(loaders: Loaders) -> DataLoader[int, tables.Invite | None]:
    """Invites by id."""
    return by_key_loader(loaders.session_factory, tables.Invite, tables.Invite.id)
