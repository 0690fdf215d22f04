"""The committed schema.graphql is the served schema; migrations build exactly the models."""

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from app.api.schema import schema
from app.db.engine import make_engine
from app.db.tables import metadata

ROOT = Path(__file__).resolve().parent.parent


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
