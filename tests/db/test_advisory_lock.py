"""dialect.claimed: one process at a time per job name, keyed by dialect.advisory_lock_key."""

import hashlib

import pytest
from sqlalchemy import text

from app.db import dialect


def test_the_key_is_the_namespaced_sha256_as_a_signed_bigint():
    digest = hashlib.sha256(b"labbook:labbook.storage-sweep").digest()
    key = dialect.advisory_lock_key("labbook.storage-sweep")
    assert key == int.from_bytes(digest[:8], "big", signed=True)
    assert -(2**63) <= key < 2**63
    assert dialect.advisory_lock_key("labbook.storage-sweep") == key  # stable: every process agrees


def test_names_have_distinct_keys_and_a_shared_key_is_refused(monkeypatch):
    keys = {dialect.advisory_lock_key(f"job-{n}") for n in range(1000)}
    assert len(keys) == 1000
    monkeypatch.setattr(dialect, "_ADVISORY_LOCK_NAMES", {dialect.advisory_lock_key("a"): "b"})
    with pytest.raises(ValueError, match="advisory lock names 'b' and 'a' have the same key"):
        dialect.advisory_lock_key("a")
    with pytest.raises(ValueError, match="needs a name"):
        dialect.advisory_lock_key("")


async def test_a_claim_holds_its_key_until_the_block_ends(runtime):
    name = "tests.advisory-lock"
    async with dialect.claimed(runtime.engine, name) as mine:
        assert mine
        async with dialect.claimed(runtime.engine, name) as again:
            # PostgreSQL: another connection may not take it; SQLite: one process, always yours.
            assert again == (runtime.dialect != "postgresql")
        if runtime.dialect == "postgresql":
            assert await _held_keys(runtime.engine) == [dialect.advisory_lock_key(name)]
    async with dialect.claimed(runtime.engine, name) as after:
        assert after
    if runtime.dialect == "postgresql":
        assert await _held_keys(runtime.engine) == []


async def _held_keys(engine) -> list[int]:
    """The bigint advisory locks held in this database (classid and objid are its two halves)."""
    async with engine.connect() as connection:
        rows = (
            await connection.execute(
                text(
                    "SELECT classid::bigint, objid::bigint FROM pg_locks WHERE locktype = 'advisory' AND objsubid = 1 "
                    "AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"
                )
            )
        ).all()
    keys = [(high << 32) | low for high, low in rows]
    return sorted(
        key - 2**64 if key >= 2**63 else key
        for key in keys
        if key != dialect.advisory_lock_key("labbook.storage-sweep")
    )
