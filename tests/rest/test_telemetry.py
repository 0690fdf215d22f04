"""The client's OpenTelemetry exports (/sdk/otel/...) are answered 204 and kept out of the access log."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import httpx

from tests.support import _free_port


async def test_telemetry_posts_are_answered_204(http):
    for path in ("/sdk/otel/v1/metrics", "/sdk/otel/v1/logs", "/sdk/otel/v1/traces"):
        response = await http.post(path, content=b"\x0a\x00", headers={"content-type": "application/x-protobuf"})
        assert response.status_code == 204 and response.content == b"", path
    assert (await http.post("/sdk/other")).status_code == 404


def test_the_served_access_log_leaves_telemetry_out(settings, tmp_path):
    port = _free_port()
    env = {
        **os.environ,
        "LABBOOK_DATA_DIR": str(tmp_path / "served"),
        "LABBOOK_DATABASE_URL": settings.database_url,
        "LABBOOK_BOOTSTRAP_ADMIN": "false",
        "LABBOOK_MIGRATE_ON_START": "false",
    }
    server = subprocess.Popen(
        [sys.executable, "-m", "app", "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        while True:
            try:
                httpx.get(f"{url}/healthz", timeout=1)
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline and server.poll() is None, "the server did not start"
                time.sleep(0.1)
        for _ in range(5):
            assert httpx.post(f"{url}/sdk/otel/v1/metrics", content=b"x").status_code == 204
        assert httpx.get(f"{url}/readyz").status_code == 200
    finally:
        server.terminate()
        output = server.communicate(timeout=30)[0]
    assert '"GET /readyz HTTP/1.1" 200' in output, output  # the access log is on
    assert "/sdk/otel" not in output, output
