"""run.last_step as a 64-bit integer on PostgreSQL, as history_row.step already is

A step past 2**31 was stored in history but refused for the run's last step. SQLite's INTEGER is
64-bit already: nothing changes there.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26 00:50:00
"""

from typing import Sequence, Union

from alembic import op


revision: str = "0004"
down_revision: Union[str, None] = "0003"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("ALTER TABLE run ALTER COLUMN last_step TYPE bigint")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("ALTER TABLE run ALTER COLUMN last_step TYPE integer")
