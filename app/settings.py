"""Configuration from environment variables prefixed ``LABBOOK_``; nothing is read at import."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="LABBOOK_", extra="ignore")

    data_dir: Path = Field(Path("./data"), description="Where the SQLite file and stored files live.")
    database_url: str | None = Field(
        None,
        description="SQLAlchemy async URL; defaults to SQLite at <data_dir>/labbook.db. "
        "For PostgreSQL: postgresql+asyncpg://user@host/db",
    )
    base_url: str | None = Field(
        None,
        description="Public URL of this server, used in upload/download links. "
        "Defaults to the URL of the incoming request.",
    )
    secret_key: str | None = Field(
        None, description="HMAC key for signed storage URLs; generated and kept in the data dir if unset."
    )
    migrate_on_start: bool = True
    bootstrap_admin: bool = Field(True, description="Create an instance admin on first start.")
    bootstrap_admin_username: str = "admin"
    bootstrap_admin_email: str = "admin@localhost"
    restrict_team_creation: bool = Field(False, description="Only instance admins may create teams.")
    signed_url_ttl_seconds: int = 3600
    max_upload_bytes: int = 1024 * 1024 * 1024
    max_artifact_file_bytes: int = Field(
        64 * 1024**3, description="Largest artifact file one upload may carry (content-addressed artifact blobs)."
    )
    max_request_body_bytes: int = 32 * 1024 * 1024
    storage_backend: Literal["local", "s3"] = Field(
        "local", description="Where files are stored: local (<data_dir>/storage) or s3 (an S3-compatible bucket)."
    )
    storage_sweep: bool = Field(
        True,
        description="Sweep storage in this process (at start and every interval); with several "
        "processes sharing one store, one sweeping is enough.",
    )
    storage_sweep_interval_seconds: float = Field(
        3600.0,
        description="How often to remove unreferenced blobs and crash leftovers (also done at start); "
        "0: only at start.",
    )
    s3_bucket: str | None = Field(None, description="The bucket (storage_backend=s3).")
    s3_endpoint_url: str | None = Field(
        None, description="The S3 API endpoint Labbook talks to, e.g. http://minio:9000; unset: AWS."
    )
    s3_public_endpoint_url: str | None = Field(
        None, description="The endpoint clients reach, for presigned URLs, when it differs from s3_endpoint_url."
    )
    s3_region: str | None = Field(None, description="The bucket's region, e.g. us-east-1.")
    s3_access_key_id: str | None = Field(None, description="Unset: boto3's usual credential chain.")
    s3_secret_access_key: str | None = None
    s3_prefix: str = Field("", description="Key prefix inside the bucket, e.g. labbook/ to share a bucket.")
    s3_addressing_style: Literal["auto", "path", "virtual"] = Field(
        "auto", description="auto: path-style when s3_endpoint_url is set (MinIO, Ceph, moto), else virtual-hosted."
    )
    run_crash_timeout_seconds: int = Field(300, description="A running run silent this long is marked crashed.")
    crash_check_interval_seconds: float = 30.0
    log_level: str = "info"
    graphql_fast_executor: bool = Field(
        True, description="Resolve plain leaf fields without graphql-core's per-field machinery (app/api/execution.py)."
    )
    test_fixtures: bool = Field(
        False,
        description="Also serve the test-fixture API of wandb's system tests (users whose API key is "
        "their username) on test_fixtures_host:test_fixtures_port. Loopback only; for test instances only.",
    )
    test_fixtures_host: str = "127.0.0.1"
    test_fixtures_port: int = 9015
    webhook_allow_private: bool = Field(
        False,
        description="Let webhooks reach loopback and private addresses (link-local and cloud metadata "
        "addresses are always refused).",
    )
    webhook_retry_base_seconds: float = Field(10.0, description="The first retry's delay; each next one doubles.")
    webhook_retry_hours: float = Field(1.5, description="How long a failing delivery is retried.")
    background_jobs: bool = Field(True, description="Run background jobs (deliveries, stall checks) in this process.")
    job_poll_seconds: float = Field(1.0, description="How often the job worker looks for due jobs when not woken.")
    stall_check_seconds: float = Field(30.0, description="How often stalled and crashed runs are checked for rules.")
    artifact_expiry_check_seconds: float = Field(
        300.0,
        description="How often artifact versions whose TTL ran out are deleted (they are unreadable from "
        "the moment they expire).",
    )

    def resolved_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite+aiosqlite:///{(self.data_dir / 'labbook.db').resolve()}"

    @property
    def storage_dir(self) -> Path:
        return self.data_dir / "storage"
