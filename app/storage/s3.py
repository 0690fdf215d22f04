"""Blob store in an S3-compatible bucket (AWS S3, MinIO, Ceph, R2 ...), through boto3.

Clients upload and download straight to the bucket with presigned URLs (``direct_uploads``), so
Labbook learns of a finished upload by asking the bucket (``stat``). boto3 blocks: every call runs
in a worker thread, never on the event loop. Writes that do pass through Labbook (``put``) stream in
parts of ``PART_BYTES``, so memory stays bounded whatever the size; a PUT in S3 is atomic, so no
temp object is ever visible. What a crash can leave is an unfinished multipart upload: ``sweep``
aborts those older than ``stale_after_seconds``.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import time
from typing import TYPE_CHECKING, Any, AsyncIterator, Callable, TypeVar
from urllib.parse import quote

import boto3
from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError

from app.storage.base import BlobInfo, InvalidUpload, StorageUnavailable, TooLarge

if TYPE_CHECKING:
    from app.settings import Settings

T = TypeVar("T")
PART_BYTES = 8 * 1024 * 1024  # S3's minimum part is 5 MiB
READ_CHUNK = 1024 * 1024
_MISSING = ("404", "NoSuchKey", "NotFound")


class S3BlobStore:
    direct_uploads = True

    def __init__(
        self,
        client: Any,
        bucket: str,
        *,
        prefix: str = "",
        presign_client: Any | None = None,
        stale_after_seconds: float = 7 * 24 * 3600,
    ) -> None:
        self.client = client
        self.presign_client = presign_client or client
        self.bucket = bucket
        self.prefix = prefix
        self.stale_after_seconds = stale_after_seconds

    @classmethod
    def from_settings(cls, settings: "Settings") -> "S3BlobStore":
        if not settings.s3_bucket:
            raise ValueError("LABBOOK_S3_BUCKET must be set when LABBOOK_STORAGE_BACKEND is s3")
        style = settings.s3_addressing_style
        if style == "auto":
            style = "path" if settings.s3_endpoint_url else "virtual"
        config = Config(
            signature_version="s3v4",
            s3={"addressing_style": style},
            retries={"max_attempts": 5, "mode": "standard"},
            max_pool_connections=32,
            # S3-compatible servers differ in the newer checksum headers; send them only when required.
            request_checksum_calculation="when_required",
            response_checksum_validation="when_required",
        )
        credentials = {
            "region_name": settings.s3_region or "us-east-1",
            "aws_access_key_id": settings.s3_access_key_id,
            "aws_secret_access_key": settings.s3_secret_access_key,
            "config": config,
        }
        session = boto3.session.Session()
        client = session.client("s3", endpoint_url=settings.s3_endpoint_url, **credentials)
        presign = None
        if settings.s3_public_endpoint_url:
            presign = session.client("s3", endpoint_url=settings.s3_public_endpoint_url, **credentials)
        return cls(client, settings.s3_bucket, prefix=settings.s3_prefix, presign_client=presign)

    def _key(self, key: str) -> str:
        if not key or key.startswith("/") or ".." in key.split("/"):
            raise ValueError(f"invalid storage key {key!r}")
        return self.prefix + key

    async def _call(self, method: str, **params: Any) -> Any:
        try:
            return await _thread(getattr(self.client, method), Bucket=self.bucket, **params)
        except BotoCoreError as error:  # connection refused, timeouts, ...
            raise StorageUnavailable(f"object storage is unreachable: {error}") from error
        except ClientError as error:
            if str(error.response.get("ResponseMetadata", {}).get("HTTPStatusCode", "")).startswith("5"):
                raise StorageUnavailable(f"object storage failed: {_message(error)}") from error
            raise

    # --- writing ---------------------------------------------------------------------------------

    async def put(self, key: str, chunks: AsyncIterator[bytes], *, max_bytes: int) -> tuple[int, str]:
        name = self._key(key)
        md5 = hashlib.md5()
        size = 0
        buffer = bytearray()
        upload_id: str | None = None
        parts: list[dict[str, Any]] = []
        try:
            async for chunk in chunks:
                size += len(chunk)
                if size > max_bytes:
                    raise TooLarge(f"upload exceeds the limit of {max_bytes} bytes")
                md5.update(chunk)
                buffer += chunk
                if len(buffer) >= PART_BYTES:
                    if upload_id is None:
                        upload_id = (await self._call("create_multipart_upload", Key=name))["UploadId"]
                    parts.append(await self._upload_part(name, upload_id, len(parts) + 1, bytes(buffer)))
                    buffer.clear()
            if upload_id is None:
                await self._call(
                    "put_object", Key=name, Body=bytes(buffer), ContentMD5=base64.b64encode(md5.digest()).decode()
                )
            else:
                if buffer:
                    parts.append(await self._upload_part(name, upload_id, len(parts) + 1, bytes(buffer)))
                await self._call(
                    "complete_multipart_upload", Key=name, UploadId=upload_id, MultipartUpload={"Parts": parts}
                )
                upload_id = None
        finally:
            if upload_id is not None:
                await self._call("abort_multipart_upload", Key=name, UploadId=upload_id)
        return size, base64.b64encode(md5.digest()).decode()

    async def _upload_part(self, name: str, upload_id: str, number: int, body: bytes) -> dict[str, Any]:
        answer = await self._call(
            "upload_part",
            Key=name,
            UploadId=upload_id,
            PartNumber=number,
            Body=body,
            ContentMD5=base64.b64encode(hashlib.md5(body).digest()).decode(),
        )
        return {"PartNumber": number, "ETag": answer["ETag"]}

    # --- reading ---------------------------------------------------------------------------------

    async def open(self, key: str, start: int = 0, end: int | None = None) -> AsyncIterator[bytes]:
        params: dict[str, Any] = {"Key": self._key(key)}
        if start or end is not None:
            params["Range"] = f"bytes={start}-{'' if end is None else end}"
        try:
            body = (await self._call("get_object", **params))["Body"]
        except ClientError as error:
            if _missing(error):
                raise FileNotFoundError(key) from None
            raise
        try:
            while chunk := await _thread(body.read, READ_CHUNK):
                yield chunk
        finally:
            body.close()

    async def stat(self, key: str) -> BlobInfo | None:
        try:
            head = await self._call("head_object", Key=self._key(key))
        except ClientError as error:
            if _missing(error):
                return None
            raise
        return BlobInfo(
            size=head["ContentLength"], md5=_md5_of_etag(head.get("ETag")), modified=head["LastModified"].timestamp()
        )

    async def size(self, key: str) -> int | None:
        info = await self.stat(key)
        return None if info is None else info.size

    async def delete(self, key: str) -> int:
        info = await self.stat(key)
        if info is None:
            return 0
        await self._call("delete_object", Key=self._key(key))
        return info.size

    async def keys(self, prefix: str) -> AsyncIterator[tuple[str, float]]:
        paginator = self.client.get_paginator("list_objects_v2")
        pages = iter(paginator.paginate(Bucket=self.bucket, Prefix=self.prefix + prefix))
        while (page := await _thread(next, pages, None)) is not None:
            for item in page.get("Contents", []):
                yield item["Key"][len(self.prefix) :], item["LastModified"].timestamp()

    # --- presigned URLs --------------------------------------------------------------------------

    def _presign(self, method: str, expires_in: int, **params: Any) -> str:
        return self.presign_client.generate_presigned_url(
            method, Params={"Bucket": self.bucket, **params}, ExpiresIn=expires_in
        )

    def direct_upload_url(self, key: str, *, expires_in: int, content_md5: str | None = None) -> str | None:
        extra = {"ContentMD5": content_md5} if content_md5 else {}
        return self._presign("put_object", expires_in, Key=self._key(key), **extra)

    def direct_download_url(self, key: str, *, expires_in: int, filename: str | None = None) -> str | None:
        extra = {"ResponseContentDisposition": _attachment(filename)} if filename else {}
        return self._presign("get_object", expires_in, Key=self._key(key), **extra)

    def part_upload_url(self, key: str, upload_id: str, part_number: int, *, expires_in: int) -> str | None:
        return self._presign("upload_part", expires_in, Key=self._key(key), UploadId=upload_id, PartNumber=part_number)

    # --- multipart -------------------------------------------------------------------------------

    async def create_multipart(self, key: str) -> str:
        return (await self._call("create_multipart_upload", Key=self._key(key)))["UploadId"]

    async def put_part(
        self, key: str, upload_id: str, part_number: int, chunks: AsyncIterator[bytes], *, max_bytes: int
    ) -> str:
        raise NotImplementedError("parts go straight to the bucket: use part_upload_url")

    async def complete_multipart(
        self, key: str, upload_id: str, parts: list[tuple[int, str]], *, expected_md5: str | None = None
    ) -> tuple[int, str]:
        # ``expected_md5`` cannot be checked before the bucket makes the object visible: the caller
        # reads it back (the multipart ETag is no MD5).
        numbers = [number for number, _ in parts]
        if not parts or numbers != sorted(set(numbers)):
            raise InvalidUpload("list the parts once each, in ascending part number order")
        try:
            answer = await self._call(
                "complete_multipart_upload",
                Key=self._key(key),
                UploadId=upload_id,
                MultipartUpload={"Parts": [{"PartNumber": n, "ETag": etag} for n, etag in parts]},
            )
        except ClientError as error:
            raise InvalidUpload(f"the bucket refused to complete upload {upload_id}: {_message(error)}") from None
        info = await self.stat(key)
        return (info.size if info else 0), answer["ETag"]

    async def abort_multipart(self, key: str, upload_id: str) -> None:
        try:
            await self._call("abort_multipart_upload", Key=self._key(key), UploadId=upload_id)
        except ClientError as error:
            if _code(error) != "NoSuchUpload":
                raise

    # --- sweeping --------------------------------------------------------------------------------

    async def sweep(self) -> int:
        """Abort multipart uploads left unfinished for ``stale_after_seconds``; the bytes their parts held."""
        cutoff = time.time() - self.stale_after_seconds
        paginator = self.client.get_paginator("list_multipart_uploads")
        pages = iter(paginator.paginate(Bucket=self.bucket, Prefix=self.prefix))
        freed = 0
        while (page := await _thread(next, pages, None)) is not None:
            for upload in page.get("Uploads", []):
                if upload["Initiated"].timestamp() >= cutoff:
                    continue
                try:
                    parts = await self._call("list_parts", Key=upload["Key"], UploadId=upload["UploadId"])
                    await self._call("abort_multipart_upload", Key=upload["Key"], UploadId=upload["UploadId"])
                except ClientError as error:
                    if _code(error) == "NoSuchUpload":  # completed or swept by another process meanwhile
                        continue
                    raise
                freed += sum(part["Size"] for part in parts.get("Parts", []))
        return freed


async def _thread(function: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    return await asyncio.to_thread(function, *args, **kwargs)


def _code(error: ClientError) -> str:
    return str(error.response.get("Error", {}).get("Code"))


def _missing(error: ClientError) -> bool:
    return _code(error) in _MISSING


def _message(error: ClientError) -> str:
    return str(error.response.get("Error", {}).get("Message") or error)


def _md5_of_etag(etag: str | None) -> str | None:
    """Base64 md5 from a single-part ETag (its md5 in hex); None for a multipart one ("<hex>-<n>")."""
    value = (etag or "").strip('"')
    if len(value) != 32:
        return None
    try:
        return base64.b64encode(bytes.fromhex(value)).decode()
    except ValueError:
        return None


def _attachment(filename: str) -> str:
    ascii_name = filename.encode("ascii", "replace").decode().replace('"', "_").replace("?", "_")
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(filename)}"
