"""The run order of the W&B public API and its keyset pages, compiled to SQL over ``run``.

An order is ``+`` or ``-`` and one key; runs are sorted by it, nulls last in both directions,
then by id, and pages are cut by keyset cursors over those sort values. By a config or summary
key, runs holding a number come first (numerically), then runs holding a string. Config and
summary keys name what they name in filters (app/domain/run_filters.py), read from the value
index when it holds them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Callable, Sequence

from sqlalchemy import ColumnElement, FromClause, Select, and_, or_
from sqlalchemy.sql.elements import UnaryExpression

from app.db.tables import Run
from app.domain.errors import BadInput
from app.domain.run_filters import indexed_key, json_path_of


@dataclass(frozen=True)
class SortKey:
    expression: ColumnElement[Any]
    descending: bool
    kind: str  # "time", "number", "text" or "id"

    def decode(self, value: Any) -> Any:
        """A cursor's JSON value back to what the database compares; ValueError when it cannot be."""
        if value is None:
            if self.kind == "id":
                raise ValueError("id")
            return None
        if self.kind == "time" and isinstance(value, str):
            return datetime.fromisoformat(value)
        if self.kind == "number" and isinstance(value, (int, float)) and not isinstance(value, bool):
            return value
        if self.kind == "text" and isinstance(value, str):
            return value
        if self.kind == "id" and isinstance(value, int) and not isinstance(value, bool):
            return value
        raise ValueError(self.kind)

    def encode(self, value: Any) -> Any:
        return value.isoformat() if isinstance(value, datetime) else value


@dataclass(frozen=True)
class OrderSpec:
    """What runs are sorted by: ``keys`` in priority order, the run id last; nulls sort last.
    ``joins`` are the outer joins (table, on clause) the keys read from."""

    text: str
    keys: tuple[SortKey, ...]
    joins: tuple[tuple[FromClause, ColumnElement[bool]], ...] = ()

    def join_to(self, query: Select) -> Select:
        """``query`` over ``run`` with the tables the sort values come from."""
        for table, on in self.joins:
            query = query.outerjoin(table, on)
        return query

    def columns(self) -> list[ColumnElement[Any]]:
        """The sort values to select with each run (they become its cursor)."""
        return [key.expression.label(f"sort_{index}") for index, key in enumerate(self.keys)]

    def order_by(self, columns: Sequence[ColumnElement[Any]] | None = None) -> list[UnaryExpression[Any]]:
        """ORDER BY the sort values, or by ``columns`` that hold them (e.g. a subquery's)."""
        expressions = columns if columns is not None else [key.expression for key in self.keys]
        return [
            (expression.desc() if key.descending else expression.asc()).nulls_last()
            for key, expression in zip(self.keys, expressions, strict=True)
        ]

    def cursor(self, values: Sequence[Any]) -> list[Any]:
        return [key.encode(value) for key, value in zip(self.keys, values, strict=True)]

    def after(self, cursor: Sequence[Any]) -> ColumnElement[bool]:
        """Runs that sort strictly after the run whose sort values are ``cursor``."""
        if len(cursor) != len(self.keys):
            raise BadInput(f"the cursor does not belong to order {self.text}")
        try:
            values = [key.decode(value) for key, value in zip(self.keys, cursor, strict=True)]
        except ValueError:
            raise BadInput(f"the cursor does not belong to order {self.text}") from None
        terms = []
        equal_so_far: list[ColumnElement[bool]] = []
        for key, value in zip(self.keys, values, strict=True):
            column = key.expression
            if value is None:
                # Nulls sort last: after a null only more nulls of this key follow.
                equal_so_far.append(column.is_(None))
                continue
            beyond = column < value if key.descending else column > value
            terms.append(and_(*equal_so_far, or_(beyond, column.is_(None))))
            equal_so_far.append(column == value)
        return or_(*terms)


_ORDER_COLUMNS: dict[str, tuple[Callable[[], ColumnElement[Any]], str]] = {
    "created_at": (lambda: Run.created_at, "time"),
    "createdAt": (lambda: Run.created_at, "time"),
    "heartbeat_at": (lambda: Run.heartbeat_at, "time"),
    "heartbeatAt": (lambda: Run.heartbeat_at, "time"),
    "updated_at": (lambda: Run.updated_at, "time"),
    "updatedAt": (lambda: Run.updated_at, "time"),
    "name": (lambda: Run.name, "text"),
    "display_name": (lambda: Run.display_name, "text"),
    "displayName": (lambda: Run.display_name, "text"),
    "state": (lambda: Run.state, "text"),
}
DEFAULT_ORDER = "+created_at"


def parse_order(order: str | None, dialect: str, project_ids: Sequence[int] | None = None) -> OrderSpec:
    """The sort of an ``order`` argument: ``+``/``-`` and a key (``+created_at`` when absent).
    ``project_ids``, the projects the query is confined to, narrows the index ranges read."""
    text = (order or "").strip() or DEFAULT_ORDER
    descending = text.startswith("-")
    key = text[1:] if text[:1] in "+-" else text
    if not key:
        raise BadInput(f"order {text!r} names no key: use +key or -key, e.g. -summary_metrics.acc")
    joins: tuple[tuple[FromClause, ColumnElement[bool]], ...] = ()
    if key in _ORDER_COLUMNS:
        expression, kind = _ORDER_COLUMNS[key]
        keys = [SortKey(expression(), descending, kind)]
    else:
        if not key.startswith(("config.", "summary_metrics.")):
            key = f"summary_metrics.{key}"  # the client's own helper reads unknown keys so
        try:
            path = json_path_of(key, dialect, "")
        except BadInput as error:
            raise BadInput(f"invalid order {text!r}: {error.message}") from None
        indexed = indexed_key(key, tuple(project_ids) if project_ids is not None else None)
        if indexed is not None:
            values = indexed.sort_values()
            number, string, joins = values.number, values.text, values.joins
        else:
            number, string = path.number(), path.text()
        # Numbers first (numerically), then strings; runs with neither come last.
        keys = [SortKey(number, descending, "number"), SortKey(string, descending, "text")]
    return OrderSpec(text, (*keys, SortKey(Run.id, descending, "id")), joins)
