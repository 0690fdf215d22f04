"""Helpers for the team tests: a team with one account per role, row counts, the mutations' texts."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from app.db import tables
from app.domain import policy
from app.domain.actor import Actor
from app.domain.api_keys import issue_key
from app.domain.teams import create_service_account, create_team
from tests.support import Account, make_account

COUNTED = (tables.Entity, tables.User, tables.Membership, tables.Invite, tables.ApiKey, tables.Project,
           tables.AuditEvent)


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
        session.add(tables.Membership(team_id=team.id, user_id=member.id, role=policy.MEMBER))
        session.add(tables.Membership(team_id=team.id, user_id=viewer.id, role=policy.VIEWER))
        service_user, issued = await create_service_account(
            session, Actor(user=users["ada"]), entity_name=name, description="ci", server_secret=runtime.secret
        )
    service = Account(service_user.id, service_user.username, None, issued.secret, service_user.entity_id)
    return TeamFixture(name, admin, member, viewer, service, outsider)


async def row_counts(runtime) -> dict[str, int]:
    async with runtime.session_factory() as session:
        return {t.__tablename__: await session.scalar(select(func.count()).select_from(t)) for t in COUNTED}


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
