"""Runs (W&B's legacy name: "bucket"): create or update from the client, attribution, stop, states.

``upsert_bucket`` follows PROTOCOL.md §3.2: update by storage id, else create-or-update by
(entity, project, name); the project is created on first use. Attribution follows §5.3: a team
service account logs on behalf of the member named by X-WANDB-USERNAME / X-WANDB-USER-EMAIL.
"""

from __future__ import annotations

import json
import secrets
import string
import zlib
from dataclasses import dataclass, field
from operator import itemgetter
from datetime import datetime
from typing import Any, Awaitable, Callable, Mapping, NamedTuple

from sqlalchemy import Select, and_, bindparam, func, select, true
from sqlalchemy.ext.asyncio import AsyncSession

from app.db import bulk
from app.db.tables import ApiKey, Entity, Membership, Project, Run, User
from app.db.types import storable_json, utcnow
from app.db.unique import insert_or_get
from app.domain import api_keys, audit, projects, run_values, runs_view
from app.domain.actor import Account, Actor
from app.domain.errors import BadInput, Conflict, NotFound, Unauthenticated
from app.domain.kinds import AccountType, EntityKind, Role, RunState
from app.domain.names import check_run_name
from app.domain.policy import Access
from app.domain.users import require_entity


DEFAULT_PROJECT = "uncategorized"
STATES = tuple(RunState)
RUN_NAME_ALPHABET = string.ascii_lowercase + string.digits
METADATA_FIELDS = ("display_name", "description", "notes", "tags", "group_name", "job_type")

ADJECTIVES = (
    "amber",
    "brave",
    "bright",
    "calm",
    "clever",
    "cosmic",
    "crisp",
    "daring",
    "dazzling",
    "eager",
    "earnest",
    "fancy",
    "fearless",
    "fiery",
    "gentle",
    "giddy",
    "golden",
    "graceful",
    "happy",
    "hearty",
    "icy",
    "jolly",
    "kind",
    "lively",
    "lucky",
    "misty",
    "noble",
    "polished",
    "proud",
    "quiet",
    "rare",
    "rosy",
    "royal",
    "silver",
    "smooth",
    "snowy",
    "solar",
    "spring",
    "stellar",
    "sunny",
    "swift",
    "tidy",
    "vivid",
    "warm",
    "wild",
    "wise",
    "young",
    "zesty",
)
NOUNS = (
    "aurora",
    "bird",
    "breeze",
    "brook",
    "butterfly",
    "cloud",
    "comet",
    "dawn",
    "deluge",
    "dream",
    "dust",
    "field",
    "firefly",
    "flower",
    "fog",
    "forest",
    "frost",
    "galaxy",
    "glade",
    "haze",
    "hill",
    "lake",
    "leaf",
    "meadow",
    "moon",
    "morning",
    "mountain",
    "night",
    "ocean",
    "paper",
    "pine",
    "planet",
    "pond",
    "rain",
    "river",
    "sea",
    "shadow",
    "sky",
    "snow",
    "sound",
    "star",
    "sun",
    "sunset",
    "thunder",
    "tree",
    "valley",
    "violet",
    "water",
    "wave",
    "wind",
)


@dataclass
class RunInput:
    """The fields of UpsertBucketInput (core and public-API variants); None means "leave as is"."""

    id: int | None = None
    name: str | None = None
    project: str | None = None
    entity: str | None = None
    display_name: str | None = None
    description: str | None = None
    notes: str | None = None
    tags: list[str] | None = None
    group_name: str | None = None
    job_type: str | None = None
    config: str | None = None
    summary_metrics: str | None = None
    commit: str | None = None
    repo: str | None = None
    program: str | None = None
    host: str | None = None
    sweep: str | None = None
    state: str | None = None


@dataclass
class UpsertResult:
    run: Run
    inserted: bool
    changed: list[str] = field(default_factory=list)


@dataclass
class RunContext:
    """A run with its project, entity and the actor's role in that entity."""

    run: Run
    project: Project
    entity: Entity
    role: str | None  # resolved: policy.role_from_membership


def parse_json_object(value: str, field_name: str) -> dict[str, Any]:
    """The JSON object in ``value``, as it will be stored (see app.db.types.storable_json)."""
    try:
        parsed = json.loads(value)
    except (TypeError, ValueError) as error:
        raise BadInput(f"{field_name} is not valid JSON: {error}") from None
    if not isinstance(parsed, dict):
        raise BadInput(f"{field_name} must be a JSON object, got {type(parsed).__name__}")
    return storable_json(parsed)


async def upsert_bucket(session: AsyncSession, actor: Actor, data: RunInput) -> UpsertResult:
    if actor.user is None:
        raise Unauthenticated(KEY_REQUIRED)
    config = parse_json_object(data.config, "config") if data.config is not None else None
    summary = parse_json_object(data.summary_metrics, "summaryMetrics") if data.summary_metrics is not None else None
    if data.state is not None and data.state not in STATES:
        raise BadInput(f"invalid run state {data.state!r}: use one of {', '.join(STATES)}")
    if data.id is not None:
        context = await loggable_run_by_id(session, actor, data.id)
        run, entity, inserted = context.run, context.entity, False
    else:
        entity = await _target_entity(session, actor, data.entity)
        project = await projects.require_writable(session, actor, entity, data.project or DEFAULT_PROJECT, create=True)
        run = None
        if data.name:
            check_run_name(data.name)
            run = await session.scalar(select(Run).where(Run.project_id == project.id, Run.name == data.name))
        inserted = False
        if run is None:
            run, inserted = await _create(session, actor, entity, project, data)
        if not inserted:
            role = (await Access.load(session, actor, entity)).role
            await require_loggable(_given(session), actor, role, entity, project, run)
    changed = _apply(run, data, config, summary)
    run.updated_at = utcnow()
    await session.flush()
    for section, document in ((run_values.CONFIG, config), (run_values.SUMMARY, summary)):
        if document is not None:
            await run_values.replace(session, run.id, run.project_id, section, document)
    if inserted:
        audit.record(
            session,
            actor,
            "run.create",
            entity_id=entity.id,
            target_type="run",
            target_id=run.id,
            on_behalf_of_id=run.user_id if run.service_account_id else None,
            name=run.name,
            project_id=run.project_id,
        )
    elif changed:
        audit.record(
            session,
            actor,
            "run.update",
            entity_id=entity.id,
            target_type="run",
            target_id=run.id,
            name=run.name,
            changed=changed,
        )
    return UpsertResult(run, inserted, changed)


async def _target_entity(session: AsyncSession, actor: Actor, entity_name: str | None) -> Entity:
    if entity_name:
        return await require_entity(session, entity_name)
    entity = await session.get(Entity, actor.user.default_entity_id or actor.user.entity_id)
    if entity is None:
        raise NotFound("your default entity no longer exists; pass an entity")
    return entity


async def _create(
    session: AsyncSession, actor: Actor, entity: Entity, project: Project, data: RunInput
) -> tuple[Run, bool]:
    """A new run named ``data.name`` (else a random name), or the run of that name another request
    created a moment ago: (run, inserted)."""
    user_id, service_account_id = await attribute(session, actor, entity)
    display_name = None if data.display_name else await _made_up_display_name(session, project)
    for _ in range(_NAME_ATTEMPTS):
        now = utcnow()
        new = Run(
            project_id=project.id,
            name=data.name or _random_run_name(),
            display_name=display_name,
            state=RunState.RUNNING,
            config={},
            summary={},
            tags=[],
            created_by_id=actor.user.id,
            user_id=user_id,
            service_account_id=service_account_id,
            created_at=now,
            updated_at=now,
            heartbeat_at=now,
            history_keys={},
        )
        [(run, inserted)] = await insert_or_get(session, [new], ("project_id", "name"))
        if inserted or data.name:
            return run, inserted
    raise Conflict(f"no free run name found in {entity.name}/{project.name}; retry")


_NAME_ATTEMPTS = 5  # a random 8-character name is taken with a chance of runs / 36**8


async def attribute(session: AsyncSession, actor: Actor, entity: Entity) -> tuple[int, int | None]:
    """(user_id, service_account_id) of a new run in ``entity``'s project (PROTOCOL.md §5.3)."""
    if not actor.is_service or entity.kind != EntityKind.TEAM or not (actor.claimed_username or actor.claimed_email):
        return actor.user.id, None
    member = (
        select(User.id)
        .join(Membership, Membership.user_id == User.id)
        .where(Membership.team_id == entity.id, User.account_type != AccountType.SERVICE, User.deleted_at.is_(None))
    )
    person = None
    if actor.claimed_username:
        person = await session.scalar(member.where(User.username == actor.claimed_username))
    if person is None and actor.claimed_email:
        person = await session.scalar(member.where(func.lower(User.email) == actor.claimed_email.lower()))
    if person is None:
        return actor.user.id, None
    return person, actor.user.id


def _random_run_name() -> str:
    return "".join(secrets.choice(RUN_NAME_ALPHABET) for _ in range(8))


async def _made_up_display_name(session: AsyncSession, project: Project) -> str:
    """adjective-noun-N, N = the run's number in its project; the words follow from (project, N)."""
    number = (await session.scalar(select(func.count()).select_from(Run).where(Run.project_id == project.id)) or 0) + 1
    seed = zlib.crc32(f"{project.id}:{number}".encode())
    return f"{ADJECTIVES[seed % len(ADJECTIVES)]}-{NOUNS[(seed // len(ADJECTIVES)) % len(NOUNS)]}-{number}"


def _apply(run: Run, data: RunInput, config: dict | None, summary: dict | None) -> list[str]:
    """Overwrite every given field; return the metadata fields whose value changed."""
    values: dict[str, Any] = {
        "display_name": data.display_name,
        "description": data.description,
        "notes": data.notes,
        "tags": list(data.tags) if data.tags is not None else None,
        "group_name": data.group_name,
        "job_type": data.job_type,
        "git_commit": data.commit,
        "git_remote": data.repo,
        "program": data.program,
        "host": data.host,
        "sweep_name": data.sweep,
        "state": data.state,
        "config": config,
        "summary": summary,
    }
    changed = []
    for name, value in values.items():
        if value is None:
            continue
        if name in METADATA_FIELDS and getattr(run, name) != value:
            changed.append(name)
        setattr(run, name, value)
    return changed


# --- finding runs to log to ---------------------------------------------------------------------

SessionOf = Callable[[], Awaitable[AsyncSession]]  # a session on demand (file_stream's: bulk.Transaction.session)
KEY_REQUIRED = "an API key is required to log runs"


class StreamKey(NamedTuple):
    """The columns of an API key that api_keys.refuse_unusable and use_is_stale read."""

    id: int
    last_used_at: datetime | None
    revoked_at: datetime | None
    expires_at: datetime | None


class StreamEntity(NamedTuple):
    id: int
    name: str
    kind: str


class StreamProject(NamedTuple):
    id: int
    name: str
    access: str
    rules_version: int  # 0: the project has no metric rules
    baseline_run_id: int | None


class StreamBaseline(NamedTuple):
    """The project's baseline run, for the metric rules (rules.IngestRun.baseline)."""

    id: int
    history_line_count: int
    updated_at: datetime


class StreamRun(NamedTuple):
    """The run's columns the checks and the chunk's writes read (app.domain.ingest)."""

    id: int
    project_id: int
    name: str
    state: str
    user_id: int | None
    created_by_id: int | None
    stop_requested: bool
    history_line_count: int
    events_line_count: int
    log_line_count: int
    last_step: int | None
    history_keys: dict[str, dict[str, int]] | None
    rule_states: dict[str, Any] | None


@dataclass(frozen=True, slots=True)
class StreamTarget:
    """The run a file_stream request writes to, its row locked, with its project and entity."""

    run: StreamRun
    project: StreamProject
    entity: StreamEntity
    baseline: StreamBaseline | None


def _at_names(query: Select) -> Select:
    """``query`` over the run at (:entity, :project, :run), joined with its project and entity."""
    return (
        query.select_from(Run)
        .join(Project, Project.id == Run.project_id)
        .join(Entity, Entity.id == Project.entity_id)
        .where(Entity.name == bindparam("entity"), Project.name == bindparam("project"), Run.name == bindparam("run"))
    )


def _labelled(prefix: str, table: Any, columns: type) -> list[Any]:
    """The columns of ``table`` that the named tuple ``columns`` names, labelled ``prefix + name``."""
    return [table.c[name].label(prefix + name) for name in columns._fields]


def _reader(prefix: str, columns: type) -> Callable[[Mapping[str, Any]], Any]:
    """Reads a ``columns`` named tuple from the lookup's row (its columns labelled by _labelled)."""
    get, make = itemgetter(*(prefix + name for name in columns._fields)), columns._make
    return lambda row: make(get(row))


_BASELINE = Run.__table__.alias("baseline")


def _loggable_query(*, for_update: bool, by_key: bool = False) -> Select:
    """The run at (:entity, :project, :run) with its project, entity and a user's team role; the run's
    row locked ``for_update``, so that concurrent writers of its derived columns queue.

    The user is :user_id (loggable_run: ORM objects, for the services), or ``by_key`` the owner of the
    API key :secret_hash (file_stream, every few seconds a run: plain columns, since building ORM
    objects cost more than the statement). That variant reads whatever exists of the key, its user,
    the run, its project and entity, the membership and the project's baseline run, so that one
    row gives the answer, the write's starting point or the exact refusal: no row, no such key; a
    row without the run (the locking read is a derived table, which may be outer-joined where the
    run itself may not), no such run."""
    if not by_key:
        query = _at_names(select(Run, Project, Entity, Membership.role)).outerjoin(
            Membership, and_(Membership.team_id == Entity.id, Membership.user_id == bindparam("user_id"))
        )
        return query.with_for_update(of=Run) if for_update else query
    place = _at_names(
        select(
            *_labelled("run_", Run.__table__, StreamRun),
            *_labelled("project_", Project.__table__, StreamProject),
            *_labelled("entity_", Entity.__table__, StreamEntity),
        )
    )
    place = (place.with_for_update(of=Run) if for_update else place).subquery("place")
    return (
        select(
            *_labelled("key_", ApiKey.__table__, StreamKey),
            *_labelled("user_", User.__table__, Account),
            *place.c,
            Membership.role.label("membership_role"),
            *_labelled("baseline_", _BASELINE, StreamBaseline),
        )
        .select_from(ApiKey)
        .join(User, User.id == ApiKey.user_id)
        .outerjoin(place, true())
        .outerjoin(Membership, and_(Membership.team_id == place.c.entity_id, Membership.user_id == User.id))
        .outerjoin(
            _BASELINE,
            and_(_BASELINE.c.id == place.c.project_baseline_run_id, _BASELINE.c.project_id == place.c.project_id),
        )
        .where(ApiKey.secret_hash == bindparam("secret_hash"))
    )


# Built once: file_stream runs one on every request.
_LOGGABLE = {False: _loggable_query(for_update=False), True: _loggable_query(for_update=True)}
_STREAMABLE = _loggable_query(for_update=True, by_key=True)
_read_key, _read_user = _reader("key_", StreamKey), _reader("user_", Account)
_read_run, _read_project = _reader("run_", StreamRun), _reader("project_", StreamProject)
_read_entity, _read_baseline = _reader("entity_", StreamEntity), _reader("baseline_", StreamBaseline)


async def loggable_run(
    session: AsyncSession, actor: Actor, entity_name: str, project_name: str, run_name: str, *, for_update: bool = False
) -> RunContext:
    """The run at entity/project/name if the actor may log to it; NotFound / Forbidden otherwise.

    One statement (run, project, entity and the actor's membership); ``for_update`` locks the run
    row so that concurrent writers of its derived columns queue."""
    if actor.user is None:
        raise Unauthenticated(KEY_REQUIRED)
    params = {"user_id": actor.user.id, "entity": entity_name, "project": project_name, "run": run_name}
    row = (await session.execute(_LOGGABLE[for_update], params)).first()
    if row is None:
        raise NotFound(f"run {entity_name}/{project_name}/{run_name} not found")
    run, project, entity, team_role = row
    context = RunContext(run, project, entity, Access.of(actor, entity, team_role).role)
    await require_loggable(_given(session), actor, context.role, entity, project, run)
    return context


async def stream_target(
    transaction: bulk.Transaction, secret: str | None, entity_name: str, project_name: str, run_name: str
) -> StreamTarget:
    """The run a file_stream request writes to, locked, if the key ``secret`` may log to it; else the
    refusal every other route gives (Unauthenticated, NotFound, Forbidden, in the same words). One
    statement (_loggable_query's by-key variant) answers both; a session joins the transaction only
    for a RESTRICTED project's member list, or to record the key's use (once a minute)."""
    if secret is None:
        raise Unauthenticated(KEY_REQUIRED)
    params = {"secret_hash": api_keys.hash_key(secret), "entity": entity_name, "project": project_name, "run": run_name}
    row = await transaction.first_row(_STREAMABLE, params)
    if row is None:
        raise Unauthenticated(api_keys.UNKNOWN_KEY)
    key, user, now = _read_key(row), _read_user(row), utcnow()
    api_keys.refuse_unusable(key, user, now)
    if row["run_id"] is None:
        raise NotFound(f"run {entity_name}/{project_name}/{run_name} not found")
    entity, project, run = _read_entity(row), _read_project(row), _read_run(row)
    actor = Actor(user=user, api_key_id=key.id)
    await require_loggable(
        transaction.session, actor, Access.of(actor, entity, row["membership_role"]).role, entity, project, run
    )
    if api_keys.use_is_stale(key, now):
        await api_keys.record_key_use(await transaction.session(), key.id, now)
    baseline = _read_baseline(row) if row["baseline_id"] is not None else None
    return StreamTarget(run, project, entity, baseline)


async def loggable_run_by_id(session: AsyncSession, actor: Actor, run_id: int) -> RunContext:
    found = await runs_view.run_with_place(session, run_id)
    if found is None:
        raise NotFound(f"run {run_id} not found")
    run, project, entity = found
    context = RunContext(run, project, entity, (await Access.load(session, actor, entity)).role)
    await require_loggable(_given(session), actor, context.role, entity, project, run)
    return context


async def require_loggable(
    session_of: SessionOf,
    actor: Actor,
    role: Role | None,
    entity: Entity | StreamEntity,
    project: Project | StreamProject,
    run: Run | StreamRun,
) -> None:
    """NotFound / Forbidden unless the actor may log to the run (Access.can_log_to): the one decision
    for every route that logs (upsertBucket, file_stream, files, artifacts, alerts). The member list
    is read (and a session opened for it) only for a RESTRICTED project."""
    access = Access(actor, entity, role, project)
    if access.needs_member_list:
        access = await access.with_member_list(await session_of())
    if not access.can_log_to(run):
        raise access.log_denied(run)


def _given(session: AsyncSession) -> SessionOf:
    async def session_of() -> AsyncSession:
        return session

    return session_of


async def editable_run(session: AsyncSession, actor: Actor, run_id: int, *, verb: str = "stop") -> RunContext:
    """A run the actor may edit (stop, change): its owner or a team admin (Access.can_edit)."""
    found = await runs_view.run_with_place(session, run_id)
    if found is None:
        raise NotFound(f"run {run_id} not found")
    run, project, entity = found
    access = await Access.load(session, actor, entity, project)
    if access.can_edit(run):
        return RunContext(run, project, entity, access.role)
    raise access.edit_denied(run, verb, missing=f"run {run_id} not found")


# --- stopping and run states ----------------------------------------------------------------------


async def request_stop(session: AsyncSession, actor: Actor, run_id: int) -> Run:
    """Ask the client to stop: the next file_stream answer carries {"stopped": true}."""
    context = await editable_run(session, actor, run_id)
    run = context.run
    run.stop_requested = True
    run.updated_at = utcnow()
    audit.record(
        session,
        actor,
        "run.stop",
        entity_id=context.entity.id,
        target_type="run",
        target_id=run.id,
        name=run.name,
        state=run.state,
    )
    return run


# W&B's updateRunState: requeue a run (to pending) or give up on one (to failed).
STATE_TRANSITIONS = {
    RunState.PENDING: (RunState.RUNNING, RunState.FAILED, RunState.CRASHED, RunState.PREEMPTED),
    RunState.FAILED: (RunState.PENDING, RunState.RUNNING),
}


async def update_run_state(session: AsyncSession, actor: Actor, run_id: int, state: str) -> Run:
    """Move a run to ``state`` along STATE_TRANSITIONS: its owner or a team admin (Access.can_edit)."""
    if state not in STATE_TRANSITIONS:
        raise BadInput(f"invalid run state {state!r}: a run's state can be set to {' or '.join(STATE_TRANSITIONS)}")
    context = await editable_run(session, actor, run_id, verb="change the state of")
    run = context.run
    if run.sweep_name:
        raise BadInput(f"run {run.name} belongs to sweep {run.sweep_name}; a sweep run's state cannot be set")
    if run.state not in STATE_TRANSITIONS[state]:
        raise Conflict(
            f"invalid state transition for run {run.name}: {run.state} to {state} "
            f"(only from {', '.join(STATE_TRANSITIONS[state])})"
        )
    previous, run.state, run.updated_at = run.state, state, utcnow()
    audit.record(
        session,
        actor,
        "run.update_state",
        entity_id=context.entity.id,
        target_type="run",
        target_id=run.id,
        name=run.name,
        previous=previous,
        state=state,
    )
    return run
