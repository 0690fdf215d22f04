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
from typing import Any

import orjson
from sqlalchemy.ext.asyncio import AsyncSession

from app.db import bulk
from app.db.types import dumps, storable_json, utcnow
from app.domain import rules, run_values, runs
from app.domain.errors import BadInput

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
_JSON_TYPES = {
    float: "number",
    int: "number",
    str: "string",
    bool: "boolean",
    dict: "object",
    list: "array",
    type(None): "null",
}


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
    if exit_code is not None and (
        not isinstance(exit_code, int) or isinstance(exit_code, bool) or exit_code not in EXIT_CODES
    ):
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
        raise BadInput(
            f"file_stream file {name}: a file holds at most {MAX_LINES} lines; "
            f"offset {offset} with {len(content)} lines goes past it"
        )
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
        raise BadInput(f"{name} line {line_no}: _step must be an integer from 0 to {MAX_STEP}, got {json.dumps(step)}")
    return step


def count_key_types(history_keys: dict[str, dict[str, int]], rows: list[dict[str, Any]]) -> dict[str, dict[str, int]]:
    """``history_keys`` plus the JSON type of every key of ``rows``: {"loss": {"number": 100}}."""
    merged = {key: dict(types) for key, types in (history_keys or {}).items()}
    # Lines of one run nearly always share their keys and value types: count each distinct
    # (keys, types) shape once (C-level work per line), then expand the few shapes.
    shapes = Counter((tuple(row), tuple(map(type, row.values()))) for row in rows)
    types_of = _JSON_TYPES.get
    for (keys, value_types), lines_with_shape in shapes.items():
        for key, value_type in zip(keys, value_types, strict=True):
            type_name = types_of(value_type, "object")
            types = merged.setdefault(key, {})
            types[type_name] = types.get(type_name, 0) + lines_with_shape
    return merged


async def stream(
    transaction: bulk.Transaction,
    secret: str | None,
    entity_name: str,
    project_name: str,
    run_name: str,
    chunk: Chunk,
    *,
    base_url: str | None = None,
) -> dict[str, Any]:
    """Write one file_stream request in ``transaction`` as the key ``secret`` (None: no key); return
    the answer for the client. The key and the run are found, and the request refused or let
    through, by runs.stream_target; the project's metric rules are evaluated in the same transaction."""
    target = await runs.stream_target(transaction, secret, entity_name, project_name, run_name)
    run = target.run
    writes, changes = _chunk_changes(run, chunk)
    if chunk.summary is not None:
        changes.update(await _write_summary(await transaction.session(), run, chunk.summary))
    if target.project.rules_version:
        await _evaluate_rules(transaction, target, chunk, changes, base_url)
    await transaction.write_chunk(run.id, writes, changes)
    answer: dict[str, Any] = {"exitcode": None, "limits": {}}
    if run.stop_requested:
        answer["stopped"] = True
    return answer


async def _evaluate_rules(
    transaction: bulk.Transaction,
    target: runs.StreamTarget,
    chunk: Chunk,
    changes: dict[str, Any],
    base_url: str | None,
) -> None:
    """The project's metric rules on this chunk; their states go with the run row's other changes."""
    run, project = target.run, target.project
    history = chunk.history.objects if chunk.history is not None else []
    steps = chunk.history.steps if chunk.history is not None else []
    incoming = rules.Incoming(
        lines=history,
        steps=steps,
        summary=chunk.summary,
        summary_step=changes.get("last_step", run.last_step),
        history_keys=run.history_keys,
        finished_state=changes.get("state") if chunk.complete else None,
    )
    place = rules.RunPlace(run.id, run.name, project.id, project.name, target.entity.name, base_url)
    baseline = (
        None
        if target.baseline is None
        else {
            "id": target.baseline.id,
            "history_line_count": target.baseline.history_line_count,
            "updated_at": target.baseline.updated_at,
        }
    )
    states = await rules.on_ingest(
        transaction.session, rules.IngestRun(place, project.rules_version, run.rule_states, baseline), incoming
    )
    if states is not None:
        changes["rule_states"] = states


async def _write_summary(session: AsyncSession, run: runs.StreamRun, summary: dict[str, Any]) -> dict[str, Any]:
    """The run's new summary: its value index now, the column with the run row's other changes."""
    await run_values.replace(session, run.id, run.project_id, run_values.SUMMARY, summary)
    return {"summary": summary}


# --- what a chunk writes ------------------------------------------------------------------------


def _chunk_changes(run: runs.StreamRun, chunk: Chunk) -> tuple[list[bulk.LineWrite], dict[str, Any]]:
    """The chunk's lines to store and the run row's new values (but the summary's, _write_summary)."""
    now = utcnow()
    writes: list[bulk.LineWrite] = []
    changes: dict[str, Any] = {"heartbeat_at": now, "updated_at": now}
    if chunk.history is not None:
        history = chunk.history
        writes.append(
            bulk.LineWrite(
                bulk.HISTORY,
                history.offset,
                list(zip(history.steps, history.texts, strict=True)),
                run.history_line_count,
            )
        )
        changes.update(_history_changes(run, history))
    if chunk.events is not None:
        writes.append(
            bulk.LineWrite(bulk.EVENTS, chunk.events.offset, [(t,) for t in chunk.events.texts], run.events_line_count)
        )
        changes.update(_events_changes(run, chunk.events))
    if chunk.console is not None:
        writes.append(
            bulk.LineWrite(
                bulk.CONSOLE,
                chunk.console_offset,
                [(storable_json(text),) for text in chunk.console],
                run.log_line_count,
            )
        )
        changes["log_line_count"] = max(run.log_line_count, chunk.console_offset + len(chunk.console))
    if chunk.complete:
        code = chunk.exit_code or 0
        changes.update(exit_code=code, state="finished" if code == 0 else "failed")
    elif chunk.preempting:
        changes["state"] = "preempting"  # run.mark_preempting(): the job expects to be stopped
    elif run.state == "crashed":
        changes["state"] = "running"  # it was only silent, not dead
    return writes, changes


def _history_changes(run: runs.StreamRun, lines: JsonLines) -> dict[str, Any]:
    changes: dict[str, Any] = {
        "history_line_count": max(run.history_line_count, lines.end),
        "history_keys": count_key_types(run.history_keys, lines.objects),
    }
    if lines.steps:
        last = max(lines.steps)
        changes["last_step"] = last if run.last_step is None else max(run.last_step, last)
    return changes


def _events_changes(run: runs.StreamRun, lines: JsonLines) -> dict[str, Any]:
    changes: dict[str, Any] = {"events_line_count": max(run.events_line_count, lines.end)}
    if lines.objects and lines.end >= run.events_line_count:
        changes["system_metrics"] = lines.objects[-1]
    return changes
