"""Builders for the move/delete/comparison tests: teams, memberships, projects, runs and their rows,
written directly as table rows (independent of the team mutations)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from sqlalchemy import func, select

from app.db.tables import (
    Alert,
    AuditEvent,
    ConsoleLine,
    Entity,
    EventRow,
    HistoryRow,
    Membership,
    Project,
    ProjectMember,
    Run,
    RunFile,
)
from app.db.types import utcnow
from app.domain.api_keys import issue_key
from app.domain.users import create_user
from tests.support import Account, index_run_values, make_account

MOVE = """
mutation Move($input: MoveRunsInput!) {
  moveRuns(input: $input) {
    movedCount dryRun clientMutationId
    runs { name projectId project { name entityName } }
    task { id name state progress result }
  }
}"""

DELETE_RUNS = """
mutation DeleteRuns($input: DeleteRunsInput!) {
  deleteRuns(input: $input) { deletedCount runNames clientMutationId }
}"""

# The text wandb.Api().run(...).delete(delete_artifacts=True) sends.
DELETE_RUN = """
mutation DeleteRun($id: ID!, $deleteArtifacts: Boolean) {
  deleteRun(input: {id: $id, deleteArtifacts: $deleteArtifacts}) { clientMutationId }
}"""

RUN_AT = """
query Run($entity: String!, $project: String!, $name: String!) {
  project(name: $project, entityName: $entity) { run(name: $name) { id name projectId summaryMetrics } }
}"""


async def make_service_account(runtime, team_id: int, username: str) -> Account:
    async with runtime.session_factory.begin() as session:
        user = await create_user(session, email=None, username=username, account_type="SERVICE")
        session.add(Membership(team_id=team_id, user_id=user.id, role="SERVICE"))
        issued = issue_key(session, user, description="service")
    return Account(user.id, user.username, user.email, issued.secret, user.entity_id)


async def make_team(runtime, name: str, members: list[tuple[Account, str]]) -> int:
    async with runtime.session_factory.begin() as session:
        team = Entity(name=name, kind="team")
        session.add(team)
        await session.flush()
        for account, role in members:
            session.add(Membership(team_id=team.id, user_id=account.id, role=role))
    return team.id


async def make_project(
    runtime, entity_id: int, name: str, *, access: str = "PRIVATE", restricted_members: tuple[Account, ...] = ()
) -> int:
    async with runtime.session_factory.begin() as session:
        project = Project(entity_id=entity_id, name=name, access=access)
        session.add(project)
        await session.flush()
        for account in restricted_members:
            session.add(ProjectMember(project_id=project.id, user_id=account.id))
    return project.id


_clock = {"tick": 0}


async def make_run(
    runtime,
    project_id: int,
    name: str,
    owner: Account,
    *,
    created_by: Account | None = None,
    summary: dict | None = None,
    config: dict | None = None,
    tags: list[str] | None = None,
) -> int:
    """A run attributed to ``owner`` (created with ``created_by``'s key, default the owner's); created_at
    increases with every call so "oldest first" is well defined."""
    _clock["tick"] += 1
    created = utcnow() - timedelta(hours=1) + timedelta(seconds=_clock["tick"])
    async with runtime.session_factory.begin() as session:
        run = Run(
            project_id=project_id,
            name=name,
            user_id=owner.id,
            created_by_id=(created_by or owner).id,
            service_account_id=created_by.id if created_by is not None and created_by is not owner else None,
            summary=summary or {},
            config=config or {},
            tags=tags or [],
            state="finished",
            created_at=created,
            updated_at=created,
            heartbeat_at=created,
        )
        session.add(run)
        await index_run_values(session, run)
    return run.id


async def add_run_data(runtime, run_id: int, *, steps: int = 3) -> None:
    """History, system metrics, console lines, a file row and an alert for the run."""
    async with runtime.session_factory.begin() as session:
        for step in range(steps):
            row = {"_step": step, "loss": 1 / (step + 1)}
            session.add(HistoryRow(run_id=run_id, line_no=step, step=step, data=row))
        session.add(EventRow(run_id=run_id, line_no=0, data={"system.cpu": 12}))
        session.add(ConsoleLine(run_id=run_id, line_no=0, text="epoch 1"))
        session.add(RunFile(run_id=run_id, name="model.pt", storage_key=f"blobs/{run_id}/model", uploaded=True))
        session.add(Alert(run_id=run_id, title="loss spike", text="loss went up"))


async def counts_for_run(runtime, run_id: int) -> dict[str, int]:
    async with runtime.session_factory() as session:
        result = {}
        for model in (HistoryRow, EventRow, ConsoleLine, RunFile, Alert):
            result[model.__tablename__] = await session.scalar(
                select(func.count()).select_from(model).where(model.run_id == run_id)
            )
        return result


async def run_names_in(runtime, project_id: int) -> list[str]:
    async with runtime.session_factory() as session:
        return sorted((await session.scalars(select(Run.name).where(Run.project_id == project_id))).all())


async def run_project(runtime, run_id: int) -> int | None:
    async with runtime.session_factory() as session:
        return await session.scalar(select(Run.project_id).where(Run.id == run_id))


async def project_row(runtime, project_id: int) -> Project:
    async with runtime.session_factory() as session:
        return await session.get(Project, project_id)


async def project_named(runtime, entity_id: int, name: str) -> Project | None:
    async with runtime.session_factory() as session:
        return await session.scalar(select(Project).where(Project.entity_id == entity_id, Project.name == name))


async def audit_events(runtime, action_prefix: str = "") -> list[AuditEvent]:
    async with runtime.session_factory() as session:
        rows = await session.scalars(
            select(AuditEvent).where(AuditEvent.action.startswith(action_prefix)).order_by(AuditEvent.id)
        )
        return list(rows.all())


async def set_baseline_row(runtime, project_id: int, run_id: int | None) -> None:
    async with runtime.session_factory.begin() as session:
        project = await session.get(Project, project_id)
        project.baseline_run_id = run_id


@dataclass
class Team:
    """Team "vision": alice ADMIN, bob and carol MEMBER, victor VIEWER, a service account; oscar outside.
    Projects vision/source and vision/target (PRIVATE); bob's runs b1 b2, carol's c1, the service
    account's s1 (logged for carol)."""

    runtime: Any
    alice: Account
    bob: Account
    carol: Account
    victor: Account
    oscar: Account
    service: Account
    team_id: int
    source_id: int
    target_id: int
    runs: dict[str, int] = field(default_factory=dict)

    def move_input(self, **extra: Any) -> dict[str, Any]:
        return {
            "input": {
                "sourceEntityName": "vision",
                "sourceProjectName": "source",
                "destinationEntityName": "vision",
                "destinationProjectName": "target",
                **extra,
            }
        }


async def build_team(runtime) -> Team:
    alice, bob, carol, victor, oscar = [
        await make_account(runtime, name) for name in ("alice", "bob", "carol", "victor", "oscar")
    ]
    roles = [(alice, "ADMIN"), (bob, "MEMBER"), (carol, "MEMBER"), (victor, "VIEWER")]
    team_id = await make_team(runtime, "vision", roles)
    service = await make_service_account(runtime, team_id, "vision-ci")
    source_id = await make_project(runtime, team_id, "source")
    target_id = await make_project(runtime, team_id, "target")
    team = Team(runtime, alice, bob, carol, victor, oscar, service, team_id, source_id, target_id)
    team.runs["b1"] = await make_run(runtime, source_id, "b1", bob, summary={"acc": 0.8}, config={"lr": {"value": 0.1}})
    team.runs["b2"] = await make_run(
        runtime, source_id, "b2", bob, summary={"acc": 0.9}, config={"lr": {"value": 0.01}}
    )
    team.runs["c1"] = await make_run(runtime, source_id, "c1", carol, summary={"acc": 0.7})
    team.runs["s1"] = await make_run(runtime, source_id, "s1", carol, created_by=service, summary={"acc": 0.75})
    return team
