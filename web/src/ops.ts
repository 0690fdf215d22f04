// Every GraphQL operation the app sends, written with `graphql(...)`: `npm run codegen` validates
// each one against schema.graphql and generates its result and variables types into src/gql/,
// so a field the schema lacks, or a wrong variable, fails `npm test` (see codegen.ts).

import { gql } from "./api";
import { graphql } from "./gql";
import type * as G from "./gql/graphql";
import type { RunRow } from "./tableState";

export type Access = "PRIVATE" | "RESTRICTED" | "USER_READ" | "USER_WRITE";
export type TeamRole = G.TeamRole;
export const ACCESS_WORDS: Record<string, string> = {
  PRIVATE: "PRIVATE",
  RESTRICTED: "RESTRICTED",
  USER_READ: "PUBLIC",
  USER_WRITE: "OPEN",
};
export const WRITE_ROLES = ["ADMIN", "MEMBER", "SERVICE"];

const VIEWER = graphql(`
  query Viewer {
    viewer {
      id
      username
      fullName
      email
      admin
      defaultEntity { name }
      teams { edges { node { name } } }
      pendingInvites { id entityName role fromUser { username } }
    }
  }
`);
export type Viewer = NonNullable<G.ViewerQuery["viewer"]>;
export type Invite = Viewer["pendingInvites"][number];

export async function viewer(): Promise<Viewer | null> {
  return (await gql(VIEWER)).viewer;
}

export function entityNames(v: Viewer): string[] {
  return [v.username, ...v.teams.edges.map((e) => e.node.name)];
}

const ENTITY_PAGE = graphql(`
  query EntityPage($name: String!) {
    entity(name: $name) {
      name
      isTeam
      viewerRole
      viewerCanAdminister
      projects(first: 100) { edges { node { name entityName access updatedAt runCount } } }
    }
  }
`);
export type EntityPage = NonNullable<G.EntityPageQuery["entity"]>;
export type ProjectSummary = EntityPage["projects"]["edges"][number]["node"];

/** Each entity's page (null where missing or not visible), one request each, at once. */
export async function entities(names: string[]): Promise<(EntityPage | null)[]> {
  return Promise.all(names.map(async (name) => (await gql(ENTITY_PAGE, { name })).entity));
}

const PROJECT = graphql(`
  query Project($entityName: String!, $name: String!) {
    project(entityName: $entityName, name: $name) {
      id
      name
      entityName
      access
      entity { name isTeam viewerRole viewerCanAdminister }
      baselineRun { name displayName }
      viewerCanSetBaseline
      viewerCanEditRuns
    }
  }
`);
export type ProjectInfo = NonNullable<G.ProjectQuery["project"]>;

export async function project(entityName: string, name: string): Promise<ProjectInfo | null> {
  return (await gql(PROJECT, { entityName, name })).project;
}

const RUNS = graphql(`
  query Runs($entityName: String!, $name: String!, $filters: JSONString, $order: String, $after: String, $first: Int, $withCount: Boolean!) {
    project(entityName: $entityName, name: $name) {
      runCount(filters: $filters) @include(if: $withCount)
      runs(filters: $filters, order: $order, after: $after, first: $first) {
        pageInfo { endCursor hasNextPage }
        edges {
          node { id name displayName state createdAt heartbeatAt group jobType user { username } config summaryMetrics tags }
        }
      }
    }
  }
`);

export interface RunPage {
  runs: RunRow[];
  totalCount: number | null; // asked with the first page only
  endCursor: string | null;
  hasNextPage: boolean;
}

export async function runPage(entityName: string, name: string, filters: string | null, order: string, after: string | null, first = 100): Promise<RunPage> {
  const data = await gql(RUNS, { entityName, name, filters, order, after, first, withCount: after === null });
  if (!data.project) throw new Error("project not found");
  const runs = data.project.runs;
  return {
    runs: runs.edges.map(({ node }) => ({ ...node, config: JSON.parse(node.config), summary: JSON.parse(node.summaryMetrics) })),
    totalCount: data.project.runCount ?? null,
    endCursor: runs.pageInfo.endCursor,
    hasNextPage: runs.pageInfo.hasNextPage,
  };
}

export type MoveInput = G.MoveRunsInput;

const MOVE_RUNS = graphql(`
  mutation MoveRuns($input: MoveRunsInput!) {
    moveRuns(input: $input) { movedCount dryRun runs { name } }
  }
`);

export async function moveRuns(input: MoveInput): Promise<{ movedCount: number; runs: { name: string }[] }> {
  return (await gql(MOVE_RUNS, { input })).moveRuns;
}

export type RunSelectionInput = { runNames: string[] } | { filters: string };

const DELETE_RUNS = graphql(`
  mutation DeleteRuns($input: DeleteRunsInput!) {
    deleteRuns(input: $input) { deletedCount }
  }
`);

export async function deleteRuns(entityName: string, projectName: string, selection: RunSelectionInput): Promise<number> {
  return (await gql(DELETE_RUNS, { input: { entityName, projectName, ...selection } })).deleteRuns.deletedCount;
}

const UPDATE_RUN_TAGS = graphql(`
  mutation UpdateRunTags($input: UpdateRunTagsInput!) {
    updateRunTags(input: $input) { matchedCount updatedCount }
  }
`);

/** Add and remove tags on the selected runs (by name, or every run matching a filter), all or none. */
export async function updateRunTags(entityName: string, projectName: string, selection: RunSelectionInput,
  addTags: string[], removeTags: string[]): Promise<{ matchedCount: number; updatedCount: number }> {
  return (await gql(UPDATE_RUN_TAGS, { input: { entityName, projectName, ...selection, addTags, removeTags } })).updateRunTags;
}

const SET_BASELINE = graphql(`
  mutation SetBaseline($input: SetProjectBaselineInput!) {
    setProjectBaseline(input: $input) { project { id } }
  }
`);

export async function setBaseline(entityName: string, projectName: string, runName: string | null): Promise<void> {
  await gql(SET_BASELINE, { input: { entityName, projectName, runName } });
}

export type HistoryPoint = Record<string, number | string | null>;

const SAMPLED_HISTORY = graphql(`
  query SampledHistory($entityName: String!, $projectName: String!, $filters: JSONString!, $first: Int!, $specs: [JSONString!]!) {
    project(entityName: $entityName, name: $projectName) {
      runs(filters: $filters, first: $first) { edges { node { name sampledHistory(specs: $specs) } } }
    }
  }
`);

/** Server-sampled history of several runs, one list per metric per run, in one request. */
export async function sampledHistories(entityName: string, projectName: string, runNames: string[], metrics: string[], samples = 500,
  keys: string[][] = metrics.map((m) => [m])): Promise<Record<string, HistoryPoint[][]>> {
  if (runNames.length === 0 || metrics.length === 0) return {};
  const specs = keys.map((k) => JSON.stringify({ keys: k, samples }));
  const filters = JSON.stringify({ name: { $in: runNames } });
  const data = await gql(SAMPLED_HISTORY, { entityName, projectName, filters, first: runNames.length, specs });
  const result: Record<string, HistoryPoint[][]> = {};
  for (const { node } of data.project?.runs.edges ?? []) result[node.name] = node.sampledHistory as HistoryPoint[][];
  return result;
}

const RUN_DETAIL = graphql(`
  query RunPage($entityName: String!, $projectName: String!, $name: String!) {
    project(entityName: $entityName, name: $projectName) {
      run(name: $name) {
        id name displayName state user { username } serviceAccount { username } host program commit gitRemote exitCode
        createdAt heartbeatAt config summaryMetrics tags notes historyKeys logLineCount
        alerts { id title text severity createdAt }
        files(first: 100) { edges { node { name sizeBytes directUrl updatedAt } } }
      }
    }
  }
`);
export type HistoryKeys = { lastStep?: number; keys?: Record<string, { typeCounts: { type: string; count: number }[] }> };
export type RunDetail = Omit<NonNullable<NonNullable<G.RunPageQuery["project"]>["run"]>, "historyKeys"> & { historyKeys: HistoryKeys };

export async function runDetail(entityName: string, projectName: string, name: string): Promise<RunDetail | null> {
  const data = await gql(RUN_DETAIL, { entityName, projectName, name });
  const run = data.project?.run;
  return run ? { ...run, historyKeys: (run.historyKeys ?? {}) as HistoryKeys } : null;
}

const CONSOLE_LINES = graphql(`
  query ConsoleLines($entityName: String!, $projectName: String!, $name: String!, $after: Int, $first: Int) {
    project(entityName: $entityName, name: $projectName) {
      run(name: $name) { state logLineCount consoleLines(after: $after, first: $first) { offset text } }
    }
  }
`);
export type ConsoleLine = NonNullable<NonNullable<G.ConsoleLinesQuery["project"]>["run"]>["consoleLines"][number];
export interface ConsolePage {
  state: string;
  lineCount: number;
  lines: ConsoleLine[];
}

/** Up to `first` console lines after line offset `after` (-1: from the start), with the run's state and line count. */
export async function consoleLines(entityName: string, projectName: string, name: string, after: number, first: number): Promise<ConsolePage | null> {
  const run = (await gql(CONSOLE_LINES, { entityName, projectName, name, after, first })).project?.run;
  return run ? { state: run.state, lineCount: run.logLineCount, lines: run.consoleLines } : null;
}

const TEAM = graphql(`
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
      ... on Team { membersCanInvite }
      members { id role pending email username name accountType apiKey createdAt }
      projects(first: 100) { edges { node { name entityName access updatedAt runCount } } }
    }
  }
`);
export type TeamPage = NonNullable<G.TeamQuery["entity"]> & { membersCanInvite?: boolean | null };
export type Member = TeamPage["members"][number];

export async function team(name: string): Promise<TeamPage | null> {
  return (await gql(TEAM, { name })).entity;
}

const SET_ACCESS = graphql(`
  mutation SetAccess($input: UpsertModelInput!) {
    upsertModel(input: $input) { project { access } }
  }
`);

export async function setProjectAccess(entityName: string, name: string, access: string): Promise<string> {
  const project = (await gql(SET_ACCESS, { input: { entityName, name, access } })).upsertModel?.project;
  if (!project) throw new Error(`project ${entityName}/${name} not found`);
  return project.access;
}

const UPDATE_ENTITY = graphql(`
  mutation UpdateEntity($input: UpdateEntityInput!) {
    updateEntity(input: $input) { entity { name } }
  }
`);

export async function updateEntity(input: G.UpdateEntityInput): Promise<void> {
  await gql(UPDATE_ENTITY, { input });
}

const INVITE = graphql(`
  mutation Invite($input: CreateInviteInput!) {
    createInvite(input: $input) { invite { id } }
  }
`);

/** `role`: ADMIN, MEMBER or VIEWER (the server refuses other words by name). */
export async function createInvite(entityName: string, who: string, role: string): Promise<void> {
  const teamRole = role as TeamRole;
  const input = who.includes("@") ? { entityName, email: who, role: teamRole } : { entityName, username: who, role: teamRole };
  await gql(INVITE, { input });
}

const DELETE_INVITE = graphql(`
  mutation DeleteInvite($input: DeleteInviteInput!) {
    deleteInvite(input: $input) { success }
  }
`);

export async function deleteInvite(id: string): Promise<void> {
  await gql(DELETE_INVITE, { input: { id } });
}

const ACCEPT_INVITE = graphql(`
  mutation AcceptInvite($input: AcceptInviteInput!) {
    acceptInvite(input: $input) { role }
  }
`);

export async function acceptInvite(id: string): Promise<void> {
  await gql(ACCEPT_INVITE, { input: { id } });
}

const UPDATE_MEMBER = graphql(`
  mutation UpdateMember($input: UpdateMemberInput!) {
    updateMember(input: $input) { member { role } }
  }
`);

export async function updateMember(entityName: string, username: string, role: string): Promise<void> {
  await gql(UPDATE_MEMBER, { input: { entityName, username, role: role as TeamRole } });
}

const CREATE_SERVICE_ACCOUNT = graphql(`
  mutation CreateServiceAccount($input: CreateServiceAccountInput!) {
    createServiceAccount(input: $input) { user { id } }
  }
`);

export async function createServiceAccount(entityName: string, description: string): Promise<void> {
  await gql(CREATE_SERVICE_ACCOUNT, { input: { entityName, description } });
}

const AUDIT = graphql(`
  query Audit($entityName: String!) {
    auditEvents(entityName: $entityName, first: 50) { edges { node { id action actorUsername createdAt targetType } } }
  }
`);
export type AuditEvent = G.AuditQuery["auditEvents"]["edges"][number]["node"];

export async function auditEvents(entityName: string): Promise<AuditEvent[]> {
  return (await gql(AUDIT, { entityName })).auditEvents.edges.map((e) => e.node);
}

const API_KEYS = graphql(`
  query ApiKeys {
    viewer { id apiKeys { edges { node { id name description createdAt lastUsedAt revoked } } } }
  }
`);
export type ApiKey = NonNullable<G.ApiKeysQuery["viewer"]>["apiKeys"]["edges"][number]["node"];

export async function apiKeys(): Promise<ApiKey[]> {
  return (await gql(API_KEYS)).viewer?.apiKeys.edges.map((e) => e.node) ?? [];
}

const GENERATE_API_KEY = graphql(`
  mutation GenerateApiKey($input: GenerateApiKeyInput!) {
    generateApiKey(input: $input) { secret }
  }
`);

export async function generateApiKey(description: string): Promise<string> {
  return (await gql(GENERATE_API_KEY, { input: { description } })).generateApiKey.secret;
}

const DELETE_API_KEY = graphql(`
  mutation DeleteApiKey($input: DeleteApiKeyInput!) {
    deleteApiKey(input: $input) { success }
  }
`);

export async function deleteApiKey(id: string): Promise<void> {
  await gql(DELETE_API_KEY, { input: { id } });
}

const SET_DEFAULT_ENTITY = graphql(`
  mutation SetDefaultEntity($input: UpdateUserInput!) {
    updateUser(input: $input) { user { id } }
  }
`);

export async function setDefaultEntity(defaultEntity: string): Promise<void> {
  await gql(SET_DEFAULT_ENTITY, { input: { defaultEntity } });
}

const CREATE_TEAM = graphql(`
  mutation CreateTeam($input: CreateTeamInput!) {
    createTeam(input: $input) { entity { name } }
  }
`);

export async function createTeam(teamName: string): Promise<void> {
  await gql(CREATE_TEAM, { input: { teamName } });
}

const COMPARE = graphql(`
  query Compare($entityName: String!, $projectName: String!, $keys: [String!]!, $runNames: [String!]) {
    compareRuns(entityName: $entityName, projectName: $projectName, keys: $keys, runNames: $runNames) {
      baseline { name displayName }
      rows { run { name displayName } key value baselineValue difference relativeDifference }
    }
  }
`);
export type Comparison = G.CompareQuery["compareRuns"];
export type ComparisonRow = Comparison["rows"][number];

export async function compareRuns(entityName: string, projectName: string, keys: string[], runNames: string[]): Promise<Comparison> {
  return (await gql(COMPARE, { entityName, projectName, keys, runNames })).compareRuns;
}

const SYSTEM_METRICS = graphql(`
  query SystemMetrics($entityName: String!, $projectName: String!, $name: String!, $samples: Int) {
    project(entityName: $entityName, name: $projectName) { run(name: $name) { events(samples: $samples) } }
  }
`);

/** The run's system metrics (CPU, memory, GPU ...), sampled by the server, as parsed rows. */
export async function systemMetrics(entityName: string, projectName: string, name: string, samples = 500): Promise<HistoryPoint[]> {
  const data = await gql(SYSTEM_METRICS, { entityName, projectName, name, samples });
  return (data.project?.run?.events ?? []).map((line) => JSON.parse(line) as HistoryPoint);
}

const ENTITY_DEFAULTS = graphql(`
  query EntityDefaults($name: String!) {
    entity(name: $name) { defaultAccess codeSavingEnabled }
  }
`);

export async function entityDefaults(name: string): Promise<{ defaultAccess: string; codeSavingEnabled: boolean } | null> {
  return (await gql(ENTITY_DEFAULTS, { name })).entity;
}

// --- Artifacts, metric rules and alerts ---------------------------------------------------------
// The fields several operations share are GraphQL fragments, spread with `...Name`; codegen appends
// each fragment's definition to the documents that use it.

graphql(`
  fragment ArtifactRef on Artifact {
    id
    versionIndex
    state
    artifactType { name }
    artifactSequence { name project { name entityName } }
    aliases { alias artifactCollection { name } }
  }
`);
/** Where a version lives: its sequence, type and project (which may differ from the run's). */
export type ArtifactRef = G.ArtifactRefFragment;

const RUN_ARTIFACTS = graphql(`
  query RunArtifacts($entityName: String!, $projectName: String!, $name: String!) {
    project(entityName: $entityName, name: $projectName) {
      run(name: $name) {
        inputArtifacts(first: 100) { edges { node { ...ArtifactRef } } }
        outputArtifacts(first: 100) { edges { node { ...ArtifactRef } } }
      }
    }
  }
`);

export async function runArtifacts(entityName: string, projectName: string, name: string): Promise<{ inputs: ArtifactRef[]; outputs: ArtifactRef[] } | null> {
  const run = (await gql(RUN_ARTIFACTS, { entityName, projectName, name })).project?.run;
  return run ? { inputs: run.inputArtifacts.edges.map((e) => e.node), outputs: run.outputArtifacts.edges.map((e) => e.node) } : null;
}

const ARTIFACT_TYPES = graphql(`
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
                  __typename name description createdAt updatedAt
                  artifacts(first: 1) { totalCount edges { version node { createdAt } } }
                }
              }
            }
          }
        }
      }
    }
  }
`);
export type ArtifactTypeSummary = NonNullable<G.ArtifactTypesQuery["project"]>["artifactTypes"]["edges"][number]["node"];
export type CollectionSummary = ArtifactTypeSummary["artifactCollections"]["edges"][number]["node"];

export async function artifactTypes(entityName: string, projectName: string): Promise<ArtifactTypeSummary[] | null> {
  const data = await gql(ARTIFACT_TYPES, { entityName, projectName });
  return data.project ? data.project.artifactTypes.edges.map((e) => e.node) : null;
}

graphql(`
  fragment ArtifactProject on Project {
    name
    entityName
    access
    viewerCanWriteArtifacts
  }
`);
/** Whoever may log runs to the project may alias its artifacts: members with write access, or anyone of an OPEN project. */
export type ArtifactProject = G.ArtifactProjectFragment;

graphql(`
  fragment ArtifactCreator on ArtifactCreator {
    __typename
    ... on Run { name displayName project { name entityName } }
    ... on User { username }
  }
`);
export type ArtifactCreator = G.ArtifactCreatorFragment;

const ARTIFACT_COLLECTION = graphql(`
  query ArtifactCollection($entityName: String!, $projectName: String!, $typeName: String!, $name: String!, $after: String) {
    project(entityName: $entityName, name: $projectName) {
      ...ArtifactProject
      artifactType(name: $typeName) {
        artifactCollection(name: $name) {
          __typename id name description createdAt
          artifacts(first: 100, after: $after) {
            totalCount
            pageInfo { endCursor hasNextPage }
            edges {
              version
              node {
                id versionIndex createdAt size fileCount state
                aliases { alias artifactCollection { name } }
                createdBy { ...ArtifactCreator }
              }
            }
          }
        }
      }
    }
  }
`);
type CollectionFound = NonNullable<NonNullable<NonNullable<G.ArtifactCollectionQuery["project"]>["artifactType"]>["artifactCollection"]>;
export type VersionRow = CollectionFound["artifacts"]["edges"][number];

export interface CollectionPage {
  project: ArtifactProject;
  collection: CollectionFound | null;
}

export async function artifactCollection(entityName: string, projectName: string, typeName: string, name: string, after: string | null = null): Promise<CollectionPage | null> {
  const data = await gql(ARTIFACT_COLLECTION, { entityName, projectName, typeName, name, after });
  if (!data.project) return null;
  const { artifactType, ...project } = data.project;
  return { project, collection: artifactType?.artifactCollection ?? null };
}

graphql(`
  fragment ArtifactFilePage on FileConnection {
    totalCount
    pageInfo { endCursor hasNextPage }
    edges { node { id name sizeBytes digest directUrl } }
  }
`);
export type ArtifactFilePage = G.ArtifactFilePageFragment;
export type ArtifactFile = ArtifactFilePage["edges"][number]["node"];

const ARTIFACT_VERSION = graphql(`
  query ArtifactVersion($entityName: String!, $projectName: String!, $typeName: String!, $collection: String!, $version: String!, $after: String) {
    project(entityName: $entityName, name: $projectName) {
      ...ArtifactProject
      artifactType(name: $typeName) {
        artifactCollection(name: $collection) {
          __typename
          artifactMembership(aliasName: $version) {
            artifact {
              id versionIndex state description metadata size fileCount digest digestAlgorithm createdAt updatedAt ttlDurationSeconds
              artifactType { name }
              artifactSequence { name project { name entityName } }
              aliases { alias artifactCollection { name } }
              createdBy { ...ArtifactCreator }
              usedBy(first: 100) { totalCount edges { node { name displayName project { name entityName } } } }
              files(first: 100, after: $after) { ...ArtifactFilePage }
            }
          }
        }
      }
    }
  }
`);
export type ArtifactDetail = NonNullable<
  NonNullable<NonNullable<NonNullable<NonNullable<G.ArtifactVersionQuery["project"]>["artifactType"]>["artifactCollection"]>["artifactMembership"]>["artifact"]
>;

export async function artifactVersion(entityName: string, projectName: string, typeName: string, collection: string, version: string): Promise<{ project: ArtifactProject; collectionType: string | null; artifact: ArtifactDetail | null } | null> {
  const data = await gql(ARTIFACT_VERSION, { entityName, projectName, typeName, collection, version, after: null });
  if (!data.project) return null;
  const { artifactType, ...project } = data.project;
  const found = artifactType?.artifactCollection;
  return { project, collectionType: found?.__typename ?? null, artifact: found?.artifactMembership?.artifact ?? null };
}

const ARTIFACT_FILES = graphql(`
  query ArtifactFiles($id: ID!, $after: String) {
    artifact(id: $id) { files(first: 100, after: $after) { ...ArtifactFilePage } }
  }
`);

export async function artifactFiles(id: string, after: string): Promise<ArtifactFilePage> {
  const data = await gql(ARTIFACT_FILES, { id, after });
  if (!data.artifact) throw new Error("the artifact is gone");
  return data.artifact.files;
}

export interface AliasTarget {
  entityName: string;
  projectName: string;
  artifactCollectionName: string;
}

const ADD_ALIASES = graphql(`
  mutation AddAliases($input: AddAliasesInput!) {
    addAliases(input: $input) { success }
  }
`);

export async function addAlias(artifactID: string, target: AliasTarget, alias: string): Promise<void> {
  await gql(ADD_ALIASES, { input: { artifactID, aliases: [{ ...target, alias }] } });
}

const DELETE_ALIASES = graphql(`
  mutation DeleteAliases($input: DeleteAliasesInput!) {
    deleteAliases(input: $input) { success }
  }
`);

export async function removeAlias(artifactID: string, target: AliasTarget, alias: string): Promise<void> {
  await gql(DELETE_ALIASES, { input: { artifactID, aliases: [{ ...target, alias }] } });
}

graphql(`
  fragment MetricRuleFields on MetricRule {
    id name metric direction comparison threshold tolerance toleranceKind window aggregate warmupSteps
    detectNonFinite detectFailed stallMinutes baselineFilters scope updatedAt
  }
`);
export type MetricRule = G.MetricRuleFieldsFragment;
export type CreateMetricRuleInput = G.CreateMetricRuleInput;
export type UpdateMetricRuleInput = G.UpdateMetricRuleInput;

graphql(`
  fragment AlertFields on Alert {
    id title text severity kind state createdAt step value baselineValue acknowledgedAt resolvedAt snoozedUntil
    rule { name }
    run { name displayName }
  }
`);
export type Alert = G.AlertFieldsFragment;
export type AlertState = G.AlertState;

const PROJECT_ALERTS = graphql(`
  query ProjectAlerts($entityName: String!, $projectName: String!, $states: [AlertState!], $first: Int) {
    project(entityName: $entityName, name: $projectName) {
      name
      entityName
      viewerCanManageRules
      metricRules { ...MetricRuleFields }
      alerts(first: $first, states: $states) { totalCount edges { node { ...AlertFields } } }
    }
  }
`);
export type AlertsPage = NonNullable<G.ProjectAlertsQuery["project"]>;

/** The project's rules and its newest alerts (states null: every state). */
export async function projectAlerts(entityName: string, projectName: string, states: AlertState[] | null, first = 50): Promise<AlertsPage | null> {
  return (await gql(PROJECT_ALERTS, { entityName, projectName, states, first })).project;
}

const CREATE_METRIC_RULE = graphql(`
  mutation CreateMetricRule($input: CreateMetricRuleInput!) {
    createMetricRule(input: $input) { rule { ...MetricRuleFields } }
  }
`);

export async function createMetricRule(input: CreateMetricRuleInput): Promise<MetricRule> {
  return (await gql(CREATE_METRIC_RULE, { input })).createMetricRule.rule;
}

const UPDATE_METRIC_RULE = graphql(`
  mutation UpdateMetricRule($input: UpdateMetricRuleInput!) {
    updateMetricRule(input: $input) { rule { ...MetricRuleFields } }
  }
`);

export async function updateMetricRule(input: UpdateMetricRuleInput): Promise<MetricRule> {
  return (await gql(UPDATE_METRIC_RULE, { input })).updateMetricRule.rule;
}

const DELETE_METRIC_RULE = graphql(`
  mutation DeleteMetricRule($input: DeleteMetricRuleInput!) {
    deleteMetricRule(input: $input) { success }
  }
`);

export async function deleteMetricRule(entityName: string, projectName: string, name: string): Promise<void> {
  await gql(DELETE_METRIC_RULE, { input: { entityName, projectName, name } });
}

const ACKNOWLEDGE_ALERT = graphql(`
  mutation AcknowledgeAlert($input: AcknowledgeAlertInput!) {
    acknowledgeAlert(input: $input) { alert { ...AlertFields } }
  }
`);

export async function acknowledgeAlert(id: string): Promise<Alert> {
  return (await gql(ACKNOWLEDGE_ALERT, { input: { id } })).acknowledgeAlert.alert;
}

const SNOOZE_ALERT = graphql(`
  mutation SnoozeAlert($input: SnoozeAlertInput!) {
    snoozeAlert(input: $input) { alert { ...AlertFields } }
  }
`);

export async function snoozeAlert(id: string, minutes: number): Promise<Alert> {
  return (await gql(SNOOZE_ALERT, { input: { id, minutes } })).snoozeAlert.alert;
}

/**
 * The alertEvents subscription (graphql-transport-ws over a WebSocket on /graphql); liveAlerts.ts
 * sends its text (`ALERT_EVENTS.toString()`, the fragment's definition included).
 */
export const ALERT_EVENTS = graphql(`
  subscription AlertEvents($entityName: String!, $projectName: String!) {
    alertEvents(entityName: $entityName, projectName: $projectName) { ...AlertFields }
  }
`);
