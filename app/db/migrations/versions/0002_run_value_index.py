"""run value index: one row per number or string of a run's config and summary

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25 18:55:22.455203
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa

import app.db.types
from app.domain.run_values import CONFIG, SUMMARY, leaves


revision: str = '0002'
down_revision: Union[str, None] = '0001'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

BATCH = 500


def upgrade() -> None:
    run_value = op.create_table('run_value',
    sa.Column('run_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('section', sa.String(length=8), nullable=False),
    sa.Column('path', sa.String(length=512), nullable=False),
    sa.Column('project_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('number', sa.Float(), nullable=True),
    sa.Column('text', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['run_id'], ['run.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('run_id', 'section', 'path'),
    sqlite_with_rowid=False
    )
    with op.batch_alter_table('run_value', schema=None) as batch_op:
        batch_op.create_index('ix_run_value_key', ['project_id', 'section', 'path', 'number', 'run_id'], unique=False)
    _index_existing_runs(run_value)


def _index_existing_runs(run_value: sa.Table) -> None:
    run = sa.table('run', sa.column('id', sa.BigInteger()), sa.column('project_id', sa.BigInteger()),
                   sa.column('config', app.db.types.JSONValue()), sa.column('summary', app.db.types.JSONValue()))
    connection = op.get_bind()
    last_id = 0
    while True:
        runs = connection.execute(
            sa.select(run).where(run.c.id > last_id).order_by(run.c.id).limit(BATCH)
        ).all()
        if not runs:
            return
        rows = [
            {"run_id": r.id, "section": section, "path": path, "project_id": r.project_id, "number": number,
             "text": text}
            for r in runs
            for section, document in ((CONFIG, r.config), (SUMMARY, r.summary))
            for path, number, text in leaves(document)
        ]
        if rows:
            connection.execute(run_value.insert(), rows)
        last_id = runs[-1].id


def downgrade() -> None:
    with op.batch_alter_table('run_value', schema=None) as batch_op:
        batch_op.drop_index('ix_run_value_key')
    op.drop_table('run_value')
