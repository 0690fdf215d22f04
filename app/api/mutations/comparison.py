"""setProjectBaseline: choose the run that compareRuns compares with by default."""

from __future__ import annotations

import strawberry

from app.api.context import Info
from app.api.permissions import IsSignedIn
from app.api.types.project import Project
from app.domain import comparison


@strawberry.input
class SetProjectBaselineInput:
    entity_name: str
    project_name: str
    run_name: str | None = strawberry.field(default=None, description="The baseline run's name; null clears it.")
    client_mutation_id: str | None = None


@strawberry.type
class SetProjectBaselinePayload:
    project: Project
    client_mutation_id: str | None = None


@strawberry.type
class Mutation:
    @strawberry.mutation(
        permission_classes=[IsSignedIn],
        description="Set (or, with runName null, clear) the project's baseline run. Needs write access as a member.",
    )
    async def set_project_baseline(self, info: Info, input: SetProjectBaselineInput) -> SetProjectBaselinePayload:
        async with info.context.transaction() as session:
            project = await comparison.set_baseline(
                session, info.context.actor, input.entity_name, input.project_name, input.run_name
            )
        return SetProjectBaselinePayload(project=Project.from_row(project), client_mutation_id=input.client_mutation_id)
