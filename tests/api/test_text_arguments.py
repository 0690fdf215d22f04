"""Text no database can store (NUL, lone surrogates) is refused by name in every string argument of
every root field, as a variable and as a literal, on both dialects; and malformed bodies are 400s."""

from __future__ import annotations

import json
from typing import Any, Iterator

import pytest
from graphql import (
    GraphQLEnumType,
    GraphQLInputObjectType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLScalarType,
    get_named_type,
    is_composite_type,
)

from app.api.schema import schema
from tests.support import make_account

BAD_TEXTS = {"NUL": "a\u0000b", "lone surrogate": "a\ud800b"}
SAMPLE_SCALARS = {
    "String": "x",
    "ID": "VXNlcjox",
    "Int": 1,
    "Float": 1.0,
    "Boolean": False,
    "JSONString": "{}",
    "Int64": 1,
    "Duration": 1,
    "DateTime": "2024-01-01T00:00:00",
    "JSON": {},
}


# _sample picks enum values by name; a literal writes them bare.
ENUM_VALUES = {
    name for named in schema._schema.type_map.values() if isinstance(named, GraphQLEnumType) for name in named.values
}


def _sample(type_: Any) -> Any:
    """A valid value of an input type, with only the required fields of input objects."""
    if isinstance(type_, GraphQLNonNull):
        return _sample(type_.of_type)
    if isinstance(type_, GraphQLList):
        return [_sample(type_.of_type)]
    if isinstance(type_, GraphQLEnumType):
        return next(iter(type_.values))
    if isinstance(type_, GraphQLScalarType):
        return SAMPLE_SCALARS[type_.name]
    return {name: _sample(field.type) for name, field in type_.fields.items() if isinstance(field.type, GraphQLNonNull)}


def _string_paths(type_: Any, path: tuple) -> Iterator[tuple]:
    """Paths (argument name, then input field names or list index 0) to every String-typed input."""
    named = get_named_type(type_)
    inner = type_.of_type if isinstance(type_, GraphQLNonNull) else type_
    if isinstance(inner, GraphQLList):
        yield from _string_paths(inner.of_type, path + (0,))
    elif isinstance(named, GraphQLInputObjectType):
        for name, field in named.fields.items():
            yield from _string_paths(field.type, path + (name,))
    elif named.name in ("String", "ID"):
        yield path


def _with(value: Any, path: tuple, text: str, type_: Any) -> Any:
    """``value`` (a sample of ``type_``) with ``text`` placed at ``path``, filling what's on the way."""
    if not path:
        return text
    inner = type_.of_type if isinstance(type_, GraphQLNonNull) else type_
    if isinstance(inner, GraphQLList):
        return [_with(value[0] if value else None, path[1:], text, inner.of_type)]
    field = inner.fields[path[0]]
    base = dict(value or {})
    base[path[0]] = _with(base.get(path[0], _sample(field.type)), path[1:], text, field.type)
    return base


def _literal(value: Any) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{key}: {_literal(item)}" for key, item in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_literal(item) for item in value) + "]"
    if isinstance(value, str) and value in ENUM_VALUES:
        return value
    return json.dumps(value)


def root_string_arguments() -> Iterator[tuple[str, str, str, tuple, Any]]:
    """(operation, field, argument, path, argument type) for every String input of every root field."""
    graphql_schema = schema._schema
    for operation, root in (("query", graphql_schema.query_type), ("mutation", graphql_schema.mutation_type)):
        for field_name, field in root.fields.items():
            for arg_name, arg in field.args.items():
                for path in _string_paths(arg.type, (arg_name,)):
                    yield operation, field_name, arg_name, path, arg.type


def _document(operation: str, field_name: str, arguments: str, *, variable: tuple[str, Any] | None = None) -> str:
    field = schema._schema.get_type("Query" if operation == "query" else "Mutation").fields[field_name]
    selection = " { __typename }" if is_composite_type(get_named_type(field.type)) else ""
    declared = f"(${variable[0]}: {variable[1]})" if variable else ""
    return f"{operation}{declared} {{ {field_name}{arguments}{selection} }}"


def _args(field_name: str, operation: str, overrides: dict[str, str]) -> str:
    field = schema._schema.get_type("Query" if operation == "query" else "Mutation").fields[field_name]
    parts = []
    for name, arg in field.args.items():
        if name in overrides:
            parts.append(f"{name}: {overrides[name]}")
        elif isinstance(arg.type, GraphQLNonNull):
            parts.append(f"{name}: {_literal(_sample(arg.type))}")
    return f"({', '.join(parts)})" if parts else ""


CASES = list(root_string_arguments())


def test_every_root_field_with_text_is_covered():
    fields = {(operation, field) for operation, field, *_ in CASES}
    assert {
        ("query", "project"),
        ("query", "entity"),
        ("mutation", "upsertBucket"),
        ("mutation", "createRunFiles"),
        ("mutation", "moveRuns"),
        ("mutation", "deleteRuns"),
        ("query", "compareRuns"),
    } <= fields
    assert len(CASES) > 50


async def test_text_no_database_can_store_is_refused_by_name_everywhere(gql, runtime):
    alice = await make_account(runtime, "alice")
    failures = []
    for operation, field_name, arg_name, path, arg_type in CASES:
        for label, text in BAD_TEXTS.items():
            value = _with(_sample(arg_type), path[1:], text, arg_type)
            shown = arg_name + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in path[1:])
            as_variable = _document(
                operation,
                field_name,
                _args(field_name, operation, {arg_name: "$v"}),
                variable=("v", print_type_ref(arg_type)),
            )
            requests = [(as_variable, {"v": value}, f"argument {arg_name} (variable $v")]
            if label == "NUL":  # a lone surrogate is not even a GraphQL literal: the parser refuses it
                literal = _document(operation, field_name, _args(field_name, operation, {arg_name: _literal(value)}))
                requests.append((literal, None, f"argument {shown}"))
            for document, variables, named in requests:
                response = await _post(gql, document, variables, key=alice.key)
                errors = response.json().get("errors") or [{}]
                ok = (
                    response.status_code == 400
                    and errors[0].get("extensions", {}).get("code") == "BAD_USER_INPUT"
                    and named in errors[0]["message"]
                    and label.split()[-1].upper()[:3] in errors[0]["message"].upper()
                )
                if not ok:
                    failures.append((document, variables, response.status_code, errors[0]))
    assert not failures, failures[:5]


async def _post(gql, query: str, variables: dict | None, *, key: str):
    """JSON with escapes (as the wandb client's json.dumps writes it): a lone surrogate survives as \\ud800."""
    body = json.dumps({"query": query, "variables": variables})
    return await gql.http.post(
        "/graphql", content=body, auth=("api", key), headers={"content-type": "application/json"}
    )


def print_type_ref(type_: Any) -> str:
    if isinstance(type_, GraphQLNonNull):
        return print_type_ref(type_.of_type) + "!"
    if isinstance(type_, GraphQLList):
        return f"[{print_type_ref(type_.of_type)}]"
    return type_.name


async def test_a_lone_surrogate_literal_is_a_syntax_error_not_a_crash(gql, runtime):
    alice = await make_account(runtime, "alice")
    for query in ('{ entity(name: "a\\ud800b") { name } }', '{ entity(name: "a\ud800b") { name } }'):
        response = await _post(gql, query, None, key=alice.key)
        error = response.json()["errors"][0]
        assert response.status_code < 500 and error["extensions"]["code"] == "BAD_USER_INPUT"
        assert "Syntax Error" in error["message"], error


async def test_clean_text_still_reads(gql, runtime):
    alice = await make_account(runtime, "alice")
    data = await gql.data("query($n: String) { entity(name: $n) { name } }", {"n": "alice"}, key=alice.key)
    assert data == {"entity": {"name": "alice"}}
    assert await gql.data('{ entity(name: "ali\u00e7e") { name } }', key=alice.key) == {"entity": None}


@pytest.mark.parametrize(
    "body, sentence",
    [
        (b'{"query": "{ viewer { id } }", "variables": {"x": "\xff\xfe"}}', "not valid UTF-8"),
        (
            b'{"query": "{ viewer { id } }", "variables": {"x": ' + b"[" * 100_000 + b"]" * 100_000 + b"}}",
            "nests JSON deeper than 64 levels",
        ),
        (
            b'{"query": "{ viewer { id } }", "variables": {"x": ' + b"[" * 65 + b"]" * 65 + b"}}",
            "nests JSON deeper than 64 levels",
        ),
        (b'{"query": "{ viewer { id } ', "the request body is not valid JSON: Unterminated string"),
    ],
)
async def test_malformed_bodies_are_400_with_a_sentence(gql, runtime, body, sentence):
    response = await gql.http.post("/graphql", content=body, headers={"content-type": "application/json"})
    assert response.status_code == 400, response.text
    error = response.json()["errors"][0]
    assert sentence in error["message"] and error["extensions"]["code"] == "BAD_REQUEST"


async def test_a_body_nested_64_levels_is_accepted(gql, runtime):
    nested: Any = "x"
    for _ in range(62):
        nested = [nested]
    response = await gql.post("{ __typename }", {"x": nested})
    assert response.status_code == 200 and response.json() == {"data": {"__typename": "Query"}}
