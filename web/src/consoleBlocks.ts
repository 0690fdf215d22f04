// The console log's paging: lines are read in blocks of BLOCK offsets, as the visible range needs them.

export const BLOCK = 1000; // lines a request reads: the server's default page

/** The blocks holding visible lines [first, last] that are not read up to where the log (lineCount) now reaches. */
export function missingBlocks(first: number, last: number, lineCount: number, loadedUpTo: ReadonlyMap<number, number>): number[] {
  const blocks: number[] = [];
  if (last < first || lineCount === 0) return blocks;
  for (let block = Math.floor(first / BLOCK); block <= Math.floor(Math.min(last, lineCount - 1) / BLOCK); block++) {
    const wanted = Math.min((block + 1) * BLOCK, lineCount);
    if ((loadedUpTo.get(block) ?? block * BLOCK) < wanted) blocks.push(block);
  }
  return blocks;
}
