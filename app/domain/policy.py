"""The single source of truth for authorization.

``Access`` is an actor's standing at an entity and, optionally, one of its projects: their role there
and whether they are on the project's member list. Its ``can_*`` methods are the decisions of
DESIGN.md §5 and its ``*_denied`` methods the one sentence for each refusal; the services, the
loaders and the ``viewerCan*`` fields all ask it. ``await Access.load(...)`` reads the role (and,
for a RESTRICTED project, the membership) in one statement; ``Access.of(...)`` builds it from values
a lookup read already. Decisions that depend on the actor alone are the functions below the class.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import ColumnElement, exists, or_, select, true
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.tables import ApiKey, Entity, Invite, Membership, Project, ProjectMember, Run
from app.domain.actor import Actor
from app.domain.errors import DomainError, Forbidden, NotFound
from app.domain.kinds import PUBLICLY_READABLE, WRITER_ROLES, EntityKind, ProjectAccess, Role


def role_from_membership(actor: Actor, entity_id: int, team_role: str | None) -> Role | None:
    """The actor's role in an entity, given the role of their membership row there (None if none): a
    user is ADMIN of their own personal entity and has no role in anyone else's."""
    if actor.user is not None and actor.user.entity_id == entity_id:
        return Role.ADMIN
    return Role(team_role) if team_role is not None else None


@dataclass(frozen=True)
class Access:
    """What ``actor`` may do at ``entity`` (and ``project``, one of its projects, when given)."""

    actor: Actor
    entity: Entity
    role: Role | None  # resolved: see role_from_membership
    project: Project | None = None
    in_restricted: bool = False  # on the project's member list; only a RESTRICTED project asks

    # --- building ----------------------------------------------------------------------------

    @classmethod
    async def load(cls, session: AsyncSession, actor: Actor, entity: Entity, project: Project | None = None) -> Access:
        """The actor's role in ``entity`` and, when ``project`` is RESTRICTED, their place on its member
        list, read in (at most) one statement."""
        user = actor.user
        ask_role = user is not None and entity.kind == EntityKind.TEAM
        ask_list = user is not None and project is not None and project.access == ProjectAccess.RESTRICTED
        columns: list[ColumnElement] = []
        if ask_role:
            columns.append(
                select(Membership.role)
                .where(Membership.team_id == entity.id, Membership.user_id == user.id)
                .scalar_subquery()
            )
        if ask_list:
            columns.append(exists().where(ProjectMember.project_id == project.id, ProjectMember.user_id == user.id))
        row = list((await session.execute(select(*columns))).one()) if columns else []
        team_role = row.pop(0) if ask_role else None
        on_member_list = bool(row.pop(0)) if ask_list else False
        return cls.of(actor, entity, team_role, project, on_member_list=on_member_list)

    @classmethod
    def of(
        cls,
        actor: Actor,
        entity: Entity,
        team_role: str | None,
        project: Project | None = None,
        *,
        on_member_list: bool = False,
    ) -> Access:
        """From values read already: the role of the actor's membership row in ``entity`` (None if none)
        and whether they are on ``project``'s member list."""
        role = role_from_membership(actor, entity.id, team_role if entity.kind == EntityKind.TEAM else None)
        return cls(actor, entity, role, project, on_member_list)

    def at(self, project: Project, *, on_member_list: bool) -> Access:
        """The same standing, at one of the entity's projects."""
        return Access(self.actor, self.entity, self.role, project, on_member_list)

    @property
    def needs_member_list(self) -> bool:
        """Whether the decisions at the project depend on its member list (a RESTRICTED project)."""
        return (
            self.actor.user is not None and self.project is not None and self.project.access == ProjectAccess.RESTRICTED
        )

    async def with_member_list(self, session: AsyncSession) -> Access:
        """This standing with the actor's place on the project's member list read, when it matters."""
        if not self.needs_member_list:
            return self
        listed = await session.scalar(
            select(ProjectMember.id).where(
                ProjectMember.project_id == self.project.id, ProjectMember.user_id == self.actor.user.id
            )
        )
        return self.at(self.project, on_member_list=listed is not None)

    @property
    def path(self) -> str:
        return f"{self.entity.name}/{self.project.name}" if self.project is not None else self.entity.name

    # --- the entity -----------------------------------------------------------------------------

    @property
    def is_member(self) -> bool:
        """Any role here: a member of the team, or the user of this personal entity."""
        return self.role is not None

    @property
    def can_admin(self) -> bool:
        """Change roles, remove members, change settings, see service-account keys, read the audit log,
        manage the team's own webhooks."""
        return self.role == Role.ADMIN or self.actor.is_instance_admin

    @property
    def can_invite(self) -> bool:
        return self.can_admin or (self.role == Role.MEMBER and self.entity.members_can_invite)

    @property
    def can_see_members(self) -> bool:
        return self.is_member or self.actor.is_instance_admin

    @property
    def can_see_settings(self) -> bool:
        """Settings and defaults (default access, private only, code saving, storage region, whether
        members may invite): its members (a user's own for a personal entity) and instance admins."""
        return self.is_member or self.actor.is_instance_admin

    @property
    def can_use_as_default_entity(self) -> bool:
        """A user's default entity is their own or a team they belong to."""
        return self.is_member

    def can_see_member_email(self, member_user_id: int | None, inviter_id: int | None = None) -> bool:
        """An email in the member list (a member's, or a pending invite's): the person themselves, the
        entity's admins, instance admins, and whoever sent the invite."""
        if self.can_admin:
            return True
        user = self.actor.user
        return user is not None and user.id in {member_user_id, inviter_id} - {None}

    def can_see_invite_email(self, invite: Invite) -> bool:
        """The email an invite was sent to: the invitee, the inviter, the team's admins and instance admins."""
        return can_accept_invite(self.actor, invite) or self.can_see_member_email(invite.invitee_id, invite.inviter_id)

    def can_revoke_invite(self, invite: Invite) -> bool:
        """Admins revoke any invite; the inviter (while still allowed to invite) their own; the invitee declines."""
        if self.can_admin or can_accept_invite(self.actor, invite):
            return True
        return self.actor.user is not None and invite.inviter_id == self.actor.user.id and self.can_invite

    def can_remove_member(self, member_user_id: int) -> bool:
        """Admins remove anyone; everyone may leave a team themselves."""
        return self.can_admin or (self.actor.user is not None and self.actor.user.id == member_user_id)

    def readable_projects_clause(self) -> ColumnElement[bool]:
        """SQL twin of ``can_read`` over the entity's projects, for listing without N+1 checks.

        tests/api/test_teams_projects.py checks that both agree on every role, access and membership."""
        if self.actor.is_instance_admin or self.role == Role.ADMIN:
            return true()
        public = Project.access.in_(PUBLICLY_READABLE)
        if self.role is None or self.actor.user is None:
            return public
        listed = exists().where(ProjectMember.project_id == Project.id, ProjectMember.user_id == self.actor.user.id)
        return or_(Project.access != ProjectAccess.RESTRICTED, listed)

    # --- the project --------------------------------------------------------------------------

    @property
    def can_read(self) -> bool:
        project = self.project
        if self.actor.is_instance_admin or project.access in PUBLICLY_READABLE:
            return True
        if project.access == ProjectAccess.RESTRICTED:
            return self.role == Role.ADMIN or (self.role is not None and self.in_restricted)
        return self.role is not None

    @property
    def can_write(self) -> bool:
        """Create runs in the project, or create it (``project`` None: not created yet)."""
        project = self.project
        if self.actor.user is None:
            return False
        if project is not None and project.access == ProjectAccess.OPEN:
            return True
        if project is not None and project.access == ProjectAccess.RESTRICTED:
            return self.role == Role.ADMIN or (self.role in WRITER_ROLES and self.in_restricted)
        return self.role in WRITER_ROLES

    @property
    def can_change_project_settings(self) -> bool:
        """Access level, baseline, description."""
        return self.can_admin or self.role == Role.MEMBER

    @property
    def can_receive_runs(self) -> bool:
        """Receive moved runs (``project`` None: create it for them). Only into the actor's own entity or a
        team they belong to, even when the project is open to anyone signed in."""
        return self.is_member and self.can_write

    @property
    def can_set_baseline(self) -> bool:
        """Choose the project's reference run: people who may log to it as members, not outsiders of an
        open project."""
        return self.actor.is_instance_admin or (self.is_member and self.can_write)

    @property
    def can_manage_rules(self) -> bool:
        """Metric rules, project webhooks, acknowledging and snoozing alerts: as for the baseline."""
        return self.can_set_baseline

    @property
    def can_read_artifacts(self) -> bool:
        """Artifacts follow their project's access: whoever reads the project reads its artifacts."""
        return self.can_read

    @property
    def can_write_artifacts(self) -> bool:
        """Log, alias, link, change and delete artifacts: whoever may log runs to the project (MEMBER and
        up, SERVICE; not VIEWER)."""
        return self.can_write

    # --- runs ---------------------------------------------------------------------------------

    @property
    def can_edit_some_runs(self) -> bool:
        """Whether ``can_edit`` holds for any run here: what the runs table offers selection and Move by."""
        return self.actor.user is not None and (self.can_admin or self.role in (Role.MEMBER, Role.SERVICE))

    def can_edit(self, run: Run) -> bool:
        """Edit, move, delete, stop: admins any run; members their own; service accounts the runs they created."""
        user = self.actor.user
        if user is None:
            return False
        if self.can_admin:
            return True
        if self.role == Role.MEMBER:
            return user.id in (run.user_id, run.created_by_id)
        if self.role == Role.SERVICE:
            return run.created_by_id == user.id
        return False

    def can_log_to(self, run: Run) -> bool:
        """Update, stream to, upload files of or raise alerts on an existing run: the actor's own run in a
        project they may write to, or anyone's run they may edit."""
        return self.can_edit(run) or (is_own_run(self.actor, run) and self.can_write)

    # --- the sentences of refusals -------------------------------------------------------------

    def denied(self, action: str) -> Forbidden:
        """Not a member, or a role that cannot do ``action`` here."""
        who, entity = self.actor.label, self.entity
        if self.role is None and entity.kind == EntityKind.TEAM:
            return Forbidden(f"permission denied: user {who} is not a member of team {entity.name}")
        if self.role is None:
            return Forbidden(f"permission denied: {entity.name} is another user's personal entity")
        return Forbidden(
            f"permission denied: user {who} has role {self.role.lower()} in {entity.name} and cannot {action}"
        )

    def write_denied(self) -> Forbidden:
        """The refusal of ``can_write``, printed as is by the wandb client."""
        if self.role is None and self.entity.kind != EntityKind.TEAM:
            return Forbidden(
                f"permission denied: user {self.actor.label} cannot write to {self.entity.name}'s projects"
            )
        return self.denied("write to its projects")

    def project_denied(self, action: str) -> Forbidden:
        """A refusal at the project: the actor may not ``action`` of it (e.g. "set the baseline")."""
        return Forbidden(f"permission denied: user {self.actor.label} may not {action} of {self.path}")

    def log_denied(self, run: Run) -> DomainError:
        """The refusal of ``can_log_to``: NotFound when the actor may not even read the project."""
        if not self.can_read:
            return NotFound(f"run {self.path}/{run.name} not found")
        if not self.can_write:
            return self.write_denied()
        return Forbidden(
            f"permission denied: user {self.actor.label} may not change run {run.name}, which another user logged"
        )

    def edit_limit(self, verb: str) -> str:
        """Why ``can_edit`` refuses some runs to this role: which runs it may ``verb`` (move, delete)."""
        reasons = {
            Role.MEMBER: f"members may only {verb} their own runs",
            Role.SERVICE: f"service accounts may only {verb} the runs they created",
            Role.VIEWER: f"viewers may not {verb} runs",
        }
        return reasons.get(self.role, f"only members of {self.entity.name} may {verb} its runs")

    def edit_denied(self, run: Run, verb: str, *, missing: str) -> DomainError:
        """The refusal of ``can_edit`` (``verb``: stop, change the state of, ...): ``missing`` is the
        NotFound sentence for those who may not even read the project."""
        if not self.can_read:
            return NotFound(missing)
        return Forbidden(
            f"permission denied: user {self.actor.label} may not {verb} run {run.name}; "
            f"only its owner or an admin of {self.entity.name} may"
        )


def runs_may_leave(project: Project) -> bool:
    """Runs never leave a RESTRICTED project."""
    return project.access != ProjectAccess.RESTRICTED


# --- what of an account a viewer may read ----------------------------------------------------------
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


# --- decisions on the actor alone (no database: the permission extensions ask them too) -------------


def can_create_team(actor: Actor, *, restricted_to_admins: bool) -> bool:
    if actor.operator:
        return True
    if actor.user is None or actor.is_service:
        return False
    return actor.is_instance_admin or not restricted_to_admins


def team_creation_denied(actor: Actor) -> Forbidden:
    """The refusal of ``can_create_team``."""
    if actor.is_service:
        return Forbidden("permission denied: service accounts cannot create teams")
    return Forbidden("permission denied: only instance admins may create teams on this server")


def can_manage_instance(actor: Actor) -> bool:
    return actor.is_instance_admin


def can_create_api_key(actor: Actor) -> bool:
    """People mint their own keys; a service account's key is managed by its team's admins, so a
    leaked service key cannot mint more."""
    return actor.user is not None and not actor.is_service


API_KEY_CREATION_DENIED = "permission denied: a service account's key is managed by its team's admins"


def can_revoke_api_key(actor: Actor, key: ApiKey) -> bool:
    return actor.user is not None and (key.user_id == actor.user.id or actor.is_instance_admin)


def can_update_user(actor: Actor, user_id: int) -> bool:
    return actor.user is not None and (actor.user.id == user_id or actor.is_instance_admin)


def can_accept_invite(actor: Actor, invite: Invite) -> bool:
    """Only the invitee: the account the invite names, or the account holding its email."""
    user = actor.user
    if user is None or actor.is_service:
        return False
    if invite.invitee_id is not None:
        return invite.invitee_id == user.id
    return bool(invite.email and user.email and invite.email.lower() == user.email.lower())


def is_own_run(actor: Actor, run: Run) -> bool:
    return actor.user is not None and actor.user.id in (run.created_by_id, run.user_id)


# --- organizations (W&B's layer above teams) --------------------------------------------------
# ``org_role`` is the actor's OrganizationMember role (ADMIN, MEMBER, VIEWER) or None.


def can_read_organization(actor: Actor, org_role: str | None) -> bool:
    return org_role is not None or actor.is_instance_admin


def can_see_all_organization_teams(actor: Actor, org_role: str | None) -> bool:
    """Org admins see every team of the organization; other members only the teams they belong to."""
    return org_role == Role.ADMIN or actor.is_instance_admin


def can_manage_organization(actor: Actor, org_role: str | None) -> bool:
    """Add members, change their roles."""
    return org_role == Role.ADMIN or actor.is_instance_admin


def can_create_organization(actor: Actor) -> bool:
    return actor.is_instance_admin
