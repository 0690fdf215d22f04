"""The URL a client should PUT or GET for a key: the backend's own presigned URL when it has one
(S3), else Labbook's signed ``/storage/...`` route."""

from __future__ import annotations

from app.storage.base import BlobStore
from app.storage.signing import signed_path


def upload_url(
    storage: BlobStore, secret: bytes, base_url: str, key: str, *, expires_in: int, content_md5: str | None = None
) -> str:
    direct = storage.direct_upload_url(key, expires_in=expires_in, content_md5=content_md5)
    return direct or base_url + signed_path(secret, "PUT", key, expires_in)


def download_url(
    storage: BlobStore, secret: bytes, base_url: str, key: str, *, expires_in: int, filename: str | None = None
) -> str:
    direct = storage.direct_download_url(key, expires_in=expires_in, filename=filename)
    return direct or base_url + signed_path(secret, "GET", key, expires_in)


def part_upload_url(
    storage: BlobStore, secret: bytes, base_url: str, key: str, upload_id: str, part_number: int, *, expires_in: int
) -> str:
    direct = storage.part_upload_url(key, upload_id, part_number, expires_in=expires_in)
    extra = {"uploadId": upload_id, "partNumber": str(part_number)}
    return direct or base_url + signed_path(secret, "PUT", key, expires_in, extra=extra)
