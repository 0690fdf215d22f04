"""The GraphQL adapter: thin resolvers over domain services and per-request DataLoaders."""
