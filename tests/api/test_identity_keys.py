"""API keys (generate, list, revoke -> 401), createUser, and the request guards (depth, tokens, body size)."""

from __future__ import annotations

from app.api.schema import MAX_DEPTH
from tests.support import make_account
from tests.support.teams import CREATE_TEAM, DELETE_KEY, GENERATE_KEY, make_team, row_counts

KEYS = "{ viewer { apiKeys { edges { node { id name description } } } } }"


async def test_generated_key_works_until_revoked(gql, runtime):
    alice = await make_account(runtime, "alice")
    made = (await gql.data(GENERATE_KEY, {"description": "laptop"}, key=alice.key))["result"]
    secret = made["secret"]
    assert secret.startswith("local-") and len(secret) >= 46 and made["apiKey"]["name"] == secret
    assert (await gql.data("{ viewer { username } }", key=secret))["viewer"]["username"] == "alice"

    listed = [e["node"] for e in (await gql.data(KEYS, key=alice.key))["viewer"]["apiKeys"]["edges"]]
    assert [k["description"] for k in listed] == ["test", "laptop"]
    assert listed[1]["id"] == made["apiKey"]["id"] and secret.startswith(listed[1]["name"])
    assert listed[1]["name"] != secret  # lists show a prefix, never the secret

    assert (await gql.data(DELETE_KEY, {"id": made["apiKey"]["id"]}, key=alice.key))["result"] == {"success": True}
    status, error = await gql.error("{ viewer { username } }", key=secret)
    assert status == 401 and "revoked" in error["message"]
    _, error = await gql.error(DELETE_KEY, {"id": made["apiKey"]["id"]}, key=alice.key)
    assert error["extensions"]["code"] == "NOT_FOUND"


async def test_keys_of_others_are_invisible_and_untouchable(gql, runtime):
    alice = await make_account(runtime, "alice")
    bob = await make_account(runtime, "bob")
    alice_key_id = (await gql.data(KEYS, key=alice.key))["viewer"]["apiKeys"]["edges"][0]["node"]["id"]
    before = await row_counts(runtime)
    status, error = await gql.error(DELETE_KEY, {"id": alice_key_id}, key=bob.key)
    assert (status, error["extensions"]["code"]) == (404, "NOT_FOUND")
    _, error = await gql.error(DELETE_KEY, {"id": "not-an-id"}, key=bob.key)
    assert error["extensions"]["code"] == "BAD_USER_INPUT" and "invalid id" in error["message"]
    assert await row_counts(runtime) == before
    assert (await gql.data("{ viewer { username } }", key=alice.key))["viewer"]["username"] == "alice"


async def test_service_account_viewer_and_key_listing(gql, runtime):
    team = await make_team(runtime)
    viewer = (await gql.data("{ viewer { username entity email accountType admin } }", key=team.service.key))["viewer"]
    assert viewer == {
        "username": team.service.username,
        "entity": "acme",
        "email": None,
        "accountType": "SERVICE",
        "admin": False,
    }
    _, error = await gql.error(GENERATE_KEY, {"description": "more"}, key=team.service.key)
    assert error["extensions"]["code"] == "FORBIDDEN" and "team's admins" in error["message"]


async def test_too_deep_query_is_refused_before_anything_runs(gql, runtime):
    alice = await make_account(runtime, "alice")
    nested = "{ viewer { defaultEntity { " + "... on User { defaultEntity { " * MAX_DEPTH + "name" + " } }" * MAX_DEPTH
    nested += " } } }"
    before = await row_counts(runtime)
    status, error = await gql.error(nested, key=alice.key)
    assert status in (200, 400) and "exceeds maximum operation depth" in error["message"]
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    mutation = (
        'mutation { createTeam(input: {teamName: "deep"}) { entity { ' + "projects { edges { node { entity { " * 8
    )
    mutation += "name" + " } } } }" * 8 + " } } }"
    _, error = await gql.error(mutation, key=alice.key)
    assert "exceeds maximum operation depth" in error["message"]
    assert await row_counts(runtime) == before


async def test_too_many_tokens_and_too_large_bodies_are_refused(gql, runtime):
    alice = await make_account(runtime, "alice")
    before = await row_counts(runtime)
    wide = (
        "mutation { "
        + " ".join(f't{i}: createTeam(input: {{teamName: "team{i}"}}) {{ entity {{ name }} }}' for i in range(400))
        + " }"
    )
    _, error = await gql.error(wide, key=alice.key)
    assert "token" in error["message"].lower() or "alias" in error["message"].lower()
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    response = await gql.http.post(
        "/graphql",
        content=b"{" + b" " * (runtime.settings.max_request_body_bytes + 1) + b"}",
        headers={"content-type": "application/json"},
        auth=("api", alice.key),
    )
    assert response.status_code == 413 and response.json()["errors"][0]["extensions"]["code"] == "PAYLOAD_TOO_LARGE"
    assert await row_counts(runtime) == before
    await gql.data(CREATE_TEAM, {"name": "fine"}, key=alice.key)
