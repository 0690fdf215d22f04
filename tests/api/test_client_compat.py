"""The fields wandb clients 0.28, 0.30 and 0.31 select beyond the core protocol, with their exact
query texts (tests/support/client_queries.py): server info without upgrade nags, features, updateRunState,
organizations, run and project fields, deleting a run twice, names, /ready."""

from __future__ import annotations


import pytest
from sqlalchemy import func, select

from app.db import tables
from app.domain import compatibility, organizations, policy
from app.domain.actor import Actor
from tests.support import client_queries as q
from tests.support import make_account

UPSERT = """mutation UpsertBucket($name: String, $project: String, $entity: String, $state: String) {
  upsertBucket(input: {name: $name, modelName: $project, entityName: $entity, state: $state}) {
    bucket { id name state } inserted } }"""

# wandb 0.28.2's Run.delete(), as apis/public/runs.py formats it (without and with deleteArtifacts).
DELETE_RUN_0_28 = """
            mutation DeleteRun(
                $id: ID!,

            ) {
                deleteRun(input: {
                    id: $id,

                }) {
                    clientMutationId
                }
            }
        """


async def make_run(gql, account, project="compat", name="r1", state=None) -> str:
    data = await gql.data(
        UPSERT, {"name": name, "project": project, "entity": account.username, "state": state}, key=account.key
    )
    return data["upsertBucket"]["bucket"]["id"]


async def test_0_28_viewer_with_server_info_has_versions_and_no_upgrade_nag(gql, alice):
    data = await gql.data(q.VIEWER_0_28, key=alice.key)
    assert data["viewer"]["username"] == "alice"
    assert data["viewer"]["teams"]["edges"] == [{"node": {"name": "alice"}}]
    info = data["serverInfo"]
    # The client compares max_cli_version with 0.12.14 (image paths) and 0.11.0 (client ids).
    assert info["cliVersionInfo"] == {
        "min_cli_version": compatibility.MIN_CLI_VERSION,
        "max_cli_version": compatibility.MAX_CLI_VERSION,
    }
    local = info["latestLocalVersionInfo"]
    assert local["outOfDate"] is False
    assert local["latestVersionString"] == local["versionOnThisInstanceString"] != ""


async def test_0_30_verify_server_info_covers_the_client(gql, alice):
    from packaging.version import parse

    info = (await gql.data(q.SERVER_INFO_0_30, key=alice.key))["serverInfo"]["cliVersionInfo"]
    assert parse(info["min_cli_version"]) <= parse("0.28.2") <= parse("0.31.0") <= parse(info["max_cli_version"])


@pytest.mark.parametrize("query", [q.SERVER_FEATURES_QUERY_0_28, q.SERVER_FEATURES_QUERY_0_31])
async def test_features_advertise_only_what_is_implemented(gql, query):
    features = (await gql.data(query))["serverInfo"]["features"]
    assert features == [
        {"name": "FILESTREAM_GZIP", "isEnabled": True},
        {"name": "UPDATE_RUN_STATE", "isEnabled": True},
        {"name": "ARTIFACT_COLLECTIONS_FILTERING_SORTING", "isEnabled": True},
    ]


async def test_server_info_frontend_host_and_bucket_providers(gql):
    info = (await gql.data("{ serverInfo { frontendHost availableBucketProviders } }"))["serverInfo"]
    assert info["frontendHost"].startswith("http") and info["availableBucketProviders"] == []


@pytest.mark.parametrize("query", [q.UPDATE_RUN_STATE_0_30, q.UPDATE_RUN_STATE_0_31])
async def test_update_run_state_transitions(gql, runtime, alice, bob, query):
    run_id = await make_run(gql, alice)
    assert (await gql.data(query, {"input": {"id": run_id, "state": "failed"}}, key=alice.key)) == {
        "updateRunState": {"success": True}
    }
    status, error = await gql.error(query, {"input": {"id": run_id, "state": "failed"}}, key=alice.key)
    assert status == 409 and "invalid state transition" in error["message"]
    assert (await gql.data(query, {"input": {"id": run_id, "state": "pending"}}, key=alice.key))["updateRunState"][
        "success"
    ]
    status, error = await gql.error(query, {"input": {"id": run_id, "state": "finished"}}, key=alice.key)
    assert status == 400 and "pending or failed" in error["message"]
    status, error = await gql.error(query, {"input": {"id": run_id, "state": "failed"}}, key=bob.key)
    assert status == 404
    async with runtime.session_factory() as session:
        run = await session.scalar(select(tables.Run).where(tables.Run.name == "r1"))
        events = (
            await session.scalars(
                select(tables.AuditEvent.details)
                .where(tables.AuditEvent.action == "run.update_state")
                .order_by(tables.AuditEvent.id)
            )
        ).all()
    assert run.state == "pending"
    assert [(e["previous"], e["state"]) for e in events] == [("running", "failed"), ("failed", "pending")]


async def test_0_28_run_stopped_status_and_project_details(gql, alice):
    run_id = await make_run(gql, alice)
    variables = {"projectName": "compat", "entityName": "alice", "runId": "r1"}
    assert (await gql.data(q.RUN_STOPPED_STATUS_0_28, variables, key=alice.key)) == {
        "project": {"run": {"stopped": False}}
    }
    await gql.data("mutation($id: ID!) { stopRun(input: {id: $id}) { success } }", {"id": run_id}, key=alice.key)
    assert (await gql.data(q.RUN_STOPPED_STATUS_0_28, variables, key=alice.key))["project"]["run"]["stopped"]
    details = await gql.data(q.PROJECT_DETAILS_0_28, {"entity": "alice", "project": "compat"}, key=alice.key)
    assert details["model"]["name"] == "compat" and details["model"]["repo"] is None
    assert details["model"]["dockerImage"] is None


async def test_0_28_run_info(gql, runtime, alice):
    await make_run(gql, alice)
    async with runtime.session_factory.begin() as session:
        run = await session.scalar(select(tables.Run).where(tables.Run.name == "r1"))
        run.program, run.git_commit, run.git_remote = "train.py", "abc123", "https://git.example/repo.git"
    info = await gql.data(q.RUN_INFO_0_28, {"project": "compat", "entity": "alice", "name": "r1"}, key=alice.key)
    run_info = info["project"]["run"]["runInfo"]
    assert run_info["program"] == "train.py"
    assert run_info["git"] == {"remote": "https://git.example/repo.git", "commit": "abc123"}
    assert run_info["args"] is None and run_info["codeSaved"] is None


@pytest.mark.parametrize("query,last", [(q.RUN_CONSOLE_LOG_TAIL_0_30, True), (q.RUN_CONSOLE_LOG_PAGE_0_31, False)])
async def test_console_log_lines(gql, runtime, alice, query, last):
    await make_run(gql, alice)
    async with runtime.session_factory.begin() as session:
        run = await session.scalar(select(tables.Run).where(tables.Run.name == "r1"))
        session.add_all([tables.ConsoleLine(run_id=run.id, line_no=i, text=f"line {i}") for i in range(5)])
        run.log_line_count = 5
    variables = {"entity": "alice", "project": "compat", "runName": "r1"}
    variables.update({"last": 2} if last else {"first": 3})
    run = (await gql.data(query, variables, key=alice.key))["project"]["run"]
    lines = [(e["node"]["number"], e["node"]["line"]) for e in run["logLines"]["edges"]]
    assert run["logLineCount"] == 5
    if last:
        assert lines == [(3, "line 3"), (4, "line 4")]
    else:
        assert lines == [(0, "line 0"), (1, "line 1"), (2, "line 2")] and run["logLines"]["pageInfo"]["hasNextPage"]
        after = run["logLines"]["pageInfo"]["endCursor"]
        rest = (await gql.data(query, {**variables, "after": after}, key=alice.key))["project"]["run"]["logLines"]
        assert [e["node"]["number"] for e in rest["edges"]] == [3, 4] and not rest["pageInfo"]["hasNextPage"]


async def test_deleting_a_run_twice_is_not_an_error(gql, runtime, alice, bob):
    run_id = await make_run(gql, alice)
    assert (await gql.data(DELETE_RUN_0_28, {"id": run_id}, key=alice.key)) == {"deleteRun": {"clientMutationId": None}}
    assert (await gql.data(DELETE_RUN_0_28, {"id": run_id}, key=alice.key)) == {"deleteRun": {"clientMutationId": None}}
    status, _ = await gql.error(DELETE_RUN_0_28, {"id": run_id}, key=bob.key)  # someone else: still not found
    assert status == 404
    async with runtime.session_factory() as session:
        deletes = await session.scalar(
            select(func.count()).select_from(tables.AuditEvent).where(tables.AuditEvent.action == "run.delete")
        )
    assert deletes == 1


async def make_org(runtime, name, admin, *members):
    """An organization made by an instance admin, with ``admin`` as its admin and ``members`` (account, role)."""
    async with runtime.session_factory() as session:
        root_id = await session.scalar(select(tables.User.id).where(tables.User.username == "instance-admin"))
    if root_id is None:
        root_id = (await make_account(runtime, "instance-admin", admin=True)).id
    async with runtime.session_factory.begin() as session:
        actor = Actor(user=await session.get(tables.User, root_id))
        org = await organizations.create(session, actor, name, admin=await session.get(tables.User, admin.id))
        for account, role in members:
            await organizations.add_member(session, actor, org, await session.get(tables.User, account.id), role)
        return org.id


async def test_organizations_by_name_for_members_only(gql, runtime, alice, bob):
    carol = await make_account(runtime, "carol")
    await make_org(runtime, "Acme-Org", alice, (bob, "member"))
    for query in (q.FETCH_ORGANIZATION_0_30, q.FETCH_ORGANIZATION_0_31):
        org = (await gql.data(query, {"org": "acme-org"}, key=bob.key))["organization"]
        assert org["name"] == "Acme-Org" and org["orgEntity"] is None
        assert (await gql.data(query, {"org": "Acme-Org"}, key=carol.key)) == {"organization": None}
        assert (await gql.data(query, {"org": "nope"}, key=bob.key)) == {"organization": None}
    flags = await gql.data(q.ORG_FEATURE_FLAGS_0_31, {"org": "Acme-Org"}, key=alice.key)
    assert flags == {"organization": {"featureFlags": []}}


async def test_org_admins_see_all_teams_members_their_own(gql, runtime, alice, bob):
    await make_org(runtime, "acme-org", alice, (bob, "member"))
    for team, admin_key in (("red-team", alice.key), ("blue-team", bob.key)):
        await gql.data(
            "mutation($n: String!) { createTeam(input: {teamName: $n}) { entity { name } } }",
            {"n": team},
            key=admin_key,
        )
    async with runtime.session_factory.begin() as session:
        org = await organizations.by_name(session, "acme-org")
        for team in ("red-team", "blue-team"):
            entity = await session.scalar(select(tables.Entity).where(tables.Entity.name == team))
            entity.organization_id = org.id
    query = "query($n: String!) { organization(name: $n) { viewerRole teams { name } members { username role } } }"
    as_admin = (await gql.data(query, {"n": "acme-org"}, key=alice.key))["organization"]
    as_member = (await gql.data(query, {"n": "acme-org"}, key=bob.key))["organization"]
    assert as_admin["viewerRole"] == "admin" and [t["name"] for t in as_admin["teams"]] == ["blue-team", "red-team"]
    assert as_member["viewerRole"] == "member" and [t["name"] for t in as_member["teams"]] == ["blue-team"]
    assert as_admin["members"] == [{"username": "alice", "role": "admin"}, {"username": "bob", "role": "member"}]
    # 0.28's FetchOrgInfoFromEntity: the team's organization and the user's organizations.
    info = (await gql.data(q.FETCH_ORG_INFO_FROM_ENTITY_0_28, {"entity": "blue-team"}, key=bob.key))["entity"]
    assert info == {"organization": {"name": "acme-org", "orgEntity": None}, "user": None}
    info = (await gql.data(q.FETCH_ORG_INFO_FROM_ENTITY_0_28, {"entity": "bob"}, key=bob.key))["entity"]
    assert info == {"organization": None, "user": {"organizations": [{"name": "acme-org", "orgEntity": None}]}}
    core = await gql.data(q.ORGANIZATION_CORE_WEAVE_ORGANIZATION_I_D_0_31, {"entityName": "red-team"}, key=bob.key)
    assert core == {"entity": {"organization": {"coreWeaveOrganizationId": None}}}


async def test_organizations_through_graphql(gql, runtime, alice, bob):
    root = await make_account(runtime, "instance-admin", admin=True)
    created = await gql.data(
        """mutation { createOrganization(input: {name: "Lab-Org", adminUsername: "alice"}) {
        organization { id name viewerRole } } }""",
        key=root.key,
    )
    org = created["createOrganization"]["organization"]
    assert (org["name"], org["viewerRole"]) == ("Lab-Org", None)  # the instance admin is not a member
    added = """mutation($u: String!, $r: OrganizationRole!) { addOrganizationMember(input: {
        organizationName: "lab-org", username: $u, role: $r}) { organization { members { username role } } } }"""
    members = (await gql.data(added, {"u": "bob", "r": "MEMBER"}, key=alice.key))["addOrganizationMember"]
    assert members["organization"]["members"] == [
        {"username": "alice", "role": "admin"},
        {"username": "bob", "role": "member"},
    ]
    status, error = await gql.error(added, {"u": "bob", "r": "ADMIN"}, key=bob.key)
    assert status == 403 and "only admins of organization Lab-Org" in error["message"]
    team = """mutation($n: String!, $o: ID) { createTeam(input: {teamName: $n, organizationId: $o}) {
        entity { name organization { name } } } }"""
    made = await gql.data(team, {"n": "lab-team", "o": org["id"]}, key=alice.key)
    assert made["createTeam"]["entity"] == {"name": "lab-team", "organization": {"name": "Lab-Org"}}
    status, _ = await gql.error(team, {"n": "bob-team", "o": org["id"]}, key=bob.key)  # a member, not an admin
    assert status == 403
    carol = await make_account(runtime, "carol")
    status, _ = await gql.error(team, {"n": "carol-team", "o": org["id"]}, key=carol.key)  # an outsider
    assert status == 404
    async with runtime.session_factory() as session:
        assert (
            await session.scalar(select(tables.Entity.id).where(tables.Entity.name.in_(("bob-team", "carol-team"))))
            is None
        )


async def test_organization_rules(runtime, alice, bob):
    async with runtime.session_factory.begin() as session:
        alice_user = await session.get(tables.User, alice.id)
        with pytest.raises(Exception, match="only instance admins"):
            await organizations.create(session, Actor(user=alice_user), "mine", admin=alice_user)
    await make_org(runtime, "acme-org", alice)
    async with runtime.session_factory.begin() as session:
        org = await organizations.by_name(session, "ACME-ORG")
        bob_user = await session.get(tables.User, bob.id)
        with pytest.raises(Exception, match="only admins of organization acme-org"):
            await organizations.add_member(session, Actor(user=bob_user), org, bob_user, "admin")
        alice_user = await session.get(tables.User, alice.id)
        with pytest.raises(Exception, match="invalid organization role"):
            await organizations.add_member(session, Actor(user=alice_user), org, bob_user, "owner")
    assert policy.can_see_all_organization_teams(Actor(user=alice_user), "ADMIN")
    assert not policy.can_see_all_organization_teams(Actor(user=bob_user), "MEMBER")


async def test_0_28_create_team_and_entity_lookups(gql, alice):
    created = await gql.data(q.CREATE_TEAM_0_28, {"teamName": "Team-gw0-abc", "teamAdminUserName": None}, key=alice.key)
    assert created["result"]["entity"]["name"] == "Team-gw0-abc" and created["result"]["entity"]["available"]
    status, error = await gql.error(q.CREATE_TEAM_0_28, {"teamName": "team-GW0-ABC"}, key=alice.key)
    assert status == 409 and "already taken" in error["message"]
    viewer = (await gql.data(q.VIEWER_0_28, key=alice.key))["viewer"]
    assert [e["node"]["name"] for e in viewer["teams"]["edges"]] == ["alice", "Team-gw0-abc"]
    entity = await gql.data(
        "query($n: String!) { entity(name: $n) { name isTeam members { username } } }",
        {"n": "Team-gw0-abc"},
        key=alice.key,
    )
    assert entity["entity"] == {"name": "Team-gw0-abc", "isTeam": True, "members": [{"username": "alice"}]}


async def test_names_the_client_generates_are_accepted(gql, runtime, alice):
    # wandb's system tests name users user-<worker>-<random> and keys must be 40+ characters.
    long_name = "user-gw0-" + "a1b2c3d4" * 12
    assert len(long_name) > 64
    account = await make_account(runtime, long_name, email="long@example.com")
    mixed = await make_account(runtime, "Mixed_Case.User", email="mixed@example.com")
    for who in (account, mixed):
        viewer = (await gql.data("{ viewer { username entity } }", key=who.key))["viewer"]
        assert viewer == {"username": who.username, "entity": who.username}
        await make_run(gql, who)
    with pytest.raises(Exception, match="already taken"):
        await make_account(runtime, "mixed_case.user", email="other@example.com")
    with pytest.raises(Exception, match="invalid name"):
        await make_account(runtime, "x" * 129, email="toolong@example.com")


async def test_ready_beside_readyz(http):
    for path in ("/ready", "/readyz"):
        response = await http.get(path)
        assert response.status_code == 200 and response.json() == {"status": "ready"}
