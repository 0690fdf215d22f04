"""The committed schema.graphql is the served schema; migrations build exactly the models."""

import ast
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from app.api.schema import schema
from app.db.engine import make_engine
from app.db.tables import metadata

ROOT = Path(__file__).resolve().parents[2]


def test_schema_file_matches_served_schema():
    committed = (ROOT / "schema.graphql").read_text().strip()
    assert committed == str(schema).strip(), "schema.graphql is stale: run `make schema` and commit it"


async def test_migrations_match_models(database_url):
    engine = make_engine(database_url)
    try:
        async with engine.connect() as connection:
            diff = await connection.run_sync(
                lambda sync: compare_metadata(MigrationContext.configure(sync, opts={"compare_type": False}), metadata)
            )
    finally:
        await engine.dispose()
    assert diff == [], f"models and migrations differ: {diff}"


def test_migrations_import_nothing_of_the_domain():
    """A migration must do the same whatever the domain later becomes: it carries a frozen copy of
    the rules it applies (0002 indexes run values with its own copy of run_values.leaves)."""
    offenders = []
    for path in sorted((ROOT / "app" / "db" / "migrations" / "versions").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text())):
            names = (
                [alias.name for alias in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else []
            )
            offenders += [
                f"{path.name}: {name}"
                for name in names
                if name.startswith("app.") and not name.startswith("app.db.types")
            ]
    assert offenders == [], f"migrations import the application: {offenders}"
