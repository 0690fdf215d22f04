"""The one Schema: root fields merged from one module per area, with guards and error presentation."""

from __future__ import annotations

from functools import lru_cache

import strawberry
from strawberry.extensions import (
    AddValidationRules,
    MaxAliasesLimiter,
    MaxTokensLimiter,
    ParserCache,
    QueryDepthLimiter,
    ValidationCache,
)
from strawberry.schema.config import StrawberryConfig
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext
from strawberry.tools import merge_types

from app.api.cost import CostBudget
from app.api.errors import DomainErrors
from app.api.execution import FastLeafExecutor
from app.api.queries import identity, projects
from app.api.queries import audit as audit_queries, users as user_queries
from app.api.mutations import projects as project_mutations, teams as team_mutations, users as user_mutations
from app.api.queries import artifacts as artifact_queries
from app.api.queries import comparison as comparison_queries
from app.api.mutations import comparison as comparison_mutations
from app.api.mutations import artifacts as artifact_mutations
from app.api.mutations import run_moves as run_moves_mutations
from app.api.mutations import run_tags as run_tags_mutations
from app.api.mutations import organizations as organization_mutations
from app.api.mutations import runs as run_mutations
from app.api.mutations import rules as rule_api
from app.api.scalars import SCALAR_MAP
from app.api.text_arguments import RefuseUnstorableText
from app.api.types.artifact import ArtifactPortfolio, ArtifactSequence
from app.api.types.entity import Team, User
from app.api.types.project import Project
from app.api.types.run import Run

# Guard limits are fixed here (the schema is built once, at import); see DESIGN.md §4.
MAX_DEPTH = 15
MAX_ALIASES = 30
MAX_TOKENS = 5000

QUERIES: tuple[type, ...] = (
    identity.Query,
    projects.Query,
    audit_queries.Query,
    user_queries.Query,
    comparison_queries.Query,
    artifact_queries.Query,
)
QUERIES += (rule_api.Query,)
MUTATIONS: tuple[type, ...] = (
    team_mutations.Mutation,
    user_mutations.Mutation,
    project_mutations.Mutation,
    run_moves_mutations.Mutation,
    comparison_mutations.Mutation,
    run_mutations.Mutation,
    organization_mutations.Mutation,
    artifact_mutations.Mutation,
)
MUTATIONS += (rule_api.Mutation,)
MUTATIONS += (run_tags_mutations.Mutation,)
SUBSCRIPTIONS: tuple[type, ...] = (rule_api.Subscription,)

# The guard rules are built once: the validation cache keys on the rule classes, so rules made per
# request would never hit it.
GUARD_RULES = [
    *QueryDepthLimiter(max_depth=MAX_DEPTH).validation_rules,
    *MaxAliasesLimiter(max_alias_count=MAX_ALIASES).validation_rules,
]

Query = merge_types("Query", QUERIES)
Mutation = merge_types("Mutation", MUTATIONS) if MUTATIONS else None
Subscription = merge_types("Subscription", SUBSCRIPTIONS)


class LabbookSchema(strawberry.Schema):
    def process_errors(self, errors, execution_context=None) -> None:
        """Client errors are answers, not incidents; app.api.errors logs the unexpected ones."""


def build_schema(*, fast_executor: bool = True) -> LabbookSchema:
    """The schema; ``fast_executor=False`` runs graphql-core's stock executor (LABBOOK_GRAPHQL_FAST_EXECUTOR)."""
    return LabbookSchema(
        query=Query,
        mutation=Mutation,
        subscription=Subscription,
        types=[User, Team, Project, Run, ArtifactSequence, ArtifactPortfolio],
        execution_context_class=FastLeafExecutor if fast_executor else StrawberryGraphQLCoreExecutionContext,
        config=StrawberryConfig(auto_camel_case=True, scalar_map=SCALAR_MAP),
        extensions=[
            DomainErrors,
            RefuseUnstorableText,
            CostBudget,
            lambda: AddValidationRules(GUARD_RULES),
            lambda: MaxTokensLimiter(max_token_count=MAX_TOKENS),
            lambda: ParserCache(maxsize=256),
            lambda: ValidationCache(maxsize=256),
        ],
    )


schema = build_schema()


@lru_cache(maxsize=1)
def _stock_schema() -> LabbookSchema:
    return build_schema(fast_executor=False)


def schema_for(*, fast_executor: bool) -> LabbookSchema:
    """The schema a server uses: the fast path is on unless a setting turns it off."""
    return schema if fast_executor else _stock_schema()
