"""Run fields older and newer wandb clients select beyond the tracking core: stopped, logLines."""

from __future__ import annotations

import strawberry

from app.api.context import Info
from app.api.pagination import Connection, connection, decode_cursor, encode_cursor, page_size
from app.db import tables
from app.domain import console_reads
from app.domain.errors import BadInput


@strawberry.type(description="One console line of a run (output.log), numbered from 0.")
class LogLine:
    id: strawberry.ID
    number: int
    line: str
    timestamp: str | None = strawberry.field(default=None, description="Not recorded: null.")
    level: str | None = strawberry.field(default=None, description="Not recorded: null.")
    label: str | None = strawberry.field(default=None, description="Not recorded: null.")


@strawberry.type(description="A run's git checkout.")
class GitInfo:
    remote: str | None
    commit: str | None


@strawberry.type(
    description="Where and how a run ran, as older clients read it (wandb restore). Labbook keeps "
    "the program and git fields; the rest stays in the run's wandb-metadata.json file."
)
class RunInfo:
    program: str | None
    git: GitInfo | None
    args: list[str] | None = None
    os: str | None = None
    python: str | None = None
    colab: str | None = None
    executable: str | None = None
    code_saved: bool | None = None
    cpu_count: int | None = None
    gpu_count: int | None = None
    gpu: str | None = None


@strawberry.type
class RunCompatFields:
    row: strawberry.Private[tables.Run]

    @strawberry.field(description="Whether a stop was requested (the client's RunStoppedStatus).")
    def stopped(self) -> bool:
        return self.row.stop_requested

    @strawberry.field(description="The run's program and git checkout (older clients' RunInfo).")
    def run_info(self) -> RunInfo:
        git = None
        if self.row.git_remote or self.row.git_commit:
            git = GitInfo(remote=self.row.git_remote, commit=self.row.git_commit)
        return RunInfo(program=self.row.program, git=git)

    @strawberry.field(
        description="The run's console lines in order: first/after page forward, last takes the final lines."
    )
    async def log_lines(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        use_improved_pagination: bool | None = None,
    ) -> Connection[LogLine]:
        if last is not None:
            if first is not None or after is not None:
                raise BadInput("give last alone, or first and after")
            async with info.context.read() as session:
                rows = await console_reads.last_lines(session, self.row.id, page_size(last))
            has_next = False
        else:
            cursor = decode_cursor(after)
            if cursor is not None:
                if not (len(cursor) == 1 and isinstance(cursor[0], int)):
                    raise BadInput(f"invalid cursor {after!r}")
            limit = page_size(first)
            async with info.context.read() as session:
                rows = await console_reads.lines_after(session, self.row.id, cursor[0] if cursor else None, limit + 1)
            has_next, rows = len(rows) > limit, rows[:limit]
        lines = [LogLine(id=strawberry.ID(f"{self.row.id}:{no}"), number=no, line=text) for no, text in rows]
        return connection(lines, [encode_cursor([no]) for no, _ in rows], has_next=has_next)
