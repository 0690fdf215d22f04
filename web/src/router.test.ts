import { describe, expect, it } from "vitest";
import { artifactCollectionPath, artifactVersionPath, parseRoute, projectPath, runPath, safeNext } from "./router";

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

  it("reads the artifact and alert paths", () => {
    expect(parseRoute("/e/p/artifacts", "")).toEqual({ page: "project", entity: "e", project: "p", view: "artifacts" });
    expect(parseRoute("/e/p/artifacts/dataset", "")).toMatchObject({ page: "project", view: "artifacts" });
    expect(parseRoute("/e/p", "?view=artifacts")).toMatchObject({ page: "project", view: "artifacts" });
    expect(parseRoute("/e/p", "?view=alerts")).toMatchObject({ page: "project", view: "alerts" });
    expect(parseRoute("/e/p/alerts", "")).toMatchObject({ page: "project", view: "alerts" });
    expect(parseRoute("/e/p", "?view=nonsense")).toMatchObject({ view: "workspace" });
    expect(parseRoute("/e/p/artifacts/dataset/mnist.csv", "")).toEqual({ page: "artifactCollection", entity: "e", project: "p", type: "dataset", collection: "mnist.csv" });
    expect(parseRoute("/e/p/artifacts/model/net/v3", "")).toEqual({ page: "artifactVersion", entity: "e", project: "p", type: "model", collection: "net", version: "v3" });
    expect(parseRoute("/e/p/artifacts/model/net/best/files", "")).toMatchObject({ page: "artifactVersion", version: "best" });
    expect(parseRoute("/e/p/artifacts/model/net/v3/files/extra", "")).toEqual({ page: "missing" });
    expect(parseRoute("/e/p/alerts/x", "")).toEqual({ page: "missing" });
  });

  it("writes them back", () => {
    expect(artifactCollectionPath("e", "p", "data set", "mnist.csv")).toBe("/e/p/artifacts/data%20set/mnist.csv");
    expect(artifactVersionPath("e", "p", "model", "net", "v1.0 rc")).toBe("/e/p/artifacts/model/net/v1.0%20rc");
    expect(parseRoute(artifactVersionPath("e", "p", "model", "n/et", "a b"), "")).toMatchObject({ collection: "n/et", version: "a b" });
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
