"""artifact.expires_at: when a version's TTL runs out (created_at + ttlDurationSeconds), indexed for the
expiry sweep; versions that already have a TTL get theirs.

Revision ID: 0011
Revises: 0008
Create Date: 2026-12-01 13:20:00
"""

from datetime import timedelta
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa
import app.db.types


revision: str = "0011"
down_revision: Union[str, None] = "0008"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table("artifact", schema=None) as batch_op:
        batch_op.add_column(sa.Column("expires_at", app.db.types.UTCDateTime(timezone=True), nullable=True))
        batch_op.create_index(batch_op.f("ix_artifact_expires_at"), ["expires_at"], unique=False)
    connection = op.get_bind()
    artifact = sa.table(
        "artifact",
        sa.column("id", sa.BigInteger()),
        sa.column("created_at", app.db.types.UTCDateTime()),
        sa.column("ttl_duration_seconds", sa.BigInteger()),
        sa.column("expires_at", app.db.types.UTCDateTime()),
    )
    rows = connection.execute(
        sa.select(artifact.c.id, artifact.c.created_at, artifact.c.ttl_duration_seconds).where(
            artifact.c.ttl_duration_seconds > 0
        )
    ).all()
    for row in rows:
        connection.execute(
            artifact.update()
            .where(artifact.c.id == row.id)
            .values(expires_at=row.created_at + timedelta(seconds=row.ttl_duration_seconds))
        )


def downgrade() -> None:
    with op.batch_alter_table("artifact", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_artifact_expires_at"))
        batch_op.drop_column("expires_at")
