"""Reading a run's history and system metrics in the forms the wandb client asks for.

- ``history``: whole rows as JSON text, either sampled over the run or one page of a step range;
- ``sampled_history``: per spec, rows restricted to some keys, sampled within a step range;
- ``history_keys``: the logged keys and their JSON types, kept up to date by the ingest;
- ``events``: system-metrics lines, sampled.

Sampling happens in the database with index probes (DESIGN.md §9): for ``n`` samples between the
first and last step, ``n`` evenly spaced target steps each take the first row at or after the
target through the (run_id, step) index. Duplicate hits collapse, so at most ``n`` rows come
back, and the first and the last step are always among them. No statement reads every row of a
run and nothing groups or ranks all rows. A range narrow enough to return whole is read as such.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Callable, Sequence

import orjson
from sqlalchemy import ColumnElement, select, true
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from app.db.dialect import in_integers, integer_table, json_has_any_key, json_text
from app.db.tables import EventRow, HistoryRow, Run
from app.db.types import may_spell_non_finite, reader_json_text
from app.domain.errors import BadInput

DEFAULT_SAMPLES = 500
# A page or sample larger than this is cut to it (the client's pages are 1,000 rows by default).
MAX_SAMPLES = 100_000
STEP = "_step"


@dataclass(frozen=True)
class _Series:
    """An append-only table of JSON lines ordered by ``position`` (history: _step; events: line)."""

    model: Any
    position: str

    def column(self, model: Any) -> ColumnElement[int]:
        return getattr(model, self.position)


HISTORY = _Series(HistoryRow, "step")
EVENTS = _Series(EventRow, "line_no")


def _history_is_dense(run: Run) -> bool:
    """Whether the run logged (about) one history row per step from 0 on, as most scripts do."""
    return run.last_step is not None and run.history_line_count >= run.last_step + 1


KeyTest = Callable[[ColumnElement[Any]], ColumnElement[bool]]  # data column -> "row is wanted"


# --- history(samples, minStep, maxStep) ------------------------------------------------------------


async def history(
    session: AsyncSession,
    run: Run,
    *,
    samples: int | None,
    min_step: int | None = None,
    max_step: int | None = None,
) -> list[str]:
    """Rows as JSON text. Without bounds: at most ``samples`` rows sampled over the whole run.
    With ``min_step``/``max_step``: the first ``samples`` rows with min_step <= _step < max_step."""
    count = _samples(samples, "samples")
    if min_step is None and max_step is None:
        return _for_readers(await _sample(session, HISTORY, run.id, count, dense=_history_is_dense(run)))
    conditions = [HistoryRow.run_id == run.id]
    if min_step is not None:
        conditions.append(HistoryRow.step >= min_step)
    if max_step is not None:
        conditions.append(HistoryRow.step < max_step)
    rows = await session.scalars(
        select(json_text(HistoryRow.data)).where(*conditions).order_by(HistoryRow.step, HistoryRow.line_no).limit(count)
    )
    return _for_readers(list(rows))


async def events(session: AsyncSession, run: Run, *, samples: int | None) -> list[str]:
    """System-metrics lines as JSON text, at most ``samples``, sampled over the run."""
    return _for_readers(await _sample(session, EVENTS, run.id, _samples(samples, "samples"), dense=True))


async def last_lines(
    session: AsyncSession, table: type[HistoryRow] | type[EventRow], run_id: int, count: int
) -> list[Any]:
    """The documents of the run's last ``count`` history or system-metrics lines, oldest first
    (the tails a resuming client asks for)."""
    rows = (
        await session.scalars(
            select(table.data).where(table.run_id == run_id).order_by(table.line_no.desc()).limit(count)
        )
    ).all()
    return list(reversed(rows))


def _for_readers(lines: list[str]) -> list[str]:
    """Stored lines as readers get them: non-finite numbers as JSON literals, not strings."""
    return [reader_json_text(line) if may_spell_non_finite(line) else line for line in lines]


# --- sampledHistory(specs) ---------------------------------------------------------------------


@dataclass(frozen=True)
class HistorySpec:
    keys: list[str]
    samples: int
    min_step: int | None
    max_step: int | None  # inclusive

    @property
    def wanted_keys(self) -> list[str]:
        """The keys a row must have one of (every row has _step, so it does not count)."""
        return [key for key in self.keys if key != STEP]


def parse_spec(text: str) -> HistorySpec:
    """A sampledHistory spec: {"keys": [...], "samples": N, "minStep": a, "maxStep": b}."""
    try:
        spec = json.loads(text)
    except ValueError as error:
        raise BadInput(f"sampledHistory spec is not valid JSON: {error}") from None
    if not isinstance(spec, dict):
        raise BadInput("a sampledHistory spec must be a JSON object with keys, samples, minStep and maxStep")
    keys = spec.get("keys")
    if not isinstance(keys, list) or not keys or not all(isinstance(key, str) for key in keys):
        raise BadInput("sampledHistory spec.keys must be a non-empty list of strings")
    return HistorySpec(
        keys=list(dict.fromkeys([STEP, *keys])),
        samples=_samples(spec.get("samples"), "spec.samples"),
        min_step=_optional_int(spec.get("minStep"), "spec.minStep"),
        max_step=_optional_int(spec.get("maxStep"), "spec.maxStep"),
    )


async def sampled_history(session: AsyncSession, run: Run, specs: Sequence[str]) -> list[list[dict[str, Any]]]:
    """One list per spec: sampled rows that have at least one of its keys, restricted to its keys.
    Unlike ``history``, ``maxStep`` is inclusive here (the client's scan relies on it)."""
    parsed = [parse_spec(text) for text in specs]
    dialect = session.get_bind().dialect.name
    results = []
    for spec in parsed:
        wanted = spec.wanted_keys
        key_test: KeyTest | None = (lambda data, keys=wanted: json_has_any_key(data, keys, dialect)) if wanted else None
        lines = await _sample(
            session,
            HISTORY,
            run.id,
            spec.samples,
            low=spec.min_step,
            high=spec.max_step,
            key_test=key_test,
            dense=_history_is_dense(run),
        )
        results.append(_decode_restricted(lines, spec.keys))
    return results


def _decode_restricted(lines: list[str], keys: list[str]) -> list[dict[str, Any]]:
    """The lines' values restricted to ``keys``, decoded as one array (1,000 decode calls cost more
    than the parsing), by orjson in a third of json's time unless json reads them differently:
    orjson reads integers past 64 bits as floats. NaN and infinities stay the strings they are
    stored as: these rows are JSON inside the answer, which must stay strict JSON (wandb-core reads
    it with Go's encoding/json), unlike the JSON text of ``history``'s lines."""
    text = f"[{','.join(lines)}]"
    try:
        rows = [_restrict(row, keys) for row in orjson.loads(text)]
    except orjson.JSONDecodeError:
        rows = None
    if rows is None or any(_beyond_64_bits(value) for row in rows for value in row.values()):
        rows = [_restrict(row, keys) for row in json.loads(text)]
    return rows


def _beyond_64_bits(value: Any) -> bool:
    """Whether ``value`` holds a float as large as orjson makes of an integer past 64 bits."""
    if type(value) is float:
        return abs(value) >= 2**63
    if type(value) is list:
        return any(map(_beyond_64_bits, value))
    if type(value) is dict:
        return any(map(_beyond_64_bits, value.values()))
    return False


def _restrict(row: dict[str, Any], keys: list[str]) -> dict[str, Any]:
    return {key: row[key] for key in keys if key in row}


# --- historyKeys, parquetHistory -------------------------------------------------------------------


def history_keys(run: Run) -> dict[str, Any]:
    """{"lastStep": N, "keys": {"loss": {"typeCounts": [{"type": "number", "count": 5}]}}}; lastStep is -1
    before the first row (the client reads up to lastStep + 1)."""
    keys = {
        key: {"typeCounts": [{"type": type_name, "count": count} for type_name, count in types.items()]}
        for key, types in (run.history_keys or {}).items()
    }
    return {"lastStep": run.last_step if run.last_step is not None else -1, "keys": keys}


def parquet_history(run: Run, live_keys: Sequence[str]) -> tuple[list[str], list[Any]]:
    """No Parquet export: no URLs and no live rows, so the client pages through history instead."""
    return [], []


# --- sampling -------------------------------------------------------------------------------------


async def _sample(
    session: AsyncSession,
    series: _Series,
    run_id: int,
    samples: int,
    *,
    low: int | None = None,
    high: int | None = None,
    key_test: KeyTest | None = None,
    dense: bool = False,
) -> list[str]:
    """At most ``samples`` lines (JSON text) with low <= position <= high, ordered by position,
    always including the first and the last such line. ``dense``: most positions hold a line."""
    if samples == 0:
        return []
    model = series.model
    position = series.column(model)
    wanted = key_test(model.data) if key_test else true()
    conditions = [model.run_id == run_id, wanted]
    if low is not None:
        conditions.append(position >= low)
    if high is not None:
        conditions.append(position <= high)

    def end(descending: bool) -> ColumnElement[int]:
        # Lines stored without a step (refused since; before, the ingest kept them with a NULL step)
        # have no place on the axis: they are skipped, never the end of a range.
        return (
            select(position)
            .where(*conditions, position.is_not(None))
            .order_by(position.desc() if descending else position)
            .limit(1)
            .scalar_subquery()
        )

    first, last = (await session.execute(select(end(False), end(True)))).one()
    if first is None:
        return []
    if last - first < samples:
        lines = list(
            await session.scalars(
                select(json_text(model.data))
                .where(*conditions, position.between(first, last))
                .order_by(position, model.line_no)
                .limit(samples + 1)
            )
        )
        if len(lines) <= samples:
            return lines
    return await _probe(session, series, run_id, _targets(first, last, samples), last, key_test, dense)


def _targets(first: int, last: int, samples: int) -> list[int]:
    if samples == 1:
        return [first]
    return sorted({first + (index * (last - first)) // (samples - 1) for index in range(samples)})


async def _probe(
    session: AsyncSession,
    series: _Series,
    run_id: int,
    targets: list[int],
    last: int,
    key_test: KeyTest | None,
    dense: bool,
) -> list[str]:
    """For each target, the first line at or after it (one index probe each); repeats collapse.

    When ``dense``, one statement first reads the lines exactly at the targets (one index scan
    over all of them, cheaper than a probe each on PostgreSQL); only targets without a line of
    their own are probed."""
    dialect = session.get_bind().dialect.name
    wanted = key_test(series.model.data) if key_test else true()
    found: dict[int, str] = {}
    if dense:
        model = series.model
        position = series.column(model)
        exact = await session.execute(
            select(position, json_text(model.data))
            .where(model.run_id == run_id, in_integers(position, targets, dialect), wanted)
            .order_by(position, model.line_no)
        )
        for at, line in exact:
            found.setdefault(at, line)
    missing = [value for value in targets if value not in found]
    if missing:
        found.update(await _probe_each(session, series, run_id, missing, last, key_test, dialect))
    # Targets ascend, so the hits do too and a line found twice comes twice in a row.
    lines: list[str] = []
    for value in targets:
        hit = found.get(value)
        if hit is not None and (not lines or lines[-1] != hit):
            lines.append(hit)
    return lines


async def _probe_each(
    session: AsyncSession,
    series: _Series,
    run_id: int,
    targets: list[int],
    last: int,
    key_test: KeyTest | None,
    dialect: str,
) -> dict[int, str]:
    """target -> the first line at or after it, up to ``last``, by one index probe per target."""
    target = integer_table(targets, dialect)
    row = aliased(series.model)
    position = series.column(row)
    line = (
        select(json_text(row.data))
        .where(
            row.run_id == run_id,
            position >= target.c.value,
            position <= last,
            key_test(row.data) if key_test else true(),
        )
        .order_by(position)
        .limit(1)
        .correlate(target)
        .scalar_subquery()
    )
    hits = await session.execute(select(target.c.value, line).select_from(target))
    return {value: hit for value, hit in hits if hit is not None}


def _samples(value: Any, name: str) -> int:
    if value is None:
        return DEFAULT_SAMPLES
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise BadInput(f"{name} must be a non-negative integer, got {json.dumps(value)}")
    return min(value, MAX_SAMPLES)


def _optional_int(value: Any, name: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if not isinstance(value, int) or isinstance(value, bool):
        raise BadInput(f"{name} must be an integer, got {json.dumps(value)}")
    return value
