"""The run filter language of the W&B public API, compiled to SQL over ``run``.

Filters are MongoDB-style documents (PROTOCOL.md §6.5), e.g.
``{"$and": [{"config.lr": {"$gt": 0.01}}, {"tags": "baseline"}]}``. Keys name run columns
(``state``, ``createdAt`` ...), config values (``config.lr`` or ``config.lr.value``; config is
stored as ``{"lr": {"value": 0.01}}``), summary metrics (``summary_metrics.acc``), ``tags`` and the
user (``username``). Values are compared by their JSON type: a number literal matches numbers
numerically, a string literal matches strings; runs holding another type simply do not match.
Numbers and strings of config and summary are read from their index (app/domain/run_values.py),
the rest from the JSON documents. The order and its keyset pages are app/domain/run_order.py,
which reads config and summary keys as this module does (``json_path_of``, ``indexed_key``).
"""

from __future__ import annotations

import json
import math
from abc import ABC, abstractmethod
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, Callable, Sequence

from sqlalchemy import ColumnElement, and_, false, func, not_, or_, select, true

from app.db.dialect import (
    JsonPath,
    json_array_any_matches,
    json_array_contains,
    json_array_contains_any,
    json_array_is_empty,
    json_path,
)
from app.db.regex import PatternError, check_pattern
from app.db.tables import Run, User
from app.domain import run_values
from app.domain.errors import BadInput
from app.domain.run_values import IndexedKey

COMPARISONS = ("$eq", "$ne", "$gt", "$gte", "$lt", "$lte", "$in", "$nin", "$exists", "$regex", "$not")
RANGES = ("$gt", "$gte", "$lt", "$lte")
LOGICAL = ("$and", "$or", "$nor", "$not")
REGEX_OPTIONS = {"i": "(?i)"}
# SQLite nests a chain of N ORs N deep and refuses past 1,000; $in compiles to one IN instead.
MAX_BRANCHES = 500
# Objects and lists inside one another ({"$and": [{"$or": [...]}]} is 4 levels); the compiler
# recurses once per level.
MAX_NESTING = 64


# --- parsing --------------------------------------------------------------------------------


def parse_filters(text: str | None) -> dict | None:
    """The filters document of a ``filters`` argument (a JSON string), or None when absent."""
    if text is None or not text.strip():
        return None
    try:
        value = json.loads(text, parse_constant=_non_finite, parse_int=_int_or_float)
    except ValueError as error:
        raise BadInput(f"filters is not valid JSON: {error}") from None
    except RecursionError:  # deeper than the JSON parser itself goes (about 1,000 levels)
        raise _too_deep() from None
    if _nesting(value) > MAX_NESTING:
        raise _too_deep()
    if value is None:
        return None
    if not isinstance(value, dict):
        raise BadInput(f"filters must be a JSON object, got {_describe(value)}")
    return value


def _too_deep() -> BadInput:
    return BadInput(f"filters nest objects and lists more than {MAX_NESTING} levels deep; the limit is {MAX_NESTING}")


def _nesting(value: Any) -> int:
    """How many objects and lists deep ``value`` is (0 for a scalar), without recursion."""
    deepest, level = 0, [(value, 1)]
    while level:
        item, depth = level.pop()
        children = item.values() if isinstance(item, dict) else item if isinstance(item, list) else None
        if children is None:
            continue
        deepest = max(deepest, depth)
        if depth <= MAX_NESTING:  # past the limit the exact depth does not matter
            level.extend((child, depth + 1) for child in children)
    return deepest


def _non_finite(spelling: str) -> float | str:
    """Infinity and -Infinity compare as numbers (as the value index holds them); NaN is no point
    on the number line: it matches the stored NaN, which the index holds as the string "NaN"."""
    return spelling if spelling == "NaN" else float(spelling)


def _int_or_float(digits: str) -> int | float:
    """Integers past 64 bits cannot be bound as SQL parameters; they compare as floats."""
    number = int(digits)
    if -(2**63) <= number < 2**63:
        return number
    try:
        return float(number)
    except OverflowError:  # past the double range too: it compares as the largest number
        return math.inf if number > 0 else -math.inf


# --- filters --------------------------------------------------------------------------------


def filter_clause(filters: dict | None, dialect: str, project_ids: Sequence[int] | None = None) -> ColumnElement[bool]:
    """A WHERE clause over ``run`` that holds for the runs ``filters`` selects. ``project_ids``, the
    projects the query is confined to, lets config and summary filters read only their index ranges."""
    if not filters:
        return true()
    return _Compiler(dialect, tuple(project_ids) if project_ids is not None else None).document(filters, [])


class _Compiler:
    def __init__(self, dialect: str, project_ids: tuple[int, ...] | None) -> None:
        self.dialect = dialect
        self.project_ids = project_ids

    def document(self, document: Any, at: list[str]) -> ColumnElement[bool]:
        if not isinstance(document, dict):
            raise BadInput(f"expected a JSON object {_where(at)}, got {_describe(document)}")
        clauses = []
        for key, value in document.items():
            if key.startswith("$"):
                clauses.append(self.logical(key, value, at))
            else:
                clauses.append(self.condition(self.target(key, at), value, [*at, key]))
        return _all(clauses)

    def target(self, key: str, at: list[str]) -> "_Target":
        """What the filter key reads (subclasses compile the same language over other tables)."""
        return _target(key, self.dialect, at, self.project_ids)

    def logical(self, operator: str, value: Any, at: list[str]) -> ColumnElement[bool]:
        if operator == "$not":
            return _negate(self.document(value, [*at, "$not"]))
        if operator not in LOGICAL:
            raise BadInput(f"unknown operator {operator} {_where(at)}")
        if not isinstance(value, list):
            raise BadInput(f"{operator} takes a list of filters {_where(at)}, got {_describe(value)}")
        if len(value) > MAX_BRANCHES:
            raise BadInput(
                f"{operator} takes at most {MAX_BRANCHES} filters {_where(at)}, got {len(value)}; "
                "for many values of one key use $in"
            )
        parts = [self.document(item, [*at, f"{operator}[{index}]"]) for index, item in enumerate(value)]
        if operator == "$and":
            return _all(parts)
        if operator == "$or":
            return or_(false(), *parts)
        return _negate(or_(false(), *parts))

    def condition(self, target: "_Target", value: Any, at: list[str]) -> ColumnElement[bool]:
        if not (isinstance(value, dict) and any(key.startswith("$") for key in value)):
            return target.equals(value, at)
        if not all(key.startswith("$") for key in value):
            raise BadInput(f"an operator object may not mix operators and keys {_where(at)}")
        options = value.get("$options")
        if options is not None and "$regex" not in value:
            raise BadInput(f"$options needs $regex {_where(at)}")
        clauses = []
        for operator, argument in value.items():
            if operator == "$options":
                continue
            if operator not in COMPARISONS:
                raise BadInput(f"unknown operator {operator} {_where(at)}")
            clauses.append(self.comparison(target, operator, argument, options, at))
        return _all(clauses)

    def comparison(
        self, target: "_Target", operator: str, argument: Any, options: Any, at: list[str]
    ) -> ColumnElement[bool]:
        if operator == "$eq":
            return target.equals(argument, at)
        if operator == "$ne":
            return _negate(target.equals(argument, at))
        if operator in ("$in", "$nin"):
            if not isinstance(argument, list):
                raise BadInput(f"{operator} takes a list {_where(at)}, got {_describe(argument)}")
            any_of = target.any_of(argument, at)
            return any_of if operator == "$in" else _negate(any_of)
        if operator == "$exists":
            if not isinstance(argument, bool):
                raise BadInput(f"$exists takes true or false {_where(at)}, got {_describe(argument)}")
            return target.exists() if argument else _negate(target.exists())
        if operator == "$regex":
            return target.matches(_regex(argument, options, at), at)
        if operator == "$not":
            if not isinstance(argument, dict):
                raise BadInput(f"$not takes an operator object {_where(at)}, got {_describe(argument)}")
            return _negate(self.condition(target, argument, at))
        return target.compare(operator, argument, at)


# --- what a filter key reads ------------------------------------------------------------------


class _Target(ABC):
    """One filter key: how equality, ranges, existence and regular expressions apply to it."""

    name: str

    @abstractmethod
    def equals(self, value: Any, at: list[str]) -> ColumnElement[bool]:
        """Equality with a bare value (also what $eq, $ne, $in and $nin are built from)."""

    @abstractmethod
    def exists(self) -> ColumnElement[bool]:
        """What {"$exists": true} means for this key."""

    def any_of(self, values: list[Any], at: list[str]) -> ColumnElement[bool]:
        """$in. Targets that can, use one SQL IN: a long OR chain overflows SQLite's expression depth."""
        return or_(false(), *(self.equals(value, at) for value in values))

    def compare(self, operator: str, value: Any, at: list[str]) -> ColumnElement[bool]:
        raise BadInput(f"{operator} does not apply to {self.name} {_where(at)}")

    def matches(self, pattern: str, at: list[str]) -> ColumnElement[bool]:
        raise BadInput(f"$regex does not apply to {self.name} {_where(at)}")


@dataclass
class _TextColumn(_Target):
    name: str
    column: ColumnElement[str]

    def equals(self, value: Any, at: list[str]) -> ColumnElement[bool]:
        if value is None:
            return self.column.is_(None)
        return self.column == self._text(value, at)

    def compare(self, operator: str, value: Any, at: list[str]) -> ColumnElement[bool]:
        return _OPERATORS[operator](self.column, self._text(value, at))

    def any_of(self, values: list[Any], at: list[str]) -> ColumnElement[bool]:
        texts = [self._text(value, at) for value in values if value is not None]
        return or_(self.column.in_(texts), *([self.column.is_(None)] if None in values else []))

    def exists(self) -> ColumnElement[bool]:
        return self.column.is_not(None)

    def matches(self, pattern: str, at: list[str]) -> ColumnElement[bool]:
        return self.column.regexp_match(pattern)

    def _text(self, value: Any, at: list[str]) -> str:
        if not isinstance(value, str):
            raise BadInput(f"{self.name} is compared with strings {_where(at)}, got {_describe(value)}")
        return value


@dataclass
class _TimeColumn(_Target):
    name: str
    column: ColumnElement[datetime]

    def equals(self, value: Any, at: list[str]) -> ColumnElement[bool]:
        return self.column == self._time(value, at)

    def compare(self, operator: str, value: Any, at: list[str]) -> ColumnElement[bool]:
        return _OPERATORS[operator](self.column, self._time(value, at))

    def any_of(self, values: list[Any], at: list[str]) -> ColumnElement[bool]:
        return self.column.in_([self._time(value, at) for value in values])

    def exists(self) -> ColumnElement[bool]:
        return self.column.is_not(None)

    def _time(self, value: Any, at: list[str]) -> datetime:
        if isinstance(value, str):
            try:
                parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
            except ValueError:
                parsed = None
            if parsed is not None:
                return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)
        raise BadInput(f"{self.name} is compared with ISO-8601 times {_where(at)}, got {_describe(value)}")


@dataclass
class _JsonValue(_Target):
    """A value inside config, summary or the history keys, compared by its JSON type. Numbers and
    strings of config and summary are compared through their index (``indexed``) when it holds
    the key; everything else reads the JSON document."""

    name: str
    path: JsonPath
    indexed: IndexedKey | None = None

    def equals(self, value: Any, at: list[str]) -> ColumnElement[bool]:
        if value is None:
            return _negate(and_(self.path.exists(), not_(self.path.is_type("null"))))
        if isinstance(value, bool):
            return self.path.is_boolean(value)
        if isinstance(value, (int, float)):
            return self._number_compares("==", value)
        if isinstance(value, str):
            if self.indexed is not None:
                return self.indexed.text_matches(lambda text: text == value)
            return self.path.text_equals(value)
        return self.path.equals_json(value)

    def compare(self, operator: str, value: Any, at: list[str]) -> ColumnElement[bool]:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return self._number_compares(_SYMBOLS[operator], value)
        if isinstance(value, str):
            if self.indexed is not None:
                return self.indexed.text_matches(lambda text: _OPERATORS[operator](text, value))
            return _OPERATORS[operator](self.path.text(), value)
        raise BadInput(f"{operator} compares numbers or strings {_where(at)}, got {_describe(value)}")

    def any_of(self, values: list[Any], at: list[str]) -> ColumnElement[bool]:
        numbers = [v for v in values if isinstance(v, (int, float)) and not isinstance(v, bool)]
        texts = [v for v in values if isinstance(v, str)]
        others = [v for v in values if not isinstance(v, (int, float, str)) or isinstance(v, bool)]
        if self.indexed is not None:
            typed = [
                self.indexed.number_matches(lambda number: number.in_(numbers)) if numbers else false(),
                self.indexed.text_matches(lambda text: text.in_(texts)) if texts else false(),
            ]
        else:
            typed = [self.path.number().in_(numbers), self.path.text().in_(texts)]
        return or_(*typed, *(self.equals(v, at) for v in others))

    def _number_compares(self, operator: str, value: int | float) -> ColumnElement[bool]:
        if self.indexed is not None:
            return self.indexed.number_matches(lambda number: _SQL_COMPARISONS[operator](number, value))
        return self.path.number_compares(operator, value)

    def exists(self) -> ColumnElement[bool]:
        return self.path.exists()

    def matches(self, pattern: str, at: list[str]) -> ColumnElement[bool]:
        return self.path.text().regexp_match(pattern)


@dataclass
class _Tags(_Target):
    """The run's tags (a JSON list): equality means "has this tag"; null means "has no tags"."""

    dialect: str
    name: str = "tags"

    def equals(self, value: Any, at: list[str]) -> ColumnElement[bool]:
        if value is None:
            return json_array_is_empty(Run.tags, self.dialect)
        if not isinstance(value, str):
            raise BadInput(
                f"tags are compared with one tag (a string) {_where(at)}, got {_describe(value)}; use $in for several"
            )
        return json_array_contains(Run.tags, value, self.dialect)

    def any_of(self, values: list[Any], at: list[str]) -> ColumnElement[bool]:
        tags = [value for value in values if value is not None]
        for tag in tags:
            if not isinstance(tag, str):
                raise BadInput(f"tags are compared with strings {_where(at)}, got {_describe(tag)}")
        clauses = [json_array_contains_any(Run.tags, tags, self.dialect)] if tags else []
        if None in values:
            clauses.append(json_array_is_empty(Run.tags, self.dialect))
        return or_(false(), *clauses)

    def exists(self) -> ColumnElement[bool]:
        return _negate(json_array_is_empty(Run.tags, self.dialect))

    def matches(self, pattern: str, at: list[str]) -> ColumnElement[bool]:
        return json_array_any_matches(Run.tags, pattern, self.dialect)


@dataclass
class _HasTag(_Target):
    """``tags.<name>`` as the client's query generator writes it: true when the run has the tag."""

    tag: str
    dialect: str

    @property
    def name(self) -> str:
        return f"tags.{self.tag}"

    def equals(self, value: Any, at: list[str]) -> ColumnElement[bool]:
        if not isinstance(value, bool):
            raise BadInput(f"{self.name} is compared with true or false {_where(at)}, got {_describe(value)}")
        return self.exists() if value else _negate(self.exists())

    def exists(self) -> ColumnElement[bool]:
        return json_array_contains(Run.tags, self.tag, self.dialect)


def _username() -> ColumnElement[str]:
    return select(User.username).where(User.id == Run.user_id).scalar_subquery()


_TEXT_COLUMNS: dict[str, Callable[[], ColumnElement[Any]]] = {
    "state": lambda: Run.state,
    "name": lambda: Run.name,
    "displayName": lambda: Run.display_name,
    "display_name": lambda: Run.display_name,
    "group": lambda: Run.group_name,
    "jobType": lambda: Run.job_type,
    "job_type": lambda: Run.job_type,
    "sweep": lambda: Run.sweep_name,
    "sweepName": lambda: Run.sweep_name,
    "username": _username,
}
_TIME_COLUMNS: dict[str, Callable[[], ColumnElement[Any]]] = {
    "createdAt": lambda: Run.created_at,
    "created_at": lambda: Run.created_at,
    "heartbeatAt": lambda: Run.heartbeat_at,
    "heartbeat_at": lambda: Run.heartbeat_at,
    "updatedAt": lambda: Run.updated_at,
    "updated_at": lambda: Run.updated_at,
}


def _target(key: str, dialect: str, at: list[str], project_ids: tuple[int, ...] | None) -> _Target:
    where = _where([*at, key])
    if key in _TEXT_COLUMNS:
        return _TextColumn(key, _TEXT_COLUMNS[key]())
    if key in _TIME_COLUMNS:
        return _TimeColumn(key, _TIME_COLUMNS[key]())
    if key == "tags":
        return _Tags(dialect)
    prefix, _, rest = key.partition(".")
    if prefix == "tags" and rest:
        return _HasTag(rest, dialect)
    if prefix in ("config", "summary_metrics") or key.startswith("keys_info.keys."):
        return _JsonValue(key, json_path_of(key, dialect, where), indexed_key(key, project_ids))
    raise BadInput(
        f"unknown filter key {key!r} {where}: use config.*, summary_metrics.*, tags, state, "
        "createdAt, heartbeatAt, updatedAt, displayName, name, group, jobType, sweep or username"
    )


def json_path_of(key: str, dialect: str, where: str) -> JsonPath:
    """Where a config / summary_metrics / keys_info key lives in its JSON column."""
    if key.startswith("keys_info.keys."):
        column, rest = Run.history_keys, key[len("keys_info.keys.") :]
    else:
        prefix, _, rest = key.partition(".")
        column = Run.config if prefix == "config" else Run.summary
    parts = rest.split(".")
    if not rest or "" in parts:
        raise BadInput(f"key {key!r} has an empty name part {where}".strip())
    if '"' in rest:
        raise BadInput(f"key {key!r} may not contain a double quote {where}".strip())
    return json_path(column, _candidate_paths(column is Run.config, rest, parts), dialect)


def indexed_key(key: str, project_ids: tuple[int, ...] | None) -> IndexedKey | None:
    """The index reads of a config / summary_metrics key, when the index holds every candidate path
    (the key was already checked by json_path_of)."""
    prefix, _, rest = key.partition(".")
    if prefix not in ("config", "summary_metrics"):
        return None
    paths = tuple(dict.fromkeys(_candidate_paths(prefix == "config", rest, rest.split("."))))
    if not all(run_values.indexable(path) for path in paths):
        return None
    section = run_values.CONFIG if prefix == "config" else run_values.SUMMARY
    return IndexedKey(section, paths, project_ids)


def _candidate_paths(is_config: bool, rest: str, parts: list[str]) -> list[tuple[str, ...]]:
    """The nested reading of a dotted key, and the flat one (W&B keeps keys like "eval.acc" whole)."""
    if not is_config:
        return [tuple(parts), (rest,)]
    # config.X, config.X.value, config.X.Y and config.X.value.Y all reach into {"X": {"value": ...}}.
    nested = (parts[0], "value", *parts[2:]) if parts[1:2] == ["value"] else (parts[0], "value", *parts[1:])
    flat_key = rest[: -len(".value")] if rest.endswith(".value") else rest
    return [nested, (flat_key, "value")]


# --- helpers --------------------------------------------------------------------------------

_OPERATORS: dict[str, Callable[[Any, Any], ColumnElement[bool]]] = {
    "$gt": lambda column, value: column > value,
    "$gte": lambda column, value: column >= value,
    "$lt": lambda column, value: column < value,
    "$lte": lambda column, value: column <= value,
}


_SYMBOLS = {"$gt": ">", "$gte": ">=", "$lt": "<", "$lte": "<="}
_SQL_COMPARISONS: dict[str, Callable[[Any, Any], ColumnElement[bool]]] = {
    **{_SYMBOLS[name]: compare for name, compare in _OPERATORS.items()},
    "==": lambda column, value: column == value,
}


def _negate(clause: ColumnElement[bool]) -> ColumnElement[bool]:
    # SQL comparisons with NULL are unknown, and NOT unknown is unknown: a run missing the key
    # must count as "not matching" before it is negated ($ne, $nin, $not, $nor match it).
    return not_(func.coalesce(clause, false()))


def _all(clauses: list[ColumnElement[bool]]) -> ColumnElement[bool]:
    return and_(true(), *clauses) if clauses else true()


def _regex(pattern: Any, options: Any, at: list[str]) -> str:
    if not isinstance(pattern, str):
        raise BadInput(f"$regex takes a string {_where(at)}, got {_describe(pattern)}")
    if options is not None and options != "":
        if not isinstance(options, str) or any(flag not in REGEX_OPTIONS for flag in options):
            raise BadInput(f"$options supports only 'i' {_where(at)}, got {_describe(options)}")
    try:
        check_pattern(pattern)
    except PatternError as error:
        raise BadInput(f"$regex {_describe(pattern)} {_where(at)} {error}") from None
    # An embedded flag group means the same to RE2 (SQLite) and PostgreSQL.
    return "".join(REGEX_OPTIONS[flag] for flag in set(options or "")) + pattern


def _where(at: list[str]) -> str:
    return "in filters" + (f" at {'.'.join(at)}" if at else "")


def _describe(value: Any) -> str:
    text = json.dumps(value)
    return text if len(text) <= 60 else text[:57] + "..."
