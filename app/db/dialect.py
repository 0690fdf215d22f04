"""The one place that branches on the SQL dialect."""

from __future__ import annotations


def is_sqlite(url_or_name: str) -> bool:
    return url_or_name.startswith("sqlite")


def is_postgresql(url_or_name: str) -> bool:
    return url_or_name.startswith("postgresql")
