"""Strawberry types; each wraps a database row held in a private ``row`` field."""
