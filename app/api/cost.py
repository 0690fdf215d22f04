"""A cost budget for GraphQL requests (GitHub / Shopify style), checked before execution.

A field costs 1; a list multiplies what is under it by the number of items it may return:
- its size argument (``first``, ``perPage``, ``samples``, ...), up to what the server returns at most
  (``MAX_PAGE`` rows of a connection, ``MAX_SAMPLES`` history rows); for fields this schema does not
  know, the value as sent;
- without one: a page of ``DEFAULT_PAGE`` for a paged connection, ``DEFAULT_SAMPLES`` for history,
  the number of ids for ``nodes``, the samples of each spec for ``sampledHistory``, and
  ``UNSIZED_LIST`` for any other list.
Aliases and fragments count each time they are selected; variables count with their values.
tests/api/test_request_cost_budget.py checks every operation of the wandb client's catalogue, with the
largest arguments the client sends (``perPage: 5000`` for artifact file URLs...), against the budget.
"""

from __future__ import annotations

import json
from typing import Any

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLInterfaceType,
    GraphQLObjectType,
    GraphQLSchema,
    GraphQLUnionType,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionSetNode,
    get_named_type,
    is_list_type,
    is_non_null_type,
    value_from_ast_untyped,
)
from strawberry.extensions import SchemaExtension

from app.api.errors import refuse_before_execution
from app.api.pagination import DEFAULT_PAGE, MAX_PAGE
from app.domain.history_reads import DEFAULT_SAMPLES, MAX_SAMPLES

MAX_COST = 250_000
UNSIZED_LIST = 10
SIZE_ARGUMENTS = ("first", "last", "perPage", "pageSize", "limit", "samples")


class Costing:
    """The cost of one operation of ``document`` with ``variables``."""

    def __init__(self, schema: GraphQLSchema, document: DocumentNode, variables: dict[str, Any] | None) -> None:
        self.schema = schema
        self.fragments = {d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)}
        self.variables = dict(variables or {})
        self.fragment_costs: dict[str, int] = {}

    def operation(self, operation: OperationDefinitionNode) -> int:
        for definition in operation.variable_definitions or ():
            name = definition.variable.name.value
            if self.variables.get(name) is None and definition.default_value is not None:
                self.variables[name] = value_from_ast_untyped(definition.default_value)
        root = {
            "query": self.schema.query_type,
            "mutation": self.schema.mutation_type,
            "subscription": self.schema.subscription_type,
        }[operation.operation.value]
        return self.selection_set(operation.selection_set, root)

    def selection_set(self, selection_set: SelectionSetNode | None, parent: Any) -> int:
        if selection_set is None:
            return 0
        total = 0
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                total += self.field(selection, parent)
            elif isinstance(selection, InlineFragmentNode):
                condition = selection.type_condition
                total += self.selection_set(
                    selection.selection_set, self.schema.get_type(condition.name.value) if condition else parent
                )
            elif isinstance(selection, FragmentSpreadNode):
                total += self.fragment(selection.name.value)
        return total

    def fragment(self, name: str) -> int:
        # Memoised: a fragment spread many times (or spreading others) is costed once.
        if name not in self.fragment_costs:
            self.fragment_costs[name] = 0  # validation forbids cycles; this only stops a runaway
            definition = self.fragments.get(name)
            if definition is not None:
                self.fragment_costs[name] = self.selection_set(
                    definition.selection_set, self.schema.get_type(definition.type_condition.name.value)
                )
        return self.fragment_costs[name]

    def field(self, node: FieldNode, parent: Any) -> int:
        field_def = None
        if isinstance(parent, (GraphQLObjectType, GraphQLInterfaceType)):
            field_def = parent.fields.get(node.name.value)
        arguments = {a.name.value: value_from_ast_untyped(a.value, self.variables) for a in node.arguments or ()}
        size = self.size(node.name.value, field_def, arguments, parent)
        if node.selection_set is None:
            return size
        child_type = get_named_type(field_def.type) if field_def is not None else None
        if isinstance(child_type, GraphQLUnionType):
            child_type = None
        return 1 + size * self.selection_set(node.selection_set, child_type)

    @staticmethod
    def size(name: str, field_def: Any, arguments: dict[str, Any], parent: Any) -> int:
        """How many items the field may return (1 for a single value)."""
        if name == "sampledHistory":
            return _spec_samples(arguments.get("specs"))
        connection = field_def is not None and get_named_type(field_def.type).name.endswith("Connection")
        for argument in SIZE_ARGUMENTS:
            value = arguments.get(argument)
            if isinstance(value, int) and not isinstance(value, bool):
                cap = MAX_SAMPLES if argument == "samples" else MAX_PAGE if connection else value
                return max(0, min(value, cap))  # what the server returns at most
        if field_def is not None and "samples" in field_def.args:
            return DEFAULT_SAMPLES
        if isinstance(arguments.get("ids"), list):
            return len(arguments["ids"])
        type_ = field_def.type if field_def is not None else None
        if connection:
            return DEFAULT_PAGE if "first" in field_def.args else UNSIZED_LIST  # paged, or a short full list
        if type_ is not None and is_list_type(type_.of_type if is_non_null_type(type_) else type_):
            in_connection = getattr(parent, "name", "").endswith("Connection")
            return 1 if in_connection else UNSIZED_LIST  # edges: the connection counted the page
        return 1


def _spec_samples(specs: Any) -> int:
    """sampledHistory's rows: the samples of each JSON spec (DEFAULT_SAMPLES where absent or unreadable)."""
    total = 0
    for spec in specs if isinstance(specs, list) else [specs]:
        try:
            samples = json.loads(spec).get("samples", DEFAULT_SAMPLES) if isinstance(spec, str) else DEFAULT_SAMPLES
        except (ValueError, AttributeError):
            samples = DEFAULT_SAMPLES
        total += min(samples, MAX_SAMPLES) if isinstance(samples, int) and samples >= 0 else DEFAULT_SAMPLES
    return total


def request_cost(
    schema: GraphQLSchema, document: DocumentNode, variables: dict[str, Any] | None, operation_name: str | None = None
) -> int:
    """The cost of the operation that would run (the named one, or the only one)."""
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    chosen = [o for o in operations if operation_name is None or (o.name and o.name.value == operation_name)]
    return Costing(schema, document, variables).operation(chosen[0]) if chosen else 0


def over_budget(cost: int) -> str | None:
    if cost <= MAX_COST:
        return None
    return (
        f"this request would cost {cost:,} points and the limit is {MAX_COST:,}: each list counts the items "
        f"it may return (first, perPage, samples; a page of {DEFAULT_PAGE} or {DEFAULT_SAMPLES} history rows by "
        "default), and each alias counts again; ask for fewer items or split the request"
    )


class CostBudget(SchemaExtension):
    def on_execute(self):
        context = self.execution_context
        if context.result is None and context.graphql_document is not None:
            cost = request_cost(
                context.schema._schema, context.graphql_document, context.variables, context.operation_name
            )
            refusal = over_budget(cost)
            if refusal:
                refuse_before_execution(context, refusal, cost=cost, maxCost=MAX_COST)
        yield
