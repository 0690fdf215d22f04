"""Account mutations: API keys (generate, delete), createUser (instance admins), updateUser."""

from __future__ import annotations

import strawberry

from app.api import ids
from app.api.context import Info
from app.api.permissions import CanCreateApiKey, CanManageInstance, IsSignedIn
from app.api.types.entity import ApiKey, User
from app.api.types.refs import user_type_for
from app.domain import users
from app.domain.api_keys import IssuedKey


@strawberry.input
class GenerateApiKeyInput:
    description: str | None = None
    client_mutation_id: str | None = None


@strawberry.type
class GenerateApiKeyPayload:
    api_key: ApiKey = strawberry.field(
        description="In this payload only, name is the full secret: the wandb SDK's "
        "generate_api_key() returns apiKey.name as the new key."
    )
    secret: str = strawberry.field(description="The new key; shown this once, only its hash is stored.")
    client_mutation_id: str | None = None


@strawberry.input
class DeleteApiKeyInput:
    id: str
    client_mutation_id: str | None = None


@strawberry.type
class DeleteApiKeyPayload:
    success: bool
    client_mutation_id: str | None = None


@strawberry.input
class CreateUserInput:
    email: str
    admin: bool | None = None
    username: str | None = None
    client_mutation_id: str | None = None


@strawberry.type
class CreateUserPayload:
    user: User
    api_key: ApiKey
    secret: str = strawberry.field(description="The new user's first API key; shown this once.")
    client_mutation_id: str | None = None


@strawberry.input
class UpdateUserInput:
    id: strawberry.ID | None = strawberry.field(default=None, description="Instance admins only; default: yourself.")
    name: str | None = strawberry.field(default=None, description="The full name.")
    default_entity: str | None = strawberry.field(
        default=None, description="Where runs go when none is given: your own entity or a team you belong to."
    )
    client_mutation_id: str | None = None


@strawberry.type
class UpdateUserPayload:
    user: User
    client_mutation_id: str | None = None


def _shown_once(issued: IssuedKey) -> ApiKey:
    key = ApiKey.from_row(issued.record)
    key.name = issued.secret
    return key


@strawberry.type
class Mutation:
    @strawberry.mutation(permission_classes=[CanCreateApiKey], description="A new API key for yourself.")
    async def generate_api_key(self, info: Info, input: GenerateApiKeyInput) -> GenerateApiKeyPayload:
        async with info.context.transaction() as session:
            issued = await users.generate_api_key(session, info.context.actor, description=input.description)
        return GenerateApiKeyPayload(
            api_key=_shown_once(issued), secret=issued.secret, client_mutation_id=input.client_mutation_id
        )

    @strawberry.mutation(
        permission_classes=[IsSignedIn], description="Revoke one of your API keys; it then gets HTTP 401."
    )
    async def delete_api_key(self, info: Info, input: DeleteApiKeyInput) -> DeleteApiKeyPayload:
        key_id = ids.decode_as(input.id, "ApiKey")
        async with info.context.transaction() as session:
            await users.delete_api_key(session, info.context.actor, key_id)
        return DeleteApiKeyPayload(success=True, client_mutation_id=input.client_mutation_id)

    @strawberry.mutation(permission_classes=[CanManageInstance], description="Create an account (instance admins).")
    async def create_user(self, info: Info, input: CreateUserInput) -> CreateUserPayload:
        async with info.context.transaction() as session:
            user, issued = await users.admin_create_user(
                session, info.context.actor, email=input.email, username=input.username, admin=bool(input.admin)
            )
        return CreateUserPayload(
            user=await user_type_for(info, user),
            api_key=ApiKey.from_row(issued.record),
            secret=issued.secret,
            client_mutation_id=input.client_mutation_id,
        )

    @strawberry.mutation(permission_classes=[IsSignedIn], description="Change your name or default entity.")
    async def update_user(self, info: Info, input: UpdateUserInput) -> UpdateUserPayload:
        actor = info.context.actor
        user_id = ids.decode_as(input.id, "User") if input.id else actor.user.id
        async with info.context.transaction() as session:
            user = await users.update_user(
                session, actor, user_id=user_id, full_name=input.name, default_entity=input.default_entity
            )
        return UpdateUserPayload(user=await user_type_for(info, user), client_mutation_id=input.client_mutation_id)
