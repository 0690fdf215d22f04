"""Helpers for storage tests: the S3 test server's settings, and PUT/GET to URLs a client was given."""

from __future__ import annotations

import socket
import uuid
from urllib.parse import urlsplit

import httpx

S3_TEST_BUCKET = "labbook-test"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def s3_settings(endpoint: str) -> dict:
    """Settings for the S3 backend on the test server; a fresh prefix keeps each test's keys apart."""
    return {
        "storage_backend": "s3",
        "s3_bucket": S3_TEST_BUCKET,
        "s3_endpoint_url": endpoint,
        "s3_region": "us-east-1",
        "s3_access_key_id": "test",
        "s3_secret_access_key": "test",
        "s3_prefix": f"t-{uuid.uuid4().hex[:12]}/",
        # moto reports every multipart upload as initiated in 2010, so a sweep at start would abort
        # the uploads a test is making; the tests call the sweep themselves.
        "storage_sweep": False,
    }


def is_in_process(url: str) -> bool:
    return url.startswith("http://testserver/")


async def send(http: httpx.AsyncClient, method: str, url: str, **kwargs) -> httpx.Response:
    """``method`` on a URL handed to a client: through the in-process app when it is Labbook's own,
    else over the network (a presigned URL of the S3 test server)."""
    if is_in_process(url):
        split = urlsplit(url)
        response = await http.request(method, f"{split.path}?{split.query}" if split.query else split.path, **kwargs)
        if response.status_code != 302:
            return response
        url = response.headers["location"]  # /files on S3: a presigned URL of the bucket
        kwargs.pop("auth", None)
    async with httpx.AsyncClient() as outside:
        return await outside.request(method, url, **kwargs)
