"""Alerts a run raised with ``run.alert(...)``."""

from __future__ import annotations

from datetime import datetime
from enum import Enum

import strawberry

from app.api import ids
from app.api.types.node import Node
from app.db import tables


@strawberry.enum
class AlertSeverity(Enum):
    INFO = "INFO"
    WARN = "WARN"
    ERROR = "ERROR"


@strawberry.type(description="An alert raised by a run.")
class Alert(Node):
    row: strawberry.Private[tables.Alert]
    title: str
    text: str
    severity: AlertSeverity
    created_at: datetime

    @strawberry.field(description="Repeats of this title within this many milliseconds were suppressed.")
    def wait_duration(self) -> int | None:
        return self.row.wait_duration_ms

    @classmethod
    def from_row(cls, row: tables.Alert) -> "Alert":
        return cls(row=row, id=strawberry.ID(ids.encode("Alert", row.id)), title=row.title, text=row.text,
                   severity=AlertSeverity(row.severity), created_at=row.created_at)
