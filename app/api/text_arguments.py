"""Text no database can store is refused before execution, naming the argument that carries it.

PostgreSQL refuses NUL characters in text, and a lone surrogate (``"\\ud800"`` in JSON) cannot be
encoded as UTF-8 by either driver: both used to surface as internal errors deep in a service. One
check here covers every argument of every field, on both executor paths (it runs before either):
string literals in the document (arguments and variable defaults) and the request's variables.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any, Iterator

from graphql import (
    ArgumentNode,
    DocumentNode,
    ListValueNode,
    ObjectValueNode,
    StringValueNode,
    ValueNode,
    VariableNode,
    visit,
    Visitor,
)
from strawberry.extensions import SchemaExtension

from app.api.errors import refuse_before_execution


def text_problem(text: str) -> str | None:
    """Why ``text`` cannot be stored, or None."""
    if "\x00" in text:
        return "a NUL character (U+0000)"
    if not text.isascii():
        try:
            text.encode("utf-8")
        except UnicodeEncodeError as error:
            return f"a lone surrogate (U+{ord(text[error.start]):04X})"
    return None


def _has_problem(value: Any) -> bool:
    """Whether a JSON-like value holds an unstorable string; no paths built (most requests have none,
    and a 10,000-file createArtifactFiles carries 100,000 strings)."""
    stack = [value]
    while stack:
        item = stack.pop()
        if type(item) is str:
            if "\x00" in item or (not item.isascii() and text_problem(item)):
                return True
        elif isinstance(item, dict):
            for key in item:
                if type(key) is str and ("\x00" in key or not key.isascii()) and text_problem(key):
                    return True
            stack.extend(item.values())
        elif isinstance(item, (list, tuple)):
            stack.extend(item)
        elif isinstance(item, str) and text_problem(item):
            return True
    return False


def problems_in_value(value: Any, path: str) -> Iterator[tuple[str, str]]:
    """(path, problem) for each unstorable string in a JSON-like value, keys included."""
    stack = [(path, value)]
    while stack:
        where, item = stack.pop()
        if isinstance(item, str):
            problem = text_problem(item)
            if problem:
                yield where, problem
        elif isinstance(item, dict):
            for key, inner in item.items():
                problem = text_problem(key) if isinstance(key, str) else None
                if problem:
                    yield f"{where} (a key)", problem
                stack.append((f"{where}.{key}", inner))
        elif isinstance(item, (list, tuple)):
            stack.extend((f"{where}[{index}]", inner) for index, inner in enumerate(item))


class _DocumentText(Visitor):
    """Literal problems of a document, and which argument each variable feeds."""

    def __init__(self) -> None:
        super().__init__()
        self.problems: list[tuple[str, str]] = []
        self.argument_of: dict[str, str] = {}

    def enter_argument(self, node: ArgumentNode, *_: Any) -> None:
        self._walk(node.value, node.name.value)

    def enter_variable_definition(self, node: Any, *_: Any) -> None:
        if node.default_value is not None:
            self._walk(node.default_value, f"the default of ${node.variable.name.value}")

    def _walk(self, value: ValueNode, path: str) -> None:
        if isinstance(value, StringValueNode):
            problem = text_problem(value.value)
            if problem:
                self.problems.append((f"argument {path}", problem))
        elif isinstance(value, VariableNode):
            self.argument_of.setdefault(value.name.value, path)
        elif isinstance(value, ListValueNode):
            for index, item in enumerate(value.values):
                self._walk(item, f"{path}[{index}]")
        elif isinstance(value, ObjectValueNode):
            for field in value.fields:
                self._walk(field.value, f"{path}.{field.name.value}")


_ANALYSED: OrderedDict[str, _DocumentText] = OrderedDict()


def _analyse(query: str, document: DocumentNode) -> _DocumentText:
    found = _ANALYSED.get(query)
    if found is None:
        found = _DocumentText()
        visit(document, found)
        _ANALYSED[query] = found
        if len(_ANALYSED) > 256:
            _ANALYSED.popitem(last=False)
    return found


def unstorable_text(query: str, document: DocumentNode, variables: dict[str, Any] | None) -> str | None:
    """A sentence naming the first argument (or variable) whose text cannot be stored, or None."""
    analysed = _analyse(query, document)
    if analysed.problems:
        where, problem = analysed.problems[0]
        return f"{where} contains {problem}, which text cannot hold"
    for name, value in (variables or {}).items():
        if not _has_problem(value):
            continue
        for where, problem in problems_in_value(value, f"${name}"):
            argument = analysed.argument_of.get(name)
            used = f"argument {argument} (variable {where})" if argument else f"variable {where}"
            return f"{used} contains {problem}, which text cannot hold"
    return None


class RefuseUnstorableText(SchemaExtension):
    def on_execute(self):
        context = self.execution_context
        if context.graphql_document is not None and context.query is not None:
            problem = unstorable_text(context.query, context.graphql_document, context.variables)
            if problem:
                refuse_before_execution(context, problem)
        yield
