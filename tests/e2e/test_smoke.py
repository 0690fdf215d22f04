from tests.support import make_account


async def test_viewer_is_the_key_owner(gql, runtime):
    alice = await make_account(runtime, "alice")
    data = await gql.data("{ viewer { username entity email teams { edges { node { name } } } } }", key=alice.key)
    assert data["viewer"] == {
        "username": "alice",
        "entity": "alice",
        "email": "alice@example.com",
        "teams": {"edges": [{"node": {"name": "alice"}}]},
    }


async def test_wrong_key_is_401(gql):
    status, error = await gql.error("{ viewer { id } }", key="local-" + "x" * 44)
    assert status == 401 and "invalid API key" in error["message"]


async def test_anonymous_viewer_is_null(gql):
    assert (await gql.data("{ viewer { id } }")) == {"viewer": None}


async def test_graphql_use_of_a_key_records_when_it_was_last_used(gql, runtime):
    from sqlalchemy import select

    from app.db.tables import ApiKey

    alice = await make_account(runtime, "alice")
    await gql.data("{ viewer { id } }", key=alice.key)
    async with runtime.session_factory() as session:
        used = await session.scalar(select(ApiKey.last_used_at).where(ApiKey.user_id == alice.id))
    assert used is not None
