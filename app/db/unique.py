"""Get-or-create of rows keyed by a unique name, free of races on both dialects.

Reading first and inserting when nothing was found loses a race on PostgreSQL: two transactions
both find nothing, and the second insert fails on the unique key. Here the insert comes first and
skips a taken key (``dialect.insert_unless_taken``: ``ON CONFLICT DO NOTHING``, which waits for a
concurrent inserter to commit or roll back); what it skipped is then read as it is stored.
"""

from __future__ import annotations

from typing import Any, Sequence, TypeVar

from sqlalchemy import select, tuple_
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.dialect import insert_unless_taken

Row = TypeVar("Row")

# A row skipped as taken can be deleted before it is read back; try the insert again that often.
_ATTEMPTS = 3


async def insert_or_get(session: AsyncSession, rows: Sequence[Row], key: Sequence[str]) -> list[tuple[Row, bool]]:
    """For each of ``rows`` (new ORM objects of one model, not added to the session, distinct in
    their ``key`` columns): the stored row with its key, and whether this call inserted it.

    The stored rows are persistent objects of ``session``; the given objects are only read."""
    if not rows:
        return []
    model = type(rows[0])
    values = [_column_values(row) for row in rows]
    keys = [tuple(value[name] for name in key) for value in values]
    statement = insert_unless_taken(model, key, session.get_bind().dialect.name).returning(model)
    stored: dict[tuple[Any, ...], tuple[Row, bool]] = {}
    for _ in range(_ATTEMPTS):
        pending = [value for value, row_key in zip(values, keys, strict=True) if row_key not in stored]
        for row in await session.scalars(statement.values(pending), execution_options={"populate_existing": True}):
            stored[tuple(getattr(row, name) for name in key)] = (row, True)
        missing = [row_key for row_key in keys if row_key not in stored]
        if not missing:
            break
        columns = [getattr(model, name) for name in key]
        for row in await session.scalars(select(model).where(tuple_(*columns).in_(missing))):
            stored[tuple(getattr(row, name) for name in key)] = (row, False)
        if len(stored) == len(keys):
            break
    else:
        raise RuntimeError(f"{model.__tablename__}: rows kept being deleted while being created")
    return [stored[row_key] for row_key in keys]


def _column_values(row: Any) -> dict[str, Any]:
    """The row's column values, but a primary key the database assigns."""
    values = {}
    for column in row.__table__.columns:
        value = getattr(row, column.key)
        if column.primary_key and value is None:
            continue
        values[column.key] = value
    return values
