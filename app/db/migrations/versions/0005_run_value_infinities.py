"""Infinities in the value index as numbers

Config and summary documents spell non-finite numbers as the strings "Infinity" and "-Infinity";
the value index now holds those as the numbers they stand for, so filters and sorts compare them
with other numbers. Rows indexed before hold them as text: convert them. (NaN stays the text
"NaN".)

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01 10:20:00
"""

from typing import Sequence, Union

from alembic import op


revision: str = "0005"
down_revision: Union[str, None] = "0004"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

# SQLite reads a literal past the double range as an infinity.
_INFINITY = {"postgresql": "'Infinity'::float8", "sqlite": "9e999"}


def upgrade() -> None:
    infinity = _INFINITY[op.get_bind().dialect.name]
    op.execute(f"UPDATE run_value SET number = {infinity}, text = NULL WHERE text = 'Infinity'")
    op.execute(f"UPDATE run_value SET number = -{infinity}, text = NULL WHERE text = '-Infinity'")


def downgrade() -> None:
    infinity = _INFINITY[op.get_bind().dialect.name]
    op.execute(f"UPDATE run_value SET text = 'Infinity', number = NULL WHERE number = {infinity}")
    op.execute(f"UPDATE run_value SET text = '-Infinity', number = NULL WHERE number = -{infinity}")
