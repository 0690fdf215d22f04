/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type AcceptInviteInput = {
  clientMutationId?: string | null | undefined;
  id: string | number;
};

export type AcknowledgeAlertInput = {
  clientMutationId?: string | null | undefined;
  id: string | number;
};

export type AddAliasesInput = {
  aliases: Array<ArtifactCollectionAliasInput>;
  artifactID: string | number;
  clientMutationId?: string | null | undefined;
};

/** Who raised the alert: the run's code, a rule, or one of a rule's detectors. */
export type AlertKind =
  | 'CLIENT'
  | 'FAILED'
  | 'NON_FINITE'
  | 'RULE'
  | 'STALLED';

export type AlertSeverity =
  | 'ERROR'
  | 'INFO'
  | 'WARN';

export type AlertState =
  | 'ACKNOWLEDGED'
  | 'OPEN'
  | 'RESOLVED';

export type ArtifactCollectionAliasInput = {
  alias: string;
  artifactCollectionName: string;
  entityName?: string | null | undefined;
  projectName?: string | null | undefined;
};

export type ArtifactDigestAlgorithm =
  | 'MANIFEST_MD5'
  | 'MANIFEST_XXH128';

export type ArtifactState =
  | 'COMMITTED'
  | 'DELETED'
  | 'PENDING';

export type CreateInviteInput = {
  admin?: boolean | null | undefined;
  clientMutationId?: string | null | undefined;
  email?: string | null | undefined;
  entityName: string;
  /** Wins over admin; ADMIN, MEMBER or VIEWER. */
  role?: TeamRole | null | undefined;
  username?: string | null | undefined;
};

/** A metric rule of a project. */
export type CreateMetricRuleInput = {
  aggregate?: WindowAggregate | null | undefined;
  /** BASELINE_GROUP: the runs of the group, in the runs filter language. */
  baselineFilters?: string | null | undefined;
  clientMutationId?: string | null | undefined;
  comparison: RuleComparison;
  /** Alert when the run fails or crashes. */
  detectFailed?: boolean | null | undefined;
  /** Alert on NaN or ±Infinity. */
  detectNonFinite?: boolean | null | undefined;
  direction: MetricDirection;
  entityName: string;
  /** A history key; for BASELINE_FINAL compared with the baseline's summary value. */
  metric: string;
  name: string;
  projectName: string;
  /** Only runs matching this filter are checked, e.g. {"config.dataset": "imagenet"}. */
  scope?: string | null | undefined;
  /** Alert when the metric stops arriving for this many minutes. */
  stallMinutes?: number | null | undefined;
  /** THRESHOLD: the limit. */
  threshold?: number | null | undefined;
  /** How much worse than the reference is fine. */
  tolerance?: number | null | undefined;
  toleranceKind?: ToleranceKind | null | undefined;
  /** No check before this step. */
  warmupSteps?: number | null | undefined;
  /** Compare the aggregate of the last N values. */
  window?: number | null | undefined;
};

export type CreateServiceAccountInput = {
  clientMutationId?: string | null | undefined;
  description?: string | null | undefined;
  entityName: string;
};

export type CreateTeamInput = {
  clientMutationId?: string | null | undefined;
  defaultAccess?: string | null | undefined;
  /** The organization the team belongs to (its admins may put teams in it). */
  organizationId?: string | number | null | undefined;
  teamAdminUserName?: string | null | undefined;
  teamName: string;
};

export type DeleteAliasesInput = {
  aliases: Array<ArtifactCollectionAliasInput>;
  artifactID: string | number;
  clientMutationId?: string | null | undefined;
};

export type DeleteApiKeyInput = {
  clientMutationId?: string | null | undefined;
  id: string;
};

export type DeleteInviteInput = {
  clientMutationId?: string | null | undefined;
  entityName?: string | null | undefined;
  /** An invite's id, or a member's id to remove them. */
  id?: string | null | undefined;
};

export type DeleteMetricRuleInput = {
  clientMutationId?: string | null | undefined;
  entityName: string;
  name: string;
  projectName: string;
};

/** Runs to delete: give runNames or filters (filters "{}" selects every run). */
export type DeleteRunsInput = {
  clientMutationId?: string | null | undefined;
  /** Also delete the artifact versions the runs logged (with their aliases). Without it those versions stay in their collections, with no producing run. */
  deleteArtifacts?: boolean | null | undefined;
  entityName: string;
  filters?: string | null | undefined;
  projectName: string;
  runNames?: Array<string> | null | undefined;
};

export type GenerateApiKeyInput = {
  clientMutationId?: string | null | undefined;
  description?: string | null | undefined;
};

export type MetricDirection =
  | 'HIGHER_IS_BETTER'
  | 'LOWER_IS_BETTER';

/** Which runs to move and where. Neither runNames nor filters: every run of the project. */
export type MoveRunsInput = {
  clientMutationId?: string | null | undefined;
  /** Create the destination project (with its entity's defaults) when missing. */
  createDestinationProject?: boolean | null | undefined;
  destinationEntityName: string;
  destinationProjectName: string;
  /** Report what would move; move nothing. */
  dryRun?: boolean | null | undefined;
  /** A W&B run filter (MongoDB-style JSON) selecting the runs to move. */
  filters?: string | null | undefined;
  /** Run names (ids) to move. */
  runNames?: Array<string> | null | undefined;
  sourceEntityName: string;
  sourceProjectName: string;
};

/** What a value is compared with. */
export type RuleComparison =
  /** The baseline run's best value so far. */
  | 'BASELINE_BEST'
  /** The baseline run's final (summary) value. */
  | 'BASELINE_FINAL'
  /** The mean of the final values of the runs baselineFilters chooses (σ: their sample standard deviation). */
  | 'BASELINE_GROUP'
  /** The project's baseline run at the same step (nearest logged). */
  | 'BASELINE_SAME_STEP'
  /** The previous window of the same run. */
  | 'CHANGE'
  /** A fixed threshold. */
  | 'THRESHOLD';

export type SetProjectBaselineInput = {
  clientMutationId?: string | null | undefined;
  entityName: string;
  projectName: string;
  /** The baseline run's name; null clears it. */
  runName?: string | null | undefined;
};

export type SnoozeAlertInput = {
  clientMutationId?: string | null | undefined;
  id: string | number;
  minutes: number;
};

/** A role in a team (DESIGN.md §5). */
export type TeamRole =
  | 'ADMIN'
  | 'MEMBER'
  | 'SERVICE'
  | 'VIEWER';

export type ToleranceKind =
  | 'ABSOLUTE'
  /** A fraction of the reference. */
  | 'RELATIVE'
  /** k × the baseline group's σ. */
  | 'SIGMA';

export type UpdateEntityInput = {
  clientMutationId?: string | null | undefined;
  codeSavingEnabled?: boolean | null | undefined;
  defaultAccess?: string | null | undefined;
  entity: string;
  membersCanInvite?: boolean | null | undefined;
  privateOnly?: boolean | null | undefined;
  storageRegion?: string | null | undefined;
};

export type UpdateMemberInput = {
  clientMutationId?: string | null | undefined;
  entityName: string;
  role: TeamRole;
  username: string;
};

/** Change a metric rule (fields left null stay); its runs' states start over. */
export type UpdateMetricRuleInput = {
  aggregate?: WindowAggregate | null | undefined;
  baselineFilters?: string | null | undefined;
  clientMutationId?: string | null | undefined;
  comparison?: RuleComparison | null | undefined;
  detectFailed?: boolean | null | undefined;
  detectNonFinite?: boolean | null | undefined;
  direction?: MetricDirection | null | undefined;
  entityName: string;
  metric?: string | null | undefined;
  name: string;
  newName?: string | null | undefined;
  projectName: string;
  scope?: string | null | undefined;
  stallMinutes?: number | null | undefined;
  threshold?: number | null | undefined;
  tolerance?: number | null | undefined;
  toleranceKind?: ToleranceKind | null | undefined;
  warmupSteps?: number | null | undefined;
  window?: number | null | undefined;
};

/** Tags to add and remove on runs of a project: give runNames or filters (filters "{}" selects every run). */
export type UpdateRunTagsInput = {
  /** Tags to add where missing. */
  addTags?: Array<string> | null | undefined;
  clientMutationId?: string | null | undefined;
  entityName: string;
  /** A W&B run filter (MongoDB-style JSON) selecting the runs. */
  filters?: string | null | undefined;
  projectName: string;
  /** Tags to remove where present. */
  removeTags?: Array<string> | null | undefined;
  /** Run names (ids). */
  runNames?: Array<string> | null | undefined;
};

export type UpdateUserInput = {
  clientMutationId?: string | null | undefined;
  /** Where runs go when none is given: your own entity or a team you belong to. */
  defaultEntity?: string | null | undefined;
  /** Instance admins only; default: yourself. */
  id?: string | number | null | undefined;
  /** The full name. */
  name?: string | null | undefined;
};

/** W&B's input; fields this server does not keep (views, repo, dockerImage, framework, isBenchmark, isPublished, owner, ...) are accepted and ignored. */
export type UpsertModelInput = {
  /** PRIVATE (default for new projects: the entity's default), RESTRICTED, USER_READ (public read) or USER_WRITE (open). */
  access?: string | null | undefined;
  allowAllArtifactTypesInRegistry?: boolean | null | undefined;
  clientMutationId?: string | null | undefined;
  description?: string | null | undefined;
  dockerImage?: string | null | undefined;
  entityName?: string | null | undefined;
  framework?: string | null | undefined;
  /** A project's id: update that project. */
  id?: string | null | undefined;
  isBenchmark?: boolean | null | undefined;
  isPublished?: boolean | null | undefined;
  name?: string | null | undefined;
  owner?: string | number | null | undefined;
  repo?: string | null | undefined;
  views?: string | null | undefined;
};

export type WindowAggregate =
  | 'MAX'
  | 'MEAN'
  | 'MIN';

export type ViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerQuery = { viewer: { id: string, username: string, fullName: string, email: string | null, admin: boolean | null, defaultEntity:
      | { name: string }
      | { name: string }
     | null, teams: { edges: Array<{ node: { name: string } }> }, pendingInvites: Array<{ id: string, entityName: string, role: TeamRole, fromUser: { username: string } | null }> } | null };

export type EntityPageQueryVariables = Exact<{
  name: string;
}>;


export type EntityPageQuery = { entity:
    | { name: string, isTeam: boolean, viewerRole: string | null, viewerCanAdminister: boolean, projects: { edges: Array<{ node: { name: string, entityName: string, access: string, updatedAt: string, runCount: number } }> } }
    | { name: string, isTeam: boolean, viewerRole: string | null, viewerCanAdminister: boolean, projects: { edges: Array<{ node: { name: string, entityName: string, access: string, updatedAt: string, runCount: number } }> } }
   | null };

export type ProjectQueryVariables = Exact<{
  entityName: string;
  name: string;
}>;


export type ProjectQuery = { project: { id: string, name: string, entityName: string, access: string, viewerCanSetBaseline: boolean, viewerCanEditRuns: boolean, entity:
      | { name: string, isTeam: boolean, viewerRole: string | null, viewerCanAdminister: boolean }
      | { name: string, isTeam: boolean, viewerRole: string | null, viewerCanAdminister: boolean }
    , baselineRun: { name: string, displayName: string | null } | null } | null };

export type RunsQueryVariables = Exact<{
  entityName: string;
  name: string;
  filters?: string | null | undefined;
  order?: string | null | undefined;
  after?: string | null | undefined;
  first?: number | null | undefined;
  withCount: boolean;
}>;


export type RunsQuery = { project: { runCount?: number, runs: { pageInfo: { endCursor: string | null, hasNextPage: boolean }, edges: Array<{ node: { id: string, name: string, displayName: string | null, state: string, createdAt: string, heartbeatAt: string, group: string | null, jobType: string | null, config: string, summaryMetrics: string, tags: Array<string>, user: { username: string } | null } }> } } | null };

export type MoveRunsMutationVariables = Exact<{
  input: MoveRunsInput;
}>;


export type MoveRunsMutation = { moveRuns: { movedCount: number, dryRun: boolean, runs: Array<{ name: string }> } };

export type DeleteRunsMutationVariables = Exact<{
  input: DeleteRunsInput;
}>;


export type DeleteRunsMutation = { deleteRuns: { deletedCount: number } };

export type UpdateRunTagsMutationVariables = Exact<{
  input: UpdateRunTagsInput;
}>;


export type UpdateRunTagsMutation = { updateRunTags: { matchedCount: number, updatedCount: number } };

export type SetBaselineMutationVariables = Exact<{
  input: SetProjectBaselineInput;
}>;


export type SetBaselineMutation = { setProjectBaseline: { project: { id: string } } };

export type SampledHistoryQueryVariables = Exact<{
  entityName: string;
  projectName: string;
  filters: string;
  first: number;
  specs: Array<string> | string;
}>;


export type SampledHistoryQuery = { project: { runs: { edges: Array<{ node: { name: string, sampledHistory: unknown } }> } } | null };

export type RunPageQueryVariables = Exact<{
  entityName: string;
  projectName: string;
  name: string;
}>;


export type RunPageQuery = { project: { run: { id: string, name: string, displayName: string | null, state: string, host: string | null, program: string | null, commit: string | null, gitRemote: string | null, exitCode: number | null, createdAt: string, heartbeatAt: string, config: string, summaryMetrics: string, tags: Array<string>, notes: string | null, historyKeys: unknown, logLineCount: number, user: { username: string } | null, serviceAccount: { username: string } | null, alerts: Array<{ id: string, title: string, text: string, severity: AlertSeverity, createdAt: string }>, files: { edges: Array<{ node: { name: string, sizeBytes: number, directUrl: string, updatedAt: string | null } }> } } | null } | null };

export type ConsoleLinesQueryVariables = Exact<{
  entityName: string;
  projectName: string;
  name: string;
  after?: number | null | undefined;
  first?: number | null | undefined;
}>;


export type ConsoleLinesQuery = { project: { run: { state: string, logLineCount: number, consoleLines: Array<{ offset: number, text: string }> } | null } | null };

export type TeamQueryVariables = Exact<{
  name: string;
}>;


export type TeamQuery = { entity:
    | { membersCanInvite: boolean | null, name: string, isTeam: boolean, viewerRole: string | null, viewerCanAdminister: boolean, viewerCanInvite: boolean, defaultAccess: string, codeSavingEnabled: boolean, storageRegion: string | null, members: Array<{ id: string, role: TeamRole, pending: boolean, email: string | null, username: string | null, name: string, accountType: string | null, apiKey: string | null, createdAt: string }>, projects: { edges: Array<{ node: { name: string, entityName: string, access: string, updatedAt: string, runCount: number } }> } }
    | { name: string, isTeam: boolean, viewerRole: string | null, viewerCanAdminister: boolean, viewerCanInvite: boolean, defaultAccess: string, codeSavingEnabled: boolean, storageRegion: string | null, members: Array<{ id: string, role: TeamRole, pending: boolean, email: string | null, username: string | null, name: string, accountType: string | null, apiKey: string | null, createdAt: string }>, projects: { edges: Array<{ node: { name: string, entityName: string, access: string, updatedAt: string, runCount: number } }> } }
   | null };

export type SetAccessMutationVariables = Exact<{
  input: UpsertModelInput;
}>;


export type SetAccessMutation = { upsertModel: { project: { access: string } } };

export type UpdateEntityMutationVariables = Exact<{
  input: UpdateEntityInput;
}>;


export type UpdateEntityMutation = { updateEntity: { entity:
      | { name: string }
      | { name: string }
     } };

export type InviteMutationVariables = Exact<{
  input: CreateInviteInput;
}>;


export type InviteMutation = { createInvite: { invite: { id: string } } };

export type DeleteInviteMutationVariables = Exact<{
  input: DeleteInviteInput;
}>;


export type DeleteInviteMutation = { deleteInvite: { success: boolean } };

export type AcceptInviteMutationVariables = Exact<{
  input: AcceptInviteInput;
}>;


export type AcceptInviteMutation = { acceptInvite: { role: TeamRole } };

export type UpdateMemberMutationVariables = Exact<{
  input: UpdateMemberInput;
}>;


export type UpdateMemberMutation = { updateMember: { member: { role: TeamRole } } };

export type CreateServiceAccountMutationVariables = Exact<{
  input: CreateServiceAccountInput;
}>;


export type CreateServiceAccountMutation = { createServiceAccount: { user: { id: string } } };

export type AuditQueryVariables = Exact<{
  entityName: string;
}>;


export type AuditQuery = { auditEvents: { edges: Array<{ node: { id: string, action: string, actorUsername: string | null, createdAt: string, targetType: string | null } }> } };

export type ApiKeysQueryVariables = Exact<{ [key: string]: never; }>;


export type ApiKeysQuery = { viewer: { id: string, apiKeys: { edges: Array<{ node: { id: string, name: string, description: string | null, createdAt: string, lastUsedAt: string | null, revoked: boolean } }> } } | null };

export type GenerateApiKeyMutationVariables = Exact<{
  input: GenerateApiKeyInput;
}>;


export type GenerateApiKeyMutation = { generateApiKey: { secret: string } };

export type DeleteApiKeyMutationVariables = Exact<{
  input: DeleteApiKeyInput;
}>;


export type DeleteApiKeyMutation = { deleteApiKey: { success: boolean } };

export type SetDefaultEntityMutationVariables = Exact<{
  input: UpdateUserInput;
}>;


export type SetDefaultEntityMutation = { updateUser: { user: { id: string } } };

export type CreateTeamMutationVariables = Exact<{
  input: CreateTeamInput;
}>;


export type CreateTeamMutation = { createTeam: { entity: { name: string } } };

export type CompareQueryVariables = Exact<{
  entityName: string;
  projectName: string;
  keys: Array<string> | string;
  runNames?: Array<string> | string | null | undefined;
}>;


export type CompareQuery = { compareRuns: { baseline: { name: string, displayName: string | null }, rows: Array<{ key: string, value: unknown, baselineValue: unknown, difference: number | null, relativeDifference: number | null, run: { name: string, displayName: string | null } }> } };

export type SystemMetricsQueryVariables = Exact<{
  entityName: string;
  projectName: string;
  name: string;
  samples?: number | null | undefined;
}>;


export type SystemMetricsQuery = { project: { run: { events: Array<string> } | null } | null };

export type EntityDefaultsQueryVariables = Exact<{
  name: string;
}>;


export type EntityDefaultsQuery = { entity:
    | { defaultAccess: string, codeSavingEnabled: boolean }
    | { defaultAccess: string, codeSavingEnabled: boolean }
   | null };

export type ArtifactRefFragment = { id: string, versionIndex: number | null, state: ArtifactState, artifactType: { name: string }, artifactSequence: { name: string, project: { name: string, entityName: string } | null }, aliases: Array<{ alias: string, artifactCollection:
      | { name: string }
      | { name: string }
     | null }> };

export type RunArtifactsQueryVariables = Exact<{
  entityName: string;
  projectName: string;
  name: string;
}>;


export type RunArtifactsQuery = { project: { run: { inputArtifacts: { edges: Array<{ node: { id: string, versionIndex: number | null, state: ArtifactState, artifactType: { name: string }, artifactSequence: { name: string, project: { name: string, entityName: string } | null }, aliases: Array<{ alias: string, artifactCollection:
                | { name: string }
                | { name: string }
               | null }> } }> }, outputArtifacts: { edges: Array<{ node: { id: string, versionIndex: number | null, state: ArtifactState, artifactType: { name: string }, artifactSequence: { name: string, project: { name: string, entityName: string } | null }, aliases: Array<{ alias: string, artifactCollection:
                | { name: string }
                | { name: string }
               | null }> } }> } } | null } | null };

export type ArtifactTypesQueryVariables = Exact<{
  entityName: string;
  projectName: string;
}>;


export type ArtifactTypesQuery = { project: { artifactTypes: { edges: Array<{ node: { name: string, description: string | null, artifactCollections: { totalCount: number | null, edges: Array<{ node:
                | { __typename: 'ArtifactPortfolio', name: string, description: string | null, createdAt: string, updatedAt: string | null, artifacts: { totalCount: number | null, edges: Array<{ version: string, node: { createdAt: string } }> } }
                | { __typename: 'ArtifactSequence', name: string, description: string | null, createdAt: string, updatedAt: string | null, artifacts: { totalCount: number | null, edges: Array<{ version: string, node: { createdAt: string } }> } }
               }> } } }> } } | null };

export type ArtifactProjectFragment = { name: string, entityName: string, access: string, viewerCanWriteArtifacts: boolean };

type ArtifactCreator_Run_Fragment = { __typename: 'Run', name: string, displayName: string | null, project: { name: string, entityName: string } | null };

type ArtifactCreator_User_Fragment = { __typename: 'User', username: string };

export type ArtifactCreatorFragment =
  | ArtifactCreator_Run_Fragment
  | ArtifactCreator_User_Fragment
;

export type ArtifactCollectionQueryVariables = Exact<{
  entityName: string;
  projectName: string;
  typeName: string;
  name: string;
  after?: string | null | undefined;
}>;


export type ArtifactCollectionQuery = { project: { name: string, entityName: string, access: string, viewerCanWriteArtifacts: boolean, artifactType: { artifactCollection:
        | { __typename: 'ArtifactPortfolio', id: string, name: string, description: string | null, createdAt: string, artifacts: { totalCount: number | null, pageInfo: { endCursor: string | null, hasNextPage: boolean }, edges: Array<{ version: string, node: { id: string, versionIndex: number | null, createdAt: string, size: number, fileCount: number, state: ArtifactState, aliases: Array<{ alias: string, artifactCollection:
                    | { name: string }
                    | { name: string }
                   | null }>, createdBy:
                  | { __typename: 'Run', name: string, displayName: string | null, project: { name: string, entityName: string } | null }
                  | { __typename: 'User', username: string }
                 | null } }> } }
        | { __typename: 'ArtifactSequence', id: string, name: string, description: string | null, createdAt: string, artifacts: { totalCount: number | null, pageInfo: { endCursor: string | null, hasNextPage: boolean }, edges: Array<{ version: string, node: { id: string, versionIndex: number | null, createdAt: string, size: number, fileCount: number, state: ArtifactState, aliases: Array<{ alias: string, artifactCollection:
                    | { name: string }
                    | { name: string }
                   | null }>, createdBy:
                  | { __typename: 'Run', name: string, displayName: string | null, project: { name: string, entityName: string } | null }
                  | { __typename: 'User', username: string }
                 | null } }> } }
       | null } | null } | null };

export type ArtifactFilePageFragment = { totalCount: number | null, pageInfo: { endCursor: string | null, hasNextPage: boolean }, edges: Array<{ node: { id: string, name: string, sizeBytes: number, digest: string | null, directUrl: string } }> };

export type ArtifactVersionQueryVariables = Exact<{
  entityName: string;
  projectName: string;
  typeName: string;
  collection: string;
  version: string;
  after?: string | null | undefined;
}>;


export type ArtifactVersionQuery = { project: { name: string, entityName: string, access: string, viewerCanWriteArtifacts: boolean, artifactType: { artifactCollection:
        | { __typename: 'ArtifactPortfolio', artifactMembership: { artifact: { id: string, versionIndex: number | null, state: ArtifactState, description: string | null, metadata: string | null, size: number, fileCount: number, digest: string, digestAlgorithm: ArtifactDigestAlgorithm, createdAt: string, updatedAt: string | null, ttlDurationSeconds: number, artifactType: { name: string }, artifactSequence: { name: string, project: { name: string, entityName: string } | null }, aliases: Array<{ alias: string, artifactCollection:
                  | { name: string }
                  | { name: string }
                 | null }>, createdBy:
                | { __typename: 'Run', name: string, displayName: string | null, project: { name: string, entityName: string } | null }
                | { __typename: 'User', username: string }
               | null, usedBy: { totalCount: number | null, edges: Array<{ node: { name: string, displayName: string | null, project: { name: string, entityName: string } | null } }> }, files: { totalCount: number | null, pageInfo: { endCursor: string | null, hasNextPage: boolean }, edges: Array<{ node: { id: string, name: string, sizeBytes: number, digest: string | null, directUrl: string } }> } } | null } | null }
        | { __typename: 'ArtifactSequence', artifactMembership: { artifact: { id: string, versionIndex: number | null, state: ArtifactState, description: string | null, metadata: string | null, size: number, fileCount: number, digest: string, digestAlgorithm: ArtifactDigestAlgorithm, createdAt: string, updatedAt: string | null, ttlDurationSeconds: number, artifactType: { name: string }, artifactSequence: { name: string, project: { name: string, entityName: string } | null }, aliases: Array<{ alias: string, artifactCollection:
                  | { name: string }
                  | { name: string }
                 | null }>, createdBy:
                | { __typename: 'Run', name: string, displayName: string | null, project: { name: string, entityName: string } | null }
                | { __typename: 'User', username: string }
               | null, usedBy: { totalCount: number | null, edges: Array<{ node: { name: string, displayName: string | null, project: { name: string, entityName: string } | null } }> }, files: { totalCount: number | null, pageInfo: { endCursor: string | null, hasNextPage: boolean }, edges: Array<{ node: { id: string, name: string, sizeBytes: number, digest: string | null, directUrl: string } }> } } | null } | null }
       | null } | null } | null };

export type ArtifactFilesQueryVariables = Exact<{
  id: string | number;
  after?: string | null | undefined;
}>;


export type ArtifactFilesQuery = { artifact: { files: { totalCount: number | null, pageInfo: { endCursor: string | null, hasNextPage: boolean }, edges: Array<{ node: { id: string, name: string, sizeBytes: number, digest: string | null, directUrl: string } }> } } | null };

export type AddAliasesMutationVariables = Exact<{
  input: AddAliasesInput;
}>;


export type AddAliasesMutation = { addAliases: { success: boolean } };

export type DeleteAliasesMutationVariables = Exact<{
  input: DeleteAliasesInput;
}>;


export type DeleteAliasesMutation = { deleteAliases: { success: boolean } };

export type MetricRuleFieldsFragment = { id: string, name: string, metric: string, direction: MetricDirection, comparison: RuleComparison, threshold: number | null, tolerance: number, toleranceKind: ToleranceKind, window: number, aggregate: WindowAggregate, warmupSteps: number, detectNonFinite: boolean, detectFailed: boolean, stallMinutes: number | null, baselineFilters: string | null, scope: string | null, updatedAt: string };

export type AlertFieldsFragment = { id: string, title: string, text: string, severity: AlertSeverity, kind: AlertKind, state: AlertState, createdAt: string, step: number | null, value: number | null, baselineValue: number | null, acknowledgedAt: string | null, resolvedAt: string | null, snoozedUntil: string | null, rule: { name: string } | null, run: { name: string, displayName: string | null } | null };

export type ProjectAlertsQueryVariables = Exact<{
  entityName: string;
  projectName: string;
  states?: Array<AlertState> | AlertState | null | undefined;
  first?: number | null | undefined;
}>;


export type ProjectAlertsQuery = { project: { name: string, entityName: string, viewerCanManageRules: boolean, metricRules: Array<{ id: string, name: string, metric: string, direction: MetricDirection, comparison: RuleComparison, threshold: number | null, tolerance: number, toleranceKind: ToleranceKind, window: number, aggregate: WindowAggregate, warmupSteps: number, detectNonFinite: boolean, detectFailed: boolean, stallMinutes: number | null, baselineFilters: string | null, scope: string | null, updatedAt: string }>, alerts: { totalCount: number | null, edges: Array<{ node: { id: string, title: string, text: string, severity: AlertSeverity, kind: AlertKind, state: AlertState, createdAt: string, step: number | null, value: number | null, baselineValue: number | null, acknowledgedAt: string | null, resolvedAt: string | null, snoozedUntil: string | null, rule: { name: string } | null, run: { name: string, displayName: string | null } | null } }> } } | null };

export type CreateMetricRuleMutationVariables = Exact<{
  input: CreateMetricRuleInput;
}>;


export type CreateMetricRuleMutation = { createMetricRule: { rule: { id: string, name: string, metric: string, direction: MetricDirection, comparison: RuleComparison, threshold: number | null, tolerance: number, toleranceKind: ToleranceKind, window: number, aggregate: WindowAggregate, warmupSteps: number, detectNonFinite: boolean, detectFailed: boolean, stallMinutes: number | null, baselineFilters: string | null, scope: string | null, updatedAt: string } } };

export type UpdateMetricRuleMutationVariables = Exact<{
  input: UpdateMetricRuleInput;
}>;


export type UpdateMetricRuleMutation = { updateMetricRule: { rule: { id: string, name: string, metric: string, direction: MetricDirection, comparison: RuleComparison, threshold: number | null, tolerance: number, toleranceKind: ToleranceKind, window: number, aggregate: WindowAggregate, warmupSteps: number, detectNonFinite: boolean, detectFailed: boolean, stallMinutes: number | null, baselineFilters: string | null, scope: string | null, updatedAt: string } } };

export type DeleteMetricRuleMutationVariables = Exact<{
  input: DeleteMetricRuleInput;
}>;


export type DeleteMetricRuleMutation = { deleteMetricRule: { success: boolean } };

export type AcknowledgeAlertMutationVariables = Exact<{
  input: AcknowledgeAlertInput;
}>;


export type AcknowledgeAlertMutation = { acknowledgeAlert: { alert: { id: string, title: string, text: string, severity: AlertSeverity, kind: AlertKind, state: AlertState, createdAt: string, step: number | null, value: number | null, baselineValue: number | null, acknowledgedAt: string | null, resolvedAt: string | null, snoozedUntil: string | null, rule: { name: string } | null, run: { name: string, displayName: string | null } | null } } };

export type SnoozeAlertMutationVariables = Exact<{
  input: SnoozeAlertInput;
}>;


export type SnoozeAlertMutation = { snoozeAlert: { alert: { id: string, title: string, text: string, severity: AlertSeverity, kind: AlertKind, state: AlertState, createdAt: string, step: number | null, value: number | null, baselineValue: number | null, acknowledgedAt: string | null, resolvedAt: string | null, snoozedUntil: string | null, rule: { name: string } | null, run: { name: string, displayName: string | null } | null } } };

export type AlertEventsSubscriptionVariables = Exact<{
  entityName: string;
  projectName: string;
}>;


export type AlertEventsSubscription = { alertEvents: { id: string, title: string, text: string, severity: AlertSeverity, kind: AlertKind, state: AlertState, createdAt: string, step: number | null, value: number | null, baselineValue: number | null, acknowledgedAt: string | null, resolvedAt: string | null, snoozedUntil: string | null, rule: { name: string } | null, run: { name: string, displayName: string | null } | null } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const ArtifactRefFragmentDoc = new TypedDocumentString(`
    fragment ArtifactRef on Artifact {
  id
  versionIndex
  state
  artifactType {
    name
  }
  artifactSequence {
    name
    project {
      name
      entityName
    }
  }
  aliases {
    alias
    artifactCollection {
      name
    }
  }
}
    `, {"fragmentName":"ArtifactRef"}) as unknown as TypedDocumentString<ArtifactRefFragment, unknown>;
export const ArtifactProjectFragmentDoc = new TypedDocumentString(`
    fragment ArtifactProject on Project {
  name
  entityName
  access
  viewerCanWriteArtifacts
}
    `, {"fragmentName":"ArtifactProject"}) as unknown as TypedDocumentString<ArtifactProjectFragment, unknown>;
export const ArtifactCreatorFragmentDoc = new TypedDocumentString(`
    fragment ArtifactCreator on ArtifactCreator {
  __typename
  ... on Run {
    name
    displayName
    project {
      name
      entityName
    }
  }
  ... on User {
    username
  }
}
    `, {"fragmentName":"ArtifactCreator"}) as unknown as TypedDocumentString<ArtifactCreatorFragment, unknown>;
export const ArtifactFilePageFragmentDoc = new TypedDocumentString(`
    fragment ArtifactFilePage on FileConnection {
  totalCount
  pageInfo {
    endCursor
    hasNextPage
  }
  edges {
    node {
      id
      name
      sizeBytes
      digest
      directUrl
    }
  }
}
    `, {"fragmentName":"ArtifactFilePage"}) as unknown as TypedDocumentString<ArtifactFilePageFragment, unknown>;
export const MetricRuleFieldsFragmentDoc = new TypedDocumentString(`
    fragment MetricRuleFields on MetricRule {
  id
  name
  metric
  direction
  comparison
  threshold
  tolerance
  toleranceKind
  window
  aggregate
  warmupSteps
  detectNonFinite
  detectFailed
  stallMinutes
  baselineFilters
  scope
  updatedAt
}
    `, {"fragmentName":"MetricRuleFields"}) as unknown as TypedDocumentString<MetricRuleFieldsFragment, unknown>;
export const AlertFieldsFragmentDoc = new TypedDocumentString(`
    fragment AlertFields on Alert {
  id
  title
  text
  severity
  kind
  state
  createdAt
  step
  value
  baselineValue
  acknowledgedAt
  resolvedAt
  snoozedUntil
  rule {
    name
  }
  run {
    name
    displayName
  }
}
    `, {"fragmentName":"AlertFields"}) as unknown as TypedDocumentString<AlertFieldsFragment, unknown>;
export const ViewerDocument = new TypedDocumentString(`
    query Viewer {
  viewer {
    id
    username
    fullName
    email
    admin
    defaultEntity {
      name
    }
    teams {
      edges {
        node {
          name
        }
      }
    }
    pendingInvites {
      id
      entityName
      role
      fromUser {
        username
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ViewerQuery, ViewerQueryVariables>;
export const EntityPageDocument = new TypedDocumentString(`
    query EntityPage($name: String!) {
  entity(name: $name) {
    name
    isTeam
    viewerRole
    viewerCanAdminister
    projects(first: 100) {
      edges {
        node {
          name
          entityName
          access
          updatedAt
          runCount
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<EntityPageQuery, EntityPageQueryVariables>;
export const ProjectDocument = new TypedDocumentString(`
    query Project($entityName: String!, $name: String!) {
  project(entityName: $entityName, name: $name) {
    id
    name
    entityName
    access
    entity {
      name
      isTeam
      viewerRole
      viewerCanAdminister
    }
    baselineRun {
      name
      displayName
    }
    viewerCanSetBaseline
    viewerCanEditRuns
  }
}
    `) as unknown as TypedDocumentString<ProjectQuery, ProjectQueryVariables>;
export const RunsDocument = new TypedDocumentString(`
    query Runs($entityName: String!, $name: String!, $filters: JSONString, $order: String, $after: String, $first: Int, $withCount: Boolean!) {
  project(entityName: $entityName, name: $name) {
    runCount(filters: $filters) @include(if: $withCount)
    runs(filters: $filters, order: $order, after: $after, first: $first) {
      pageInfo {
        endCursor
        hasNextPage
      }
      edges {
        node {
          id
          name
          displayName
          state
          createdAt
          heartbeatAt
          group
          jobType
          user {
            username
          }
          config
          summaryMetrics
          tags
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<RunsQuery, RunsQueryVariables>;
export const MoveRunsDocument = new TypedDocumentString(`
    mutation MoveRuns($input: MoveRunsInput!) {
  moveRuns(input: $input) {
    movedCount
    dryRun
    runs {
      name
    }
  }
}
    `) as unknown as TypedDocumentString<MoveRunsMutation, MoveRunsMutationVariables>;
export const DeleteRunsDocument = new TypedDocumentString(`
    mutation DeleteRuns($input: DeleteRunsInput!) {
  deleteRuns(input: $input) {
    deletedCount
  }
}
    `) as unknown as TypedDocumentString<DeleteRunsMutation, DeleteRunsMutationVariables>;
export const UpdateRunTagsDocument = new TypedDocumentString(`
    mutation UpdateRunTags($input: UpdateRunTagsInput!) {
  updateRunTags(input: $input) {
    matchedCount
    updatedCount
  }
}
    `) as unknown as TypedDocumentString<UpdateRunTagsMutation, UpdateRunTagsMutationVariables>;
export const SetBaselineDocument = new TypedDocumentString(`
    mutation SetBaseline($input: SetProjectBaselineInput!) {
  setProjectBaseline(input: $input) {
    project {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<SetBaselineMutation, SetBaselineMutationVariables>;
export const SampledHistoryDocument = new TypedDocumentString(`
    query SampledHistory($entityName: String!, $projectName: String!, $filters: JSONString!, $first: Int!, $specs: [JSONString!]!) {
  project(entityName: $entityName, name: $projectName) {
    runs(filters: $filters, first: $first) {
      edges {
        node {
          name
          sampledHistory(specs: $specs)
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<SampledHistoryQuery, SampledHistoryQueryVariables>;
export const RunPageDocument = new TypedDocumentString(`
    query RunPage($entityName: String!, $projectName: String!, $name: String!) {
  project(entityName: $entityName, name: $projectName) {
    run(name: $name) {
      id
      name
      displayName
      state
      user {
        username
      }
      serviceAccount {
        username
      }
      host
      program
      commit
      gitRemote
      exitCode
      createdAt
      heartbeatAt
      config
      summaryMetrics
      tags
      notes
      historyKeys
      logLineCount
      alerts {
        id
        title
        text
        severity
        createdAt
      }
      files(first: 100) {
        edges {
          node {
            name
            sizeBytes
            directUrl
            updatedAt
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<RunPageQuery, RunPageQueryVariables>;
export const ConsoleLinesDocument = new TypedDocumentString(`
    query ConsoleLines($entityName: String!, $projectName: String!, $name: String!, $after: Int, $first: Int) {
  project(entityName: $entityName, name: $projectName) {
    run(name: $name) {
      state
      logLineCount
      consoleLines(after: $after, first: $first) {
        offset
        text
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleLinesQuery, ConsoleLinesQueryVariables>;
export const TeamDocument = new TypedDocumentString(`
    query Team($name: String!) {
  entity(name: $name) {
    name
    isTeam
    viewerRole
    viewerCanAdminister
    viewerCanInvite
    defaultAccess
    codeSavingEnabled
    storageRegion
    ... on Team {
      membersCanInvite
    }
    members {
      id
      role
      pending
      email
      username
      name
      accountType
      apiKey
      createdAt
    }
    projects(first: 100) {
      edges {
        node {
          name
          entityName
          access
          updatedAt
          runCount
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<TeamQuery, TeamQueryVariables>;
export const SetAccessDocument = new TypedDocumentString(`
    mutation SetAccess($input: UpsertModelInput!) {
  upsertModel(input: $input) {
    project {
      access
    }
  }
}
    `) as unknown as TypedDocumentString<SetAccessMutation, SetAccessMutationVariables>;
export const UpdateEntityDocument = new TypedDocumentString(`
    mutation UpdateEntity($input: UpdateEntityInput!) {
  updateEntity(input: $input) {
    entity {
      name
    }
  }
}
    `) as unknown as TypedDocumentString<UpdateEntityMutation, UpdateEntityMutationVariables>;
export const InviteDocument = new TypedDocumentString(`
    mutation Invite($input: CreateInviteInput!) {
  createInvite(input: $input) {
    invite {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<InviteMutation, InviteMutationVariables>;
export const DeleteInviteDocument = new TypedDocumentString(`
    mutation DeleteInvite($input: DeleteInviteInput!) {
  deleteInvite(input: $input) {
    success
  }
}
    `) as unknown as TypedDocumentString<DeleteInviteMutation, DeleteInviteMutationVariables>;
export const AcceptInviteDocument = new TypedDocumentString(`
    mutation AcceptInvite($input: AcceptInviteInput!) {
  acceptInvite(input: $input) {
    role
  }
}
    `) as unknown as TypedDocumentString<AcceptInviteMutation, AcceptInviteMutationVariables>;
export const UpdateMemberDocument = new TypedDocumentString(`
    mutation UpdateMember($input: UpdateMemberInput!) {
  updateMember(input: $input) {
    member {
      role
    }
  }
}
    `) as unknown as TypedDocumentString<UpdateMemberMutation, UpdateMemberMutationVariables>;
export const CreateServiceAccountDocument = new TypedDocumentString(`
    mutation CreateServiceAccount($input: CreateServiceAccountInput!) {
  createServiceAccount(input: $input) {
    user {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<CreateServiceAccountMutation, CreateServiceAccountMutationVariables>;
export const AuditDocument = new TypedDocumentString(`
    query Audit($entityName: String!) {
  auditEvents(entityName: $entityName, first: 50) {
    edges {
      node {
        id
        action
        actorUsername
        createdAt
        targetType
      }
    }
  }
}
    `) as unknown as TypedDocumentString<AuditQuery, AuditQueryVariables>;
export const ApiKeysDocument = new TypedDocumentString(`
    query ApiKeys {
  viewer {
    id
    apiKeys {
      edges {
        node {
          id
          name
          description
          createdAt
          lastUsedAt
          revoked
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ApiKeysQuery, ApiKeysQueryVariables>;
export const GenerateApiKeyDocument = new TypedDocumentString(`
    mutation GenerateApiKey($input: GenerateApiKeyInput!) {
  generateApiKey(input: $input) {
    secret
  }
}
    `) as unknown as TypedDocumentString<GenerateApiKeyMutation, GenerateApiKeyMutationVariables>;
export const DeleteApiKeyDocument = new TypedDocumentString(`
    mutation DeleteApiKey($input: DeleteApiKeyInput!) {
  deleteApiKey(input: $input) {
    success
  }
}
    `) as unknown as TypedDocumentString<DeleteApiKeyMutation, DeleteApiKeyMutationVariables>;
export const SetDefaultEntityDocument = new TypedDocumentString(`
    mutation SetDefaultEntity($input: UpdateUserInput!) {
  updateUser(input: $input) {
    user {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<SetDefaultEntityMutation, SetDefaultEntityMutationVariables>;
export const CreateTeamDocument = new TypedDocumentString(`
    mutation CreateTeam($input: CreateTeamInput!) {
  createTeam(input: $input) {
    entity {
      name
    }
  }
}
    `) as unknown as TypedDocumentString<CreateTeamMutation, CreateTeamMutationVariables>;
export const CompareDocument = new TypedDocumentString(`
    query Compare($entityName: String!, $projectName: String!, $keys: [String!]!, $runNames: [String!]) {
  compareRuns(
    entityName: $entityName
    projectName: $projectName
    keys: $keys
    runNames: $runNames
  ) {
    baseline {
      name
      displayName
    }
    rows {
      run {
        name
        displayName
      }
      key
      value
      baselineValue
      difference
      relativeDifference
    }
  }
}
    `) as unknown as TypedDocumentString<CompareQuery, CompareQueryVariables>;
export const SystemMetricsDocument = new TypedDocumentString(`
    query SystemMetrics($entityName: String!, $projectName: String!, $name: String!, $samples: Int) {
  project(entityName: $entityName, name: $projectName) {
    run(name: $name) {
      events(samples: $samples)
    }
  }
}
    `) as unknown as TypedDocumentString<SystemMetricsQuery, SystemMetricsQueryVariables>;
export const EntityDefaultsDocument = new TypedDocumentString(`
    query EntityDefaults($name: String!) {
  entity(name: $name) {
    defaultAccess
    codeSavingEnabled
  }
}
    `) as unknown as TypedDocumentString<EntityDefaultsQuery, EntityDefaultsQueryVariables>;
export const RunArtifactsDocument = new TypedDocumentString(`
    query RunArtifacts($entityName: String!, $projectName: String!, $name: String!) {
  project(entityName: $entityName, name: $projectName) {
    run(name: $name) {
      inputArtifacts(first: 100) {
        edges {
          node {
            ...ArtifactRef
          }
        }
      }
      outputArtifacts(first: 100) {
        edges {
          node {
            ...ArtifactRef
          }
        }
      }
    }
  }
}
    fragment ArtifactRef on Artifact {
  id
  versionIndex
  state
  artifactType {
    name
  }
  artifactSequence {
    name
    project {
      name
      entityName
    }
  }
  aliases {
    alias
    artifactCollection {
      name
    }
  }
}`) as unknown as TypedDocumentString<RunArtifactsQuery, RunArtifactsQueryVariables>;
export const ArtifactTypesDocument = new TypedDocumentString(`
    query ArtifactTypes($entityName: String!, $projectName: String!) {
  project(entityName: $entityName, name: $projectName) {
    artifactTypes(first: 50) {
      edges {
        node {
          name
          description
          artifactCollections(first: 100) {
            totalCount
            edges {
              node {
                __typename
                name
                description
                createdAt
                updatedAt
                artifacts(first: 1) {
                  totalCount
                  edges {
                    version
                    node {
                      createdAt
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ArtifactTypesQuery, ArtifactTypesQueryVariables>;
export const ArtifactCollectionDocument = new TypedDocumentString(`
    query ArtifactCollection($entityName: String!, $projectName: String!, $typeName: String!, $name: String!, $after: String) {
  project(entityName: $entityName, name: $projectName) {
    ...ArtifactProject
    artifactType(name: $typeName) {
      artifactCollection(name: $name) {
        __typename
        id
        name
        description
        createdAt
        artifacts(first: 100, after: $after) {
          totalCount
          pageInfo {
            endCursor
            hasNextPage
          }
          edges {
            version
            node {
              id
              versionIndex
              createdAt
              size
              fileCount
              state
              aliases {
                alias
                artifactCollection {
                  name
                }
              }
              createdBy {
                ...ArtifactCreator
              }
            }
          }
        }
      }
    }
  }
}
    fragment ArtifactProject on Project {
  name
  entityName
  access
  viewerCanWriteArtifacts
}
fragment ArtifactCreator on ArtifactCreator {
  __typename
  ... on Run {
    name
    displayName
    project {
      name
      entityName
    }
  }
  ... on User {
    username
  }
}`) as unknown as TypedDocumentString<ArtifactCollectionQuery, ArtifactCollectionQueryVariables>;
export const ArtifactVersionDocument = new TypedDocumentString(`
    query ArtifactVersion($entityName: String!, $projectName: String!, $typeName: String!, $collection: String!, $version: String!, $after: String) {
  project(entityName: $entityName, name: $projectName) {
    ...ArtifactProject
    artifactType(name: $typeName) {
      artifactCollection(name: $collection) {
        __typename
        artifactMembership(aliasName: $version) {
          artifact {
            id
            versionIndex
            state
            description
            metadata
            size
            fileCount
            digest
            digestAlgorithm
            createdAt
            updatedAt
            ttlDurationSeconds
            artifactType {
              name
            }
            artifactSequence {
              name
              project {
                name
                entityName
              }
            }
            aliases {
              alias
              artifactCollection {
                name
              }
            }
            createdBy {
              ...ArtifactCreator
            }
            usedBy(first: 100) {
              totalCount
              edges {
                node {
                  name
                  displayName
                  project {
                    name
                    entityName
                  }
                }
              }
            }
            files(first: 100, after: $after) {
              ...ArtifactFilePage
            }
          }
        }
      }
    }
  }
}
    fragment ArtifactProject on Project {
  name
  entityName
  access
  viewerCanWriteArtifacts
}
fragment ArtifactCreator on ArtifactCreator {
  __typename
  ... on Run {
    name
    displayName
    project {
      name
      entityName
    }
  }
  ... on User {
    username
  }
}
fragment ArtifactFilePage on FileConnection {
  totalCount
  pageInfo {
    endCursor
    hasNextPage
  }
  edges {
    node {
      id
      name
      sizeBytes
      digest
      directUrl
    }
  }
}`) as unknown as TypedDocumentString<ArtifactVersionQuery, ArtifactVersionQueryVariables>;
export const ArtifactFilesDocument = new TypedDocumentString(`
    query ArtifactFiles($id: ID!, $after: String) {
  artifact(id: $id) {
    files(first: 100, after: $after) {
      ...ArtifactFilePage
    }
  }
}
    fragment ArtifactFilePage on FileConnection {
  totalCount
  pageInfo {
    endCursor
    hasNextPage
  }
  edges {
    node {
      id
      name
      sizeBytes
      digest
      directUrl
    }
  }
}`) as unknown as TypedDocumentString<ArtifactFilesQuery, ArtifactFilesQueryVariables>;
export const AddAliasesDocument = new TypedDocumentString(`
    mutation AddAliases($input: AddAliasesInput!) {
  addAliases(input: $input) {
    success
  }
}
    `) as unknown as TypedDocumentString<AddAliasesMutation, AddAliasesMutationVariables>;
export const DeleteAliasesDocument = new TypedDocumentString(`
    mutation DeleteAliases($input: DeleteAliasesInput!) {
  deleteAliases(input: $input) {
    success
  }
}
    `) as unknown as TypedDocumentString<DeleteAliasesMutation, DeleteAliasesMutationVariables>;
export const ProjectAlertsDocument = new TypedDocumentString(`
    query ProjectAlerts($entityName: String!, $projectName: String!, $states: [AlertState!], $first: Int) {
  project(entityName: $entityName, name: $projectName) {
    name
    entityName
    viewerCanManageRules
    metricRules {
      ...MetricRuleFields
    }
    alerts(first: $first, states: $states) {
      totalCount
      edges {
        node {
          ...AlertFields
        }
      }
    }
  }
}
    fragment MetricRuleFields on MetricRule {
  id
  name
  metric
  direction
  comparison
  threshold
  tolerance
  toleranceKind
  window
  aggregate
  warmupSteps
  detectNonFinite
  detectFailed
  stallMinutes
  baselineFilters
  scope
  updatedAt
}
fragment AlertFields on Alert {
  id
  title
  text
  severity
  kind
  state
  createdAt
  step
  value
  baselineValue
  acknowledgedAt
  resolvedAt
  snoozedUntil
  rule {
    name
  }
  run {
    name
    displayName
  }
}`) as unknown as TypedDocumentString<ProjectAlertsQuery, ProjectAlertsQueryVariables>;
export const CreateMetricRuleDocument = new TypedDocumentString(`
    mutation CreateMetricRule($input: CreateMetricRuleInput!) {
  createMetricRule(input: $input) {
    rule {
      ...MetricRuleFields
    }
  }
}
    fragment MetricRuleFields on MetricRule {
  id
  name
  metric
  direction
  comparison
  threshold
  tolerance
  toleranceKind
  window
  aggregate
  warmupSteps
  detectNonFinite
  detectFailed
  stallMinutes
  baselineFilters
  scope
  updatedAt
}`) as unknown as TypedDocumentString<CreateMetricRuleMutation, CreateMetricRuleMutationVariables>;
export const UpdateMetricRuleDocument = new TypedDocumentString(`
    mutation UpdateMetricRule($input: UpdateMetricRuleInput!) {
  updateMetricRule(input: $input) {
    rule {
      ...MetricRuleFields
    }
  }
}
    fragment MetricRuleFields on MetricRule {
  id
  name
  metric
  direction
  comparison
  threshold
  tolerance
  toleranceKind
  window
  aggregate
  warmupSteps
  detectNonFinite
  detectFailed
  stallMinutes
  baselineFilters
  scope
  updatedAt
}`) as unknown as TypedDocumentString<UpdateMetricRuleMutation, UpdateMetricRuleMutationVariables>;
export const DeleteMetricRuleDocument = new TypedDocumentString(`
    mutation DeleteMetricRule($input: DeleteMetricRuleInput!) {
  deleteMetricRule(input: $input) {
    success
  }
}
    `) as unknown as TypedDocumentString<DeleteMetricRuleMutation, DeleteMetricRuleMutationVariables>;
export const AcknowledgeAlertDocument = new TypedDocumentString(`
    mutation AcknowledgeAlert($input: AcknowledgeAlertInput!) {
  acknowledgeAlert(input: $input) {
    alert {
      ...AlertFields
    }
  }
}
    fragment AlertFields on Alert {
  id
  title
  text
  severity
  kind
  state
  createdAt
  step
  value
  baselineValue
  acknowledgedAt
  resolvedAt
  snoozedUntil
  rule {
    name
  }
  run {
    name
    displayName
  }
}`) as unknown as TypedDocumentString<AcknowledgeAlertMutation, AcknowledgeAlertMutationVariables>;
export const SnoozeAlertDocument = new TypedDocumentString(`
    mutation SnoozeAlert($input: SnoozeAlertInput!) {
  snoozeAlert(input: $input) {
    alert {
      ...AlertFields
    }
  }
}
    fragment AlertFields on Alert {
  id
  title
  text
  severity
  kind
  state
  createdAt
  step
  value
  baselineValue
  acknowledgedAt
  resolvedAt
  snoozedUntil
  rule {
    name
  }
  run {
    name
    displayName
  }
}`) as unknown as TypedDocumentString<SnoozeAlertMutation, SnoozeAlertMutationVariables>;
export const AlertEventsDocument = new TypedDocumentString(`
    subscription AlertEvents($entityName: String!, $projectName: String!) {
  alertEvents(entityName: $entityName, projectName: $projectName) {
    ...AlertFields
  }
}
    fragment AlertFields on Alert {
  id
  title
  text
  severity
  kind
  state
  createdAt
  step
  value
  baselineValue
  acknowledgedAt
  resolvedAt
  snoozedUntil
  rule {
    name
  }
  run {
    name
    displayName
  }
}`) as unknown as TypedDocumentString<AlertEventsSubscription, AlertEventsSubscriptionVariables>;