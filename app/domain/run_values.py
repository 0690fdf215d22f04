"""The index of a run's config and summary values behind filters and sorts (table ``run_value``).

Every number and string in a run's config or summary that is reachable through objects alone
(never inside a list) gets one row: its key path, encoded as a JSON array, and its value. A filter
such as ``{"config.lr": {"$gt": 0.01}}`` or an order by ``-summary_metrics.acc`` then reads one
index range instead of parsing every run's JSON document. The rows are replaced whenever the
document is (upsertBucket, file_stream summaries) and follow the run when it moves project.

Booleans, nulls, arrays and objects are not indexed; paths deeper than MAX_DEPTH keys or longer
than MAX_PATH characters neither: the filter compiler asks ``indexable`` and reads the JSON
document itself for those.
"""

from __future__ import annotations

import json
import math
from typing import Any, Iterator, Sequence

from sqlalchemy import delete, insert, update
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.tables import RunValue
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
        elif indexable(path):
            yield (encode_path(path), None, value) if isinstance(value, str) else (encode_path(path), _float(value), None)


def _float(number: int | float) -> float:
    try:
        return float(number)
    except OverflowError:  # an integer past the double range still compares as the largest number
        return math.copysign(math.inf, number)


async def replace(session: AsyncSession, run_id: int, project_id: int, section: str, document: Any) -> None:
    """Index ``document`` as the run's ``section`` (config or summary), replacing what was there."""
    document = storable_json(document)  # index what is stored: non-finite numbers become strings
    await session.execute(delete(RunValue).where(RunValue.run_id == run_id, RunValue.section == section))
    rows = [
        {"run_id": run_id, "section": section, "path": path, "project_id": project_id, "number": number, "text": text}
        for path, number, text in leaves(document)
    ]
    if rows:
        await session.execute(insert(RunValue), rows)


async def move(session: AsyncSession, run_ids: Sequence[int], project_id: int) -> None:
    """The runs now belong to ``project_id``."""
    await session.execute(update(RunValue).where(RunValue.run_id.in_(run_ids)).values(project_id=project_id))
