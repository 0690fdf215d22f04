import { useEffect, useLayoutEffect, useMemo, useReducer, useRef, useState } from "preact/hooks";
import { Virtualizer, elementScroll, observeElementOffset, observeElementRect } from "@tanstack/virtual-core";
import { consoleLines } from "../ops";
import { BLOCK, missingBlocks } from "../consoleBlocks";
import { Failure } from "../util";

const LINE_HEIGHT = 18;
const POLL_MS = 2000;

/**
 * The run's console log as file_stream stored it, read in blocks of lines by offset (consoleLines)
 * and drawn virtualized: only the lines in view are in the DOM, so 100,000 lines scroll as fast as 100.
 * While the run is running it polls for new lines and, with "Follow the log" on, keeps the tail in view.
 */
export function ConsoleLog({ entity, project, run, state, lineCount: initialCount }: {
  entity: string; project: string; run: string; state: string; lineCount: number;
}) {
  const lines = useRef(new Map<number, string>());
  const loadedUpTo = useRef(new Map<number, number>()); // block -> offset up to which it was read
  const inFlight = useRef(new Set<number>());
  const [lineCount, setLineCount] = useState(initialCount);
  const [runState, setRunState] = useState(state);
  const [follow, setFollow] = useState(state === "running");
  const [error, setError] = useState<string | null>(null);
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const scroller = useRef<HTMLDivElement>(null);
  const running = runState === "running";

  const options = {
    count: lineCount,
    getScrollElement: () => scroller.current,
    estimateSize: () => LINE_HEIGHT,
    overscan: 30,
    observeElementRect,
    observeElementOffset,
    scrollToFn: elementScroll,
    onChange: () => rerender(0),
  };
  const virtualizer = useMemo(() => new Virtualizer<HTMLDivElement, HTMLDivElement>(options), []);
  virtualizer.setOptions(options);
  useLayoutEffect(() => virtualizer._didMount(), []);
  useLayoutEffect(() => virtualizer._willUpdate());

  /** Keep a page read after offset `after`; a page shorter than asked for reaches the end of the log. */
  function store(page: { lines: { offset: number; text: string }[]; lineCount: number; state: string }, after: number, requested: number) {
    for (const line of page.lines) lines.current.set(line.offset, line.text);
    const lastRead = page.lines.length ? page.lines[page.lines.length - 1].offset + 1 : 0;
    const readUpTo = page.lines.length < requested ? Math.max(page.lineCount, lastRead) : lastRead;
    for (let block = Math.floor((after + 1) / BLOCK); block * BLOCK < readUpTo; block++) {
      const upTo = Math.min((block + 1) * BLOCK, readUpTo);
      loadedUpTo.current.set(block, Math.max(loadedUpTo.current.get(block) ?? 0, upTo));
    }
    setLineCount((count) => Math.max(count, page.lineCount, lastRead));
    setRunState(page.state);
  }

  const isRead = (offset: number) => (loadedUpTo.current.get(Math.floor(offset / BLOCK)) ?? 0) > offset;

  async function load(block: number) {
    if (inFlight.current.has(block)) return;
    inFlight.current.add(block);
    try {
      const page = await consoleLines(entity, project, run, block * BLOCK - 1, BLOCK);
      if (page) store(page, block * BLOCK - 1, BLOCK);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      inFlight.current.delete(block);
      rerender(0);
    }
  }

  const items = virtualizer.getVirtualItems();
  const first = items.length ? items[0].index : 0;
  const last = items.length ? items[items.length - 1].index : -1;
  useEffect(() => {
    for (const block of missingBlocks(first, last, lineCount, loadedUpTo.current)) load(block);
  }, [first, last, lineCount]);

  // The tail while the run runs: the last line again (a progress bar rewrites it) and what follows.
  useEffect(() => {
    if (!running) return;
    let live = true;
    const timer = setInterval(async () => {
      const after = Math.max(-1, lineCount - 2);
      try {
        const page = await consoleLines(entity, project, run, after, BLOCK);
        if (live && page) store(page, after, BLOCK);
      } catch (e) {
        if (live) setError((e as Error).message);
      }
    }, POLL_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [running, lineCount]);

  useEffect(() => {
    if (follow && lineCount > 0) virtualizer.scrollToIndex(lineCount - 1, { align: "end" });
  }, [follow, lineCount]);

  function onScroll() {
    const el = scroller.current;
    if (!el || !running) return;
    const atEnd = el.scrollTop + el.clientHeight >= el.scrollHeight - LINE_HEIGHT * 2;
    if (atEnd !== follow) setFollow(atEnd);
  }

  return (
    <>
      <p class="log-bar">
        <span aria-live="polite">
          {lineCount.toLocaleString()} {lineCount === 1 ? "line" : "lines"}
          {running ? " · the run is running" : ""}
        </span>{" "}
        {running && (
          <label class="inline">
            <input type="checkbox" checked={follow} onChange={(e) => setFollow(e.currentTarget.checked)} /> Follow the log
          </label>
        )}
      </p>
      {error && <Failure error={error} />}
      {lineCount === 0 ? (
        <p class="muted">{running ? "No console output yet." : "No console output was recorded."}</p>
      ) : (
        <div class="log" ref={scroller} onScroll={onScroll} role="region" aria-label="Console output" tabIndex={0}>
          <div style={{ height: `${virtualizer.getTotalSize()}px`, position: "relative" }}>
            {items.map((item) => {
              const text = lines.current.get(item.index);
              return (
                <div key={item.index} class="log-line" data-offset={item.index} style={{ transform: `translateY(${item.start}px)`, height: `${LINE_HEIGHT}px` }}>
                  <span class="log-no" aria-hidden="true">
                    {item.index + 1}
                  </span>
                  {text !== undefined ? <span>{text}</span> : isRead(item.index) ? "" : <span class="muted">…</span>}
                </div>
              );
            })}
          </div>
        </div>
      )}
    </>
  );
}
