"""Authorization matrix (DESIGN.md §7) of the metric-rule, alert and webhook operations: as anonymous,
outsider, VIEWER, MEMBER, SERVICE and ADMIN of team acme, allowed, or denied with the right code and
status and nothing written. The subscription's row is in tests/e2e/test_wandb_alerts.py (a real socket)."""

from __future__ import annotations

from typing import Awaitable, Callable

import pytest
from sqlalchemy import func, select

from app.api import ids
from app.db import tables
from app.domain.actor import Actor
from app.domain.projects import create_project
from tests.support.teams import TeamFixture, expect_outcome, make_team, matrix

COUNTED = (tables.MetricRule, tables.Webhook, tables.Alert, tables.RuleState, tables.RuleVerdict, tables.AuditEvent)

Setup = Callable[[object, TeamFixture], Awaitable[dict]]

CREATE_RULE = """mutation($input: CreateMetricRuleInput!) { createMetricRule(input: $input) { rule { id } } }"""
UPDATE_RULE = """mutation { updateMetricRule(input: {entityName: "acme", projectName: "models", name: "cap",
  threshold: 0.9}) { rule { id } } }"""
DELETE_RULE = """mutation { deleteMetricRule(input: {entityName: "acme", projectName: "models", name: "cap"}) {
  success } }"""
EVALUATE_RULE = """mutation { evaluateMetricRule(input: {entityName: "acme", projectName: "models", name: "cap"}) {
  evaluatedRuns } }"""
CREATE_WEBHOOK = """mutation($input: CreateWebhookInput!) { createWebhook(input: $input) { webhook { id } } }"""
DELETE_WEBHOOK = """mutation($id: ID!) { deleteWebhook(input: {id: $id}) { success } }"""
DELIVERIES = """query($id: ID!) { webhookDeliveries(webhookId: $id) { attempt } }"""
ACKNOWLEDGE = """mutation($id: ID!) { acknowledgeAlert(input: {id: $id}) { alert { state } } }"""
SNOOZE = """mutation($id: ID!) { snoozeAlert(input: {id: $id, minutes: 10}) { alert { state } } }"""
RULE = {
    "entityName": "acme",
    "projectName": "models",
    "name": "new",
    "metric": "loss",
    "direction": "LOWER_IS_BETTER",
    "comparison": "THRESHOLD",
    "threshold": 0.5,
}


async def _project(runtime) -> tables.Project:
    async with runtime.session_factory.begin() as session:
        ada = await session.scalar(select(tables.User).where(tables.User.username == "ada"))
        entity = await session.scalar(select(tables.Entity).where(tables.Entity.name == "acme"))
        return await create_project(session, Actor(user=ada), entity, "models")


async def project(runtime, team: TeamFixture) -> dict:
    await _project(runtime)
    return {"input": RULE}


async def project_webhook(runtime, team: TeamFixture) -> dict:
    await _project(runtime)
    return {
        "input": {"entityName": "acme", "projectName": "models", "url": "https://hooks.example.com/x", "secret": "s"}
    }


async def team_webhook(runtime, team: TeamFixture) -> dict:
    return {"input": {"entityName": "acme", "url": "https://hooks.example.com/x", "secret": "s"}}


async def rule(runtime, team: TeamFixture) -> dict:
    found = await _project(runtime)
    async with runtime.session_factory.begin() as session:
        session.add(
            tables.MetricRule(
                project_id=found.id,
                name="cap",
                metric="loss",
                direction="LOWER_IS_BETTER",
                comparison="THRESHOLD",
                threshold=0.5,
            )
        )
    return {}


async def webhook(runtime, team: TeamFixture) -> dict:
    found = await _project(runtime)
    async with runtime.session_factory.begin() as session:
        hook = tables.Webhook(
            entity_id=found.entity_id,
            project_id=found.id,
            url="https://hooks.example.com/x",
            secret="s",
            event_kinds=["alert.opened"],
        )
        session.add(hook)
        await session.flush()
        return {"id": ids.encode("Webhook", hook.id)}


async def alert(runtime, team: TeamFixture) -> dict:
    found = await _project(runtime)
    async with runtime.session_factory.begin() as session:
        run = tables.Run(project_id=found.id, name="r1", config={}, summary={}, tags=[])
        session.add(run)
        await session.flush()
        row = tables.Alert(run_id=run.id, title="t", text="x", kind="RULE")
        session.add(row)
        await session.flush()
        return {"id": ids.encode("Alert", row.id)}


def fixed(variables: dict) -> Setup:
    async def setup(runtime, team):
        return variables

    return setup


# name: (query, setup, outcomes for anonymous outsider viewer member service admin)
CASES: dict[str, tuple[str, Setup, str]] = {
    "createMetricRule": (CREATE_RULE, project, "U N F ok ok ok"),
    "createMetricRule/no such project": (CREATE_RULE, fixed({"input": RULE}), "U N N N N N"),
    "updateMetricRule": (UPDATE_RULE, rule, "U N F ok ok ok"),
    "deleteMetricRule": (DELETE_RULE, rule, "U N F ok ok ok"),
    "evaluateMetricRule": (EVALUATE_RULE, rule, "U N F ok ok ok"),
    "createWebhook/project": (CREATE_WEBHOOK, project_webhook, "U N F ok ok ok"),
    "createWebhook/team": (CREATE_WEBHOOK, team_webhook, "U F F F F ok"),
    "deleteWebhook": (DELETE_WEBHOOK, webhook, "U N F ok ok ok"),
    "webhookDeliveries": (DELIVERIES, webhook, "U N F ok ok ok"),
    "acknowledgeAlert": (ACKNOWLEDGE, alert, "U N F ok ok ok"),
    "snoozeAlert": (SNOOZE, alert, "U N F ok ok ok"),
}

MATRIX = matrix(CASES)


async def _counts(runtime) -> dict[str, int]:
    async with runtime.session_factory() as session:
        return {t.__tablename__: await session.scalar(select(func.count()).select_from(t)) for t in COUNTED}


@pytest.mark.parametrize(("case", "actor", "outcome"), MATRIX, ids=[f"{c}-{a}" for c, a, _ in MATRIX])
async def test_authorization(gql, runtime, case, actor, outcome):
    query, setup, _ = CASES[case]
    team = await make_team(runtime)
    variables = await setup(runtime, team)
    account = team.by_role(actor)
    await expect_outcome(gql, query, variables, account.key if account else None, outcome, lambda: _counts(runtime))
