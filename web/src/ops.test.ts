// Every GraphQL operation the app sends is valid against the server's schema.graphql, with the
// variables it sends. codegen (npm run codegen) validates and types the documents; this checks what
// the functions of ops.ts put on the wire (no undeclared variables, the documents they really use).
import { readFileSync } from "node:fs";
import { buildSchema, parse, validate, type GraphQLSchema } from "graphql";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import * as ops from "./ops";

let schema: GraphQLSchema;
const sent: { query: string; variables: Record<string, unknown> }[] = [];

beforeAll(() => {
  schema = buildSchema(readFileSync(new URL("../../schema.graphql", import.meta.url), "utf8"));
  vi.stubGlobal("document", { cookie: "" });
  vi.stubGlobal("fetch", async (_url: string, init: { body: string }) => {
    sent.push(JSON.parse(init.body));
    return { status: 200, json: async () => ({ data: {} }) };
  });
});

afterEach(() => {
  sent.length = 0;
});

const calls: [string, () => Promise<unknown>][] = [
  ["viewer", () => ops.viewer()],
  ["entities", () => ops.entities(["alice", "team"])],
  ["project", () => ops.project("alice", "mnist")],
  ["runPage", () => ops.runPage("alice", "mnist", "{}", "-created_at", null)],
  ["runPage (next page)", () => ops.runPage("alice", "mnist", null, "+summary_metrics.acc", "cursor")],
  ["moveRuns", () => ops.moveRuns({ sourceEntityName: "a", sourceProjectName: "b", destinationEntityName: "c", destinationProjectName: "d", filters: "{}", dryRun: true })],
  ["deleteRuns", () => ops.deleteRuns("a", "b", { runNames: ["r"] })],
  ["setBaseline", () => ops.setBaseline("a", "b", "r")],
  ["updateRunTags", () => ops.updateRunTags("a", "b", { filters: "{}" }, ["t"], ["u"])],
  ["consoleLines", () => ops.consoleLines("a", "b", "r", -1, 1000)],
  ["sampledHistories", () => ops.sampledHistories("a", "b", ["r1", "r2"], ["loss", "acc"])],
  ["runDetail", () => ops.runDetail("a", "b", "r")],
  ["team", () => ops.team("t")],
  ["setProjectAccess", () => ops.setProjectAccess("t", "p", "RESTRICTED")],
  ["updateEntity", () => ops.updateEntity({ entity: "t", defaultAccess: "PRIVATE" })],
  ["createInvite", () => ops.createInvite("t", "bob", "MEMBER")],
  ["createInvite (email)", () => ops.createInvite("t", "bob@example.com", "VIEWER")],
  ["deleteInvite", () => ops.deleteInvite("id")],
  ["acceptInvite", () => ops.acceptInvite("id")],
  ["updateMember", () => ops.updateMember("t", "bob", "ADMIN")],
  ["createServiceAccount", () => ops.createServiceAccount("t", "ci")],
  ["auditEvents", () => ops.auditEvents("t")],
  ["apiKeys", () => ops.apiKeys()],
  ["generateApiKey", () => ops.generateApiKey("laptop")],
  ["deleteApiKey", () => ops.deleteApiKey("id")],
  ["setDefaultEntity", () => ops.setDefaultEntity("t")],
  ["createTeam", () => ops.createTeam("t")],
  ["compareRuns", () => ops.compareRuns("a", "b", ["summary_metrics.acc"], ["r"])],
  ["systemMetrics", () => ops.systemMetrics("a", "b", "r")],
  ["entityDefaults", () => ops.entityDefaults("alice")],
  // artifacts, metric rules and alerts
  ["runArtifacts", () => ops.runArtifacts("a", "b", "r")],
  ["artifactTypes", () => ops.artifactTypes("a", "b")],
  ["artifactCollection", () => ops.artifactCollection("a", "b", "dataset", "mnist")],
  ["artifactCollection (next page)", () => ops.artifactCollection("a", "b", "dataset", "mnist", "cursor")],
  ["artifactVersion", () => ops.artifactVersion("a", "b", "dataset", "mnist", "v0")],
  ["artifactFiles", () => ops.artifactFiles("id", "cursor")],
  ["addAlias", () => ops.addAlias("id", { entityName: "a", projectName: "b", artifactCollectionName: "mnist" }, "best")],
  ["removeAlias", () => ops.removeAlias("id", { entityName: "a", projectName: "b", artifactCollectionName: "mnist" }, "best")],
  ["projectAlerts", () => ops.projectAlerts("a", "b", ["OPEN"])],
  ["createMetricRule", () => ops.createMetricRule({ entityName: "a", projectName: "b", name: "r", metric: "loss", direction: "LOWER_IS_BETTER", comparison: "THRESHOLD", threshold: 1 })],
  ["updateMetricRule", () => ops.updateMetricRule({ entityName: "a", projectName: "b", name: "r", threshold: 2 })],
  ["deleteMetricRule", () => ops.deleteMetricRule("a", "b", "r")],
  ["acknowledgeAlert", () => ops.acknowledgeAlert("id")],
  ["snoozeAlert", () => ops.snoozeAlert("id", 60)],
];

describe("the app's GraphQL operations", () => {
  it("covers every operation ops.ts exports", () => {
    const exported = Object.entries(ops).filter(([, v]) => typeof v === "function" && v !== ops.entityNames).map(([k]) => k);
    const called = new Set(calls.map(([name]) => name.split(" ")[0]));
    expect(exported.filter((name) => !called.has(name))).toEqual([]);
  });

  it.each(calls)("%s is valid against schema.graphql", async (_name, call) => {
    await call().catch(() => undefined); // the stub answers no data; only what was sent matters
    expect(sent.length).toBeGreaterThan(0);
    for (const { query, variables } of sent) {
      const document = parse(query);
      expect(validate(schema, document).map((e) => e.message)).toEqual([]);
      const declared = new Set(
        document.definitions.flatMap((d) => ("variableDefinitions" in d ? (d.variableDefinitions ?? []).map((v) => v.variable.name.value) : [])),
      );
      expect(Object.keys(variables).filter((v) => !declared.has(v))).toEqual([]);
    }
  });
});
