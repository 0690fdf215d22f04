"""Business rules. No Strawberry, no Starlette: services take (session, actor, ...) and raise DomainError."""
