"""The one place that branches on the SQL dialect.

Besides telling the dialects apart, this module builds the dialect-specific SQL the run queries
need: typed reads of JSON documents (config, summary, history rows), JSON-array tests (tags) and
a table of integers to probe an index with. ``dialect`` is an engine's dialect name ("sqlite" or
"postgresql") or a database URL.
"""

from __future__ import annotations

import hashlib
import json
import math
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any, AsyncIterator, Sequence

from sqlalchemy import (
    BigInteger,
    Boolean,
    ColumnElement,
    Float,
    String,
    Text,
    and_,
    case,
    cast,
    exists,
    false,
    func,
    literal,
    literal_column,
    not_,
    or_,
    select,
    text,
    type_coerce,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlalchemy.dialects.postgresql import ARRAY, JSONB, JSONPATH
from sqlalchemy.sql.expression import FromClause


def is_sqlite(url_or_name: str) -> bool:
    return url_or_name.startswith("sqlite")


def is_postgresql(url_or_name: str) -> bool:
    return url_or_name.startswith("postgresql")


# SQLite's json_type() names, grouped under the JSON names PostgreSQL's jsonb_typeof() uses.
_SQLITE_TYPES = {
    "number": ("integer", "real"),
    "string": ("text",),
    "boolean": ("true", "false"),
    "null": ("null",),
    "array": ("array",),
    "object": ("object",),
}


@dataclass(frozen=True)
class JsonPath:
    """Typed reads of one value inside a JSON column.

    ``paths`` lists candidate key paths for the same logical key (e.g. the flat key ``"a.b"`` and
    the nested ``a`` -> ``b``); a read takes the first candidate that holds a value of the wanted
    type. Every read is NULL when the value is missing or of another type, so a string never
    reaches a numeric cast.
    """

    document: ColumnElement[Any]
    paths: tuple[tuple[str, ...], ...]
    dialect: str

    def exists(self) -> ColumnElement[bool]:
        """The key is present (also when its value is JSON null)."""
        return or_(*(self._type_of(path).is_not(None) for path in self.paths))

    def is_type(self, json_type: str) -> ColumnElement[bool]:
        """The value is of ``json_type``: number, string, boolean, null, array or object."""
        return or_(*(self._is_type(path, json_type) for path in self.paths))

    def number(self) -> ColumnElement[float]:
        return self._first(self._number)

    def text(self) -> ColumnElement[str]:
        return self._first(self._text)

    def is_boolean(self, value: bool) -> ColumnElement[bool]:
        return or_(*(self._is_boolean(path, value) for path in self.paths))

    def number_compares(self, operator: str, value: int | float) -> ColumnElement[bool]:
        """``number() <operator> value``, operator one of < <= > >= ==; false where there is no number.

        PostgreSQL tests it with one type-strict jsonpath (``config @? 'strict $."lr"."value" ?
        (@ > 0.01)'``): one read of the document per row instead of a type test, an extraction
        and a cast."""
        if is_postgresql(self.dialect) and math.isfinite(value):
            return self._pg_first_of_type("number", f"@ {operator} {_jsonpath_number(value)}")
        return _SQL_COMPARISONS[operator](self.number(), value)

    def text_equals(self, value: str) -> ColumnElement[bool]:
        """``text() == value``: the value is this string."""
        if is_postgresql(self.dialect):
            return self._pg_first_of_type("string", f"@ == {_jsonpath_string(value)}")
        return self.text() == value

    def equals_json(self, value: Any) -> ColumnElement[bool]:
        """Structural equality with a JSON array or object."""
        if is_sqlite(self.dialect):
            dumped = json.dumps(value, separators=(",", ":"))
            # json() minifies both sides; objects must list their keys in the stored order.
            return or_(
                *(func.json(func.json_extract(self.document, _sqlite_path(p))) == func.json(dumped) for p in self.paths)
            )
        return or_(*(self._pg_value(p) == literal(value, JSONB) for p in self.paths))

    def _first(self, read) -> ColumnElement[Any]:
        values = [read(path) for path in self.paths]
        return values[0] if len(values) == 1 else func.coalesce(*values)

    def _type_of(self, path: tuple[str, ...]) -> ColumnElement[str]:
        if is_sqlite(self.dialect):
            return func.json_type(self.document, _sqlite_path(path))
        return func.jsonb_typeof(self._pg_value(path))

    def _is_type(self, path: tuple[str, ...], json_type: str) -> ColumnElement[bool]:
        if is_sqlite(self.dialect):
            return self._type_of(path).in_(_SQLITE_TYPES[json_type])
        return self._type_of(path) == json_type

    def _number(self, path: tuple[str, ...]) -> ColumnElement[float]:
        if is_sqlite(self.dialect):
            value = func.json_extract(self.document, _sqlite_path(path))
        else:
            value = cast(func.jsonb_extract_path_text(self.document, *_pg_keys(path)), Float)
        return type_coerce(case((self._is_type(path, "number"), value), else_=None), Float)

    def _text(self, path: tuple[str, ...]) -> ColumnElement[str]:
        if is_sqlite(self.dialect):
            value = func.json_extract(self.document, _sqlite_path(path))
        else:
            value = func.jsonb_extract_path_text(self.document, *_pg_keys(path))
        return type_coerce(case((self._is_type(path, "string"), value), else_=None), String)

    def _is_boolean(self, path: tuple[str, ...], value: bool) -> ColumnElement[bool]:
        if is_sqlite(self.dialect):
            return self._type_of(path) == ("true" if value else "false")
        return self._pg_value(path) == _jsonb_constant("true" if value else "false")

    def _pg_first_of_type(self, json_type: str, condition: str) -> ColumnElement[bool]:
        """The first candidate path holding a ``json_type`` value satisfies the jsonpath ``condition``
        (as the coalesce of number() / text() reads it)."""
        clauses, earlier = [], []
        for path in self.paths:
            clauses.append(and_(*(not_(typed) for typed in earlier), self._pg_path_matches(path, condition)))
            earlier.append(self._pg_path_matches(path, f'@.type() == "{json_type}"'))
        return or_(*clauses)

    def _pg_path_matches(self, path: tuple[str, ...], condition: str) -> ColumnElement[bool]:
        # strict: no implicit unwrapping of arrays. @? answers NULL where strict mode meets a missing
        # key or a type mismatch: that is "no".
        jsonpath = "strict $" + "".join(f".{_jsonpath_string(key)}" for key in path) + f" ? ({condition})"
        return func.coalesce(self.document.op("@?", return_type=Boolean)(literal(jsonpath, JSONPATH)), false())

    def _pg_value(self, path: tuple[str, ...]) -> ColumnElement[Any]:
        return func.jsonb_extract_path(self.document, *_pg_keys(path), type_=JSONB)


def json_path(document: ColumnElement[Any], paths: Sequence[Sequence[str]], dialect: str) -> JsonPath:
    unique = tuple(dict.fromkeys(tuple(p) for p in paths))
    return JsonPath(document, unique, dialect)


def json_has_any_key(document: ColumnElement[Any], keys: Sequence[str], dialect: str) -> ColumnElement[bool]:
    """The JSON object has at least one of the top-level ``keys`` (any characters allowed in them)."""
    if not keys:
        return false()
    if is_sqlite(dialect):
        member = func.json_each(document).table_valued("key")
        return exists(select(1).select_from(member).where(member.c.key.in_(list(keys))))
    return cast(document, JSONB).op("?|", return_type=Boolean)(literal(list(keys), ARRAY(Text)))


def json_array_contains(column: ColumnElement[Any], value: str, dialect: str) -> ColumnElement[bool]:
    """The JSON array ``column`` holds the string ``value``."""
    if is_sqlite(dialect):
        element = _sqlite_elements(column)
        return exists(select(1).select_from(element).where(element.c.value == value))
    return cast(column, JSONB).op("@>", return_type=Boolean)(literal([value], JSONB))


def json_array_contains_any(column: ColumnElement[Any], values: Sequence[str], dialect: str) -> ColumnElement[bool]:
    """The JSON array ``column`` holds at least one of the strings ``values``."""
    if is_sqlite(dialect):
        element = _sqlite_elements(column)
        return exists(select(1).select_from(element).where(element.c.value.in_(list(values))))
    return cast(column, JSONB).op("?|", return_type=Boolean)(literal(list(values), ARRAY(Text)))


def json_array_any_matches(column: ColumnElement[Any], pattern: str, dialect: str) -> ColumnElement[bool]:
    """Some string in the JSON array ``column`` matches the regular expression ``pattern``."""
    if is_sqlite(dialect):
        element = _sqlite_elements(column)
        return exists(select(1).select_from(element).where(element.c.value.regexp_match(pattern)))
    as_array = case((func.jsonb_typeof(column) == "array", cast(column, JSONB)), else_=_jsonb_constant("[]"))
    element = func.jsonb_array_elements_text(as_array).table_valued("value").render_derived()
    return exists(select(1).select_from(element).where(element.c.value.regexp_match(pattern)))


def json_array_is_empty(column: ColumnElement[Any], dialect: str) -> ColumnElement[bool]:
    """``column`` is SQL NULL, JSON null or an empty JSON array."""
    if is_sqlite(dialect):
        return or_(column.is_(None), func.json_array_length(column) == 0)
    return or_(column.is_(None), cast(column, JSONB).in_([_jsonb_constant("null"), _jsonb_constant("[]")]))


def integer_table(values: Sequence[int], dialect: str) -> FromClause:
    """A one-column table (``.c.value``) of ``values``, to drive one index probe per value."""
    if is_sqlite(dialect):
        return func.json_each(json.dumps(list(values))).table_valued("value")
    return func.unnest(literal(list(values), ARRAY(BigInteger))).table_valued("value").render_derived()


def in_integers(column: ColumnElement[int], values: Sequence[int], dialect: str) -> ColumnElement[bool]:
    """``column`` is one of ``values``, as one bound parameter however many values there are."""
    if is_sqlite(dialect):
        return column.in_(select(integer_table(values, dialect).c.value).scalar_subquery())
    return column == func.any(literal(list(values), ARRAY(BigInteger)))


def insert_unless_taken(model: Any, key: Sequence[str], dialect: str):
    """``INSERT INTO <model> ... ON CONFLICT (<key>) DO NOTHING``: a row whose unique ``key`` is
    already taken is left out, without an error. On PostgreSQL a key that a transaction still in
    progress has inserted makes the statement wait for that transaction's end, so the row is
    committed (and visible to the next statement under READ COMMITTED) or gone by then."""
    insert = sqlite.insert if is_sqlite(dialect) else postgresql.insert
    return insert(model).on_conflict_do_nothing(index_elements=list(key))


def json_text(document: ColumnElement[Any]) -> ColumnElement[str]:
    """A JSON column as JSON text, without a decode and re-encode in Python."""
    return cast(document, Text)


def _jsonb_constant(text: str) -> ColumnElement[Any]:
    """A fixed JSONB value written into the SQL (a bound JSONB parameter would be JSON-encoded again)."""
    return literal_column(f"'{text}'::jsonb", JSONB)


_SQL_COMPARISONS = {
    "<": lambda left, right: left < right,
    "<=": lambda left, right: left <= right,
    ">": lambda left, right: left > right,
    ">=": lambda left, right: left >= right,
    "==": lambda left, right: left == right,
}


def _jsonpath_number(value: int | float) -> str:
    return str(value) if isinstance(value, int) else repr(float(value))


def _jsonpath_string(value: str) -> str:
    # jsonpath string literals take JSON's escapes.
    return json.dumps(value, ensure_ascii=False)


def _sqlite_elements(column: ColumnElement[Any]) -> FromClause:
    return func.json_each(column).table_valued("value")


def _sqlite_path(path: Sequence[str]) -> str:
    # Quoted labels let keys hold dots, slashes and spaces; callers refuse keys with '"'.
    return "$" + "".join(f'."{key}"' for key in path)


def _pg_keys(path: Sequence[str]) -> list[ColumnElement[str]]:
    return [literal(key, String) for key in path]


# Advisory locks of one database share one 64-bit key space with every other program using it.
# Labbook's key for a job name is the first 8 bytes of SHA-256("labbook:" + name), as a signed
# bigint: computed here, once, for taking and releasing the lock alike, the same in every process and
# PostgreSQL version, and as unlikely to meet another program's key as any random 64-bit number.
# Two of Labbook's own names never share a key: ``advisory_lock_key`` refuses the second one.
ADVISORY_LOCK_NAMESPACE = "labbook:"
_ADVISORY_LOCK_NAMES: dict[int, str] = {}


def advisory_lock_key(name: str) -> int:
    """The PostgreSQL advisory lock key of the job ``name`` (see above)."""
    if not name:
        raise ValueError("an advisory lock needs a name")
    digest = hashlib.sha256((ADVISORY_LOCK_NAMESPACE + name).encode()).digest()
    key = int.from_bytes(digest[:8], "big", signed=True)
    holder = _ADVISORY_LOCK_NAMES.setdefault(key, name)
    if holder != name:
        raise ValueError(f"advisory lock names {holder!r} and {name!r} have the same key {key}")
    return key


@asynccontextmanager
async def claimed(engine: AsyncEngine, name: str) -> AsyncIterator[bool]:
    """Whether this process may do the job ``name`` now, while no other process does: on PostgreSQL a
    session-level advisory lock (key ``advisory_lock_key(name)``) held on its own connection
    (autocommit, so no transaction stays open) for the block; on SQLite, one file on one machine,
    always True."""
    key = advisory_lock_key(name)
    if engine.dialect.name != "postgresql":
        yield True
        return
    async with engine.connect() as connection:
        connection = await connection.execution_options(isolation_level="AUTOCOMMIT")
        held = bool(await connection.scalar(text("SELECT pg_try_advisory_lock(:key)"), {"key": key}))
        try:
            yield held
        finally:
            if held:
                await connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": key})
