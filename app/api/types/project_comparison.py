"""Project fields for comparing runs: the baseline (owned by the compare/move work)."""

from __future__ import annotations

import strawberry

from app.db import tables


@strawberry.type
class ProjectComparisonFields:
    row: strawberry.Private[tables.Project]
