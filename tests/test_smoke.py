from tests.support import make_account


async def test_viewer_is_the_key_owner(gql, runtime):
    alice = await make_account(runtime, "alice")
    data = await gql.data("{ viewer { username entity email teams { edges { node { name } } } } }", key=alice.key)
    assert data["viewer"] == {"username": "alice", "entity": "alice", "email": "alice@example.com",
                              "teams": {"edges": []}}


async def test_wrong_key_is_401(gql):
    status, error = await gql.error("{ viewer { id } }", key="local-" + "x" * 44)
    assert status == 401 and "invalid API key" in error["message"]


async def test_anonymous_viewer_is_null(gql):
    assert (await gql.data("{ viewer { id } }")) == {"viewer": None}
