"""What this server tells the wandb client about itself: features, versions it was built for."""

from __future__ import annotations

from functools import cache
from importlib.metadata import PackageNotFoundError, version

# Advertised features change what the client sends: list only what is implemented (PROTOCOL.md §3.1).
SERVER_FEATURES: tuple[str, ...] = (
    "FILESTREAM_GZIP",  # file_stream accepts Content-Encoding: gzip (app/rest/file_stream.py)
    "UPDATE_RUN_STATE",  # the updateRunState mutation
    # filters and order on artifactCollections (app/domain/artifact_queries.py): the client sends them
    # only to a server that names this feature
    "ARTIFACT_COLLECTIONS_FILTERING_SORTING",
)

# The client versions whose queries Labbook answers (their texts are in tests/api/test_client_compat.py).
# Older clients (0.22-0.28) compare max_cli_version with feature thresholds (0.12.14 for image
# paths, 0.11.0 for client ids), so a missing value turns those paths off.
MIN_CLI_VERSION = "0.22.0"
MAX_CLI_VERSION = "0.31.0"


def cli_version_info() -> dict[str, str]:
    return {"min_cli_version": MIN_CLI_VERSION, "max_cli_version": MAX_CLI_VERSION}


@cache
def labbook_version() -> str:
    try:
        return version("labbook")
    except PackageNotFoundError:
        return "0.1.0"
