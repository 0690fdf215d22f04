"""Project fields that list and count runs: the public API's filters, order and keyset pages."""

from __future__ import annotations

from typing import Sequence

import strawberry
from strawberry.types.nodes import SelectedField, Selection

from app.api.context import Info
from app.api.loaders import Loaders
from app.api.loaders.run_queries import promise_page_count, run_counts
from app.api.pagination import Connection, connection, decode_cursor, encode_cursor, page_size
from app.api.scalars import JSONString
from app.api.types.run import Run
from app.db import tables
from app.domain import run_queries


@strawberry.type
class ProjectRunFields:
    row: strawberry.Private[tables.Project]

    @strawberry.field(
        description="Whether the viewer may edit, move, tag or delete some of the project's runs: an ADMIN "
        "(or instance admin) any run, a MEMBER their own, a SERVICE account those it created."
    )
    async def viewer_can_edit_runs(self, info: Info) -> bool:
        return (await info.context.loaders.viewer_project_access(self.row)).can_edit_some_runs

    @strawberry.field(description="How many runs match the filters (a JSON string of a MongoDB-style document).")
    async def run_count(self, info: Info, filters: JSONString | None = None) -> int:
        return await info.context.loaders.get(run_counts).load((self.row.id, filters))

    @strawberry.field(
        description="The project's runs that match the filters, sorted by order: '+' or '-' then created_at, "
        "heartbeat_at, updatedAt, name, display_name, state, config.X or summary_metrics.X (nulls last)."
    )
    async def runs(
        self,
        info: Info,
        filters: JSONString | None = None,
        order: str | None = None,
        first: int | None = None,
        after: str | None = None,
    ) -> Connection[Run]:
        cursor = decode_cursor(after)
        selected = info.selected_fields
        light = _asks_only(selected, LIGHT_RUN_FIELDS)
        # runCount with these filters, asked before this field, takes its count from this page's scan.
        count = promise_page_count(info.context.loaders, (self.row.id, filters)) if cursor is None else None
        page = None
        try:
            async with info.context.read() as session:
                page = await run_queries.list_runs(
                    session,
                    self.row.id,
                    filters=filters,
                    order=order,
                    limit=page_size(first),
                    after=cursor,
                    with_total=count is not None,
                    without_documents=light,
                )
        finally:
            if count is not None:
                count.set_result(page.total if page is not None else None)
        if _selects_run_users(selected):
            await _load_users(info.context.loaders, page.runs, self.row.entity_id)
        # Every run's Run.project is this project: answer it without another statement.
        info.context.loaders.project.prime(self.row.id, self.row)
        if not light:  # rows without their documents stay out of the loader other fields read
            run_loader = info.context.loaders.run
            for row in page.runs:
                run_loader.prime(row.id, row)
        return connection(
            [Run.from_row(row) for row in page.runs],
            [encode_cursor(values) for values in page.cursors],
            has_next=page.has_next,
        )


_USER_FIELDS = frozenset({"user", "serviceAccount", "createdBy"})
# Run fields answered from the run's columns without its JSON documents (config, summary, ...):
# the client's lightweight fragment. A selection of only these reads the page without them.
LIGHT_RUN_FIELDS = frozenset(
    {
        "__typename",
        "id",
        "name",
        "displayName",
        "description",
        "notes",
        "state",
        "tags",
        "group",
        "jobType",
        "sweepName",
        "commit",
        "gitRemote",
        "host",
        "program",
        "exitCode",
        "readOnly",
        "createdAt",
        "updatedAt",
        "heartbeatAt",
        "historyLineCount",
        "eventsLineCount",
        "logLineCount",
        "projectId",
        "project",
        *_USER_FIELDS,
    }
)


def _asks_only(selections: Sequence[Selection], allowed: frozenset[str], depth: int = 0) -> bool:
    """Whether every run field the runs selection asks (edges.node.*) is in ``allowed``."""
    for selection in selections:
        if isinstance(selection, SelectedField):
            if depth == 3 and selection.name not in allowed:
                return False
            if depth < 3 and not _asks_only(selection.selections, allowed, depth + 1):
                return False
        elif not _asks_only(selection.selections, allowed, depth):  # fragments keep the depth
            return False
    return True


def _selects_run_users(selections: Sequence[Selection], depth: int = 0) -> bool:
    """Whether the runs selection asks a run's user, service account or creator (edges.node.*)."""
    for selection in selections:
        if isinstance(selection, SelectedField):
            if depth == 3 and selection.name in _USER_FIELDS:
                return True
            if depth < 3 and _selects_run_users(selection.selections, depth + 1):
                return True
        elif _selects_run_users(selection.selections, depth):  # fragments keep the depth
            return True
    return False


async def _load_users(loaders: Loaders, runs: Sequence[tables.Run], project_entity_id: int) -> None:
    """Load the page's accounts and their entities now, in one statement each as the fields would,
    so that the runs' user fields answer without awaiting (see Run.user). The project's entity
    joins the batch: run.project.entity would otherwise cost a statement of its own."""
    user_ids = {
        user_id
        for run in runs
        for user_id in (run.user_id, run.service_account_id, run.created_by_id)
        if user_id is not None
    }
    users = await loaders.user.load_many(sorted(user_ids))
    entity_ids = {user.entity_id for user in users if user is not None} | {project_entity_id}
    await loaders.entity.load_many(sorted(entity_ids))
