"""The fixed cost of a GraphQL request: read sessions without transactions, and the statements a
request needs before its own work (the key, the project)."""

from __future__ import annotations

from sqlalchemy import select

from app.domain.kinds import ProjectAccess
from tests.support import moves
from tests.support import make_account, recorded_statements
from tests.support.run_queries import make_project, make_runs


async def _in_transaction(session) -> bool:
    connection = await (await session.connection()).get_raw_connection()
    driver = connection.driver_connection
    return driver.is_in_transaction() if hasattr(driver, "is_in_transaction") else driver.in_transaction


async def test_read_sessions_send_no_begin_and_write_sessions_do(runtime):
    async with runtime.read_session_factory() as session:
        assert await session.scalar(select(1)) == 1
        assert not await _in_transaction(session)
    async with runtime.session_factory.begin() as session:
        await session.execute(select(1))
        assert await _in_transaction(session)


async def _statements(gql, runtime, key: str, query: str) -> list[str]:
    await gql.data("{ viewer { id } }", key=key)  # a key's first use also records it was used
    with recorded_statements(runtime.engine) as statements:
        await gql.data(query, key=key)
    return [s for s in statements if not s.startswith("BEGIN")]


async def test_the_viewer_and_their_entity_come_with_the_key_in_one_statement(gql, runtime, alice):
    statements = await _statements(gql, runtime, alice.key, "{ viewer { id username entity } }")
    assert len(statements) == 1 and statements[0].startswith("SELECT api_key.")


async def test_a_project_and_its_entity_are_one_statement(gql, runtime, alice):
    await make_project(runtime, alice)
    query = '{ project(name: "p", entityName: "alice") { name entityName entity { name } } }'
    statements = await _statements(gql, runtime, alice.key, query)
    assert len(statements) == 2 and "JOIN entity" in statements[1], statements


async def test_the_viewer_s_own_runs_read_no_accounts_or_entities_again(gql, runtime, alice):
    project = await make_project(runtime, alice)
    await make_runs(runtime, project, [dict(user_id=alice.id, created_by_id=alice.id) for _ in range(3)])
    query = """{ project(name: "p", entityName: "alice") { runs { edges { node {
        name user { username } createdBy { username } project { entityName } } } } } }"""
    statements = await _statements(gql, runtime, alice.key, query)
    assert not [s for s in statements[1:] if s.startswith(("SELECT user_account.", "SELECT entity."))], statements


async def test_a_run_asked_by_name_comes_with_its_project(gql, runtime, alice):
    project = await make_project(runtime, alice)
    await make_runs(runtime, project, [dict(), dict()])
    one = '{ project(name: "p", entityName: "alice") { name run(name: "run001") { name } } }'
    statements = await _statements(gql, runtime, alice.key, one)
    assert len(statements) == 2 and "JOIN run" in statements[1], statements
    assert await gql.data(one, key=alice.key) == {"project": {"name": "p", "run": {"name": "run001"}}}
    missing = '{ project(name: "p", entityName: "alice") { run(name: "nope") { name } bucket(name: "nope") { name } } }'
    assert len(await _statements(gql, runtime, alice.key, missing)) == 2
    assert await gql.data(missing, key=alice.key) == {"project": {"run": None, "bucket": None}}
    two = '{ project(name: "p", entityName: "alice") { a: run(name: "run000") { name } b: run(name: "run001") { name } } }'
    assert len(await _statements(gql, runtime, alice.key, two)) == 4  # each run on its own
    assert await gql.data(two, key=alice.key) == {"project": {"a": {"name": "run000"}, "b": {"name": "run001"}}}


async def test_a_team_project_and_the_viewer_s_access_are_one_statement(gql, runtime):
    member, admin, colleague, outsider = [await make_account(runtime, name) for name in ("mia", "ada", "cal", "oli")]
    team_id = await moves.make_team(runtime, "lab", [(member, "MEMBER"), (admin, "ADMIN"), (colleague, "MEMBER")])
    await moves.make_project(runtime, team_id, "shared")
    await moves.make_project(
        runtime, team_id, "secret", access=ProjectAccess.RESTRICTED, restricted_members=(colleague,)
    )
    await moves.make_project(runtime, team_id, "public", access=ProjectAccess.PUBLIC)

    async def name_seen(account, project: str) -> str | None:
        query = f'{{ project(name: "{project}", entityName: "lab") {{ name entity {{ name }} }} }}'
        statements = await _statements(gql, runtime, account.key, query)
        assert len(statements) == 2, statements
        answer = (await gql.data(query, key=account.key))["project"]
        return answer and answer["name"]

    assert [await name_seen(member, p) for p in ("shared", "secret", "public")] == ["shared", None, "public"]
    assert [await name_seen(admin, p) for p in ("shared", "secret", "public")] == ["shared", "secret", "public"]
    assert [await name_seen(colleague, p) for p in ("shared", "secret", "public")] == ["shared", "secret", "public"]
    assert [await name_seen(outsider, p) for p in ("shared", "secret", "public")] == [None, None, "public"]
