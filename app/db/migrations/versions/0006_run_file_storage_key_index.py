"""run_file.storage_key indexed: the storage routes and sweep ask "does a row still reference this key?"

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01 10:20:00
"""

from typing import Sequence, Union

from alembic import op


revision: str = "0006"
down_revision: Union[str, None] = "0005"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table("run_file", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_run_file_storage_key"), ["storage_key"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("run_file", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_run_file_storage_key"))
