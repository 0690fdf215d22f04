import { useMemo, useState } from "preact/hooks";
import { sampledHistories, type HistoryPoint, type ProjectInfo } from "../ops";
import type { RunRow } from "../tableState";
import { Failure, Loading, useLoad } from "../util";
import { LineChart, type ChartSeries } from "./Chart";

const VISIBLE_RUNS = 20;
const DEFAULT_METRICS = 6;

/** The numeric summary keys of the runs: the metrics one can chart. */
export function metricKeys(runs: RunRow[]): string[] {
  const keys = new Set<string>();
  for (const run of runs) {
    for (const [key, value] of Object.entries(run.summary)) if (!key.startsWith("_") && typeof value === "number") keys.add(key);
  }
  return [...keys].sort();
}

export function seriesOf(rows: HistoryPoint[], metric: string, x: string): [number, number][] {
  const points: [number, number][] = [];
  for (const row of rows) {
    const xv = row[x];
    const yv = row[metric];
    if (typeof xv === "number" && typeof yv === "number" && Number.isFinite(yv)) points.push([xv, yv]);
  }
  return points.sort((a, b) => a[0] - b[0]);
}

export function Workspace({ info, runs }: { info: ProjectInfo; runs: RunRow[] }) {
  const available = useMemo(() => metricKeys(runs), [runs]);
  const [chosen, setChosen] = useState<string[] | null>(null);
  const metrics = chosen ?? available.slice(0, DEFAULT_METRICS);
  const [xAxis, setXAxis] = useState<"_step" | "_timestamp">("_step");
  const [logScale, setLogScale] = useState(false);
  const [smoothing, setSmoothing] = useState(0);

  const visible = runs.slice(0, VISIBLE_RUNS);
  const baseline = info.baselineRun?.name;
  const names = [...visible.map((r) => r.name), ...(baseline && !visible.some((r) => r.name === baseline) ? [baseline] : [])];
  const labels = new Map(runs.map((r) => [r.name, r.displayName || r.name]));
  if (info.baselineRun) labels.set(info.baselineRun.name, info.baselineRun.displayName || info.baselineRun.name);

  const keys = xAxis === "_timestamp" ? metrics.map((m) => [m, "_timestamp"]) : metrics.map((m) => [m]);
  const [loaded] = useLoad(
    () => (metrics.length ? sampledHistories(info.entityName, info.name, names, metrics, 500, keys) : Promise.resolve({} as Record<string, HistoryPoint[][]>)),
    [names.join(","), metrics.join(","), xAxis],
  );

  return (
    <>
      <div class="toolbar">
        <details>
          <summary>Metrics ({metrics.length} of {available.length})</summary>
          <fieldset>
            <legend>Metrics to chart</legend>
            {available.map((m) => (
              <label key={m} class="inline">
                <input type="checkbox" checked={metrics.includes(m)}
                  onChange={(e) => setChosen(e.currentTarget.checked ? [...metrics, m] : metrics.filter((k) => k !== m))} />
                {m}
              </label>
            ))}
          </fieldset>
        </details>
        <label>
          X axis{" "}
          <select value={xAxis} onChange={(e) => setXAxis(e.currentTarget.value as "_step" | "_timestamp")}>
            <option value="_step">Step</option>
            <option value="_timestamp">Time</option>
          </select>
        </label>
        <label class="inline">
          <input type="checkbox" checked={logScale} onChange={(e) => setLogScale(e.currentTarget.checked)} /> Log scale
        </label>
        <label>
          Smoothing{" "}
          <input type="range" min={0} max={0.99} step={0.01} value={smoothing} onInput={(e) => setSmoothing(Number(e.currentTarget.value))} />{" "}
          {smoothing.toFixed(2)}
        </label>
        <span class="muted">
          {visible.length} runs shown{runs.length > VISIBLE_RUNS ? ` (the first ${VISIBLE_RUNS} of the table's order)` : ""}
          {baseline ? `; baseline ${labels.get(baseline)} drawn dashed` : ""}
        </span>
      </div>
      {metrics.length === 0 && <p class="muted">No numeric metrics logged yet.</p>}
      {loaded.state === "loading" && metrics.length > 0 && <Loading />}
      {loaded.state === "failed" && <Failure error={loaded.error} />}
      {loaded.state === "done" && (
        <div class="charts">
          {metrics.map((metric, i) => {
            const series: ChartSeries[] = names
              .filter((n) => loaded.value[n])
              .map((n) => ({
                label: labels.get(n) ?? n,
                points: seriesOf(loaded.value[n][i] ?? [], metric, xAxis),
                baseline: n === baseline,
              }));
            return <LineChart key={`${metric}-${xAxis}`} title={metric} series={series} xLabel={xAxis === "_step" ? "step" : "time"} logScale={logScale} smoothing={smoothing} />;
          })}
        </div>
      )}
    </>
  );
}
