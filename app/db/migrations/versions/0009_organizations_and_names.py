"""organizations above teams; names up to 128 characters, unique ignoring case; what the test-fixture service made

Revision ID: 0009
Revises: 0006
Create Date: 2026-12-01 10:15:00
"""

from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa

import app.db.types


revision: str = "0009"
down_revision: Union[str, None] = "0006"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

BIG_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
UTC = app.db.types.UTCDateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "organization",
        sa.Column("id", BIG_ID, autoincrement=True, nullable=False),
        sa.Column("name", sa.String(length=128), nullable=False),
        sa.Column("fixture", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("created_at", UTC, nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("name"),
    )
    op.create_table(
        "organization_member",
        sa.Column("id", BIG_ID, autoincrement=True, nullable=False),
        sa.Column("organization_id", BIG_ID, nullable=False),
        sa.Column("user_id", BIG_ID, nullable=False),
        sa.Column("role", sa.String(length=8), nullable=False),
        sa.Column("created_at", UTC, nullable=False),
        sa.ForeignKeyConstraint(["organization_id"], ["organization.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["user_id"], ["user_account.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("organization_id", "user_id"),
    )
    op.create_index("ix_organization_member_user_id", "organization_member", ["user_id"])
    # Plain ADD COLUMN, never a batch copy: on SQLite, recreating entity would drop the old table, and
    # with foreign keys on that deletes every project and run by cascade.
    sqlite = op.get_bind().dialect.name == "sqlite"
    if sqlite:
        op.execute("ALTER TABLE entity ADD COLUMN organization_id INTEGER REFERENCES organization (id)")
    else:
        op.add_column("entity", sa.Column("organization_id", BIG_ID, nullable=True))
        op.create_foreign_key("fk_entity_organization_id", "entity", "organization", ["organization_id"], ["id"])
    op.add_column("entity", sa.Column("fixture", sa.Boolean(), nullable=False, server_default=sa.false()))
    op.create_index("ix_entity_organization_id", "entity", ["organization_id"])
    op.add_column("api_key", sa.Column("fixture", sa.Boolean(), nullable=False, server_default=sa.false()))
    if not sqlite:
        # SQLite does not enforce VARCHAR lengths.
        op.execute("ALTER TABLE entity ALTER COLUMN name TYPE varchar(128)")
        op.execute("ALTER TABLE user_account ALTER COLUMN username TYPE varchar(128)")
    op.create_index("uq_entity_name_lower", "entity", [sa.text("lower(name)")], unique=True)


def downgrade() -> None:
    op.drop_index("uq_entity_name_lower", table_name="entity")
    op.drop_index("ix_entity_organization_id", table_name="entity")
    if op.get_bind().dialect.name == "sqlite":
        # Dropping a column that holds a foreign key takes a table copy on SQLite, which would cascade
        # deletes (see upgrade): entity.organization_id, entity.fixture and api_key.fixture stay, unused.
        op.execute("UPDATE entity SET organization_id = NULL")
    else:
        op.drop_column("api_key", "fixture")
        op.drop_constraint("fk_entity_organization_id", "entity", type_="foreignkey")
        op.drop_column("entity", "fixture")
        op.drop_column("entity", "organization_id")
    op.drop_index("ix_organization_member_user_id", table_name="organization_member")
    op.drop_table("organization_member")
    op.drop_table("organization")
