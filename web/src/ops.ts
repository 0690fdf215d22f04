// Typed GraphQL operations against schema.graphql (each result type mirrors its selection).

import { gql } from "./api";
import type { RunRow } from "./tableState";

export type Access = "PRIVATE" | "RESTRICTED" | "USER_READ" | "USER_WRITE";
export const ACCESS_WORDS: Record<string, string> = {
  PRIVATE: "PRIVATE",
  RESTRICTED: "RESTRICTED",
  USER_READ: "PUBLIC",
  USER_WRITE: "OPEN",
};
export const WRITE_ROLES = ["ADMIN", "MEMBER", "SERVICE"];

export interface Invite {
  id: string;
  entityName: string;
  role: string;
  fromUser: { username: string } | null;
}
export interface ApiKey {
  id: string;
  name: string;
  description: string | null;
  createdAt: string;
  lastUsedAt: string | null;
  revoked: boolean;
}
export interface Viewer {
  id: string;
  username: string;
  fullName: string;
  email: string | null;
  admin: boolean;
  defaultEntity: { name: string } | null;
  teams: { edges: { node: { name: string } }[] };
  pendingInvites: Invite[];
}

const VIEWER = `query Viewer { viewer { id username fullName email admin defaultEntity { name }
  teams { edges { node { name } } } pendingInvites { id entityName role fromUser { username } } } }`;

export async function viewer(): Promise<Viewer | null> {
  return (await gql<{ viewer: Viewer | null }>(VIEWER)).viewer;
}

export function entityNames(v: Viewer): string[] {
  return [v.username, ...v.teams.edges.map((e) => e.node.name)];
}

export interface ProjectSummary {
  name: string;
  entityName: string;
  access: string;
  updatedAt: string;
  runCount: number;
}
export interface EntityPage {
  name: string;
  isTeam: boolean;
  viewerRole: string | null;
  viewerCanAdminister: boolean;
  projects: { edges: { node: ProjectSummary }[] };
}

const PROJECT_SUMMARY = "name entityName access updatedAt runCount";

export async function entities(names: string[]): Promise<(EntityPage | null)[]> {
  if (names.length === 0) return [];
  const vars = names.map((_, i) => `$n${i}: String!`).join(", ");
  const fields = names
    .map((_, i) => `e${i}: entity(name: $n${i}) { name isTeam viewerRole viewerCanAdminister projects(first: 100) { edges { node { ${PROJECT_SUMMARY} } } } }`)
    .join("\n");
  const data = await gql<Record<string, EntityPage | null>>(`query Entities(${vars}) { ${fields} }`, Object.fromEntries(names.map((n, i) => [`n${i}`, n])));
  return names.map((_, i) => data[`e${i}`]);
}

export interface ProjectInfo {
  id: string;
  name: string;
  entityName: string;
  access: string;
  entity: { name: string; isTeam: boolean; viewerRole: string | null; viewerCanAdminister: boolean };
  baselineRun: { name: string; displayName: string | null } | null;
  viewerCanSetBaseline: boolean;
}

export async function project(entityName: string, name: string): Promise<ProjectInfo | null> {
  return (
    await gql<{ project: ProjectInfo | null }>(
      `query Project($entityName: String!, $name: String!) { project(entityName: $entityName, name: $name) {
        id name entityName access entity { name isTeam viewerRole viewerCanAdminister }
        baselineRun { name displayName } viewerCanSetBaseline } }`,
      { entityName, name },
    )
  ).project;
}

interface RawRun {
  heartbeatAt: string;
  group: string | null;
  jobType: string | null;
  id: string;
  name: string;
  displayName: string | null;
  state: string;
  createdAt: string;
  user: { username: string } | null;
  config: string;
  summaryMetrics: string;
  tags: string[];
}

export interface RunPage {
  runs: RunRow[];
  totalCount: number | null; // asked with the first page only
  endCursor: string | null;
  hasNextPage: boolean;
}

export async function runPage(entityName: string, name: string, filters: string | null, order: string, after: string | null, first = 100): Promise<RunPage> {
  type Raw = { runCount?: number; runs: { pageInfo: { endCursor: string | null; hasNextPage: boolean }; edges: { node: RawRun }[] } };
  const data = await gql<{ project: Raw | null }>(
    `query Runs($entityName: String!, $name: String!, $filters: JSONString, $order: String, $after: String, $first: Int, $withCount: Boolean!) {
      project(entityName: $entityName, name: $name) {
        runCount(filters: $filters) @include(if: $withCount)
        runs(filters: $filters, order: $order, after: $after, first: $first) {
          pageInfo { endCursor hasNextPage }
          edges { node { id name displayName state createdAt heartbeatAt group jobType user { username } config summaryMetrics tags } } } } }`,
    { entityName, name, filters, order, after, first, withCount: after === null },
  );
  if (!data.project) throw new Error("project not found");
  const runs = data.project.runs;
  return {
    runs: runs.edges.map(({ node }) => ({ ...node, config: JSON.parse(node.config), summary: JSON.parse(node.summaryMetrics) })),
    totalCount: data.project.runCount ?? null,
    endCursor: runs.pageInfo.endCursor,
    hasNextPage: runs.pageInfo.hasNextPage,
  };
}

export interface MoveInput {
  sourceEntityName: string;
  sourceProjectName: string;
  destinationEntityName: string;
  destinationProjectName: string;
  runNames?: string[];
  filters?: string;
  dryRun: boolean;
  createDestinationProject?: boolean;
}

export async function moveRuns(input: MoveInput): Promise<{ movedCount: number; runs: { name: string }[] }> {
  return (
    await gql<{ moveRuns: { movedCount: number; runs: { name: string }[] } }>(
      `mutation MoveRuns($input: MoveRunsInput!) { moveRuns(input: $input) { movedCount dryRun runs { name } } }`,
      { input },
    )
  ).moveRuns;
}

export async function deleteRuns(entityName: string, projectName: string, selection: { runNames: string[] } | { filters: string }): Promise<number> {
  return (
    await gql<{ deleteRuns: { deletedCount: number } }>(
      `mutation DeleteRuns($input: DeleteRunsInput!) { deleteRuns(input: $input) { deletedCount } }`,
      { input: { entityName, projectName, ...selection } },
    )
  ).deleteRuns.deletedCount;
}

export async function setBaseline(entityName: string, projectName: string, runName: string | null): Promise<void> {
  await gql(`mutation SetBaseline($input: SetProjectBaselineInput!) { setProjectBaseline(input: $input) { project { id } } }`, {
    input: { entityName, projectName, runName },
  });
}

export async function setTags(entityName: string, projectName: string, runName: string, tags: string[]): Promise<void> {
  await gql(`mutation SetTags($input: UpsertBucketInput!) { upsertBucket(input: $input) { bucket { id tags } } }`, {
    input: { entityName, modelName: projectName, name: runName, tags },
  });
}

export type HistoryPoint = Record<string, number | string | null>;

/** Server-sampled history of several runs, one list per metric per run, in one request. */
export async function sampledHistories(entityName: string, projectName: string, runNames: string[], metrics: string[], samples = 500,
  keys: string[][] = metrics.map((m) => [m])): Promise<Record<string, HistoryPoint[][]>> {
  if (runNames.length === 0 || metrics.length === 0) return {};
  const specs = keys.map((k) => JSON.stringify({ keys: k, samples }));
  const vars = runNames.map((_, i) => `$r${i}: String!`).join(", ");
  const fields = runNames.map((_, i) => `r${i}: run(name: $r${i}) { sampledHistory(specs: $specs) }`).join("\n");
  const data = await gql<{ project: Record<string, { sampledHistory: HistoryPoint[][] } | null> | null }>(
    `query SampledHistory($entityName: String!, $projectName: String!, $specs: [JSONString!]!, ${vars}) {
      project(entityName: $entityName, name: $projectName) { ${fields} } }`,
    { entityName, projectName, specs, ...Object.fromEntries(runNames.map((n, i) => [`r${i}`, n])) },
  );
  const result: Record<string, HistoryPoint[][]> = {};
  runNames.forEach((name, i) => {
    const run = data.project?.[`r${i}`];
    if (run) result[name] = run.sampledHistory;
  });
  return result;
}

export interface RunDetail {
  id: string;
  name: string;
  displayName: string | null;
  state: string;
  user: { username: string } | null;
  serviceAccount: { username: string } | null;
  host: string | null;
  program: string | null;
  commit: string | null;
  gitRemote: string | null;
  exitCode: number | null;
  createdAt: string;
  heartbeatAt: string;
  config: string;
  summaryMetrics: string;
  tags: string[];
  notes: string | null;
  historyKeys: { lastStep?: number; keys?: Record<string, { typeCounts: { type: string; count: number }[] }> };
  alerts: { id: string; title: string; text: string; severity: string; createdAt: string }[];
  files: { edges: { node: { name: string; sizeBytes: number; directUrl: string; updatedAt: string | null } }[] };
}

export async function runDetail(entityName: string, projectName: string, name: string): Promise<RunDetail | null> {
  const data = await gql<{ project: { run: RunDetail | null } | null }>(
    `query RunPage($entityName: String!, $projectName: String!, $name: String!) {
      project(entityName: $entityName, name: $projectName) { run(name: $name) {
        id name displayName state user { username } serviceAccount { username } host program commit gitRemote exitCode
        createdAt heartbeatAt config summaryMetrics tags notes historyKeys
        alerts { id title text severity createdAt }
        files(first: 100) { edges { node { name sizeBytes directUrl updatedAt } } } } } }`,
    { entityName, projectName, name },
  );
  return data.project?.run ?? null;
}

export interface Member {
  id: string;
  role: string;
  pending: boolean;
  email: string | null;
  username: string | null;
  name: string;
  accountType: string | null;
  apiKey: string | null;
  createdAt: string;
}
export interface TeamPage extends EntityPage {
  viewerCanInvite: boolean;
  defaultAccess: string;
  codeSavingEnabled: boolean;
  storageRegion: string;
  membersCanInvite?: boolean;
  members: Member[];
}

export async function team(name: string): Promise<TeamPage | null> {
  return (
    await gql<{ entity: TeamPage | null }>(
      `query Team($name: String!) { entity(name: $name) { name isTeam viewerRole viewerCanAdminister viewerCanInvite
        defaultAccess codeSavingEnabled storageRegion ... on Team { membersCanInvite }
        members { id role pending email username name accountType apiKey createdAt }
        projects(first: 100) { edges { node { ${PROJECT_SUMMARY} } } } } }`,
      { name },
    )
  ).entity;
}

export async function setProjectAccess(entityName: string, name: string, access: string): Promise<string> {
  return (
    await gql<{ upsertModel: { project: { access: string } } }>(
      `mutation SetAccess($input: UpsertModelInput!) { upsertModel(input: $input) { project { access } } }`,
      { input: { entityName, name, access } },
    )
  ).upsertModel.project.access;
}

export async function updateEntity(input: Record<string, unknown>): Promise<void> {
  await gql(`mutation UpdateEntity($input: UpdateEntityInput!) { updateEntity(input: $input) { entity { name } } }`, { input });
}

export async function createInvite(entityName: string, who: string, role: string): Promise<void> {
  const input = who.includes("@") ? { entityName, email: who, role } : { entityName, username: who, role };
  await gql(`mutation Invite($input: CreateInviteInput!) { createInvite(input: $input) { invite { id } } }`, { input });
}

export async function deleteInvite(id: string): Promise<void> {
  await gql(`mutation DeleteInvite($input: DeleteInviteInput!) { deleteInvite(input: $input) { success } }`, { input: { id } });
}

export async function acceptInvite(id: string): Promise<void> {
  await gql(`mutation AcceptInvite($input: AcceptInviteInput!) { acceptInvite(input: $input) { role } }`, { input: { id } });
}

export async function updateMember(entityName: string, username: string, role: string): Promise<void> {
  await gql(`mutation UpdateMember($input: UpdateMemberInput!) { updateMember(input: $input) { member { role } } }`, {
    input: { entityName, username, role },
  });
}

export async function createServiceAccount(entityName: string, description: string): Promise<void> {
  await gql(`mutation CreateServiceAccount($input: CreateServiceAccountInput!) { createServiceAccount(input: $input) { user { id } } }`, {
    input: { entityName, description },
  });
}

export async function auditEvents(entityName: string): Promise<{ id: string; action: string; actorUsername: string | null; createdAt: string; targetType: string | null }[]> {
  const data = await gql<{ auditEvents: { edges: { node: { id: string; action: string; actorUsername: string | null; createdAt: string; targetType: string | null } }[] } }>(
    `query Audit($entityName: String!) { auditEvents(entityName: $entityName, first: 50) { edges { node { id action actorUsername createdAt targetType } } } }`,
    { entityName },
  );
  return data.auditEvents.edges.map((e) => e.node);
}

export async function apiKeys(): Promise<ApiKey[]> {
  const data = await gql<{ viewer: { apiKeys: { edges: { node: ApiKey }[] } } | null }>(
    `query ApiKeys { viewer { id apiKeys { edges { node { id name description createdAt lastUsedAt revoked } } } } }`,
  );
  return data.viewer?.apiKeys.edges.map((e) => e.node) ?? [];
}

export async function generateApiKey(description: string): Promise<string> {
  return (
    await gql<{ generateApiKey: { secret: string } }>(
      `mutation GenerateApiKey($input: GenerateApiKeyInput!) { generateApiKey(input: $input) { secret } }`,
      { input: { description } },
    )
  ).generateApiKey.secret;
}

export async function deleteApiKey(id: string): Promise<void> {
  await gql(`mutation DeleteApiKey($input: DeleteApiKeyInput!) { deleteApiKey(input: $input) { success } }`, { input: { id } });
}

export async function setDefaultEntity(defaultEntity: string): Promise<void> {
  await gql(`mutation SetDefaultEntity($input: UpdateUserInput!) { updateUser(input: $input) { user { id } } }`, { input: { defaultEntity } });
}

export async function createTeam(teamName: string): Promise<void> {
  await gql(`mutation CreateTeam($input: CreateTeamInput!) { createTeam(input: $input) { entity { name } } }`, { input: { teamName } });
}

export interface ComparisonRow {
  run: { name: string; displayName: string | null };
  key: string;
  value: unknown;
  baselineValue: unknown;
  difference: number | null;
  relativeDifference: number | null;
}

export async function compareRuns(entityName: string, projectName: string, keys: string[], runNames: string[]): Promise<{ baseline: { name: string; displayName: string | null }; rows: ComparisonRow[] }> {
  return (
    await gql<{ compareRuns: { baseline: { name: string; displayName: string | null }; rows: ComparisonRow[] } }>(
      `query Compare($entityName: String!, $projectName: String!, $keys: [String!]!, $runNames: [String!]) {
        compareRuns(entityName: $entityName, projectName: $projectName, keys: $keys, runNames: $runNames) {
          baseline { name displayName } rows { run { name displayName } key value baselineValue difference relativeDifference } } }`,
      { entityName, projectName, keys, runNames },
    )
  ).compareRuns;
}

/** The run's system metrics (CPU, memory, GPU ...), sampled by the server, as parsed rows. */
export async function systemMetrics(entityName: string, projectName: string, name: string, samples = 500): Promise<HistoryPoint[]> {
  const data = await gql<{ project: { run: { events: string[] } | null } | null }>(
    `query SystemMetrics($entityName: String!, $projectName: String!, $name: String!, $samples: Int) {
      project(entityName: $entityName, name: $projectName) { run(name: $name) { events(samples: $samples) } } }`,
    { entityName, projectName, name, samples },
  );
  return (data.project?.run?.events ?? []).map((line) => JSON.parse(line) as HistoryPoint);
}

export async function entityDefaults(name: string): Promise<{ defaultAccess: string; codeSavingEnabled: boolean } | null> {
  return (
    await gql<{ entity: { defaultAccess: string; codeSavingEnabled: boolean } | null }>(
      `query EntityDefaults($name: String!) { entity(name: $name) { defaultAccess codeSavingEnabled } }`,
      { name },
    )
  ).entity;
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
