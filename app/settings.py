"""Configuration from environment variables prefixed ``LABBOOK_``; nothing is read at import."""

from __future__ import annotations

from pathlib import Path

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
        None, description="Public URL of this server, used in upload/download links. "
        "Defaults to the URL of the incoming request."
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
    max_request_body_bytes: int = 32 * 1024 * 1024
    run_crash_timeout_seconds: int = Field(300, description="A running run silent this long is marked crashed.")
    crash_check_interval_seconds: float = 30.0
    log_level: str = "info"
    webhook_allow_private: bool = Field(
        False, description="Let webhooks reach loopback and private addresses (link-local and cloud metadata "
        "addresses are always refused)."
    )
    webhook_retry_base_seconds: float = Field(10.0, description="The first retry's delay; each next one doubles.")
    webhook_retry_hours: float = Field(1.5, description="How long a failing delivery is retried.")
    background_jobs: bool = Field(True, description="Run background jobs (deliveries, stall checks) in this process.")
    job_poll_seconds: float = Field(1.0, description="How often the job worker looks for due jobs when not woken.")
    stall_check_seconds: float = Field(30.0, description="How often stalled and crashed runs are checked for rules.")

    def resolved_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite+aiosqlite:///{(self.data_dir / 'labbook.db').resolve()}"

    @property
    def storage_dir(self) -> Path:
        return self.data_dir / "storage"
