"""updateRunTags: add and remove tags on runs selected as moveRuns and deleteRuns select them."""

from __future__ import annotations

import strawberry

from app.api.context import Info
from app.api.permissions import IsSignedIn
from app.api.scalars import JSONString
from app.domain import run_moves, run_tags


@strawberry.input(
    description="Tags to add and remove on runs of a project: give runNames or filters "
    '(filters "{}" selects every run).'
)
class UpdateRunTagsInput:
    entity_name: str
    project_name: str
    run_names: list[str] | None = strawberry.field(default=None, description="Run names (ids).")
    filters: JSONString | None = strawberry.field(
        default=None, description="A W&B run filter (MongoDB-style JSON) selecting the runs."
    )
    add_tags: list[str] | None = strawberry.field(default=None, description="Tags to add where missing.")
    remove_tags: list[str] | None = strawberry.field(default=None, description="Tags to remove where present.")
    client_mutation_id: str | None = None


@strawberry.type
class UpdateRunTagsPayload:
    matched_count: int = strawberry.field(description="How many runs the selection holds.")
    updated_count: int = strawberry.field(description="How many of them had their tags changed.")
    updated_run_names: list[str] = strawberry.field(description="The runs whose tags changed, oldest first.")
    client_mutation_id: str | None = None


@strawberry.type
class Mutation:
    @strawberry.mutation(
        permission_classes=[IsSignedIn],
        description="Add and remove tags on runs, all or none: needs the right to edit each run (admins any run, "
        "members their own, service accounts the runs they created).",
    )
    async def update_run_tags(self, info: Info, input: UpdateRunTagsInput) -> UpdateRunTagsPayload:
        selection = run_moves.RunSelection(run_names=input.run_names, filters=input.filters)
        async with info.context.transaction() as session:
            change = await run_tags.update_run_tags(
                session,
                info.context.actor,
                input.entity_name,
                input.project_name,
                selection,
                add=input.add_tags,
                remove=input.remove_tags,
            )
        return UpdateRunTagsPayload(
            matched_count=len(change.matched),
            updated_count=len(change.changed),
            updated_run_names=change.changed,
            client_mutation_id=input.client_mutation_id,
        )
