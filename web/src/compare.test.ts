import { describe, expect, it } from "vitest";
import { differingKeys, lowerIsBetter, verdict } from "./compare";

const row = (key: string, value: unknown, baselineValue: unknown, difference: number | null = null) => ({
  run: { name: "r", displayName: null }, key, value, baselineValue, difference, relativeDifference: null,
});

describe("comparing with the baseline", () => {
  it("knows which metrics go down when they improve", () => {
    expect(lowerIsBetter("summary_metrics.val_loss")).toBe(true);
    expect(lowerIsBetter("summary_metrics.error")).toBe(true);
    expect(lowerIsBetter("summary_metrics.acc")).toBe(false);
  });

  it("colours a difference by the metric's direction", () => {
    expect(verdict({ key: "summary_metrics.acc", difference: 0.1 })).toBe("better");
    expect(verdict({ key: "summary_metrics.loss", difference: 0.1 })).toBe("worse");
    expect(verdict({ key: "summary_metrics.loss", difference: -0.1 })).toBe("better");
    expect(verdict({ key: "summary_metrics.acc", difference: 0 })).toBe("same");
    expect(verdict({ key: "summary_metrics.acc", difference: null })).toBeNull();
  });

  it("keeps only the config keys that differ", () => {
    const rows = [row("config.lr", 0.1, 0.1), row("config.lr", 0.1, 0.1), row("config.layers", 3, 4), row("config.opt", { a: 1 }, { a: 1 })];
    expect([...differingKeys(rows)]).toEqual(["config.layers"]);
  });
});
