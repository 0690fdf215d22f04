// Compare runs with the baseline: which keys to show and whether a difference is better or worse.

import type { ComparisonRow } from "./ops";

/** Lower is better for losses and errors; higher for everything else (accuracy, reward, ...). */
export function lowerIsBetter(key: string): boolean {
  return /(loss|error|err|perplexity|mse|mae|rmse|latency|time|wer|cer)$/i.test(key.replace(/^summary_metrics\./, ""));
}

export function verdict(row: Pick<ComparisonRow, "key" | "difference">): "better" | "worse" | "same" | null {
  if (row.difference === null || row.difference === undefined) return null;
  if (row.difference === 0) return "same";
  const up = row.difference > 0;
  return up !== lowerIsBetter(row.key) ? "better" : "worse";
}

/** Config keys where some run's value differs from the baseline's (compared as JSON). */
export function differingKeys(rows: ComparisonRow[]): Set<string> {
  const keys = new Set<string>();
  for (const row of rows) if (JSON.stringify(row.value) !== JSON.stringify(row.baselineValue)) keys.add(row.key);
  return keys;
}
