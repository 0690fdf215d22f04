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

/** Where a version lives: its sequence, type and project (which may differ from the run's). */
export interface ArtifactRef {
  id: string;
  versionIndex: number | null;
  state: string;
  artifactType: { name: string };
  artifactSequence: { name: string; project: { name: string; entityName: string } | null };
  aliases: { alias: string; artifactCollection: { name: string } | null }[];
}
const ARTIFACT_REF = "id versionIndex state artifactType { name } artifactSequence { name project { name entityName } } aliases { alias artifactCollection { name } }";

export async function runArtifacts(entityName: string, projectName: string, name: string): Promise<{ inputs: ArtifactRef[]; outputs: ArtifactRef[] } | null> {
  type Page = { edges: { node: ArtifactRef }[] };
  const data = await gql<{ project: { run: { inputArtifacts: Page; outputArtifacts: Page } | null } | null }>(
    `query RunArtifacts($entityName: String!, $projectName: String!, $name: String!) {
      project(entityName: $entityName, name: $projectName) { run(name: $name) {
        inputArtifacts(first: 100) { edges { node { ${ARTIFACT_REF} } } }
        outputArtifacts(first: 100) { edges { node { ${ARTIFACT_REF} } } } } } }`,
    { entityName, projectName, name },
  );
  const run = data.project?.run;
  return run ? { inputs: run.inputArtifacts.edges.map((e) => e.node), outputs: run.outputArtifacts.edges.map((e) => e.node) } : null;
}

export interface CollectionSummary {
  __typename: string;
  name: string;
  description: string | null;
  createdAt: string;
  updatedAt: string | null;
  artifacts: { totalCount: number; edges: { version: string; node: { createdAt: string } }[] };
}
export interface ArtifactTypeSummary {
  name: string;
  description: string | null;
  artifactCollections: { totalCount: number; edges: { node: CollectionSummary }[] };
}

export async function artifactTypes(entityName: string, projectName: string): Promise<ArtifactTypeSummary[] | null> {
  const data = await gql<{ project: { artifactTypes: { edges: { node: ArtifactTypeSummary }[] } } | null }>(
    `query ArtifactTypes($entityName: String!, $projectName: String!) {
      project(entityName: $entityName, name: $projectName) { artifactTypes(first: 50) { edges { node { name description
        artifactCollections(first: 100) { totalCount edges { node { __typename name description createdAt updatedAt
          artifacts(first: 1) { totalCount edges { version node { createdAt } } } } } } } } } } }`,
    { entityName, projectName },
  );
  return data.project ? data.project.artifactTypes.edges.map((e) => e.node) : null;
}

/** Whoever may log runs to the project may alias its artifacts: members with write access, or anyone of an OPEN project. */
export interface ArtifactProject {
  name: string;
  entityName: string;
  access: string;
  viewerCanSetBaseline: boolean;
}
const ARTIFACT_PROJECT = "name entityName access viewerCanSetBaseline";

export interface VersionRow {
  version: string;
  node: {
    id: string;
    versionIndex: number | null;
    createdAt: string;
    size: number;
    fileCount: number;
    state: string;
    aliases: { alias: string; artifactCollection: { name: string } | null }[];
    createdBy: ArtifactCreator | null;
  };
}
export type ArtifactCreator = { __typename: "Run"; name: string; displayName: string | null; project: { name: string; entityName: string } | null } | { __typename: "User"; username: string };
const CREATOR = "createdBy { __typename ... on Run { name displayName project { name entityName } } ... on User { username } }";

export interface CollectionPage {
  project: ArtifactProject;
  collection: {
    __typename: string;
    id: string;
    name: string;
    description: string | null;
    createdAt: string;
    artifacts: { totalCount: number; pageInfo: { endCursor: string | null; hasNextPage: boolean }; edges: VersionRow[] };
  } | null;
}

export async function artifactCollection(entityName: string, projectName: string, typeName: string, name: string, after: string | null = null): Promise<CollectionPage | null> {
  const data = await gql<{ project: (ArtifactProject & { artifactType: { artifactCollection: CollectionPage["collection"] } | null }) | null }>(
    `query ArtifactCollection($entityName: String!, $projectName: String!, $typeName: String!, $name: String!, $after: String) {
      project(entityName: $entityName, name: $projectName) { ${ARTIFACT_PROJECT}
        artifactType(name: $typeName) { artifactCollection(name: $name) { __typename id name description createdAt
          artifacts(first: 100, after: $after) { totalCount pageInfo { endCursor hasNextPage }
            edges { version node { id versionIndex createdAt size fileCount state aliases { alias artifactCollection { name } } ${CREATOR} } } } } } } }`,
    { entityName, projectName, typeName, name, after },
  );
  if (!data.project) return null;
  const { artifactType, ...project } = data.project;
  return { project, collection: artifactType?.artifactCollection ?? null };
}

export interface ArtifactFile {
  id: string;
  name: string;
  sizeBytes: number;
  digest: string | null;
  directUrl: string;
}
export interface ArtifactDetail {
  id: string;
  versionIndex: number | null;
  state: string;
  description: string | null;
  metadata: string | null;
  size: number;
  fileCount: number;
  digest: string;
  digestAlgorithm: string;
  createdAt: string;
  updatedAt: string | null;
  ttlDurationSeconds: number;
  artifactType: { name: string };
  artifactSequence: { name: string; project: { name: string; entityName: string } | null };
  aliases: { alias: string; artifactCollection: { name: string } | null }[];
  createdBy: ArtifactCreator | null;
  usedBy: { totalCount: number | null; edges: { node: { name: string; displayName: string | null; project: { name: string; entityName: string } | null } }[] };
  files: ArtifactFilePage;
}
export interface ArtifactFilePage {
  totalCount: number | null;
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
  edges: { node: ArtifactFile }[];
}
const FILES = "files(first: 100, after: $after) { totalCount pageInfo { endCursor hasNextPage } edges { node { id name sizeBytes digest directUrl } } }";

export async function artifactVersion(entityName: string, projectName: string, typeName: string, collection: string, version: string): Promise<{ project: ArtifactProject; collectionType: string | null; artifact: ArtifactDetail | null } | null> {
  type Raw = ArtifactProject & { artifactType: { artifactCollection: { __typename: string; artifactMembership: { artifact: ArtifactDetail | null } | null } | null } | null };
  const data = await gql<{ project: Raw | null }>(
    `query ArtifactVersion($entityName: String!, $projectName: String!, $typeName: String!, $collection: String!, $version: String!, $after: String) {
      project(entityName: $entityName, name: $projectName) { ${ARTIFACT_PROJECT}
        artifactType(name: $typeName) { artifactCollection(name: $collection) { __typename artifactMembership(aliasName: $version) { artifact {
          id versionIndex state description metadata size fileCount digest digestAlgorithm createdAt updatedAt ttlDurationSeconds
          artifactType { name } artifactSequence { name project { name entityName } } aliases { alias artifactCollection { name } } ${CREATOR}
          usedBy(first: 100) { totalCount edges { node { name displayName project { name entityName } } } }
          ${FILES} } } } } } }`,
    { entityName, projectName, typeName, collection, version, after: null },
  );
  if (!data.project) return null;
  const { artifactType, ...project } = data.project;
  const found = artifactType?.artifactCollection;
  return { project, collectionType: found?.__typename ?? null, artifact: found?.artifactMembership?.artifact ?? null };
}

export async function artifactFiles(id: string, after: string): Promise<ArtifactFilePage> {
  const data = await gql<{ artifact: { files: ArtifactFilePage } | null }>(
    `query ArtifactFiles($id: ID!, $after: String) { artifact(id: $id) { ${FILES} } }`,
    { id, after },
  );
  if (!data.artifact) throw new Error("the artifact is gone");
  return data.artifact.files;
}

export interface AliasTarget {
  entityName: string;
  projectName: string;
  artifactCollectionName: string;
}

export async function addAlias(artifactID: string, target: AliasTarget, alias: string): Promise<void> {
  await gql(`mutation AddAliases($input: AddAliasesInput!) { addAliases(input: $input) { success } }`, {
    input: { artifactID, aliases: [{ ...target, alias }] },
  });
}

export async function removeAlias(artifactID: string, target: AliasTarget, alias: string): Promise<void> {
  await gql(`mutation DeleteAliases($input: DeleteAliasesInput!) { deleteAliases(input: $input) { success } }`, {
    input: { artifactID, aliases: [{ ...target, alias }] },
  });
}

export interface MetricRule {
  id: string;
  name: string;
  metric: string;
  direction: string;
  comparison: string;
  threshold: number | null;
  tolerance: number;
  toleranceKind: string;
  window: number;
  aggregate: string;
  warmupSteps: number;
  detectNonFinite: boolean;
  detectFailed: boolean;
  stallMinutes: number | null;
  baselineFilters: string | null;
  scope: string | null;
  updatedAt: string;
}
const RULE = "id name metric direction comparison threshold tolerance toleranceKind window aggregate warmupSteps detectNonFinite detectFailed stallMinutes baselineFilters scope updatedAt";

export interface Alert {
  id: string;
  title: string;
  text: string;
  severity: string;
  kind: string;
  state: string;
  createdAt: string;
  step: number | null;
  value: number | null;
  baselineValue: number | null;
  acknowledgedAt: string | null;
  resolvedAt: string | null;
  snoozedUntil: string | null;
  rule: { name: string } | null;
  run: { name: string; displayName: string | null } | null;
}
export const ALERT = "id title text severity kind state createdAt step value baselineValue acknowledgedAt resolvedAt snoozedUntil rule { name } run { name displayName }";

export interface AlertsPage {
  name: string;
  entityName: string;
  viewerCanSetBaseline: boolean;
  metricRules: MetricRule[];
  alerts: { totalCount: number | null; edges: { node: Alert }[] };
}

/** The project's rules and its newest alerts (states null: every state). */
export async function projectAlerts(entityName: string, projectName: string, states: string[] | null, first = 50): Promise<AlertsPage | null> {
  return (
    await gql<{ project: AlertsPage | null }>(
      `query ProjectAlerts($entityName: String!, $projectName: String!, $states: [AlertState!], $first: Int) {
        project(entityName: $entityName, name: $projectName) { name entityName viewerCanSetBaseline metricRules { ${RULE} }
          alerts(first: $first, states: $states) { totalCount edges { node { ${ALERT} } } } } }`,
      { entityName, projectName, states, first },
    )
  ).project;
}

export async function createMetricRule(input: Record<string, unknown>): Promise<MetricRule> {
  return (
    await gql<{ createMetricRule: { rule: MetricRule } }>(`mutation CreateMetricRule($input: CreateMetricRuleInput!) { createMetricRule(input: $input) { rule { ${RULE} } } }`, { input })
  ).createMetricRule.rule;
}

export async function updateMetricRule(input: Record<string, unknown>): Promise<MetricRule> {
  return (
    await gql<{ updateMetricRule: { rule: MetricRule } }>(`mutation UpdateMetricRule($input: UpdateMetricRuleInput!) { updateMetricRule(input: $input) { rule { ${RULE} } } }`, { input })
  ).updateMetricRule.rule;
}

export async function deleteMetricRule(entityName: string, projectName: string, name: string): Promise<void> {
  await gql(`mutation DeleteMetricRule($input: DeleteMetricRuleInput!) { deleteMetricRule(input: $input) { success } }`, { input: { entityName, projectName, name } });
}

export async function acknowledgeAlert(id: string): Promise<Alert> {
  return (await gql<{ acknowledgeAlert: { alert: Alert } }>(`mutation AcknowledgeAlert($input: AcknowledgeAlertInput!) { acknowledgeAlert(input: $input) { alert { ${ALERT} } } }`, { input: { id } }))
    .acknowledgeAlert.alert;
}

export async function snoozeAlert(id: string, minutes: number): Promise<Alert> {
  return (await gql<{ snoozeAlert: { alert: Alert } }>(`mutation SnoozeAlert($input: SnoozeAlertInput!) { snoozeAlert(input: $input) { alert { ${ALERT} } } }`, { input: { id, minutes } }))
    .snoozeAlert.alert;
}

/** The alertEvents subscription (graphql-transport-ws over a WebSocket on /graphql); liveAlerts.ts sends it. */
export const ALERT_EVENTS = `subscription AlertEvents($entityName: String!, $projectName: String!) {
  alertEvents(entityName: $entityName, projectName: $projectName) { ${ALERT} } }`;
