"""upsertModel: create a project or change its description and access (W&B's legacy name "model")."""

from __future__ import annotations

import strawberry

from app.api.context import Info
from app.api import ids
from app.api.permissions import IsSignedIn
from app.api.types.project import Project
from app.domain import projects


@strawberry.input(
    description="W&B's input; fields this server does not keep (views, repo, dockerImage, "
    "framework, isBenchmark, isPublished, owner, ...) are accepted and ignored."
)
class UpsertModelInput:
    name: str | None = None
    entity_name: str | None = None
    id: str | None = strawberry.field(default=None, description="A project's id: update that project.")
    description: str | None = None
    access: str | None = strawberry.field(
        default=None,
        description="PRIVATE (default for new projects: the entity's default), RESTRICTED, "
        "USER_READ (public read) or USER_WRITE (open).",
    )
    views: str | None = None
    repo: str | None = None
    docker_image: str | None = None
    framework: str | None = None
    is_benchmark: bool | None = None
    is_published: bool | None = None
    owner: strawberry.ID | None = None
    allow_all_artifact_types_in_registry: bool | None = None
    client_mutation_id: str | None = None


@strawberry.type
class UpsertModelPayload:
    project: Project
    model: Project = strawberry.field(description="The same project, under W&B's legacy name.")
    inserted: bool
    client_mutation_id: str | None = None


@strawberry.type
class Mutation:
    @strawberry.mutation(
        permission_classes=[IsSignedIn],
        description="Create a project (write access to "
        "the entity) or change its description/access (project administrators).",
    )
    async def upsert_model(self, info: Info, input: UpsertModelInput) -> UpsertModelPayload:
        changes = projects.ProjectChanges(description=input.description, access=input.access)
        async with info.context.transaction() as session:
            row, inserted = await projects.upsert_project(
                session,
                info.context.actor,
                entity_name=input.entity_name,
                name=input.name,
                project_id=upsert_project_id(input),
                changes=changes,
            )
        project = Project.from_row(row)
        return UpsertModelPayload(
            project=project, model=project, inserted=inserted, client_mutation_id=input.client_mutation_id
        )


def upsert_project_id(data: UpsertModelInput) -> int | None:
    return ids.decode_as(data.id, "Project", "ProjectInternalId") if data.id else None
