"""moveRuns (W&B's name and input, but synchronous), deleteRuns, and W&B's deleteRun."""

from __future__ import annotations

import uuid

import strawberry

from app.api import ids
from app.api.context import Info
from app.api.permissions import IsSignedIn
from app.api.scalars import Int64, JSONString
from app.api.types.run import Run
from app.db.types import dumps
from app.domain import artifact_blobs, artifact_changes, blobs, run_moves


@strawberry.input(description="Which runs to move and where. Neither runNames nor filters: every run of the project.")
class MoveRunsInput:
    source_entity_name: str
    source_project_name: str
    destination_entity_name: str
    destination_project_name: str
    run_names: list[str] | None = strawberry.field(default=None, description="Run names (ids) to move.")
    filters: JSONString | None = strawberry.field(
        default=None, description="A W&B run filter (MongoDB-style JSON) selecting the runs to move."
    )
    create_destination_project: bool | None = strawberry.field(
        default=False, description="Create the destination project (with its entity's defaults) when missing."
    )
    dry_run: bool | None = strawberry.field(default=False, description="Report what would move; move nothing.")
    client_mutation_id: str | None = None


@strawberry.type(description="W&B's background task shape; Labbook moves synchronously, so it is always COMPLETED.")
class Task:
    id: strawberry.ID
    name: str
    state: str
    progress: int
    result: JSONString | None


@strawberry.type(description="An artifact sequence some of whose versions were logged by the selected runs.")
class ProducedArtifactCollection:
    entity_name: str
    project_name: str
    name: str
    version_count: int = strawberry.field(description="How many of its versions the selected runs logged.")


@strawberry.type
class MoveRunsPayload:
    moved_count: int = strawberry.field(description="How many runs moved (or would move, in a dry run).")
    runs: list[Run] = strawberry.field(description="The runs that moved (or would move), oldest first.")
    artifact_collections: list[ProducedArtifactCollection] = strawberry.field(
        default_factory=list,
        description="Artifact sequences holding versions the runs logged. They do not move: artifacts belong to "
        "collections in a project, so every version stays in its collection (same name, path, aliases "
        "and downloads), whether some or all of its producing runs move; each moved run still lists "
        "them in outputArtifacts (and its inputs in inputArtifacts) at its new path.",
    )
    dry_run: bool
    task: Task
    client_mutation_id: str | None = None


@strawberry.input(description='Runs to delete: give runNames or filters (filters "{}" selects every run).')
class DeleteRunsInput:
    entity_name: str
    project_name: str
    run_names: list[str] | None = None
    filters: JSONString | None = None
    delete_artifacts: bool | None = strawberry.field(
        default=False,
        description="Also delete the artifact versions the runs logged (with their aliases). "
        "Without it those versions stay in their collections, with no producing run.",
    )
    client_mutation_id: str | None = None


@strawberry.type
class DeleteRunsPayload:
    deleted_count: int
    run_names: list[str]
    freed_bytes: Int64 = strawberry.field(
        description="Bytes of stored files freed. Files whose removal failed are left to the storage "
        "sweep and not counted."
    )
    client_mutation_id: str | None = None


@strawberry.input
class DeleteRunInput:
    id: strawberry.ID = strawberry.field(description="The run's storage id (Run.id).")
    delete_artifacts: bool | None = strawberry.field(
        default=False,
        description="Also delete the artifact versions the run logged (with their aliases). "
        "Without it those versions stay in their collections, with no producing run.",
    )
    client_mutation_id: str | None = None


@strawberry.type
class DeleteRunPayload:
    client_mutation_id: str | None = None


@strawberry.type
class Mutation:
    @strawberry.mutation(
        permission_classes=[IsSignedIn],
        description=(
            "Move runs to another project, all or none, at once (history, files and alerts go with them). "
            "Needs the right to move each run at the source and to log at the destination; runs never leave "
            "a RESTRICTED project."
        ),
    )
    async def move_runs(self, info: Info, input: MoveRunsInput) -> MoveRunsPayload:
        request = run_moves.MoveRequest(
            source_entity=input.source_entity_name,
            source_project=input.source_project_name,
            destination_entity=input.destination_entity_name,
            destination_project=input.destination_project_name,
            selection=run_moves.RunSelection(run_names=input.run_names, filters=input.filters),
            create_destination=bool(input.create_destination_project),
            dry_run=bool(input.dry_run),
        )
        async with info.context.transaction() as session:
            result = await run_moves.move_runs(session, info.context.actor, request)
            produced = await artifact_changes.collections_produced_by(session, [run.id for run in result.runs])
        return MoveRunsPayload(
            artifact_collections=[
                ProducedArtifactCollection(
                    entity_name=c.entity_name, project_name=c.project_name, name=c.name, version_count=c.versions
                )
                for c in produced
            ],
            moved_count=len(result.runs),
            runs=[Run.from_row(run) for run in result.runs],
            dry_run=result.dry_run,
            task=_completed_task(len(result.runs), result.dry_run),
            client_mutation_id=input.client_mutation_id,
        )

    @strawberry.mutation(
        permission_classes=[IsSignedIn],
        description="Delete runs of a project, all or none, with their history, files rows and alerts.",
    )
    async def delete_runs(self, info: Info, input: DeleteRunsInput) -> DeleteRunsPayload:
        selection = run_moves.RunSelection(run_names=input.run_names, filters=input.filters)
        async with info.context.transaction() as session:
            deletion = await run_moves.delete_runs(
                session,
                info.context.actor,
                input.entity_name,
                input.project_name,
                selection,
                delete_artifacts=bool(input.delete_artifacts),
            )
        freed = await _release(info, deletion)
        return DeleteRunsPayload(
            deleted_count=len(deletion.run_names),
            run_names=deletion.run_names,
            freed_bytes=freed,
            client_mutation_id=input.client_mutation_id,
        )

    @strawberry.mutation(permission_classes=[IsSignedIn], description="Delete one run by its id (W&B).")
    async def delete_run(self, info: Info, input: DeleteRunInput) -> DeleteRunPayload:
        run_id = ids.decode_as(input.id, "Run")
        async with info.context.transaction() as session:
            deletion = await run_moves.delete_run(
                session, info.context.actor, run_id, delete_artifacts=bool(input.delete_artifacts)
            )
        await _release(info, deletion)
        return DeleteRunPayload(client_mutation_id=input.client_mutation_id)


async def _release(info: Info, deletion: run_moves.Deletion) -> int:
    """After commit: remove the deleted runs' blobs; the bytes freed."""
    runtime = info.context.runtime
    freed = await blobs.release(runtime.session_factory, runtime.storage, deletion.blob_keys)
    return freed + await artifact_blobs.delete_bytes(
        runtime.storage, runtime.session_factory, deletion.released_artifact_blobs
    )


def _completed_task(moved: int, dry_run: bool) -> Task:
    return Task(
        id=strawberry.ID(uuid.uuid4().hex),
        name="moveRuns",
        state="COMPLETED",
        progress=100,
        result=dumps({"movedCount": moved, "dryRun": dry_run}),
    )
