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
