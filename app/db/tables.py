"""Tables. Metadata only; history, events and console lines are append-only rows keyed by
(run, line offset) so that a resent chunk overwrites instead of duplicating."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Column, Float, ForeignKey, Index, String, Text, UniqueConstraint, func
from sqlmodel import Field, SQLModel

from app.db.types import BigIntId, JSONText, JSONValue, UTCDateTime, utcnow


def _id() -> Any:
    return Field(default=None, sa_column=Column(BigIntId, primary_key=True, autoincrement=True))


def _fk(target: str, *, nullable: bool = False, index: bool = True, ondelete: str | None = "CASCADE") -> Any:
    return Field(
        default=None,
        sa_column=Column(BigIntId, ForeignKey(target, ondelete=ondelete), nullable=nullable, index=index),
    )


def _ts(*, nullable: bool = False, index: bool = False) -> Any:
    return Field(
        default_factory=None if nullable else utcnow,
        sa_column=Column(UTCDateTime, nullable=nullable, index=index),
    )


def _json(*, nullable: bool = False) -> Any:
    return Field(default=None, sa_column=Column(JSONValue, nullable=nullable))


NAME_LENGTH = 128  # entity, user and organization names (app/domain/names.py)


class Organization(SQLModel, table=True):
    """W&B's layer above teams: teams belong to one organization, people are its members."""

    __tablename__ = "organization"
    id: int | None = _id()
    name: str = Field(sa_column=Column(String(NAME_LENGTH), unique=True, nullable=False))
    fixture: bool = False  # made by the test-fixture service, which may delete only what it made
    created_at: datetime = _ts()


class OrganizationMember(SQLModel, table=True):
    __tablename__ = "organization_member"
    __table_args__ = (UniqueConstraint("organization_id", "user_id"),)
    id: int | None = _id()
    organization_id: int = _fk("organization.id", index=False)
    user_id: int = _fk("user_account.id")
    role: str = Field(sa_column=Column(String(8), nullable=False))  # ADMIN | MEMBER | VIEWER
    created_at: datetime = _ts()


class Entity(SQLModel, table=True):
    """One namespace for users and teams; ``name`` is immutable, kept as given and unique ignoring case."""

    __tablename__ = "entity"
    __table_args__ = (Index("uq_entity_name_lower", func.lower(Column("name")), unique=True),)
    id: int | None = _id()
    name: str = Field(sa_column=Column(String(NAME_LENGTH), unique=True, nullable=False))
    kind: str = Field(sa_column=Column(String(8), nullable=False))  # user | team
    default_access: str = Field(default="PRIVATE", sa_column=Column(String(16), nullable=False))
    private_only: bool = False
    code_saving_enabled: bool = True
    storage_region: str = Field(default="default", sa_column=Column(String(64), nullable=False))
    members_can_invite: bool = False
    # A team's organization (none for personal entities and teams made outside one). No ON DELETE
    # action: SQLite reflects none for a column added later, so deleting an organization clears it first.
    organization_id: int | None = _fk("organization.id", nullable=True, ondelete=None)
    fixture: bool = False  # made by the test-fixture service, which may delete only what it made
    created_at: datetime = _ts()


class User(SQLModel, table=True):
    __tablename__ = "user_account"
    id: int | None = _id()
    entity_id: int = Field(
        sa_column=Column(BigIntId, ForeignKey("entity.id", ondelete="CASCADE"), unique=True, nullable=False)
    )
    username: str = Field(sa_column=Column(String(NAME_LENGTH), unique=True, nullable=False))
    email: str | None = Field(default=None, sa_column=Column(String(320), unique=True, nullable=True))
    full_name: str | None = None
    account_type: str = Field(default="USER", sa_column=Column(String(8), nullable=False))  # USER | SERVICE
    is_admin: bool = False
    default_entity_id: int | None = _fk("entity.id", nullable=True, index=False, ondelete="SET NULL")
    created_at: datetime = _ts()
    deleted_at: datetime | None = _ts(nullable=True)
    # argon2id (domain.passwords); null: the person signs in with an API key only.
    password_hash: str | None = Field(default=None, sa_column=Column(String(255), nullable=True))


class Membership(SQLModel, table=True):
    __tablename__ = "membership"
    __table_args__ = (UniqueConstraint("team_id", "user_id"),)
    id: int | None = _id()
    team_id: int = _fk("entity.id")
    user_id: int = _fk("user_account.id")
    role: str = Field(sa_column=Column(String(8), nullable=False))  # ADMIN | MEMBER | VIEWER | SERVICE
    created_at: datetime = _ts()


class Invite(SQLModel, table=True):
    __tablename__ = "invite"
    id: int | None = _id()
    team_id: int = _fk("entity.id")
    email: str | None = Field(default=None, sa_column=Column(String(320), nullable=True, index=True))
    invitee_id: int | None = _fk("user_account.id", nullable=True)
    role: str = Field(sa_column=Column(String(8), nullable=False))
    inviter_id: int | None = _fk("user_account.id", nullable=True, ondelete="SET NULL")
    state: str = Field(default="PENDING", sa_column=Column(String(10), nullable=False))  # PENDING|ACCEPTED|REVOKED
    created_at: datetime = _ts()
    updated_at: datetime = _ts()


class ApiKey(SQLModel, table=True):
    __tablename__ = "api_key"
    id: int | None = _id()
    user_id: int = _fk("user_account.id")
    prefix: str = Field(sa_column=Column(String(24), nullable=False))
    description: str | None = None
    secret_hash: str = Field(sa_column=Column(String(128), unique=True, nullable=False))
    # Service-account keys are derived from the server secret and this nonce, so team admins can
    # read them back (members{apiKey}) while the database holds no secret.
    derivation_nonce: str | None = Field(default=None, sa_column=Column(String(64), nullable=True))
    # Made by the test-fixture service (its secret is the username): usable only while that service is on.
    fixture: bool = False
    created_at: datetime = _ts()
    last_used_at: datetime | None = _ts(nullable=True)
    revoked_at: datetime | None = _ts(nullable=True)
    expires_at: datetime | None = _ts(nullable=True)


class WebSession(SQLModel, table=True):
    """A signed-in browser: the cookie holds the token, the row only its SHA-256."""

    __tablename__ = "web_session"
    id: int | None = _id()
    user_id: int = _fk("user_account.id")
    token_hash: str = Field(sa_column=Column(String(64), unique=True, nullable=False))
    created_at: datetime = _ts()
    expires_at: datetime = Field(sa_column=Column(UTCDateTime, nullable=False, index=True))


class Project(SQLModel, table=True):
    __tablename__ = "project"
    __table_args__ = (UniqueConstraint("entity_id", "name"),)
    id: int | None = _id()
    entity_id: int = _fk("entity.id")
    name: str = Field(sa_column=Column(String(128), nullable=False))
    description: str | None = None
    access: str = Field(default="PRIVATE", sa_column=Column(String(16), nullable=False))
    created_by_id: int | None = _fk("user_account.id", nullable=True, ondelete="SET NULL")
    baseline_run_id: int | None = Field(default=None, sa_column=Column(BigIntId, nullable=True))
    # Replaced by every change of the project's metric rules: their per-process caches key on it.
    rules_version: int = Field(default=0, sa_column=Column(BigIntId, nullable=False, server_default="0"))
    created_at: datetime = _ts()
    updated_at: datetime = _ts()


class ProjectMember(SQLModel, table=True):
    """People added to a RESTRICTED project."""

    __tablename__ = "project_member"
    __table_args__ = (UniqueConstraint("project_id", "user_id"),)
    id: int | None = _id()
    project_id: int = _fk("project.id")
    user_id: int = _fk("user_account.id")


class Run(SQLModel, table=True):
    __tablename__ = "run"
    __table_args__ = (
        UniqueConstraint("project_id", "name"),
        Index("ix_run_project_created", "project_id", "created_at", "id"),
    )
    id: int | None = _id()
    project_id: int = _fk("project.id", index=False)
    name: str = Field(sa_column=Column(String(128), nullable=False))
    display_name: str | None = None
    notes: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    description: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    state: str = Field(default="running", sa_column=Column(String(12), nullable=False))
    config: Any = _json()
    summary: Any = _json()
    tags: Any = _json()
    group_name: str | None = None
    job_type: str | None = None
    sweep_name: str | None = None
    host: str | None = None
    program: str | None = None
    git_commit: str | None = None
    git_remote: str | None = None
    created_by_id: int | None = _fk("user_account.id", nullable=True, ondelete="SET NULL")
    user_id: int | None = _fk("user_account.id", nullable=True, ondelete="SET NULL")
    service_account_id: int | None = _fk("user_account.id", nullable=True, ondelete="SET NULL")
    created_at: datetime = _ts()
    updated_at: datetime = _ts()
    heartbeat_at: datetime = _ts()
    exit_code: int | None = None
    stop_requested: bool = False
    history_line_count: int = 0
    events_line_count: int = 0
    log_line_count: int = 0
    last_step: int | None = Field(default=None, sa_column=Column(BigIntId, nullable=True))  # as history_row.step
    history_keys: Any = _json()  # {"key": {"type": count}} kept up to date on ingest
    system_metrics: Any = _json()  # the latest system-metrics line
    rule_states: Any = _json(nullable=True)  # {rule id: the rule's incremental state} (app/domain/rules.py)


class RunValue(SQLModel, table=True):
    """One number or string of a run's config or summary, by its key path: filters and sorts on
    any key read this index instead of every run's JSON document (app/domain/run_values.py)."""

    __tablename__ = "run_value"
    __table_args__ = (
        # run_id last: filters and sorts read (run, number) from index-only scans.
        Index("ix_run_value_key", "project_id", "section", "path", "number", "run_id"),
        {"sqlite_with_rowid": False},
    )
    run_id: int = Field(sa_column=Column(BigIntId, ForeignKey("run.id", ondelete="CASCADE"), primary_key=True))
    section: str = Field(sa_column=Column(String(8), primary_key=True))  # config | summary
    path: str = Field(sa_column=Column(String(512), primary_key=True))  # the key path as a JSON array
    project_id: int = Field(sa_column=Column(BigIntId, nullable=False))  # the run's, kept on moves
    number: float | None = Field(default=None, sa_column=Column(Float, nullable=True))
    text: str | None = Field(default=None, sa_column=Column(Text, nullable=True))


class HistoryRow(SQLModel, table=True):
    __tablename__ = "history_row"
    __table_args__ = (Index("ix_history_run_step", "run_id", "step"),)
    run_id: int = Field(sa_column=Column(BigIntId, ForeignKey("run.id", ondelete="CASCADE"), primary_key=True))
    line_no: int = Field(sa_column=Column(BigIntId, primary_key=True, autoincrement=False))
    step: int | None = Field(default=None, sa_column=Column(BigIntId, nullable=True))
    data: Any = Field(default=None, sa_column=Column(JSONText, nullable=False))


class EventRow(SQLModel, table=True):
    """System metrics (wandb-events.jsonl)."""

    __tablename__ = "event_row"
    run_id: int = Field(sa_column=Column(BigIntId, ForeignKey("run.id", ondelete="CASCADE"), primary_key=True))
    line_no: int = Field(sa_column=Column(BigIntId, primary_key=True, autoincrement=False))
    data: Any = _json()


class ConsoleLine(SQLModel, table=True):
    __tablename__ = "console_line"
    run_id: int = Field(sa_column=Column(BigIntId, ForeignKey("run.id", ondelete="CASCADE"), primary_key=True))
    line_no: int = Field(sa_column=Column(BigIntId, primary_key=True, autoincrement=False))
    text: str = Field(sa_column=Column(Text, nullable=False))


class RunFile(SQLModel, table=True):
    __tablename__ = "run_file"
    __table_args__ = (UniqueConstraint("run_id", "name"),)
    id: int | None = _id()
    run_id: int = _fk("run.id", index=False)
    name: str = Field(sa_column=Column(String(1024), nullable=False))
    storage_key: str = Field(sa_column=Column(String(256), nullable=False, index=True))
    size_bytes: int | None = None
    md5: str | None = None
    mimetype: str | None = None
    uploaded: bool = False
    created_at: datetime = _ts()
    updated_at: datetime = _ts()


class Alert(SQLModel, table=True):
    """One alert: raised by the run's code (``wandb.alert``, kind CLIENT, no rule) or opened by a
    metric rule for one episode of a run (kind RULE, NON_FINITE, FAILED or STALLED)."""

    __tablename__ = "alert"
    __table_args__ = (Index("ix_alert_rule_run", "rule_id", "run_id"),)
    id: int | None = _id()
    run_id: int = _fk("run.id")
    rule_id: int | None = _fk("metric_rule.id", nullable=True, index=False, ondelete="SET NULL")
    kind: str = Field(default="CLIENT", sa_column=Column(String(12), nullable=False))
    state: str = Field(default="OPEN", sa_column=Column(String(12), nullable=False))  # OPEN|ACKNOWLEDGED|RESOLVED
    title: str = Field(sa_column=Column(Text, nullable=False))
    text: str = Field(sa_column=Column(Text, nullable=False))
    severity: str = Field(default="INFO", sa_column=Column(String(8), nullable=False))
    wait_duration_ms: int | None = None
    step: int | None = Field(default=None, sa_column=Column(BigIntId, nullable=True))
    value: float | None = Field(default=None, sa_column=Column(Float, nullable=True))
    baseline_value: float | None = Field(default=None, sa_column=Column(Float, nullable=True))
    difference: float | None = Field(default=None, sa_column=Column(Float, nullable=True))
    created_at: datetime = _ts()
    resolved_at: datetime | None = _ts(nullable=True)
    acknowledged_at: datetime | None = _ts(nullable=True)
    acknowledged_by_id: int | None = _fk("user_account.id", nullable=True, index=False, ondelete="SET NULL")
    snoozed_until: datetime | None = _ts(nullable=True)


class MetricRule(SQLModel, table=True):
    """A project's check of one metric of its runs (app/domain/rules.py)."""

    __tablename__ = "metric_rule"
    __table_args__ = (UniqueConstraint("project_id", "name"),)
    id: int | None = _id()
    project_id: int = _fk("project.id", index=False)
    name: str = Field(sa_column=Column(String(128), nullable=False))
    metric: str = Field(sa_column=Column(String(512), nullable=False))
    direction: str = Field(sa_column=Column(String(20), nullable=False))  # LOWER_IS_BETTER | HIGHER_IS_BETTER
    comparison: str = Field(sa_column=Column(String(20), nullable=False))
    threshold: float | None = Field(default=None, sa_column=Column(Float, nullable=True))
    tolerance: float = Field(default=0.0, sa_column=Column(Float, nullable=False))
    tolerance_kind: str = Field(default="ABSOLUTE", sa_column=Column(String(10), nullable=False))
    window: int = 1
    aggregate: str = Field(default="MEAN", sa_column=Column(String(4), nullable=False))
    warmup_steps: int = Field(default=0, sa_column=Column(BigIntId, nullable=False))
    baseline_filters: Any = _json(nullable=True)
    scope: Any = _json(nullable=True)
    detect_non_finite: bool = False
    detect_failed: bool = False
    stall_minutes: int | None = None
    created_by_id: int | None = _fk("user_account.id", nullable=True, index=False, ondelete="SET NULL")
    created_at: datetime = _ts()
    updated_at: datetime = _ts()


class RuleState(SQLModel, table=True):
    """A rule's incremental state for one run: the recent values its window needs, whether an alert
    is open, the last value seen; updated in the file_stream request's transaction."""

    __tablename__ = "rule_state"
    rule_id: int = Field(sa_column=Column(BigIntId, ForeignKey("metric_rule.id", ondelete="CASCADE"), primary_key=True))
    run_id: int = Field(
        sa_column=Column(BigIntId, ForeignKey("run.id", ondelete="CASCADE"), primary_key=True, index=True)
    )
    in_scope: bool = True
    state: Any = _json()  # {"values": [...], "count": n, "step": s, "value": v, "reference": r, "violated": b}
    open_alert_id: int | None = Field(default=None, sa_column=Column(BigIntId, nullable=True))
    snoozed_until: datetime | None = _ts(nullable=True)
    last_value_at: datetime | None = _ts(nullable=True)


class RuleVerdict(SQLModel, table=True):
    """Each rule's verdict on a run when it finishes: PASS, FAIL or NO_DATA."""

    __tablename__ = "rule_verdict"
    rule_id: int = Field(sa_column=Column(BigIntId, ForeignKey("metric_rule.id", ondelete="CASCADE"), primary_key=True))
    run_id: int = Field(
        sa_column=Column(BigIntId, ForeignKey("run.id", ondelete="CASCADE"), primary_key=True, index=True)
    )
    verdict: str = Field(sa_column=Column(String(8), nullable=False))
    value: float | None = Field(default=None, sa_column=Column(Float, nullable=True))
    baseline_value: float | None = Field(default=None, sa_column=Column(Float, nullable=True))
    reason: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    created_at: datetime = _ts()


class Webhook(SQLModel, table=True):
    """Where a team's (project_id None) or a project's alert events are POSTed, signed with ``secret``."""

    __tablename__ = "webhook"
    id: int | None = _id()
    entity_id: int = _fk("entity.id")
    project_id: int | None = _fk("project.id", nullable=True)
    url: str = Field(sa_column=Column(String(2048), nullable=False))
    secret: str = Field(sa_column=Column(String(256), nullable=False))
    format: str = Field(default="JSON", sa_column=Column(String(8), nullable=False))  # JSON | SLACK
    event_kinds: Any = _json()  # ["alert.opened", ...]
    created_by_id: int | None = _fk("user_account.id", nullable=True, index=False, ondelete="SET NULL")
    created_at: datetime = _ts()


class WebhookDelivery(SQLModel, table=True):
    """One attempt to deliver one event to one webhook."""

    __tablename__ = "webhook_delivery"
    __table_args__ = (Index("ix_webhook_delivery_webhook", "webhook_id", "id"),)
    id: int | None = _id()
    webhook_id: int = _fk("webhook.id", index=False)
    job_id: int | None = Field(default=None, sa_column=Column(BigIntId, nullable=True, index=True))
    event: str = Field(sa_column=Column(String(32), nullable=False))
    alert_id: int | None = Field(default=None, sa_column=Column(BigIntId, nullable=True))
    attempt: int = 1
    status_code: int | None = None
    error: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    delivered: bool = False
    duration_ms: float | None = Field(default=None, sa_column=Column(Float, nullable=True))
    next_attempt_at: datetime | None = _ts(nullable=True)
    created_at: datetime = _ts()


class Job(SQLModel, table=True):
    """Background work claimed by exactly one server process (app/domain/jobs.py)."""

    __tablename__ = "job"
    __table_args__ = (Index("ix_job_due", "finished_at", "run_at"),)
    id: int | None = _id()
    kind: str = Field(sa_column=Column(String(32), nullable=False))
    payload: Any = _json()
    run_at: datetime = _ts()
    attempts: int = 0
    locked_until: datetime | None = _ts(nullable=True)
    finished_at: datetime | None = _ts(nullable=True)
    last_error: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    unique_key: str | None = Field(default=None, sa_column=Column(String(128), nullable=True, unique=True))
    created_at: datetime = _ts()


class Blob(SQLModel, table=True):
    """Content stored once per instance, by digest: every artifact file and manifest with the same
    bytes points here. Its storage key is built from the digest alone (``blobs/md5/<hex>``). A blob
    is live while an artifact file or manifest references it and it is not released
    (app/domain/artifact_blobs.py)."""

    __tablename__ = "blob"
    id: int | None = _id()
    md5: str = Field(sa_column=Column(String(32), unique=True, nullable=False))  # hex
    size: int | None = Field(default=None, sa_column=Column(BigIntId, nullable=True))  # None: not uploaded yet
    storage_key: str = Field(sa_column=Column(String(256), unique=True, nullable=False))
    created_at: datetime = _ts()
    uploaded_at: datetime | None = _ts(nullable=True)
    # Set when nothing references the blob any more: its bytes go, then the row (a sweep at start
    # finishes what a crash interrupted).
    released_at: datetime | None = _ts(nullable=True, index=True)


class ArtifactType(SQLModel, table=True):
    __tablename__ = "artifact_type"
    __table_args__ = (UniqueConstraint("project_id", "name"),)
    id: int | None = _id()
    project_id: int = _fk("project.id", index=False)
    name: str = Field(sa_column=Column(String(128), nullable=False))
    description: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    created_at: datetime = _ts()


class ArtifactCollection(SQLModel, table=True):
    """A SEQUENCE (the versions logged under one name in a project) or a PORTFOLIO (links to
    versions of sequences, e.g. a model registry entry). Collections belong to a project, not to
    the runs that produced their versions: moving runs leaves them where they are."""

    __tablename__ = "artifact_collection"
    __table_args__ = (UniqueConstraint("project_id", "name"),)
    id: int | None = _id()
    project_id: int = _fk("project.id", index=False)
    type_id: int = _fk("artifact_type.id")
    name: str = Field(sa_column=Column(String(128), nullable=False))
    kind: str = Field(sa_column=Column(String(9), nullable=False))  # SEQUENCE | PORTFOLIO
    description: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    tags: Any = _json(nullable=True)
    client_id: str | None = Field(default=None, sa_column=Column(String(128), nullable=True, index=True))
    created_at: datetime = _ts()
    updated_at: datetime = _ts()


class Artifact(SQLModel, table=True):
    """One version of a sequence."""

    __tablename__ = "artifact"
    __table_args__ = (
        UniqueConstraint("collection_id", "version_index"),
        Index("ix_artifact_collection_digest", "collection_id", "digest"),
    )
    id: int | None = _id()
    collection_id: int = _fk("artifact_collection.id", index=False)
    type_id: int = _fk("artifact_type.id")
    version_index: int = Field(sa_column=Column(BigIntId, nullable=False))
    digest: str = Field(sa_column=Column(String(64), nullable=False))  # the client's manifest digest (hex)
    digest_algorithm: str = Field(default="MANIFEST_MD5", sa_column=Column(String(24), nullable=False))
    state: str = Field(default="PENDING", sa_column=Column(String(9), nullable=False))  # PENDING|COMMITTED|DELETED
    description: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    metadata_: Any = Field(default=None, sa_column=Column("metadata", JSONValue, nullable=True))
    labels: Any = _json(nullable=True)  # tags of the version: ["name", ...]
    requested_aliases: Any = _json(nullable=True)  # applied on commit
    run_id: int | None = _fk("run.id", nullable=True, ondelete="SET NULL")  # the producing run
    history_step: int | None = Field(default=None, sa_column=Column(BigIntId, nullable=True))
    # None or -1: inherited (no team default here, so no expiry); -2: no expiry; N > 0: expires N
    # seconds after creation, at ``expires_at``, when the expiry sweep deletes it (reads treat it as
    # gone from then on).
    ttl_duration_seconds: int | None = Field(default=None, sa_column=Column(BigIntId, nullable=True))
    expires_at: datetime | None = _ts(nullable=True, index=True)
    client_id: str | None = Field(default=None, sa_column=Column(String(128), nullable=True, index=True))
    base_artifact_id: int | None = _fk("artifact.id", nullable=True, index=False, ondelete="SET NULL")
    manifest_type: str | None = Field(default=None, sa_column=Column(String(12), nullable=True))
    manifest_blob_id: int | None = _fk("blob.id", nullable=True, ondelete="RESTRICT")
    distributed_id: str | None = Field(default=None, sa_column=Column(String(128), nullable=True))
    patch_blob_ids: Any = _json(nullable=True)  # PATCH manifests uploaded by a distributed version's writers
    size: int = Field(default=0, sa_column=Column(BigIntId, nullable=False))
    file_count: int = 0
    created_by_id: int | None = _fk("user_account.id", nullable=True, index=False, ondelete="SET NULL")
    created_at: datetime = _ts()
    updated_at: datetime = _ts()
    committed_at: datetime | None = _ts(nullable=True)


class ArtifactMembership(SQLModel, table=True):
    """A version's place in a collection: every version is a member of its own sequence at its
    version index, and of each portfolio it is linked to at that portfolio's next index."""

    __tablename__ = "artifact_membership"
    __table_args__ = (
        UniqueConstraint("collection_id", "artifact_id"),
        UniqueConstraint("collection_id", "version_index"),
    )
    id: int | None = _id()
    collection_id: int = _fk("artifact_collection.id", index=False)
    artifact_id: int = _fk("artifact.id")
    version_index: int = Field(sa_column=Column(BigIntId, nullable=False))
    created_at: datetime = _ts()


class ArtifactAlias(SQLModel, table=True):
    """A name for one version within a collection; one holder per (collection, alias)."""

    __tablename__ = "artifact_alias"
    __table_args__ = (UniqueConstraint("collection_id", "alias"),)
    id: int | None = _id()
    collection_id: int = _fk("artifact_collection.id", index=False)
    artifact_id: int = _fk("artifact.id")
    alias: str = Field(sa_column=Column(String(128), nullable=False))
    created_at: datetime = _ts()


class ArtifactFile(SQLModel, table=True):
    """One manifest entry of a version: stored content (``blob_id``) or a reference (``ref``,
    recorded, never fetched by the server)."""

    __tablename__ = "artifact_file"
    __table_args__ = (UniqueConstraint("artifact_id", "path"),)
    id: int | None = _id()
    artifact_id: int = _fk("artifact.id", index=False)
    path: str = Field(sa_column=Column(String(1024), nullable=False))
    size: int | None = Field(default=None, sa_column=Column(BigIntId, nullable=True))
    digest: str = Field(sa_column=Column(String(128), nullable=False))  # base64 md5, or the reference's digest
    blob_id: int | None = _fk("blob.id", nullable=True, ondelete="RESTRICT")
    ref: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    birth_artifact_id: int | None = Field(default=None, sa_column=Column(BigIntId, nullable=True))
    mimetype: str | None = None
    extra: Any = _json(nullable=True)
    created_at: datetime = _ts()


class ArtifactUse(SQLModel, table=True):
    """A run's input: the version it used."""

    __tablename__ = "artifact_use"
    __table_args__ = (UniqueConstraint("run_id", "artifact_id"),)
    id: int | None = _id()
    run_id: int = _fk("run.id", index=False)
    artifact_id: int = _fk("artifact.id")
    used_as: str | None = None
    created_at: datetime = _ts()


class AuditEvent(SQLModel, table=True):
    __tablename__ = "audit_event"
    id: int | None = _id()
    actor_id: int | None = _fk("user_account.id", nullable=True, ondelete="SET NULL")
    on_behalf_of_id: int | None = _fk("user_account.id", nullable=True, index=False, ondelete="SET NULL")
    entity_id: int | None = _fk("entity.id", nullable=True, ondelete="SET NULL")
    action: str = Field(sa_column=Column(String(64), nullable=False))
    target_type: str | None = None
    target_id: int | None = Field(default=None, sa_column=Column(BigIntId, nullable=True))
    details: Any = _json(nullable=True)
    created_at: datetime = _ts(index=True)


metadata = SQLModel.metadata
