import { useState } from "preact/hooks";
import { differingKeys, verdict } from "../compare";
import { compareRuns, type ComparisonRow, type ProjectInfo } from "../ops";
import { keyColumns, formatValue, type RunRow } from "../tableState";
import { Show, useLoad } from "../util";

const MAX_RUNS = 20;
const MAX_KEYS = 100;

export function Compare({ info, runs }: { info: ProjectInfo; runs: RunRow[] }) {
  const baseline = info.baselineRun;
  const [onlyDiffering, setOnlyDiffering] = useState(true);
  const others = runs.filter((r) => r.name !== baseline?.name).slice(0, MAX_RUNS);
  const keys = keyColumns(runs)
    .map((c) => c.key)
    .slice(0, MAX_KEYS);
  const [loaded] = useLoad(
    () => (baseline && others.length && keys.length ? compareRuns(info.entityName, info.name, keys, others.map((r) => r.name)) : Promise.resolve(null)),
    [baseline?.name, others.map((r) => r.name).join(","), keys.join(",")],
  );
  if (!baseline) return <p class="muted">Mark a run as the baseline (in the Table tab) to compare the others with it.</p>;
  if (others.length === 0) return <p class="muted">No other runs to compare with the baseline.</p>;

  return (
    <Show loaded={loaded}>
      {(comparison) => {
        const byKey = new Map<string, Map<string, ComparisonRow>>();
        for (const row of comparison.rows) {
          if (!byKey.has(row.key)) byKey.set(row.key, new Map());
          byKey.get(row.key)!.set(row.run.name, row);
        }
        const configRows = comparison.rows.filter((r) => r.key.startsWith("config."));
        const differing = differingKeys(configRows);
        const configKeys = keys.filter((k) => k.startsWith("config.") && (!onlyDiffering || differing.has(k)));
        const summaryKeys = keys.filter((k) => k.startsWith("summary_metrics."));
        const header = (
          <tr>
            <th scope="col">Key</th>
            <th scope="col">{baseline.displayName || baseline.name} (baseline)</th>
            {others.map((r) => (
              <th key={r.name} scope="col">
                {r.displayName || r.name}
              </th>
            ))}
          </tr>
        );
        return (
          <>
            <label class="inline">
              <input type="checkbox" checked={onlyDiffering} onChange={(e) => setOnlyDiffering(e.currentTarget.checked)} />
              Only config keys that differ
            </label>
            <h2>Config</h2>
            <table aria-label="Config compared with the baseline">
              <thead>{header}</thead>
              <tbody>
                {configKeys.map((key) => {
                  const cells = byKey.get(key);
                  const base = cells?.values().next().value?.baselineValue;
                  return (
                    <tr key={key}>
                      <th scope="row">{key.slice(7)}</th>
                      <td>{formatValue(base)}</td>
                      {others.map((r) => {
                        const cell = cells?.get(r.name);
                        const differs = cell && JSON.stringify(cell.value) !== JSON.stringify(cell.baselineValue);
                        return (
                          <td key={r.name} class={differs ? "differs" : undefined}>
                            {formatValue(cell?.value)}
                          </td>
                        );
                      })}
                    </tr>
                  );
                })}
              </tbody>
            </table>
            {configKeys.length === 0 && <p class="muted">No config key differs from the baseline.</p>}
            <h2>Summary</h2>
            <table aria-label="Summary compared with the baseline">
              <thead>{header}</thead>
              <tbody>
                {summaryKeys.map((key) => {
                  const cells = byKey.get(key);
                  const base = cells?.values().next().value?.baselineValue;
                  return (
                    <tr key={key}>
                      <th scope="row">{key.slice(16)}</th>
                      <td>{formatValue(base)}</td>
                      {others.map((r) => {
                        const cell = cells?.get(r.name);
                        const judged = cell ? verdict(cell) : null;
                        return (
                          <td key={r.name} class={judged ?? undefined}>
                            {formatValue(cell?.value)}
                            {cell?.difference !== null && cell?.difference !== undefined && (
                              <span class="delta">
                                {" "}
                                ({cell.difference > 0 ? "+" : ""}
                                {formatValue(cell.difference)}
                                {cell.relativeDifference !== null && `, ${cell.relativeDifference > 0 ? "+" : ""}${(cell.relativeDifference * 100).toFixed(1)}%`})
                                {judged && judged !== "same" && <span class="sr-only"> {judged}</span>}
                              </span>
                            )}
                          </td>
                        );
                      })}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </>
        );
      }}
    </Show>
  );
}
