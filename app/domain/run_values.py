"""The index of a run's config and summary values behind filters and sorts (table ``run_value``).

Every number and string in a run's config or summary that is reachable through objects alone
(never inside a list) gets one row: its key path, encoded as a JSON array, and its value. A filter
such as ``{"config.lr": {"$gt": 0.01}}`` or an order by ``-summary_metrics.acc`` then reads one
index range instead of parsing every run's JSON document. The rows are replaced whenever the
document is (upsertBucket, file_stream summaries) and follow the run when it moves project.

Infinities are numbers here (the documents spell them as strings), NaN the string "NaN".
Booleans, nulls, arrays and objects are not indexed; paths deeper than MAX_DEPTH keys or longer
than MAX_PATH characters neither: the filter compiler asks ``indexable`` and reads the JSON
document itself for those.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from typing import Any, Callable, Iterator, Sequence

from sqlalchemy import (
    ColumnElement,
    FromClause,
    Select,
    String,
    and_,
    case,
    func,
    or_,
    select,
    type_coerce,
    update,
)
from sqlalchemy.ext.asyncio import AsyncSession

from app.db import bulk
from app.db.tables import Run, RunValue
from app.db.types import storable_json

CONFIG = "config"
SUMMARY = "summary"
MAX_DEPTH = 8
MAX_PATH = 512


def encode_path(path: Sequence[str]) -> str:
    return json.dumps(list(path), ensure_ascii=False, separators=(",", ":"))


def indexable(path: Sequence[str]) -> bool:
    """Whether a value at ``path`` is in the index when it is a number or a string."""
    return 0 < len(path) <= MAX_DEPTH and len(encode_path(path)) <= MAX_PATH


def leaves(document: Any, prefix: tuple[str, ...] = ()) -> Iterator[tuple[str, float | None, str | None]]:
    """(encoded path, number, text) of every indexable number and string in ``document``."""
    if not isinstance(document, dict) or len(prefix) >= MAX_DEPTH:
        return
    for key, value in document.items():
        path = (*prefix, key)
        if isinstance(value, dict):
            yield from leaves(value, path)
        elif isinstance(value, bool) or not isinstance(value, (int, float, str)):
            continue
        elif not indexable(path):
            continue
        elif isinstance(value, str):
            # Stored infinities (spelled as strings) are numbers; a NaN stays the string "NaN": it
            # is no point on the number line, and SQLite cannot keep it in a REAL column.
            infinity = _INFINITIES.get(value)
            yield (encode_path(path), None, value) if infinity is None else (encode_path(path), infinity, None)
        else:
            yield encode_path(path), _float(value), None


_INFINITIES = {"Infinity": math.inf, "-Infinity": -math.inf}


def _float(number: int | float) -> float:
    try:
        return float(number)
    except OverflowError:  # an integer past the double range still compares as the largest number
        return math.inf if number > 0 else -math.inf


async def replace(session: AsyncSession, run_id: int, project_id: int, section: str, document: Any) -> None:
    """Index ``document`` as the run's ``section`` (config or summary), replacing what was there."""
    # Index what is stored: non-finite numbers become strings.
    await bulk.replace_run_values(session, run_id, project_id, section, list(leaves(storable_json(document))))


async def move(session: AsyncSession, run_ids: Sequence[int], project_id: int) -> None:
    """The runs now belong to ``project_id``."""
    await session.execute(update(RunValue).where(RunValue.run_id.in_(run_ids)).values(project_id=project_id))


# --- reading: what the filter compiler and the sorts build on -------------------------------------


@dataclass(frozen=True)
class IndexedKey:
    """Reads of one config or summary key through the index.

    ``paths`` are candidate key paths for the same logical key (as in app.db.dialect.JsonPath): a
    read takes the first candidate that holds a value of the wanted type. ``project_ids``, when
    given, confines the index ranges a filter reads to the projects being queried.
    """

    section: str
    paths: tuple[tuple[str, ...], ...]
    project_ids: tuple[int, ...] | None = None

    def sort_values(self) -> SortValues:
        """The run's number at this key, and its string where it has no number, to sort by.

        The numbers come from index-only scans joined to the runs; a string is looked up only
        for a run without a number (strings are not in the index: they may be long)."""
        joins, numbers = [], []
        for index, path in enumerate(self.paths):
            values = self._restrict(
                select(RunValue.run_id, RunValue.number).where(
                    RunValue.section == self.section,
                    RunValue.path == encode_path(path),
                )
            ).subquery(f"sort_value_{index}")
            joins.append((values, values.c.run_id == Run.id))
            numbers.append(values.c.number)
        number = numbers[0] if len(numbers) == 1 else func.coalesce(*numbers)
        text = type_coerce(case((number.is_(None), self._first(RunValue.text)), else_=None), String)
        return SortValues(tuple(joins), number, text)

    def number_matches(self, condition: Callable[[ColumnElement[float]], ColumnElement[bool]]) -> ColumnElement[bool]:
        """The run's number at this key satisfies ``condition``; false where there is no number."""
        return self._first_matches(RunValue.number, condition)

    def text_matches(self, condition: Callable[[ColumnElement[str]], ColumnElement[bool]]) -> ColumnElement[bool]:
        return self._first_matches(RunValue.text, condition)

    def _first(self, column) -> ColumnElement[Any]:
        values = [
            select(column)
            .where(RunValue.run_id == Run.id, RunValue.section == self.section, RunValue.path == encode_path(path))
            .scalar_subquery()
            for path in self.paths
        ]
        return values[0] if len(values) == 1 else func.coalesce(*values)

    def _first_matches(self, column, condition) -> ColumnElement[bool]:
        # One index range per candidate; a later candidate counts only where no earlier one holds
        # a value of this type (the coalesce of _first).
        clauses, earlier = [], []
        for path in self.paths:
            clauses.append(
                and_(*(Run.id.not_in(held) for held in earlier), Run.id.in_(self._runs(path, condition(column))))
            )
            earlier.append(self._runs(path, column.is_not(None)))
        return or_(*clauses)

    def _runs(self, path: tuple[str, ...], condition: ColumnElement[bool]) -> Select:
        return self._restrict(
            select(RunValue.run_id).where(
                RunValue.section == self.section,
                RunValue.path == encode_path(path),
                condition,
            )
        )

    def _restrict(self, query: Select) -> Select:
        if self.project_ids is None:
            return query
        return query.where(RunValue.project_id.in_(self.project_ids))


@dataclass(frozen=True)
class SortValues:
    """Sort expressions over ``run`` that need ``joins`` (outer joins: (table, on clause)) in the query."""

    joins: tuple[tuple[FromClause, ColumnElement[bool]], ...]
    number: ColumnElement[float]
    text: ColumnElement[str]
