"""Run Alembic migrations programmatically (at start-up and from ``python -m app migrate``)."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.ext.asyncio import AsyncEngine

MIGRATIONS_DIR = Path(__file__).parent / "migrations"


def alembic_config(url: str | None = None) -> Config:
    config = Config(str(MIGRATIONS_DIR / "alembic.ini"))
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if url:
        config.set_main_option("sqlalchemy.url", url)
    return config


async def upgrade(engine: AsyncEngine) -> None:
    async with engine.begin() as connection:
        await connection.run_sync(_upgrade_sync)


def _upgrade_sync(connection) -> None:
    config = alembic_config()
    config.attributes["connection"] = connection
    command.upgrade(config, "head")


async def is_current(engine: AsyncEngine) -> bool:
    """True when the database is at the newest revision (readiness check)."""
    async with engine.connect() as connection:
        current = await connection.run_sync(lambda c: MigrationContext.configure(c).get_current_heads())
    head = ScriptDirectory.from_config(alembic_config()).get_heads()
    return set(current) == set(head)


def new_revision(url: str, message: str) -> None:
    """Developer tool: write the next revision from the difference between the models and a scratch
    database at the current head."""
    config = alembic_config(url)
    command.upgrade(config, "head")
    heads = ScriptDirectory.from_config(config).get_heads()
    rev_id = f"{int(heads[0]) + 1:04d}"
    command.revision(config, message=message, autogenerate=True, rev_id=rev_id)


async def is_initialized(engine: AsyncEngine) -> bool:
    """True when Labbook's migrations have run on this database at least once."""
    async with engine.connect() as connection:
        current = await connection.run_sync(lambda c: MigrationContext.configure(c).get_current_heads())
    return bool(current)
