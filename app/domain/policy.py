"""The single source of truth for authorization.

Decisions are pure functions of the actor, their role in the owning entity and the object;
``role_in`` loads that role. Permission extensions, ``viewerCan*`` fields and the services all
ask here. Roles follow DESIGN.md §5; a user is ADMIN of their own personal entity.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, exists, or_, select, true
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.tables import ApiKey, Entity, Invite, Membership, Project, ProjectMember, Run
from app.domain.actor import Actor

ADMIN, MEMBER, VIEWER, SERVICE = "ADMIN", "MEMBER", "VIEWER", "SERVICE"
ROLES = (ADMIN, MEMBER, VIEWER, SERVICE)
WRITER_ROLES = (ADMIN, MEMBER, SERVICE)

PRIVATE, RESTRICTED, PUBLIC, OPEN = "PRIVATE", "RESTRICTED", "USER_READ", "USER_WRITE"


async def role_in(session: AsyncSession, actor: Actor, entity: Entity) -> str | None:
    """The actor's role in ``entity``: team membership, or ADMIN of their own personal entity."""
    if actor.user is None:
        return None
    team_role = None if entity.kind == "user" else await session.scalar(
        select(Membership.role).where(Membership.team_id == entity.id, Membership.user_id == actor.user.id)
    )
    return role_read_with(actor, entity, team_role)


def role_read_with(actor: Actor, entity: Entity, team_role: str | None) -> str | None:
    """role_in when the actor's team membership (``team_role``, None if none) was read already."""
    return personal_entity_role(actor, entity) if entity.kind == "user" else team_role


def personal_entity_role(actor: Actor, entity: Entity) -> str | None:
    """A user is ADMIN of their own personal entity, and has no role in anyone else's."""
    return ADMIN if actor.user is not None and actor.user.entity_id == entity.id else None


async def in_restricted_project(session: AsyncSession, actor: Actor, project: Project) -> bool:
    if actor.user is None:
        return False
    found = await session.scalar(
        select(ProjectMember.id).where(ProjectMember.project_id == project.id, ProjectMember.user_id == actor.user.id)
    )
    return found is not None


# --- entities and teams -------------------------------------------------------------------

def can_see_entity_members(actor: Actor, role: str | None) -> bool:
    return role is not None or actor.is_instance_admin


# --- what of an account, a team and its members a viewer may read ------------------------------
# Everything not named here is public: names, usernames, full names, account type, creation and
# deletion times. Hidden fields read as null (or a fixed safe value where the client needs one).

def can_see_private_account_fields(actor: Actor, user_id: int) -> bool:
    """The instance-admin flag, the default entity, teams, API keys and pending invites of an account:
    its owner and instance admins."""
    return actor.user is not None and (actor.user.id == user_id or actor.is_instance_admin)


def can_see_email(actor: Actor, user_id: int, *, administers_a_team_of_theirs: bool) -> bool:
    """An account's email: its owner, instance admins, and admins of a team the person belongs to
    (``administers_a_team_of_theirs``, which only matters when the rest says no)."""
    return can_see_private_account_fields(actor, user_id) or (actor.user is not None and administers_a_team_of_theirs)


def can_see_member_email(actor: Actor, team_role: str | None, member_user_id: int | None,
                         inviter_id: int | None = None) -> bool:
    """An email in an entity's member list (a member's, or a pending invite's): the person themselves,
    the entity's admins, instance admins, and whoever sent the invite."""
    if can_administer(actor, team_role):
        return True
    user = actor.user
    return user is not None and user.id in {member_user_id, inviter_id} - {None}


def can_see_invite_email(actor: Actor, team_role: str | None, invite: Invite) -> bool:
    """The email an invite was sent to: the invitee, the inviter, the team's admins and instance admins."""
    return can_accept_invite(actor, invite) or can_see_member_email(actor, team_role, invite.invitee_id,
                                                                    invite.inviter_id)


def can_see_entity_settings(actor: Actor, role: str | None) -> bool:
    """An entity's settings and defaults (default access, private only, code saving, storage region,
    whether members may invite): its members (a user's own for a personal entity) and instance admins."""
    return role is not None or actor.is_instance_admin


def can_create_team(actor: Actor, *, restricted_to_admins: bool) -> bool:
    if actor.operator:
        return True
    if actor.user is None or actor.is_service:
        return False
    return actor.is_instance_admin or not restricted_to_admins


def can_administer(actor: Actor, role: str | None) -> bool:
    """Change roles, remove members, change settings, see service-account keys."""
    return role == ADMIN or actor.is_instance_admin


def can_invite(actor: Actor, role: str | None, entity: Entity) -> bool:
    if can_administer(actor, role):
        return True
    return role == MEMBER and entity.members_can_invite


def can_read_audit(actor: Actor, role: str | None) -> bool:
    return can_administer(actor, role)


def can_manage_instance(actor: Actor) -> bool:
    return actor.is_instance_admin


# --- projects ------------------------------------------------------------------------------

def can_read_project(actor: Actor, role: str | None, project: Project, *, in_restricted: bool) -> bool:
    if actor.is_instance_admin or project.access in (PUBLIC, OPEN):
        return True
    if project.access == RESTRICTED:
        return role == ADMIN or (role is not None and in_restricted)
    return role is not None


def can_write_project(actor: Actor, role: str | None, project: Project | None, *, in_restricted: bool) -> bool:
    """Create runs in (or create) a project. ``project`` None means a project not yet created."""
    if actor.user is None:
        return False
    if project is not None and project.access == OPEN:
        return True
    if project is not None and project.access == RESTRICTED:
        return role == ADMIN or (role in WRITER_ROLES and in_restricted)
    return role in WRITER_ROLES


def can_administer_project(actor: Actor, role: str | None) -> bool:
    """Project settings: access level, baseline, description."""
    return can_administer(actor, role) or role == MEMBER


# --- runs ----------------------------------------------------------------------------------

def can_edit_run(actor: Actor, role: str | None, run: Run) -> bool:
    """Edit, move, delete, stop: admins any run; members their own; service accounts the runs they created."""
    if actor.user is None:
        return False
    if can_administer(actor, role):
        return True
    if role == MEMBER:
        return actor.user.id in (run.user_id, run.created_by_id)
    if role == SERVICE:
        return run.created_by_id == actor.user.id
    return False


def runs_may_leave(project: Project) -> bool:
    """Runs never leave a RESTRICTED project."""
    return project.access != RESTRICTED


# --- moving, deleting and comparing runs -----------------------------------------------------

def can_move_runs_into(actor: Actor, role: str | None, project: Project | None, *, in_restricted: bool) -> bool:
    """Receive moved runs (``project`` None: create it for them). Only into the actor's own entity or a team
    they belong to, even when the project is open to anyone signed in."""
    return role is not None and can_write_project(actor, role, project, in_restricted=in_restricted)


def can_set_baseline(actor: Actor, role: str | None, project: Project, *, in_restricted: bool) -> bool:
    """Choose the project's reference run: people who may log to it as members, not outsiders of an open project."""
    if actor.is_instance_admin:
        return True
    return role is not None and can_write_project(actor, role, project, in_restricted=in_restricted)


def can_manage_rules(actor: Actor, role: str | None, project: Project, *, in_restricted: bool) -> bool:
    """Metric rules, project webhooks, acknowledging and snoozing alerts: as for the baseline, members
    with write access to the project."""
    return can_set_baseline(actor, role, project, in_restricted=in_restricted)


def can_manage_team_webhooks(actor: Actor, role: str | None) -> bool:
    """A team's own webhooks fire for every project of the team: its admins manage them."""
    return can_administer(actor, role)


# --- teams: invites, members, service accounts, keys, settings ------------------------------

def can_accept_invite(actor: Actor, invite: Invite) -> bool:
    """Only the invitee: the account the invite names, or the account holding its email."""
    user = actor.user
    if user is None or actor.is_service:
        return False
    if invite.invitee_id is not None:
        return invite.invitee_id == user.id
    return bool(invite.email and user.email and invite.email.lower() == user.email.lower())


def can_revoke_invite(actor: Actor, role: str | None, entity: Entity, invite: Invite) -> bool:
    """Admins revoke any invite; the inviter (while still allowed to invite) their own; the invitee declines."""
    if can_administer(actor, role) or can_accept_invite(actor, invite):
        return True
    return actor.user is not None and invite.inviter_id == actor.user.id and can_invite(actor, role, entity)


def can_remove_member(actor: Actor, role: str | None, member_user_id: int) -> bool:
    """Admins remove anyone; everyone may leave a team themselves."""
    return can_administer(actor, role) or (actor.user is not None and actor.user.id == member_user_id)


def can_see_service_keys(actor: Actor, role: str | None) -> bool:
    return can_administer(actor, role)


def can_create_api_key(actor: Actor) -> bool:
    """People mint their own keys; a service account's key is managed by its team's admins, so a
    leaked service key cannot mint more."""
    return actor.user is not None and not actor.is_service


def can_revoke_api_key(actor: Actor, key: ApiKey) -> bool:
    return actor.user is not None and (key.user_id == actor.user.id or actor.is_instance_admin)


def can_update_user(actor: Actor, user_id: int) -> bool:
    return actor.user is not None and (actor.user.id == user_id or actor.is_instance_admin)


def can_use_as_default_entity(role: str | None) -> bool:
    """A user's default entity is their own or a team they belong to (role from ``role_in``)."""
    return role is not None


def readable_projects_clause(actor: Actor, role: str | None) -> ColumnElement[bool]:
    """SQL twin of ``can_read_project`` over an entity's projects, for listing without N+1 checks.

    tests/test_teams_projects.py checks that both agree on every role, access and membership."""
    if actor.is_instance_admin or role == ADMIN:
        return true()
    public = Project.access.in_((PUBLIC, OPEN))
    if role is None or actor.user is None:
        return public
    in_restricted = exists().where(ProjectMember.project_id == Project.id, ProjectMember.user_id == actor.user.id)
    return or_(Project.access != RESTRICTED, in_restricted)


# --- run tracking (logging with the wandb client) --------------------------------------------

def can_log_runs(actor: Actor) -> bool:
    """The coarse guard of the tracking mutations; each project and run is then checked below."""
    return actor.user is not None


def is_own_run(actor: Actor, run: Run) -> bool:
    return actor.user is not None and actor.user.id in (run.created_by_id, run.user_id)


def can_log_to_run(actor: Actor, role: str | None, project: Project, run: Run, *, in_restricted: bool) -> bool:
    """Update, stream to, upload files of or raise alerts on an existing run: the actor's own run in
    a project they may write to, or anyone's run they may edit."""
    if can_edit_run(actor, role, run):
        return True
    return is_own_run(actor, run) and can_write_project(actor, role, project, in_restricted=in_restricted)


# --- organizations (W&B's layer above teams) --------------------------------------------------
# ``org_role`` is the actor's OrganizationMember role (ADMIN, MEMBER, VIEWER) or None.

def can_read_organization(actor: Actor, org_role: str | None) -> bool:
    return org_role is not None or actor.is_instance_admin


def can_see_all_organization_teams(actor: Actor, org_role: str | None) -> bool:
    """Org admins see every team of the organization; other members only the teams they belong to."""
    return org_role == ADMIN or actor.is_instance_admin


def can_manage_organization(actor: Actor, org_role: str | None) -> bool:
    """Add members, change their roles."""
    return org_role == ADMIN or actor.is_instance_admin


def can_create_organization(actor: Actor) -> bool:
    return actor.is_instance_admin


# --- artifacts -------------------------------------------------------------------------------

def can_read_artifacts(actor: Actor, role: str | None, project: Project, *, in_restricted: bool) -> bool:
    """Artifacts follow their project's access: whoever reads the project reads its artifacts."""
    return can_read_project(actor, role, project, in_restricted=in_restricted)


def can_write_artifacts(actor: Actor, role: str | None, project: Project | None, *, in_restricted: bool) -> bool:
    """Log, alias, link, change and delete artifacts: whoever may log runs to the project (MEMBER
    and up, SERVICE; not VIEWER)."""
    return can_write_project(actor, role, project, in_restricted=in_restricted)
