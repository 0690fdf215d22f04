"""policy.Access: the role table of DESIGN.md §5, project access levels, and the sentence of each refusal.

The pure decisions are checked on rows built in memory; ``Access.load`` against each database, for
every role and a RESTRICTED project's member list, in at most one statement."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.db import tables
from app.domain.actor import ANONYMOUS, OPERATOR, Actor
from app.domain.errors import Forbidden, NotFound
from app.domain.kinds import AccountType, EntityKind, ProjectAccess, Role
from app.domain.policy import Access, role_from_membership
from tests.support import recorded_statements
from tests.support.teams import make_team

TEAM = tables.Entity(id=1, name="acme", kind=EntityKind.TEAM, members_can_invite=False)
ROLES = (Role.ADMIN, Role.MEMBER, Role.VIEWER, Role.SERVICE, None)  # None: an outsider


def _user(user_id: int, *, service: bool = False, admin: bool = False) -> tables.User:
    return tables.User(
        id=user_id,
        entity_id=100 + user_id,
        username=f"u{user_id}",
        is_admin=admin,
        account_type=AccountType.SERVICE if service else AccountType.USER,
    )


def _actor(role: Role | None) -> Actor:
    return Actor(user=_user(7, service=role == Role.SERVICE))


def _access(
    role: Role | None,
    access: ProjectAccess = ProjectAccess.PRIVATE,
    *,
    listed: bool = False,
    entity: tables.Entity = TEAM,
    actor: Actor | None = None,
) -> Access:
    project = tables.Project(id=10, entity_id=entity.id, name="p", access=access)
    return Access.of(actor or _actor(role), entity, role, project, on_member_list=listed)


def _run(*, user_id: int, created_by_id: int) -> tables.Run:
    return tables.Run(id=5, project_id=10, name="r", user_id=user_id, created_by_id=created_by_id)


# --- DESIGN.md §5, one row per action --------------------------------------------------------------


@pytest.mark.parametrize("role, expected", list(zip(ROLES, (True, True, True, True, False), strict=True)))
def test_read_team_projects(role, expected):
    assert _access(role).can_read is expected
    assert _access(role).can_read_artifacts is expected


@pytest.mark.parametrize("role, expected", list(zip(ROLES, (True, True, False, True, False), strict=True)))
def test_create_projects_and_log_runs(role, expected):
    assert _access(role).can_write is expected
    assert _access(role).can_write_artifacts is expected
    assert Access.of(_actor(role), TEAM, role).can_write is expected  # a project not created yet


OWN_RUN, CREATED_RUN, OTHERS_RUN = (
    _run(user_id=7, created_by_id=8),
    _run(user_id=8, created_by_id=7),
    _run(user_id=8, created_by_id=8),
)


@pytest.mark.parametrize(
    "role, own, created, others",
    [
        (Role.ADMIN, True, True, True),
        (Role.MEMBER, True, True, False),
        (Role.VIEWER, False, False, False),
        (Role.SERVICE, False, True, False),  # only the runs it created, not those attributed to it
        (None, False, False, False),
    ],
)
def test_edit_move_delete_runs(role, own, created, others):
    access = _access(role)
    assert [access.can_edit(run) for run in (OWN_RUN, CREATED_RUN, OTHERS_RUN)] == [own, created, others]
    assert access.can_edit_some_runs is (own or created or others)  # what the runs table offers by


@pytest.mark.parametrize(
    "role, administer, invite, invite_when_allowed",
    [
        (Role.ADMIN, True, True, True),
        (Role.MEMBER, False, False, True),
        (Role.VIEWER, False, False, False),
        (Role.SERVICE, False, False, False),
        (None, False, False, False),
    ],
)
def test_invite_remove_change_roles_and_settings(role, administer, invite, invite_when_allowed):
    access = _access(role)
    assert (access.can_admin, access.can_invite) == (administer, invite)
    allowing = tables.Entity(id=1, name="acme", kind=EntityKind.TEAM, members_can_invite=True)
    assert _access(role, entity=allowing).can_invite is invite_when_allowed
    assert access.can_remove_member(99) is administer
    assert access.can_remove_member(7)  # everyone may leave


@pytest.mark.parametrize("role", ROLES)
def test_only_admins_see_service_keys_and_the_audit_log(role):
    assert _access(role).can_admin is (role == Role.ADMIN)


@pytest.mark.parametrize("role", ROLES)
def test_members_see_members_and_settings(role):
    access = _access(role)
    assert access.can_see_members is access.can_see_settings is (role is not None)


# --- project access levels ----------------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("listed", (False, True))
def test_restricted_projects(role, listed):
    access = _access(role, ProjectAccess.RESTRICTED, listed=listed)
    assert access.can_read is (role == Role.ADMIN or (role is not None and listed))
    writers = (Role.ADMIN, Role.MEMBER, Role.SERVICE)
    assert access.can_write is (role == Role.ADMIN or (role in writers and listed))


@pytest.mark.parametrize("role", ROLES)
def test_public_and_open_projects(role):
    public, open_ = _access(role, ProjectAccess.PUBLIC), _access(role, ProjectAccess.OPEN)
    assert public.can_read and open_.can_read
    assert public.can_write is (role in (Role.ADMIN, Role.MEMBER, Role.SERVICE))
    assert open_.can_write  # anyone signed in logs
    assert open_.can_log_to(OWN_RUN)
    assert open_.can_log_to(OTHERS_RUN) is (role == Role.ADMIN)
    # The baseline and rules, and receiving moved runs, take a role in the entity even in an open project.
    assert open_.can_set_baseline is open_.can_manage_rules is open_.can_receive_runs is (role is not None)


def test_anonymous_reads_public_projects_only_and_never_writes():
    for level in ProjectAccess:
        access = Access.of(ANONYMOUS, TEAM, None, tables.Project(id=10, entity_id=1, name="p", access=level))
        assert access.can_read is (level in (ProjectAccess.PUBLIC, ProjectAccess.OPEN))
        assert not access.can_write and not access.can_edit(OWN_RUN)


def test_instance_admins_and_the_operator_do_everything_but_log_as_outsiders():
    for actor in (Actor(user=_user(7, admin=True)), OPERATOR):
        access = _access(None, ProjectAccess.RESTRICTED, actor=actor)
        assert access.can_read and access.can_admin and access.can_set_baseline and access.can_see_members
    assert _access(None, ProjectAccess.RESTRICTED, actor=OPERATOR).can_write is False  # no user to log as


def test_a_user_is_admin_of_their_own_personal_entity_only():
    actor = Actor(user=_user(7))
    own = tables.Entity(id=107, name="u7", kind=EntityKind.USER)
    other = tables.Entity(id=108, name="u8", kind=EntityKind.USER)
    assert Access.of(actor, own, None).role == Role.ADMIN and Access.of(actor, own, None).can_admin
    assert Access.of(actor, other, None).role is None
    assert Access.of(actor, other, "MEMBER").role is None  # personal entities have no members
    assert role_from_membership(actor, 107, None) == Role.ADMIN  # what the viewer_role loader uses
    assert role_from_membership(actor, 1, "VIEWER") == Role.VIEWER
    assert role_from_membership(ANONYMOUS, 107, None) is None


# --- the sentences of refusals ------------------------------------------------------------------


def test_refusals_name_the_reason():
    actor = Actor(user=_user(7))
    assert _access(None).denied("change roles").message == "permission denied: user u7 is not a member of team acme"
    assert _access(Role.VIEWER).write_denied().message == (
        "permission denied: user u7 has role viewer in acme and cannot write to its projects"
    )
    other = tables.Entity(id=108, name="u8", kind=EntityKind.USER)
    stranger = Access.of(actor, other, None)
    assert stranger.write_denied().message == "permission denied: user u7 cannot write to u8's projects"
    assert stranger.denied("x").message == "permission denied: u8 is another user's personal entity"
    assert _access(Role.MEMBER).project_denied("set the baseline").message == (
        "permission denied: user u7 may not set the baseline of acme/p"
    )


def test_log_and_edit_refusals_hide_what_the_actor_cannot_read():
    hidden = _access(None)
    assert isinstance(hidden.log_denied(OTHERS_RUN), NotFound)
    assert hidden.log_denied(OTHERS_RUN).message == "run acme/p/r not found"
    assert isinstance(hidden.edit_denied(OTHERS_RUN, "stop", missing="run 5 not found"), NotFound)
    viewer = _access(Role.VIEWER).log_denied(OTHERS_RUN)
    assert isinstance(viewer, Forbidden) and "cannot write to its projects" in viewer.message
    member = _access(Role.MEMBER)
    assert member.log_denied(OTHERS_RUN).message == (
        "permission denied: user u7 may not change run r, which another user logged"
    )
    assert member.edit_denied(OTHERS_RUN, "stop", missing="").message == (
        "permission denied: user u7 may not stop run r; only its owner or an admin of acme may"
    )
    assert member.edit_limit("move") == "members may only move their own runs"
    assert _access(None).edit_limit("move") == "only members of acme may move its runs"


def test_enum_values_are_the_stored_strings():
    assert [r.value for r in Role] == ["ADMIN", "MEMBER", "VIEWER", "SERVICE"]
    assert [a.value for a in ProjectAccess] == ["PRIVATE", "RESTRICTED", "USER_READ", "USER_WRITE"]
    assert Role.ADMIN == "ADMIN" and f"{ProjectAccess.PUBLIC}" == "USER_READ" and EntityKind.TEAM == "team"


# --- Access.load, on each database ----------------------------------------------------------------


async def test_load_reads_role_and_member_list_in_one_statement(runtime):
    team = await make_team(runtime)
    async with runtime.session_factory.begin() as session:
        entity = await session.scalar(select(tables.Entity).where(tables.Entity.name == team.name))
        project = tables.Project(entity_id=entity.id, name="secret", access=ProjectAccess.RESTRICTED)
        session.add(project)
        await session.flush()
        session.add(tables.ProjectMember(project_id=project.id, user_id=team.member.id))
    expected = {
        "admin": (Role.ADMIN, False),
        "member": (Role.MEMBER, True),
        "viewer": (Role.VIEWER, False),
        "service": (Role.SERVICE, False),
        "outsider": (None, False),
    }
    async with runtime.session_factory() as session:
        entity = await session.scalar(select(tables.Entity).where(tables.Entity.name == team.name))
        project = await session.scalar(select(tables.Project).where(tables.Project.name == "secret"))
        for who, (role, listed) in expected.items():
            actor = Actor(user=await session.get(tables.User, getattr(team, who).id))
            with recorded_statements(runtime.engine) as statements:
                access = await Access.load(session, actor, entity, project)
            assert (access.role, access.in_restricted, len(statements)) == (role, listed, 1), who
            assert access.can_read is (who in ("admin", "member")), who
            assert (await Access(actor, entity, access.role, project).with_member_list(session)) == access
        own = await session.get(tables.Entity, team.member.entity_id)
        actor = Actor(user=await session.get(tables.User, team.member.id))
        with recorded_statements(runtime.engine) as statements:
            assert (await Access.load(session, actor, own)).role == Role.ADMIN
        assert statements == []  # a personal entity's role needs no statement
