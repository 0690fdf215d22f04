"""Helpers for the run-tracking tests: a team built from rows (Entity kind team, Membership), row
counts, file_stream calls, and the client's operation texts."""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from typing import Any


import httpx
from sqlalchemy import func, select

from app.db import tables
from app.domain.api_keys import issue_key
from app.domain.users import create_user
from tests.support import Account, make_account

ROLES = ("anonymous", "outsider", "viewer", "member", "service", "admin")
WRITTEN = (
    tables.Project,
    tables.Run,
    tables.HistoryRow,
    tables.EventRow,
    tables.ConsoleLine,
    tables.RunFile,
    tables.Alert,
    tables.AuditEvent,
)


@dataclass
class Team:
    name: str
    entity_id: int
    admin: Account
    member: Account
    viewer: Account
    service: Account
    outsider: Account

    def account(self, role: str) -> Account | None:
        return None if role == "anonymous" else getattr(self, role)

    def key(self, role: str) -> str | None:
        account = self.account(role)
        return account.key if account else None


async def make_team(runtime, name: str = "lab", prefix: str = "") -> Team:
    """Team ``name`` with an ADMIN, a MEMBER, a VIEWER, a SERVICE account and an outsider."""
    admin = await make_account(runtime, f"{prefix}ada")
    member = await make_account(runtime, f"{prefix}max")
    viewer = await make_account(runtime, f"{prefix}vic")
    outsider = await make_account(runtime, f"{prefix}otto")
    async with runtime.session_factory.begin() as session:
        team = tables.Entity(name=name, kind="team")
        session.add(team)
        await session.flush()
        service_user = await create_user(session, email=None, username=f"{name}-sa", account_type="SERVICE")
        service_user.default_entity_id = team.id
        issued = issue_key(session, service_user, description="ci")
        for account_id, role in (
            (admin.id, "ADMIN"),
            (member.id, "MEMBER"),
            (viewer.id, "VIEWER"),
            (service_user.id, "SERVICE"),
        ):
            session.add(tables.Membership(team_id=team.id, user_id=account_id, role=role))
        await session.flush()
        service = Account(service_user.id, service_user.username, None, issued.secret, service_user.entity_id)
        team_id = team.id
    return Team(name, team_id, admin, member, viewer, service, outsider)


async def counts(runtime) -> dict[str, int]:
    async with runtime.session_factory() as session:
        return {model.__tablename__: await session.scalar(select(func.count()).select_from(model)) for model in WRITTEN}


async def one(runtime, query) -> Any:
    async with runtime.session_factory() as session:
        return (await session.execute(query)).scalars().first()


async def all_rows(runtime, query) -> list[Any]:
    async with runtime.session_factory() as session:
        return list((await session.execute(query)).scalars().all())


async def post_stream(
    http: httpx.AsyncClient, path: str, body: Any, *, key: str | None, gzipped: bool = False, raw: bytes | None = None
) -> httpx.Response:
    """POST to /files/<path>/file_stream as wandb-core does (Basic api:<key>)."""
    data = raw if raw is not None else json.dumps(body).encode()
    headers = {"content-type": "application/json"}
    if gzipped:
        data = gzip.compress(data)
        headers["content-encoding"] = "gzip"
    auth = ("api", key) if key else None
    return await http.post(f"/files/{path}/file_stream", content=data, headers=headers, auth=auth)


def lines(file_name: str, offset: int, content: list[Any]) -> dict[str, Any]:
    return {file_name: {"offset": offset, "content": [c if isinstance(c, str) else json.dumps(c) for c in content]}}


UPSERT_BUCKET = """
mutation UpsertBucket($id: String, $name: String, $project: String, $entity: String, $groupName: String,
  $description: String, $displayName: String, $notes: String, $commit: String, $config: JSONString,
  $host: String, $debug: Boolean, $program: String, $repo: String, $jobType: String, $state: String,
  $sweep: String, $tags: [String!], $summaryMetrics: JSONString) {
  upsertBucket(input: {id: $id, name: $name, groupName: $groupName, modelName: $project, entityName: $entity,
    description: $description, displayName: $displayName, notes: $notes, config: $config, commit: $commit,
    host: $host, debug: $debug, jobProgram: $program, jobRepo: $repo, jobType: $jobType, state: $state,
    sweep: $sweep, tags: $tags, summaryMetrics: $summaryMetrics}) {
    bucket { id name displayName description config sweepName project { id name entity { id name } } historyLineCount }
    inserted
  }
}"""

UPSERT_BUCKET_PY = """
mutation UpsertBucket($id: String!, $description: String, $display_name: String, $notes: String, $tags: [String!],
  $config: JSONString!, $groupName: String, $jobType: String) {
  upsertBucket(input: {id: $id, description: $description, displayName: $display_name, notes: $notes, tags: $tags,
    config: $config, groupName: $groupName, jobType: $jobType}) {
    bucket { id tags name displayName sweepName state config group jobType commit readOnly createdAt heartbeatAt
      description notes systemMetrics summaryMetrics historyLineCount user { name username } }
  }
}"""

UPSERT_SUMMARY = """
mutation UpsertBucket($id: String, $summaryMetrics: JSONString) {
  upsertBucket(input: {id: $id, summaryMetrics: $summaryMetrics}) { bucket { id } }
}"""

CREATE_RUN_FILES = """
mutation CreateRunFiles($entity: String!, $project: String!, $run: String!, $files: [String!]!) {
  createRunFiles(input: {entityName: $entity, projectName: $project, runName: $run, files: $files}) {
    runID uploadHeaders files { name uploadUrl }
  }
}"""

NOTIFY_ALERT = """
mutation NotifyScriptableRunAlert($entityName: String!, $projectName: String!, $runName: String!, $title: String!,
  $text: String!, $severity: AlertSeverity = INFO, $waitDuration: Duration) {
  notifyScriptableRunAlert(input: {entityName: $entityName, projectName: $projectName, runName: $runName,
    title: $title, text: $text, severity: $severity, waitDuration: $waitDuration}) { success }
}"""

STOP_RUN = "mutation StopRun($id: ID!) { stopRun(input: {id: $id}) { success } }"

RUN_RESUME_STATUS = """
query RunResumeStatus($project: String, $entity: String, $name: String!) {
  model(name: $project, entityName: $entity) {
    id name entity { id name }
    bucket(name: $name, missingOk: true) {
      id name summaryMetrics displayName logLineCount historyLineCount eventsLineCount historyTail eventsTail
      config tags notes wandbConfig(keys: ["t"])
    }
  }
}"""

RUN_FILES = """
query RunFiles($project: String!, $entity: String!, $name: String!, $fileCursor: String, $fileLimit: Int = 50,
  $fileNames: [String] = [], $upload: Boolean = false, $pattern: String) {
  project(name: $project, entityName: $entity) {
    internalId
    run(name: $name) {
      fileCount
      files(names: $fileNames, after: $fileCursor, first: $fileLimit, pattern: $pattern) {
        edges { node { id name url(upload: $upload) directUrl sizeBytes mimetype updatedAt md5 } cursor }
        pageInfo { endCursor hasNextPage }
      }
    }
  }
}"""
