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


def regenerate_initial(url: str) -> None:
    """Developer tool: rewrite the initial revision from the models (before the first release)."""
    for old in (MIGRATIONS_DIR / "versions").glob("0001_*.py"):
        old.unlink()
    command.revision(alembic_config(url), message="initial", autogenerate=True, rev_id="0001")
