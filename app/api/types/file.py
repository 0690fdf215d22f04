"""The File type: a stored file with a download URL (authenticated) and a direct, signed URL."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated, Any
from urllib.parse import quote

import strawberry

from app.api import ids
from app.api.context import Info
from app.api.loaders.artifacts import artifacts
from app.api.execution import PRECOMPUTED
from app.api.scalars import Int64
from app.api.types import refs
from app.api.types.node import Node, register_node
from app.api.types.refs import ArtifactRef
from app.db import tables
from app.domain import files as files_service
from app.domain import runs
from app.domain.errors import DomainError
from app.storage import urls

if TYPE_CHECKING:
    from app.api.types.artifact import UploadMultipartUrls


@strawberry.type(description="A file of a run (or artifact), stored under an internal key.")
class File(Node):
    name: str
    size_bytes: Int64
    mimetype: str | None
    updated_at: datetime | None
    md5: str | None = strawberry.field(description="Base64 MD5 of the content.")
    storage_key: strawberry.Private[str]
    # The authenticated download path (run files); None for files only reachable by directUrl.
    download_path: strawberry.Private[str | None] = None
    run_id: strawberry.Private[int | None] = None
    artifact_id: strawberry.Private[int | None] = None
    artifact_row: strawberry.Private[Any] = None  # the artifact's row, when the caller holds it
    direct_url_value: strawberry.Private[str | None] = None  # artifact files: chosen by the blob store
    upload_url: str | None = strawberry.field(
        default=None, description="Where to PUT the content (artifact uploads); null: the server already has it."
    )
    upload_headers: list[str] = strawberry.field(default_factory=list, description="Headers the PUT must send.")
    upload_multipart_urls: Annotated["UploadMultipartUrls", strawberry.lazy("app.api.types.artifact")] | None = None

    @classmethod
    def from_run_file(cls, row: tables.RunFile, entity: str, project: str, run: str) -> "File":
        return cls(
            id=strawberry.ID(ids.encode("File", row.id)),
            name=row.name,
            size_bytes=row.size_bytes or 0,
            mimetype=row.mimetype,
            updated_at=row.updated_at,
            md5=row.md5,
            storage_key=row.storage_key,
            download_path="/files/"
            + "/".join(quote(part, safe="") for part in (entity, project, run))
            + "/"
            + quote(row.name),
            run_id=row.run_id,
        )

    @strawberry.field(description="The name (W&B's artifact queries alias it as name).")
    def display_name(self) -> str:
        return self.name

    @strawberry.field(description="The content digest: base64 MD5, as W&B reports it.")
    def digest(self) -> str | None:
        return self.md5

    @strawberry.field(description="Where the content is stored (an internal key).")
    def storage_path(self) -> str:
        return self.storage_key

    @strawberry.field(
        description="Download URL (send the API key); with upload: true, a signed upload URL "
        "for those who may write the run."
    )
    async def url(self, info: Info, upload: bool | None = None) -> str | None:
        if upload:
            return await self._upload_url(info)
        if self.download_path is None:
            return self.direct_url(info)
        return info.context.base_url + self.download_path

    @strawberry.field(description="The artifact version the file belongs to.")
    def artifact(self, info: Info) -> ArtifactRef | None:
        if self.artifact_row is not None:  # known already: no statement per file of a 10,000-file upload
            return refs.ARTIFACT.type.from_row(self.artifact_row)
        if self.artifact_id is None:
            return None
        return self._load_artifact(info)

    async def _load_artifact(self, info: Info) -> Any:
        row = await info.context.loaders.get(artifacts).load(self.artifact_id)
        return refs.ARTIFACT.type.from_row(row) if row else None

    @strawberry.field(
        description="A signed, expiring download URL that needs no credentials.",
        metadata={PRECOMPUTED: "direct_url_value"},
    )
    def direct_url(self, info: Info) -> str:
        if self.direct_url_value is not None:
            return self.direct_url_value
        runtime = info.context.runtime
        return urls.download_url(
            runtime.storage,
            runtime.secret,
            info.context.base_url,
            self.storage_key,
            expires_in=runtime.settings.signed_url_ttl_seconds,
            filename=self.name.rsplit("/", 1)[-1],
        )

    async def _upload_url(self, info: Info) -> str | None:
        if self.run_id is None:
            return None
        try:
            async with info.context.read() as session:
                await runs.loggable_run_by_id(session, info.context.actor, self.run_id)
        except DomainError:
            return None
        runtime = info.context.runtime
        return urls.upload_url(
            runtime.storage,
            runtime.secret,
            info.context.base_url,
            self.storage_key,
            expires_in=runtime.settings.signed_url_ttl_seconds,
        )


@register_node("File")
async def _file_node(info: Info, pk: int) -> File | None:
    async with info.context.read() as session:
        found = await files_service.readable_file_by_id(session, info.context.actor, pk)
    return File.from_run_file(found[0], *found[1]) if found else None
