import { describe, expect, it } from "vitest";
import { aliasProblem, aliasesIn, customAliases, metadataRows, useArtifactSnippet, versionName } from "./artifacts";

const rows = (pairs: [string, string | null][]) => pairs.map(([alias, c]) => ({ alias, artifactCollection: c === null ? null : { name: c } }));

describe("artifact aliases", () => {
  it("refuses what the server refuses, with a sentence", () => {
    expect(aliasProblem("production")).toBeNull();
    expect(aliasProblem("")).toBe("Type an alias.");
    expect(aliasProblem("latest")).toMatch(/reserved/);
    expect(aliasProblem("v12")).toMatch(/reserved/);
    expect(aliasProblem("v1.2")).toBeNull();
    expect(aliasProblem("a/b")).toMatch(/'\/' or ':'/);
    expect(aliasProblem("a:b")).toMatch(/'\/' or ':'/);
    expect(aliasProblem("x".repeat(129))).toMatch(/128/);
    expect(aliasProblem("best", ["best"])).toMatch(/already/);
  });

  it("lists a version's aliases in its collection, vN and latest first", () => {
    const aliases = rows([["zeta", "ds"], ["latest", "ds"], ["best", "ds"], ["v3", "ds"], ["prod", "portfolio"]]);
    expect(aliasesIn(aliases, "ds")).toEqual(["v3", "latest", "best", "zeta"]);
    expect(customAliases(aliases, "ds")).toEqual(["best", "zeta"]);
    expect(customAliases(aliases, "portfolio")).toEqual(["prod"]);
  });
});

describe("artifact details", () => {
  it("names versions and reads metadata", () => {
    expect(versionName("dataset", 3)).toBe("dataset:v3");
    expect(versionName("dataset", null)).toBe("dataset:pending");
    expect(metadataRows('{"rows": 2, "a": {"b": [1]}, "s": "text"}')).toEqual([["a", '{"b":[1]}'], ["rows", "2"], ["s", "text"]]);
    expect(metadataRows(null)).toEqual([]);
    expect(metadataRows("not json")).toEqual([["(metadata)", "not json"]]);
    expect(metadataRows("[1,2]")).toEqual([["(metadata)", "[1,2]"]]);
    expect(useArtifactSnippet("e", "p", "ds", "v1")).toBe('run.use_artifact("e/p/ds:v1")');
  });
});
