"""Command line: python -m app serve | migrate | create-user | create-api-key | gate | export-schema."""

from __future__ import annotations

import argparse
import asyncio
import gc
import sys
from pathlib import Path

from app.settings import Settings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m app", description="Labbook server and administration.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    serve = commands.add_parser("serve", help="run the server")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8080)

    commands.add_parser("migrate", help="apply database migrations")

    create_user = commands.add_parser("create-user", help="create a user and print their API key")
    create_user.add_argument("--email", required=True)
    create_user.add_argument("--username")
    create_user.add_argument("--admin", action="store_true", help="make the user an instance admin")

    create_key = commands.add_parser("create-api-key", help="create an API key for a user and print it")
    create_key.add_argument("--user", required=True, help="username or email")
    create_key.add_argument("--description")

    gate = commands.add_parser("gate", help="print a run's rule verdicts; exit 1 when any is FAIL (a CI step)")
    gate.add_argument("run_path", metavar="ENTITY/PROJECT/RUN")

    export = commands.add_parser("export-schema", help="print the GraphQL schema (SDL)")
    export.add_argument("--output", type=Path, help="write to this file instead of stdout")

    args = parser.parse_args(argv)
    settings = Settings()
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
