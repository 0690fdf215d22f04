"""The ``viewerCan*`` fields the web app shows its actions by answer what the server then does: for
every project access and every actor (the team's roles, an outsider, anonymous, an instance admin),
each field is true exactly when its mutation succeeds."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.db import tables
from tests.support import make_account
from tests.support.artifacts import save_artifact
from tests.support.moves import make_run
from tests.support.teams import ACTORS, make_team

VIEWER_CAN = """query { project(entityName: "acme", name: "vision") {
  viewerCanSetBaseline viewerCanManageRules viewerCanWriteArtifacts viewerCanEditRuns } }"""
MUTATIONS = {
    "viewerCanSetBaseline": """mutation { setProjectBaseline(input: {entityName: "acme", projectName: "vision",
      runName: "reference"}) { project { id } } }""",
    "viewerCanManageRules": """mutation($name: String!) { createMetricRule(input: {entityName: "acme",
      projectName: "vision", name: $name, metric: "loss", direction: LOWER_IS_BETTER, comparison: THRESHOLD,
      threshold: 0.5}) { rule { id } } }""",
    "viewerCanWriteArtifacts": """mutation($id: ID!) { updateArtifact(input: {artifactID: $id,
      description: "checked"}) { artifact { id } } }""",
    # the runs table offers selection where some run is the viewer's to edit: here, one they logged
    "viewerCanEditRuns": """mutation($own: String!) { updateRunTags(input: {entityName: "acme",
      projectName: "vision", runNames: [$own], addTags: ["checked"]}) { updatedCount } }""",
}


@pytest.mark.parametrize("access", ["PRIVATE", "RESTRICTED", "USER_READ", "USER_WRITE"])
async def test_each_viewer_can_field_answers_what_its_mutation_does(gql, runtime, access):
    team = await make_team(runtime)
    saved = await save_artifact(runtime, "ada", "acme", "vision", "dataset", {"README": b"hello"})
    async with runtime.session_factory.begin() as session:
        project = await session.scalar(select(tables.Project).where(tables.Project.name == "vision"))
        project.access = access
        if access == "RESTRICTED":
            session.add(tables.ProjectMember(project_id=project.id, user_id=team.member.id))
    await make_run(runtime, project.id, "reference", team.member)
    keys = {actor: (account.key if (account := team.by_role(actor)) else None) for actor in ACTORS}
    operator = await make_account(runtime, "operator", admin=True)
    keys["instance admin"] = operator.key
    own_runs = {"anonymous": "reference"}
    for actor in keys.keys() - own_runs.keys():
        account = operator if actor == "instance admin" else team.by_role(actor)
        own_runs[actor] = f"by-{account.username}"
        await make_run(runtime, project.id, own_runs[actor], account)
    answered = {}
    for actor, key in keys.items():
        shown = (await gql.post(VIEWER_CAN, {}, key=key)).json()["data"]["project"]
        for field, mutation in MUTATIONS.items():
            variables = {"name": f"rule-{len(answered)}", "id": saved.global_id, "own": own_runs[actor]}
            done = (await gql.post(mutation, variables, key=key)).json()
            answered[actor, field] = not done.get("errors")
            assert (shown is not None and shown[field]) == answered[actor, field], (actor, field, shown, done)
    # not all of one answer: a MEMBER (on the list of a RESTRICTED project) writes, anonymous never does
    assert answered["member", "viewerCanWriteArtifacts"] and not answered["anonymous", "viewerCanWriteArtifacts"]
    assert answered["viewer", "viewerCanWriteArtifacts"] == (access == "USER_WRITE")
    assert answered["service", "viewerCanEditRuns"] == (access != "RESTRICTED")  # not on that list
