import { describe, expect, it } from "vitest";
import { parseRoute, projectPath, runPath, safeNext } from "./router";

describe("the app's URLs", () => {
  it("reads the W&B-style paths", () => {
    expect(parseRoute("/", "")).toEqual({ page: "home" });
    expect(parseRoute("/login", "?next=%2Fa%2Fb")).toEqual({ page: "login", next: "/a/b" });
    expect(parseRoute("/settings", "")).toEqual({ page: "settings" });
    expect(parseRoute("/teams/example-team", "")).toEqual({ page: "team", team: "example-team" });
    expect(parseRoute("/example-team", "")).toEqual({ page: "entity", entity: "example-team" });
    expect(parseRoute("/example-team/mnist", "?workspace=user-alice")).toEqual({ page: "project", entity: "example-team", project: "mnist", view: "workspace" });
    expect(parseRoute("/example-team/mnist", "?view=table")).toMatchObject({ view: "table" });
    expect(parseRoute("/example-team/mnist/table", "")).toMatchObject({ page: "project", view: "table" });
    expect(parseRoute("/example-team/mnist/runs", "")).toMatchObject({ page: "project", view: "table" });
    expect(parseRoute("/example-team/mnist/runs/abc/files", "")).toMatchObject({ page: "run", run: "abc" });
    expect(parseRoute("/example-team/mnist/sweeps", "")).toEqual({ page: "missing" });
    expect(parseRoute("/example-team/mnist/runs/abc", "")).toEqual({ page: "run", entity: "example-team", project: "mnist", run: "abc" });
  });

  it("writes them back", () => {
    expect(projectPath("a b", "c", "compare")).toBe("/a%20b/c?view=compare");
    expect(projectPath("a", "c", "workspace")).toBe("/a/c");
    expect(runPath("a", "c", "r/1")).toBe("/a/c/runs/r%2F1");
  });

  it("sends a person back only to this site after signing in", () => {
    expect(safeNext("/a/b?view=table")).toBe("/a/b?view=table");
    expect(safeNext("//evil.example")).toBe("/");
    expect(safeNext("/\\evil.example")).toBe("/");
    expect(safeNext("https://evil.example")).toBe("/");
    expect(safeNext(null)).toBe("/");
  });
});
