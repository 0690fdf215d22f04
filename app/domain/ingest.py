"""file_stream: history, system metrics, summary and console lines of a live run (PROTOCOL.md §4.1).

One rule covers every file: ``lines[offset : offset + len(content)] = content``. A request is
parsed and checked completely before anything is written, so a malformed line leaves no trace;
the whole chunk is then written in one transaction (app.db.bulk; on PostgreSQL one statement), and
the run row keeps the derived columns (line counts, last step, history key types, latest system
metrics, summary).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Mapping

import orjson
from sqlalchemy import and_, bindparam, select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from app.db import bulk
from app.db.tables import ApiKey, Entity, Membership, Project, Run, User
from app.db.types import dumps, storable_json, utcnow
from app.domain import api_keys, policy, rules, run_values, runs
from app.domain.actor import Actor
from app.domain.errors import BadInput, Unauthenticated

HISTORY_FILE = "wandb-history.jsonl"
EVENTS_FILE = "wandb-events.jsonl"
SUMMARY_FILE = "wandb-summary.json"
CONSOLE_FILE = "output.log"
MAX_STEP = 2**63 - 1  # the step column is a 64-bit integer
MAX_LINES = 2**31 - 1  # a file's line count is a 32-bit integer, as the client reads historyLineCount
EXIT_CODES = range(-(2**31), 2**31)

_NUL_ESCAPE = "\\u0000"
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_JSON_TYPES = {float: "number", int: "number", str: "string", bool: "boolean", dict: "object", list: "array",
               type(None): "null"}


@dataclass
class JsonLines:
    """Parsed JSON-object lines: the objects, and the text to store for each (the original line
    unless it spelled NaN or Infinity, which strict JSON and JSONB refuse)."""

    offset: int
    objects: list[dict[str, Any]] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    steps: list[int] = field(default_factory=list)  # history lines: each line's _step

    @property
    def end(self) -> int:
        return self.offset + len(self.objects)


@dataclass
class Chunk:
    history: JsonLines | None = None
    events: JsonLines | None = None
    summary: dict[str, Any] | None = None
    console_offset: int = 0
    console: list[str] | None = None
    complete: bool = False
    exit_code: int | None = None
    preempting: bool = False


def parse_body(body: Any) -> Chunk:
    """Check a decoded request body completely; BadInput names the file and line at fault."""
    if not isinstance(body, dict):
        raise BadInput("file_stream body must be a JSON object")
    files = body.get("files") or {}
    if not isinstance(files, dict):
        raise BadInput('file_stream "files" must be an object of file name to {offset, content}')
    chunk = Chunk(complete=bool(body.get("complete")), preempting=bool(body.get("preempting")))
    exit_code = body.get("exitcode")
    if exit_code is not None and (not isinstance(exit_code, int) or isinstance(exit_code, bool)
                                  or exit_code not in EXIT_CODES):
        raise BadInput(f"file_stream exitcode must be a 32-bit integer, got {exit_code!r}")
    chunk.exit_code = exit_code
    for name, spec in files.items():
        offset, content = _file_part(name, spec)
        if name == HISTORY_FILE:
            chunk.history = _json_lines(name, offset, content)
            chunk.history.steps = history_steps(name, chunk.history)
        elif name == EVENTS_FILE:
            chunk.events = _json_lines(name, offset, content)
        elif name == SUMMARY_FILE:
            if content:
                summaries = _json_lines(name, offset, content)
                chunk.summary = summaries.objects[-1]
        elif name == CONSOLE_FILE:
            chunk.console_offset, chunk.console = offset, content
    return chunk


def _file_part(name: str, spec: Any) -> tuple[int, list[str]]:
    if not isinstance(spec, dict):
        raise BadInput(f"file_stream file {name} must be an object with offset and content")
    offset, content = spec.get("offset", 0), spec.get("content", [])
    if not isinstance(offset, int) or isinstance(offset, bool) or offset < 0:
        raise BadInput(f"file_stream file {name}: offset must be a non-negative integer, got {offset!r}")
    if not isinstance(content, list) or not all(isinstance(line, str) for line in content):
        raise BadInput(f"file_stream file {name}: content must be a list of strings")
    if offset + len(content) > MAX_LINES:
        raise BadInput(f"file_stream file {name}: a file holds at most {MAX_LINES} lines; "
                       f"offset {offset} with {len(content)} lines goes past it")
    return offset, content


def _json_lines(name: str, offset: int, content: list[str]) -> JsonLines:
    parsed = JsonLines(offset)
    objects, texts = parsed.objects, parsed.texts
    for index, line in enumerate(content):
        try:
            value, text = orjson.loads(line), line
        except orjson.JSONDecodeError:
            # orjson is strict RFC 8259 (~5x faster than json here); the rare rest takes the slow path.
            value, text = _lenient_line(name, offset + index, line)
        if type(value) is not dict:
            raise BadInput(f"{name} line {offset + index} must be a JSON object, got {type(value).__name__}")
        if _NUL_ESCAPE in text:  # PostgreSQL refuses \u0000 in JSONB
            text = dumps(storable_json(value))
        objects.append(value)
        texts.append(text)
    return parsed


def _lenient_line(name: str, line_no: int, line: str) -> tuple[Any, str]:
    """What json accepts beyond RFC 8259: NaN and infinities as the client may write them (stored
    spelled as strings), integers past 64 bits, lone UTF-16 surrogates (stored as U+FFFD: PostgreSQL
    refuses them in JSONB, and in any JSON it reads as JSONB); else BadInput with json's message."""
    rewrite = False

    def constant(spelling: str) -> float:
        nonlocal rewrite
        rewrite = True
        return float(spelling)

    try:
        value = json.loads(line, parse_constant=constant)
    except ValueError as error:
        raise BadInput(f"{name} line {line_no} is not valid JSON: {error}") from None
    if _SURROGATE_ESCAPE.search(line):
        value, rewrite = _without_lone_surrogates(value), True
    return value, dumps(value) if rewrite else line


def _without_lone_surrogates(value: Any) -> Any:
    # json.loads joins the escapes of a valid pair into one character: a surrogate left is lone.
    if isinstance(value, str):
        return _SURROGATE.sub("\ufffd", value)
    if isinstance(value, dict):
        return {_without_lone_surrogates(k): _without_lone_surrogates(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_without_lone_surrogates(v) for v in value]
    return value


def history_steps(name: str, lines: JsonLines) -> list[int]:
    """Each history line's ``_step``: a non-negative integer that fits the step column (wandb-core
    always sends one). BadInput names the first line without one: a line off the step axis could
    be neither sampled nor paged."""
    steps = [row.get("_step") for row in lines.objects]
    # The common case in C: every step an int (not a bool) within range.
    if steps and set(map(type, steps)) == {int} and min(steps) >= 0 and max(steps) <= MAX_STEP:
        return steps
    return [_step(name, lines.offset + index, step) for index, step in enumerate(steps)]


def _step(name: str, line_no: int, step: Any) -> int:
    if step is None:
        raise BadInput(f"{name} line {line_no} has no _step: every history line needs an integer _step")
    if isinstance(step, float) and step.is_integer():
        step = int(step)
    if type(step) is not int or not 0 <= step <= MAX_STEP:
        raise BadInput(f"{name} line {line_no}: _step must be an integer from 0 to {MAX_STEP}, "
                       f"got {json.dumps(step)}")
    return step


def count_key_types(history_keys: dict[str, dict[str, int]], rows: list[dict[str, Any]]) -> dict[str, dict[str, int]]:
    """``history_keys`` plus the JSON type of every key of ``rows``: {"loss": {"number": 100}}."""
    merged = {key: dict(types) for key, types in (history_keys or {}).items()}
    # Lines of one run nearly always share their keys and value types: count each distinct
    # (keys, types) shape once (C-level work per line), then expand the few shapes.
    shapes = Counter((tuple(row), tuple(map(type, row.values()))) for row in rows)
    types_of = _JSON_TYPES.get
    for (keys, value_types), lines_with_shape in shapes.items():
        for key, value_type in zip(keys, value_types):
            type_name = types_of(value_type, "object")
            types = merged.setdefault(key, {})
            types[type_name] = types.get(type_name, 0) + lines_with_shape
    return merged


async def stream(engine: AsyncEngine, session_factory: async_sessionmaker[AsyncSession], authorization: str | None,
                 entity_name: str, project_name: str, run_name: str, chunk: Chunk, *,
                 base_url: str | None = None) -> dict[str, Any]:
    """Write one file_stream request as the key in ``authorization``, in one transaction; return the
    answer for the client. The project's metric rules are evaluated in the same transaction."""
    async with bulk.transaction(engine, session_factory) as transaction:
        run = await _loggable_run(transaction, authorization, (entity_name, project_name, run_name))
        writes, changes = _chunk_changes(run, chunk)
        if chunk.summary is not None:
            changes.update(await _write_summary(await transaction.session(), run, chunk.summary))
        if getattr(run, "rules_version", 1):
            await _evaluate_rules(transaction, run, chunk, changes, (entity_name, project_name), base_url)
        await transaction.write_chunk(run.id, writes, changes)
    answer: dict[str, Any] = {"exitcode": None, "limits": {}}
    if run.stop_requested:
        answer["stopped"] = True
    return answer


async def _evaluate_rules(transaction: bulk.Transaction, run: Any, chunk: Chunk, changes: dict[str, Any],
                          names: tuple[str, str], base_url: str | None) -> None:
    """The project's metric rules on this chunk; their states go with the run row's other changes."""
    history = chunk.history.objects if chunk.history is not None else []
    steps = chunk.history.steps if chunk.history is not None else []
    incoming = rules.Incoming(
        lines=history, steps=steps, summary=chunk.summary,
        summary_step=changes.get("last_step", run.last_step), history_keys=run.history_keys,
        finished_state=changes.get("state") if chunk.complete else None,
    )
    ingest_run = await _rules_view(transaction, run, rules.RunPlace(run.id, run.name, run.project_id, names[1],
                                                                    names[0], base_url))
    states = await rules.on_ingest(transaction.session, ingest_run, incoming)
    if states is not None:
        changes["rule_states"] = states


async def _rules_view(transaction: bulk.Transaction, run: Any, place: Any) -> Any:
    if isinstance(run, _Columns):
        baseline = {"id": run.baseline_id, "history_line_count": run.baseline_history_line_count,
                    "updated_at": run.baseline_updated_at}
        return rules.IngestRun(place, run.rules_version, run.rule_states, baseline)
    # Found by runs.loggable_run (an ORM run): read the project and its baseline.
    session = await transaction.session()
    project = await session.get(Project, run.project_id)
    baseline_run = await session.get(Run, project.baseline_run_id) if project.baseline_run_id else None
    baseline = None if baseline_run is None or baseline_run.project_id != project.id else {
        "id": baseline_run.id, "history_line_count": baseline_run.history_line_count,
        "updated_at": baseline_run.updated_at}
    return rules.IngestRun(place, project.rules_version, run.rule_states, baseline)


async def _write_summary(session: AsyncSession, run: Any, summary: dict[str, Any]) -> dict[str, Any]:
    """The run's new summary: its value index now, the column with the run row's other changes."""
    await run_values.replace(session, run.id, run.project_id, run_values.SUMMARY, summary)
    return {"summary": summary}


async def _loggable_run(transaction: bulk.Transaction, authorization: str | None, names: tuple[str, str, str]) -> Any:
    """The run, locked, if the key may log to it. A live run's requests find key and run with one
    statement; when that finds nothing or a refusal, api_keys and runs say exactly what is wrong."""
    secret = api_keys.secret_from_authorization(authorization)
    if secret is not None:
        entity, project, run = names
        params = {"secret_hash": api_keys.hash_key(secret), "entity": entity, "project": project, "run": run}
        found = await _permitted_run(await transaction.first_row(_KEY_AND_RUN, params), transaction)
        if found is not None:
            return found
    session = await transaction.session()
    actor = await api_keys.actor_for(session, authorization)
    return (await runs.loggable_run(session, actor, *names, for_update=True)).run


def _columns(prefix: str, model: Any, names: tuple[str, ...]) -> list[Any]:
    return [model.__table__.c[name].label(prefix + name) for name in names]


_BASELINE = Run.__table__.alias("baseline")

# runs.loggable_run's statement, joined with the API key and its user instead of taking a user id,
# reading only the columns the checks and the writes need (no ORM objects: building them cost
# more than the statement).
_KEY_AND_RUN = (
    select(
        *_columns("key_", ApiKey, ("id", "last_used_at", "revoked_at", "expires_at")),
        *_columns("user_", User, ("id", "entity_id", "username", "account_type", "is_admin", "deleted_at")),
        *_columns("entity_", Entity, ("id", "name", "kind")),
        *_columns("project_", Project, ("id", "name", "access")),
        *_columns("run_", Run, ("id", "project_id", "name", "state", "user_id", "created_by_id", "stop_requested",
                                "history_line_count", "events_line_count", "log_line_count", "last_step",
                                "history_keys")),
        Membership.role.label("membership_role"),
        # What the project's metric rules need: their version (0: none) and the baseline run.
        Project.rules_version.label("run_rules_version"), Run.rule_states.label("run_rule_states"),
        _BASELINE.c.id.label("run_baseline_id"),
        _BASELINE.c.history_line_count.label("run_baseline_history_line_count"),
        _BASELINE.c.updated_at.label("run_baseline_updated_at"),
    )
    .select_from(ApiKey)
    .join(User, User.id == ApiKey.user_id)
    .join(Entity, Entity.name == bindparam("entity"))
    .join(Project, and_(Project.entity_id == Entity.id, Project.name == bindparam("project")))
    .join(Run, and_(Run.project_id == Project.id, Run.name == bindparam("run")))
    .outerjoin(Membership, and_(Membership.team_id == Entity.id, Membership.user_id == User.id))
    .outerjoin(_BASELINE, and_(_BASELINE.c.id == Project.baseline_run_id, _BASELINE.c.project_id == Project.id))
    .where(ApiKey.secret_hash == bindparam("secret_hash"))
    .with_for_update(of=Run)
)


class _Columns:
    """One table's columns in the lookup's row, read as attributes, as the policy reads ORM objects."""

    __slots__ = ("_row", "_prefix")

    def __init__(self, row: Mapping[str, Any], prefix: str) -> None:
        self._row, self._prefix = row, prefix

    def __getattr__(self, name: str) -> Any:
        try:
            return self._row[self._prefix + name]
        except KeyError:
            raise AttributeError(name) from None


async def _permitted_run(row: Mapping[str, Any] | None, transaction: bulk.Transaction) -> Any:
    """The run in the lookup's row if its key may log to it now (recording the key's use when due),
    else None."""
    if row is None:
        return None
    key, user, entity, project, run = (_Columns(row, table) for table in ("key_", "user_", "entity_", "project_", "run_"))
    now = utcnow()
    try:
        api_keys.refuse_unusable(key, user, now)
    except Unauthenticated:
        return None
    actor = Actor(user=user, api_key_id=key.id)
    access = policy.Access.of(actor, entity, row["membership_role"], project)
    if access.needs_member_list:
        access = await access.with_member_list(await transaction.session())
    if not access.can_log_to(run):
        return None
    if api_keys.use_is_stale(key, now):
        await api_keys.record_key_use(await transaction.session(), key.id, now)
    return run


# --- what a chunk writes ------------------------------------------------------------------------

def _chunk_changes(run: Any, chunk: Chunk) -> tuple[list[bulk.LineWrite], dict[str, Any]]:
    """The chunk's lines to store and the run row's new values (but the summary's, _write_summary)."""
    now = utcnow()
    writes: list[bulk.LineWrite] = []
    changes: dict[str, Any] = {"heartbeat_at": now, "updated_at": now}
    if chunk.history is not None:
        history = chunk.history
        writes.append(bulk.LineWrite(bulk.HISTORY, history.offset, list(zip(history.steps, history.texts)),
                                     run.history_line_count))
        changes.update(_history_changes(run, history))
    if chunk.events is not None:
        writes.append(bulk.LineWrite(bulk.EVENTS, chunk.events.offset, [(t,) for t in chunk.events.texts],
                                     run.events_line_count))
        changes.update(_events_changes(run, chunk.events))
    if chunk.console is not None:
        writes.append(bulk.LineWrite(bulk.CONSOLE, chunk.console_offset,
                                     [(storable_json(text),) for text in chunk.console], run.log_line_count))
        changes["log_line_count"] = max(run.log_line_count, chunk.console_offset + len(chunk.console))
    if chunk.complete:
        code = chunk.exit_code or 0
        changes.update(exit_code=code, state="finished" if code == 0 else "failed")
    elif chunk.preempting:
        changes["state"] = "preempting"  # run.mark_preempting(): the job expects to be stopped
    elif run.state == "crashed":
        changes["state"] = "running"  # it was only silent, not dead
    return writes, changes


def _history_changes(run: Any, lines: JsonLines) -> dict[str, Any]:
    changes: dict[str, Any] = {
        "history_line_count": max(run.history_line_count, lines.end),
        "history_keys": count_key_types(run.history_keys, lines.objects),
    }
    if lines.steps:
        last = max(lines.steps)
        changes["last_step"] = last if run.last_step is None else max(run.last_step, last)
    return changes


def _events_changes(run: Any, lines: JsonLines) -> dict[str, Any]:
    changes: dict[str, Any] = {"events_line_count": max(run.events_line_count, lines.end)}
    if lines.objects and lines.end >= run.events_line_count:
        changes["system_metrics"] = lines.objects[-1]
    return changes
