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
    "\n  query Project($entityName: String!, $name: String!) {\n    project(entityName: $entityName, name: $name) {\n      id\n      name\n      entityName\n      access\n      entity { name isTeam viewerRole viewerCanAdminister }\n      baselineRun { name displayName }\n      viewerCanSetBaseline\n      viewerCanEditRuns\n    }\n  }\n": typeof types.ProjectDocument,
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
    "\n  fragment ArtifactRef on Artifact {\n    id\n    versionIndex\n    state\n    artifactType { name }\n    artifactSequence { name project { name entityName } }\n    aliases { alias artifactCollection { name } }\n  }\n": typeof types.ArtifactRefFragmentDoc,
    "\n  query RunArtifacts($entityName: String!, $projectName: String!, $name: String!) {\n    project(entityName: $entityName, name: $projectName) {\n      run(name: $name) {\n        inputArtifacts(first: 100) { edges { node { ...ArtifactRef } } }\n        outputArtifacts(first: 100) { edges { node { ...ArtifactRef } } }\n      }\n    }\n  }\n": typeof types.RunArtifactsDocument,
    "\n  query ArtifactTypes($entityName: String!, $projectName: String!) {\n    project(entityName: $entityName, name: $projectName) {\n      artifactTypes(first: 50) {\n        edges {\n          node {\n            name\n            description\n            artifactCollections(first: 100) {\n              totalCount\n              edges {\n                node {\n                  __typename name description createdAt updatedAt\n                  artifacts(first: 1) { totalCount edges { version node { createdAt } } }\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.ArtifactTypesDocument,
    "\n  fragment ArtifactProject on Project {\n    name\n    entityName\n    access\n    viewerCanWriteArtifacts\n  }\n": typeof types.ArtifactProjectFragmentDoc,
    "\n  fragment ArtifactCreator on ArtifactCreator {\n    __typename\n    ... on Run { name displayName project { name entityName } }\n    ... on User { username }\n  }\n": typeof types.ArtifactCreatorFragmentDoc,
    "\n  query ArtifactCollection($entityName: String!, $projectName: String!, $typeName: String!, $name: String!, $after: String) {\n    project(entityName: $entityName, name: $projectName) {\n      ...ArtifactProject\n      artifactType(name: $typeName) {\n        artifactCollection(name: $name) {\n          __typename id name description createdAt\n          artifacts(first: 100, after: $after) {\n            totalCount\n            pageInfo { endCursor hasNextPage }\n            edges {\n              version\n              node {\n                id versionIndex createdAt size fileCount state\n                aliases { alias artifactCollection { name } }\n                createdBy { ...ArtifactCreator }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.ArtifactCollectionDocument,
    "\n  fragment ArtifactFilePage on FileConnection {\n    totalCount\n    pageInfo { endCursor hasNextPage }\n    edges { node { id name sizeBytes digest directUrl } }\n  }\n": typeof types.ArtifactFilePageFragmentDoc,
    "\n  query ArtifactVersion($entityName: String!, $projectName: String!, $typeName: String!, $collection: String!, $version: String!, $after: String) {\n    project(entityName: $entityName, name: $projectName) {\n      ...ArtifactProject\n      artifactType(name: $typeName) {\n        artifactCollection(name: $collection) {\n          __typename\n          artifactMembership(aliasName: $version) {\n            artifact {\n              id versionIndex state description metadata size fileCount digest digestAlgorithm createdAt updatedAt ttlDurationSeconds\n              artifactType { name }\n              artifactSequence { name project { name entityName } }\n              aliases { alias artifactCollection { name } }\n              createdBy { ...ArtifactCreator }\n              usedBy(first: 100) { totalCount edges { node { name displayName project { name entityName } } } }\n              files(first: 100, after: $after) { ...ArtifactFilePage }\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.ArtifactVersionDocument,
    "\n  query ArtifactFiles($id: ID!, $after: String) {\n    artifact(id: $id) { files(first: 100, after: $after) { ...ArtifactFilePage } }\n  }\n": typeof types.ArtifactFilesDocument,
    "\n  mutation AddAliases($input: AddAliasesInput!) {\n    addAliases(input: $input) { success }\n  }\n": typeof types.AddAliasesDocument,
    "\n  mutation DeleteAliases($input: DeleteAliasesInput!) {\n    deleteAliases(input: $input) { success }\n  }\n": typeof types.DeleteAliasesDocument,
    "\n  fragment MetricRuleFields on MetricRule {\n    id name metric direction comparison threshold tolerance toleranceKind window aggregate warmupSteps\n    detectNonFinite detectFailed stallMinutes baselineFilters scope updatedAt\n  }\n": typeof types.MetricRuleFieldsFragmentDoc,
    "\n  fragment AlertFields on Alert {\n    id title text severity kind state createdAt step value baselineValue acknowledgedAt resolvedAt snoozedUntil\n    rule { name }\n    run { name displayName }\n  }\n": typeof types.AlertFieldsFragmentDoc,
    "\n  query ProjectAlerts($entityName: String!, $projectName: String!, $states: [AlertState!], $first: Int) {\n    project(entityName: $entityName, name: $projectName) {\n      name\n      entityName\n      viewerCanManageRules\n      metricRules { ...MetricRuleFields }\n      alerts(first: $first, states: $states) { totalCount edges { node { ...AlertFields } } }\n    }\n  }\n": typeof types.ProjectAlertsDocument,
    "\n  mutation CreateMetricRule($input: CreateMetricRuleInput!) {\n    createMetricRule(input: $input) { rule { ...MetricRuleFields } }\n  }\n": typeof types.CreateMetricRuleDocument,
    "\n  mutation UpdateMetricRule($input: UpdateMetricRuleInput!) {\n    updateMetricRule(input: $input) { rule { ...MetricRuleFields } }\n  }\n": typeof types.UpdateMetricRuleDocument,
    "\n  mutation DeleteMetricRule($input: DeleteMetricRuleInput!) {\n    deleteMetricRule(input: $input) { success }\n  }\n": typeof types.DeleteMetricRuleDocument,
    "\n  mutation AcknowledgeAlert($input: AcknowledgeAlertInput!) {\n    acknowledgeAlert(input: $input) { alert { ...AlertFields } }\n  }\n": typeof types.AcknowledgeAlertDocument,
    "\n  mutation SnoozeAlert($input: SnoozeAlertInput!) {\n    snoozeAlert(input: $input) { alert { ...AlertFields } }\n  }\n": typeof types.SnoozeAlertDocument,
    "\n  subscription AlertEvents($entityName: String!, $projectName: String!) {\n    alertEvents(entityName: $entityName, projectName: $projectName) { ...AlertFields }\n  }\n": typeof types.AlertEventsDocument,
};
const documents: Documents = {
    "\n  query Viewer {\n    viewer {\n      id\n      username\n      fullName\n      email\n      admin\n      defaultEntity { name }\n      teams { edges { node { name } } }\n      pendingInvites { id entityName role fromUser { username } }\n    }\n  }\n": types.ViewerDocument,
    "\n  query EntityPage($name: String!) {\n    entity(name: $name) {\n      name\n      isTeam\n      viewerRole\n      viewerCanAdminister\n      projects(first: 100) { edges { node { name entityName access updatedAt runCount } } }\n    }\n  }\n": types.EntityPageDocument,
    "\n  query Project($entityName: String!, $name: String!) {\n    project(entityName: $entityName, name: $name) {\n      id\n      name\n      entityName\n      access\n      entity { name isTeam viewerRole viewerCanAdminister }\n      baselineRun { name displayName }\n      viewerCanSetBaseline\n      viewerCanEditRuns\n    }\n  }\n": types.ProjectDocument,
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
    "\n  fragment ArtifactRef on Artifact {\n    id\n    versionIndex\n    state\n    artifactType { name }\n    artifactSequence { name project { name entityName } }\n    aliases { alias artifactCollection { name } }\n  }\n": types.ArtifactRefFragmentDoc,
    "\n  query RunArtifacts($entityName: String!, $projectName: String!, $name: String!) {\n    project(entityName: $entityName, name: $projectName) {\n      run(name: $name) {\n        inputArtifacts(first: 100) { edges { node { ...ArtifactRef } } }\n        outputArtifacts(first: 100) { edges { node { ...ArtifactRef } } }\n      }\n    }\n  }\n": types.RunArtifactsDocument,
    "\n  query ArtifactTypes($entityName: String!, $projectName: String!) {\n    project(entityName: $entityName, name: $projectName) {\n      artifactTypes(first: 50) {\n        edges {\n          node {\n            name\n            description\n            artifactCollections(first: 100) {\n              totalCount\n              edges {\n                node {\n                  __typename name description createdAt updatedAt\n                  artifacts(first: 1) { totalCount edges { version node { createdAt } } }\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": types.ArtifactTypesDocument,
    "\n  fragment ArtifactProject on Project {\n    name\n    entityName\n    access\n    viewerCanWriteArtifacts\n  }\n": types.ArtifactProjectFragmentDoc,
    "\n  fragment ArtifactCreator on ArtifactCreator {\n    __typename\n    ... on Run { name displayName project { name entityName } }\n    ... on User { username }\n  }\n": types.ArtifactCreatorFragmentDoc,
    "\n  query ArtifactCollection($entityName: String!, $projectName: String!, $typeName: String!, $name: String!, $after: String) {\n    project(entityName: $entityName, name: $projectName) {\n      ...ArtifactProject\n      artifactType(name: $typeName) {\n        artifactCollection(name: $name) {\n          __typename id name description createdAt\n          artifacts(first: 100, after: $after) {\n            totalCount\n            pageInfo { endCursor hasNextPage }\n            edges {\n              version\n              node {\n                id versionIndex createdAt size fileCount state\n                aliases { alias artifactCollection { name } }\n                createdBy { ...ArtifactCreator }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": types.ArtifactCollectionDocument,
    "\n  fragment ArtifactFilePage on FileConnection {\n    totalCount\n    pageInfo { endCursor hasNextPage }\n    edges { node { id name sizeBytes digest directUrl } }\n  }\n": types.ArtifactFilePageFragmentDoc,
    "\n  query ArtifactVersion($entityName: String!, $projectName: String!, $typeName: String!, $collection: String!, $version: String!, $after: String) {\n    project(entityName: $entityName, name: $projectName) {\n      ...ArtifactProject\n      artifactType(name: $typeName) {\n        artifactCollection(name: $collection) {\n          __typename\n          artifactMembership(aliasName: $version) {\n            artifact {\n              id versionIndex state description metadata size fileCount digest digestAlgorithm createdAt updatedAt ttlDurationSeconds\n              artifactType { name }\n              artifactSequence { name project { name entityName } }\n              aliases { alias artifactCollection { name } }\n              createdBy { ...ArtifactCreator }\n              usedBy(first: 100) { totalCount edges { node { name displayName project { name entityName } } } }\n              files(first: 100, after: $after) { ...ArtifactFilePage }\n            }\n          }\n        }\n      }\n    }\n  }\n": types.ArtifactVersionDocument,
    "\n  query ArtifactFiles($id: ID!, $after: String) {\n    artifact(id: $id) { files(first: 100, after: $after) { ...ArtifactFilePage } }\n  }\n": types.ArtifactFilesDocument,
    "\n  mutation AddAliases($input: AddAliasesInput!) {\n    addAliases(input: $input) { success }\n  }\n": types.AddAliasesDocument,
    "\n  mutation DeleteAliases($input: DeleteAliasesInput!) {\n    deleteAliases(input: $input) { success }\n  }\n": types.DeleteAliasesDocument,
    "\n  fragment MetricRuleFields on MetricRule {\n    id name metric direction comparison threshold tolerance toleranceKind window aggregate warmupSteps\n    detectNonFinite detectFailed stallMinutes baselineFilters scope updatedAt\n  }\n": types.MetricRuleFieldsFragmentDoc,
    "\n  fragment AlertFields on Alert {\n    id title text severity kind state createdAt step value baselineValue acknowledgedAt resolvedAt snoozedUntil\n    rule { name }\n    run { name displayName }\n  }\n": types.AlertFieldsFragmentDoc,
    "\n  query ProjectAlerts($entityName: String!, $projectName: String!, $states: [AlertState!], $first: Int) {\n    project(entityName: $entityName, name: $projectName) {\n      name\n      entityName\n      viewerCanManageRules\n      metricRules { ...MetricRuleFields }\n      alerts(first: $first, states: $states) { totalCount edges { node { ...AlertFields } } }\n    }\n  }\n": types.ProjectAlertsDocument,
    "\n  mutation CreateMetricRule($input: CreateMetricRuleInput!) {\n    createMetricRule(input: $input) { rule { ...MetricRuleFields } }\n  }\n": types.CreateMetricRuleDocument,
    "\n  mutation UpdateMetricRule($input: UpdateMetricRuleInput!) {\n    updateMetricRule(input: $input) { rule { ...MetricRuleFields } }\n  }\n": types.UpdateMetricRuleDocument,
    "\n  mutation DeleteMetricRule($input: DeleteMetricRuleInput!) {\n    deleteMetricRule(input: $input) { success }\n  }\n": types.DeleteMetricRuleDocument,
    "\n  mutation AcknowledgeAlert($input: AcknowledgeAlertInput!) {\n    acknowledgeAlert(input: $input) { alert { ...AlertFields } }\n  }\n": types.AcknowledgeAlertDocument,
    "\n  mutation SnoozeAlert($input: SnoozeAlertInput!) {\n    snoozeAlert(input: $input) { alert { ...AlertFields } }\n  }\n": types.SnoozeAlertDocument,
    "\n  subscription AlertEvents($entityName: String!, $projectName: String!) {\n    alertEvents(entityName: $entityName, projectName: $projectName) { ...AlertFields }\n  }\n": types.AlertEventsDocument,
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
export function graphql(source: "\n  query Project($entityName: String!, $name: String!) {\n    project(entityName: $entityName, name: $name) {\n      id\n      name\n      entityName\n      access\n      entity { name isTeam viewerRole viewerCanAdminister }\n      baselineRun { name displayName }\n      viewerCanSetBaseline\n      viewerCanEditRuns\n    }\n  }\n"): typeof import('./graphql').ProjectDocument;
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
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ArtifactRef on Artifact {\n    id\n    versionIndex\n    state\n    artifactType { name }\n    artifactSequence { name project { name entityName } }\n    aliases { alias artifactCollection { name } }\n  }\n"): typeof import('./graphql').ArtifactRefFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RunArtifacts($entityName: String!, $projectName: String!, $name: String!) {\n    project(entityName: $entityName, name: $projectName) {\n      run(name: $name) {\n        inputArtifacts(first: 100) { edges { node { ...ArtifactRef } } }\n        outputArtifacts(first: 100) { edges { node { ...ArtifactRef } } }\n      }\n    }\n  }\n"): typeof import('./graphql').RunArtifactsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ArtifactTypes($entityName: String!, $projectName: String!) {\n    project(entityName: $entityName, name: $projectName) {\n      artifactTypes(first: 50) {\n        edges {\n          node {\n            name\n            description\n            artifactCollections(first: 100) {\n              totalCount\n              edges {\n                node {\n                  __typename name description createdAt updatedAt\n                  artifacts(first: 1) { totalCount edges { version node { createdAt } } }\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').ArtifactTypesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ArtifactProject on Project {\n    name\n    entityName\n    access\n    viewerCanWriteArtifacts\n  }\n"): typeof import('./graphql').ArtifactProjectFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ArtifactCreator on ArtifactCreator {\n    __typename\n    ... on Run { name displayName project { name entityName } }\n    ... on User { username }\n  }\n"): typeof import('./graphql').ArtifactCreatorFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ArtifactCollection($entityName: String!, $projectName: String!, $typeName: String!, $name: String!, $after: String) {\n    project(entityName: $entityName, name: $projectName) {\n      ...ArtifactProject\n      artifactType(name: $typeName) {\n        artifactCollection(name: $name) {\n          __typename id name description createdAt\n          artifacts(first: 100, after: $after) {\n            totalCount\n            pageInfo { endCursor hasNextPage }\n            edges {\n              version\n              node {\n                id versionIndex createdAt size fileCount state\n                aliases { alias artifactCollection { name } }\n                createdBy { ...ArtifactCreator }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').ArtifactCollectionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ArtifactFilePage on FileConnection {\n    totalCount\n    pageInfo { endCursor hasNextPage }\n    edges { node { id name sizeBytes digest directUrl } }\n  }\n"): typeof import('./graphql').ArtifactFilePageFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ArtifactVersion($entityName: String!, $projectName: String!, $typeName: String!, $collection: String!, $version: String!, $after: String) {\n    project(entityName: $entityName, name: $projectName) {\n      ...ArtifactProject\n      artifactType(name: $typeName) {\n        artifactCollection(name: $collection) {\n          __typename\n          artifactMembership(aliasName: $version) {\n            artifact {\n              id versionIndex state description metadata size fileCount digest digestAlgorithm createdAt updatedAt ttlDurationSeconds\n              artifactType { name }\n              artifactSequence { name project { name entityName } }\n              aliases { alias artifactCollection { name } }\n              createdBy { ...ArtifactCreator }\n              usedBy(first: 100) { totalCount edges { node { name displayName project { name entityName } } } }\n              files(first: 100, after: $after) { ...ArtifactFilePage }\n            }\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').ArtifactVersionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ArtifactFiles($id: ID!, $after: String) {\n    artifact(id: $id) { files(first: 100, after: $after) { ...ArtifactFilePage } }\n  }\n"): typeof import('./graphql').ArtifactFilesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddAliases($input: AddAliasesInput!) {\n    addAliases(input: $input) { success }\n  }\n"): typeof import('./graphql').AddAliasesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteAliases($input: DeleteAliasesInput!) {\n    deleteAliases(input: $input) { success }\n  }\n"): typeof import('./graphql').DeleteAliasesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MetricRuleFields on MetricRule {\n    id name metric direction comparison threshold tolerance toleranceKind window aggregate warmupSteps\n    detectNonFinite detectFailed stallMinutes baselineFilters scope updatedAt\n  }\n"): typeof import('./graphql').MetricRuleFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AlertFields on Alert {\n    id title text severity kind state createdAt step value baselineValue acknowledgedAt resolvedAt snoozedUntil\n    rule { name }\n    run { name displayName }\n  }\n"): typeof import('./graphql').AlertFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProjectAlerts($entityName: String!, $projectName: String!, $states: [AlertState!], $first: Int) {\n    project(entityName: $entityName, name: $projectName) {\n      name\n      entityName\n      viewerCanManageRules\n      metricRules { ...MetricRuleFields }\n      alerts(first: $first, states: $states) { totalCount edges { node { ...AlertFields } } }\n    }\n  }\n"): typeof import('./graphql').ProjectAlertsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateMetricRule($input: CreateMetricRuleInput!) {\n    createMetricRule(input: $input) { rule { ...MetricRuleFields } }\n  }\n"): typeof import('./graphql').CreateMetricRuleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateMetricRule($input: UpdateMetricRuleInput!) {\n    updateMetricRule(input: $input) { rule { ...MetricRuleFields } }\n  }\n"): typeof import('./graphql').UpdateMetricRuleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteMetricRule($input: DeleteMetricRuleInput!) {\n    deleteMetricRule(input: $input) { success }\n  }\n"): typeof import('./graphql').DeleteMetricRuleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcknowledgeAlert($input: AcknowledgeAlertInput!) {\n    acknowledgeAlert(input: $input) { alert { ...AlertFields } }\n  }\n"): typeof import('./graphql').AcknowledgeAlertDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SnoozeAlert($input: SnoozeAlertInput!) {\n    snoozeAlert(input: $input) { alert { ...AlertFields } }\n  }\n"): typeof import('./graphql').SnoozeAlertDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription AlertEvents($entityName: String!, $projectName: String!) {\n    alertEvents(entityName: $entityName, projectName: $projectName) { ...AlertFields }\n  }\n"): typeof import('./graphql').AlertEventsDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
