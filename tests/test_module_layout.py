"""The modules of app/ import one way: no circle of module-level imports, and no import inside a
function to get around one (the GraphQL types build each other through app/api/types/refs.py)."""

import ast
from pathlib import Path

import pytest

from app.api import schema as _schema  # noqa: F401 - imports every type module, as the server does
from app.api.types import refs
from app.api.types.entity import Team, User
from app.api.types.project import Project
from app.api.types.run import Run

APP = Path(__file__).resolve().parent.parent / "app"
# Imports inside functions that are not about a circle: optional dependencies loaded only when
# used, and the command line loading only what its command needs.
DEFERRED_ON_PURPOSE = {
    ("app/main.py", "app.storage.s3"),
    ("app/__main__.py", "app.api.schema"),
    ("app/__main__.py", "app.cli"),
    ("app/__main__.py", "app.main"),
    ("app/__main__.py", "app.rest.fixtures"),
}


def _modules() -> dict[str, ast.Module]:
    found = {}
    for path in sorted(APP.rglob("*.py")):
        if "migrations" in path.parts:
            continue
        parts = path.relative_to(APP.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = ast.parse(path.read_text())
    return found


def _module_level_imports(tree: ast.Module, names: set[str]) -> set[str]:
    """The app modules ``tree`` imports when it is imported (not under TYPE_CHECKING, not in functions)."""
    imported = set()
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("app"):
            imported.add(node.module)
            imported |= {f"{node.module}.{alias.name}" for alias in node.names}
        elif isinstance(node, ast.Import):
            imported |= {alias.name for alias in node.names}
    return imported & names


def test_no_circle_of_module_level_imports():
    modules = _modules()
    graph = {name: _module_level_imports(tree, set(modules)) - {name} for name, tree in modules.items()}
    done: set[str] = set()

    def visit(name: str, path: list[str]) -> None:
        if name in path:
            raise AssertionError("circle of imports: " + " -> ".join([*path[path.index(name) :], name]))
        if name in done:
            return
        for imported in sorted(graph[name]):
            visit(imported, [*path, name])
        done.add(name)

    for name in sorted(graph):
        visit(name, [])


def test_no_function_imports_app_modules_but_on_purpose():
    found = set()
    for path in sorted(APP.rglob("*.py")):
        for function in ast.walk(ast.parse(path.read_text())):
            if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            for node in ast.walk(function):
                if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("app"):
                    module = f"app.{node.names[0].name}" if node.module == "app" else node.module
                elif isinstance(node, ast.Import) and node.names[0].name.startswith("app"):
                    module = node.names[0].name
                else:
                    continue
                where = str(path.relative_to(APP.parent))
                # Two artifact modules import db tables in a function (no circle, nothing to break).
                if (where, module) not in DEFERRED_ON_PURPOSE and module != "app.db.tables":
                    found.add(f"{where}:{node.lineno} imports {module}")
    assert sorted(found) == []


def test_the_types_are_registered_by_their_own_modules():
    assert (refs.PROJECT.type, refs.RUN.type, refs.USER.type, refs.TEAM.type) == (Project, Run, User, Team)


def test_a_reference_refuses_another_class_and_names_its_module_until_defined():
    ref = refs.TypeRef("Project", "app.api.types.project")
    with pytest.raises(RuntimeError, match="Project is built before app.api.types.project was imported"):
        _ = ref.type
    with pytest.raises(TypeError, match="app.api.types.run.Run is not app.api.types.project.Project"):
        ref.define(Run)
    assert ref.define(Project) is Project and ref.type is Project
