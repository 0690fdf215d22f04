"""file_stream's hot path: the key and the run found with one statement must refuse exactly what
authentication refuses elsewhere, record the key's use, and lines beyond strict JSON (non-finite
numbers, big integers, NUL escapes) must be stored as other JSON is."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select, text, update

from app.db import bulk, tables
from app.db.types import utcnow
from app.domain import runs
from tests.support.moves import make_project, make_run, make_team
from tests.support import make_account, recorded_statements
from tests.support.tracking import UPSERT_BUCKET, all_rows, counts, lines, one, post_stream

HISTORY = "wandb-history.jsonl"


@pytest.fixture
async def owner(runtime, gql):
    account = await make_account(runtime, "kim")
    await gql.data(UPSERT_BUCKET, {"name": "r1", "project": "p", "entity": "kim"}, key=account.key)
    return account


async def _set_key(runtime, user_id: int, **values) -> None:
    async with runtime.session_factory.begin() as session:
        await session.execute(update(tables.ApiKey).where(tables.ApiKey.user_id == user_id).values(**values))


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"revoked_at": utcnow()}, "invalid API key: this key was revoked"),
        ({"expires_at": utcnow() - timedelta(seconds=1)}, "invalid API key: this key has expired"),
    ],
)
async def test_an_unusable_key_writes_nothing(http, runtime, owner, change, message):
    await _set_key(runtime, owner.id, **change)
    before = await counts(runtime)
    response = await post_stream(http, "kim/p/r1", {"files": lines(HISTORY, 0, [{"_step": 0}])}, key=owner.key)
    assert response.status_code == 401 and response.json()["errors"][0]["message"] == message
    assert await counts(runtime) == before
    assert (await one(runtime, select(tables.Run).where(tables.Run.name == "r1"))).history_line_count == 0


async def test_a_deleted_account_writes_nothing(http, runtime, owner):
    async with runtime.session_factory.begin() as session:
        await session.execute(update(tables.User).where(tables.User.id == owner.id).values(deleted_at=utcnow()))
    before = await counts(runtime)
    response = await post_stream(http, "kim/p/r1", {"files": lines(HISTORY, 0, [{"_step": 0}])}, key=owner.key)
    assert response.status_code == 401
    assert response.json()["errors"][0]["message"] == "invalid API key: the account was deleted"
    assert await counts(runtime) == before


async def test_unknown_keys_and_runs_get_their_own_answers(http, owner):
    body = {"files": lines(HISTORY, 0, [{"_step": 0}])}
    unknown_key = await post_stream(http, "kim/p/r1", body, key="local-" + "x" * 48)
    assert unknown_key.status_code == 401 and "no such key" in unknown_key.json()["errors"][0]["message"]
    for path in ("kim/p/nope", "kim/nope/r1", "nobody/p/r1"):
        response = await post_stream(http, path, body, key=owner.key)
        assert response.status_code == 404 and response.json()["errors"][0]["message"] == f"run {path} not found"


async def test_streaming_records_the_keys_use(http, runtime, owner):
    await _set_key(runtime, owner.id, last_used_at=None)
    response = await post_stream(http, "kim/p/r1", {"files": lines(HISTORY, 0, [{"_step": 0}])}, key=owner.key)
    assert response.status_code == 200, response.text
    key = await one(runtime, select(tables.ApiKey).where(tables.ApiKey.user_id == owner.id))
    assert key.last_used_at is not None and utcnow() - key.last_used_at < timedelta(minutes=1)


async def test_lines_beyond_strict_json_are_stored_like_other_json(http, runtime, owner):
    content = [
        '{"_step": 0, "v": Infinity, "w": -Infinity}',
        '{"_step": 1, "big": 123456789012345678901234567890}',
        '{"_step": 2, "s": "a\\u0000b"}',
        '  {"_step": 3, "v": 1.5}  ',
        '{"_step": 4, "s": "c\\ud800d", "e": "\\ud83d\\ude00"}',
    ]
    response = await post_stream(http, "kim/p/r1", {"files": lines(HISTORY, 0, content)}, key=owner.key)
    assert response.status_code == 200, response.text
    stored = await all_rows(runtime, select(tables.HistoryRow.data).order_by(tables.HistoryRow.line_no))
    assert stored == [
        {"_step": 0, "v": "Infinity", "w": "-Infinity"},
        {"_step": 1, "big": 123456789012345678901234567890},
        {"_step": 2, "s": "a\ufffdb"},
        {"_step": 3, "v": 1.5},
        {"_step": 4, "s": "c\ufffdd", "e": "\U0001f600"},  # a lone surrogate, which PostgreSQL refuses
    ]
    run = await one(runtime, select(tables.Run).where(tables.Run.name == "r1"))
    assert run.last_step == 4 and run.history_keys["v"] == {"number": 2}  # counted as the client meant them


REFUSED_STEP = 3_000_000_000


@pytest.fixture
async def refusing_database(runtime):
    """PostgreSQL refusing one history step as out of range, as it refuses any value it cannot store
    (the parser lets no such value through any more, so the refusal is staged)."""
    if runtime.dialect != "postgresql":
        pytest.skip("a staged refusal needs a PostgreSQL trigger")
    statements = [
        f"""CREATE FUNCTION refuse_step() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
            IF NEW.step = {REFUSED_STEP} THEN RAISE EXCEPTION 'step out of range' USING ERRCODE = '22003';
            END IF; RETURN NEW; END $$""",
        "CREATE TRIGGER refuse_step BEFORE INSERT ON history_row FOR EACH ROW EXECUTE FUNCTION refuse_step()",
    ]
    async with runtime.engine.begin() as connection:
        for statement in statements:
            await connection.execute(text(statement))
    yield
    async with runtime.engine.begin() as connection:
        await connection.execute(text("DROP FUNCTION refuse_step() CASCADE"))


@pytest.mark.parametrize("summary", [None, {"loss": 1}])  # with a summary, the request takes a session
async def test_a_value_the_database_refuses_is_a_400_and_writes_nothing(
    http, runtime, owner, summary, refusing_database
):
    files = lines(HISTORY, 0, [{"_step": REFUSED_STEP, "loss": 1}])
    if summary is not None:
        files.update(lines("wandb-summary.json", 0, [summary]))
    response = await post_stream(http, "kim/p/r1", {"files": files}, key=owner.key)
    assert (
        response.status_code == 400
        and "the database refused a value in the request: step out of range" in response.json()["errors"][0]["message"]
    )
    assert await all_rows(runtime, select(tables.HistoryRow)) == []
    assert (await one(runtime, select(tables.Run).where(tables.Run.name == "r1"))).summary in (None, {})

    second = await post_stream(http, "kim/p/r1", {"files": lines(HISTORY, 0, [{"_step": 0}])}, key=owner.key)
    assert second.status_code == 200, second.text  # the connection is still usable
    assert len(await all_rows(runtime, select(tables.HistoryRow))) == 1


async def test_a_restricted_project_reads_its_member_list_in_the_request(http, runtime):
    carol, dave = await make_account(runtime, "carol"), await make_account(runtime, "dave")
    team_id = await make_team(runtime, "lab", [(carol, "MEMBER"), (dave, "MEMBER")])
    project_id = await make_project(runtime, team_id, "vault", access="RESTRICTED", restricted_members=(carol,))
    await make_run(runtime, project_id, "c1", carol)
    body = {"files": lines(HISTORY, 0, [{"_step": 0}])}
    assert (await post_stream(http, "lab/vault/c1", body, key=carol.key)).status_code == 200
    refused = await post_stream(http, "lab/vault/c1", body, key=dave.key)
    assert refused.status_code == 404 and refused.json()["errors"][0]["message"] == "run lab/vault/c1 not found"
    assert [r.step for r in await all_rows(runtime, select(tables.HistoryRow))] == [0]


async def test_a_history_chunk_takes_no_session_on_postgresql(http, runtime, owner):
    """PostgreSQL: the lookup and one statement on asyncpg (SQLAlchemy sees nothing); SQLite: a session."""
    body = {"files": lines(HISTORY, 0, [{"_step": 0, "loss": 1.0}])}
    with recorded_statements(runtime.engine) as statements:
        response = await post_stream(http, "kim/p/r1", body, key=owner.key)
    assert response.status_code == 200, response.text
    if runtime.dialect == "postgresql":
        assert statements == []
    else:
        assert [s.split()[0] for s in statements] == ["BEGIN", "SELECT", "INSERT", "UPDATE"]


async def test_a_request_with_a_session_leaves_pooled_connections_transactional(http, runtime, owner):
    """On PostgreSQL the request's session runs its connection in AUTOCOMMIT inside asyncpg's
    transaction; the next session on that connection must begin transactions again."""
    body = {"files": lines("wandb-summary.json", 0, [{"loss": 1.0}])}
    assert (await post_stream(http, "kim/p/r1", body, key=owner.key)).status_code == 200
    async with runtime.session_factory.begin() as session:
        await session.execute(select(1))
        driver = (await (await session.connection()).get_raw_connection()).driver_connection
        in_transaction = driver.is_in_transaction() if runtime.dialect == "postgresql" else driver.in_transaction
    assert in_transaction


async def test_every_refusal_is_read_from_the_lookups_one_statement(http, runtime, owner):
    """No such key, no such run, no access, an unusable key: the lookup's row gives each answer, in
    the words the other routes use (PostgreSQL: on asyncpg, SQLAlchemy sees no statement; SQLite:
    the transaction's BEGIN and the lookup)."""
    outsider = await make_account(runtime, "lee")
    body = {"files": lines(HISTORY, 0, [{"_step": 0}])}
    cases = [
        (
            "kim/p/r1",
            "local-" + "x" * 48,
            401,
            "invalid API key: no such key; create one with `python -m app create-api-key`",
        ),
        ("kim/p/nope", owner.key, 404, "run kim/p/nope not found"),
        ("nobody/p/r1", owner.key, 404, "run nobody/p/r1 not found"),
        ("kim/p/r1", outsider.key, 404, "run kim/p/r1 not found"),  # kim's projects are private
    ]
    for path, key, status, message in cases:
        with recorded_statements(runtime.engine) as statements:
            response = await post_stream(http, path, body, key=key)
        assert (response.status_code, response.json()["errors"][0]["message"]) == (status, message)
        assert [s.split()[0] for s in statements] == ([] if runtime.dialect == "postgresql" else ["BEGIN", "SELECT"])
    await _set_key(runtime, owner.id, revoked_at=utcnow())
    with recorded_statements(runtime.engine) as statements:
        response = await post_stream(http, "kim/p/nope", body, key=owner.key)  # the key is refused first
    assert (response.status_code, response.json()["errors"][0]["message"]) == (
        401,
        "invalid API key: this key was revoked",
    )
    assert [s.split()[0] for s in statements] == ([] if runtime.dialect == "postgresql" else ["BEGIN", "SELECT"])
    assert await all_rows(runtime, select(tables.HistoryRow)) == []


async def test_the_lookup_reads_typed_columns_and_locks_the_run(runtime, owner):
    async with bulk.transaction(runtime.engine, runtime.session_factory) as transaction:
        target = await runs.stream_target(transaction, owner.key, "kim", "p", "r1")
    assert isinstance(target, runs.StreamTarget) and isinstance(target.run, runs.StreamRun)
    assert (target.entity.name, target.entity.kind, target.project.name, target.run.name) == ("kim", "user", "p", "r1")
    assert (target.run.history_line_count, target.run.state, target.project.rules_version, target.baseline) == (
        0,
        "running",
        0,
        None,
    )
    with pytest.raises(AttributeError):
        target.run.state = "finished"
    if runtime.dialect == "postgresql":
        assert " FOR UPDATE OF run" in str(runs._STREAMABLE.compile(dialect=runtime.engine.dialect))


async def test_the_lookup_reads_the_projects_baseline(runtime, owner, gql):
    await gql.data(UPSERT_BUCKET, {"name": "r0", "project": "p", "entity": "kim"}, key=owner.key)
    async with runtime.session_factory.begin() as session:
        baseline = await session.scalar(select(tables.Run).where(tables.Run.name == "r0"))
        await session.execute(
            update(tables.Project).where(tables.Project.name == "p").values(baseline_run_id=baseline.id)
        )
    async with bulk.transaction(runtime.engine, runtime.session_factory) as transaction:
        target = await runs.stream_target(transaction, owner.key, "kim", "p", "r1")
    assert target.baseline is not None and (target.baseline.id, target.baseline.history_line_count) == (baseline.id, 0)
    assert target.project.baseline_run_id == baseline.id
