"""Project fields for run tracking: alerts (owned by the run-tracking work)."""

from __future__ import annotations

import strawberry

from app.db import tables


@strawberry.type
class ProjectTrackingFields:
    row: strawberry.Private[tables.Project]
