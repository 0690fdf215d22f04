"""Listing artifact collections and versions with the client's ``filters`` (JSON), ``order`` and keyset pages.

The filters are the runs' filter language (app/domain/run_filters.py: ``$and $or $nor $not $eq $ne
$gt $gte $lt $lte $in $nin $exists $regex``) over these keys, compiled to SQL with bound values;
any other key is refused by name.

Versions (a collection's ``artifacts`` and ``artifactMemberships``):
  ``state`` (COMMITTED, PENDING, DELETED; COMMITTED unless the filters name a state), ``alias`` /
  ``aliases`` (an alias in this collection), ``tag`` / ``tags``, ``version`` / ``versionIndex``
  (``"v3"`` or 3, with ranges), ``id`` (the version's id), ``digest``, ``description``, ``size``,
  ``createdAt`` / ``updatedAt`` (ISO-8601), ``metadata.<key>`` (a value inside the metadata, by JSON
  type; nested keys with dots). Order: ``versionIndex`` (default ``-versionIndex``), ``createdAt``,
  ``updatedAt``, ``size``, ``id``, each with ``+`` or ``-``.

Collections (``project.artifactCollections``, ``artifactType.artifactCollections``):
  ``name``, ``description``, ``type`` (its artifact type's name), ``tag`` / ``tags``, ``id``,
  ``createdAt`` / ``updatedAt``. Order: ``name``, ``createdAt``, ``updatedAt``, ``id`` (default ``-id``,
  newest first).

Expired versions (artifacts.unexpired) are never listed.
"""

from __future__ import annotations

import base64
import binascii
import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, Callable, Sequence

from sqlalchemy import and_, exists, false, func, or_, select, true
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql import ColumnElement

from app.db.dialect import (
    json_array_any_matches,
    json_array_contains,
    json_array_contains_any,
    json_array_is_empty,
    json_path,
)
from app.db.tables import Artifact, ArtifactAlias, ArtifactCollection, ArtifactMembership, ArtifactType
from app.domain.artifacts import COMMITTED, unexpired
from app.domain.errors import BadInput
from app.domain.run_filters import (
    _OPERATORS,
    _Compiler,
    _describe,
    _JsonValue,
    _negate,
    _Target,
    _TextColumn,
    _TimeColumn,
    _where,
    parse_filters,
)

STATES = ("PENDING", "COMMITTED", "DELETED")


# --- filter keys ------------------------------------------------------------------------------------


@dataclass
class _Aliases(_Target):
    """An alias the version holds in the listed collection."""

    name: str = "alias"

    def _held(self, condition: ColumnElement[bool]) -> ColumnElement[bool]:
        return exists(
            select(1).where(
                ArtifactAlias.collection_id == ArtifactMembership.collection_id,
                ArtifactAlias.artifact_id == ArtifactMembership.artifact_id,
                condition,
            )
        )

    def equals(self, value: Any, at: list[str]) -> ColumnElement[bool]:
        if value is None:
            return _negate(self.exists())
        return self._held(ArtifactAlias.alias == _text(self.name, value, at))

    def any_of(self, values: list[Any], at: list[str]) -> ColumnElement[bool]:
        texts = [_text(self.name, v, at) for v in values if v is not None]
        return or_(self._held(ArtifactAlias.alias.in_(texts)), *([_negate(self.exists())] if None in values else []))

    def exists(self) -> ColumnElement[bool]:
        return self._held(true())

    def matches(self, pattern: str, at: list[str]) -> ColumnElement[bool]:
        return self._held(ArtifactAlias.alias.regexp_match(pattern))


@dataclass
class _JsonList(_Target):
    """Tags, a JSON list of strings: equality means "has this tag"; null means "has none"."""

    name: str
    column: ColumnElement[Any]
    dialect: str

    def equals(self, value: Any, at: list[str]) -> ColumnElement[bool]:
        if value is None:
            return json_array_is_empty(self.column, self.dialect)
        return json_array_contains(self.column, _text(self.name, value, at), self.dialect)

    def any_of(self, values: list[Any], at: list[str]) -> ColumnElement[bool]:
        tags = [_text(self.name, v, at) for v in values if v is not None]
        clauses = [json_array_contains_any(self.column, tags, self.dialect)] if tags else []
        if None in values:
            clauses.append(json_array_is_empty(self.column, self.dialect))
        return or_(false(), *clauses)

    def exists(self) -> ColumnElement[bool]:
        return _negate(json_array_is_empty(self.column, self.dialect))

    def matches(self, pattern: str, at: list[str]) -> ColumnElement[bool]:
        return json_array_any_matches(self.column, pattern, self.dialect)


@dataclass
class _Integer(_Target):
    """An integer column; ``parse`` turns a filter value into the integer (or refuses it)."""

    name: str
    column: ColumnElement[int]
    parse: Callable[[str, Any, list[str]], int]

    def equals(self, value: Any, at: list[str]) -> ColumnElement[bool]:
        return self.column == self.parse(self.name, value, at)

    def any_of(self, values: list[Any], at: list[str]) -> ColumnElement[bool]:
        return self.column.in_([self.parse(self.name, v, at) for v in values])

    def compare(self, operator: str, value: Any, at: list[str]) -> ColumnElement[bool]:
        return _OPERATORS[operator](self.column, self.parse(self.name, value, at))

    def exists(self) -> ColumnElement[bool]:
        return self.column.is_not(None)


def _text(name: str, value: Any, at: list[str]) -> str:
    if not isinstance(value, str):
        raise BadInput(f"{name} is compared with strings {_where(at)}, got {_describe(value)}")
    return value


def _integer(name: str, value: Any, at: list[str]) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    raise BadInput(f"{name} is compared with whole numbers {_where(at)}, got {_describe(value)}")


_VERSION = re.compile(r"^v?(\d{1,18})$")


def _version(name: str, value: Any, at: list[str]) -> int:
    if isinstance(value, str) and (match := _VERSION.match(value)):
        return int(match.group(1))
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    raise BadInput(f'{name} is compared with a version such as "v3" or 3 {_where(at)}, got {_describe(value)}')


def _id_of(*type_names: str) -> Callable[[str, Any, list[str]], int]:
    """An id as a number, or as the GraphQL id of one of ``type_names``."""

    def parse(name: str, value: Any, at: list[str]) -> int:
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        if isinstance(value, str):
            if value.isdigit() and len(value) <= 18:
                return int(value)
            try:
                kind, _, number = base64.b64decode(value, validate=True).decode().partition(":")
            except (binascii.Error, UnicodeDecodeError, ValueError):
                kind, number = "", ""
            if kind in type_names and number.isdigit() and len(number) <= 18:
                return int(number)
        raise BadInput(f"{name} is compared with a {' or '.join(type_names)} id {_where(at)}, got {_describe(value)}")

    return parse


def _metadata(key: str, dialect: str, at: list[str]) -> _Target:
    if not key or '"' in key:
        raise BadInput(f"invalid metadata key {key!r} {_where(at)}: name a key, without '\"'")
    return _JsonValue(f"metadata.{key}", json_path(Artifact.metadata_, [key.split("."), [key]], dialect))


VERSION_KEYS = (
    "state",
    "alias",
    "aliases",
    "tag",
    "tags",
    "version",
    "versionIndex",
    "id",
    "digest",
    "description",
    "size",
    "createdAt",
    "updatedAt",
    "metadata.<key>",
)


def _version_target(dialect: str) -> Callable[[str, list[str]], _Target]:
    def target(key: str, at: list[str]) -> _Target:
        if key == "state":
            return _State()
        if key in ("alias", "aliases"):
            return _Aliases()
        if key in ("tag", "tags"):
            return _JsonList(key, Artifact.labels, dialect)
        if key in ("version", "versionIndex", "version_index"):
            return _Integer(key, ArtifactMembership.version_index, _version)
        if key in ("id", "artifact_id"):
            return _Integer(key, Artifact.id, _id_of("Artifact"))
        if key in ("size", "artifact_size"):
            return _Integer(key, Artifact.size, _integer)
        if key == "digest":
            return _TextColumn(key, Artifact.digest)
        if key == "description":
            return _TextColumn(key, Artifact.description)
        if key in ("createdAt", "created_at", "artifact_created_at"):
            return _TimeColumn(key, Artifact.created_at)
        if key in ("updatedAt", "updated_at"):
            return _TimeColumn(key, Artifact.updated_at)
        prefix, _, rest = key.partition(".")
        if prefix in ("metadata", "artifact_metadata") and rest:
            return _metadata(rest, dialect, at)
        raise BadInput(
            f"unknown artifact version filter key {key!r} {_where(at)}; the keys are {', '.join(VERSION_KEYS)}"
        )

    return target


@dataclass
class _State(_TextColumn):
    name: str = "state"
    column: ColumnElement[str] = field(default_factory=lambda: Artifact.state)

    def _text(self, value: Any, at: list[str]) -> str:
        if value not in STATES:
            raise BadInput(f"state is one of {', '.join(STATES)} {_where(at)}, got {_describe(value)}")
        return value


COLLECTION_KEYS = ("name", "description", "type", "tag", "tags", "id", "createdAt", "updatedAt")


def _collection_target(dialect: str) -> Callable[[str, list[str]], _Target]:
    def target(key: str, at: list[str]) -> _Target:
        if key in ("name", "collection_name", "artifact_collection_name"):
            return _TextColumn(key, ArtifactCollection.name)
        if key == "description":
            return _TextColumn(key, ArtifactCollection.description)
        if key in ("type", "typeName", "type_name"):
            type_name = select(ArtifactType.name).where(ArtifactType.id == ArtifactCollection.type_id).scalar_subquery()
            return _TextColumn(key, type_name)
        if key in ("tag", "tags"):
            return _JsonList(key, ArtifactCollection.tags, dialect)
        if key in ("id", "collection_id", "artifact_collection_id"):
            return _Integer(
                key, ArtifactCollection.id, _id_of("ArtifactCollection", "ArtifactSequence", "ArtifactPortfolio")
            )
        if key in ("createdAt", "created_at"):
            return _TimeColumn(key, ArtifactCollection.created_at)
        if key in ("updatedAt", "updated_at"):
            return _TimeColumn(key, ArtifactCollection.updated_at)
        raise BadInput(
            f"unknown artifact collection filter key {key!r} {_where(at)}; the keys are {', '.join(COLLECTION_KEYS)}"
        )

    return target


class _Filters(_Compiler):
    def __init__(self, dialect: str, targets: Callable[[str, list[str]], _Target]) -> None:
        super().__init__(dialect, None)
        self.targets = targets

    def target(self, key: str, at: list[str]) -> _Target:
        return self.targets(key, at)


def _names_state(document: Any) -> bool:
    """The filters say something about ``state`` (anywhere): then COMMITTED is not implied."""
    if isinstance(document, dict):
        return any(key == "state" or _names_state(value) for key, value in document.items())
    if isinstance(document, list):
        return any(_names_state(item) for item in document)
    return False


# --- order and keyset pages ----------------------------------------------------------------------


@dataclass(frozen=True)
class Order:
    name: str
    column: ColumnElement[Any]
    kind: str  # int | time | text
    descending: bool


_ORDER = re.compile(r"^([+-])?([A-Za-z_]\w*)$")
VERSION_ORDERS: dict[str, tuple[ColumnElement[Any], str]] = {
    "versionIndex": (ArtifactMembership.version_index, "int"),
    "version": (ArtifactMembership.version_index, "int"),
    "version_index": (ArtifactMembership.version_index, "int"),
    "createdAt": (Artifact.created_at, "time"),
    "created_at": (Artifact.created_at, "time"),
    "artifact_created_at": (Artifact.created_at, "time"),
    "updatedAt": (Artifact.updated_at, "time"),
    "updated_at": (Artifact.updated_at, "time"),
    "size": (Artifact.size, "int"),
    "artifact_size": (Artifact.size, "int"),
    "id": (Artifact.id, "int"),
}
COLLECTION_ORDERS: dict[str, tuple[ColumnElement[Any], str]] = {
    "name": (ArtifactCollection.name, "text"),
    "createdAt": (ArtifactCollection.created_at, "time"),
    "created_at": (ArtifactCollection.created_at, "time"),
    "updatedAt": (ArtifactCollection.updated_at, "time"),
    "updated_at": (ArtifactCollection.updated_at, "time"),
    "id": (ArtifactCollection.id, "int"),
}


def parse_order(text: str | None, orders: dict[str, tuple[ColumnElement[Any], str]], default: str) -> Order:
    match = _ORDER.match((text or "").strip() or default)
    if match is None or match.group(2) not in orders:
        names = ", ".join(sorted(orders))
        raise BadInput(f"invalid order {text!r}: '+' or '-' then one of {names}")
    column, kind = orders[match.group(2)]
    return Order(match.group(2), column, kind, match.group(1) == "-")


def _cursor_value(order: Order, value: Any) -> Any:
    try:
        if order.kind == "int":
            return int(value)
        if order.kind == "time":
            parsed = datetime.fromisoformat(str(value))
            return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)
        return str(value)
    except (TypeError, ValueError):
        raise BadInput(f"invalid cursor for order {order.name}: start again without 'after'") from None


def _after(order: Order, tie: ColumnElement[int], cursor: Sequence[Any] | None) -> ColumnElement[bool]:
    if not cursor:
        return true()
    if len(cursor) != 2:
        raise BadInput(f"invalid cursor for order {order.name}: start again without 'after'")
    value, last = _cursor_value(order, cursor[0]), _cursor_value(Order("id", tie, "int", False), cursor[1])
    if order.descending:
        return or_(order.column < value, and_(order.column == value, tie < last))
    return or_(order.column > value, and_(order.column == value, tie > last))


def _sorted(order: Order, tie: ColumnElement[int]) -> list[ColumnElement[Any]]:
    return [order.column.desc(), tie.desc()] if order.descending else [order.column.asc(), tie.asc()]


def _cursor(order: Order, value: Any, tie: int) -> list[Any]:
    return [value.isoformat() if isinstance(value, datetime) else value, tie]


@dataclass
class Page:
    rows: list[Any]
    cursors: list[list[Any]]
    has_next: bool
    total: int


def _dialect(session: AsyncSession) -> str:
    return session.get_bind().dialect.name


async def list_collections(
    session: AsyncSession,
    *,
    project_id: int,
    type_id: int | None = None,
    kinds: Sequence[str] | None = None,
    filters: str | None = None,
    order: str | None = None,
    limit: int,
    after: Sequence[Any] | None = None,
) -> Page:
    spec = parse_order(order, COLLECTION_ORDERS, "-id")
    document = parse_filters(filters)
    where = [
        ArtifactCollection.project_id == project_id,
        _Filters(_dialect(session), _collection_target(_dialect(session))).document(document or {}, []),
    ]
    if type_id is not None:
        where.append(ArtifactCollection.type_id == type_id)
    if kinds:
        where.append(ArtifactCollection.kind.in_(list(kinds)))
    rows = (
        await session.execute(
            select(ArtifactCollection, spec.column)
            .where(*where, _after(spec, ArtifactCollection.id, after))
            .order_by(*_sorted(spec, ArtifactCollection.id))
            .limit(limit + 1)
        )
    ).all()
    total = await session.scalar(select(func.count()).select_from(ArtifactCollection).where(*where))
    page = rows[:limit]
    return Page([r[0] for r in page], [_cursor(spec, r[1], r[0].id) for r in page], len(rows) > limit, total or 0)


async def list_versions(
    session: AsyncSession,
    *,
    collection_id: int,
    filters: str | None = None,
    order: str | None = None,
    limit: int,
    after: Sequence[Any] | None = None,
) -> Page:
    """Members of the collection (rows: (membership, artifact)); committed ones unless the filters
    name a state."""
    spec = parse_order(order, VERSION_ORDERS, "-versionIndex")
    document = parse_filters(filters)
    dialect = _dialect(session)
    where = [
        ArtifactMembership.collection_id == collection_id,
        unexpired(),
        _Filters(dialect, _version_target(dialect)).document(document or {}, []),
    ]
    if not _names_state(document):
        where.append(Artifact.state == COMMITTED)
    joined = select(ArtifactMembership, Artifact, spec.column).join(
        Artifact, Artifact.id == ArtifactMembership.artifact_id
    )
    rows = (
        await session.execute(
            joined.where(*where, _after(spec, ArtifactMembership.id, after))
            .order_by(*_sorted(spec, ArtifactMembership.id))
            .limit(limit + 1)
        )
    ).all()
    total = await session.scalar(
        select(func.count())
        .select_from(ArtifactMembership)
        .join(Artifact, Artifact.id == ArtifactMembership.artifact_id)
        .where(*where)
    )
    page = rows[:limit]
    return Page(
        [(r[0], r[1]) for r in page], [_cursor(spec, r[2], r[0].id) for r in page], len(rows) > limit, total or 0
    )
