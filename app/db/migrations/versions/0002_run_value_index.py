"""run value index: one row per number or string of a run's config and summary

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25 18:55:22.455203
"""

import json
import math
from typing import Any, Iterator, Sequence, Union

from alembic import op
import sqlalchemy as sa

import app.db.types


revision: str = "0002"
down_revision: Union[str, None] = "0001"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

BATCH = 500

# --- a frozen copy of app/domain/run_values.py's indexing, as it stood when this migration was
# last changed: a migration must do the same whatever the domain later becomes. --------------------

CONFIG = "config"
SUMMARY = "summary"
MAX_DEPTH = 8
MAX_PATH = 512
_INFINITIES = {"Infinity": math.inf, "-Infinity": -math.inf}


def _encode_path(path: Sequence[str]) -> str:
    return json.dumps(list(path), ensure_ascii=False, separators=(",", ":"))


def _indexable(path: Sequence[str]) -> bool:
    return 0 < len(path) <= MAX_DEPTH and len(_encode_path(path)) <= MAX_PATH


def leaves(document: Any, prefix: tuple[str, ...] = ()) -> Iterator[tuple[str, float | None, str | None]]:
    """(encoded path, number, text) of every indexable number and string in ``document``."""
    if not isinstance(document, dict) or len(prefix) >= MAX_DEPTH:
        return
    for key, value in document.items():
        path = (*prefix, key)
        if isinstance(value, dict):
            yield from leaves(value, path)
        elif isinstance(value, bool) or not isinstance(value, (int, float, str)):
            continue
        elif not _indexable(path):
            continue
        elif isinstance(value, str):
            infinity = _INFINITIES.get(value)
            yield (_encode_path(path), None, value) if infinity is None else (_encode_path(path), infinity, None)
        else:
            yield _encode_path(path), _float(value), None


def _float(number: int | float) -> float:
    try:
        return float(number)
    except OverflowError:
        return math.inf if number > 0 else -math.inf


# --- end of the frozen copy ---------------------------------------------------------------------


def upgrade() -> None:
    run_value = op.create_table(
        "run_value",
        sa.Column("run_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("section", sa.String(length=8), nullable=False),
        sa.Column("path", sa.String(length=512), nullable=False),
        sa.Column("project_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("number", sa.Float(), nullable=True),
        sa.Column("text", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["run_id"], ["run.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("run_id", "section", "path"),
        sqlite_with_rowid=False,
    )
    with op.batch_alter_table("run_value", schema=None) as batch_op:
        batch_op.create_index("ix_run_value_key", ["project_id", "section", "path", "number", "run_id"], unique=False)
    _index_existing_runs(run_value)


def _index_existing_runs(run_value: sa.Table) -> None:
    run = sa.table(
        "run",
        sa.column("id", sa.BigInteger()),
        sa.column("project_id", sa.BigInteger()),
        sa.column("config", app.db.types.JSONValue()),
        sa.column("summary", app.db.types.JSONValue()),
    )
    connection = op.get_bind()
    last_id = 0
    while True:
        runs = connection.execute(sa.select(run).where(run.c.id > last_id).order_by(run.c.id).limit(BATCH)).all()
        if not runs:
            return
        rows = [
            {
                "run_id": r.id,
                "section": section,
                "path": path,
                "project_id": r.project_id,
                "number": number,
                "text": text,
            }
            for r in runs
            for section, document in ((CONFIG, r.config), (SUMMARY, r.summary))
            for path, number, text in leaves(document)
        ]
        if rows:
            connection.execute(run_value.insert(), rows)
        last_id = runs[-1].id


def downgrade() -> None:
    with op.batch_alter_table("run_value", schema=None) as batch_op:
        batch_op.drop_index("ix_run_value_key")
    op.drop_table("run_value")
