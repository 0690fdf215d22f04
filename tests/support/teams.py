"""Helpers for the team tests: a team with one account per role, row counts, the mutations' texts."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Awaitable, Callable

from sqlalchemy import func, select

from app.db import tables
from app.domain.kinds import Role
from app.domain.actor import Actor
from app.domain.api_keys import issue_key
from app.domain.teams import create_service_account, create_team
from tests.support import Account, make_account

COUNTED = (
    tables.Entity,
    tables.User,
    tables.Membership,
    tables.Invite,
    tables.ApiKey,
    tables.Project,
    tables.AuditEvent,
)


@dataclass
class TeamFixture:
    name: str
    admin: Account
    member: Account
    viewer: Account
    service: Account
    outsider: Account

    def by_role(self, who: str) -> Account | None:
        return None if who == "anonymous" else getattr(self, who)


async def make_team(runtime, name: str = "acme") -> TeamFixture:
    """Team ``name`` with an ADMIN, a MEMBER, a VIEWER, a SERVICE account and an outsider."""
    admin = await make_account(runtime, "ada")
    member = await make_account(runtime, "max")
    viewer = await make_account(runtime, "vic")
    outsider = await make_account(runtime, "otto")
    async with runtime.session_factory.begin() as session:
        users = {a.username: await session.get(tables.User, a.id) for a in (admin, member, viewer)}
        team = await create_team(session, Actor(user=users["ada"]), name)
        await session.flush()
        session.add(tables.Membership(team_id=team.id, user_id=member.id, role=Role.MEMBER))
        session.add(tables.Membership(team_id=team.id, user_id=viewer.id, role=Role.VIEWER))
        service_user, issued = await create_service_account(
            session, Actor(user=users["ada"]), entity_name=name, description="ci", server_secret=runtime.secret
        )
    service = Account(service_user.id, service_user.username, None, issued.secret, service_user.entity_id)
    return TeamFixture(name, admin, member, viewer, service, outsider)


async def row_counts(runtime) -> dict[str, int]:
    async with runtime.session_factory() as session:
        return {t.__tablename__: await session.scalar(select(func.count()).select_from(t)) for t in COUNTED}


# The authorization matrices: one row a case, one cell an actor, read left to right.
ACTORS = ("anonymous", "outsider", "viewer", "member", "service", "admin")
OUTCOMES = {
    "U": ("UNAUTHENTICATED", 401),
    "F": ("FORBIDDEN", 403),
    "N": ("NOT_FOUND", 404),
    "C": ("CONFLICT", 409),
    "B": ("BAD_USER_INPUT", 400),
}


def matrix(cases: dict[str, tuple]) -> list[tuple[str, str, str]]:
    """(case, actor, outcome) triples from cases whose last element is the row, e.g. "U N F ok ok ok"."""
    return [
        (case, actor, outcome)
        for case, (*_, row) in cases.items()
        for actor, outcome in zip(ACTORS, row.split(), strict=True)
    ]


async def expect_outcome(
    gql,
    query: str,
    variables: dict[str, Any],
    key: str | None,
    outcome: str,
    counts: Callable[[], Awaitable[dict[str, int]]],
) -> None:
    """One matrix cell: "ok" answers without errors and, for a mutation, writes one audit event; a
    refusal answers the outcome's code and status, says why, and writes nothing."""
    before = await counts()
    response = await gql.post(query, variables, key=key)
    payload = response.json()
    if outcome == "ok":
        assert response.status_code == 200 and not payload.get("errors"), payload
        written = (await counts())["audit_event"] - before["audit_event"]
        assert written == (1 if query.lstrip().startswith("mutation") else 0)
        return
    code, status = OUTCOMES[outcome]
    assert payload.get("errors"), payload
    error = payload["errors"][0]
    assert (response.status_code, error["extensions"]["code"]) == (status, code), payload
    assert error["message"] and "Unexpected error" not in error["message"]
    assert await counts() == before


async def extra_key(runtime, account: Account) -> str:
    async with runtime.session_factory.begin() as session:
        return issue_key(session, await session.get(tables.User, account.id)).secret


MEMBERS = """query($name: String!) { entity(name: $name) { name isTeam members {
  id role admin pending email username name accountType apiKey } } }"""
CREATE_TEAM = """mutation($name: String!, $admin: String) { result: createTeam(input: {teamName: $name,
  teamAdminUserName: $admin}) { entity { id name available photoUrl limits } } }"""
CREATE_INVITE = """mutation($entity: String!, $email: String, $username: String, $admin: Boolean, $role: TeamRole) {
  result: createInvite(input: {entityName: $entity, email: $email, username: $username, admin: $admin, role: $role}) {
  invite { id name email createdAt role toUser { name } } } }"""
ACCEPT_INVITE = """mutation($id: ID!) { acceptInvite(input: {id: $id}) { entity { name } role } }"""
DELETE_INVITE = """mutation($id: String, $entity: String) { result: deleteInvite(input: {id: $id, entityName: $entity}) {
  success } }"""
UPDATE_MEMBER = """mutation($entity: String!, $username: String!, $role: TeamRole!) {
  updateMember(input: {entityName: $entity, username: $username, role: $role}) { member { username role admin } } }"""
CREATE_SERVICE_ACCOUNT = """mutation($entity: String!, $description: String!) { result: createServiceAccount(
  input: {description: $description, entityName: $entity}) { user { id } } }"""
UPDATE_ENTITY = """mutation($entity: String!, $membersCanInvite: Boolean, $defaultAccess: String, $privateOnly: Boolean) {
  updateEntity(input: {entity: $entity, membersCanInvite: $membersCanInvite, defaultAccess: $defaultAccess,
  privateOnly: $privateOnly}) { entity { name defaultAccess privateOnly } } }"""
GENERATE_KEY = """mutation($description: String) { result: generateApiKey(input: {description: $description}) {
  apiKey { id name description } secret } }"""
DELETE_KEY = """mutation($id: String!) { result: deleteApiKey(input: {id: $id}) { success } }"""
CREATE_USER = """mutation($email: String!, $admin: Boolean, $username: String) { result: createUser(input: {email: $email,
  admin: $admin, username: $username}) { user { id name username email admin } secret } }"""
UPDATE_USER = """mutation($defaultEntity: String, $name: String) { updateUser(input: {defaultEntity: $defaultEntity,
  name: $name}) { user { username entity fullName } } }"""
UPSERT_MODEL = """mutation($input: UpsertModelInput!) { result: upsertModel(input: $input) {
  project { id name entityName description access views } model { id } inserted } }"""
VIEWER = """{ viewer { username entity email accountType defaultEntity { name }
  pendingInvites { id entityName role } teams { edges { node { name } } } } }"""
AUDIT = """query($entity: String, $first: Int, $after: String) { auditEvents(entityName: $entity, first: $first,
  after: $after) { edges { node { id action actorUsername onBehalfOfUsername entityName targetType targetId details
  createdAt } } pageInfo { hasNextPage endCursor } } }"""
