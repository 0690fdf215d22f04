// The metric-rule form: what a person types, checked and turned into createMetricRule / updateMetricRule input.
import type { MetricRule } from "./ops";

export const DIRECTIONS = ["LOWER_IS_BETTER", "HIGHER_IS_BETTER"] as const;
export const COMPARISONS = ["THRESHOLD", "BASELINE_SAME_STEP", "BASELINE_FINAL", "BASELINE_BEST", "BASELINE_GROUP", "CHANGE"] as const;
export const TOLERANCE_KINDS = ["ABSOLUTE", "RELATIVE", "SIGMA"] as const;
export const AGGREGATES = ["MEAN", "MIN", "MAX"] as const;

export const COMPARISON_WORDS: Record<string, string> = {
  THRESHOLD: "a fixed threshold",
  BASELINE_SAME_STEP: "the baseline run at the same step",
  BASELINE_FINAL: "the baseline run's final value",
  BASELINE_BEST: "the baseline run's best value so far",
  BASELINE_GROUP: "the mean of a group of runs",
  CHANGE: "the run's previous window",
};

/** Every field as the form holds it: text for numbers and JSON, so half-typed input is kept. */
export interface RuleDraft {
  name: string;
  metric: string;
  direction: string;
  comparison: string;
  threshold: string;
  tolerance: string;
  toleranceKind: string;
  window: string;
  aggregate: string;
  warmupSteps: string;
  scope: string;
  baselineFilters: string;
  detectNonFinite: boolean;
  detectFailed: boolean;
  stallMinutes: string;
}

export const EMPTY_DRAFT: RuleDraft = {
  name: "", metric: "", direction: "LOWER_IS_BETTER", comparison: "THRESHOLD", threshold: "", tolerance: "0",
  toleranceKind: "ABSOLUTE", window: "1", aggregate: "MEAN", warmupSteps: "0", scope: "", baselineFilters: "",
  detectNonFinite: false, detectFailed: false, stallMinutes: "",
};

export function draftOf(rule: MetricRule): RuleDraft {
  return {
    name: rule.name, metric: rule.metric, direction: rule.direction, comparison: rule.comparison,
    threshold: rule.threshold === null ? "" : String(rule.threshold), tolerance: String(rule.tolerance),
    toleranceKind: rule.toleranceKind, window: String(rule.window), aggregate: rule.aggregate,
    warmupSteps: String(rule.warmupSteps), scope: rule.scope ?? "", baselineFilters: rule.baselineFilters ?? "",
    detectNonFinite: rule.detectNonFinite, detectFailed: rule.detectFailed,
    stallMinutes: rule.stallMinutes === null ? "" : String(rule.stallMinutes),
  };
}

type Values = {
  name: string; metric: string; direction: string; comparison: string; threshold: number | null; tolerance: number;
  toleranceKind: string; window: number; aggregate: string; warmupSteps: number; scope: string | null;
  baselineFilters: string | null; detectNonFinite: boolean; detectFailed: boolean; stallMinutes: number | null;
};

export type Checked = { ok: true; input: Record<string, unknown> } | { ok: false; error: string };

function number(text: string, label: string, { integer = false, min }: { integer?: boolean; min?: number } = {}): number {
  const trimmed = text.trim();
  const value = Number(trimmed);
  if (trimmed === "" || !Number.isFinite(value)) throw new Error(`${label}: type a number.`);
  if (integer && !Number.isInteger(value)) throw new Error(`${label}: type a whole number.`);
  if (min !== undefined && value < min) throw new Error(`${label}: at least ${min}.`);
  return value;
}

function json(text: string, label: string): string | null {
  const trimmed = text.trim();
  if (!trimmed) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(trimmed);
  } catch {
    throw new Error(`${label}: not JSON (write a filter such as {"config.dataset": "imagenet"}).`);
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) throw new Error(`${label}: a JSON object, such as {"state": "finished"}.`);
  return JSON.stringify(parsed);
}

function values(draft: RuleDraft): Values {
  const name = draft.name.trim();
  const metric = draft.metric.trim();
  if (!name) throw new Error("Rule name: type a name.");
  if (!metric) throw new Error("Metric: type a history key, such as loss.");
  if (draft.comparison === "THRESHOLD" && !draft.threshold.trim()) throw new Error("Threshold: a fixed-threshold rule needs one.");
  if (draft.comparison === "BASELINE_GROUP" && !draft.baselineFilters.trim()) throw new Error("Baseline runs: a group rule needs the filter choosing its runs.");
  return {
    name, metric, direction: draft.direction, comparison: draft.comparison,
    threshold: draft.threshold.trim() ? number(draft.threshold, "Threshold") : null,
    tolerance: number(draft.tolerance || "0", "Tolerance", { min: 0 }),
    toleranceKind: draft.toleranceKind,
    window: number(draft.window || "1", "Window", { integer: true, min: 1 }),
    aggregate: draft.aggregate,
    warmupSteps: number(draft.warmupSteps || "0", "Warm-up steps", { integer: true, min: 0 }),
    scope: json(draft.scope, "Runs checked"),
    baselineFilters: draft.comparison === "BASELINE_GROUP" ? json(draft.baselineFilters, "Baseline runs") : null,
    detectNonFinite: draft.detectNonFinite, detectFailed: draft.detectFailed,
    stallMinutes: draft.stallMinutes.trim() ? number(draft.stallMinutes, "Stall minutes", { integer: true, min: 1 }) : null,
  };
}

/** createMetricRule's input, or the first problem in words a person reads. */
export function createInput(draft: RuleDraft, entityName: string, projectName: string): Checked {
  try {
    const v = values(draft);
    const input: Record<string, unknown> = { entityName, projectName, ...v };
    for (const key of ["threshold", "scope", "baselineFilters", "stallMinutes"]) if (input[key] === null) delete input[key];
    return { ok: true, input };
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  }
}

/** updateMetricRule's input: only what changed (a rename as newName); null fields cannot be cleared this way. */
export function updateInput(draft: RuleDraft, rule: MetricRule, entityName: string, projectName: string): Checked {
  try {
    const v = values(draft);
    const before = values(draftOf(rule));
    const input: Record<string, unknown> = { entityName, projectName, name: rule.name };
    if (v.name !== rule.name) input.newName = v.name;
    for (const key of Object.keys(v) as (keyof Values)[]) {
      if (key === "name" || v[key] === before[key]) continue;
      if (v[key] !== null) input[key] = v[key];
      else if (key === "scope") input.scope = "{}"; // every run again
      else if (key === "stallMinutes") return { ok: false, error: "Stall minutes: the stall check cannot be turned off once set; delete the rule and create it again." };
      // threshold and baselineFilters left empty: the new comparison does not read them, the server keeps them.
    }
    return { ok: true, input };
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  }
}

/** One line describing a rule: "loss (lower is better) vs a fixed threshold 0.5, mean of 3". */
export function describeRule(rule: MetricRule): string {
  const parts = [`${rule.metric} (${rule.direction === "LOWER_IS_BETTER" ? "lower" : "higher"} is better) against ${COMPARISON_WORDS[rule.comparison] ?? rule.comparison}`];
  if (rule.threshold !== null) parts[0] += ` ${rule.threshold}`;
  if (rule.tolerance) parts.push(`tolerance ${rule.tolerance}${rule.toleranceKind === "RELATIVE" ? " (relative)" : rule.toleranceKind === "SIGMA" ? " σ" : ""}`);
  if (rule.window > 1) parts.push(`${rule.aggregate.toLowerCase()} of ${rule.window}`);
  if (rule.warmupSteps) parts.push(`after step ${rule.warmupSteps}`);
  return parts.join(", ");
}
