"""artifacts: types, collections, versions, aliases, memberships, files, uses, blobs

Revision ID: 0007
Revises: 0010
Create Date: 2026-12-01 09:45:24.513352
"""

from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa
import sqlmodel
import app.db.types


revision: str = "0007"
down_revision: Union[str, None] = "0010"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:

    op.create_table(
        "blob",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True, nullable=False),
        sa.Column("md5", sa.String(length=32), nullable=False),
        sa.Column("size", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True),
        sa.Column("storage_key", sa.String(length=256), nullable=False),
        sa.Column("created_at", app.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("uploaded_at", app.db.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("released_at", app.db.types.UTCDateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("md5"),
        sa.UniqueConstraint("storage_key"),
    )
    with op.batch_alter_table("blob", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_blob_released_at"), ["released_at"], unique=False)
    op.create_table(
        "artifact_type",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True, nullable=False),
        sa.Column("project_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("name", sa.String(length=128), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("created_at", app.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["project_id"], ["project.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("project_id", "name"),
    )
    op.create_table(
        "artifact_collection",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True, nullable=False),
        sa.Column("project_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("type_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("name", sa.String(length=128), nullable=False),
        sa.Column("kind", sa.String(length=9), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("tags", app.db.types.JSONValue(), nullable=True),
        sa.Column("client_id", sa.String(length=128), nullable=True),
        sa.Column("created_at", app.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", app.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["project_id"], ["project.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["type_id"], ["artifact_type.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("project_id", "name"),
    )
    with op.batch_alter_table("artifact_collection", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_artifact_collection_client_id"), ["client_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_artifact_collection_type_id"), ["type_id"], unique=False)

    op.create_table(
        "artifact",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True, nullable=False),
        sa.Column("collection_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("type_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("version_index", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("digest_algorithm", sa.String(length=24), nullable=False),
        sa.Column("state", sa.String(length=9), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("metadata", app.db.types.JSONValue(), nullable=True),
        sa.Column("labels", app.db.types.JSONValue(), nullable=True),
        sa.Column("requested_aliases", app.db.types.JSONValue(), nullable=True),
        sa.Column("run_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True),
        sa.Column("history_step", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True),
        sa.Column("ttl_duration_seconds", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True),
        sa.Column("client_id", sa.String(length=128), nullable=True),
        sa.Column("base_artifact_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True),
        sa.Column("manifest_type", sa.String(length=12), nullable=True),
        sa.Column("manifest_blob_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True),
        sa.Column("distributed_id", sa.String(length=128), nullable=True),
        sa.Column("patch_blob_ids", app.db.types.JSONValue(), nullable=True),
        sa.Column("size", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("file_count", sa.Integer(), nullable=False),
        sa.Column("created_by_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True),
        sa.Column("created_at", app.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", app.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("committed_at", app.db.types.UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["base_artifact_id"], ["artifact.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["collection_id"], ["artifact_collection.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["created_by_id"], ["user_account.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["manifest_blob_id"], ["blob.id"], ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(["run_id"], ["run.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["type_id"], ["artifact_type.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("collection_id", "version_index"),
    )
    with op.batch_alter_table("artifact", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_artifact_client_id"), ["client_id"], unique=False)
        batch_op.create_index("ix_artifact_collection_digest", ["collection_id", "digest"], unique=False)
        batch_op.create_index(batch_op.f("ix_artifact_manifest_blob_id"), ["manifest_blob_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_artifact_run_id"), ["run_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_artifact_type_id"), ["type_id"], unique=False)

    op.create_table(
        "artifact_alias",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True, nullable=False),
        sa.Column("collection_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("artifact_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("alias", sa.String(length=128), nullable=False),
        sa.Column("created_at", app.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["artifact_id"], ["artifact.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["collection_id"], ["artifact_collection.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("collection_id", "alias"),
    )
    with op.batch_alter_table("artifact_alias", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_artifact_alias_artifact_id"), ["artifact_id"], unique=False)

    op.create_table(
        "artifact_file",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True, nullable=False),
        sa.Column("artifact_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("path", sa.String(length=1024), nullable=False),
        sa.Column("size", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True),
        sa.Column("digest", sa.String(length=128), nullable=False),
        sa.Column("blob_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True),
        sa.Column("ref", sa.Text(), nullable=True),
        sa.Column("birth_artifact_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True),
        sa.Column("mimetype", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("extra", app.db.types.JSONValue(), nullable=True),
        sa.Column("created_at", app.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["artifact_id"], ["artifact.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["blob_id"], ["blob.id"], ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("artifact_id", "path"),
    )
    with op.batch_alter_table("artifact_file", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_artifact_file_blob_id"), ["blob_id"], unique=False)

    op.create_table(
        "artifact_membership",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True, nullable=False),
        sa.Column("collection_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("artifact_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("version_index", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("created_at", app.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["artifact_id"], ["artifact.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["collection_id"], ["artifact_collection.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("collection_id", "artifact_id"),
        sa.UniqueConstraint("collection_id", "version_index"),
    )
    with op.batch_alter_table("artifact_membership", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_artifact_membership_artifact_id"), ["artifact_id"], unique=False)

    op.create_table(
        "artifact_use",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True, nullable=False),
        sa.Column("run_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("artifact_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("used_as", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("created_at", app.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["artifact_id"], ["artifact.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["run_id"], ["run.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("run_id", "artifact_id"),
    )
    with op.batch_alter_table("artifact_use", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_artifact_use_artifact_id"), ["artifact_id"], unique=False)


def downgrade() -> None:

    with op.batch_alter_table("artifact_use", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_artifact_use_artifact_id"))

    op.drop_table("artifact_use")
    with op.batch_alter_table("artifact_membership", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_artifact_membership_artifact_id"))

    op.drop_table("artifact_membership")
    with op.batch_alter_table("artifact_file", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_artifact_file_blob_id"))

    op.drop_table("artifact_file")
    with op.batch_alter_table("artifact_alias", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_artifact_alias_artifact_id"))

    op.drop_table("artifact_alias")
    with op.batch_alter_table("artifact", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_artifact_type_id"))
        batch_op.drop_index(batch_op.f("ix_artifact_run_id"))
        batch_op.drop_index(batch_op.f("ix_artifact_manifest_blob_id"))
        batch_op.drop_index("ix_artifact_collection_digest")
        batch_op.drop_index(batch_op.f("ix_artifact_client_id"))

    op.drop_table("artifact")
    with op.batch_alter_table("artifact_collection", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_artifact_collection_type_id"))
        batch_op.drop_index(batch_op.f("ix_artifact_collection_client_id"))

    op.drop_table("artifact_collection")
    op.drop_table("artifact_type")
    with op.batch_alter_table("blob", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_blob_released_at"))
    op.drop_table("blob")
