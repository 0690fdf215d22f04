/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query Viewer {\n    viewer {\n      id\n      username\n      fullName\n      email\n      admin\n      defaultEntity { name }\n      teams { edges { node { name } } }\n      pendingInvites { id entityName role fromUser { username } }\n    }\n  }\n": typeof types.ViewerDocument,
    "\n  query EntityPage($name: String!) {\n    entity(name: $name) {\n      name\n      isTeam\n      viewerRole\n      viewerCanAdminister\n      projects(first: 100) { edges { node { name entityName access updatedAt runCount } } }\n    }\n  }\n": typeof types.EntityPageDocument,
    "\n  query Project($entityName: String!, $name: String!) {\n    project(entityName: $entityName, name: $name) {\n      id\n      name\n      entityName\n      access\n      entity { name isTeam viewerRole viewerCanAdminister }\n      baselineRun { name displayName }\n      viewerCanSetBaseline\n    }\n  }\n": typeof types.ProjectDocument,
    "\n  query Runs($entityName: String!, $name: String!, $filters: JSONString, $order: String, $after: String, $first: Int, $withCount: Boolean!) {\n    project(entityName: $entityName, name: $name) {\n      runCount(filters: $filters) @include(if: $withCount)\n      runs(filters: $filters, order: $order, after: $after, first: $first) {\n        pageInfo { endCursor hasNextPage }\n        edges {\n          node { id name displayName state createdAt heartbeatAt group jobType user { username } config summaryMetrics tags }\n        }\n      }\n    }\n  }\n": typeof types.RunsDocument,
    "\n  mutation MoveRuns($input: MoveRunsInput!) {\n    moveRuns(input: $input) { movedCount dryRun runs { name } }\n  }\n": typeof types.MoveRunsDocument,
    "\n  mutation DeleteRuns($input: DeleteRunsInput!) {\n    deleteRuns(input: $input) { deletedCount }\n  }\n": typeof types.DeleteRunsDocument,
    "\n  mutation UpdateRunTags($input: UpdateRunTagsInput!) {\n    updateRunTags(input: $input) { matchedCount updatedCount }\n  }\n": typeof types.UpdateRunTagsDocument,
    "\n  mutation SetBaseline($input: SetProjectBaselineInput!) {\n    setProjectBaseline(input: $input) { project { id } }\n  }\n": typeof types.SetBaselineDocument,
    "\n  query SampledHistory($entityName: String!, $projectName: String!, $filters: JSONString!, $first: Int!, $specs: [JSONString!]!) {\n    project(entityName: $entityName, name: $projectName) {\n      runs(filters: $filters, first: $first) { edges { node { name sampledHistory(specs: $specs) } } }\n    }\n  }\n": typeof types.SampledHistoryDocument,
    "\n  query RunPage($entityName: String!, $projectName: String!, $name: String!) {\n    project(entityName: $entityName, name: $projectName) {\n      run(name: $name) {\n        id name displayName state user { username } serviceAccount { username } host program commit gitRemote exitCode\n        createdAt heartbeatAt config summaryMetrics tags notes historyKeys logLineCount\n        alerts { id title text severity createdAt }\n        files(first: 100) { edges { node { name sizeBytes directUrl updatedAt } } }\n      }\n    }\n  }\n": typeof types.RunPageDocument,
    "\n  query ConsoleLines($entityName: String!, $projectName: String!, $name: String!, $after: Int, $first: Int) {\n    project(entityName: $entityName, name: $projectName) {\n      run(name: $name) { state logLineCount consoleLines(after: $after, first: $first) { offset text } }\n    }\n  }\n": typeof types.ConsoleLinesDocument,
    "\n  query Team($name: String!) {\n    entity(name: $name) {\n      name\n      isTeam\n      viewerRole\n      viewerCanAdminister\n      viewerCanInvite\n      defaultAccess\n      codeSavingEnabled\n      storageRegion\n      ... on Team { membersCanInvite }\n      members { id role pending email username name accountType apiKey createdAt }\n      projects(first: 100) { edges { node { name entityName access updatedAt runCount } } }\n    }\n  }\n": typeof types.TeamDocument,
    "\n  mutation SetAccess($input: UpsertModelInput!) {\n    upsertModel(input: $input) { project { access } }\n  }\n": typeof types.SetAccessDocument,
    "\n  mutation UpdateEntity($input: UpdateEntityInput!) {\n    updateEntity(input: $input) { entity { name } }\n  }\n": typeof types.UpdateEntityDocument,
    "\n  mutation Invite($input: CreateInviteInput!) {\n    createInvite(input: $input) { invite { id } }\n  }\n": typeof types.InviteDocument,
    "\n  mutation DeleteInvite($input: DeleteInviteInput!) {\n    deleteInvite(input: $input) { success }\n  }\n": typeof types.DeleteInviteDocument,
    "\n  mutation AcceptInvite($input: AcceptInviteInput!) {\n    acceptInvite(input: $input) { role }\n  }\n": typeof types.AcceptInviteDocument,
    "\n  mutation UpdateMember($input: UpdateMemberInput!) {\n    updateMember(input: $input) { member { role } }\n  }\n": typeof types.UpdateMemberDocument,
    "\n  mutation CreateServiceAccount($input: CreateServiceAccountInput!) {\n    createServiceAccount(input: $input) { user { id } }\n  }\n": typeof types.CreateServiceAccountDocument,
    "\n  query Audit($entityName: String!) {\n    auditEvents(entityName: $entityName, first: 50) { edges { node { id action actorUsername createdAt targetType } } }\n  }\n": typeof types.AuditDocument,
    "\n  query ApiKeys {\n    viewer { id apiKeys { edges { node { id name description createdAt lastUsedAt revoked } } } }\n  }\n": typeof types.ApiKeysDocument,
    "\n  mutation GenerateApiKey($input: GenerateApiKeyInput!) {\n    generateApiKey(input: $input) { secret }\n  }\n": typeof types.GenerateApiKeyDocument,
    "\n  mutation DeleteApiKey($input: DeleteApiKeyInput!) {\n    deleteApiKey(input: $input) { success }\n  }\n": typeof types.DeleteApiKeyDocument,
    "\n  mutation SetDefaultEntity($input: UpdateUserInput!) {\n    updateUser(input: $input) { user { id } }\n  }\n": typeof types.SetDefaultEntityDocument,
    "\n  mutation CreateTeam($input: CreateTeamInput!) {\n    createTeam(input: $input) { entity { name } }\n  }\n": typeof types.CreateTeamDocument,
    "\n  query Compare($entityName: String!, $projectName: String!, $keys: [String!]!, $runNames: [String!]) {\n    compareRuns(entityName: $entityName, projectName: $projectName, keys: $keys, runNames: $runNames) {\n      baseline { name displayName }\n      rows { run { name displayName } key value baselineValue difference relativeDifference }\n    }\n  }\n": typeof types.CompareDocument,
    "\n  query SystemMetrics($entityName: String!, $projectName: String!, $name: String!, $samples: Int) {\n    project(entityName: $entityName, name: $projectName) { run(name: $name) { events(samples: $samples) } }\n  }\n": typeof types.SystemMetricsDocument,
    "\n  query EntityDefaults($name: String!) {\n    entity(name: $name) { defaultAccess codeSavingEnabled }\n  }\n": typeof types.EntityDefaultsDocument,
};
const documents: Documents = {
    "\n  query Viewer {\n    viewer {\n      id\n      username\n      fullName\n      email\n      admin\n      defaultEntity { name }\n      teams { edges { node { name } } }\n      pendingInvites { id entityName role fromUser { username } }\n    }\n  }\n": types.ViewerDocument,
    "\n  query EntityPage($name: String!) {\n    entity(name: $name) {\n      name\n      isTeam\n      viewerRole\n      viewerCanAdminister\n      projects(first: 100) { edges { node { name entityName access updatedAt runCount } } }\n    }\n  }\n": types.EntityPageDocument,
    "\n  query Project($entityName: String!, $name: String!) {\n    project(entityName: $entityName, name: $name) {\n      id\n      name\n      entityName\n      access\n      entity { name isTeam viewerRole viewerCanAdminister }\n      baselineRun { name displayName }\n      viewerCanSetBaseline\n    }\n  }\n": types.ProjectDocument,
    "\n  query Runs($entityName: String!, $name: String!, $filters: JSONString, $order: String, $after: String, $first: Int, $withCount: Boolean!) {\n    project(entityName: $entityName, name: $name) {\n      runCount(filters: $filters) @include(if: $withCount)\n      runs(filters: $filters, order: $order, after: $after, first: $first) {\n        pageInfo { endCursor hasNextPage }\n        edges {\n          node { id name displayName state createdAt heartbeatAt group jobType user { username } config summaryMetrics tags }\n        }\n      }\n    }\n  }\n": types.RunsDocument,
    "\n  mutation MoveRuns($input: MoveRunsInput!) {\n    moveRuns(input: $input) { movedCount dryRun runs { name } }\n  }\n": types.MoveRunsDocument,
    "\n  mutation DeleteRuns($input: DeleteRunsInput!) {\n    deleteRuns(input: $input) { deletedCount }\n  }\n": types.DeleteRunsDocument,
    "\n  mutation UpdateRunTags($input: UpdateRunTagsInput!) {\n    updateRunTags(input: $input) { matchedCount updatedCount }\n  }\n": types.UpdateRunTagsDocument,
    "\n  mutation SetBaseline($input: SetProjectBaselineInput!) {\n    setProjectBaseline(input: $input) { project { id } }\n  }\n": types.SetBaselineDocument,
    "\n  query SampledHistory($entityName: String!, $projectName: String!, $filters: JSONString!, $first: Int!, $specs: [JSONString!]!) {\n    project(entityName: $entityName, name: $projectName) {\n      runs(filters: $filters, first: $first) { edges { node { name sampledHistory(specs: $specs) } } }\n    }\n  }\n": types.SampledHistoryDocument,
    "\n  query RunPage($entityName: String!, $projectName: String!, $name: String!) {\n    project(entityName: $entityName, name: $projectName) {\n      run(name: $name) {\n        id name displayName state user { username } serviceAccount { username } host program commit gitRemote exitCode\n        createdAt heartbeatAt config summaryMetrics tags notes historyKeys logLineCount\n        alerts { id title text severity createdAt }\n        files(first: 100) { edges { node { name sizeBytes directUrl updatedAt } } }\n      }\n    }\n  }\n": types.RunPageDocument,
    "\n  query ConsoleLines($entityName: String!, $projectName: String!, $name: String!, $after: Int, $first: Int) {\n    project(entityName: $entityName, name: $projectName) {\n      run(name: $name) { state logLineCount consoleLines(after: $after, first: $first) { offset text } }\n    }\n  }\n": types.ConsoleLinesDocument,
    "\n  query Team($name: String!) {\n    entity(name: $name) {\n      name\n      isTeam\n      viewerRole\n      viewerCanAdminister\n      viewerCanInvite\n      defaultAccess\n      codeSavingEnabled\n      storageRegion\n      ... on Team { membersCanInvite }\n      members { id role pending email username name accountType apiKey createdAt }\n      projects(first: 100) { edges { node { name entityName access updatedAt runCount } } }\n    }\n  }\n": types.TeamDocument,
    "\n  mutation SetAccess($input: UpsertModelInput!) {\n    upsertModel(input: $input) { project { access } }\n  }\n": types.SetAccessDocument,
    "\n  mutation UpdateEntity($input: UpdateEntityInput!) {\n    updateEntity(input: $input) { entity { name } }\n  }\n": types.UpdateEntityDocument,
    "\n  mutation Invite($input: CreateInviteInput!) {\n    createInvite(input: $input) { invite { id } }\n  }\n": types.InviteDocument,
    "\n  mutation DeleteInvite($input: DeleteInviteInput!) {\n    deleteInvite(input: $input) { success }\n  }\n": types.DeleteInviteDocument,
    "\n  mutation AcceptInvite($input: AcceptInviteInput!) {\n    acceptInvite(input: $input) { role }\n  }\n": types.AcceptInviteDocument,
    "\n  mutation UpdateMember($input: UpdateMemberInput!) {\n    updateMember(input: $input) { member { role } }\n  }\n": types.UpdateMemberDocument,
    "\n  mutation CreateServiceAccount($input: CreateServiceAccountInput!) {\n    createServiceAccount(input: $input) { user { id } }\n  }\n": types.CreateServiceAccountDocument,
    "\n  query Audit($entityName: String!) {\n    auditEvents(entityName: $entityName, first: 50) { edges { node { id action actorUsername createdAt targetType } } }\n  }\n": types.AuditDocument,
    "\n  query ApiKeys {\n    viewer { id apiKeys { edges { node { id name description createdAt lastUsedAt revoked } } } }\n  }\n": types.ApiKeysDocument,
    "\n  mutation GenerateApiKey($input: GenerateApiKeyInput!) {\n    generateApiKey(input: $input) { secret }\n  }\n": types.GenerateApiKeyDocument,
    "\n  mutation DeleteApiKey($input: DeleteApiKeyInput!) {\n    deleteApiKey(input: $input) { success }\n  }\n": types.DeleteApiKeyDocument,
    "\n  mutation SetDefaultEntity($input: UpdateUserInput!) {\n    updateUser(input: $input) { user { id } }\n  }\n": types.SetDefaultEntityDocument,
    "\n  mutation CreateTeam($input: CreateTeamInput!) {\n    createTeam(input: $input) { entity { name } }\n  }\n": types.CreateTeamDocument,
    "\n  query Compare($entityName: String!, $projectName: String!, $keys: [String!]!, $runNames: [String!]) {\n    compareRuns(entityName: $entityName, projectName: $projectName, keys: $keys, runNames: $runNames) {\n      baseline { name displayName }\n      rows { run { name displayName } key value baselineValue difference relativeDifference }\n    }\n  }\n": types.CompareDocument,
    "\n  query SystemMetrics($entityName: String!, $projectName: String!, $name: String!, $samples: Int) {\n    project(entityName: $entityName, name: $projectName) { run(name: $name) { events(samples: $samples) } }\n  }\n": types.SystemMetricsDocument,
    "\n  query EntityDefaults($name: String!) {\n    entity(name: $name) { defaultAccess codeSavingEnabled }\n  }\n": types.EntityDefaultsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Viewer {\n    viewer {\n      id\n      username\n      fullName\n      email\n      admin\n      defaultEntity { name }\n      teams { edges { node { name } } }\n      pendingInvites { id entityName role fromUser { username } }\n    }\n  }\n"): typeof import('./graphql').ViewerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EntityPage($name: String!) {\n    entity(name: $name) {\n      name\n      isTeam\n      viewerRole\n      viewerCanAdminister\n      projects(first: 100) { edges { node { name entityName access updatedAt runCount } } }\n    }\n  }\n"): typeof import('./graphql').EntityPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Project($entityName: String!, $name: String!) {\n    project(entityName: $entityName, name: $name) {\n      id\n      name\n      entityName\n      access\n      entity { name isTeam viewerRole viewerCanAdminister }\n      baselineRun { name displayName }\n      viewerCanSetBaseline\n    }\n  }\n"): typeof import('./graphql').ProjectDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Runs($entityName: String!, $name: String!, $filters: JSONString, $order: String, $after: String, $first: Int, $withCount: Boolean!) {\n    project(entityName: $entityName, name: $name) {\n      runCount(filters: $filters) @include(if: $withCount)\n      runs(filters: $filters, order: $order, after: $after, first: $first) {\n        pageInfo { endCursor hasNextPage }\n        edges {\n          node { id name displayName state createdAt heartbeatAt group jobType user { username } config summaryMetrics tags }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').RunsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MoveRuns($input: MoveRunsInput!) {\n    moveRuns(input: $input) { movedCount dryRun runs { name } }\n  }\n"): typeof import('./graphql').MoveRunsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteRuns($input: DeleteRunsInput!) {\n    deleteRuns(input: $input) { deletedCount }\n  }\n"): typeof import('./graphql').DeleteRunsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateRunTags($input: UpdateRunTagsInput!) {\n    updateRunTags(input: $input) { matchedCount updatedCount }\n  }\n"): typeof import('./graphql').UpdateRunTagsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetBaseline($input: SetProjectBaselineInput!) {\n    setProjectBaseline(input: $input) { project { id } }\n  }\n"): typeof import('./graphql').SetBaselineDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SampledHistory($entityName: String!, $projectName: String!, $filters: JSONString!, $first: Int!, $specs: [JSONString!]!) {\n    project(entityName: $entityName, name: $projectName) {\n      runs(filters: $filters, first: $first) { edges { node { name sampledHistory(specs: $specs) } } }\n    }\n  }\n"): typeof import('./graphql').SampledHistoryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RunPage($entityName: String!, $projectName: String!, $name: String!) {\n    project(entityName: $entityName, name: $projectName) {\n      run(name: $name) {\n        id name displayName state user { username } serviceAccount { username } host program commit gitRemote exitCode\n        createdAt heartbeatAt config summaryMetrics tags notes historyKeys logLineCount\n        alerts { id title text severity createdAt }\n        files(first: 100) { edges { node { name sizeBytes directUrl updatedAt } } }\n      }\n    }\n  }\n"): typeof import('./graphql').RunPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleLines($entityName: String!, $projectName: String!, $name: String!, $after: Int, $first: Int) {\n    project(entityName: $entityName, name: $projectName) {\n      run(name: $name) { state logLineCount consoleLines(after: $after, first: $first) { offset text } }\n    }\n  }\n"): typeof import('./graphql').ConsoleLinesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Team($name: String!) {\n    entity(name: $name) {\n      name\n      isTeam\n      viewerRole\n      viewerCanAdminister\n      viewerCanInvite\n      defaultAccess\n      codeSavingEnabled\n      storageRegion\n      ... on Team { membersCanInvite }\n      members { id role pending email username name accountType apiKey createdAt }\n      projects(first: 100) { edges { node { name entityName access updatedAt runCount } } }\n    }\n  }\n"): typeof import('./graphql').TeamDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetAccess($input: UpsertModelInput!) {\n    upsertModel(input: $input) { project { access } }\n  }\n"): typeof import('./graphql').SetAccessDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateEntity($input: UpdateEntityInput!) {\n    updateEntity(input: $input) { entity { name } }\n  }\n"): typeof import('./graphql').UpdateEntityDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Invite($input: CreateInviteInput!) {\n    createInvite(input: $input) { invite { id } }\n  }\n"): typeof import('./graphql').InviteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteInvite($input: DeleteInviteInput!) {\n    deleteInvite(input: $input) { success }\n  }\n"): typeof import('./graphql').DeleteInviteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptInvite($input: AcceptInviteInput!) {\n    acceptInvite(input: $input) { role }\n  }\n"): typeof import('./graphql').AcceptInviteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateMember($input: UpdateMemberInput!) {\n    updateMember(input: $input) { member { role } }\n  }\n"): typeof import('./graphql').UpdateMemberDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateServiceAccount($input: CreateServiceAccountInput!) {\n    createServiceAccount(input: $input) { user { id } }\n  }\n"): typeof import('./graphql').CreateServiceAccountDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Audit($entityName: String!) {\n    auditEvents(entityName: $entityName, first: 50) { edges { node { id action actorUsername createdAt targetType } } }\n  }\n"): typeof import('./graphql').AuditDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiKeys {\n    viewer { id apiKeys { edges { node { id name description createdAt lastUsedAt revoked } } } }\n  }\n"): typeof import('./graphql').ApiKeysDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation GenerateApiKey($input: GenerateApiKeyInput!) {\n    generateApiKey(input: $input) { secret }\n  }\n"): typeof import('./graphql').GenerateApiKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteApiKey($input: DeleteApiKeyInput!) {\n    deleteApiKey(input: $input) { success }\n  }\n"): typeof import('./graphql').DeleteApiKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetDefaultEntity($input: UpdateUserInput!) {\n    updateUser(input: $input) { user { id } }\n  }\n"): typeof import('./graphql').SetDefaultEntityDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateTeam($input: CreateTeamInput!) {\n    createTeam(input: $input) { entity { name } }\n  }\n"): typeof import('./graphql').CreateTeamDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Compare($entityName: String!, $projectName: String!, $keys: [String!]!, $runNames: [String!]) {\n    compareRuns(entityName: $entityName, projectName: $projectName, keys: $keys, runNames: $runNames) {\n      baseline { name displayName }\n      rows { run { name displayName } key value baselineValue difference relativeDifference }\n    }\n  }\n"): typeof import('./graphql').CompareDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SystemMetrics($entityName: String!, $projectName: String!, $name: String!, $samples: Int) {\n    project(entityName: $entityName, name: $projectName) { run(name: $name) { events(samples: $samples) } }\n  }\n"): typeof import('./graphql').SystemMetricsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EntityDefaults($name: String!) {\n    entity(name: $name) { defaultAccess codeSavingEnabled }\n  }\n"): typeof import('./graphql').EntityDefaultsDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
