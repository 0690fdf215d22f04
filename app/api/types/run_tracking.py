"""Run fields for tracking: files, alerts, resume state (owned by the run-tracking work)."""

from __future__ import annotations

import strawberry

from app.db import tables


@strawberry.type
class RunTrackingFields:
    row: strawberry.Private[tables.Run]
