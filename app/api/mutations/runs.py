"""Run tracking mutations the wandb client sends: upsertBucket, createRunFiles,
notifyScriptableRunAlert, updateRunState; and stopRun."""

from __future__ import annotations

import strawberry

from app.api import ids
from app.api.context import Info
from app.api.permissions import CanLogRuns
from app.api.scalars import Duration, JSONString
from app.api.types.alert import AlertSeverity
from app.api.types.run import Run
from app.domain import alerts, files, runs
from app.storage import urls


@strawberry.input(description="Create or update a run (core and public-API variants).")
class UpsertBucketInput:
    id: str | None = strawberry.field(default=None, description="The run's global id: update that run.")
    name: str | None = strawberry.field(default=None, description="The run id the client chose.")
    model_name: str | None = strawberry.field(default=None, description="The project name.")
    entity_name: str | None = strawberry.field(default=None, description="Null: the viewer's default entity.")
    group_name: str | None = None
    description: str | None = None
    display_name: str | None = None
    notes: str | None = None
    config: JSONString | None = strawberry.field(default=None, description='{"key": {"value": ...}}, stored verbatim.')
    commit: str | None = None
    host: str | None = None
    debug: bool | None = None
    job_program: str | None = None
    job_repo: str | None = None
    job_type: str | None = None
    state: str | None = None
    sweep: str | None = None
    tags: list[str] | None = None
    summary_metrics: JSONString | None = strawberry.field(default=None, description="Replaces the summary.")
    client_mutation_id: str | None = None


@strawberry.type
class UpsertBucketPayload:
    bucket: Run | None
    inserted: bool | None
    client_mutation_id: str | None = None


@strawberry.input
class CreateRunFilesInput:
    entity_name: str
    project_name: str
    run_name: str
    files: list[str]
    client_mutation_id: str | None = None


@strawberry.type(description="Where to PUT one run file.")
class RunFileUploadSlot:
    name: str
    upload_url: str | None


@strawberry.type
class CreateRunFilesPayload:
    run_id: strawberry.ID = strawberry.field(name="runID")
    upload_headers: list[str]
    files: list[RunFileUploadSlot]
    client_mutation_id: str | None = None


@strawberry.input
class NotifyScriptableRunAlertInput:
    entity_name: str
    project_name: str
    run_name: str
    title: str
    text: str
    severity: AlertSeverity | None = AlertSeverity.INFO
    wait_duration: Duration | None = strawberry.field(default=None, description="Milliseconds.")
    client_mutation_id: str | None = None


@strawberry.type
class NotifyScriptableRunAlertPayload:
    success: bool
    client_mutation_id: str | None = None


@strawberry.input
class StopRunInput:
    id: strawberry.ID
    client_mutation_id: str | None = None


@strawberry.type
class StopRunPayload:
    success: bool
    client_mutation_id: str | None = None


@strawberry.input(description="A run's storage id and the state to move it to.")
class UpdateRunStateInput:
    id: strawberry.ID
    state: str = strawberry.field(
        description="pending (from running, failed, crashed or preempted) or failed (from pending or running)."
    )
    client_mutation_id: str | None = None


@strawberry.type
class UpdateRunStatePayload:
    success: bool
    client_mutation_id: str | None = None


@strawberry.type
class Mutation:
    @strawberry.mutation(
        permission_classes=[CanLogRuns], description="Create or update a run (W&B's legacy name: bucket)."
    )
    async def upsert_bucket(self, info: Info, input: UpsertBucketInput) -> UpsertBucketPayload:
        data = runs.RunInput(
            id=ids.decode_as(input.id, "Run") if input.id else None,
            name=input.name,
            project=input.model_name,
            entity=input.entity_name,
            display_name=input.display_name,
            description=input.description,
            notes=input.notes,
            tags=input.tags,
            group_name=input.group_name,
            job_type=input.job_type,
            config=input.config,
            summary_metrics=input.summary_metrics,
            commit=input.commit,
            repo=input.job_repo,
            program=input.job_program,
            host=input.host,
            sweep=input.sweep,
            state=input.state,
        )
        async with info.context.transaction() as session:
            result = await runs.upsert_bucket(session, info.context.actor, data)
        return UpsertBucketPayload(
            bucket=Run.from_row(result.run), inserted=result.inserted, client_mutation_id=input.client_mutation_id
        )

    @strawberry.mutation(
        permission_classes=[CanLogRuns], description="Signed upload URLs for run files, one per name, in order."
    )
    async def create_run_files(self, info: Info, input: CreateRunFilesInput) -> CreateRunFilesPayload:
        async with info.context.transaction() as session:
            run, slots = await files.create_run_files(
                session, info.context.actor, input.entity_name, input.project_name, input.run_name, input.files
            )
        runtime = info.context.runtime
        ttl = runtime.settings.signed_url_ttl_seconds
        return CreateRunFilesPayload(
            run_id=strawberry.ID(ids.encode("Run", run.id)),
            upload_headers=[],
            files=[
                RunFileUploadSlot(
                    name=slot.name,
                    upload_url=urls.upload_url(
                        runtime.storage, runtime.secret, info.context.base_url, slot.storage_key, expires_in=ttl
                    ),
                )
                for slot in slots
            ],
            client_mutation_id=input.client_mutation_id,
        )

    @strawberry.mutation(
        permission_classes=[CanLogRuns],
        description="Raise an alert for a run; a repeated title within waitDuration is suppressed.",
    )
    async def notify_scriptable_run_alert(
        self, info: Info, input: NotifyScriptableRunAlertInput
    ) -> NotifyScriptableRunAlertPayload:
        request = alerts.AlertRequest(
            entity=input.entity_name,
            project=input.project_name,
            run=input.run_name,
            title=input.title,
            text=input.text,
            severity=(input.severity or AlertSeverity.INFO).value,
            wait_duration_ms=input.wait_duration,
            base_url=info.context.base_url,
        )
        async with info.context.transaction() as session:
            await alerts.notify(session, info.context.actor, request)
        return NotifyScriptableRunAlertPayload(success=True, client_mutation_id=input.client_mutation_id)

    @strawberry.mutation(
        permission_classes=[CanLogRuns], description="Ask a running run to stop: its owner or a team admin."
    )
    async def stop_run(self, info: Info, input: StopRunInput) -> StopRunPayload:
        run_id = ids.decode_as(input.id, "Run")
        async with info.context.transaction() as session:
            await runs.request_stop(session, info.context.actor, run_id)
        return StopRunPayload(success=True, client_mutation_id=input.client_mutation_id)

    @strawberry.mutation(
        permission_classes=[CanLogRuns],
        description="Requeue a run (state pending) or mark it failed: its owner or a team admin.",
    )
    async def update_run_state(self, info: Info, input: UpdateRunStateInput) -> UpdateRunStatePayload:
        run_id = ids.decode_as(input.id, "Run")
        async with info.context.transaction() as session:
            await runs.update_run_state(session, info.context.actor, run_id, input.state)
        return UpdateRunStatePayload(success=True, client_mutation_id=input.client_mutation_id)
