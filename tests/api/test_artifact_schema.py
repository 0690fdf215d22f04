"""Every artifact operation the wandb 0.31 client can send validates against the schema: one
unknown field or argument would fail the client's whole request."""

from __future__ import annotations

import pytest
from graphql import parse, validate

from app.api.schema import schema
from tests.support.wandb_artifact_queries import CLIENT_OPERATIONS

REGISTRY_ONLY = ("REGISTRY", "REGISTRIES", "ORG")


def _public_api_operations() -> dict[str, str]:
    from wandb.sdk.artifacts._generated import operations

    return {
        name: getattr(operations, name)
        for name in operations.__all__
        if not any(part in name for part in REGISTRY_ONLY)
    }


def _gqlutils_operations() -> dict[str, str]:
    """The public API's hand-written artifact mutations (use, create, metadata update), with
    every optional part switched on."""
    import wandb.sdk.artifacts._gqlutils as gqlutils

    captured: dict[str, str] = {}

    class Recorder:
        def feature_enabled(self, feature) -> bool:
            return True

        def execute_graphql(self, query, variables=None):
            captured[query.split("(")[0].split()[-1]] = query
            return {
                "useArtifact": {"artifact": None},
                "createArtifact": {"artifact": {"artifactSequence": {}}},
                "updateArtifact": {"artifact": {}},
            }

    recorder = Recorder()
    gqlutils.record_artifact_use(recorder, artifact_id="a", entity_name="e", project_name="p", run_name="r", use_as="x")
    gqlutils.create_artifact_version(
        recorder,
        artifact_type_name="t",
        artifact_collection_name="c",
        digest="d",
        digest_algorithm="MANIFEST_MD5",
        entity_name="e",
        project_name="p",
        run_name="r",
    )
    gqlutils.update_artifact_metadata(recorder, "a", {})
    return {f"{name}_gqlutils": text for name, text in captured.items()}


ALL = {**CLIENT_OPERATIONS, **_public_api_operations(), **_gqlutils_operations()}


@pytest.mark.parametrize("name", sorted(ALL))
def test_client_operation_validates(name):
    errors = validate(schema._schema, parse(ALL[name]))
    assert not errors, [e.message for e in errors]
