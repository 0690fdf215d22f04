"""The fast leaf path of app.api.execution answers exactly what graphql-core's stock executor does:
the same data and the same errors (message, path, locations), values and nulls included."""

from __future__ import annotations

import asyncio
import enum
from contextlib import contextmanager
from datetime import datetime, timezone
from typing import Any

import httpx
import pytest
import strawberry
from strawberry.extensions import SchemaExtension
from strawberry.permission import BasePermission
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext as StockExecutor

from app.api import schema as app_schema
from app.api.execution import PRECOMPUTED, FastLeafExecutor, plain_input
from app.api.scalars import SCALAR_MAP, JSONString
from app.main import create_app
from tests.support import GraphQLClient
from tests.support.run_queries import add_history, make_project, make_runs
from tests.support.wandb_queries import RUN_QUERY, RUNS_QUERY


@strawberry.enum
class Color(enum.Enum):
    RED = "red"
    BLUE = "blue"


class Deny(BasePermission):
    message = "denied"

    def has_permission(self, source: Any, info: strawberry.Info, **kwargs: Any) -> bool:
        return False


class Later:
    """An awaitable that is not a coroutine (nothing to warn about when no one awaits it)."""

    def __init__(self, value: Any) -> None:
        self.value = value

    def __await__(self):
        return _value(self.value).__await__()


async def _value(value: Any) -> Any:
    return value


@strawberry.type
class Holder:
    boom: str


class ExplodingHolder(Holder):
    @property
    def boom(self) -> str:  # type: ignore[override]
        raise ValueError("the attribute failed")


@strawberry.interface
class Named:
    name: str


@strawberry.type
class Item(Named):
    name: str
    count: int
    maybe_count: int | None
    ratio: float
    flag: bool
    color: Color
    maybe_color: Color | None
    created: datetime
    tags: list[str]
    maybe_tags: list[str | None] | None
    raw: JSONString
    secret: str | None = strawberry.field(permission_classes=[Deny], default="hidden")

    @strawberry.field
    def lines(self) -> list[JSONString]:
        return [{"a": 1}, '{"b":2}', "plain"]

    @strawberry.field
    def broken_lines(self) -> list[str] | None:
        return ["a", None, "c"]  # type: ignore[list-item]

    @strawberry.field
    def maybe_lines(self) -> list[str | None]:
        return ["a", None, 3]  # type: ignore[list-item]

    @strawberry.field
    async def slow_lines(self) -> list[str]:
        return ["x", "y"]

    @strawberry.field
    def shout(self) -> str:  # raises for the item without a name
        return self.name.upper()

    @strawberry.field
    def maybe_shout(self) -> str | None:
        return self.name.upper() if self.name else None

    @strawberry.field
    def scaled(self, factor: int = 2) -> int:
        return self.count * factor

    @strawberry.field
    def described(self, info: strawberry.Info) -> str:
        return f"{info.field_name}:{self.name}"

    @strawberry.field
    def from_root(root) -> str:  # noqa: N805 - Strawberry's root parameter
        return f"root:{root.name}"

    @strawberry.field
    def counted_twice(self) -> int:  # an int field answering a string for the third item
        return self.count * 2


GOOD = dict(
    name="a",
    count=1,
    maybe_count=None,
    ratio=0.5,
    flag=True,
    color=Color.RED,
    maybe_color=None,
    created=datetime(2026, 1, 2, 3, 4, 5, tzinfo=timezone.utc),
    tags=["t1", "t2"],
    maybe_tags=["x", None],
    raw={"k": [1, 2]},
)


def _item(**changes: Any) -> Item:
    item = Item(**GOOD)
    for key, value in changes.items():
        object.__setattr__(item, key, value)
    return item


@strawberry.type
class Query:
    @strawberry.field
    def items(self) -> list[Item | None]:
        return [
            _item(),
            _item(name=None),  # null on a non-null field: the item becomes null
            _item(count="seven"),  # a coercion error on a non-null field
            _item(maybe_count="eight", maybe_color="GREEN", maybe_tags=("a", 1)),  # errors on nullable fields; a tuple
            _item(color="GREEN"),  # not an enum value
            _item(tags=["ok", None]),  # a null item in a list of non-null items
            _item(tags="not a list"),
            _item(ratio=ValueError("an exception as a value")),
            _item(maybe_count=Later(4)),  # an awaitable attribute
        ]

    @strawberry.field
    def named(self) -> list[Named]:
        return [_item()]

    @strawberry.field
    def exploding(self) -> Holder | None:
        return object.__new__(ExplodingHolder)

    @strawberry.field
    def numbers(self) -> list[int]:
        return [1, 2, 3]


ITEM_FIELDS = """name count maybeCount ratio flag color maybeColor created tags maybeTags raw secret
                 lines brokenLines maybeLines slowLines alias: count __typename
                 shout maybeShout scaled scaledBy3: scaled(factor: 3) described fromRoot countedTwice"""
QUERIES = [
    f"{{ items {{ {ITEM_FIELDS} }} }}",
    "{ items { name count } }",
    "{ named { name ... on Item { tags count } } }",
    "{ exploding { boom } numbers }",
    "{ items { tags @include(if: true) maybeTags @skip(if: false) lines @include(if: true) } }",
    "{ items { maybeShout countedTwice shout } }",
]


class UppercaseStrings(SchemaExtension):
    def resolve(self, _next, root, info, *args, **kwargs):
        result = _next(root, info, *args, **kwargs)
        return result.upper() if isinstance(result, str) else result


def _schema(**kwargs: Any) -> strawberry.Schema:
    return strawberry.Schema(
        query=Query, types=[Item], config=strawberry.schema.config.StrawberryConfig(scalar_map=SCALAR_MAP), **kwargs
    )


@contextmanager
def executor(schema: strawberry.Schema, cls: type):
    stock = schema.execution_context_class
    schema.execution_context_class = cls
    try:
        yield
    finally:
        schema.execution_context_class = stock


def _answer(result) -> tuple[Any, list[dict[str, Any]]]:
    return result.data, [error.formatted for error in result.errors or []]


async def _both(schema: strawberry.Schema, query: str) -> tuple[Any, Any]:
    with executor(schema, FastLeafExecutor):
        fast = _answer(await schema.execute(query))
    with executor(schema, StockExecutor):
        stock = _answer(await schema.execute(query))
    return fast, stock


@pytest.mark.parametrize("query", QUERIES)
@pytest.mark.parametrize("extensions", [[], [UppercaseStrings]], ids=["plain", "middleware"])
def test_fast_path_answers_as_the_stock_executor(query, extensions):
    fast, stock = asyncio.run(_both(_schema(extensions=extensions), query))
    assert fast == stock


def test_the_cases_above_do_produce_errors_and_nulls():
    (data, errors), _stock = asyncio.run(_both(_schema(), QUERIES[0]))
    items = data["items"]
    assert items[0]["created"] == "2026-01-02T03:04:05" and items[0]["raw"] == '{"k":[1,2]}'
    assert (items[0]["shout"], items[0]["scaledBy3"], items[0]["described"], items[0]["fromRoot"]) == (
        "A",
        3,
        "described:a",
        "root:a",
    )
    assert items[0]["lines"] == ['{"a":1}', '{"b":2}', "plain"] and items[0]["maybeTags"] == ["x", None]
    assert items[1] is None and items[2] is None and items[8]["maybeCount"] == 4
    assert items[3]["maybeCount"] is None and items[3]["maybeColor"] is None and items[3]["maybeTags"] == ["a", "1"]
    messages = " | ".join(error["message"] for error in errors)
    for fragment in (
        "Cannot return null for non-nullable field Item.name",
        "Int cannot represent",
        "Enum 'Color' cannot represent",
        "an exception as a value",
        "denied",
        "Cannot return null for non-nullable field Item.brokenLines",
    ):
        assert fragment in messages, fragment
    (data, errors), _stock = asyncio.run(_both(_schema(), QUERIES[5]))
    assert data["items"][0] == {"maybeShout": "A", "countedTwice": 2, "shout": "A"} and data["items"][1] is None
    assert [error["message"] for error in errors] == [
        "'NoneType' object has no attribute 'upper'",
        "Int cannot represent non-integer value: 'sevenseven'",
    ]
    (data, errors), _stock = asyncio.run(_both(_schema(), QUERIES[3]))
    assert data == {"exploding": None, "numbers": [1, 2, 3]} and errors[0]["message"] == "the attribute failed"


class CountingExecutor(FastLeafExecutor):
    resolve_infos = 0

    def build_resolve_info(self, *args: Any) -> Any:
        CountingExecutor.resolve_infos += 1
        return super().build_resolve_info(*args)


@pytest.mark.parametrize(
    "query, extensions, expected",
    [
        ("{ items { name count } }", [], 1 + 2),
        ("{ items { name count } }", [UppercaseStrings], 1 + 17),
        ("{ items { maybeShout described } }", [], 1 + 9),
    ],
    ids=["attributes", "middleware", "resolvers"],
)
def test_leaf_fields_skip_the_resolve_info_unless_middleware_wraps_them(query, extensions, expected):
    """``items`` (a resolver) builds a ResolveInfo, and so do the two failing leaves (a null name, a
    count of "seven") on their way through the stock path; the other leaves do not. With middleware
    every field does (17: the item with a null name stops before its count). A resolver taking only
    ``self`` needs none; one taking ``info`` does."""
    schema = _schema(extensions=extensions)
    CountingExecutor.resolve_infos = 0
    with executor(schema, CountingExecutor):
        result = asyncio.run(schema.execute(query))
    assert result.data["items"][0] is not None
    assert CountingExecutor.resolve_infos == expected


# --- the application's schema -----------------------------------------------------------------


async def _app_both(gql, query: str, variables: dict[str, Any], key: str) -> tuple[Any, Any]:
    answers = []
    for cls in (FastLeafExecutor, StockExecutor):
        with executor(app_schema.schema, cls):
            response = await gql.post(query, variables, key=key)
        answers.append((response.status_code, response.json()))
    return answers[0], answers[1]


async def test_app_queries_answer_the_same_on_both_executors(gql, runtime, alice):
    project = await make_project(runtime, alice)
    runs = await make_runs(
        runtime,
        project,
        [
            dict(
                state="finished",
                tags=["a", "b"],
                summary={"acc": i},
                config={"lr": 0.1 * i},
                user_id=alice.id,
                notes=None if i % 2 else "note",
            )
            for i in range(5)
        ],
    )
    await add_history(runtime, runs[0], [{"_step": step, "loss": 1 / (step + 1)} for step in range(30)])
    base = {"project": "p", "entity": "alice"}
    requests = [
        (RUNS_QUERY, base | {"perPage": 3, "order": "-summary_metrics.acc", "filters": "{}"}),
        (RUN_QUERY, base | {"name": "run000"}),
        (
            "query H($project: String!, $entity: String!) { project(name: $project, entityName: $entity) {"
            ' run(name: "run000") { history(samples: 10) events historyKeys } } }',
            base,
        ),
        (RUNS_QUERY, base | {"filters": '{"$bad": 1}'}),  # an error
        (RUNS_QUERY, {"project": "missing", "entity": "alice"}),  # null
        ("{ viewer { id username entity admin } }", {}),
    ]
    answers = []
    for query, variables in requests:
        fast, stock = await _app_both(gql, query, variables, alice.key)
        assert fast == stock, query
        answers.append(fast[1])
    assert (
        len(answers[0]["data"]["project"]["runs"]["edges"]) == 3
        and len(answers[2]["data"]["project"]["run"]["history"]) == 10
    )
    assert answers[3]["errors"] and answers[4]["data"] == {"project": None}


async def test_the_setting_turns_the_fast_path_off_and_answers_stay_the_same(settings, gql, runtime, alice):
    """LABBOOK_GRAPHQL_FAST_EXECUTOR=false serves graphql-core's stock executor: the escape hatch if
    a Strawberry or graphql-core release changes what app.api.execution relies on."""
    project = await make_project(runtime, alice)
    await make_runs(runtime, project, [dict(state="finished", summary={"acc": i}, config={"lr": i}) for i in range(3)])
    variables = {"project": "p", "entity": "alice", "perPage": 2, "order": "-summary_metrics.acc", "filters": "{}"}
    fast = await gql.post(RUNS_QUERY, variables, key=alice.key)

    stock_app = create_app(settings.model_copy(update={"graphql_fast_executor": False}))
    graphql_app = next(route.app for route in stock_app.routes if getattr(route, "path", None) == "/graphql")
    assert graphql_app.schema.execution_context_class is StockExecutor
    async with (
        stock_app.router.lifespan_context(stock_app),
        httpx.AsyncClient(transport=httpx.ASGITransport(app=stock_app), base_url="http://testserver") as client,
    ):
        stock = await GraphQLClient(client).post(RUNS_QUERY, variables, key=alice.key)
    assert stock.status_code == fast.status_code == 200
    assert stock.json() == fast.json() and len(fast.json()["data"]["project"]["runs"]["edges"]) == 2


# --- plain_input: input objects built in one step --------------------------------------------------


@strawberry.input
class PartIn:
    number: int
    label: str = "none"


def _spec_inputs(fast: bool) -> type:
    @strawberry.input(name="SpecIn")
    class SpecIn:
        ident: strawberry.ID
        name: str
        count: int | None = None
        color: Color | None = None
        tags: list[str] | None = None
        parts: list[PartIn] | None = None
        kind: str = "plain"
        raw: JSONString | None = None
        required_maybe: str | None

    return plain_input(SpecIn) if fast else SpecIn


def _echo_schema(spec: type) -> strawberry.Schema:
    def echo(self, specs) -> list[str]:
        return [repr(s) for s in specs]

    echo.__annotations__ = {"specs": list[spec], "return": list[str]}  # this module's annotations are strings
    EchoQuery = strawberry.type(type("EchoQuery", (), {"echo": strawberry.field(echo)}))
    return strawberry.Schema(query=EchoQuery, config=strawberry.schema.config.StrawberryConfig(scalar_map=SCALAR_MAP))


ECHO_QUERIES = [
    '{ echo(specs: [{ident: "a", name: "n", requiredMaybe: null}]) }',
    '{ echo(specs: [{ident: 7, name: "n", count: 3, color: BLUE, tags: ["x", "y"], requiredMaybe: "m",'
    ' parts: [{number: 1}, {number: 2, label: "two"}], kind: "k", raw: "{\\"a\\": [1]}"}]) }',
    '{ echo(specs: [{ident: "a", name: "n", parts: null, tags: null, color: null, requiredMaybe: null},'
    ' {ident: "b", name: "m", requiredMaybe: null, parts: []}]) }',
    '{ echo(specs: [{ident: "a", name: 5, requiredMaybe: null}]) }',  # refused by graphql-core
    '{ echo(specs: [{name: "n", requiredMaybe: null}]) }',  # a required field missing
    '{ echo(specs: [{ident: "a", name: "n", requiredMaybe: null, parts: [{label: "x"}]}]) }',
]


@pytest.mark.parametrize("query", ECHO_QUERIES)
def test_plain_input_builds_the_same_objects_and_errors_as_strawberry(query):
    async def answer(fast: bool):
        return _answer(await _echo_schema(_spec_inputs(fast)).execute(query))

    fast, stock = asyncio.run(answer(True)), asyncio.run(answer(False))
    assert fast == stock
    data, errors = fast
    if query is ECHO_QUERIES[1]:
        assert "SpecIn(ident='7', name='n', count=3, color=<Color.BLUE: 'blue'>, tags=['x', 'y']" in data["echo"][0]
        assert "PartIn(number=1, label='none'), PartIn(number=2, label='two')" in data["echo"][0]
    if query in ECHO_QUERIES[3:]:
        assert data is None and errors, query


def test_plain_input_is_used_for_the_file_specs_of_create_artifact_files():
    from app.api.mutations.artifacts import CreateArtifactFileSpecInput

    assert CreateArtifactFileSpecInput.__strawberry_definition__.from_input is not None


# --- precomputed values: a resolver taking info is skipped when its owner has the value --------------


@strawberry.type
class Signed:
    value: strawberry.Private[str | None]
    calls: strawberry.Private[list]

    @strawberry.field(metadata={PRECOMPUTED: "value"})
    def url(self, info: strawberry.Info) -> str:
        self.calls.append(info.field_name)
        return "computed"


def test_a_precomputed_value_is_read_without_the_resolver_and_none_takes_the_stock_path():
    calls: list[str] = []

    @strawberry.type
    class SignedQuery:
        @strawberry.field
        def signed(self) -> list[Signed]:
            return [Signed(value="given", calls=calls), Signed(value=None, calls=calls)]

    schema = strawberry.Schema(query=SignedQuery)
    CountingExecutor.resolve_infos = 0
    with executor(schema, CountingExecutor):
        result = asyncio.run(schema.execute("{ signed { url } }"))
    assert result.data == {"signed": [{"url": "given"}, {"url": "computed"}]} and not result.errors
    assert calls == ["url"] and CountingExecutor.resolve_infos == 1 + 1  # signed, and the second url
    with executor(schema, StockExecutor):  # the stock executor always calls the resolver
        assert asyncio.run(schema.execute("{ signed { url } }")).data == {"signed": [{"url": "computed"}] * 2}


@strawberry.type
class Parent:
    child: Holder | None
    children: list[Holder] | None


def test_a_null_object_attribute_is_answered_directly_and_others_take_the_stock_path():
    @strawberry.type
    class ParentQuery:
        @strawberry.field
        def parents(self) -> list[Parent]:
            return [
                Parent(child=None, children=None),
                Parent(child=Holder(boom="b"), children=[Holder(boom="c")]),
                Parent(child=None, children=[]),
            ]

    schema = strawberry.Schema(query=ParentQuery)
    query = "{ parents { child { boom } children { boom } } }"
    fast, stock = asyncio.run(_both(schema, query))
    assert fast == stock
    data, errors = fast
    assert data["parents"][:2] == [
        {"child": None, "children": None},
        {"child": {"boom": "b"}, "children": [{"boom": "c"}]},
    ]
    assert data["parents"][2] == {"child": None, "children": []} and not errors
    CountingExecutor.resolve_infos = 0
    with executor(schema, CountingExecutor):
        asyncio.run(schema.execute("{ parents { child { boom } } }"))
    assert CountingExecutor.resolve_infos == 1 + 1  # parents, and the one child that is not null
