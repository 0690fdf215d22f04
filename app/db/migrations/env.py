"""Alembic environment: runs migrations on the async engine named by the config."""

from __future__ import annotations

import asyncio
import warnings

from alembic import context
from sqlalchemy.engine import Connection

from app.db.engine import make_engine
from app.db.tables import metadata

config = context.config

# On SQLite a batch operation reflects the tables a changed table refers to; the entity table's
# lower(name) index (migration 0009) is an expression SQLAlchemy cannot reflect, and says so on every
# start. No migration recreates the entity table, so the index is never lost; the warning is noise.
warnings.filterwarnings("ignore", message="Skipped unsupported reflection of expression-based index")


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


async def _run_async() -> None:
    engine = make_engine(config.get_main_option("sqlalchemy.url"))
    try:
        async with engine.connect() as connection:
            await connection.run_sync(_run)
            await connection.commit()
    finally:
        await engine.dispose()


connection = config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:
    asyncio.run(_run_async())
