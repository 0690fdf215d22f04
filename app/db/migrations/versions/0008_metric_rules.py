"""metric rules, rule alerts, rule state, verdicts, webhooks, their deliveries and the job queue

The alert table of wandb.alert gains the rule's columns; its rows become CLIENT alerts. A run keeps
its rules' incremental states (run.rule_states), a project the version of its rules.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01 09:45:24.083949
"""

from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa
import app.db.types


revision: str = "0008"
down_revision: Union[str, None] = "0007"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table(
        "job",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True, nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("payload", app.db.types.JSONValue(), nullable=False),
        sa.Column("run_at", app.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("locked_until", app.db.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("finished_at", app.db.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("unique_key", sa.String(length=128), nullable=True),
        sa.Column("created_at", app.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("unique_key"),
    )
    with op.batch_alter_table("job", schema=None) as batch_op:
        batch_op.create_index("ix_job_due", ["finished_at", "run_at"], unique=False)

    op.create_table(
        "metric_rule",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True, nullable=False),
        sa.Column("project_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("name", sa.String(length=128), nullable=False),
        sa.Column("metric", sa.String(length=512), nullable=False),
        sa.Column("direction", sa.String(length=20), nullable=False),
        sa.Column("comparison", sa.String(length=20), nullable=False),
        sa.Column("threshold", sa.Float(), nullable=True),
        sa.Column("tolerance", sa.Float(), nullable=False),
        sa.Column("tolerance_kind", sa.String(length=10), nullable=False),
        sa.Column("window", sa.Integer(), nullable=False),
        sa.Column("aggregate", sa.String(length=4), nullable=False),
        sa.Column("warmup_steps", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("baseline_filters", app.db.types.JSONValue(), nullable=True),
        sa.Column("scope", app.db.types.JSONValue(), nullable=True),
        sa.Column("detect_non_finite", sa.Boolean(), nullable=False),
        sa.Column("detect_failed", sa.Boolean(), nullable=False),
        sa.Column("stall_minutes", sa.Integer(), nullable=True),
        sa.Column("created_by_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True),
        sa.Column("created_at", app.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", app.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["created_by_id"], ["user_account.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["project_id"], ["project.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("project_id", "name"),
    )
    op.create_table(
        "webhook",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True, nullable=False),
        sa.Column("entity_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("project_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True),
        sa.Column("url", sa.String(length=2048), nullable=False),
        sa.Column("secret", sa.String(length=256), nullable=False),
        sa.Column("format", sa.String(length=8), nullable=False),
        sa.Column("event_kinds", app.db.types.JSONValue(), nullable=False),
        sa.Column("created_by_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True),
        sa.Column("created_at", app.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["created_by_id"], ["user_account.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["entity_id"], ["entity.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["project_id"], ["project.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("webhook", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_webhook_entity_id"), ["entity_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_webhook_project_id"), ["project_id"], unique=False)

    op.create_table(
        "rule_state",
        sa.Column("rule_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("run_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("in_scope", sa.Boolean(), nullable=False),
        sa.Column("state", app.db.types.JSONValue(), nullable=False),
        sa.Column("open_alert_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True),
        sa.Column("snoozed_until", app.db.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("last_value_at", app.db.types.UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["rule_id"], ["metric_rule.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["run_id"], ["run.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("rule_id", "run_id"),
    )
    with op.batch_alter_table("rule_state", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_rule_state_run_id"), ["run_id"], unique=False)

    op.create_table(
        "rule_verdict",
        sa.Column("rule_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("run_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("verdict", sa.String(length=8), nullable=False),
        sa.Column("value", sa.Float(), nullable=True),
        sa.Column("baseline_value", sa.Float(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("created_at", app.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["rule_id"], ["metric_rule.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["run_id"], ["run.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("rule_id", "run_id"),
    )
    with op.batch_alter_table("rule_verdict", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_rule_verdict_run_id"), ["run_id"], unique=False)

    op.create_table(
        "webhook_delivery",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True, nullable=False),
        sa.Column("webhook_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("job_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True),
        sa.Column("event", sa.String(length=32), nullable=False),
        sa.Column("alert_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True),
        sa.Column("attempt", sa.Integer(), nullable=False),
        sa.Column("status_code", sa.Integer(), nullable=True),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("delivered", sa.Boolean(), nullable=False),
        sa.Column("duration_ms", sa.Float(), nullable=True),
        sa.Column("next_attempt_at", app.db.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("created_at", app.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["webhook_id"], ["webhook.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("webhook_delivery", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_webhook_delivery_job_id"), ["job_id"], unique=False)
        batch_op.create_index("ix_webhook_delivery_webhook", ["webhook_id", "id"], unique=False)

    with op.batch_alter_table("project", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "rules_version",
                sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
                server_default="0",
                nullable=False,
            )
        )
    with op.batch_alter_table("run", schema=None) as batch_op:
        batch_op.add_column(sa.Column("rule_states", app.db.types.JSONValue(), nullable=True))

    with op.batch_alter_table("alert", schema=None) as batch_op:
        batch_op.add_column(sa.Column("rule_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True))
        batch_op.add_column(sa.Column("kind", sa.String(length=12), nullable=False, server_default="CLIENT"))
        batch_op.add_column(sa.Column("state", sa.String(length=12), nullable=False, server_default="OPEN"))
        batch_op.add_column(sa.Column("step", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True))
        batch_op.add_column(sa.Column("value", sa.Float(), nullable=True))
        batch_op.add_column(sa.Column("baseline_value", sa.Float(), nullable=True))
        batch_op.add_column(sa.Column("difference", sa.Float(), nullable=True))
        batch_op.add_column(sa.Column("resolved_at", app.db.types.UTCDateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("acknowledged_at", app.db.types.UTCDateTime(timezone=True), nullable=True))
        batch_op.add_column(
            sa.Column("acknowledged_by_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True)
        )
        batch_op.add_column(sa.Column("snoozed_until", app.db.types.UTCDateTime(timezone=True), nullable=True))
        batch_op.create_index("ix_alert_rule_run", ["rule_id", "run_id"], unique=False)
        batch_op.create_foreign_key("fk_alert_rule_id", "metric_rule", ["rule_id"], ["id"], ondelete="SET NULL")
        batch_op.create_foreign_key(
            "fk_alert_acknowledged_by_id", "user_account", ["acknowledged_by_id"], ["id"], ondelete="SET NULL"
        )
    with op.batch_alter_table("alert", schema=None) as batch_op:
        # The defaults served only the rows already there; new rows get theirs from the model.
        batch_op.alter_column("kind", server_default=None)
        batch_op.alter_column("state", server_default=None)


def downgrade() -> None:
    with op.batch_alter_table("run", schema=None) as batch_op:
        batch_op.drop_column("rule_states")
    with op.batch_alter_table("project", schema=None) as batch_op:
        batch_op.drop_column("rules_version")
    with op.batch_alter_table("alert", schema=None) as batch_op:
        batch_op.drop_constraint("fk_alert_acknowledged_by_id", type_="foreignkey")
        batch_op.drop_constraint("fk_alert_rule_id", type_="foreignkey")
        batch_op.drop_index("ix_alert_rule_run")
        batch_op.drop_column("snoozed_until")
        batch_op.drop_column("acknowledged_by_id")
        batch_op.drop_column("acknowledged_at")
        batch_op.drop_column("resolved_at")
        batch_op.drop_column("difference")
        batch_op.drop_column("baseline_value")
        batch_op.drop_column("value")
        batch_op.drop_column("step")
        batch_op.drop_column("state")
        batch_op.drop_column("kind")
        batch_op.drop_column("rule_id")

    with op.batch_alter_table("webhook_delivery", schema=None) as batch_op:
        batch_op.drop_index("ix_webhook_delivery_webhook")
        batch_op.drop_index(batch_op.f("ix_webhook_delivery_job_id"))

    op.drop_table("webhook_delivery")
    with op.batch_alter_table("rule_verdict", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_rule_verdict_run_id"))

    op.drop_table("rule_verdict")
    with op.batch_alter_table("rule_state", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_rule_state_run_id"))

    op.drop_table("rule_state")
    with op.batch_alter_table("webhook", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_webhook_project_id"))
        batch_op.drop_index(batch_op.f("ix_webhook_entity_id"))

    op.drop_table("webhook")
    op.drop_table("metric_rule")
    with op.batch_alter_table("job", schema=None) as batch_op:
        batch_op.drop_index("ix_job_due")

    op.drop_table("job")
