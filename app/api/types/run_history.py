"""Run fields that read history and system metrics (owned by the run-query work)."""

from __future__ import annotations

import strawberry

from app.db import tables


@strawberry.type
class RunHistoryFields:
    row: strawberry.Private[tables.Run]
