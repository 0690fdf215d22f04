"""Command line: python -m app serve | migrate | create-user | create-api-key | create-team | add-member |
accept-invite | set-password | gate | export-schema."""

from __future__ import annotations

import argparse
import asyncio
import gc
import sys
from pathlib import Path

from app.settings import Settings


DATA_DIR_HELP = """\
Where data lives: the data dir (--data-dir, else LABBOOK_DATA_DIR, else ./data of the current
directory) holds the SQLite database labbook.db, stored files and the signing secret.
LABBOOK_DATABASE_URL puts the database elsewhere (PostgreSQL: postgresql+asyncpg://user@host/db).
Administrative commands use an existing database and never create one; serve and migrate create it.
Every setting is a LABBOOK_* environment variable (see the README's configuration table)."""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m app",
        description="Labbook server and administration.",
        epilog=DATA_DIR_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    data_dir = argparse.ArgumentParser(add_help=False)
    data_dir.add_argument(
        "--data-dir", type=Path, metavar="DIR", help="the data dir (default: LABBOOK_DATA_DIR, else ./data)"
    )

    def command(name: str, help: str, description: str | None = None) -> argparse.ArgumentParser:
        return commands.add_parser(
            name,
            help=help,
            description=description or help,
            parents=[data_dir],
            epilog=DATA_DIR_HELP,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )

    serve = command(
        "serve",
        "run the server",
        "Run the server; on its first start it creates the database and an instance admin, "
        "whose API key it prints once.",
    )
    serve.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1; 0.0.0.0 for every interface)"
    )
    serve.add_argument("--port", type=int, default=8080, help="port to listen on (default 8080)")
    serve.add_argument(
        "--test-fixtures",
        action="store_true",
        help="also serve wandb's system-test fixture API (loopback only; test instances only)",
    )
    serve.add_argument("--fixture-host", help="the fixture API's address (default 127.0.0.1)")
    serve.add_argument("--fixture-port", type=int, help="the fixture API's port (default 9015)")

    command("migrate", "create the database or apply new migrations to it")

    create_user = command("create-user", "create a user and print their API key")
    create_user.add_argument("--email", required=True)
    create_user.add_argument("--username")
    create_user.add_argument("--admin", action="store_true", help="make the user an instance admin")

    create_key = command("create-api-key", "create an API key for a user and print it")
    create_key.add_argument("--user", required=True, help="username or email")
    create_key.add_argument("--description")

    create_team = command("create-team", "create a team with its first admin")
    create_team.add_argument("name", help="the team's name (its entity, as in wandb.init(entity=...))")
    create_team.add_argument("--admin", required=True, metavar="USER", help="username of the team's first admin")

    add_member = command("add-member", "add an existing user to a team (no invite needed)")
    add_member.add_argument("team")
    add_member.add_argument("user", help="username")
    add_member.add_argument(
        "--role", default="MEMBER", type=str.upper, choices=["ADMIN", "MEMBER", "VIEWER"], help="default MEMBER"
    )

    accept = command("accept-invite", "accept a user's pending invite to a team for them")
    accept.add_argument("--user", required=True, help="username or email of the invitee")
    accept.add_argument("--team", required=True)

    set_password = command("set-password", "set a person's password for the web app (read from stdin)")
    set_password.add_argument("--user", required=True, help="username or email")

    gate = command("gate", "print a run's rule verdicts; exit 1 when any is FAIL (a CI step)")
    gate.add_argument("run_path", metavar="ENTITY/PROJECT/RUN")

    export = commands.add_parser("export-schema", help="print the GraphQL schema (SDL)")
    export.add_argument("--output", type=Path, help="write to this file instead of stdout")

    args = parser.parse_args(argv)
    settings = Settings(data_dir=args.data_dir) if getattr(args, "data_dir", None) else Settings()
    if args.command == "serve":
        if args.test_fixtures or args.fixture_host or args.fixture_port:
            settings = settings.model_copy(
                update={
                    "test_fixtures": settings.test_fixtures or args.test_fixtures,
                    "test_fixtures_host": args.fixture_host or settings.test_fixtures_host,
                    "test_fixtures_port": args.fixture_port or settings.test_fixtures_port,
                }
            )
        return _serve(settings, args.host, args.port)
    if args.command == "export-schema":
        from app.api.schema import schema

        text = str(schema) + "\n"
        if args.output:
            args.output.write_text(text)
        else:
            sys.stdout.write(text)
        return 0
    from app import cli

    return asyncio.run(cli.run(settings, args))


def _serve(settings: Settings, host: str, port: int) -> int:
    import uvicorn

    from app.main import create_app
    from app.rest.fixtures import NotLoopback, require_loopback

    if settings.test_fixtures:
        try:
            require_loopback(**{"--fixture-host": settings.test_fixtures_host, "--host": host})
        except NotLoopback as refusal:
            print(f"error: {refusal}", file=sys.stderr)
            return 2
    app = create_app(settings)
    # What is imported and built by now lives as long as the process: the collector need not scan
    # it again (a full collection of it paused a request for 50-70 ms every few dozen requests).
    gc.collect()
    gc.freeze()
    options = dict(log_level=settings.log_level, loop=_if_installed("uvloop"), http=_if_installed("httptools"))
    if not settings.test_fixtures:
        uvicorn.run(app, host=host, port=port, proxy_headers=True, **options)
        return 0
    return _serve_with_fixtures(app, settings, host, port, options)


def _serve_with_fixtures(app, settings: Settings, host: str, port: int, options: dict) -> int:
    """The server and, on a second loopback port, the test-fixture API over the same runtime."""
    import contextlib

    import uvicorn

    from app.rest.fixtures import create_fixture_app

    class QuietServer(uvicorn.Server):
        @contextlib.contextmanager
        def capture_signals(self):  # the main server handles signals and stops this one after it
            yield

    fixture_app = create_fixture_app(app.state.runtime)
    main = uvicorn.Server(uvicorn.Config(app, host=host, port=port, proxy_headers=True, **options))
    fixtures = QuietServer(
        uvicorn.Config(
            fixture_app, host=settings.test_fixtures_host, port=settings.test_fixtures_port, lifespan="off", **options
        )
    )

    async def serve_both() -> None:
        side = asyncio.create_task(fixtures.serve())
        try:
            await main.serve()
        finally:
            fixtures.should_exit = True
            await side

    asyncio.run(serve_both())
    return 0


def _if_installed(implementation: str) -> str:
    """uvicorn's C-accelerated event loop / HTTP parser (uvicorn[standard]); its pure-Python default otherwise."""
    from importlib.util import find_spec

    return implementation if find_spec(implementation) else "auto"


if __name__ == "__main__":
    sys.exit(main())
