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
