import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { runPage } from "../ops";
import type { RunRow } from "../tableState";

export interface RunsState {
  runs: RunRow[];
  total: number | null;
  hasNext: boolean;
  loading: boolean;
  error: string | null;
}

/** The project's runs under a filter and order, a page at a time (keyset cursors, 100 a page). */
export function useRuns(entity: string, project: string, filters: string | null, order: string) {
  const [state, setState] = useState<RunsState>({ runs: [], total: null, hasNext: false, loading: true, error: null });
  const cursor = useRef<string | null>(null);
  const generation = useRef(0);
  const inFlight = useRef(false);

  const fetchPage = useCallback(
    async (reset: boolean) => {
      if (inFlight.current && !reset) return;
      const mine = reset ? ++generation.current : generation.current;
      if (reset) cursor.current = null;
      inFlight.current = true;
      setState((s) => ({ ...(reset ? { runs: [], total: null, hasNext: false } : s), loading: true, error: null }) as RunsState);
      try {
        const page = await runPage(entity, project, filters, order, cursor.current);
        if (mine !== generation.current) return;
        cursor.current = page.endCursor;
        setState((s) => ({
          runs: reset ? page.runs : [...s.runs, ...page.runs],
          total: page.totalCount ?? s.total,
          hasNext: page.hasNextPage,
          loading: false,
          error: null,
        }));
      } catch (error) {
        if (mine === generation.current) setState((s) => ({ ...s, loading: false, error: (error as Error).message }));
      } finally {
        if (mine === generation.current) inFlight.current = false;
      }
    },
    [entity, project, filters, order],
  );

  useEffect(() => {
    fetchPage(true);
  }, [fetchPage]);

  const loadMore = useCallback(() => {
    if (!inFlight.current) fetchPage(false);
  }, [fetchPage]);
  const reload = useCallback(() => fetchPage(true), [fetchPage]);
  return { ...state, loadMore, reload };
}
