"""Command line: python -m app serve | migrate | create-user | create-api-key | create-team | add-member |
accept-invite | export-schema."""

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
    parser = argparse.ArgumentParser(prog="python -m app", description="Labbook server and administration.",
                                     epilog=DATA_DIR_HELP, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    data_dir = argparse.ArgumentParser(add_help=False)
    data_dir.add_argument("--data-dir", type=Path, metavar="DIR",
                          help="the data dir (default: LABBOOK_DATA_DIR, else ./data)")

    def command(name: str, help: str, description: str | None = None) -> argparse.ArgumentParser:
        return commands.add_parser(name, help=help, description=description or help, parents=[data_dir],
                                   epilog=DATA_DIR_HELP, formatter_class=argparse.RawDescriptionHelpFormatter)

    serve = command("serve", "run the server",
                    "Run the server; on its first start it creates the database and an instance admin, "
                    "whose API key it prints once.")
    serve.add_argument("--host", default="127.0.0.1",
                       help="address to listen on (default 127.0.0.1; 0.0.0.0 for every interface)")
    serve.add_argument("--port", type=int, default=8080, help="port to listen on (default 8080)")

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
    add_member.add_argument("--role", default="MEMBER", type=str.upper, choices=["ADMIN", "MEMBER", "VIEWER"],
                            help="default MEMBER")

    accept = command("accept-invite", "accept a user's pending invite to a team for them")
    accept.add_argument("--user", required=True, help="username or email of the invitee")
    accept.add_argument("--team", required=True)

    export = commands.add_parser("export-schema", help="print the GraphQL schema (SDL)")
    export.add_argument("--output", type=Path, help="write to this file instead of stdout")

    args = parser.parse_args(argv)
    settings = Settings(data_dir=args.data_dir) if getattr(args, "data_dir", None) else Settings()
    if args.command == "serve":
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

    app = create_app(settings)
    # What is imported and built by now lives as long as the process: the collector need not scan
    # it again (a full collection of it paused a request for 50-70 ms every few dozen requests).
    gc.collect()
    gc.freeze()
    uvicorn.run(app, host=host, port=port, log_level=settings.log_level, proxy_headers=True,
                loop=_if_installed("uvloop"), http=_if_installed("httptools"))
    return 0


def _if_installed(implementation: str) -> str:
    """uvicorn's C-accelerated event loop / HTTP parser (uvicorn[standard]); its pure-Python default otherwise."""
    from importlib.util import find_spec

    return implementation if find_spec(implementation) else "auto"


if __name__ == "__main__":
    sys.exit(main())
