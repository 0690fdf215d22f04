"""Loader factories for artifact fields outside app/api/types/artifact.py (``info.context.loaders.get(factory)``)."""

from __future__ import annotations

from strawberry.dataloader import DataLoader

from app.api.loaders import Loaders, by_key_loader
from app.db import tables


def artifacts(loaders: Loaders) -> DataLoader[int, tables.Artifact | None]:
    """Artifact versions by id."""
    return by_key_loader(loaders.session_factory, tables.Artifact, tables.Artifact.id)
