import { describe, expect, it } from "vitest";
import { EMPTY_DRAFT, createInput, describeRule, draftOf, updateInput, type RuleDraft } from "./ruleForm";
import type { MetricRule } from "./ops";

const draft = (changes: Partial<RuleDraft>): RuleDraft => ({ ...EMPTY_DRAFT, ...changes });

const RULE: MetricRule = {
  id: "1", name: "loss-limit", metric: "loss", direction: "LOWER_IS_BETTER", comparison: "THRESHOLD", threshold: 0.5,
  tolerance: 0, toleranceKind: "ABSOLUTE", window: 1, aggregate: "MEAN", warmupSteps: 0, detectNonFinite: false,
  detectFailed: false, stallMinutes: null, baselineFilters: null, scope: null, updatedAt: "2026-01-01T00:00:00Z",
};

describe("the metric-rule form", () => {
  it("writes createMetricRule's input from what was typed", () => {
    expect(createInput(draft({ name: " loss-limit ", metric: "loss", threshold: "0.5" }), "e", "p")).toEqual({
      ok: true,
      input: {
        entityName: "e", projectName: "p", name: "loss-limit", metric: "loss", direction: "LOWER_IS_BETTER", comparison: "THRESHOLD",
        threshold: 0.5, tolerance: 0, toleranceKind: "ABSOLUTE", window: 1, aggregate: "MEAN", warmupSteps: 0,
        detectNonFinite: false, detectFailed: false,
      },
    });
    const group = createInput(draft({ name: "g", metric: "acc", comparison: "BASELINE_GROUP", baselineFilters: ' {"tags": "base"} ', scope: '{"config.ds":"x"}' }), "e", "p");
    expect(group.ok && group.input).toMatchObject({ baselineFilters: '{"tags":"base"}', scope: '{"config.ds":"x"}' });
    expect(group.ok && "threshold" in group.input).toBe(false);
  });

  it("names the field at fault", () => {
    expect(createInput(draft({ metric: "loss", threshold: "1" }), "e", "p")).toEqual({ ok: false, error: "Rule name: type a name." });
    expect(createInput(draft({ name: "r", threshold: "1" }), "e", "p")).toMatchObject({ error: expect.stringMatching(/^Metric/) });
    expect(createInput(draft({ name: "r", metric: "m" }), "e", "p")).toMatchObject({ error: expect.stringMatching(/^Threshold/) });
    expect(createInput(draft({ name: "r", metric: "m", threshold: "abc" }), "e", "p")).toMatchObject({ error: "Threshold: type a number." });
    expect(createInput(draft({ name: "r", metric: "m", threshold: "1", window: "1.5" }), "e", "p")).toMatchObject({ error: "Window: type a whole number." });
    expect(createInput(draft({ name: "r", metric: "m", threshold: "1", window: "0" }), "e", "p")).toMatchObject({ error: "Window: at least 1." });
    expect(createInput(draft({ name: "r", metric: "m", threshold: "1", scope: "{nope" }), "e", "p")).toMatchObject({ error: expect.stringMatching(/^Runs checked: not JSON/) });
    expect(createInput(draft({ name: "r", metric: "m", threshold: "1", scope: "[1]" }), "e", "p")).toMatchObject({ error: expect.stringMatching(/a JSON object/) });
    expect(createInput(draft({ name: "r", metric: "m", comparison: "BASELINE_GROUP" }), "e", "p")).toMatchObject({ error: expect.stringMatching(/^Baseline runs/) });
  });

  it("sends only what changed when editing, a rename as newName", () => {
    const edited = { ...draftOf(RULE), name: "loss-cap", threshold: "0.4", window: "3" };
    expect(updateInput(edited, RULE, "e", "p")).toEqual({ ok: true, input: { entityName: "e", projectName: "p", name: "loss-limit", newName: "loss-cap", threshold: 0.4, window: 3 } });
    expect(updateInput(draftOf(RULE), RULE, "e", "p")).toEqual({ ok: true, input: { entityName: "e", projectName: "p", name: "loss-limit" } });
  });

  it("clears a scope to every run and refuses to clear what the server cannot", () => {
    const scoped = { ...RULE, scope: '{"tags":"x"}', stallMinutes: 5 };
    expect(updateInput({ ...draftOf(scoped), scope: "" }, scoped, "e", "p")).toMatchObject({ ok: true, input: { scope: "{}" } });
    expect(updateInput({ ...draftOf(scoped), stallMinutes: "" }, scoped, "e", "p")).toMatchObject({ ok: false, error: expect.stringMatching(/^Stall minutes/) });
    const toBaseline = updateInput({ ...draftOf(RULE), comparison: "BASELINE_FINAL", threshold: "" }, RULE, "e", "p");
    expect(toBaseline).toEqual({ ok: true, input: { entityName: "e", projectName: "p", name: "loss-limit", comparison: "BASELINE_FINAL" } });
  });

  it("describes a rule in a line", () => {
    expect(describeRule(RULE)).toBe("loss (lower is better) against a fixed threshold 0.5");
    expect(describeRule({ ...RULE, comparison: "BASELINE_FINAL", threshold: null, tolerance: 0.1, toleranceKind: "RELATIVE", window: 5, aggregate: "MAX", warmupSteps: 10 }))
      .toBe("loss (lower is better) against the baseline run's final value, tolerance 0.1 (relative), max of 5, after step 10");
  });
});
