"""Root mutations, one module per area; ``app.api.schema`` merges them."""
