"""history_row.data as json (validated text) instead of jsonb on PostgreSQL

Writing a history chunk no longer parses every line into JSONB; reads take the lines as text.
SQLite stores JSON as text already: nothing changes there.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25 19:10:00
"""

from typing import Sequence, Union

from alembic import op


revision: str = "0003"
down_revision: Union[str, None] = "0002"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("ALTER TABLE history_row ALTER COLUMN data TYPE json USING data::json")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("ALTER TABLE history_row ALTER COLUMN data TYPE jsonb USING data::jsonb")
