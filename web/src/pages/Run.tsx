import { useMemo } from "preact/hooks";
import { runDetail, sampledHistories, systemMetrics, type RunDetail } from "../ops";
import { projectPath } from "../router";
import { configValue, formatValue } from "../tableState";
import { LineChart } from "../components/Chart";
import { seriesOf } from "../components/Workspace";
import { ConsoleLog } from "../components/ConsoleLog";
import { RunArtifacts } from "../components/RunArtifacts";
import { Failure, Link, Loading, Show, bytes, useLoad, useTitle, when } from "../util";

const MAX_CHARTS = 60;

export function RunPage({ entity, project, run }: { entity: string; project: string; run: string }) {
  useTitle(`${run} · ${entity}/${project}`);
  const [loaded] = useLoad(() => runDetail(entity, project, run), [entity, project, run]);
  return <Show loaded={loaded}>{(detail) => <Run entity={entity} project={project} run={detail} />}</Show>;
}

function duration(run: RunDetail): string {
  const seconds = Math.max(0, (new Date(run.heartbeatAt).getTime() - new Date(run.createdAt).getTime()) / 1000);
  if (seconds < 60) return `${seconds.toFixed(0)} s`;
  if (seconds < 3600) return `${(seconds / 60).toFixed(1)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}

function Run({ entity, project, run }: { entity: string; project: string; run: RunDetail }) {
  const config = useMemo(() => JSON.parse(run.config) as Record<string, unknown>, [run.config]);
  const summary = useMemo(() => JSON.parse(run.summaryMetrics) as Record<string, unknown>, [run.summaryMetrics]);
  const files = run.files.edges.map((e) => e.node);
  const diff = files.find((f) => f.name === "diff.patch");
  const consoleLog = files.find((f) => f.name === "output.log");
  const metrics = Object.entries(run.historyKeys?.keys ?? {})
    .filter(([key, info]) => !key.startsWith("_") && info.typeCounts.some((t) => t.type === "number"))
    .map(([key]) => key)
    .sort()
    .slice(0, MAX_CHARTS);
  const configKeys = Object.keys(config).filter((k) => k !== "_wandb").sort();
  const summaryKeys = Object.keys(summary).filter((k) => !k.startsWith("_")).sort();

  return (
    <>
      <p class="crumbs">
        <Link href={`/${entity}`}>{entity}</Link> / <Link href={projectPath(entity, project)}>{project}</Link> / runs /
      </p>
      <h1>{run.displayName || run.name}</h1>
      <dl class="facts" aria-label="Run overview">
        <dt>State</dt>
        <dd class={`state ${run.state}`}>{run.state}</dd>
        <dt>Run id</dt>
        <dd>{run.name}</dd>
        <dt>User</dt>
        <dd>
          {run.user?.username ?? ""}
          {run.serviceAccount && ` (via service account ${run.serviceAccount.username})`}
        </dd>
        <dt>Host</dt>
        <dd>{run.host ?? ""}</dd>
        <dt>Started</dt>
        <dd>{when(run.createdAt)}</dd>
        <dt>Duration</dt>
        <dd>{duration(run)}</dd>
        <dt>Command</dt>
        <dd>
          <code>{run.program ?? ""}</code>
        </dd>
        <dt>Exit code</dt>
        <dd>{run.exitCode ?? ""}</dd>
        <dt>Git commit</dt>
        <dd>
          <code>{run.commit ?? ""}</code>
        </dd>
        <dt>Git remote</dt>
        <dd>{run.gitRemote ?? ""}</dd>
        <dt>Tags</dt>
        <dd>{run.tags.join(", ")}</dd>
      </dl>
      {run.notes && <p>{run.notes}</p>}

      <section aria-labelledby="charts-heading">
        <h2 id="charts-heading">Charts</h2>
        <RunCharts entity={entity} project={project} run={run.name} metrics={metrics} />
      </section>

      <section aria-labelledby="system-heading">
        <h2 id="system-heading">System metrics</h2>
        <SystemCharts entity={entity} project={project} run={run.name} />
      </section>

      <div class="two">
        <KeyValues title="Config" keys={configKeys} value={(k) => configValue(config, k)} />
        <KeyValues title="Summary" keys={summaryKeys} value={(k) => summary[k]} />
      </div>

      {run.alerts.length > 0 && (
        <section aria-labelledby="alerts-heading">
          <h2 id="alerts-heading">Alerts</h2>
          <ul>
            {run.alerts.map((a) => (
              <li key={a.id}>
                <strong>{a.severity}</strong> {a.title}: {a.text} <span class="muted">{when(a.createdAt)}</span>
              </li>
            ))}
          </ul>
        </section>
      )}

      <RunArtifacts entity={entity} project={project} run={run.name} />

      <section aria-labelledby="diff-heading">
        <h2 id="diff-heading">Git diff</h2>
        {diff ? <Diff url={diff.directUrl} /> : <p class="muted">No uncommitted changes were saved with this run.</p>}
      </section>

      <section aria-labelledby="console-heading">
        <h2 id="console-heading">Console log</h2>
        <ConsoleLog entity={entity} project={project} run={run.name} state={run.state} lineCount={run.logLineCount} />
        {consoleLog && (
          <p>
            <a href={consoleLog.directUrl} download="output.log">
              Download output.log
            </a>{" "}
            <span class="muted">({bytes(consoleLog.sizeBytes)})</span>
          </p>
        )}
      </section>

      <section aria-labelledby="files-heading">
        <h2 id="files-heading">Files</h2>
        <table aria-label="Files">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Size</th>
              <th scope="col">Updated</th>
            </tr>
          </thead>
          <tbody>
            {files.map((f) => (
              <tr key={f.name}>
                <td>
                  <a href={f.directUrl} download={f.name.split("/").pop()}>
                    {f.name}
                  </a>
                </td>
                <td>{bytes(f.sizeBytes)}</td>
                <td>{when(f.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}

function KeyValues({ title, keys, value }: { title: string; keys: string[]; value: (key: string) => unknown }) {
  const id = `${title.toLowerCase()}-heading`;
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <table aria-label={title}>
        <tbody>
          {keys.map((k) => (
            <tr key={k}>
              <th scope="row">{k}</th>
              <td>{formatValue(value(k))}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {keys.length === 0 && <p class="muted">None.</p>}
    </section>
  );
}

function RunCharts({ entity, project, run, metrics }: { entity: string; project: string; run: string; metrics: string[] }) {
  const [loaded] = useLoad(() => sampledHistories(entity, project, [run], metrics, 1000), [entity, project, run, metrics.join(",")]);
  if (metrics.length === 0) return <p class="muted">No metrics logged.</p>;
  if (loaded.state === "loading") return <Loading />;
  if (loaded.state === "failed") return <Failure error={loaded.error} />;
  const rows = loaded.value[run] ?? [];
  return (
    <div class="charts">
      {metrics.map((metric, i) => (
        <LineChart key={metric} title={metric} series={[{ label: run, points: seriesOf(rows[i] ?? [], metric, "_step") }]} xLabel="step" />
      ))}
    </div>
  );
}

function Diff({ url }: { url: string }) {
  const [loaded] = useLoad(() => fetch(url).then((r) => (r.ok ? r.text() : Promise.reject(new Error(`the diff could not be read (${r.status})`)))), [url]);
  if (loaded.state === "loading") return <Loading />;
  if (loaded.state === "failed") return <Failure error={loaded.error} />;
  return (
    <pre class="diff" aria-label="Uncommitted changes" tabIndex={0}>
      {loaded.value.split("\n").map((line, i) => (
        <span key={i} class={line.startsWith("+") ? "add" : line.startsWith("-") ? "del" : undefined}>
          {line + "\n"}
        </span>
      ))}
    </pre>
  );
}

const MAX_SYSTEM_CHARTS = 12;

function SystemCharts({ entity, project, run }: { entity: string; project: string; run: string }) {
  const [loaded] = useLoad(() => systemMetrics(entity, project, run), [entity, project, run]);
  if (loaded.state === "loading") return <Loading />;
  if (loaded.state === "failed") return <Failure error={loaded.error} />;
  const rows = loaded.value;
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r).filter((k) => !k.startsWith("_") && typeof r[k] === "number")))]
    .sort()
    .slice(0, MAX_SYSTEM_CHARTS);
  if (keys.length === 0) return <p class="muted">No system metrics were recorded.</p>;
  const x = rows.some((r) => typeof r._runtime === "number") ? "_runtime" : "_timestamp";
  return (
    <div class="charts">
      {keys.map((key) => (
        <LineChart key={key} title={key} series={[{ label: key, points: seriesOf(rows, key, x) }]} xLabel={x === "_runtime" ? "seconds" : "time"} height={160} />
      ))}
    </div>
  );
}
