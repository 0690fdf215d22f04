"""graphql-core's executor with a fast path for leaf values.

A page of 50 runs is about 1,000 fields, nearly all of them plain attributes of a scalar type.
For each, graphql-core builds a ResolveInfo, checks arguments, calls Strawberry's resolver and
walks ``complete_value`` (several µs a field). Here a leaf field (of a leaf type, or a list of
leaves) without field extensions or permissions is read and coerced directly when it is a
Strawberry basic field (an attribute) or a plain resolver: synchronous, taking only ``self``, no
arguments. A resolver's list of leaves (history's 1,000 JSON strings) is coerced in one loop.

Anything unusual takes the stock path, which then produces graphql-core's exact result and error
(a resolver that raised or returned a bad value is called again there; these resolvers compute
from ``self`` alone): an exception while reading or coercing, null where the type forbids it, an
Exception or awaitable value, a list that is not a list or tuple, a directive on a list field
(``@stream``), and any field at all while a schema extension wraps resolvers (middleware).
"""

from __future__ import annotations

from dataclasses import MISSING
from functools import lru_cache
from operator import attrgetter
from typing import Any, Callable

from graphql import (
    GraphQLLeafType,
    GraphQLObjectType,
    GraphQLOutputType,
    GraphQLSchema,
    Undefined,
    is_leaf_type,
    is_list_type,
    is_non_null_type,
)
from strawberry.resolvers import is_default_resolver
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext
from strawberry.schema.schema_converter import GraphQLCoreConverter
from strawberry.types.field import StrawberryField

FALLBACK = object()  # "take the stock path"
# Field metadata: the attribute that holds the field's value when its owner computed it already
# (None: call the resolver). Lets a resolver that takes ``info`` for its other cases skip the stock path.
PRECOMPUTED = "labbook.precomputed"
Completer = Callable[[Any, Callable[[Any], bool]], Any]  # (value, is_awaitable) -> completed or FALLBACK


class FastLeafExecutor(StrawberryGraphQLCoreExecutionContext):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        middleware = self.middleware_manager
        self.leaf_fields = None if middleware is not None and middleware.middlewares else _leaf_fields(self.schema)

    def execute_field(self, parent_type, source, field_details_list, path, position_context):
        if self.leaf_fields is not None:
            field = self.leaf_fields.get((parent_type.name, field_details_list[0].node.name.value))
            if field is not None and not (field.is_list and field_details_list[0].node.directives):
                completed = field.complete(source, self.is_awaitable)
                if completed is not FALLBACK:
                    return completed
        return super().execute_field(parent_type, source, field_details_list, path, position_context)

    def complete_list_value(self, return_type, field_details_list, info, path, result, position_context):
        if self.leaf_fields is not None and not field_details_list[0].node.directives:
            complete_items = _leaf_items_completer(return_type.of_type)
            if complete_items is not None:
                completed = complete_items(result, self.is_awaitable)
                if completed is not FALLBACK:
                    return completed
        return super().complete_list_value(return_type, field_details_list, info, path, result, position_context)


class LeafField:
    """A field whose value is ``read(source)``, completed as a leaf or a list of leaves."""

    __slots__ = ("complete_value", "is_list", "read")

    def __init__(self, read: Callable[[Any], Any], complete_value: Completer, is_list: bool) -> None:
        self.read, self.complete_value, self.is_list = read, complete_value, is_list

    def complete(self, source: Any, is_awaitable: Callable[[Any], bool]) -> Any:
        try:
            value = self.read(source)
        except Exception:  # noqa: BLE001 - the stock path reports it
            return FALLBACK
        return FALLBACK if value is FALLBACK else self.complete_value(value, is_awaitable)


@lru_cache(maxsize=8)
def _leaf_fields(schema: GraphQLSchema) -> dict[tuple[str, str], LeafField]:
    """(type name, field name) -> LeafField for every leaf or leaf-list field read without an Info."""
    fields = {}
    for type_ in schema.type_map.values():
        if not isinstance(type_, GraphQLObjectType) or type_.name.startswith("__"):
            continue
        for field_name, field_def in type_.fields.items():
            definition = (field_def.extensions or {}).get(GraphQLCoreConverter.DEFINITION_BACKREF)
            read = _reader(definition, field_def.resolve) if isinstance(definition, StrawberryField) else None
            complete_value = _completer(field_def.type) if read is not None else None
            if read is not None and complete_value is None and not is_non_null_type(field_def.type):
                complete_value = _null_or_fallback  # a nullable object or list: only its null is this simple
            if complete_value is not None:
                is_list = is_list_type(field_def.type.of_type if is_non_null_type(field_def.type) else field_def.type)
                fields[type_.name, field_name] = LeafField(read, complete_value, is_list)
    return fields


def _reader(field: StrawberryField, resolve: Any) -> Callable[[Any], Any] | None:
    """What Strawberry's resolver would return for a source, for an attribute or a plain resolver."""
    if field.extensions:
        return None
    precomputed = (field.metadata or {}).get(PRECOMPUTED)
    if precomputed is not None and field.base_resolver is not None and not field.is_async:
        read_attribute = attrgetter(precomputed)

        def read_precomputed(source: Any) -> Any:
            value = read_attribute(source)
            return FALLBACK if value is None else value

        return read_precomputed
    if field.base_resolver is None:
        usable = field.is_basic_field and is_default_resolver(resolve) and field.default_resolver is getattr
        return attrgetter(field.python_name) if usable else None
    resolver = field.base_resolver
    reserved = [parameter for parameter in resolver.reserved_parameters.values() if parameter is not None]
    if field.is_async or resolver.arguments or reserved != [resolver.self_parameter] or resolver.self_parameter is None:
        return None
    return resolver.wrapped_func if callable(resolver.wrapped_func) else None


def _completer(type_: GraphQLOutputType) -> Completer | None:
    """How to complete a value of ``type_`` when it is a leaf, or a list of leaves; else None."""
    nullable = not is_non_null_type(type_)
    inner = type_ if nullable else type_.of_type
    if is_leaf_type(inner):
        complete = _leaf_completer(inner, nullable)
    elif is_list_type(inner):
        complete_items = _leaf_items_completer(inner.of_type)
        if complete_items is None:
            return None
        complete = _or_null(complete_items, nullable)
    else:
        return None
    return complete


def _leaf_completer(leaf_type: GraphQLLeafType, nullable: bool) -> Completer:
    coerce = leaf_type.coerce_output_value

    def complete(value: Any, is_awaitable: Callable[[Any], bool]) -> Any:
        if value is None or value is Undefined:
            return None if nullable else FALLBACK
        if is_awaitable(value) or isinstance(value, Exception):
            return FALLBACK
        try:
            coerced = coerce(value)
        except Exception:  # noqa: BLE001 - the stock path reports it
            return FALLBACK
        return FALLBACK if coerced is None or coerced is Undefined else coerced

    return complete


def _null_or_fallback(value: Any, is_awaitable: Callable[[Any], bool]) -> Any:
    return None if value is None else FALLBACK


def _or_null(complete: Completer, nullable: bool) -> Completer:
    def complete_or_null(value: Any, is_awaitable: Callable[[Any], bool]) -> Any:
        if value is None or value is Undefined:
            return None if nullable else FALLBACK
        return complete(value, is_awaitable)

    return complete_or_null


@lru_cache(maxsize=64)
def _leaf_items_completer(item_type: GraphQLOutputType) -> Completer | None:
    """How to complete a list (or tuple) whose items are of leaf type ``item_type``; else None."""
    nullable = not is_non_null_type(item_type)
    inner = item_type if nullable else item_type.of_type
    if not is_leaf_type(inner):
        return None
    complete_item = _leaf_completer(inner, nullable)

    def complete(items: Any, is_awaitable: Callable[[Any], bool]) -> Any:
        if type(items) is not list and type(items) is not tuple:
            return FALLBACK
        completed = []
        for item in items:
            value = complete_item(item, is_awaitable)
            if value is FALLBACK:
                return FALLBACK
            completed.append(value)
        return completed

    return complete


# --- inputs: many small input objects built without Strawberry's per-field conversion ------------


def plain_input(cls: type) -> type:
    """Build the input type ``cls`` from graphql-core's already coerced value in one step.

    Strawberry converts every field of every input object through ``convert_argument`` (type
    resolution, isinstance checks per value): for the 10,000 file specs of one createArtifactFiles
    call that was a third of the request. graphql-core has already checked and coerced the value
    against the schema (required fields, scalars, enums) before any resolver runs, so fields of a
    leaf type (or a nullable leaf) are taken as they are; any other field (a nested input, a list
    of inputs) is still converted by Strawberry. The schema does not change: this sets the input
    definition's ``from_input`` hook, Strawberry's own extension point."""
    from strawberry.relay.types import GlobalID
    from strawberry.types.arguments import _is_leaf_type, _is_optional_leaf_type

    definition = cls.__strawberry_definition__
    plans: dict[tuple[int, int], tuple[list[tuple[str, str]], list[tuple[str, str, Any]], dict[str, None]]] = {}

    def plan(context: Any) -> tuple[list[tuple[str, str]], list[tuple[str, str, Any]], dict[str, None]]:
        """(graphql name, python name) of the leaf fields, (.., .., type) of the others, and the
        implicit None of fields without a default (as Strawberry gives them)."""
        key = id(context.config), id(context.scalar_registry)  # one schema's, in practice
        found = plans.get(key)
        if found is None:
            leaves, others, implicit = [], [], {}
            for field in definition.fields:
                graphql_name = context.config.name_converter.from_field(field)
                type_ = field.resolve_type(type_definition=definition)
                registry = context.scalar_registry
                if _is_leaf_type(type_, registry, (GlobalID,)) or _is_optional_leaf_type(type_, registry, (GlobalID,)):
                    leaves.append((graphql_name, field.python_name))
                else:
                    others.append((graphql_name, field.python_name, type_))
                if field.default_value is MISSING and field.default_factory is MISSING:
                    implicit[field.python_name] = None
            found = plans[key] = (leaves, others, implicit)
        return found

    def from_input(type_: type, value: Any, context: Any) -> Any:
        leaves, others, implicit = plan(context)
        kwargs = dict(implicit)
        for graphql_name, python_name in leaves:
            if graphql_name in value:
                kwargs[python_name] = value[graphql_name]
        for graphql_name, python_name, field_type in others:
            if graphql_name in value:
                inner = value[graphql_name]
                kwargs[python_name] = None if inner is None else context.convert(inner, field_type, graphql_name)
        return type_(**kwargs)

    definition.from_input = from_input
    return cls
