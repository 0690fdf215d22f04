import { describe, expect, it } from "vitest";
import { BLOCK, missingBlocks } from "./consoleBlocks";

describe("console log blocks", () => {
  it("asks for the blocks the visible lines fall in, once read not again", () => {
    expect(missingBlocks(0, 40, 100_000, new Map())).toEqual([0]);
    expect(missingBlocks(990, 1030, 100_000, new Map())).toEqual([0, 1]);
    expect(missingBlocks(990, 1030, 100_000, new Map([[0, BLOCK]]))).toEqual([1]);
    expect(missingBlocks(99_960, 99_999, 100_000, new Map())).toEqual([99]);
  });

  it("reads a block again when the log grew past what was read of it, and never past the end", () => {
    const read = new Map([[0, 500]]);
    expect(missingBlocks(480, 520, 500, read)).toEqual([]);
    expect(missingBlocks(480, 520, 530, read)).toEqual([0]);
    expect(missingBlocks(0, 40, 0, new Map())).toEqual([]);
  });
});
