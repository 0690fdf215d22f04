import { describe, expect, it } from "vitest";
import {
  EMPTY_LAYOUT, EVERYTHING, NOTHING, cellValue, formatValue, isSelected, keyColumns, moveColumn, nextOrder, selectedCount,
  parseTagList, selectionInput, sortDirection, tagsOfSelection, toggle, toggleHidden, togglePinned, visibleColumns, type RunRow,
} from "./tableState";

const run = (name: string, config: Record<string, unknown>, summary: Record<string, unknown>): RunRow => ({
  id: name, name, displayName: name, state: "finished", createdAt: "2026-01-01T00:00:00Z", user: { username: "alice" }, config, summary, tags: [],
});

describe("runs table state", () => {
  it("makes a column of every config and summary key, leaving wandb's own out", () => {
    const runs = [run("a", { lr: { value: 0.1 }, _wandb: { value: {} } }, { loss: 1, _step: 3 }), run("b", { batch: { value: 8 } }, { acc: 0.5 })];
    expect(keyColumns(runs).map((c) => c.key)).toEqual(["config.batch", "config.lr", "summary_metrics.acc", "summary_metrics.loss"]);
    expect(cellValue(runs[0], "config.lr")).toBe(0.1);
    expect(cellValue(runs[0], "summary_metrics.loss")).toBe(1);
    expect(cellValue(runs[1], "config.lr")).toBeUndefined();
    expect(cellValue(runs[0], "username")).toBe("alice");
  });

  it("formats values for cells", () => {
    expect(formatValue(0.123456)).toBe("0.1235");
    expect(formatValue(3)).toBe("3");
    expect(formatValue(undefined)).toBe("");
    expect(formatValue([1, 2])).toBe("[1,2]");
  });

  it("cycles a column's sort: ascending, descending, back to newest first", () => {
    expect(nextOrder("-created_at", "summary_metrics.acc")).toBe("+summary_metrics.acc");
    expect(nextOrder("+summary_metrics.acc", "summary_metrics.acc")).toBe("-summary_metrics.acc");
    expect(nextOrder("-summary_metrics.acc", "summary_metrics.acc")).toBe("-created_at");
    expect(sortDirection("-x", "x")).toBe("descending");
    expect(sortDirection("-x", "y")).toBe("none");
  });

  it("hides, pins and reorders columns", () => {
    const all = ["a", "b", "c", "d"].map((key) => ({ key, label: key }));
    let layout = toggleHidden(EMPTY_LAYOUT, "b");
    expect(visibleColumns(all, layout).map((c) => c.key)).toEqual(["a", "c", "d"]);
    layout = moveColumn(all, layout, "d", -1);
    expect(visibleColumns(all, layout).map((c) => c.key)).toEqual(["a", "d", "c"]);
    layout = togglePinned(layout, "c");
    expect(visibleColumns(all, layout).map((c) => c.key)).toEqual(["c", "a", "d"]);
    expect(moveColumn(all, EMPTY_LAYOUT, "a", -1)).toBe(EMPTY_LAYOUT);
    layout = toggleHidden(layout, "b");
    expect(visibleColumns(all, layout).map((c) => c.key)).toContain("b");
  });

  it("selects runs one by one, or all matching the filter minus the unticked", () => {
    let selection = toggle(toggle(NOTHING, "a"), "b");
    expect(isSelected(selection, "a")).toBe(true);
    expect(selectedCount(selection, 100)).toBe(2);
    expect(selectionInput(selection, { state: "finished" })).toEqual({ runNames: ["a", "b"] });
    selection = toggle(EVERYTHING, "c");
    expect(isSelected(selection, "a")).toBe(true);
    expect(isSelected(selection, "c")).toBe(false);
    expect(selectedCount(selection, 100)).toBe(99);
    expect(selectionInput(EVERYTHING, null)).toEqual({ filters: "{}" });
    expect(JSON.parse((selectionInput(selection, { state: "finished" }) as { filters: string }).filters)).toEqual({
      $and: [{ state: "finished" }, { name: { $nin: ["c"] } }],
    });
  });
});

describe("tag editing", () => {
  it("reads a comma-separated list: trimmed, no empties, no repeats", () => {
    expect(parseTagList(" best, baseline ,,best,  ")).toEqual(["best", "baseline"]);
    expect(parseTagList("")).toEqual([]);
  });

  it("lists the tags of the selected loaded runs, also under select-all", () => {
    const row = (name: string, tags: string[]) => ({ id: name, name, displayName: null, state: "finished", createdAt: "", user: null, config: {}, summary: {}, tags });
    const rows = [row("a", ["x", "y"]), row("b", ["z"]), row("c", ["w"])];
    expect(tagsOfSelection(toggle(NOTHING, "a"), rows)).toEqual(["x", "y"]);
    expect(tagsOfSelection(toggle(EVERYTHING, "b"), rows)).toEqual(["w", "x", "y"]);
  });
});
