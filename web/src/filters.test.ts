import { describe, expect, it } from "vitest";
import { addClause, buildFilter, clauseDocument, excluding, literal, parseFilterText } from "./filters";

describe("filter builder -> filter language", () => {
  it("writes equality and comparisons as MongoDB-style documents", () => {
    expect(clauseDocument({ key: "state", op: "=", value: "finished" })).toEqual({ state: "finished" });
    expect(clauseDocument({ key: "config.lr", op: ">", value: "0.01" })).toEqual({ "config.lr": { $gt: 0.01 } });
    expect(clauseDocument({ key: "summary_metrics.acc", op: "<=", value: "1e-3" })).toEqual({ "summary_metrics.acc": { $lte: 0.001 } });
    expect(clauseDocument({ key: "displayName", op: "!=", value: "x" })).toEqual({ displayName: { $ne: "x" } });
  });

  it("escapes the text of a contains clause", () => {
    expect(clauseDocument({ key: "displayName", op: "contains", value: "a.b(" })).toEqual({ displayName: { $regex: "a\\.b\\(" } });
  });

  it("refuses a range over text and a clause without key", () => {
    expect(() => clauseDocument({ key: "config.lr", op: ">", value: "big" })).toThrow(/needs a number/);
    expect(() => clauseDocument({ key: " ", op: "=", value: "1" })).toThrow(/needs a key/);
  });

  it("types literals: numbers, booleans, the rest as typed", () => {
    expect(literal("3")).toBe(3);
    expect(literal("-2.5e3")).toBe(-2500);
    expect(literal("true")).toBe(true);
    expect(literal("3 apples")).toBe("3 apples");
    expect(literal("")).toBe("");
  });

  it("joins clauses with $and, flattening, and gives null for none", () => {
    expect(buildFilter([])).toBeNull();
    expect(buildFilter([{ key: "state", op: "=", value: "running" }])).toEqual({ state: "running" });
    const text = addClause(JSON.stringify({ $and: [{ a: 1 }, { b: 2 }] }), { key: "c", op: ">", value: "3" });
    expect(JSON.parse(text)).toEqual({ $and: [{ a: 1 }, { b: 2 }, { c: { $gt: 3 } }] });
    expect(JSON.parse(addClause("", { key: "c", op: "=", value: "x" }))).toEqual({ c: "x" });
  });

  it("reads the typed filter box and names what is wrong", () => {
    expect(parseFilterText("  ")).toEqual({ ok: true, value: null });
    expect(parseFilterText('{"state": "finished"}')).toEqual({ ok: true, value: { state: "finished" } });
    const bad = parseFilterText("{state:");
    expect(bad.ok).toBe(false);
    expect(parseFilterText("[1]")).toEqual({ ok: false, error: "the filter must be a JSON object" });
  });

  it("selects everything matching except unticked runs", () => {
    expect(excluding(null, [])).toEqual({});
    expect(excluding({ state: "finished" }, ["a", "b"])).toEqual({ $and: [{ state: "finished" }, { name: { $nin: ["a", "b"] } }] });
    expect(excluding(null, ["a"])).toEqual({ name: { $nin: ["a"] } });
  });
});
