"""Non-GraphQL HTTP: file_stream, storage PUT/GET, health, metrics."""
