"""Root query fields, one module per area; ``app.api.schema`` merges them."""
