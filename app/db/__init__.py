"""Persistence: engine and sessions, column types, tables, dialect helpers, migrations."""
